// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-1.1.6/1 and /2): a foreign resident was recorded with the items
// JK-1.1.6 does not let be blank left blank — a 中長期在留者 with neither 在留カードの番号 nor
// 外国人住民となった年月日, a 特別永住者 without the 特別永住者証明書の番号 — and the record then
// printed blanks where the law asks for a number or a date.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

// From elsewhere in Japan: the 外国人住民となった年月日 is the 転出証明書's, and must be entered (from
// abroad, the 転入 sets it to its own date).
std::string ForeignMoveIn(const std::string& foreign_items) {
  return R"({"type":"move_in","event_date":"2026-10-05","notification_date":"2026-10-06",
  "previous_address":{"text":"東京都新宿区西新宿二丁目","banchi":"8番1号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"5番8号"},
  "persons":[{"kind":"foreign","family_name":"LEE","given_name":"A","family_kana":"リー",
    "given_kana":"エー","birth_date":"1990-01-01","sex":"male","relationship":"世帯主",
    "foreign":{"alphabet_name":"LEE A","nationality":"中国",)" +
         foreign_items + "}}]}";
}

class ForeignRequiredItems : public ServedRegister {};

// REQ: JK-1.1.6
TEST_F(ForeignRequiredItems, AreRefusedWhenBlank) {
  struct Case {
    const char* items;
    const char* refusal;  // nullptr: recorded
  };
  const Case cases[] = {
      {R"("category":"mid_to_long_term","status_of_residence":"留学","period_of_stay":"2年",
          "period_expiry":"2028-10-05")",
       "record.foreign_resident_since_required"},
      {R"("category":"mid_to_long_term","foreign_resident_since":"2026-10-05")",
       "record.residence_card_required"},
      {R"("category":"special_permanent","foreign_resident_since":"2026-10-05")",
       "record.special_permanent_certificate_required"},
      {R"("category":"temporary_refuge","foreign_resident_since":"2026-10-05")",
       "record.landing_period_required"},
      {R"("category":"provisional_stay","foreign_resident_since":"2026-10-05")",
       "record.provisional_stay_period_required"},
      {R"("category":"mid_to_long_term","foreign_resident_since":"2026-10-05",
          "residence_card_number":"AB12345678CD")",
       nullptr},
      {R"("category":"transitional","foreign_resident_since":"2026-10-05")", nullptr},
  };
  for (const Case& c : cases) {
    auto outcome = Apply(ForeignMoveIn(c.items));
    if (c.refusal == nullptr) {
      EXPECT_EQ(outcome.status, 0) << c.items << ": " << outcome.err;
    } else {
      EXPECT_NE(outcome.status, 0) << c.items;
      EXPECT_NE((outcome.out + outcome.err).find(c.refusal), std::string::npos)
          << c.items << ": " << outcome.out << outcome.err;
    }
  }
}

}  // namespace
}  // namespace jrr::testing
