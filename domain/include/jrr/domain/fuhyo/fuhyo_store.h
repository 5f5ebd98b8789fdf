// SPDX-License-Identifier: Apache-2.0
//
// 附票の記録 — FuhyoStore: the 附票 as the desk sees it (persistence/ implements it on SQLite). Each
// write is one transaction that includes its audit entry.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/fuhyo/fuhyo_event.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

class FuhyoStore {
 public:
  virtual ~FuhyoStore() = default;
  // 附票 whose 本籍, 筆頭者 or a member's 氏名 contains `text`, or whose member's 振り仮名 has the
  // kana key `kana_key` as a prefix (when not empty); current and closed, at most 100.
  virtual std::vector<Fuhyo> Search(const std::string& text, const std::string& kana_key) = 0;
  virtual std::optional<Fuhyo> Get(int64_t fuhyo_id) = 0;
  virtual std::optional<Fuhyo> Current(const KosekiKey& koseki) = 0;
  // This municipality as notices route it (架空県架空市).
  virtual std::string OurMunicipality() = 0;
  // Appends the plan and `audit` in one transaction; returns the 附票 the event leaves current
  // (the new one of 編製, 改製 and 管内転籍, else the one it named).
  virtual int64_t Write(const FuhyoEvent& event, const FuhyoEventPlan& plan,
                        const AuditEvent& audit) = 0;
  // A notice or a 第19条第2項 reply (ReceiveFuhyoNotice). Errors: fuhyo.notice_malformed, fuhyo.not_ours.
  virtual Result<FuhyoReceipt> Receive(const std::string& notice_text, CalendarDate today) = 0;
  // The residents (current or 除票) a member recording no 生年月日 is: whoever had the member's 氏名
  // under the 附票's 本籍・筆頭者, and the person the 異動 that wrote the member was about.
  virtual std::vector<std::string> ResidentsOfUndatedMember(const Fuhyo& fuhyo,
                                                            const FuhyoMember& member) = 0;
  // Newest first, at most `limit`.
  virtual std::vector<FuhyoNoticeEntry> Outbox(int limit) = 0;
  virtual std::vector<FuhyoNoticeEntry> Inbox(int limit) = 0;
};

}  // namespace jrr
