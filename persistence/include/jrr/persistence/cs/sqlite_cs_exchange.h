// SPDX-License-Identifier: Apache-2.0
//
// CS連携 on SQLite (schema 0025): the messages a 異動 sends to other municipalities, the messages
// received from them, and the 転入通知 recorded without a clerk (cs_message.h says what each is).
//
//   QueueCsMessage    runs inside a 異動's transaction (SqliteResidentRepository::Append, and the bulk
//                     loader's): the 転出証明書情報 of a 特例転出, the 転入通知 of a 国内転入 from
//                     another municipality; TakeMoveOutInformation marks the one a 特例転入 names.
//   SqliteCsStore     CsDesk's store (cs/cs_desk.h): a received message kept once, with what its
//                     receipt says, in one transaction with the 異動 it caused; the lists.
//   CsOutbox, CsInbox the lists, newest first.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/cs/cs_desk.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/records/change.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/outbox.h"

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

// The CS inbox and outbox as CsDesk (cs/cs_desk.h) keeps them.
class SqliteCsStore final : public CsStore {
 public:
  explicit SqliteCsStore(Database& db) : db_(db) {}
  std::string OurMunicipality() override;
  CsReceipt ReceiveOnce(const CsMessage& message,
                        const std::function<CsReceipt()>& receive) override;
  std::vector<CsEntry> Outbox(int limit) override;
  std::vector<CsEntry> Inbox(int limit, bool waiting) override;

 private:
  Database& db_;
};

std::vector<CsEntry> CsOutbox(Database& db, int limit);
// `waiting`: only 転出証明書情報 no 特例転入 has taken up yet.
std::vector<CsEntry> CsInbox(Database& db, int limit, bool waiting = false);
std::optional<CsEntry> CsInboxMessage(Database& db, std::string_view notice_id);

}  // namespace jrr
