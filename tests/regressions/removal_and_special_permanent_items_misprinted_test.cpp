// SPDX-License-Identifier: Apache-2.0
//
// Defects (certificate review, issue 27) in what the copies said:
// - a 特別永住者 printed with 「在留資格 特別永住者」 (as the sample town recorded them) and their
//   特別永住者証明書 number labelled 在留カード等番号: a 特別永住者 has no 在留資格 (JK-1.1.2);
// - the 除票の写し printed a bare 「転出先」, never saying whether it was the one declared (予定)
//   or the one the 転入通知 confirmed (確定) (JK-1.1.5);
// - a 除票の写し asked for with the household printed one person and said nothing (JK-5.1).
#include <gtest/gtest.h>

#include <fstream>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

// KIM MINJI, 特別永住者 (0000000019), with the 在留資格 the sample town gave such residents.
const char* kSpecialPermanentResident =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"kind":"foreign","family_name":"金","given_name":"民知","family_kana":"キム",
              "given_kana":"ミンジ","birth_date":"1960-05-05","sex":"female","relationship":"世帯主",
              "foreign":{"alphabet_name":"KIM MINJI","nationality":"韓国",
                "category":"special_permanent","status_of_residence":"特別永住者",
                "special_permanent_certificate_number":"SP17088084XY",
                "foreign_resident_since":"2012-07-09"}}],
  "previous_address":{"text":"大阪府大阪市生野区桃谷一丁目","banchi":"2番3号"},
  "new_address":{"text":"架空県架空市桜町二丁目","banchi":"7番8号"}})";

const char* kFamilyMovesOut =
    R"({"type":"move_out","event_date":"2026-11-01","notification_date":"2026-10-25",
  "movers":["0000000027","0000000035","0000000043"],
  "destination":{"text":"福岡県福岡市中央区天神一丁目","banchi":"1番1号"}})";

const char* kMoveInNotice =
    R"({"type":"move_in_notice","event_date":"2026-10-30","notification_date":"2026-11-05",
  "persons":["0000000027","0000000035","0000000043"],
  "confirmed_destination":{"text":"福岡県福岡市博多区博多駅前一丁目","banchi":"2番3号"}})";

class RemovalAndSpecialPermanentItems : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    for (const char* change : {kSpecialPermanentResident, kTwoHouseholds, kFamilyMovesOut}) {
      auto applied = Apply(change);
      ASSERT_EQ(applied.status, 0) << applied.err;
    }
    Serve();
    ReadyUser("madoguchi", "view,change,issue,see_residence_status");
    clerk_ = LogIn("madoguchi");
  }

  std::string Printed(const std::string& json) { return IssuedText(json, clerk_); }

  Login clerk_;
};

// REQ: JK-1.1.2, JK-5.1
TEST_F(RemovalAndSpecialPermanentItems, ASpecialPermanentResidentHasNoStatusOfResidence) {
  const std::string text =
      Printed(R"({"kind":"juminhyo","person":"0000000019","with":["gaikoku"]})");
  EXPECT_NE(text.find("特別永住者証明書番号 SP17088084XY"), std::string::npos) << text;
  EXPECT_EQ(text.find("在留資格"), std::string::npos) << text;
  EXPECT_EQ(text.find("在留カード"), std::string::npos) << text;
}

// REQ: JK-1.1.5
TEST_F(RemovalAndSpecialPermanentItems, TheRemovedCopySaysWhetherTheDestinationIsConfirmed) {
  const std::string planned = Printed(R"({"kind":"johyo","person":"0000000027"})");
  EXPECT_NE(planned.find("転出先（予定） 福岡県福岡市中央区天神一丁目1番1号"), std::string::npos)
      << planned;
  auto noticed = Apply(kMoveInNotice);
  ASSERT_EQ(noticed.status, 0) << noticed.err;
  const std::string confirmed = Printed(R"({"kind":"johyo","person":"0000000027"})");
  EXPECT_NE(confirmed.find("転出先（確定） 福岡県福岡市博多区博多駅前一丁目2番3号"),
            std::string::npos)
      << confirmed;
  EXPECT_EQ(confirmed.find("転出先（予定）"), std::string::npos) << confirmed;
}

// REQ: JK-5.1
TEST_F(RemovalAndSpecialPermanentItems, ARemovedCopyForTheHouseholdIsRefused) {
  for (const char* json :
       {R"({"kind":"johyo","person":"0000000027","household":true})",
        R"({"kind":"johyo","person":"0000000027","members":"0000000027,0000000035"})",
        R"({"kind":"johyo-kisai","person":"0000000027","household":true})"}) {
    auto refused = Post("/api/v1/certificates", json, clerk_);
    EXPECT_EQ(refused.status, 422) << json;
    EXPECT_EQ(JsonField(refused.body, "rule_id"), "certificate.removed_one_person") << json;
  }
}

}  // namespace
}  // namespace jrr::testing
