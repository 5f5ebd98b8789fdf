// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-4.1.1.1/1): a 転入 could not carry the 国民健康保険, 後期高齢者医療,
// 介護保険, 国民年金 and 児童手当 items (json.unknown_field), although every item of JK-1.1.1 but
// 住所を定めた年月日 is entered with a 転入; they could be set only by a later correction, and no
// record JSON ever gave them back.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

const char* kMoveInWithItems =
    R"({"type":"move_in","event_date":"2026-11-01","notification_date":"2026-11-02",
  "previous_address":{"text":"東京都港区芝公園四丁目","banchi":"2番"},
  "new_address":{"text":"架空県架空市桜町三丁目","banchi":"9番"},
  "persons":[{"family_name":"別所","given_name":"太郎","family_kana":"ベッショ",
    "given_kana":"タロウ","birth_date":"平成2年1月1日","sex":"male","relationship":"世帯主",
    "domicile":{"state":"none"},
    "national_health":{"covered":true,"acquired":"2026-11-01"},
    "long_term_care":{"covered":false},
    "pension":{"covered":true,"basic_pension_number":"1234567890","type":"第1号被保険者",
               "acquired":"2010-01-01"},
    "child_allowance_start":"2026-12"}]})";

class MoveInOtherBusinessItems : public ServedRegister {};

// REQ: JK-4.1.1.1
TEST_F(MoveInOtherBusinessItems, AreRecordedAndShown) {
  auto applied = Apply(kMoveInWithItems);
  ASSERT_EQ(applied.status, 0) << applied.out << applied.err;
  auto shown = Cli({"show", "--json", "0000000019"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  for (const char* expected :
       {R"("national_health":{"covered":true,"acquired":"2026-11-01","lost":null})",
        R"("long_term_care":{"covered":false)", R"("basic_pension_number":"1234567890")",
        R"("type":"第1号被保険者")", R"("child_allowance_start":"2026-12")"}) {
    EXPECT_NE(shown.out.find(expected), std::string::npos) << expected << "\n" << shown.out;
  }
}

}  // namespace
}  // namespace jrr::testing
