// SPDX-License-Identifier: Apache-2.0
//
// `jrr block` and `jrr support`, and every command-line path that reads a person: each goes
// through the gate, so 照会抑止 stops it and 支援措置 marks it.
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

const char* kFamily =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","birth_date":"昭和57年6月15日","sex":"female",
              "relationship":"妻","domicile":{"state":"不明"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";

class ProtectionCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    const std::string file = dir_.File("f.json");
    std::ofstream(file) << kFamily;
    auto applied = RunCli({"apply", "--db", db_, file});
    ASSERT_EQ(applied.status, 0) << applied.err;
    ASSERT_EQ(RunCli({"memo", "--db", db_, "add", "0000000027", "来庁時は別室で対応"}).status, 0);
  }
  TempDir dir_;
  std::string db_;
};

// REQ: JK-3.1, JK-2.2.4
TEST_F(ProtectionCliTest, ViewBlocksStopEveryReadingPath) {
  auto added = RunCli({"block", "--db", db_, "add", "--person", "0000000027", "--operation", "view",
                       "--from", "2026-11-01", "--to", "2026-11-02"});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("有効"),
            std::string::npos);  // the planned end has passed; still in force
  // Every path that shows the person: refused with the rule id, exit 1.
  for (const std::vector<std::string>& path : std::vector<std::vector<std::string>>{
           {"show", "--db", db_, "0000000027"},
           {"show", "--db", db_, "--json", "0000000027"},
           {"show", "--db", db_, "--as-of", "2026-10-15", "0000000027"},
           {"memo", "--db", db_, "history", "1"},
       }) {
    auto refused = RunCli(path);
    EXPECT_EQ(refused.status, 1) << path[0];
    EXPECT_NE(refused.err.find("protection.blocked"), std::string::npos) << path[0];
    EXPECT_EQ(refused.out.find("花子"), std::string::npos) << path[0];
  }
  EXPECT_EQ(RunCli({"show", "--db", db_, "0000000019"}).status, 0);  // the other member
  // 一時解除 for this operator: the console can see it for the minutes granted.
  ASSERT_EQ(RunCli({"block", "--db", db_, "release", "1", "--minutes", "5", "--reason", "照会依頼"})
                .status,
            0);
  EXPECT_EQ(RunCli({"show", "--db", db_, "0000000027"}).status, 0);
  EXPECT_EQ(RunCli({"show", "--db", db_, "--operator", "clerk09", "0000000027"}).status, 1);
  ASSERT_EQ(RunCli({"block", "--db", db_, "end", "1"}).status, 0);
  EXPECT_EQ(RunCli({"show", "--db", db_, "--operator", "clerk09", "0000000027"}).status, 0);
  auto listed = RunCli({"block", "--db", db_, "list", "--person", "0000000027"});
  EXPECT_NE(listed.out.find("解除"), std::string::npos);
  auto unknown =
      RunCli({"block", "--db", db_, "add", "--person", "0000000027", "--operation", "nothing"});
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("[protection.invalid_operation]"), std::string::npos) << unknown.err;
  EXPECT_EQ(RunCli({"block", "--db", db_, "list"}).status, 2);
  // An アラート block: shown after acknowledgement only.
  ASSERT_EQ(RunCli({"block", "--db", db_, "add", "--household", "0000000019", "--operation", "view",
                    "--level", "alert"})
                .status,
            0);
  auto alert = RunCli({"show", "--db", db_, "0000000019"});
  EXPECT_EQ(alert.status, 1);
  EXPECT_NE(alert.err.find("protection.alert"), std::string::npos);
  auto acknowledged =
      RunCli({"show", "--db", db_, "--acknowledge", "protection.alert", "0000000019"});
  EXPECT_EQ(acknowledged.status, 0) << acknowledged.err;
  EXPECT_NE(acknowledged.out.find("【抑止対象】"), std::string::npos);
}

// REQ: JK-3.4, JK-1.1.16
TEST_F(ProtectionCliTest, SupportMeasuresFromTheCommandLine) {
  auto added =
      RunCli({"support", "--db", db_, "add", "--applicant", "0000000027", "--co", "0000000019:夫",
              "--from", "令和2年4月1日", "--perpetrator-name", "加害　太郎"});
  ASSERT_EQ(added.status, 0) << added.err;
  EXPECT_NE(added.out.find("令和3年3月31日"), std::string::npos);   // the one-year period
  EXPECT_NE(added.err.find("support.expired"), std::string::npos);  // long past, not extended
  auto shown = RunCli({"show", "--db", db_, "0000000027"});
  ASSERT_EQ(shown.status, 0);
  EXPECT_NE(shown.out.find("【支援措置対象者（DV）】"), std::string::npos);
  auto details = RunCli({"support", "--db", db_, "show", "1"});
  EXPECT_NE(details.out.find("加害　太郎"), std::string::npos);
  EXPECT_NE(RunCli({"support", "--db", db_, "list", "0000000019"}).out.find("支援措置 1 件"),
            std::string::npos);
  auto extended = RunCli({"support", "--db", db_, "extend", "1"});
  ASSERT_EQ(extended.status, 0) << extended.err;
  EXPECT_NE(extended.out.find("令和3年4月1日〜令和4年3月31日"), std::string::npos);
  EXPECT_EQ(RunCli({"support", "--db", db_, "release", "1", "--minutes", "10"}).status, 0);
  ASSERT_EQ(RunCli({"support", "--db", db_, "end", "1", "--reason", "申出による"}).status, 0);
  auto again = RunCli({"support", "--db", db_, "end", "1"});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("support.not_active"), std::string::npos);
  EXPECT_EQ(RunCli({"support", "--db", db_, "extend", "9"}).status, 1);
  EXPECT_EQ(
      RunCli({"support", "--db", db_, "add", "--applicant", "0000000027", "--kind", "x"}).status,
      1);
  EXPECT_EQ(RunCli({"support", "--db", db_, "bogus", "1"}).status, 2);
  // Every step is in the アクセスログ, naming people by 宛名番号 only.
  auto log = RunCli({"audit", "--db", db_, "search", "--action", "protection"});
  EXPECT_NE(log.out.find("該当 6 件"), std::string::npos) << log.out;
  EXPECT_EQ(log.out.find("加害"), std::string::npos);
}

// REQ: JK-2.1.1, JK-2.1.3
TEST_F(ProtectionCliTest, SearchFromTheCommandLineWithHistory) {
  // 生年月日 in 和暦 or 西暦 finds the same person.
  for (const char* birth : {"昭和57年6月15日", "1982-06-15", "S57.6.15"}) {
    auto found = RunCli({"search", "--db", db_, "--birth", birth});
    ASSERT_EQ(found.status, 0) << found.err;
    EXPECT_NE(found.out.find("0000000027"), std::string::npos) << birth;
    EXPECT_NE(found.out.find("該当 1 件"), std::string::npos) << birth;
  }
  ASSERT_EQ(RunCli({"support", "--db", db_, "add", "--applicant", "0000000019"}).status, 0);
  auto marked = RunCli({"search", "--db", db_, "--kana", "カクウ", "--match", "prefix", "--json"});
  ASSERT_EQ(marked.status, 0) << marked.err;
  EXPECT_NE(marked.out.find("\"support_target\":true"), std::string::npos);
  EXPECT_NE(marked.out.find("\"marker\":\"支援措置対象者（DV）\""), std::string::npos);
  EXPECT_EQ(RunCli({"search", "--db", db_, "--sex", "female"}).status, 1);  // no key
  EXPECT_EQ(RunCli({"search", "--db", db_, "--kana", "カクウ", "--match", "fuzzy"}).status, 1);
  EXPECT_EQ(RunCli({"search", "--db", db_, "--birth", "平成31年5月1日"}).status, 1);  // not a date
  auto history = RunCli({"search", "--db", db_, "--history"});
  EXPECT_NE(history.out.find("検索履歴 4 件"), std::string::npos) << history.out;
  auto rerun = RunCli({"search", "--db", db_, "--rerun", "1"});
  ASSERT_EQ(rerun.status, 0) << rerun.err;
  EXPECT_NE(rerun.out.find("0000000027"), std::string::npos);
  auto other = RunCli({"search", "--db", db_, "--operator", "clerk09", "--rerun", "1"});
  EXPECT_EQ(other.status, 1);
  EXPECT_NE(other.err.find("search.history_not_found"), std::string::npos);
}

}  // namespace
}  // namespace jrr::testing
