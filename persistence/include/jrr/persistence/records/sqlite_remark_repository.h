// SPDX-License-Identifier: Apache-2.0
//
// RemarkRepository (備考 and メモ) on SQLite (schema 0010).
#pragma once

#include "jrr/domain/records/remarks.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteRemarkRepository final : public RemarkRepository {
 public:
  explicit SqliteRemarkRepository(Database& db) : db_(db) {}
  Result<Remark> AddRemark(std::string_view addressee_number, std::string_view text,
                           CalendarDate today, std::string_view operator_id) override;
  std::vector<Remark> Remarks(std::string_view addressee_number) override;
  Result<Memo> AddMemo(std::string_view addressee_number, std::string_view text,
                       std::string_view operator_id) override;
  Result<Memo> EditMemo(int64_t memo_id, std::string_view text,
                        std::string_view operator_id) override;
  Status DeleteMemo(int64_t memo_id, std::string_view operator_id) override;
  std::vector<Memo> Memos(std::string_view addressee_number) override;
  std::vector<Memo> MemoHistory(int64_t memo_id) override;

 private:
  Result<Memo> AppendRevision(int64_t memo_id, std::string_view addressee_number,
                              std::string_view text, bool deleted, std::string_view operator_id);
  Database& db_;
};

}  // namespace jrr
