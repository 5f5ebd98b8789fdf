// SPDX-License-Identifier: Apache-2.0
//
// CS連携 on SQLite (schema 0025): the messages a 異動 sends to other municipalities, the messages
// received from them, and the 転入通知 recorded without a clerk (cs_message.h says what each is).
//
//   QueueCsMessage    runs inside a 異動's transaction (SqliteResidentRepository::Append, and the bulk
//                     loader's): the 転出証明書情報 of a 特例転出, the 転入通知 of a 国内転入 from
//                     another municipality; TakeMoveOutInformation marks the one a 特例転入 names.
//   ReceiveCsMessage  records a received message once; a 転入通知 is recorded as a 転入通知の受理
//                     異動 in the same transaction (JK-4.1.3.1.2), or kept with the rule id that
//                     refused it for a clerk (転入通知情報取込エラー一覧).
//   CsOutbox, CsInbox the lists, newest first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/records/change.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/records/outbox.h"

namespace jrr {

// The outbox's numbering, kept by a bulk loader across its 異動: while it is the register's only
// writer nobody else adds a row.
struct CsWorkingSet {
  int64_t next_row = 0;  // cs_outbox's next rowid, which the message id carries; 0: not read yet
};

// The 転出証明書情報 `notice_id` as received: whether it is one that could be read, and the 異動
// that took it up, if any.
struct MoveOutInformationUse {
  bool received = false;
  std::optional<int64_t> used_by;
};
MoveOutInformationUse MoveOutInformationState(Database& db, std::string_view notice_id);
// Marks it taken up by `change_id` (a 特例転入), in the 異動's transaction.
void TakeMoveOutInformation(Database& db, const std::string& notice_id, int64_t change_id);
// Queues a message from `ours` to `to` in the outbox, in the transaction of the 異動 `change_id`
// that caused it (coupling/change_effects.h plans them).
void QueueCsMessage(Database& db, const std::string& ours, CsKind kind, const std::string& to,
                    int64_t change_id, std::string payload, CsWorkingSet* working = nullptr);

// `today` and `now_epoch_seconds` date the 異動 a 転入通知 records (operator "cs-inbox", place "CS").
// Errors: cs.malformed (the envelope), cs.not_ours.
// `residents` records that 異動 (with its effects: pass a SqliteResidentRepository).
Result<CsReceipt> ReceiveCsMessage(Database& db, ResidentRepository& residents,
                                   std::string_view body, CalendarDate today,
                                   int64_t now_epoch_seconds);
// The same for a person or an adapter acting as `viewer`: the 異動入力 permission. Errors: also
// access.permission_denied.
Result<CsReceipt> ReceiveCsMessageAs(Database& db, ResidentRepository& residents,
                                     const Viewer& viewer, std::string_view body);

// The lists as a person sees them: the 異動入力 permission (the messages carry residents' items),
// and an アクセスログ entry. Errors: access.permission_denied.
Result<std::vector<CsEntry>> ListCsMessages(Database& db, AuditLog& log, const Viewer& viewer,
                                            bool outbox, bool waiting = false);

std::vector<CsEntry> CsOutbox(Database& db, int limit);
// `waiting`: only 転出証明書情報 no 特例転入 has taken up yet.
std::vector<CsEntry> CsInbox(Database& db, int limit, bool waiting = false);
std::optional<CsEntry> CsInboxMessage(Database& db, std::string_view notice_id);

}  // namespace jrr
