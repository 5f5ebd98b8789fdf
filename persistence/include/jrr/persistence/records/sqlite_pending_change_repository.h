// SPDX-License-Identifier: Apache-2.0
//
// PendingChangeRepository on SQLite (schema 0003). Entering and withdrawing a 仮登録 are logged
// (JK-10.2: 仮登録 as well as 本登録) in the same transaction.
#pragma once

#include "jrr/domain/records/pending_changes.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqlitePendingChangeRepository final : public PendingChangeRepository {
 public:
  explicit SqlitePendingChangeRepository(Database& db) : db_(db) {}
  PendingChange Add(PendingChange pending) override;
  std::vector<PendingChange> ListOpen() override;
  Result<PendingChange> GetOpen(int64_t pending_id) override;
  Status Withdraw(int64_t pending_id, const ChangeContext& by) override;

 private:
  Database& db_;
};

}  // namespace jrr
