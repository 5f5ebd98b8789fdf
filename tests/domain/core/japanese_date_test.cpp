// SPDX-License-Identifier: Apache-2.0
//
// 和暦 dates: every accepted notation, the exact era boundaries, the 戸籍-consistent states and
// every 不詳日 form of JK-1.1.8, display per JK-1.1.9, and the era table as data (JK-1.3.6).
#include "jrr/domain/core/japanese_date.h"

#include <gtest/gtest.h>

#include <string>

namespace jrr {
namespace {

struct ExactCase {
  const char* input;
  const char* iso;
  const char* wareki;
};

// REQ: JK-1.1.8, JK-1.3.6
TEST(JapaneseDate, AcceptsEveryNotationOfACalendarDay) {
  const ExactCase cases[] = {
      {"令和7年11月27日", "2025-11-27", "令和7年11月27日"},
      {"令和元年5月1日", "2019-05-01", "令和元年5月1日"},
      {"令和1年5月1日", "2019-05-01", "令和元年5月1日"},
      {"R7.11.27", "2025-11-27", "令和7年11月27日"},
      {"r7.11.27", "2025-11-27", "令和7年11月27日"},
      {"R07.11.27", "2025-11-27", "令和7年11月27日"},
      {"R7/11/27", "2025-11-27", "令和7年11月27日"},
      {"令7.11.27", "2025-11-27", "令和7年11月27日"},
      {"H1-1-8", "1989-01-08", "平成元年1月8日"},
      {"令和７年１１月２７日", "2025-11-27", "令和7年11月27日"},
      {"Ｒ７．１１．２７", "2025-11-27", "令和7年11月27日"},
      {"令和七年十一月二十七日", "2025-11-27", "令和7年11月27日"},
      {"令和元年十月十日", "2019-10-10", "令和元年10月10日"},
      {"2025-11-27", "2025-11-27", "令和7年11月27日"},
      {"2025/11/27", "2025-11-27", "令和7年11月27日"},
      {"2025年11月27日", "2025-11-27", "令和7年11月27日"},
      {"西暦2025年11月27日", "2025-11-27", "令和7年11月27日"},
      {"20251127", "2025-11-27", "令和7年11月27日"},
      {"  令和 7年11月27日　", "2025-11-27", "令和7年11月27日"},
      {"昭和20年8月15日", "1945-08-15", "昭和20年8月15日"},
      {"明治6年1月1日", "1873-01-01", "明治6年1月1日"},
      {"M6.1.1", "1873-01-01", "明治6年1月1日"},
      {"大正元年7月30日", "1912-07-30", "大正元年7月30日"},
      {"2024-02-29", "2024-02-29", "令和6年2月29日"},
  };
  for (const ExactCase& c : cases) {
    auto parsed = ParseDate(c.input);
    ASSERT_TRUE(parsed) << c.input << ": " << parsed.error().rule_id;
    EXPECT_EQ(parsed->state, DateState::kExact) << c.input;
    EXPECT_EQ(ToIsoString(*parsed->ExactDate()), c.iso) << c.input;
    EXPECT_EQ(FormatRecordedDate(*parsed, DisplayCalendar::kWareki), c.wareki) << c.input;
  }
}

struct ErrorCase {
  const char* input;
  DatePolicy policy;
  const char* rule_id;
};

// REQ: JK-1.1.8, JK-1.3.6
TEST(JapaneseDate, EraBoundariesAreExact) {
  const ExactCase valid[] = {
      {"昭和64年1月7日", "1989-01-07", "昭和64年1月7日"},
      {"平成元年1月8日", "1989-01-08", "平成元年1月8日"},
      {"平成31年4月30日", "2019-04-30", "平成31年4月30日"},
      {"令和元年5月1日", "2019-05-01", "令和元年5月1日"},
      {"明治45年7月29日", "1912-07-29", "明治45年7月29日"},
      {"大正15年12月24日", "1926-12-24", "大正15年12月24日"},
      {"昭和元年12月25日", "1926-12-25", "昭和元年12月25日"},
  };
  for (const ExactCase& c : valid) {
    auto parsed = ParseDate(c.input);
    ASSERT_TRUE(parsed) << c.input;
    EXPECT_EQ(ToIsoString(*parsed->ExactDate()), c.iso) << c.input;
    EXPECT_EQ(FormatWareki(*parsed->ExactDate()), c.wareki) << c.input;
  }
  const ErrorCase invalid[] = {
      {"平成31年5月1日", DatePolicy::kCalendarOnly, "date.era_overrun"},
      {"昭和64年1月8日", DatePolicy::kCalendarOnly, "date.era_overrun"},
      {"平成31年5月1日", DatePolicy::kKosekiConsistent, "date.era_overrun"},
      {"昭和64年1月8日", DatePolicy::kKosekiConsistent, "date.era_overrun"},
      {"平成元年1月7日", DatePolicy::kCalendarOnly, "date.outside_era"},
      {"令和元年4月30日", DatePolicy::kCalendarOnly, "date.outside_era"},
      {"明治45年7月30日", DatePolicy::kCalendarOnly, "date.era_overrun"},
      {"大正15年12月25日", DatePolicy::kCalendarOnly, "date.era_overrun"},
      {"明治45年7月31日", DatePolicy::kKosekiConsistent, "date.era_overrun"},
      {"平成32年1月1日", DatePolicy::kCalendarOnly, "date.era_overrun"},
  };
  for (const ErrorCase& c : invalid) {
    auto parsed = ParseDate(c.input, c.policy);
    ASSERT_FALSE(parsed) << c.input;
    EXPECT_EQ(parsed.error().rule_id, c.rule_id) << c.input;
  }
}

// REQ: JK-1.1.8
TEST(JapaneseDate, KosekiConsistentItemsKeepTheOldEraOnTheChangeDay) {
  for (const char* input : {"明治45年7月30日", "大正15年12月25日"}) {
    auto parsed = ParseDate(input, DatePolicy::kKosekiConsistent);
    ASSERT_TRUE(parsed) << input;
    EXPECT_EQ(parsed->state, DateState::kOldEraOnChangeDay) << input;
    EXPECT_EQ(FormatRecordedDate(*parsed, DisplayCalendar::kWareki), input);
  }
  auto taisho = ParseDate("明治45年7月30日", DatePolicy::kKosekiConsistent);
  EXPECT_EQ(ToIsoString(*taisho->ExactDate()), "1912-07-30");
}

// REQ: JK-1.1.8
TEST(JapaneseDate, NonCalendarDaysAreAnExplicitStateOnlyWhereAllowed) {
  struct Case {
    const char* input;
    const char* internal_iso;
  };
  const Case cases[] = {
      {"令和5年2月29日", "2023-02-28"},
      {"2023-02-29", "2023-02-28"},
      {"平成3年2月30日", "1991-02-28"},
      {"昭和50年4月31日", "1975-04-30"},
  };
  for (const Case& c : cases) {
    auto strict = ParseDate(c.input, DatePolicy::kCalendarOnly);
    ASSERT_FALSE(strict) << c.input;
    EXPECT_EQ(strict.error().rule_id, "date.not_on_calendar");
    auto koseki = ParseDate(c.input, DatePolicy::kKosekiConsistent);
    ASSERT_TRUE(koseki) << c.input;
    EXPECT_EQ(koseki->state, DateState::kNonCalendar);
    EXPECT_FALSE(koseki->ExactDate().has_value()) << "never silently corrected";
    EXPECT_EQ(ToIsoString(*koseki->InternalDate()), c.internal_iso);
  }
  auto kept = ParseDate("令和5年2月29日", DatePolicy::kKosekiConsistent);
  EXPECT_EQ(FormatRecordedDate(*kept, DisplayCalendar::kWareki), "令和5年2月29日");
}

struct UncertainCase {
  const char* input;
  UncertainForm form;
  const char* canonical;     // FormatRecordedDate in 和暦
  const char* internal_iso;  // "" for none
};

// REQ: JK-1.1.8
TEST(JapaneseDate, EveryUncertainFormOfTheStandardIsAState) {
  const UncertainCase cases[] = {
      {"令和3年頃", UncertainForm::kYearApprox, "令和3年頃", "2021-01-01"},
      {"令和3年5月頃", UncertainForm::kMonthApprox, "令和3年5月頃", "2021-05-01"},
      {"令和3年5月1日頃", UncertainForm::kDayApprox, "令和3年5月1日頃", "2021-05-01"},
      {"推定令和3年5月1日", UncertainForm::kEstimatedDay, "推定令和3年5月1日", "2021-05-01"},
      {"推定令和3年5月", UncertainForm::kEstimatedMonth, "推定令和3年5月", "2021-05-01"},
      {"令和3年春", UncertainForm::kSeason, "令和3年春", "2021-03-01"},
      {"昭和30年秋", UncertainForm::kSeason, "昭和30年秋", "1955-09-01"},
      {"令和3年5月上旬", UncertainForm::kTenDays, "令和3年5月上旬", "2021-05-01"},
      {"令和3年5月下旬", UncertainForm::kTenDays, "令和3年5月下旬", "2021-05-21"},
      {"令和3年5月中旬頃", UncertainForm::kTenDaysApprox, "令和3年5月中旬頃", "2021-05-11"},
      {"年月日不詳", UncertainForm::kAllUnknown, "年月日不詳", ""},
      {"令和3年 月日不詳", UncertainForm::kMonthDayUnknown, "令和3年　月日不詳", "2021-01-01"},
      {"令和3年5月 日不詳", UncertainForm::kDayUnknown, "令和3年5月　日不詳", "2021-05-01"},
      {"令和3年5月1日から6月2日頃までの間", UncertainForm::kRangeMonthDay,
       "令和3年5月1日から6月2日頃までの間", "2021-05-01"},
      {"令和3年5月推定1日から3日までの間", UncertainForm::kRangeEstimatedDays,
       "令和3年5月推定1日から3日までの間", "2021-05-01"},
      {"令和3年5月1日頃から3日頃までの間", UncertainForm::kRangeApproxDays,
       "令和3年5月1日頃から3日頃までの間", "2021-05-01"},
      {"１９５０年頃", UncertainForm::kYearApprox, "昭和25年頃", "1950-01-01"},
  };
  for (const UncertainCase& c : cases) {
    auto parsed = ParseDate(c.input, DatePolicy::kKosekiConsistent);
    ASSERT_TRUE(parsed) << c.input << ": " << parsed.error().rule_id;
    EXPECT_EQ(parsed->state, DateState::kUncertain) << c.input;
    EXPECT_EQ(parsed->form, c.form) << c.input;
    EXPECT_EQ(FormatRecordedDate(*parsed, DisplayCalendar::kWareki), c.canonical) << c.input;
    const auto internal = parsed->InternalDate();
    EXPECT_EQ(internal ? ToIsoString(*internal) : std::string(), c.internal_iso) << c.input;
    // The canonical text reads back as the same value.
    auto again = ParseDate(c.canonical, DatePolicy::kKosekiConsistent);
    ASSERT_TRUE(again) << c.canonical;
    EXPECT_EQ(FormatRecordedDate(*again, DisplayCalendar::kWareki), c.canonical);

    auto strict = ParseDate(c.input, DatePolicy::kCalendarOnly);
    ASSERT_FALSE(strict) << c.input;
    EXPECT_EQ(strict.error().rule_id, "date.uncertain_not_allowed");
    EXPECT_EQ(strict.error().code, ErrorCode::kRuleViolation);
  }
}

// REQ: JK-1.1.8
TEST(JapaneseDate, UncertainFormsAreStillChecked) {
  const ErrorCase cases[] = {
      {"令和3年5月3日から1日までの間", DatePolicy::kKosekiConsistent, "date.unrecognized"},
      {"令和3年5月推定3日から1日までの間", DatePolicy::kKosekiConsistent, "date.range_reversed"},
      {"令和3年13月頃", DatePolicy::kKosekiConsistent, "date.month_out_of_range"},
      {"令和3年2月30日頃", DatePolicy::kKosekiConsistent, "date.not_on_calendar"},
      {"平成32年頃", DatePolicy::kKosekiConsistent, "date.era_overrun"},
      {"令和0年頃", DatePolicy::kKosekiConsistent, "date.era_year_zero"},
      {"明治5年頃", DatePolicy::kKosekiConsistent, "date.lunisolar_period"},
      {"令和3年梅雨", DatePolicy::kKosekiConsistent, "date.unrecognized"},
  };
  for (const ErrorCase& c : cases) {
    auto parsed = ParseDate(c.input, c.policy);
    ASSERT_FALSE(parsed) << c.input;
    EXPECT_EQ(parsed.error().rule_id, c.rule_id) << c.input;
  }
}

// REQ: JK-1.1.8
TEST(JapaneseDate, BadInputReturnsAnErrorAndNeverThrows) {
  const std::string huge(1 << 20, '1');
  const ErrorCase cases[] = {
      {"", DatePolicy::kCalendarOnly, "text.empty"},
      {"\xff\xfe", DatePolicy::kCalendarOnly, "text.invalid_utf8"},
      {"\xe4\xbb", DatePolicy::kCalendarOnly, "text.invalid_utf8"},
      {"\xc0\xaf", DatePolicy::kCalendarOnly, "text.invalid_utf8"},
      {"令和7年\x01"
       "11月27日",
       DatePolicy::kCalendarOnly, "text.control_char"},
      {"令和7年\n11月27日", DatePolicy::kCalendarOnly, "text.control_char"},
      {huge.c_str(), DatePolicy::kCalendarOnly, "text.too_long"},
      {"令和", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"令和7年", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"R", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"X7.11.27", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"令和999999999年1月1日", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"hello", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"2025-13-01", DatePolicy::kCalendarOnly, "date.month_out_of_range"},
      {"2025-00-10", DatePolicy::kCalendarOnly, "date.month_out_of_range"},
      {"2025-01-32", DatePolicy::kCalendarOnly, "date.day_out_of_range"},
      {"2025-01-00", DatePolicy::kCalendarOnly, "date.day_out_of_range"},
      {"令和7年2月30日", DatePolicy::kCalendarOnly, "date.not_on_calendar"},
      {"令和0年1月1日", DatePolicy::kCalendarOnly, "date.era_year_zero"},
      {"明治5年12月2日", DatePolicy::kCalendarOnly, "date.lunisolar_period"},
      {"1872-12-31", DatePolicy::kCalendarOnly, "date.lunisolar_period"},
      {"0000-01-01", DatePolicy::kCalendarOnly, "date.unrecognized"},
      {"十一十月", DatePolicy::kCalendarOnly, "date.unrecognized"},
  };
  for (const ErrorCase& c : cases) {
    auto parsed = ParseDate(c.input, c.policy);
    ASSERT_FALSE(parsed) << c.input;
    EXPECT_EQ(parsed.error().rule_id, c.rule_id) << std::string(c.input).substr(0, 40);
  }
}

// REQ: JK-1.1.9
TEST(JapaneseDate, DisplaysInWarekiOrSeirekiAsTheItemRequires) {
  auto birth = ParseDate("1990-03-04");
  ASSERT_TRUE(birth);
  // Japanese residents: 和暦. A foreign resident's 生年月日 and 在留期間満了日: 西暦.
  EXPECT_EQ(FormatRecordedDate(*birth, DisplayCalendar::kWareki), "平成2年3月4日");
  EXPECT_EQ(FormatRecordedDate(*birth, DisplayCalendar::kSeireki), "1990年3月4日");
  auto uncertain = ParseDate("平成2年3月上旬", DatePolicy::kKosekiConsistent);
  EXPECT_EQ(FormatRecordedDate(*uncertain, DisplayCalendar::kSeireki), "1990年3月上旬");
}

// REQ: JK-1.3.6
TEST(EraTable, ANewEraIsADataChange) {
  auto table = EraTable::FromTsv(
      "name\tabbreviation\tinitial\tstart\told_era_on_start_day\n"
      "平成\t平\tH\t1989-01-08\tno\n"
      "令和\t令\tR\t2019-05-01\tno\n"
      "架空\t架\tX\t2040-04-01\tno\n");
  ASSERT_TRUE(table);
  EXPECT_EQ(FormatWareki({2040, 4, 1}, *table), "架空元年4月1日");
  EXPECT_EQ(FormatWareki({2040, 3, 31}, *table), "令和22年3月31日");
  auto parsed = ParseDate("X2.1.1", DatePolicy::kCalendarOnly, *table);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(ToIsoString(*parsed->ExactDate()), "2041-01-01");
  auto overrun = ParseDate("令和22年4月1日", DatePolicy::kCalendarOnly, *table);
  ASSERT_FALSE(overrun);
  EXPECT_EQ(overrun.error().rule_id, "date.era_overrun");
}

// REQ: JK-1.3.6
TEST(EraTable, RefusesAMalformedTable) {
  const char* header = "name\tabbreviation\tinitial\tstart\told_era_on_start_day\n";
  const std::string bad[] = {
      std::string(header),                                       // no era
      std::string(header) + "令和\t令\tR\t2019-05-01\n",         // 4 fields
      std::string(header) + "令和\t令和\tR\t2019-05-01\tno\n",   // abbreviation too long
      std::string(header) + "令和\t令\tr\t2019-05-01\tno\n",     // lower-case initial
      std::string(header) + "令和\t令\tR\t2019-02-30\tno\n",     // not a day
      std::string(header) + "令和\t令\tR\t2019-05-01\tmaybe\n",  // flag
      std::string(header) + "令和\t令\tR\t2019-05-01\tno\n平成\t平\tH\t1989-01-08\tno\n",  // order
      std::string(header) + "令和\t令\tR\t2019-05-01\tno\n令和\t和\tW\t2020-05-01\tno\n",  // dup
  };
  for (const std::string& tsv : bad) {
    auto table = EraTable::FromTsv(tsv);
    ASSERT_FALSE(table) << tsv;
    EXPECT_EQ(table.error().rule_id, "era_table.invalid");
  }
}

// REQ: JK-1.3.6
TEST(EraTable, DefaultTableListsTheModernEras) {
  const auto eras = EraTable::Default().eras();
  ASSERT_EQ(eras.size(), 5u);
  EXPECT_EQ(eras[4].name, "令和");
  EXPECT_EQ(eras[4].start, (CalendarDate{2019, 5, 1}));
  EXPECT_TRUE(eras[1].old_era_on_start_day);   // 大正
  EXPECT_TRUE(eras[2].old_era_on_start_day);   // 昭和
  EXPECT_FALSE(eras[3].old_era_on_start_day);  // 平成
}

TEST(CalendarDate, DayNumbersRoundTrip) {
  // 0001-01-01 is day -719162; 9999-12-31 is day 2932896.
  for (int64_t day = -719162; day <= 2932896; day += 997) {
    const CalendarDate d = FromDayNumber(day);
    ASSERT_TRUE(IsValid(d)) << day;
    EXPECT_EQ(ToDayNumber(d), day);
  }
  EXPECT_EQ(ToDayNumber({1970, 1, 1}), 0);
  EXPECT_EQ(NextDay({2024, 2, 28}), (CalendarDate{2024, 2, 29}));
  EXPECT_EQ(NextDay({2023, 2, 28}), (CalendarDate{2023, 3, 1}));
  EXPECT_EQ(PreviousDay({2019, 5, 1}), (CalendarDate{2019, 4, 30}));
  EXPECT_FALSE(ParseIsoDate("2023-02-29").has_value());
  EXPECT_FALSE(ParseIsoDate("２０２３-01-01").has_value());
}

}  // namespace
}  // namespace jrr
