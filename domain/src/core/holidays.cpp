// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/holidays.h"

namespace jrr {
namespace {

// The n-th Monday of a month (Happy Monday system).
int NthMonday(int year, int month, int n) {
  const int first = DayOfWeek(CalendarDate{year, month, 1});
  const int first_monday = 1 + (8 - first) % 7;
  return first_monday + 7 * (n - 1);
}

int VernalEquinoxDay(int year) {
  return static_cast<int>(20.8431 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
}
int AutumnalEquinoxDay(int year) {
  return static_cast<int>(23.2488 + 0.242194 * (year - 1980)) - (year - 1980) / 4;
}

// The holidays fixed by the law (no 振替休日 or 国民の休日).
std::string_view StatutoryHoliday(const CalendarDate& d) {
  const int y = d.year, m = d.month, day = d.day;
  // One-off changes first.
  if (y == 2019 && m == 5 && day == 1) return "即位の日";
  if (y == 2019 && m == 10 && day == 22) return "即位礼正殿の儀の行われる日";
  if (y == 2020 || y == 2021) {
    // 東京オリンピック・パラリンピック特措法: 海の日, スポーツの日, 山の日 moved.
    const bool y20 = y == 2020;
    if (m == 7 && day == (y20 ? 23 : 22)) return "海の日";
    if (m == 7 && day == (y20 ? 24 : 23)) return "スポーツの日";
    if (m == 8 && day == (y20 ? 10 : 8)) return "山の日";
  }
  const bool olympic = y == 2020 || y == 2021;
  switch (m) {
    case 1:
      if (day == 1) return "元日";
      if (day == NthMonday(y, 1, 2)) return "成人の日";
      break;
    case 2:
      if (day == 11) return "建国記念の日";
      if (day == 23 && y >= 2020) return "天皇誕生日";
      break;
    case 3:
      if (day == VernalEquinoxDay(y)) return "春分の日";
      break;
    case 4:
      if (day == 29) return "昭和の日";
      break;
    case 5:
      if (day == 3) return "憲法記念日";
      if (day == 4) return "みどりの日";
      if (day == 5) return "こどもの日";
      break;
    case 7:
      if (!olympic && day == NthMonday(y, 7, 3)) return "海の日";
      break;
    case 8:
      if (!olympic && day == 11 && y >= 2016) return "山の日";
      break;
    case 9:
      if (day == NthMonday(y, 9, 3)) return "敬老の日";
      if (day == AutumnalEquinoxDay(y)) return "秋分の日";
      break;
    case 10:
      if (!olympic && day == NthMonday(y, 10, 2)) return y >= 2020 ? "スポーツの日" : "体育の日";
      break;
    case 11:
      if (day == 3) return "文化の日";
      if (day == 23) return "勤労感謝の日";
      break;
    case 12:
      if (day == 23 && y >= 1989 && y <= 2018) return "天皇誕生日";
      break;
    default:
      break;
  }
  return {};
}

}  // namespace

int DayOfWeek(const CalendarDate& d) {
  // 1970-01-01 was a Thursday (4).
  const int64_t r = (ToDayNumber(d) + 4) % 7;
  return static_cast<int>(r < 0 ? r + 7 : r);
}

std::string_view NationalHolidayName(const CalendarDate& d) {
  if (auto name = StatutoryHoliday(d); !name.empty()) return name;
  // 振替休日: a holiday on a Sunday moves to the first following day that is not a holiday.
  CalendarDate back = PreviousDay(d);
  while (!StatutoryHoliday(back).empty()) {
    if (DayOfWeek(back) == 0) return "振替休日";
    back = PreviousDay(back);
  }
  // 国民の休日: a day between two holidays.
  if (!StatutoryHoliday(PreviousDay(d)).empty() && !StatutoryHoliday(NextDay(d)).empty()) {
    return "国民の休日";
  }
  return {};
}

bool IsClosedDay(const CalendarDate& d) {
  const int weekday = DayOfWeek(d);
  if (weekday == 0 || weekday == 6) return true;
  if ((d.month == 12 && d.day >= 29) || (d.month == 1 && d.day <= 3)) return true;
  return !NationalHolidayName(d).empty();
}

}  // namespace jrr
