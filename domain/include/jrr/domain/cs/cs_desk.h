// SPDX-License-Identifier: Apache-2.0
//
// CS連携の窓口 — CsDesk: what a person, or the CS adapter acting as one, does with the messages
// exchanged over the CS (cs_message.h).
//   Receive   a message is recorded once, by its id. A 転入通知 is recorded as the 転入通知の受理
//             異動 of the 除票 it names (JK-4.1.3.1.2), with the CS inbox as its operator, in the
//             same transaction — or kept with the rule id that refused it, for a clerk
//             (転入通知情報取込エラー一覧). A 転出証明書情報 is kept for its 特例転入. Who handed
//             the message in is logged beside the inbox's own entry.
//   Messages  the outbox, or the inbox (with `waiting`, only the 転出証明書情報 no 特例転入 has
//             taken up yet), newest first; logged as a view.
// Both need the 異動入力 permission: the messages carry residents' items.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/records/resident_repository.h"
#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

// The operator a received message is recorded by (the 異動 of a 転入通知, its log entry).
inline constexpr std::string_view kCsInboxOperator = "cs-inbox";

// The CS inbox and outbox (a port; persistence/cs implements it).
class CsStore {
 public:
  virtual ~CsStore() = default;
  // This municipality as messages address it (架空県架空市); empty before `jrr init`.
  virtual std::string OurMunicipality() = 0;
  // In one transaction: for a message received before, its receipt (duplicate set) and nothing
  // else; otherwise `receive` runs, and its receipt is kept with the message and an アクセスログ
  // entry by kCsInboxOperator. Throws StorageError.
  virtual CsReceipt ReceiveOnce(const CsMessage& message,
                                const std::function<CsReceipt()>& receive) = 0;
  virtual std::vector<CsEntry> Outbox(int limit) = 0;
  virtual std::vector<CsEntry> Inbox(int limit, bool waiting) = 0;
};

class CsDesk {
 public:
  // `residents` records the 異動 of a 転入通知 with its effects (a repository that plans them).
  CsDesk(CsStore& store, ResidentRepository& residents, AuditLog& log, Viewer viewer)
      : store_(store), residents_(residents), log_(log), viewer_(std::move(viewer)) {}

  // Errors: access.permission_denied, cs.malformed (the envelope), cs.not_ours. A 転入通知 that
  // cannot be recorded is not an error: its receipt carries the refusing rule id.
  Result<CsReceipt> Receive(std::string_view text);
  Result<std::vector<CsEntry>> Messages(bool outbox, bool waiting, int limit = 200);

 private:
  Status Require(const std::string& function);
  CsStore& store_;
  ResidentRepository& residents_;
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
