// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/calendar_date.h"

#include <cassert>

namespace jrr {

// Civil-from-days and days-from-civil after H. Hinnant's public-domain derivation
// (http://howardhinnant.github.io/date_algorithms.html), written out here for our types.
int64_t ToDayNumber(const CalendarDate& d) {
  assert(IsValid(d));
  const int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (d.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate FromDayNumber(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t day = doy - (153 * mp + 2) / 5 + 1;
  const int64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return CalendarDate{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

CalendarDate PreviousDay(const CalendarDate& d) { return FromDayNumber(ToDayNumber(d) - 1); }
CalendarDate NextDay(const CalendarDate& d) { return FromDayNumber(ToDayNumber(d) + 1); }

std::string ToIsoString(const CalendarDate& d) {
  char buffer[11];
  buffer[0] = static_cast<char>('0' + d.year / 1000 % 10);
  buffer[1] = static_cast<char>('0' + d.year / 100 % 10);
  buffer[2] = static_cast<char>('0' + d.year / 10 % 10);
  buffer[3] = static_cast<char>('0' + d.year % 10);
  buffer[4] = '-';
  buffer[5] = static_cast<char>('0' + d.month / 10 % 10);
  buffer[6] = static_cast<char>('0' + d.month % 10);
  buffer[7] = '-';
  buffer[8] = static_cast<char>('0' + d.day / 10 % 10);
  buffer[9] = static_cast<char>('0' + d.day % 10);
  buffer[10] = 0;
  return std::string(buffer, 10);
}

std::optional<CalendarDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int values[3] = {0, 0, 0};
  const int starts[3] = {0, 5, 8};
  const int lengths[3] = {4, 2, 2};
  for (int part = 0; part < 3; ++part) {
    for (int i = 0; i < lengths[part]; ++i) {
      const char c = text[static_cast<std::size_t>(starts[part] + i)];
      if (c < '0' || c > '9') return std::nullopt;
      values[part] = values[part] * 10 + (c - '0');
    }
  }
  CalendarDate d{values[0], values[1], values[2]};
  if (!IsValid(d)) return std::nullopt;
  return d;
}

}  // namespace jrr
