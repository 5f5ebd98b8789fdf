// SPDX-License-Identifier: Apache-2.0
//
// 架空の町 — SampleTown: a deterministic generator of a fictional municipality for teaching,
// demos, vendor comparison and benchmarks. Every person is invented: names are drawn from lists of
// common surnames and given names (which identify nobody), dates and numbers are random.
//
// The town is built through the real 異動 use cases, in date order, each 異動 processed on its
// notification day: ten years of 転入, 出生, 死亡, 転居, 転出 (→ 除票), 世帯分離 and corrections, so
// every row is exactly what the register writes in use, history and rules included. The same
// lists, seed and size give the same register, row for row (apart from wall-clock stamps).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/records/address_dictionary.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

struct SampleLists {
  struct Surname {
    std::string text, kana;
    int weight;
  };
  struct GivenName {
    std::string text, kana;
    Sex sex;
    int weight;
  };
  struct ForeignName {
    std::string alphabet_name, nationality;
    ForeignCategory category;
    std::string status_of_residence;
    Sex sex;
  };
  std::vector<Surname> surnames;
  std::vector<GivenName> given_names;
  std::vector<ForeignName> foreign_names;
  std::vector<AddressArea> areas;
};

// Parses sample_data/{surnames,given_names,foreign_names}.tsv and an address dictionary.
// Errors: sample.list_invalid with the file and line in detail.
Result<SampleLists> ParseSampleLists(std::string_view surnames, std::string_view given_names,
                                     std::string_view foreign_names, std::string_view dictionary);

// A small, portable, seeded generator (SplitMix64): the same seed gives the same sequence on
// every platform, which the standard library's distributions do not promise.
class SampleRandom {
 public:
  explicit SampleRandom(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform in [0, n). Precondition: n > 0.
  int Below(int n);
  // True with probability per_million / 1,000,000.
  bool Chance(int per_million) { return Below(1000000) < per_million; }

 private:
  uint64_t state_;
};

struct SampleOptions {
  int residents = 10000;
  uint64_t seed = 1;
  CalendarDate start{2016, 4, 1};  // the first 転入
  CalendarDate end{2026, 10, 31};  // the last 異動
  // Called between 異動, every `progress_every` of them, with (residents so far, target): for a
  // progress bar, and for a bulk loader to commit a group of 異動.
  std::function<void(int64_t, int64_t)> progress;
  int progress_every = 2000;
};

struct SampleReport {
  std::vector<std::string> codes_used;  // every 住民票コード handed out, for the pool
  int64_t changes = 0;
  int64_t residents = 0;   // current residents at the end
  int64_t removed = 0;     // people whose record is a 除票
  int64_t households = 0;  // households with residents
};

// Builds the town in `repository` (which must hold no residents yet). The generator mints the
// 住民票コード itself from a stream of its own, so the result does not depend on the repository's
// random draw; they are listed in the report for the caller to load into the pool.
// Errors: whatever a 異動 returns (a generator defect).
Result<SampleReport> BuildSampleTown(ResidentRepository& repository, AddressDictionary* dictionary,
                                     const SampleLists& lists, const SampleOptions& options);

// A valid 住民票コード from `random` (the caller keeps them distinct).
std::string SampleResidentRecordCode(SampleRandom& random);

}  // namespace jrr
