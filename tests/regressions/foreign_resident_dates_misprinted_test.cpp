// SPDX-License-Identifier: Apache-2.0
//
// Defects (audit of issue 26) in how a foreign resident's dates were shown: the search results gave
// the 生年月日 in 和暦 (JK-1.1.9 wants 西暦), the 照会 screen gave the 外国人住民となった年月日 in
// 西暦 (it is 和暦 like every other date), and the 住民票の写し labelled that date 住民となった年月日
// and printed a 特例上陸許可者's 上陸期間 under 在留期間 (JK-5.1).
#include <gtest/gtest.h>

#include <fstream>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

// SMITH JOHN (中長期在留者, 0000000019) and KIM MINJUN (一時庇護許可者 with a 上陸期間,
// 0000000027), both moved in from abroad.
const char* kForeignResidents =
    R"({"type":"move_in","event_date":"2026-09-01","notification_date":"2026-09-03",
  "from_abroad":true,
  "persons":[{"kind":"foreign","family_name":"","given_name":"","family_kana":"スミス",
              "given_kana":"ジョン","birth_date":"1985-03-15","sex":"male","relationship":"世帯主",
              "foreign":{"alphabet_name":"SMITH JOHN","nationality":"アメリカ合衆国",
                "category":"mid_to_long_term","status_of_residence":"技術・人文知識・国際業務",
                "period_of_stay":"3年","period_expiry":"2029-08-31",
                "residence_card_number":"AB12345678CD","foreign_resident_since":"2026-09-01"}},
             {"kind":"foreign","family_name":"","given_name":"","family_kana":"キム",
              "given_kana":"ミンジュン","birth_date":"1990-05-05","sex":"male","relationship":"同居人",
              "foreign":{"alphabet_name":"KIM MINJUN","nationality":"大韓民国",
                "category":"temporary_refuge","landing_period":"6月","period_expiry":"2027-03-01",
                "foreign_resident_since":"2026-09-01"}}],
  "previous_address":{"text":"アメリカ合衆国","abroad":true},
  "new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"}})";

class ForeignResidentDates : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    auto applied = Apply(kForeignResidents);
    ASSERT_EQ(applied.status, 0) << applied.err;
    Serve();
    ReadyUser("madoguchi", "view,change,issue,see_residence_status");
    clerk_ = LogIn("madoguchi");
  }

  std::string CertificateText(const std::string& atena) {
    return IssuedText(R"({"kind":"juminhyo","person":")" + atena + R"(","with":["gaikoku"]})",
                      clerk_);
  }

  Login clerk_;
};

std::size_t Occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) ++n;
  return n;
}

// REQ: JK-1.1.9
TEST_F(ForeignResidentDates, SearchResultsGiveTheBirthDateInTheWesternCalendar) {
  auto found = Get("/search?kana=%E3%82%B9%E3%83%9F%E3%82%B9&match=prefix", clerk_);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("1985年3月15日"), std::string::npos) << found.body;
  EXPECT_EQ(found.body.find("昭和60年"), std::string::npos) << found.body;
}

// REQ: JK-1.1.9
TEST_F(ForeignResidentDates, TheInquiryScreenGivesTheOtherDatesInTheJapaneseCalendar) {
  auto shown = Get("/resident?atena=0000000019", clerk_);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_NE(shown.body.find("1985年3月15日"), std::string::npos);
  EXPECT_NE(shown.body.find("令和8年9月1日"), std::string::npos) << shown.body;
  EXPECT_EQ(shown.body.find("2026年9月1日"), std::string::npos) << shown.body;
}

// REQ: JK-5.1
TEST_F(ForeignResidentDates, TheCopyUsesTheForeignResidentsLabels) {
  const std::string smith = CertificateText("0000000019");
  EXPECT_NE(smith.find("外国人住民となった年月日 令和8年9月1日"), std::string::npos) << smith;
  EXPECT_EQ(Occurrences(smith, "住民となった年月日"),
            Occurrences(smith, "外国人住民となった年月日"))
      << "no plain 住民となった年月日 label: " << smith;
  const std::string kim = CertificateText("0000000027");
  EXPECT_NE(kim.find("上陸期間 6月"), std::string::npos) << kim;
  EXPECT_EQ(kim.find("在留期間"), std::string::npos) << kim;
}

}  // namespace
}  // namespace jrr::testing
