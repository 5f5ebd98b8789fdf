// SPDX-License-Identifier: Apache-2.0
//
// `jrr sample` — a new register holding the fictional town of 架空市 (sample/sample_town.h).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "jrr/domain/core/result.h"

namespace jrr::app {

struct SampleSummary {
  int64_t changes = 0;
  int64_t residents = 0;
  int64_t removed = 0;
  int64_t versions = 0;
  double seconds = 0;
};

// How the town's 異動 reach the file. Both write the same rows (a test compares them):
//   kRegister — through SqliteResidentRepository, each 異動 read from and checked against the file;
//   kBulk — through InMemoryResidentRepository, the same checks in memory; a second thread writes
//           each recorded 異動 with the same inserts, and the search keys and code pool go in whole
//           at the end, in key order.
enum class SamplePath { kRegister, kBulk };

// Creates `path` (which must not exist; error sample.register_not_empty) and fills it. The town is
// built as PATH.building and renamed to `path` once complete (a failed or killed build never leaves
// a file under `path`). Progress is drawn on `progress` when standard error is a terminal; with
// JRR_SAMPLE_PHASES set, when each phase ended, too. Throws StorageError.
Result<SampleSummary> CreateSampleRegister(const std::string& path, int residents, uint64_t seed,
                                           std::ostream& progress,
                                           SamplePath how = SamplePath::kBulk);

}  // namespace jrr::app
