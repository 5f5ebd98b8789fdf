// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): a foreign resident's readings were not checked, so a 通称 entered
// with its reading in hiragana was recorded and printed so on the 住民票の写し; JK-5.3 wants no
// reading ever printed in hiragana (a Japanese resident's 氏名 and 旧氏 readings were refused).
#include <gtest/gtest.h>

#include "jrr/domain/records/resident_record.h"

namespace jrr::testing {
namespace {

ResidentRecord ForeignResident() {
  ResidentRecord r;
  r.addressee_number = "0000000019";
  r.history_number = 1;
  r.household_number = "0000000019";
  r.kind = ResidentKind::kForeign;
  r.foreign.alphabet_name = "SMITH JOHN";
  r.foreign.nationality = "アメリカ合衆国";
  r.foreign.category = ForeignCategory::kMidToLongTerm;
  r.foreign.foreign_resident_since = RecordedDate{};
  r.foreign.residence_card_number = "AB12345678CD";
  r.address.text = "架空県架空市桜町二丁目";
  r.resident_since = RecordedDate{};
  r.common_name = "鈴木　次郎";
  return r;
}

// REQ: JK-5.3
TEST(ForeignReadings, AreKatakanaWithTheSeparatorsOfAForeignName) {
  struct Case {
    const char* common_name_kana;
    const char* given_kana;
    const char* refusal;  // nullptr: accepted
  };
  for (const Case& c :
       {Case{"すずき　じろう", "", "furigana.katakana_only"}, Case{"スズキ　ジロウ", "", nullptr},
        Case{"スズキ ジロウ", "ジョン", nullptr}, Case{"", "ジョン・ポール", nullptr},
        Case{"", "じょん", "furigana.katakana_only"}, Case{"ｽｽﾞｷ", "", "furigana.katakana_only"}}) {
    ResidentRecord r = ForeignResident();
    r.common_name_kana = c.common_name_kana;
    r.given_kana = c.given_kana;
    const Status checked = ValidateRecord(r);
    if (c.refusal == nullptr) {
      EXPECT_TRUE(checked) << c.common_name_kana << c.given_kana << ": " << checked.error().rule_id;
    } else {
      ASSERT_FALSE(checked) << c.common_name_kana << c.given_kana;
      EXPECT_EQ(checked.error().rule_id, c.refusal);
    }
  }
}

}  // namespace
}  // namespace jrr::testing
