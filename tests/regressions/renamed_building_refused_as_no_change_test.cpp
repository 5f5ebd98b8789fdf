// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-4.2.3.2/2): when an apartment house was renamed, the 軽微な修正 of
// the 方書 alone was refused as change.nothing_to_correct ("the new address is the old one"): the
// correction compared only the 住所 and 番地, and no other 異動 corrects a 方書 as 軽微な修正.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

const char* kTenant =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"3番4号","katagaki":"桜荘201"},
  "persons":[{"family_name":"高橋","given_name":"一郎","family_kana":"タカハシ",
    "given_kana":"イチロウ","birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
    "domicile":{"state":"none"}}]})";

std::string Renaming(const std::string& katagaki) {
  return R"({"type":"address_renaming","event_date":"2026-11-03","household_number":"0000000019",
  "before":{"text":"架空県架空市桜町一丁目","banchi":"3番4号"},
  "after":{"text":"架空県架空市桜町一丁目","banchi":"3番4号","katagaki":")" +
         katagaki + R"("},"cause":"建物の名称の変更"})";
}

class RenamedBuilding : public ServedRegister {};

// REQ: JK-4.2.3.2
TEST_F(RenamedBuilding, IsAMinorCorrectionOfThe方書) {
  ASSERT_EQ(Apply(kTenant).status, 0);
  auto shown = Cli({"show", "--json", "0000000019"});
  ASSERT_NE(shown.out.find(R"("household_number":"0000000019")"), std::string::npos) << shown.out;
  // The same 方書 again is still nothing to correct.
  auto same = Apply(Renaming("桜荘201"));
  EXPECT_NE((same.out + same.err).find("change.nothing_to_correct"), std::string::npos)
      << same.out << same.err;
  auto renamed = Apply(Renaming("さくらハイツ201"));
  ASSERT_EQ(renamed.status, 0) << renamed.out << renamed.err;
  shown = Cli({"show", "--json", "0000000019"});
  EXPECT_NE(shown.out.find(R"("katagaki":"さくらハイツ201")"), std::string::npos) << shown.out;
  EXPECT_NE(Cli({"show", "0000000019"}).out.find("軽微な修正"), std::string::npos);
}

}  // namespace
}  // namespace jrr::testing
