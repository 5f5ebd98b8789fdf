// SPDX-License-Identifier: Apache-2.0
//
// 暦上日 — CalendarDate: a day of the proleptic Gregorian calendar. Construction does not validate;
// IsValid() does. Dates the standard allows off the calendar (JK-1.1.8) are RecordedDate states,
// never a CalendarDate.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jrr {

struct CalendarDate {
  int year = 0;
  int month = 0;
  int day = 0;

  friend constexpr auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

constexpr bool IsLeapYear(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// Days in the month, or 0 for a month outside 1..12.
constexpr int DaysInMonth(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// True for a real day between 0001-01-01 and 9999-12-31.
constexpr bool IsValid(const CalendarDate& d) {
  return d.year >= 1 && d.year <= 9999 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// Days since 1970-01-01 (negative before). Precondition: IsValid(d).
int64_t ToDayNumber(const CalendarDate& d);
CalendarDate FromDayNumber(int64_t days);

// The day before / after. Precondition: IsValid(d).
CalendarDate PreviousDay(const CalendarDate& d);
CalendarDate NextDay(const CalendarDate& d);

// "2025-11-27". Precondition: 1 <= year <= 9999.
std::string ToIsoString(const CalendarDate& d);

// Strict "YYYY-MM-DD" (ASCII digits only); nullopt when malformed or not on the calendar.
std::optional<CalendarDate> ParseIsoDate(std::string_view text);

}  // namespace jrr
