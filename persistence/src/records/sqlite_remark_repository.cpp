// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_remark_repository.h"

#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

Status KnownPerson(Database& db, std::string_view addressee_number) {
  auto known = db.Prepare("SELECT 1 FROM resident_version WHERE addressee_number = ?1 LIMIT 1");
  known->Bind(1, addressee_number);
  if (!known->Step()) {
    return MakeError(ErrorCode::kNotFound, "change.person_not_found",
                     std::string(addressee_number));
  }
  return {};
}

Memo ReadMemo(const Statement& row) {
  return Memo{row.ColumnInt(0),  row.ColumnText(1), row.ColumnText(2),
              row.ColumnText(3), row.ColumnText(4), row.ColumnInt(5) != 0};
}

constexpr const char* kMemoColumns =
    "memo_id, addressee_number, text, operator_id, recorded_at, deleted";

}  // namespace

Result<Remark> SqliteRemarkRepository::AddRemark(std::string_view addressee_number,
                                                 std::string_view text, CalendarDate today,
                                                 std::string_view operator_id) {
  if (auto ok = CheckText(text, {.max_bytes = 1000, .allow_newlines = true}); !ok)
    return ok.error();
  if (auto ok = KnownPerson(db_, addressee_number); !ok) return ok.error();
  db_.Prepare(
         "INSERT INTO remark(addressee_number, text, recorded_on, operator_id) VALUES (?1, ?2, ?3, "
         "?4)")
      ->Bind(1, addressee_number)
      .Bind(2, text)
      .Bind(3, ToIsoString(today))
      .Bind(4, operator_id)
      .Run();
  return Remark{db_.LastInsertRowId(), std::string(addressee_number), std::string(text), today,
                std::string(operator_id)};
}

std::vector<Remark> SqliteRemarkRepository::Remarks(std::string_view addressee_number) {
  auto rows = db_.Prepare(
      "SELECT remark_id, text, recorded_on, operator_id FROM remark WHERE addressee_number = ?1 "
      "ORDER BY remark_id");
  rows->Bind(1, addressee_number);
  std::vector<Remark> remarks;
  while (rows->Step()) {
    auto day = ParseIsoDate(rows->ColumnText(2));
    if (!day) throw StorageError("storage.failure", "undecodable remark date");
    remarks.push_back({rows->ColumnInt(0), std::string(addressee_number), rows->ColumnText(1), *day,
                       rows->ColumnText(3)});
  }
  return remarks;
}

Result<Memo> SqliteRemarkRepository::AppendRevision(int64_t memo_id,
                                                    std::string_view addressee_number,
                                                    std::string_view text, bool deleted,
                                                    std::string_view operator_id) {
  Transaction transaction(db_);
  if (memo_id == 0)
    memo_id = db_.QueryInt("SELECT coalesce(max(memo_id), 0) + 1 FROM memo_revision");
  db_.Prepare(
         "INSERT INTO memo_revision(memo_id, addressee_number, text, deleted, operator_id) "
         "VALUES (?1, ?2, ?3, ?4, ?5)")
      ->Bind(1, memo_id)
      .Bind(2, addressee_number)
      .Bind(3, text)
      .Bind(4, deleted ? 1 : 0)
      .Bind(5, operator_id)
      .Run();
  auto row = db_.Prepare(std::string("SELECT ") + kMemoColumns +
                         " FROM memo_revision WHERE revision_id = ?1");
  row->Bind(1, db_.LastInsertRowId());
  row->Step();
  Memo memo = ReadMemo(*row);
  transaction.Commit();
  return memo;
}

Result<Memo> SqliteRemarkRepository::AddMemo(std::string_view addressee_number,
                                             std::string_view text, std::string_view operator_id) {
  if (auto ok = CheckText(text, {.max_bytes = 4000, .allow_newlines = true}); !ok)
    return ok.error();
  if (auto ok = KnownPerson(db_, addressee_number); !ok) return ok.error();
  return AppendRevision(0, addressee_number, text, false, operator_id);
}

Result<Memo> SqliteRemarkRepository::EditMemo(int64_t memo_id, std::string_view text,
                                              std::string_view operator_id) {
  if (auto ok = CheckText(text, {.max_bytes = 4000, .allow_newlines = true}); !ok)
    return ok.error();
  const auto history = MemoHistory(memo_id);
  if (history.empty() || history.back().deleted) {
    return MakeError(ErrorCode::kNotFound, "memo.not_found", std::to_string(memo_id));
  }
  return AppendRevision(memo_id, history.back().addressee_number, text, false, operator_id);
}

Status SqliteRemarkRepository::DeleteMemo(int64_t memo_id, std::string_view operator_id) {
  const auto history = MemoHistory(memo_id);
  if (history.empty() || history.back().deleted) {
    return MakeError(ErrorCode::kNotFound, "memo.not_found", std::to_string(memo_id));
  }
  auto appended = AppendRevision(memo_id, history.back().addressee_number, history.back().text,
                                 true, operator_id);
  if (!appended) return appended.error();
  return {};
}

std::vector<Memo> SqliteRemarkRepository::Memos(std::string_view addressee_number) {
  auto rows =
      db_.Prepare(std::string("SELECT ") + kMemoColumns +
                  " FROM memo_revision r WHERE addressee_number = ?1 AND revision_id = "
                  "(SELECT max(s.revision_id) FROM memo_revision s WHERE s.memo_id = r.memo_id) "
                  "AND deleted = 0 ORDER BY memo_id");
  rows->Bind(1, addressee_number);
  std::vector<Memo> memos;
  while (rows->Step()) memos.push_back(ReadMemo(*rows));
  return memos;
}

std::vector<Memo> SqliteRemarkRepository::MemoHistory(int64_t memo_id) {
  auto rows = db_.Prepare(std::string("SELECT ") + kMemoColumns +
                          " FROM memo_revision WHERE memo_id = ?1 ORDER BY revision_id");
  rows->Bind(1, memo_id);
  std::vector<Memo> revisions;
  while (rows->Step()) revisions.push_back(ReadMemo(*rows));
  return revisions;
}

}  // namespace jrr
