// SPDX-License-Identifier: Apache-2.0
//
// 異動 — ChangeRecord: one 異動 as the history records it (JK-1.2.1): its reason, 異動日, 届出日,
// 処理日, whether it was 職権, and where, on which terminal and by whom it was entered. Every
// version a 異動 writes points at its ChangeRecord.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

// What the delivery layer supplies: the domain has no clock and no session.
struct ChangeContext {
  CalendarDate today;       // 処理日: always the processing day (JK-4.0.3)
  std::string operator_id;  // the staff user's id
  std::string place;        // 入力場所 (JK-1.3.1)
  std::string terminal;     // 入力端末
  // Seconds since the epoch, for edit leases (JK-10.3): a person another operator is editing
  // cannot be changed until that lease ends or is released.
  int64_t now_epoch_seconds = 0;
  // Set while approving a 仮登録 (JK-4.0.8): that pending 異動 does not block itself, and its
  // decision is recorded in the same transaction as the 異動.
  std::optional<int64_t> approving_pending_id = std::nullopt;
};

struct ChangeRecord {
  int64_t change_id = 0;  // assigned when recorded
  ChangeReason reason = ChangeReason::kCorrectionExOfficio;
  RecordedDate event_date;                        // 異動日
  std::optional<CalendarDate> notification_date;  // 届出日 / 通知日 / 申出日
  CalendarDate processing_date;                   // 処理日
  bool ex_officio = false;                        // 職権
  bool on_request = false;                        // 申出による職権記載等 (JK-4.2.0.5)
  // 特例転出・特例転入 (住基法第24条の2; JK-4.1.3.0.4, 4.1.1.3): the 転出証明書情報 travels over CS
  // instead of on paper. A 特例転入 names the received 転出証明書情報 it was entered from.
  bool special = false;
  std::string move_out_information;
  std::string operator_id;
  std::string place;
  std::string terminal;
  std::string note;                            // 留意事項 (統合記載欄 B類型)
  std::vector<std::string> alerts;             // アラート acknowledged for this 異動
  std::optional<int64_t> approves_pending_id;  // the 仮登録 this 異動 finalises (本登録)
  // The 異動 this one voids for the as-of view by 異動日: the 転出 it amends, or the 異動 it
  // cancels. Both stay in the history.
  std::optional<int64_t> supersedes_change_id;
  friend bool operator==(const ChangeRecord&, const ChangeRecord&) = default;
};

// The result of a recorded 異動: the change and every version it appended, with the numbers the
// register assigned (宛名番号 and 世帯番号 of newcomers).
struct ChangeOutcome {
  ChangeRecord change;
  std::vector<ResidentRecord> versions;
  // Things the clerk should know after the 異動 was recorded (rule ids of severity アラート that
  // do not stop it), e.g. code_pool.low when few 住民票コード are left (JK-4.3.1).
  std::vector<std::string> notices = {};
};

}  // namespace jrr
