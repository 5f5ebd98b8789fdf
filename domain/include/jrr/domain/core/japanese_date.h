// SPDX-License-Identifier: Apache-2.0
//
// 年月日 — RecordedDate: a date as the register keeps it (JK-1.1.8, 1.1.9, 1.3.6).
//
// Most dates (異動日, 届出日, …) must be real calendar days. A few items — 生年月日, 住民となった年月日,
// 住所を定めた年月日, 外国人住民となった年月日 and the 異動日 of 出生, 死亡 and 失踪 — must agree with the
// 戸籍, so they also accept (DatePolicy::kKosekiConsistent):
//   - a day that is not on the calendar (2月29日 in a common year, 2月30日, 4月31日);
//   - the first day of 大正 or 昭和 written in the previous era (明治45年7月30日, 大正15年12月25日);
//   - the 不詳日 forms of JK-1.1.8 (年月日不詳, 令和3年頃, 令和3年5月上旬, …).
// Each of these is an explicit DateState; nothing is silently corrected. Each keeps an internal
// date for ordering and for systems that need one.
//
// Display (JK-1.1.9): 和暦 for everything except a foreign resident's 生年月日 and 在留期間満了日,
// which are 西暦. The caller chooses the calendar; FormatRecordedDate() does the rest.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/era_table.h"
#include "jrr/domain/core/result.h"

namespace jrr {

enum class DatePolicy {
  kCalendarOnly,      // real calendar days only (the default for every date item)
  kKosekiConsistent,  // also the 戸籍-consistent states above (JK-1.1.8)
};

enum class DateState {
  kExact,              // a calendar day
  kNonCalendar,        // month 1..12, day 1..31, but not a day of that month (2月30日)
  kOldEraOnChangeDay,  // 明治45年7月30日 / 大正15年12月25日, kept as written
  kUncertain,          // one of the 不詳日 forms
};

// The 不詳日 forms of JK-1.1.8, in the order the standard lists them.
enum class UncertainForm {
  kYearApprox,          // 令和3年頃
  kMonthApprox,         // 令和3年5月頃
  kDayApprox,           // 令和3年5月1日頃
  kEstimatedDay,        // 推定令和3年5月1日
  kEstimatedMonth,      // 推定令和3年5月
  kSeason,              // 令和3年春
  kTenDays,             // 令和3年5月上旬
  kTenDaysApprox,       // 令和3年5月中旬頃
  kAllUnknown,          // 年月日不詳
  kMonthDayUnknown,     // 令和3年 月日不詳
  kDayUnknown,          // 令和3年5月 日不詳
  kRangeMonthDay,       // 令和3年5月1日から6月2日頃までの間
  kRangeEstimatedDays,  // 令和3年5月推定1日から3日までの間
  kRangeApproxDays,     // 令和3年5月1日頃から3日頃までの間
};

enum class Season { kNone = 0, kSpring, kSummer, kAutumn, kWinter };  // 春 夏 秋 冬
enum class TenDays { kNone = 0, kEarly, kMiddle, kLate };             // 上旬 中旬 下旬

struct RecordedDate {
  DateState state = DateState::kExact;
  UncertainForm form = UncertainForm::kAllUnknown;  // meaningful when state == kUncertain
  int era = -1;      // era index as written; -1 when written in 西暦 or not stated
  int era_year = 0;  // year within `era` as written (1 = 元年)
  int year = 0;      // Gregorian year; 0 when not stated
  int month = 0;     // 0 when not stated
  int day = 0;       // 0 when not stated
  int month2 = 0;    // end of a range (kRangeMonthDay)
  int day2 = 0;      // end of a range (the three kRange forms)
  Season season = Season::kNone;
  TenDays ten_days = TenDays::kNone;

  // The date kept internally (JK-1.1.8): the day itself, or the earliest day the text allows;
  // for kNonCalendar the last real day of that month. nullopt only for 年月日不詳.
  std::optional<CalendarDate> InternalDate() const;

  // The calendar day, when state == kExact or kOldEraOnChangeDay.
  std::optional<CalendarDate> ExactDate() const;

  friend bool operator==(const RecordedDate&, const RecordedDate&) = default;
};

// A calendar day as an exact RecordedDate, with the era it falls in (for dates that arrive as
// ISO days: the sample town, CS messages).
RecordedDate ExactRecordedDate(CalendarDate day, const EraTable& eras = EraTable::Default());

// Parses a date typed by a person or read from a file. Accepted notations:
//   令和7年11月27日, 令和元年5月1日, 令和七年十一月二十七日, R7.11.27, r7/11/27, 令7.11.27, H1-1-8,
//   2025-11-27, 2025/11/27, 2025年11月27日, 20251127, full-width digits and letters, and (under
//   kKosekiConsistent) every 不詳日 form of JK-1.1.8.
// Errors (kInvalidInput unless noted), all with the rule id shown:
//   text.*                     — see CheckText()
//   date.unrecognized          — not any accepted notation
//   date.era_year_zero         — 令和0年
//   date.month_out_of_range    — month outside 1..12
//   date.day_out_of_range      — day outside 1..31
//   date.not_on_calendar       — 2月30日 under kCalendarOnly
//   date.outside_era           — the day is before the era began (令和元年4月30日)
//   date.era_overrun           — the day is after the era ended (平成31年5月1日, 昭和64年1月8日)
//   date.lunisolar_period      — before 1873-01-01 (明治6年), when Japan used a lunisolar calendar
//   date.range_reversed        — the end of a range precedes its start
//   date.uncertain_not_allowed — a 不詳日 under kCalendarOnly (kRuleViolation)
Result<RecordedDate> ParseDate(std::string_view text, DatePolicy policy = DatePolicy::kCalendarOnly,
                               const EraTable& eras = EraTable::Default());

// ParseDate() under kCalendarOnly, returning the calendar day.
Result<CalendarDate> ParseCalendarDate(std::string_view text,
                                       const EraTable& eras = EraTable::Default());

// 令和7年11月27日 (元年 for the first year). A day before the first era prints in 西暦.
// Precondition: IsValid(d).
std::string FormatWareki(const CalendarDate& d, const EraTable& eras = EraTable::Default());

// 2025年11月27日. Precondition: IsValid(d).
std::string FormatSeireki(const CalendarDate& d);

enum class DisplayCalendar { kWareki, kSeireki };

// The text of a RecordedDate in the chosen calendar, including its 不詳日 form. ParseDate() of the
// 和暦 text gives the same value back (tested for every state and form).
std::string FormatRecordedDate(const RecordedDate& date, DisplayCalendar calendar,
                               const EraTable& eras = EraTable::Default());

// "暦上日", "不詳日", … — the state's name for screens and the CLI.
std::string_view DateStateNameJa(const RecordedDate& date);

// Stable English codes for the JSON API: "exact", "non_calendar", "old_era_on_change_day",
// "uncertain"; and for the 不詳日 forms "year_approx", "range_month_day", ….
std::string_view DateStateCode(DateState state);
std::string_view UncertainFormCode(UncertainForm form);

}  // namespace jrr
