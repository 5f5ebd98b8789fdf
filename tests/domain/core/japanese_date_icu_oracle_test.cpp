// SPDX-License-Identifier: Apache-2.0
//
// ICU's japanese calendar, with Asia/Tokyo set explicitly, is the oracle for jrr's table-driven
// 和暦: every day from 明治6年1月1日 to 2100-12-31 must format identically, and ICU's text must
// parse back to the same day. The test also pins the ICU pitfall jrr guards against: ICU's strict
// parser accepts 平成31年5月1日, which jrr refuses.
#include <gtest/gtest.h>
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <memory>
#include <string>

#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

class IcuJapaneseCalendar {
 public:
  IcuJapaneseCalendar() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale("ja_JP@calendar=japanese");
    format_ = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8("GGGGy年M月d日"),
                                                      locale, status);
    zone_.reset(icu::TimeZone::createTimeZone("Asia/Tokyo"));
    calendar_.reset(icu::Calendar::createInstance(zone_->clone(), locale, status));
    EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
    format_->setTimeZone(*zone_);
    format_->setLenient(false);
  }

  std::string Format(const CalendarDate& d) {
    UErrorCode status = U_ZERO_ERROR;
    icu::GregorianCalendar gregorian(*zone_, status);
    gregorian.clear();
    gregorian.set(d.year, d.month - 1, d.day, 12, 0, 0);
    const UDate when = gregorian.getTime(status);
    icu::UnicodeString text;
    format_->format(when, text);
    std::string out;
    text.toUTF8String(out);
    return out;
  }

  // True when ICU's strict parser accepts `text`.
  bool Accepts(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    format_->parse(icu::UnicodeString::fromUTF8(text), status);
    return U_SUCCESS(status);
  }

 private:
  std::unique_ptr<icu::SimpleDateFormat> format_;
  std::unique_ptr<icu::TimeZone> zone_;
  std::unique_ptr<icu::Calendar> calendar_;
};

// REQ: JK-1.1.9, JK-1.3.6
TEST(JapaneseDateIcuOracle, EveryDayFrom1873To2100FormatsAsIcuDoes) {
  IcuJapaneseCalendar icu;
  int checked = 0;
  for (CalendarDate d{1873, 1, 1}; d.year <= 2100; d = NextDay(d)) {
    const std::string expected = icu.Format(d);
    ASSERT_EQ(FormatWareki(d), expected) << ToIsoString(d);
    auto parsed = ParseCalendarDate(expected);
    ASSERT_TRUE(parsed) << expected;
    ASSERT_EQ(*parsed, d) << expected;
    ++checked;
  }
  EXPECT_EQ(checked, 83275);
}

// REQ: JK-1.1.8
TEST(JapaneseDateIcuOracle, IcuStrictParseAcceptsDaysThatJrrRefuses) {
  IcuJapaneseCalendar icu;
  for (const char* text : {"平成31年5月1日", "昭和64年1月8日"}) {
    EXPECT_TRUE(icu.Accepts(text)) << "ICU behaviour changed for " << text;
    auto parsed = ParseDate(text);
    ASSERT_FALSE(parsed) << text;
    EXPECT_EQ(parsed.error().rule_id, "date.era_overrun");
  }
}

}  // namespace
}  // namespace jrr
