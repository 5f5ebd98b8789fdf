// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/resident_record_code_pool.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/numbers.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

constexpr const char* kFreeCodes =
    "FROM resident_record_code_pool p WHERE NOT EXISTS "
    "(SELECT 1 FROM resident_version v WHERE v.resident_record_code = p.code)";

int64_t LowWater(Database& db) {
  return db.QueryInt(
      "SELECT CAST(value AS INTEGER) FROM register_setting WHERE name = "
      "'resident_record_code.low_water' ORDER BY setting_id DESC LIMIT 1");
}

}  // namespace

Result<int64_t> ImportResidentRecordCodes(Database& db, const std::vector<std::string>& codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (auto valid = ResidentRecordCode::Parse(codes[i]); !valid) {
      Error error = valid.error();
      error.detail = "line " + std::to_string(i + 1) + ": " + error.detail;
      return error;
    }
  }
  // In code order: the pool's key then grows at its end instead of at random places, which is
  // much cheaper for a large pool (docs/performance.md). Which code is drawn does not depend on
  // the order (DrawResidentRecordCode picks at random).
  std::vector<std::string_view> sorted(codes.begin(), codes.end());
  std::sort(sorted.begin(), sorted.end());
  // Many codes to a statement: a statement run per code cost more than the code's place in the key.
  // The day is bound, not left to the column's default (the same UTC date): SQLite's strftime per
  // row was a large part of the insert's time (docs/performance.md).
  const std::string today = UtcTimestampNow().substr(0, 10);
  Transaction transaction(db);
  const int64_t added =
      InsertRows(db, "INSERT OR IGNORE INTO resident_record_code_pool(code, loaded_on) VALUES ",
                 "(?, ?)", sorted.size(), 256, [&](Statement& insert, int first, std::size_t i) {
                   insert.BindUnowned(first, sorted[i]).BindUnowned(first + 1, today);
                 });
  transaction.Commit();
  return added;
}

CodePoolStatus ResidentRecordCodePoolStatus(Database& db) {
  CodePoolStatus status;
  status.total = db.QueryInt("SELECT count(*) FROM resident_record_code_pool");
  status.free = db.QueryInt(std::string("SELECT count(*) ") + kFreeCodes);
  status.low_water = LowWater(db);
  return status;
}

bool ResidentRecordCodePoolLow(Database& db) {
  const int64_t low_water = LowWater(db);
  if (low_water <= 0) return false;
  // Counting stops at the threshold: a large pool answers after reading a few of its rows.
  return db.QueryInt(std::string("SELECT count(*) FROM (SELECT 1 ") + kFreeCodes + " LIMIT ?1)",
                     low_water) < low_water;
}

// IMP: JK-4.3.1
Result<std::string> DrawResidentRecordCode(Database& db) {
  // The pool only grows, and INSERT OR IGNORE leaves no gaps: its rowids are 1 … last.
  const int64_t last = db.QueryInt("SELECT coalesce(max(rowid), 0) FROM resident_record_code_pool");
  if (last == 0) return std::string();
  // Every free code equally likely (JK-4.3.1: 無作為), without reading the whole pool: a row picked
  // at random is kept when free, else another is picked (rejection sampling). Reading every free
  // code to choose one costs a scan of the pool per 異動 (docs/performance.md). Only a pool
  // almost used up exhausts the tries (with 1 % free, one draw in 13) and chooses among all.
  constexpr int kTries = 256;
  for (int attempt = 0; attempt < kTries; ++attempt) {
    const int64_t row = db.QueryInt("SELECT 1 + abs(random() % ?1)", last);
    auto probe = db.Prepare(std::string("SELECT p.code ") + kFreeCodes + " AND p.rowid = ?1");
    probe->Bind(1, row);
    if (probe->Step()) return probe->ColumnText(0);
  }
  auto draw = db.Prepare(std::string("SELECT p.code ") + kFreeCodes + " ORDER BY random() LIMIT 1");
  if (!draw->Step()) {
    return MakeError(ErrorCode::kUnavailable, "code_pool.exhausted", "no free 住民票コード");
  }
  return draw->ColumnText(0);
}

}  // namespace jrr
