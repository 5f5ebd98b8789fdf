// SPDX-License-Identifier: Apache-2.0
//
// `jrr apply` and `jrr show`: JSON in, one outcome line per recorded 異動, stop at the first
// refusal; show as of a date.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::cli {
namespace {

using jrr::testing::TempDir;

using jrr::testing::RunCli;

std::string Write(const TempDir& dir, const std::string& name, const std::string& text) {
  const std::string path = dir.File(name);
  std::ofstream(path) << text;
  return path;
}

const char* kFamily = R"([
 {"type":"move_in","event_date":"令和8年10月1日","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","birth_date":"昭和57年6月15日","sex":"female",
              "relationship":"妻","domicile":{"state":"不明"}}],
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号","katagaki":"さくら荘101"}},
 {"type":"within_move","event_date":"令和8年10月20日","notification_date":"2026-10-21",
  "movers":["0000000019","0000000027"],
  "new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"}}
])";

// REQ: JK-4.1.1.1, JK-4.1.2.1, JK-1.2.1
TEST(CliApply, RecordsEachChangeAndShowsTheRecordAsOfADate) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  auto applied =
      RunCli({"apply", "--db", db, "--operator", "clerk07", Write(dir, "f.json", kFamily)});
  ASSERT_EQ(applied.status, kOk) << applied.err;
  EXPECT_NE(applied.out.find(R"("change_id":1,"reason":"domestic_move_in")"), std::string::npos)
      << applied.out;
  EXPECT_NE(applied.out.find(R"("change_id":2,"reason":"within_move")"), std::string::npos);

  auto now = RunCli({"show", "--db", db, "0000000019"});
  ASSERT_EQ(now.status, kOk) << now.err;
  EXPECT_NE(now.out.find("住所：架空県架空市桜町二丁目3番4号"), std::string::npos) << now.out;
  EXPECT_NE(now.out.find("2  転居  異動日 令和8年10月20日"), std::string::npos);
  EXPECT_NE(now.out.find("clerk07"), std::string::npos);
  auto before = RunCli({"show", "--db", db, "--as-of", "2026-10-10", "0000000019"});
  EXPECT_NE(before.out.find("住所：架空県架空市桜町一丁目1番2号　さくら荘101"), std::string::npos)
      << before.out;
  auto wife = RunCli({"show", "--db", db, "--json", "0000000027"});
  EXPECT_NE(wife.out.find(R"("domicile":{"state":"unknown")"), std::string::npos) << wife.out;
  auto unknown = RunCli({"show", "--db", db, "0000000990"});
  EXPECT_EQ(unknown.status, kRuleError);
  auto not_yet = RunCli({"show", "--db", db, "--as-of", "2026-09-01", "0000000019"});
  EXPECT_EQ(not_yet.status, kRuleError);
  EXPECT_EQ(RunCli({"show", "--db", db, "--as-of", "昨日", "0000000019"}).status, kRuleError);
}

// REQ: JK-11.1, JK-4.0.4
TEST(CliApply, StopsAtTheFirstRefusalAndWritesNothingOfIt) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  ASSERT_EQ(RunCli({"apply", "--db", db, Write(dir, "f.json", kFamily)}).status, kOk);
  const std::string two = R"([
    {"type":"death","event_date":"2026-11-01","notification_date":"2026-11-02","addressee_number":"0000000019"},
    {"type":"death","event_date":"2026-11-01","notification_date":"2026-11-02","addressee_number":"0000000027"}])";
  auto refused = RunCli({"apply", "--db", db, Write(dir, "d.json", two)});
  EXPECT_EQ(refused.status, kRuleError);
  EXPECT_NE(refused.err.find("[change.sole_member_becomes_head]"), std::string::npos)
      << refused.err;
  EXPECT_NE(refused.out.find(R"("rule_id":"change.sole_member_becomes_head")"), std::string::npos);
  auto head = RunCli({"show", "--db", db, "0000000019"});
  EXPECT_NE(head.out.find("状態：住民"), std::string::npos) << "the refused 異動 wrote nothing";
  auto malformed = RunCli({"apply", "--db", db, Write(dir, "m.json", "{")});
  EXPECT_EQ(malformed.status, kRuleError);
  EXPECT_NE(malformed.err.find("json.malformed"), std::string::npos);
  EXPECT_EQ(RunCli({"apply", "--db", db, dir.File("none.json")}).status, kUsage);
  EXPECT_EQ(RunCli({"apply", "--db", dir.File("none.db"), Write(dir, "f2.json", kFamily)}).status,
            kRuleError);
}

}  // namespace
}  // namespace jrr::cli

namespace jrr::cli {
namespace {

// REQ: JK-4.0.8
TEST(CliApply, ProvisionalApproveAndWithdraw) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  // The second request moves people who exist only in the first, still provisional, request:
  // it is refused at entry, and the first stays a 仮登録.
  auto entered = RunCli({"apply", "--db", db, "--provisional", Write(dir, "f.json", kFamily)});
  EXPECT_EQ(entered.status, kRuleError);
  EXPECT_NE(entered.err.find("[change.person_not_found]"), std::string::npos) << entered.err;
  EXPECT_NE(
      entered.out.find(R"("pending_id":1,"type":"move_in","summary":"国内転入 2名（新規 2名）")"),
      std::string::npos)
      << entered.out;
  EXPECT_EQ(RunCli({"show", "--db", db, "0000000019"}).status, kRuleError)
      << "not in the register yet";
  auto listed = RunCli({"pending", "--db", db});
  EXPECT_NE(listed.out.find("1  国内転入 2名"), std::string::npos) << listed.out;
  auto approved = RunCli({"approve", "--db", db, "1"});
  ASSERT_EQ(approved.status, kOk) << approved.err;
  EXPECT_EQ(RunCli({"show", "--db", db, "0000000019"}).status, kOk);
  EXPECT_EQ(RunCli({"approve", "--db", db, "1"}).status, kRuleError);
  EXPECT_EQ(RunCli({"withdraw", "--db", db, "1"}).status, kRuleError);
  EXPECT_EQ(RunCli({"approve", "--db", db, "x"}).status, kRuleError);
  EXPECT_NE(RunCli({"pending", "--db", db}).out.find("仮登録 0 件"), std::string::npos);
}

}  // namespace
}  // namespace jrr::cli

namespace jrr::cli {
namespace {

// REQ: JK-1.3.9, JK-1.3.1
TEST(CliSettings, CertifierSwitchesByPeriodAndTerminalsAreChecked) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  ASSERT_EQ(RunCli({"settings", "add-certifier", "--db", db, "--role", "mayor", "--title",
                    "架空市長", "--name", "架空　太郎", "--from", "2024-04-01"})
                .status,
            kOk);
  ASSERT_EQ(
      RunCli({"settings", "add-certifier", "--db", db, "--role", "acting", "--title",
              "架空市副市長", "--name", "代理　次郎", "--from", "2026-12-01", "--to", "2026-12-15"})
          .status,
      kOk);
  auto before = RunCli({"settings", "show", "--db", db, "--on", "2026-11-30"});
  EXPECT_NE(before.out.find("認証者（令和8年11月30日）: 架空市長　架空　太郎"), std::string::npos)
      << before.out;
  auto during = RunCli({"settings", "show", "--db", db, "--on", "2026-12-01"});
  EXPECT_NE(during.out.find("認証者（令和8年12月1日）: 架空市副市長　代理　次郎"),
            std::string::npos);
  auto after = RunCli({"settings", "show", "--db", db, "--on", "2026-12-16"});
  EXPECT_NE(after.out.find(": 架空市長"), std::string::npos);
  EXPECT_EQ(RunCli({"settings", "add-certifier", "--db", db, "--role", "acting", "--title", "x",
                    "--name", "y", "--from", "2026-12-10", "--to", "2026-12-01"})
                .status,
            kRuleError);
  EXPECT_EQ(RunCli({"settings", "add-terminal", "--db", db, "--id", "T01", "--place", "NOWHERE",
                    "--name", "窓口1"})
                .status,
            kRuleError);
  ASSERT_EQ(
      RunCli({"settings", "add-place", "--db", db, "--code", "HONCHO", "--name", "本庁"}).status,
      kOk);
  ASSERT_EQ(RunCli({"settings", "add-terminal", "--db", db, "--id", "T01", "--place", "HONCHO",
                    "--name", "市民課窓口1"})
                .status,
            kOk);
  // With terminals registered, 異動 must come from one of them.
  const std::string file = Write(dir, "f.json", kFamily);
  auto unknown = RunCli({"apply", "--db", db, "--terminal", "T99", file});
  EXPECT_EQ(unknown.status, kRuleError);
  EXPECT_NE(unknown.err.find("settings.unknown_terminal"), std::string::npos);
  ASSERT_EQ(
      RunCli({"apply", "--db", db, "--terminal", "T01", "--operator", "clerk01", file}).status,
      kOk);
  // Looking is logged with its terminal too (JK-10.2), so an unregistered one is refused as well.
  EXPECT_EQ(RunCli({"show", "--db", db, "0000000019"}).status, kRuleError);
  EXPECT_NE(RunCli({"show", "--db", db, "--terminal", "T01", "0000000019"})
                .out.find("clerk01（本庁／T01）"),
            std::string::npos);
  auto bogus = RunCli({"settings", "bogus", "--db", db});
  EXPECT_EQ(bogus.status, kRuleError);
  EXPECT_NE(bogus.err.find("[settings.unknown_action]"), std::string::npos) << bogus.err;
  // Each settings change is in the アクセスログ (JK-10.2); refused ones are not changes.
  auto logged =
      RunCli({"audit", "--db", db, "--terminal", "T01", "search", "--action", "settings_change"});
  EXPECT_NE(logged.out.find("該当 4 件"), std::string::npos) << logged.out;
}

}  // namespace
}  // namespace jrr::cli

namespace jrr::cli {
namespace {

// REQ: JK-1.1.14, JK-1.1.15
TEST(CliRemarks, IntegratedRemarksAndMemosWithHistory) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  ASSERT_EQ(RunCli({"apply", "--db", db, Write(dir, "f.json", kFamily)}).status, kOk);
  ASSERT_EQ(RunCli({"remark", "--db", db, "add", "0000000019", "事実上の世帯主は施設長"}).status,
            kOk);
  auto added =
      RunCli({"memo", "--db", db, "--operator", "clerk05", "add", "0000000019", "電話連絡済み"});
  ASSERT_EQ(added.status, kOk) << added.err;
  ASSERT_EQ(RunCli({"memo", "--db", db, "--operator", "clerk06", "edit", "1", "電話連絡済み（再）"})
                .status,
            kOk);
  auto shown = RunCli({"show", "--db", db, "0000000019"});
  EXPECT_NE(shown.out.find("  A  令和8年10月1日　国内転入（令和8年10月2日届出）"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("  A  令和8年10月20日　転居"), std::string::npos);
  EXPECT_NE(shown.out.find("  C  事実上の世帯主は施設長"), std::string::npos);
  EXPECT_NE(shown.out.find("#1  電話連絡済み（再）（clerk06"), std::string::npos);
  ASSERT_EQ(RunCli({"memo", "--db", db, "delete", "1"}).status, kOk);
  EXPECT_EQ(RunCli({"show", "--db", db, "0000000019"}).out.find("メモ"), std::string::npos);
  auto history = RunCli({"memo", "--db", db, "history", "1"});
  EXPECT_NE(history.out.find("clerk05  電話連絡済み\n"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("（削除）"), std::string::npos);
  EXPECT_EQ(RunCli({"memo", "--db", db, "edit", "1", "x"}).status, kRuleError);
  EXPECT_EQ(RunCli({"memo", "--db", db, "add", "0000000990", "x"}).status, kRuleError);
  EXPECT_EQ(RunCli({"remark", "--db", db, "add", "0000000019", ""}).status, kRuleError);
  // Each memo write is in the アクセスログ with the person it concerns; refused ones are not.
  auto logged =
      RunCli({"audit", "--db", db, "search", "--resident", "0000000019", "--action", "change"});
  for (const char* function : {"メモ記載", "メモ修正", "メモ削除"}) {
    EXPECT_NE(logged.out.find(function), std::string::npos) << function << "\n" << logged.out;
  }
}

}  // namespace
}  // namespace jrr::cli

namespace jrr::cli {
namespace {

// REQ: JK-4.0.9
TEST(CliApply, CheckShowsWhatWouldBeRecordedAndWritesNothing) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  const std::string one =
      R"({"type":"move_in","event_date":"令和8年10月1日","notification_date":"2026-10-02",
    "persons":[{"family_name":"確認","given_name":"花","birth_date":"平成元年1月8日","sex":"female",
                "relationship":"世帯主","domicile":{"state":"不明"}}],
    "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";
  auto checked = RunCli({"apply", "--db", db, "--check", Write(dir, "one.json", one)});
  ASSERT_EQ(checked.status, kOk) << checked.err;
  EXPECT_NE(checked.out.find("【入力確認】異動 1/1  国内転入"), std::string::npos) << checked.out;
  EXPECT_NE(checked.out.find("氏名：確認　花"), std::string::npos);
  EXPECT_NE(checked.out.find("宛名番号：（新規：記録時に付番）"), std::string::npos);
  EXPECT_EQ(checked.out.find("new-person:"), std::string::npos) << "no internal placeholder shown";
  EXPECT_EQ(RunCli({"show", "--db", db, "0000000019"}).status, kRuleError)
      << "nothing was recorded";
  const std::string late =
      R"({"type":"move_in","event_date":"令和8年10月1日","notification_date":"2026-11-20",
    "persons":[{"family_name":"確認","given_name":"花","birth_date":"平成元年1月8日","sex":"female",
                "relationship":"世帯主","domicile":{"state":"不明"}}],
    "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";
  auto alert = RunCli({"apply", "--db", db, "--check", Write(dir, "late.json", late)});
  EXPECT_EQ(alert.status, kRuleError);
  EXPECT_NE(alert.err.find("[change.late_notification]"), std::string::npos);
}

}  // namespace
}  // namespace jrr::cli
