// SPDX-License-Identifier: Apache-2.0
//
// 統計 — RegisterStatistics (JK-6.1): the counts of the 住民基本台帳関係年報 for a period.
//   - population on the reference date (the period's last day), read by 異動日: a 転出予定者 whose
//     planned day has not come is still counted, a 異動 cancelled or amended later does not count;
//   - households: of Japanese residents only, of foreign residents only, mixed;
//   - the period's 異動 by kind (転入 国内/国外, 出生, 転出 国内/国外, 死亡, other entries and
//     removals), each by Japanese/foreign and sex, counted per person;
//   - population by 町字 on the reference date.
// Aggregates only: no personal data leaves the register through this port.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

struct PeopleCount {
  int64_t japanese_male = 0, japanese_female = 0, foreign_male = 0, foreign_female = 0;
  int64_t japanese() const { return japanese_male + japanese_female; }
  int64_t foreign() const { return foreign_male + foreign_female; }
  int64_t total() const { return japanese() + foreign(); }
  friend bool operator==(const PeopleCount&, const PeopleCount&) = default;
};

struct RegisterStatistics {
  CalendarDate from;
  CalendarDate to;  // the reference date
  PeopleCount population;
  int64_t households_japanese = 0, households_foreign = 0, households_mixed = 0;
  PeopleCount move_in_domestic, move_in_abroad, births, other_entries;
  PeopleCount move_out_domestic, move_out_abroad, deaths, other_removals;
  struct Area {
    std::string address_text;  // 町字 as printed
    PeopleCount population;
  };
  std::vector<Area> by_area;  // ordered by address text
  // 中長期在留者住居地届出等事務に関する定期報告 (JK-6.1), by 法第30条の45 category: foreign
  // residents on the reference date, and the period's 住居地 notifications — 国外からの転入
  // (法第30条の46), 転入, 転居 — and 転出. Which items the 出入国在留管理庁 form asks for is an
  // inference [I] from the standard's one-line requirement (JK-6.1/2 in docs/requirements/jumin/JK-6.tsv).
  struct ForeignCategoryCounts {
    ForeignCategory category = ForeignCategory::kNone;
    int64_t population = 0;
    int64_t from_abroad = 0;
    int64_t moved_in = 0;
    int64_t moved_within = 0;
    int64_t moved_out = 0;
  };
  std::vector<ForeignCategoryCounts> foreign_by_category;  // kMidToLongTerm … kTransitional
};

class StatisticsRepository {
 public:
  virtual ~StatisticsRepository() = default;
  // Precondition: from <= to. Infrastructure failures throw StorageError.
  virtual RegisterStatistics Compute(CalendarDate from, CalendarDate to) = 0;
};

}  // namespace jrr
