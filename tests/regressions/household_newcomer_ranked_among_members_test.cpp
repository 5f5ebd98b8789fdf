// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-5.2/2): a person who came by 転入 into an existing household was
// ranked among its members on the 世帯連記式 copy — an elder 子 arriving later was listed before
// the younger 子 already there — instead of after them, in the order they came.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

// 太郎 (平成20年生), the 世帯主's elder son, joins the 架空 household (0000000019) after his younger
// brother 次郎 (平成22年生) was already in it.
const char* kElderSonJoins =
    R"({"type":"move_in","event_date":"2026-10-20","notification_date":"2026-10-21",
  "join_household":"0000000019",
  "persons":[{"family_name":"架空","given_name":"太郎","family_kana":"カクウ","given_kana":"タロウ",
              "birth_date":"平成20年1月1日","sex":"male","relationship":"子",
              "domicile":{"place":"架空県架空市本町1番地","head_of_family":"架空　一郎"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"}})";

class HouseholdNewcomer : public ServedRegister {};

// REQ: JK-5.2
TEST_F(HouseholdNewcomer, IsListedAfterTheMembersAlreadyThere) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  auto joined = Apply(kElderSonJoins);
  ASSERT_EQ(joined.status, 0) << joined.err;
  Serve();
  ReadyUser("madoguchi", "view,change,issue");
  const std::string text = IssuedText(
      R"({"kind":"juminhyo","person":"0000000019","household":true})", LogIn("madoguchi"));
  const auto at = [&text](const char* name) { return text.find(name); };
  ASSERT_NE(at("架空 太郎"), std::string::npos) << text;
  EXPECT_LT(at("架空 一郎"), at("架空 花子")) << text;
  EXPECT_LT(at("架空 花子"), at("架空 次郎")) << text;
  EXPECT_LT(at("架空 次郎"), at("架空 太郎")) << text;
}

}  // namespace
}  // namespace jrr::testing
