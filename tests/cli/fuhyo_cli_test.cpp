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

#include "jrr/persistence/database.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

std::string MoveIn(const std::string& domicile, const char* given, const char* banchi) {
  return std::string(R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":")") + given + R"(","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":")" + domicile + R"(","head_of_family":"架空　一郎"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":")" + banchi + R"("}})";
}

std::string WithinMove(const std::string& atena, const char* banchi) {
  return R"({"type":"within_move","event_date":"2026-11-20","notification_date":"2026-11-21","movers":[")" + atena +
         R"("],"new_address":{"text":"架空県架空市桜町二丁目","banchi":")" + banchi + R"("}})";
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
    ASSERT_EQ(RunCli({"init", "--db", a_, "--municipality-code", "990001", "--name", "架空市"}).status, 0);
    ASSERT_EQ(RunCli({"init", "--db", b_, "--municipality-code", "990027", "--name", "架空村"}).status, 0);
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
  EXPECT_NE(shown.out.find("架空県架空市桜町一丁目1番2号"), std::string::npos);  // the history stays
  // A failing 附票 update rolls the 転居 back: nothing of it is recorded.
  {
    Database d(a_, DatabaseOptions{.create_if_missing = false});
    d.Execute("CREATE TRIGGER fail_fuhyo BEFORE INSERT ON fuhyo_address BEGIN SELECT RAISE(ABORT, 'test'); END");
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
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile", "架空県架空村中央1番地", "--head",
                    "架空　一郎", "--on", "2000-01-01"})
                .status,
            0);
  auto joined = RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "nyuseki", "--family", "架空", "--given", "一郎",
                        "--birth", "1980-04-01", "--sex", "male", "--address", "東京都千代田区霞が関二丁目1番2号",
                        "--on", "2000-01-01", "--reason", "婚姻"});
  ASSERT_EQ(joined.status, 0) << joined.err;
  // In 架空市 the person moves in and then within: each 異動 queues a notice in its own commit.
  ASSERT_EQ(Apply(a_, MoveIn("架空県架空村中央1番地", "一郎", "1番2号")).status, 0);
  ASSERT_EQ(Apply(a_, WithinMove("0000000019", "5番6号")).status, 0);
  EXPECT_EQ(Count(a_, "SELECT count(*) FROM fuhyo_outbox WHERE to_municipality = '架空県架空村'"), 2);
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
  // The same notice again: applied once only.
  std::filesystem::copy_file(dir_.File("again.fuhyo"), folder / "架空県架空市-1.fuhyo");
  auto twice = RunCli({"fuhyo", "--db", b_, "import", "--from", drop_});
  EXPECT_NE(twice.out.find("受信済み 1 件"), std::string::npos) << twice.out;
  EXPECT_EQ(Count(b_, "SELECT count(*) FROM fuhyo_address"), 3);  // 入籍 line + two notices
  // A notice that does not agree with the 附票 is refused, and the reply is recorded.
  std::ifstream in(dir_.File("again.fuhyo"));
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  body.replace(body.find("notice_id=架空県架空市-1"), std::string("notice_id=架空県架空市-1").size(),
               "notice_id=架空県架空市-99");
  body.replace(body.find("birth_date=1980-04-01"), std::string("birth_date=1980-04-01").size(),
               "birth_date=1981-04-01");
  std::ofstream(folder / "架空県架空市-99.fuhyo") << body;
  auto mismatch = RunCli({"fuhyo", "--db", b_, "import", "--from", drop_});
  EXPECT_NE(mismatch.out.find("不一致で返送 1 件"), std::string::npos) << mismatch.out;
  auto inbox = RunCli({"fuhyo", "--db", b_, "inbox"});
  EXPECT_NE(inbox.out.find("fuhyo.person_mismatch"), std::string::npos) << inbox.out;
  EXPECT_NE(inbox.out.find("住基法第19条第2項"), std::string::npos);
  EXPECT_EQ(Count(b_, "SELECT count(*) FROM fuhyo_address"), 3);
  // 戸籍の附票の写し from 架空村: who may ask, what prints only on request.
  ASSERT_EQ(RunCli({"settings", "--db", b_, "add-certifier", "--role", "mayor", "--title", "架空村長", "--name",
                    "村長　花子", "--from", "2020-04-01"})
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
      {{"--requester", "third-party", "--purpose", "債権回収", "--with", "jumin-code"}, "[fuhyo.item_not_allowed]"},
  };
  for (const Refusal& r : kRefusals) {
    std::vector<std::string> args = {"fuhyo", "--db", b_, "copy", "1", "--out", pdf};
    args.insert(args.end(), r.args.begin(), r.args.end());
    auto refused = RunCli(args);
    EXPECT_EQ(refused.status, 1) << r.rule;
    EXPECT_NE(refused.err.find(r.rule), std::string::npos) << refused.err;
  }
  auto copied = RunCli({"fuhyo", "--db", b_, "copy", "1", "--requester", "self", "--with", "honseki", "--out", pdf});
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
  const std::string foreign = R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
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
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile", "架空県架空村中央2番地", "--head",
                    "架空　二郎", "--on", "2000-01-01"})
                .status,
            0);
  EXPECT_EQ(RunCli({"fuhyo", "--db", b_, "event", "--kind", "hensei", "--domicile", "大阪府大阪市北区1番地", "--head",
                    "他　人", "--on", "2000-01-01"})
                .status,
            1);  // not a 本籍 in 架空村
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "nyuseki", "--family", "架空", "--given", "二郎",
                    "--birth", "1950-01-01", "--sex", "male", "--on", "2000-01-01", "--reason", "出生"})
                .status,
            0);
  EXPECT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "shibou", "--member", "1", "--on", "2026-11-01"}).status,
            1);  // a reason is required
  ASSERT_EQ(RunCli({"fuhyo", "--db", b_, "event", "1", "--kind", "shibou", "--member", "1", "--on", "2026-11-01",
                    "--reason", "死亡届"})
                .status,
            0);
  auto shown = RunCli({"fuhyo", "--db", b_, "show", "1"});
  EXPECT_NE(shown.out.find("除票"), std::string::npos) << shown.out;  // everyone gone
  EXPECT_NE(shown.out.find("【消除 死亡: 死亡届"), std::string::npos);
}

}  // namespace
}  // namespace jrr::testing
