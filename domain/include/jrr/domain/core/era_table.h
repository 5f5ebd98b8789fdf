// SPDX-License-Identifier: Apache-2.0
//
// 元号 — Era and EraTable: the 和暦/西暦 master of JK-1.3.6. The table is data
// (domain/data/eras.tsv, embedded at build time), so a new era is a data change; a municipality
// can also load its own table with EraTable::FromTsv().
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"

namespace jrr {

struct Era {
  std::string name;          // 令和
  std::string abbreviation;  // 令
  char initial = 0;          // 'R'
  CalendarDate start;        // first Gregorian day of the era
  // The 戸籍 may record `start` in the previous era's last year (JK-1.1.8).
  bool old_era_on_start_day = false;
};

// An era and a year within it, as printed: {令和, 7} → 令和7年; year 1 prints as 元年.
struct EraYear {
  int era = -1;  // index into EraTable::eras(); -1 when the date precedes every era
  int year = 0;
};

class EraTable {
 public:
  // Parses the TSV format of domain/data/eras.tsv. Errors (rule era_table.invalid, kInvalidInput)
  // for a malformed line, a start date not on the calendar, eras out of order or duplicated names.
  static Result<EraTable> FromTsv(std::string_view tsv);

  // The built-in table (明治 to 令和). Thread-safe; built once.
  static const EraTable& Default();

  std::span<const Era> eras() const { return eras_; }

  // The era containing `d`. Precondition: IsValid(d).
  EraYear ToEraYear(const CalendarDate& d) const;

  // Gregorian year of `year` of era `era`. Precondition: 0 <= era < size.
  int GregorianYear(int era, int year) const { return eras_[era].start.year + year - 1; }

  // The first day after era `era` ends, or nullopt for the current era.
  const CalendarDate* EndExclusive(int era) const;

  // Lookups for the parser; -1 when not found.
  int FindByName(std::u32string_view name) const;
  int FindByAbbreviation(char32_t c) const;
  int FindByInitial(char32_t c) const;  // case-insensitive ASCII

  // The era's name as code points, for the parser. Precondition: 0 <= era < size.
  std::u32string_view Name32(int era) const { return names32_[static_cast<std::size_t>(era)]; }

 private:
  std::vector<Era> eras_;
  std::vector<std::u32string> names32_;
  std::vector<char32_t> abbreviations32_;
};

}  // namespace jrr
