// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-1.1.11/3 and /5): a 続柄 of five or more terms joined by の was
// turned into 縁故者 without a word — the parser marked the アラート relationship.folded_to_related,
// but no 異動 ever raised it, so the clerk never saw that what was typed is not what is kept.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

std::string Joining(const std::string& relationship, bool acknowledged) {
  return R"({"type":"move_in","event_date":"2026-10-20","notification_date":"2026-10-21",
  "join_household":"0000000019",)" +
         std::string(acknowledged ? R"("acknowledged_alerts":["relationship.folded_to_related"],)"
                                  : "") +
         R"("persons":[{"family_name":"架空","given_name":"遠子","family_kana":"カクウ",
  "given_kana":"トオコ","birth_date":"平成20年1月1日","sex":"female","relationship":")" +
         relationship + R"("}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"}})";
}

class FiveTermRelationship : public ServedRegister {};

// REQ: JK-1.1.11
TEST_F(FiveTermRelationship, IsAnAlertAndThenKeptAs縁故者) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  for (const char* typed : {"子の子の子の子の子", "妻の父の兄の子の子"}) {
    auto refused = Apply(Joining(typed, false));
    EXPECT_NE(refused.status, 0) << typed;
    EXPECT_NE((refused.out + refused.err).find("relationship.folded_to_related"), std::string::npos)
        << typed << ": " << refused.out << refused.err;
  }
  auto kept = Apply(Joining("妻の父の兄の子の子", true));
  ASSERT_EQ(kept.status, 0) << kept.err;
  auto shown = Cli({"show", "0000000043"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("縁故者"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("妻の父の兄の子の子"), std::string::npos) << shown.out;
  // Four terms are kept as typed, with no アラート.
  auto four = Apply(Joining("子の子の子の子", false));
  EXPECT_EQ(four.status, 0) << four.err;
}

}  // namespace
}  // namespace jrr::testing
