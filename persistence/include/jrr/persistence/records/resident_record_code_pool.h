// SPDX-License-Identifier: Apache-2.0
//
// 住民票コード pool (JK-4.3.1): loading codes, counting them, and drawing one at random inside a
// 異動's transaction (used by SqliteResidentRepository::Append).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

struct CodePoolStatus {
  int64_t total = 0;      // codes ever loaded
  int64_t free = 0;       // not held by any version
  int64_t low_water = 0;  // the setting resident_record_code.low_water
};

// Adds codes to the pool in one transaction. Each must be a valid 住民票コード (check digit);
// codes already in the pool are skipped. Returns how many were added.
// Errors: number.* with the offending line in detail (nothing is added then).
Result<int64_t> ImportResidentRecordCodes(Database& db, const std::vector<std::string>& codes);

// Counts every code (for `jrr codes status`; reads the whole pool).
CodePoolStatus ResidentRecordCodePoolStatus(Database& db);

// Whether fewer codes are free than resident_record_code.low_water (the アラート after a draw);
// reads only as many free codes as that number.
bool ResidentRecordCodePoolLow(Database& db);

// Inside an open transaction: a free code chosen at random, or "" when no code was ever loaded
// (a register run without 住基ネット, e.g. for teaching). Error code_pool.exhausted
// (kUnavailable) when codes were loaded and none is free.
Result<std::string> DrawResidentRecordCode(Database& db);

}  // namespace jrr
