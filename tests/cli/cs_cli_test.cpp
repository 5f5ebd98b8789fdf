// SPDX-License-Identifier: Apache-2.0
//
// 特例転出・特例転入 and the 転入通知 between two registers — two files, two municipalities — over
// the file-drop adapter that stands in for the 住基ネット CS: the 転出地 sends the 転出証明書情報
// instead of printing a 転出証明書; the 転入地 enters the 特例転入 from it (once); its 転入通知 goes
// back and is recorded on the 除票 without a clerk; what cannot be recorded stays as a 取込エラー.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "jrr/persistence/core/database.h"
#include "support/cli_runner.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

// A household of two moving into 架空市 from Tokyo.
constexpr const char* kMoveIn =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ",
              "birth_date":"昭和57年5月1日","sex":"female","relationship":"妻",
              "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";

class CsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = dir_.File("a.db");  // 架空市: the 転出地
    b_ = dir_.File("b.db");  // 架空村: the 転入地
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
  static std::string SpecialMoveIn(const std::string& information, const char* banchi = "3番4号") {
    return R"({"type":"move_in","event_date":"2026-11-20","notification_date":"2026-11-20",
      "move_out_information":")" +
           information + R"(",
      "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"1980-04-01","sex":"male","relationship":"世帯主","resident_record_code":"",
              "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ",
              "birth_date":"1982-05-01","sex":"female","relationship":"妻",
              "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}}],
      "previous_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"},
      "new_address":{"text":"架空県架空村中央三丁目","banchi":")" +
           std::string(banchi) + R"("}})";
  }
  TempDir dir_;
  std::string a_, b_, drop_;
};

// REQ: JK-4.1.3.0.4
// REQ: JK-4.1.1.3
// REQ: JK-4.1.3.1.2
// LAW: 住基法第24条の2
// LAW: 住基法第9条
TEST_F(CsCliTest, SpecialMoveOutTravelsToTheDestinationAndTheMoveInNoticeComesBack) {
  ASSERT_EQ(Apply(a_, kMoveIn).status, 0);
  // 国内転入: a 転入通知 to the 転出地 (東京都千代田区) waits in 架空市's outbox (住基法第9条第1項).
  EXPECT_EQ(
      QueryInt(a_,
               "SELECT count(*) FROM cs_outbox WHERE kind = 'move_in_notice' AND to_municipality = "
               "'東京都千代田区'"),
      1);
  // 特例転出 of both: no 転出証明書; the 転出証明書情報 is queued for 架空村 in the same commit.
  auto out =
      Apply(a_, R"({"type":"move_out","event_date":"2026-11-15","notification_date":"2026-11-10",
      "movers":["0000000019","0000000027"],"special":true,
      "destination":{"text":"架空県架空村中央三丁目","banchi":"3番4号"}})");
  ASSERT_EQ(out.status, 0) << out.err;
  EXPECT_EQ(QueryInt(a_, "SELECT special FROM change_record WHERE change_id = 2"), 1);
  EXPECT_EQ(QueryInt(a_,
                     "SELECT count(*) FROM cs_outbox WHERE kind = 'move_out_information' AND "
                     "to_municipality = "
                     "'架空県架空村' AND change_id = 2"),
            1);
  // A 転出証明書 printed anyway on request says 「特例による転出処理済」.
  ASSERT_EQ(RunCli({"settings", "--db", a_, "add-certifier", "--role", "mayor", "--title",
                    "架空市長", "--name", "市長　太郎", "--from", "2020-04-01"})
                .status,
            0);
  const std::string pdf = dir_.File("tenshutsu.pdf");
  auto printed = RunCli({"certificate", "--db", a_, "--person", "0000000019", "--kind", "tenshutsu",
                         "--household", "--out", pdf});
  ASSERT_EQ(printed.status, 0) << printed.err;
  EXPECT_NE(PdfText(pdf).find("特例による転出処理済"), std::string::npos) << PdfText(pdf);
  auto delivered = RunCli({"cs", "--db", a_, "deliver", "--to", drop_});
  ASSERT_EQ(delivered.status, 0) << delivered.err;
  EXPECT_NE(delivered.out.find("送信 2 件"), std::string::npos) << delivered.out;
  EXPECT_NE(
      RunCli({"cs", "--db", a_, "outbox"}).out.find("→ 架空県架空村  転出証明書情報  送付済み"),
      std::string::npos);

  // 架空村 takes in what is addressed to it (Tokyo's notice stays in Tokyo's folder).
  auto imported = RunCli({"cs", "--db", b_, "import", "--from", drop_});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.out.find("転出証明書情報 1 件"), std::string::npos) << imported.out;
  auto waiting = RunCli({"cs", "--db", b_, "inbox", "--waiting"});
  EXPECT_NE(
      waiting.out.find("架空県架空市-CS-2  ← 架空県架空市  転出証明書情報  特例転入の処理待ち"),
      std::string::npos)
      << waiting.out;
  EXPECT_NE(waiting.out.find("架空　花子"), std::string::npos) << waiting.out;

  // The 特例転入 names what it was entered from; the clerk corrected nothing here but could have.
  auto unknown = Apply(b_, SpecialMoveIn("架空県架空市-CS-99"));
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.err.find("[cs.move_out_information_unknown]"), std::string::npos)
      << unknown.err;
  auto moved_in = Apply(b_, SpecialMoveIn("架空県架空市-CS-2"));
  ASSERT_EQ(moved_in.status, 0) << moved_in.err;
  EXPECT_EQ(
      QueryInt(b_,
               "SELECT count(*) FROM change_record WHERE special = 1 AND move_out_information = "
               "'架空県架空市-CS-2'"),
      1);
  // Once only: a second 特例転入 from the same information writes nothing.
  const int64_t versions = QueryInt(b_, "SELECT count(*) FROM resident_version");
  auto again = Apply(b_, SpecialMoveIn("架空県架空市-CS-2", "9番9号"));
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("[cs.move_out_information_used]"), std::string::npos) << again.err;
  EXPECT_EQ(QueryInt(b_, "SELECT count(*) FROM resident_version"), versions);
  EXPECT_NE(RunCli({"cs", "--db", b_, "inbox"}).out.find("特例転入済み  異動 1"),
            std::string::npos);

  // 架空村's 転入通知 goes back to 架空市, which records it on both 除票 without a clerk.
  EXPECT_EQ(
      QueryInt(b_,
               "SELECT count(*) FROM cs_outbox WHERE kind = 'move_in_notice' AND to_municipality = "
               "'架空県架空市'"),
      1);
  ASSERT_EQ(RunCli({"cs", "--db", b_, "deliver", "--to", drop_}).status, 0);
  auto noticed = RunCli({"cs", "--db", a_, "import", "--from", drop_});
  ASSERT_EQ(noticed.status, 0) << noticed.err;
  EXPECT_NE(noticed.out.find("転入通知の反映 1 件"), std::string::npos) << noticed.out;
  EXPECT_EQ(
      QueryInt(
          a_,
          "SELECT count(*) FROM resident_version WHERE removal_move_in_notice_date IS NOT NULL AND "
          "removal_confirmed_move_out_date = '2026-11-20' AND removal_confirmed_text = "
          "'架空県架空村中央三丁目3番4号' AND change_id = 3"),
      2);
  EXPECT_EQ(QueryText(a_, "SELECT operator_id FROM change_record WHERE change_id = 3"), "cs-inbox");
  EXPECT_NE(RunCli({"cs", "--db", a_, "inbox"}).out.find("転入通知  除票に反映済み  異動 3"),
            std::string::npos);
  // The same notice again is received once only.
  const auto done = std::filesystem::path(drop_) / "架空県架空市" / "done";
  for (const auto& f : std::filesystem::directory_iterator(done)) {
    std::filesystem::copy_file(f.path(),
                               f.path().parent_path().parent_path() / f.path().filename());
  }
  auto twice = RunCli({"cs", "--db", a_, "import", "--from", drop_});
  EXPECT_NE(twice.out.find("受信済み 1 件"), std::string::npos) << twice.out;
  EXPECT_EQ(QueryInt(a_, "SELECT count(*) FROM change_record"), 3);
}

// REQ: JK-4.1.3.0.4
// REQ: JK-4.1.1.3
TEST_F(CsCliTest, SpecialChangesRefuseWhatCannotTravelOverCs) {
  ASSERT_EQ(Apply(a_, kMoveIn).status, 0);
  struct Case {
    const char* json;
    const char* rule;
  };
  const Case kCases[] = {
      {R"({"type":"move_out","event_date":"2026-11-15","notification_date":"2026-11-10","movers":["0000000019",
          "0000000027"],"special":true,"destination":{"text":"英国","abroad":true}})",
       "[change.special_abroad]"},
      {R"({"type":"move_out","event_date":"2026-11-15","notification_date":"2026-11-10","movers":["0000000019",
          "0000000027"],"special":true,"destination":{"text":"中央三丁目","banchi":"3番4号"}})",
       "[change.special_destination_unknown]"},
      {R"({"type":"move_in","event_date":"2026-11-20","notification_date":"2026-11-20","from_abroad":true,
          "move_out_information":"x","persons":[{"family_name":"架空","given_name":"三郎","birth_date":"2000-01-01",
          "sex":"male","relationship":"世帯主","domicile":{"state":"unknown"}}],
          "previous_address":{"text":"英国","abroad":true},"new_address":{"text":"架空県架空市桜町一丁目","banchi":"5番"}})",
       "[change.special_abroad]"},
  };
  const int64_t changes = QueryInt(a_, "SELECT count(*) FROM change_record");
  for (const Case& c : kCases) {
    auto refused = Apply(a_, c.json);
    EXPECT_EQ(refused.status, 1) << c.rule;
    EXPECT_NE(refused.err.find(c.rule), std::string::npos) << refused.err;
  }
  EXPECT_EQ(QueryInt(a_, "SELECT count(*) FROM change_record"), changes);
  EXPECT_EQ(QueryInt(a_, "SELECT count(*) FROM cs_outbox WHERE kind = 'move_out_information'"), 0);
}

// REQ: JK-4.1.3.1.2
TEST_F(CsCliTest, ANoticeThatMatchesNoRemovalIsKeptAsAnImportError) {
  ASSERT_EQ(Apply(a_, kMoveIn).status, 0);
  // 架空村 notifies a 転入 of someone 架空市 never had (an ordinary 転入 from 架空市, on paper).
  auto moved_in =
      Apply(b_, R"({"type":"move_in","event_date":"2026-11-20","notification_date":"2026-11-20",
      "persons":[{"family_name":"別人","given_name":"太郎","birth_date":"1990-01-01","sex":"male",
                  "relationship":"世帯主","domicile":{"state":"unknown"}}],
      "previous_address":{"text":"架空県架空市桜町一丁目","banchi":"9番"},
      "new_address":{"text":"架空県架空村中央三丁目","banchi":"1番"}})");
  ASSERT_EQ(moved_in.status, 0) << moved_in.err;
  ASSERT_EQ(RunCli({"cs", "--db", b_, "deliver", "--to", drop_}).status, 0);
  auto imported = RunCli({"cs", "--db", a_, "import", "--from", drop_});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_NE(imported.out.find("取込エラー 1 件"), std::string::npos) << imported.out;
  auto inbox = RunCli({"cs", "--db", a_, "inbox"});
  EXPECT_NE(inbox.out.find("取込エラー cs.person_not_found"), std::string::npos) << inbox.out;
  EXPECT_EQ(QueryInt(a_, "SELECT count(*) FROM change_record"), 1);
  // Two 除票 fit a notice naming nobody by 住民票コード: neither is chosen.
  for (const char* banchi : {"7番", "8番"}) {
    ASSERT_EQ(
        Apply(a_,
              std::string(
                  R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
        "persons":[{"family_name":"同名","given_name":"太郎","birth_date":"1970-07-07","sex":"male",
                    "relationship":"世帯主","domicile":{"state":"unknown"}}],
        "previous_address":{"text":"東京都千代田区霞が関二丁目"},
        "new_address":{"text":"架空県架空市桜町一丁目","banchi":")") +
                  banchi + R"("}})")
            .status,
        0);
  }
  for (const char* atena : {"0000000035", "0000000043"}) {
    ASSERT_EQ(
        Apply(a_,
              std::string(
                  R"({"type":"move_out","event_date":"2026-10-20","notification_date":"2026-10-20",
        "movers":[")") +
                  atena + R"("],"destination":{"text":"架空県架空村中央一丁目","banchi":"1番"}})")
            .status,
        0);
  }
  std::ofstream(std::filesystem::path(drop_) / "架空県架空市" / "twin.cs")
      << "JRR-CS/"
         "1\nid=架空県架空村-CS-77\nkind=move_in_notice\nfrom=架空県架空村\nto=架空県架空市\n==\n"
         "JRR-TENNYU/"
         "1\nmoved_in=2026-10-25\nnotified=2026-10-26\naddress=架空県架空村中央一丁目1番\n--\n"
         "resident_record_code=\nname=同名　太郎\nfamily_name=同名\ngiven_name=太郎\nbirth=1970-07-"
         "07\nsex=1\n";
  auto twins = RunCli({"cs", "--db", a_, "import", "--from", drop_});
  EXPECT_NE(twins.out.find("cs.person_ambiguous"), std::string::npos) << twins.out << twins.err;
  EXPECT_EQ(
      QueryInt(
          a_,
          "SELECT count(*) FROM resident_version WHERE removal_move_in_notice_date IS NOT NULL"),
      0);
  // A message for another municipality is not taken in, and stays for a person to look at.
  const auto ours = std::filesystem::path(drop_) / "架空県架空市";
  std::ofstream(ours / "stray.cs")
      << "JRR-CS/1\nid=x-CS-1\nkind=move_in_notice\nfrom=x\nto=大阪府大阪市\n==\n";
  auto stray = RunCli({"cs", "--db", a_, "import", "--from", drop_});
  EXPECT_NE(stray.err.find("cs.not_ours"), std::string::npos) << stray.err;
  EXPECT_TRUE(std::filesystem::exists(ours / "stray.cs"));
}

}  // namespace
}  // namespace jrr::testing
