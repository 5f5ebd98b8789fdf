// SPDX-License-Identifier: Apache-2.0
//
// 閉庁日 (国民の祝日に関する法律, 年末年始) and the アクセスログ analysis lists of JK-10.2.
#include <gtest/gtest.h>

#include <set>

#include "jrr/domain/core/holidays.h"
#include "jrr/domain/security/audit_analysis.h"

namespace jrr {
namespace {

CalendarDate D(int y, int m, int d) { return CalendarDate{y, m, d}; }

std::set<std::string> HolidaysOf(int year) {
  std::set<std::string> days;
  for (CalendarDate d = D(year, 1, 1); d.year == year; d = NextDay(d)) {
    if (!NationalHolidayName(d).empty()) days.insert(ToIsoString(d));
  }
  return days;
}

// The Cabinet Office's published lists.
// LAW: 国民の祝日に関する法律第2条
TEST(HolidaysTest, MatchThePublishedListsIncludingSubstituteAndSandwichedDays) {
  EXPECT_EQ(
      HolidaysOf(2026),
      (std::set<std::string>{"2026-01-01", "2026-01-12", "2026-02-11", "2026-02-23", "2026-03-20",
                             "2026-04-29", "2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06",
                             "2026-07-20", "2026-08-11", "2026-09-21", "2026-09-22", "2026-09-23",
                             "2026-10-12", "2026-11-03", "2026-11-23"}));
  EXPECT_EQ(
      HolidaysOf(2025),
      (std::set<std::string>{"2025-01-01", "2025-01-13", "2025-02-11", "2025-02-23", "2025-02-24",
                             "2025-03-20", "2025-04-29", "2025-05-03", "2025-05-04", "2025-05-05",
                             "2025-05-06", "2025-07-21", "2025-08-11", "2025-09-15", "2025-09-23",
                             "2025-10-13", "2025-11-03", "2025-11-23", "2025-11-24"}));
  EXPECT_EQ(
      HolidaysOf(2020),
      (std::set<std::string>{"2020-01-01", "2020-01-13", "2020-02-11", "2020-02-23", "2020-02-24",
                             "2020-03-20", "2020-04-29", "2020-05-03", "2020-05-04", "2020-05-05",
                             "2020-05-06", "2020-07-23", "2020-07-24", "2020-08-10", "2020-09-21",
                             "2020-09-22", "2020-11-03", "2020-11-23"}));
  EXPECT_EQ(NationalHolidayName(D(2019, 5, 1)), "即位の日");
  EXPECT_EQ(NationalHolidayName(D(2019, 4, 30)), "国民の休日");
  EXPECT_EQ(NationalHolidayName(D(2019, 5, 2)), "国民の休日");
  EXPECT_EQ(NationalHolidayName(D(2019, 5, 6)), "振替休日");
  EXPECT_EQ(NationalHolidayName(D(2026, 5, 6)), "振替休日");
  EXPECT_EQ(NationalHolidayName(D(2026, 9, 22)), "国民の休日");
  EXPECT_EQ(NationalHolidayName(D(2018, 12, 23)), "天皇誕生日");
  EXPECT_EQ(NationalHolidayName(D(2019, 12, 23)), "");
  EXPECT_EQ(DayOfWeek(D(2026, 11, 27)), 5);  // a Friday
}

// REQ: JK-10.2
TEST(HolidaysTest, ClosedDaysAreWeekendsHolidaysAndTheNewYearBreak) {
  EXPECT_FALSE(IsClosedDay(D(2026, 11, 27)));  // Friday
  EXPECT_TRUE(IsClosedDay(D(2026, 11, 28)));   // Saturday
  EXPECT_TRUE(IsClosedDay(D(2026, 11, 23)));   // 勤労感謝の日 (Monday)
  EXPECT_TRUE(IsClosedDay(D(2026, 12, 29)));
  EXPECT_TRUE(IsClosedDay(D(2027, 1, 4 - 1)));
  EXPECT_FALSE(IsClosedDay(D(2027, 1, 4)));
  EXPECT_FALSE(IsClosedDay(D(2026, 12, 28)));
}

AuditEntry Entry(const char* at, AuditAction action, const char* who, const char* detail = "") {
  AuditEntry e;
  e.occurred_at = at;
  e.event.action = action;
  e.event.operator_id = who;
  e.event.detail = detail;
  return e;
}

// REQ: JK-10.2
TEST(AuditAnalysisTest, TheStandardsExampleLists) {
  const std::vector<AuditEntry> log = {
      Entry("2026-11-27T00:30:00.000Z", AuditAction::kView, "a"),  // 09:30 JST Fri: office hours
      Entry("2026-11-27T13:30:00.000Z", AuditAction::kView, "b"),  // 22:30 JST Fri: late
      Entry("2026-11-26T20:59:00.000Z", AuditAction::kView, "c"),  // 05:59 JST Fri: early
      Entry("2026-11-27T21:00:00.000Z", AuditAction::kView, "d"),  // 06:00 JST Sat: closed day
      Entry("2026-11-27T01:00:00.000Z", AuditAction::kLoginFailure, "a"),
      Entry("2026-11-27T01:01:00.000Z", AuditAction::kLogin, "a"),
      Entry("2026-11-27T01:02:00.000Z", AuditAction::kLogin, "a"),
      Entry("2026-11-27T01:03:00.000Z", AuditAction::kLogin, "b"),
      Entry("2026-11-27T02:00:00.000Z", AuditAction::kSearch, "a", "conditions=kana,sex hits=3"),
      Entry("2026-11-27T02:01:00.000Z", AuditAction::kSearch, "a", "conditions=atena hits=1"),
      Entry("2026-11-27T02:02:00.000Z", AuditAction::kSearch, "a", "conditions=kana_given hits=40"),
      Entry("2026-11-27T02:03:00.000Z", AuditAction::kSearch, "b", "conditions=kojin,name hits=1"),
  };
  std::vector<std::string> late;
  for (const AuditEntry& e : AfterHoursAccess(log)) late.push_back(e.event.operator_id);
  EXPECT_EQ(late, (std::vector<std::string>{"b", "c", "d"}));
  EXPECT_EQ(LoginFailures(log).size(), 1u);
  const auto logins = LoginsPerOperator(log);
  ASSERT_EQ(logins.size(), 2u);
  EXPECT_EQ(logins[0].operator_id, "a");
  EXPECT_EQ(logins[0].count, 2);
  const auto mass = MassSearches(log, 3);
  ASSERT_EQ(mass.size(), 1u);
  EXPECT_EQ(mass[0].operator_id, "a");
  EXPECT_EQ(mass[0].day, "2026-11-27");
  EXPECT_EQ(mass[0].count, 3);
  EXPECT_EQ(mass[0].hits, 44);
  EXPECT_EQ(SearchesByNumber(log).size(), 2u);  // atena; kojin — not kana_given
  EXPECT_FALSE(JapanTimeOf("garbage"));
  EXPECT_EQ(ToIsoString(JapanTimeOf("2026-12-31T15:00:00.000Z")->day), "2027-01-01");
}

}  // namespace
}  // namespace jrr
