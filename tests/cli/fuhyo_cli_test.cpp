// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票 across modules and municipalities: a 転居 in the 住民記録 updates this municipality's
// 附票 in the same commit (and a failing 附票 update rolls the 転居 back); a resident whose 本籍 is
// elsewhere produces a notice that two registers — two files, two municipalities — exchange through
// the file-drop adapter; a notice received twice is applied once; a mismatch is refused and the
// reply recorded.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "jrr/persistence/core/database.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

std::string MoveIn(const std::string& domicile, const char* given, const char* banchi) {
  return std::string(
             R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":")") +
         given + R"(","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":")" +
         domicile + R"(","head_of_family":"架空　一郎"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":")" +
         banchi + R"("}})";
}

std::string WithinMove(const std::string& atena, const char* banchi) {
  return R"({"type":"within_move","event_date":"2026-11-20","notification_date":"2026-11-21","movers":[")" +
         atena + R"("],"new_address":{"text":"架空県架空市桜町二丁目","banchi":")" + banchi +
         R"("}})";
}

int64_t Count(const std::string& db, const std::string& sql) {
  Database d(db, DatabaseOptions{.create_if_missing = false});
  return d.QueryInt(sql);
}

class FuhyoCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = dir_.File("a.db");  // 架空市: where the people live (住所地)
    b_ = dir_.File("b.db");  // 架空村: where one of them has a 本籍 (本籍地)
    drop_ = dir_.File("drop");
    ASSERT_EQ(
        RunCli({"init", "--db", a_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    ASSERT_EQ(
        RunCli({"init", "--db", b_, "--municipality-code", "990027", "--name", "架空村"}).status,
        0);
  }
  CliOutcome Apply(const std::string& db, const std::string& json) {
    const std::string file = dir_.File("change.json");
    std::ofstream(file) << json;
    return RunCli({"apply", "--db", db, file});
  }
  TempDir dir_;
  std::string a_, b_, drop_;
};

// REQ: JK-7.2.4
// LAW: 住基法第18条 (職権記載), 住基法第19条
TEST_F(FuhyoCliTest, OwnDomicileIsUpdatedInTheSameCommit) {
  // 本籍 in 架空市 itself: the 附票 is made and kept here.
  ASSERT_EQ(Apply(a_, MoveIn("架空県架空市本町1番地", "一郎", "1番2号")).status, 0);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo"), 1);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_address"), 1);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_outbox"), 0);
  ASSERT_EQ(Apply(a_, WithinMove("0000000019", "5番6号")).status, 0);
  auto shown = RunCli({"fuhyo", "--db", a_, "show", "1"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("架空県架空市桜町二丁目5番6号"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("架空県架空市桜町一丁目1番2号"),
            std::string::npos);  // the history stays
  // A failing 附票 update rolls the 転居 back: nothing of it is recorded.
  {
    Database d(a_, DatabaseOptions{.create_if_missing = false});
    d.Execute(
        "CREATE TRIGGER fail_fuhyo BEFORE INSERT ON fuhyo_address BEGIN SELECT RAISE(ABORT, "
        "'test'); END");
  }
  const int64_t versions = Count(a_, "SELECT count(*) FROM resident_version");
  auto failed = Apply(a_, WithinMove("0000000019", "7番8号"));
  EXPECT_NE(failed.status, 0);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM resident_version"), versions);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM change_record WHERE change_id > 2"), 0);
}

// REQ: JK-7.2.4
// LAW: 住基法第19条 (附票記載事項通知), 住基法第20条 (写しの交付)
TEST_F(FuhyoCliTest, TwoRegistersExchangeNoticesThroughTheFileDrop) {
  // 架空村 keeps the 附票 of the 戸籍 (entered as a 戸籍 event: there is no 戸籍 system here).
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile",
                    "架空県架空村中央1番地", "--head", "架空　一郎", "--on", "2000-01-01"})
                .status,
            0);
  auto joined = RunCli({"fuhyo",
                        "--db",
                        b_,
                        "event",
                        "1",
                        "--kind",
                        "nyuseki",
                        "--family",
                        "架空",
                        "--given",
                        "一郎",
                        "--birth",
                        "1980-04-01",
                        "--sex",
                        "male",
                        "--address",
                        "東京都千代田区霞が関二丁目1番2号",
                        "--on",
                        "2000-01-01",
                        "--reason",
                        "婚姻"});
  ASSERT_EQ(joined.status, 0) << joined.err;
  // In 架空市 the person moves in and then within: each 異動 queues a notice in its own commit.
  ASSERT_EQ(Apply(a_, MoveIn("架空県架空村中央1番地", "一郎", "1番2号")).status, 0);
  ASSERT_EQ(Apply(a_, WithinMove("0000000019", "5番6号")).status, 0);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_outbox WHERE to_municipality = '架空県架空村'"),
            2);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo"), 0);  // not 架空市's to keep
  auto delivered = RunCli({"fuhyo", "--db", a_, "deliver", "--to", drop_});
  ASSERT_EQ(delivered.status, 0) << delivered.err;
  EXPECT_NE(delivered.out.find("送付 2 件"), std::string::npos);
  EXPECT_NE(RunCli({"fuhyo", "--db", a_, "outbox"}).out.find("送付済み"), std::string::npos);
  // Keep a copy of the first notice to send it again later.
  const auto folder = std::filesystem::path(drop_) / "架空県架空村";
  std::filesystem::copy_file(folder / "架空県架空市-1.fuhyo", dir_.File("again.fuhyo"));
  auto imported = RunCli({"fuhyo", "--db", b_, "import", "--from", drop_});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.out.find("反映 2 件"), std::string::npos) << imported.out;
  auto shown = RunCli({"fuhyo", "--db", b_, "show", "1"});
  EXPECT_NE(shown.out.find("架空県架空市桜町二丁目5番6号"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("通知 架空県架空市-2"), std::string::npos);
  // The notice carried the statutory 振り仮名 (from 2025-05-26): 架空村 finds the 附票 by its kana key.
  EXPECT_NE(shown.out.find("（カクウ　イチロウ）"), std::string::npos) << shown.out;
  auto by_kana = RunCli({"fuhyo", "--db", b_, "search", "かくう いちろう"});
  ASSERT_EQ(by_kana.status, 0) << by_kana.err;
  EXPECT_NE(by_kana.out.find("該当 1 件"), std::string::npos) << by_kana.out;
  EXPECT_NE(RunCli({"fuhyo", "--db", b_, "search", "ガグウ"}).out.find("該当 1 件"),
            std::string::npos)
      << "濁音 folds to 清音 in the key";
  EXPECT_NE(RunCli({"fuhyo", "--db", b_, "search", "ハナコ"}).out.find("該当 0 件"),
            std::string::npos);
  // The same notice again: applied once only.
  std::filesystem::copy_file(dir_.File("again.fuhyo"), folder / "架空県架空市-1.fuhyo");
  auto twice = RunCli({"fuhyo", "--db", b_, "import", "--from", drop_});
  EXPECT_NE(twice.out.find("受信済み 1 件"), std::string::npos) << twice.out;
  EXPECT_EQ(Count(b_, "SELECT count(*) FROM fuhyo_address"), 3);  // 入籍 line + two notices
  // A notice that does not agree with the 附票 is refused, and the reply is recorded.
  std::ifstream in(dir_.File("again.fuhyo"));
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  body.replace(body.find("notice_id=架空県架空市-1"),
               std::string("notice_id=架空県架空市-1").size(), "notice_id=架空県架空市-99");
  body.replace(body.find("birth_date=1980-04-01"), std::string("birth_date=1980-04-01").size(),
               "birth_date=1981-04-01");
  std::ofstream(folder / "架空県架空市-99.fuhyo") << body;
  auto mismatch = RunCli({"fuhyo", "--db", b_, "import", "--from", drop_});
  EXPECT_NE(mismatch.out.find("不一致で返送 1 件"), std::string::npos) << mismatch.out;
  auto inbox = RunCli({"fuhyo", "--db", b_, "inbox"});
  EXPECT_NE(inbox.out.find("fuhyo.person_mismatch"), std::string::npos) << inbox.out;
  EXPECT_NE(inbox.out.find("住基法第19条第2項"), std::string::npos);
  EXPECT_EQ(Count(b_, "SELECT count(*) FROM fuhyo_address"), 3);
  // The 第19条第2項 reply travels back through 架空村's outbox to 架空市, which records it once.
  EXPECT_NE(RunCli({"fuhyo", "--db", b_, "outbox"}).out.find("→ 架空県架空市  未送付"),
            std::string::npos);
  auto replied = RunCli({"fuhyo", "--db", b_, "deliver", "--to", drop_});
  EXPECT_NE(replied.out.find("送付 1 件"), std::string::npos) << replied.out;
  auto told = RunCli({"fuhyo", "--db", a_, "import", "--from", drop_});
  ASSERT_EQ(told.status, 0) << told.err;
  EXPECT_NE(told.out.find("本籍地からの不一致の通知 1 件"), std::string::npos) << told.out;
  auto a_inbox = RunCli({"fuhyo", "--db", a_, "inbox"});
  EXPECT_NE(a_inbox.out.find("← 架空県架空村  reply"), std::string::npos) << a_inbox.out;
  EXPECT_NE(a_inbox.out.find("fuhyo.person_mismatch、通知 架空県架空市-99"), std::string::npos)
      << a_inbox.out;
  // 戸籍の附票の写し from 架空村: who may ask, what prints only on request.
  ASSERT_EQ(RunCli({"settings", "--db", b_, "add-certifier", "--role", "mayor", "--title",
                    "架空村長", "--name", "村長　花子", "--from", "2020-04-01"})
                .status,
            0);
  const std::string pdf = dir_.File("fuhyo.pdf");
  struct Refusal {
    std::vector<std::string> args;
    const char* rule;
  };
  const Refusal kRefusals[] = {
      {{"--requester", "neighbour"}, "[fuhyo.requester_not_allowed]"},
      {{"--requester", "third-party"}, "[fuhyo.purpose_required]"},
      {{"--requester", "third-party", "--purpose", "債権回収", "--with", "jumin-code"},
       "[fuhyo.item_not_allowed]"},
  };
  for (const Refusal& r : kRefusals) {
    std::vector<std::string> args = {"fuhyo", "--db", b_, "copy", "1", "--out", pdf};
    args.insert(args.end(), r.args.begin(), r.args.end());
    auto refused = RunCli(args);
    EXPECT_EQ(refused.status, 1) << r.rule;
    EXPECT_NE(refused.err.find(r.rule), std::string::npos) << refused.err;
  }
  auto copied = RunCli(
      {"fuhyo", "--db", b_, "copy", "1", "--requester", "self", "--with", "honseki", "--out", pdf});
  ASSERT_EQ(copied.status, 0) << copied.err;
  FILE* pipe = popen(("pdftotext -layout " + pdf + " -").c_str(), "r");
  std::string text;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  pclose(pipe);
  EXPECT_NE(text.find("戸籍の附票の写し"), std::string::npos) << text;
  EXPECT_NE(text.find("架空県架空村中央1番地"), std::string::npos);  // 本籍 on request
  EXPECT_NE(text.find("架空県架空市桜町二丁目5番6号"), std::string::npos);
  EXPECT_NE(text.find("戸籍の附票の原本と相違ないことを証明する"), std::string::npos);
  EXPECT_NE(text.find("住民票コード ＊＊＊＊＊＊"), std::string::npos);  // not requested
  EXPECT_EQ(Count(b_, "SELECT count(*) FROM fuhyo_issuance"), 1);
  // 架空市 cannot apply a notice meant for 架空村.
  std::filesystem::create_directories(std::filesystem::path(drop_) / "架空県架空市");
  std::ofstream(std::filesystem::path(drop_) / "架空県架空市" / "x.fuhyo") << body;
  auto wrong = RunCli({"fuhyo", "--db", a_, "import", "--from", drop_});
  EXPECT_NE(wrong.err.find("fuhyo.not_ours"), std::string::npos) << wrong.err;
}

// A foreign resident has no 本籍: no notice. 戸籍 events close members and the 附票.
// LAW: 住基法第16条, 住基法第21条
TEST_F(FuhyoCliTest, NoDomicileNoNoticeAndEventsCloseTheRegister) {
  const std::string foreign =
      R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
    "from_abroad":true,"persons":[{"kind":"foreign","family_name":"","given_name":"",
    "birth_date":"1990-01-01","sex":"male","relationship":"世帯主","foreign":{"alphabet_name":"SMITH DAVID",
    "nationality":"英国","category":"mid_to_long_term","status_of_residence":"技術・人文知識・国際業務",
    "period_of_stay":"3年","period_expiry":"2028-03-31","residence_card_number":"AB12345678CD"}}],
    "previous_address":{"text":"英国","abroad":true},
    "new_address":{"text":"架空県架空市桜町一丁目","banchi":"9番9号"}})";
  auto moved = Apply(a_, foreign);
  ASSERT_EQ(moved.status, 0) << moved.err;
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_outbox"), 0);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo"), 0);
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile",
                    "架空県架空村中央2番地", "--head", "架空　二郎", "--on", "2000-01-01"})
                .status,
            0);
  EXPECT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile",
                    "大阪府大阪市北区1番地", "--head", "他　人", "--on", "2000-01-01"})
                .status,
            1);  // not a 本籍 in 架空村
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "nyuseki", "--family", "架空",
                    "--given", "二郎", "--birth", "1950-01-01", "--sex", "male", "--on",
                    "2000-01-01", "--reason", "出生"})
                .status,
            0);
  EXPECT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "shibou", "--member", "1", "--on",
                    "2026-11-01"})
                .status,
            1);  // a reason is required
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "shibou", "--member", "1", "--on",
                    "2026-11-01", "--reason", "死亡届"})
                .status,
            0);
  auto shown = RunCli({"fuhyo", "--db", b_, "show", "1"});
  EXPECT_NE(shown.out.find("除票"), std::string::npos) << shown.out;  // everyone gone
  EXPECT_NE(shown.out.find("【消除 死亡: 死亡届"), std::string::npos);
}

// 戸籍 events entered by staff on a 附票 the 住民記録 made: 職権修正 with its reason, a 支援措置
// passed on by a 住所地 that stops copies, and 改製 that leaves the 改製原附票 and carries the
// living members to a new 附票 which the next 異動 then updates.
// LAW: 住基法第18条 (職権修正), 住基法第21条 (改製原附票), 住基法第20条
// REQ: JK-3.4
TEST_F(FuhyoCliTest, CorrectionProtectionAndRemake) {
  ASSERT_EQ(Apply(a_, MoveIn("架空県架空市本町1番地", "一郎", "1番2号")).status, 0);
  ASSERT_EQ(RunCli({"settings", "--db", a_, "add-certifier", "--role", "mayor", "--title",
                    "架空市長", "--name", "市長　太郎", "--from", "2020-04-01"})
                .status,
            0);
  const int64_t versions = Count(a_, "SELECT count(*) FROM fuhyo_member_version");
  auto no_reason = RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shusei", "--member", "1",
                           "--address", "架空県架空市桜町一丁目1番3号", "--on", "2026-11-25"});
  EXPECT_EQ(no_reason.status, 1);
  EXPECT_NE(no_reason.err.find("[fuhyo.reason_required]"), std::string::npos) << no_reason.err;
  auto corrected = RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shusei", "--member", "1",
                           "--address", "架空県架空市桜町一丁目1番3号", "--since", "2026-10-01",
                           "--on", "2026-11-25", "--reason", "住居表示の誤記"});
  ASSERT_EQ(corrected.status, 0) << corrected.err;
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_member_version"), versions)
      << "an address alone: no new version";
  auto shown = RunCli({"fuhyo", "--db", a_, "show", "1"});
  EXPECT_NE(shown.out.find("架空県架空市桜町一丁目1番3号  （職権修正: 住居表示の誤記）"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("架空県架空市桜町一丁目1番2号"), std::string::npos)
      << "the corrected line stays";

  // 支援措置 passed on by a 住所地: the copy is refused (and the refusal logged) until it ends.
  ASSERT_EQ(
      RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shien", "--member", "1", "--on",
              "2026-11-25", "--until", "2027-11-24", "--reason", "架空村からの支援措置の通知"})
          .status,
      0);
  const std::string pdf = dir_.File("copy.pdf");
  auto blocked = RunCli({"fuhyo", "--db", a_, "copy", "1", "--requester", "lineal", "--out", pdf});
  EXPECT_EQ(blocked.status, 1);
  EXPECT_NE(blocked.err.find("[fuhyo.member_protected]"), std::string::npos) << blocked.err;
  EXPECT_FALSE(std::filesystem::exists(pdf));
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_issuance"), 0);
  EXPECT_EQ(Count(a_,
                  "SELECT count(*) FROM audit_entry WHERE action = 'denied' AND outcome = "
                  "'fuhyo.member_protected'"),
            1);
  ASSERT_EQ(RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shien-end", "--member", "1",
                    "--on", "2026-11-26", "--reason", "終了の通知"})
                .status,
            0);
  // 在外選挙人名簿の登録 (第17条第6号) by 職権修正; it prints only on request.
  ASSERT_EQ(
      RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shusei", "--member", "1", "--zaigai",
              "架空県架空町", "--on", "2026-11-26", "--reason", "在外選挙人名簿登録の通知"})
          .status,
      0);
  auto copied = RunCli({"fuhyo", "--db", a_, "copy", "1", "--requester", "lineal", "--with",
                        "zaigai", "--out", pdf});
  ASSERT_EQ(copied.status, 0) << copied.err;
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_issuance"), 1);
  FILE* pipe = popen(("pdftotext -layout " + pdf + " -").c_str(), "r");
  std::string text;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) text.append(buffer, n);
  pclose(pipe);
  // (pdftotext -layout widens the full-width space between the parts.)
  EXPECT_LT(text.find("在外選挙人名簿登録"), text.find("架空県架空町")) << text;
  EXPECT_LT(text.find("カクウ"), text.find("イチロウ"))
      << "the statutory 振り仮名 prints above the name";
  EXPECT_LT(text.find("イチロウ"), text.find("一郎"));
  EXPECT_NE(text.find("架空県架空町"), std::string::npos);
  EXPECT_NE(text.find("一郎"), std::string::npos);

  // 改製: the old 附票 stays as 改製原附票; the new one carries the member and the latest address.
  ASSERT_EQ(RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "kaisei", "--on", "2026-11-27",
                    "--reason", "様式の改製"})
                .status,
            0);
  auto old_one = RunCli({"fuhyo", "--db", a_, "show", "1"});
  EXPECT_NE(old_one.out.find("改製原附票"), std::string::npos) << old_one.out;
  auto late = RunCli({"fuhyo", "--db", a_, "event", "1", "--kind", "shusei", "--member", "1",
                      "--given", "一朗", "--on", "2026-11-27", "--reason", "x"});
  EXPECT_NE(late.err.find("[fuhyo.not_current]"), std::string::npos) << late.err;
  auto new_one = RunCli({"fuhyo", "--db", a_, "show", "2"});
  EXPECT_NE(new_one.out.find("現存"), std::string::npos) << new_one.out;
  EXPECT_NE(new_one.out.find("架空県架空市桜町一丁目1番3号  （改製: 様式の改製）"),
            std::string::npos)
      << new_one.out;
  // The next 異動 of the 住民記録 goes to the new 附票.
  ASSERT_EQ(Apply(a_, WithinMove("0000000019", "5番6号")).status, 0);
  EXPECT_NE(RunCli({"fuhyo", "--db", a_, "show", "2"}).out.find("架空県架空市桜町二丁目5番6号"),
            std::string::npos);
  EXPECT_EQ(RunCli({"fuhyo", "--db", a_, "show", "1"}).out.find("桜町二丁目"), std::string::npos)
      << "the 改製原附票 is never written again";
  // The audit log names each event.
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM audit_entry WHERE function LIKE '戸籍の異動（附票）%'"),
            5);
}

// A register migrated from a history older than the amendments: members lack 生年月日・性別 and the
// 住民票コード; `amend-items` adds them 職権 from the resident here, once.
// LAW: 住基法第17条 (令和4年・令和6年の記載事項の追加)
TEST_F(FuhyoCliTest, AmendmentItemsAreAddedForLivingMembersOnce) {
  ASSERT_EQ(Apply(a_, MoveIn("架空県架空市本町1番地", "一郎", "1番2号")).status, 0);
  {
    // As a migration would leave it: the member's latest version without the later items.
    Database d(a_, DatabaseOptions{.create_if_missing = false});
    d.Execute(
        "INSERT INTO fuhyo_member_version(member_id, version, fuhyo_id, family_name, given_name, "
        "birth_date, sex, "
        "resident_record_code, overseas_voter, removed, removal_reason, removed_on, source) VALUES "
        "(1, 2, 1, '架空', '一郎', NULL, NULL, '', '', 0, '', NULL, '移行')");
  }
  EXPECT_EQ(RunCli({"fuhyo", "--db", a_, "show", "1"}).out.find("昭和55年4月1日生"),
            std::string::npos);
  auto amended = RunCli({"fuhyo", "--db", a_, "amend-items", "--on", "2024-06-01"});
  ASSERT_EQ(amended.status, 0) << amended.err;
  EXPECT_NE(amended.out.find("1 人に追加しました"), std::string::npos) << amended.out;
  auto shown = RunCli({"fuhyo", "--db", a_, "show", "1"});
  EXPECT_NE(shown.out.find("昭和55年4月1日生  男"), std::string::npos) << shown.out;
  EXPECT_NE(RunCli({"fuhyo", "--db", a_, "amend-items"}).out.find("0 人に追加しました"),
            std::string::npos);
  EXPECT_EQ(Count(a_,
                  "SELECT count(*) FROM fuhyo_member_version WHERE source = "
                  "'法改正による記載事項の追加（職権）'"),
            1);
}

}  // namespace
}  // namespace jrr::testing
