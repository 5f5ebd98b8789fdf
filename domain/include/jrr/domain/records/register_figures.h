// SPDX-License-Identifier: Apache-2.0
//
// 登録状況 — RegisterFigures: the register in a few figures, for its home page and for the summary
// of `jrr sample`. Aggregates only, so the home page can show them without a login. Residents,
// foreign residents and households are counted on each person's latest version; 除票 (removed) are
// the people whose latest version is removed; changes is the number of 異動 recorded.
#pragma once

#include <cstdint>

namespace jrr {

struct RegisterFigures {
  int64_t residents = 0;
  int64_t foreign_residents = 0;
  int64_t households = 0;
  int64_t removed = 0;
  int64_t changes = 0;
};

}  // namespace jrr
