// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/resident_record_code_pool.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "jrr/domain/numbers.h"

namespace jrr {
namespace {

constexpr const char* kFreeCodes =
    "FROM resident_record_code_pool p WHERE NOT EXISTS "
    "(SELECT 1 FROM resident_version v WHERE v.resident_record_code = p.code)";

}  // namespace

Result<int64_t> ImportResidentRecordCodes(Database& db, const std::vector<std::string>& codes) {
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (auto valid = ResidentRecordCode::Parse(codes[i]); !valid) {
      Error error = valid.error();
      error.detail = "line " + std::to_string(i + 1) + ": " + error.detail;
      return error;
    }
  }
  // In code order: the pool's key then grows at its end instead of at random places (a town's
  // 1.5 million codes: 3.8 µs each in file order). Which code is drawn does not depend on the
  // order (DrawResidentRecordCode picks at random).
  std::vector<std::string_view> sorted(codes.begin(), codes.end());
  std::sort(sorted.begin(), sorted.end());
  Transaction transaction(db);
  int64_t added = 0;
  for (std::string_view code : sorted) {
    auto insert = db.Prepare("INSERT OR IGNORE INTO resident_record_code_pool(code) VALUES (?1)");
    insert->Bind(1, code).Run();
    added += db.Changes();
  }
  transaction.Commit();
  return added;
}

CodePoolStatus ResidentRecordCodePoolStatus(Database& db) {
  CodePoolStatus status;
  status.total = db.QueryInt("SELECT count(*) FROM resident_record_code_pool");
  status.free = db.QueryInt(std::string("SELECT count(*) ") + kFreeCodes);
  status.low_water = db.QueryInt(
      "SELECT CAST(value AS INTEGER) FROM register_setting WHERE name = "
      "'resident_record_code.low_water' ORDER BY setting_id DESC LIMIT 1");
  return status;
}

Result<std::string> DrawResidentRecordCode(Database& db) {
  if (db.QueryInt("SELECT count(*) FROM resident_record_code_pool") == 0) return std::string();
  auto draw = db.Prepare(std::string("SELECT p.code ") + kFreeCodes + " ORDER BY random() LIMIT 1");
  if (!draw->Step()) {
    return MakeError(ErrorCode::kUnavailable, "code_pool.exhausted", "no free 住民票コード");
  }
  return draw->ColumnText(0);
}

}  // namespace jrr
