// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-4.1.1.4/1 and JK-1.1.14): the 留意事項 a 未届転入 writes
// (「未届転入。転入前住所（未届）: …」) and the 備考 added with `jrr remark add` were kept but shown
// nowhere a clerk looks: not on the 照会 screen and not in the API's record of the person — only
// `jrr show` printed the 統合記載欄.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

const char* kUnreportedMoveIn =
    R"({"type":"move_in","unreported":true,"event_date":"2026-11-01","notification_date":"2026-11-02",
  "previous_address":{"text":"埼玉県さいたま市浦和区高砂三丁目","banchi":"1番"},
  "new_address":{"text":"架空県架空市桜町三丁目","banchi":"10番"},
  "persons":[{"family_name":"未届","given_name":"一","family_kana":"ミトドケ","given_kana":"ハジメ",
    "birth_date":"1980-01-01","sex":"male","relationship":"世帯主","domicile":{"state":"none"}}]})";

class IntegratedRemarks : public ServedRegister {};

// REQ: JK-1.1.14
TEST_F(IntegratedRemarks, AreShownOnTheScreenAndInTheApi) {
  ASSERT_EQ(Apply(kUnreportedMoveIn).status, 0);
  ASSERT_EQ(Cli({"remark", "add", "0000000019", "本人の申出により記載"}).status, 0);
  Serve();
  ReadyUser("madoguchi", "view");
  const Login clerk = LogIn("madoguchi");
  auto api = Get("/api/v1/resident?atena=0000000019", clerk);
  ASSERT_EQ(api.status, 200) << api.body;
  const auto a = api.body.find(R"({"kind":"A","text":"令和8年11月1日)");
  const auto b = api.body.find(R"({"kind":"B","text":")");
  const auto c = api.body.find(R"({"kind":"C","text":"本人の申出により記載"})");
  ASSERT_NE(a, std::string::npos) << api.body;
  ASSERT_NE(b, std::string::npos) << api.body;
  ASSERT_NE(c, std::string::npos) << api.body;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_NE(api.body.find("未届転入", b), std::string::npos) << api.body;
  auto screen = Get("/resident?atena=0000000019", clerk);
  ASSERT_EQ(screen.status, 200);
  for (const char* shown : {"統合記載欄", "留意事項", "未届転入", "本人の申出により記載"})
    EXPECT_NE(screen.body.find(shown), std::string::npos) << shown;
}

}  // namespace
}  // namespace jrr::testing
