// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): the 照会 screen showed no 本籍 line at all for a person whose 本籍 is
// recorded as なし or 不明, so a clerk could not tell it from an item left out; JK-1.1.12 wants it
// shown as 本籍なし / 本籍不明, as the certificates print it.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

class MissingDomicile : public ServedRegister {};

// REQ: JK-1.1.12
TEST_F(MissingDomicile, IsShownOnTheInquiryScreen) {
  auto moved = Apply(
      R"({"type":"move_in","event_date":"2026-10-05","notification_date":"2026-10-06",
  "persons":[{"family_name":"無籍","given_name":"太郎","family_kana":"ムセキ","given_kana":"タロウ",
              "birth_date":"2000-01-01","sex":"male","relationship":"世帯主","domicile":{"state":"none"}},
             {"family_name":"不明","given_name":"次郎","family_kana":"フメイ","given_kana":"ジロウ",
              "birth_date":"2001-01-01","sex":"male","relationship":"同居人",
              "domicile":{"state":"unknown"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町三丁目","banchi":"1番1号"}})");
  ASSERT_EQ(moved.status, 0) << moved.err;
  Serve();
  ReadyUser("madoguchi", "view,see_domicile");
  ReadyUser("kengen_nashi", "view");
  const Login clerk = LogIn("madoguchi");
  const struct {
    const char* atena;
    const char* shown;
  } kRows[] = {{"0000000019", "<dt>本籍</dt><dd>本籍なし</dd>"},
               {"0000000027", "<dt>本籍</dt><dd>本籍不明</dd>"}};
  for (const auto& row : kRows) {
    auto page = Get(std::string("/resident?atena=") + row.atena, clerk);
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_NE(page.body.find(row.shown), std::string::npos) << row.atena << page.body;
  }
  // Without the right to see 本籍, that it is なし is not shown either.
  auto hidden = Get("/resident?atena=0000000019", LogIn("kengen_nashi"));
  EXPECT_EQ(hidden.body.find("本籍なし"), std::string::npos) << hidden.body;
}

}  // namespace
}  // namespace jrr::testing
