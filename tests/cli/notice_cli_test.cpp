// SPDX-License-Identifier: Apache-2.0
//
// 通知書等 as PDF, read back through pdftotext: 職権記録書 and 職権記載等通知書 of a 職権 異動, the
// 住民異動届受理通知 of a 届出, the 転入通知未着者一覧 and 照会書; and the refusals — a document of the
// wrong kind of 異動, a person under a 支援措置 (left off the list, refused on a letter).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "support/cli_runner.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

class NoticeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("n.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    ASSERT_EQ(RunCli({"settings", "--db", db_, "add-certifier", "--role", "mayor", "--title",
                      "架空市長", "--name", "架空　太郎", "--from", "2020-04-01"})
                  .status,
              0);
    // 1: 転入 of a couple; 2: 職権修正 of his 振り仮名; 3: 転出 of her (届出); 4: 職権消除 of him.
    ASSERT_EQ(Apply(R"({"type":"move_in","event_date":"2026-09-01","notification_date":"2026-09-02",
      "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
                  "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主","domicile":{"state":"unknown"}},
                 {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ",
                  "birth_date":"昭和57年5月1日","sex":"female","relationship":"妻","domicile":{"state":"unknown"}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})")
                  .status,
              0);
    ASSERT_EQ(
        Apply(R"({"type":"correction","event_date":"2026-09-20","addressee_number":"0000000019",
      "reason":"correction_ex_officio","fields":{"given_kana":"イチロー"},"note":"戸籍の記載と照合"})")
            .status,
        0);
    ASSERT_EQ(
        Apply(R"({"type":"move_out","event_date":"2026-10-01","notification_date":"2026-10-01",
      "movers":["0000000027"],"destination":{"text":"大阪府大阪市北区梅田一丁目","banchi":"1番"}})")
            .status,
        0);
    ASSERT_EQ(
        Apply(
            R"({"type":"ex_officio_removal","event_date":"2026-10-05","notification_date":"2026-10-05",
      "persons":["0000000019"],"note":"実態調査の結果"})")
            .status,
        0);
  }
  CliOutcome Apply(const std::string& json) {
    const std::string file = dir_.File("change.json");
    std::ofstream(file) << json;
    return RunCli({"apply", "--db", db_, file});
  }
  CliOutcome Notice(std::vector<std::string> args) {
    std::vector<std::string> all = {"notice", "--db", db_};
    all.insert(all.end(), args.begin(), args.end());
    all.insert(all.end(), {"--out", pdf_});
    return RunCli(all);
  }
  TempDir dir_;
  std::string db_;
  std::string pdf_ = dir_.File("notice.pdf");
};

// REQ: JK-4.2.0.1
// REQ: JK-4.1.0.3
// REQ: JK-4.1.3.1.4
// LAW: 住基法第8条
TEST_F(NoticeCliTest, EachDocumentSaysWhatItMust) {
  struct Case {
    std::vector<std::string> args;
    std::vector<std::string> expected;
  };
  const Case kCases[] = {
      {{"ex-officio-record", "2"},
       {"職権記録書", "異動番号 2", "職権修正", "戸籍の記載と照合", "氏名の振り仮名",
        "カクウ　イチロウ", "カクウ　イチロー", "架空県架空市長"}},
      {{"ex-officio-notice", "2"},
       {"職権記載等通知書", "架空県架空市桜町一丁目1番2号", "架空　一郎　様",
        "職権で次のとおり修正しました", "架空県架空市長　架空　太郎"}},
      {{"ex-officio-notice", "4"},
       {"職権記載等通知書", "職権で次のとおり消除しました", "除票（職権消除"}},
      {{"receipt", "1"},
       {"住民異動届受理通知", "東京都千代田区霞が関二丁目1番2号", "国内転入", "令和8年9月2日",
        "架空　一郎、架空　花子"}},
      {{"receipt", "3", "--notifier", "代理　人"},
       {"架空県架空市桜町一丁目1番2号", "代理　人　様", "国内転出"}},
      {{"awaiting", "--days", "0"},
       {"転入通知未着者一覧", "0000000019", "職権消除", "0000000027", "国内転出",
        "大阪府大阪市北区梅田一丁目1番"}},
      {{"inquiry", "0000000027"},
       {"転入通知未着照会書", "大阪府大阪市長　様", "架空　花子", "昭和57年5月1日",
        "架空県架空市桜町一丁目1番2号"}},
  };
  for (const Case& c : kCases) {
    auto made = Notice(c.args);
    ASSERT_EQ(made.status, 0) << c.args[0] << ": " << made.err;
    const std::string text = PdfText(pdf_);
    for (const std::string& wording : c.expected) {
      const std::string expected = Spaced(wording);
      EXPECT_NE(text.find(expected), std::string::npos)
          << c.args[0] << " lacks " << expected << "\n"
          << text;
    }
  }
}

// REQ: JK-4.2.0.1
// REQ: JK-4.1.3.1.4
TEST_F(NoticeCliTest, WrongKindsAndProtectedPeopleAreRefused) {
  struct Case {
    std::vector<std::string> args;
    const char* rule;
  };
  const Case kCases[] = {
      {{"ex-officio-record", "1"}, "[notice.not_ex_officio]"},
      {{"ex-officio-notice", "3"}, "[notice.not_ex_officio]"},
      {{"receipt", "2"}, "[notice.not_notified]"},
      {{"receipt", "99"}, "[notice.change_not_found]"},
      {{"inquiry", "0000000019"}, "[notice.not_awaiting]"},  // removed 職権, not by a 転出
      {{"letter", "1"}, "[notice.unknown_kind]"},
  };
  for (const Case& c : kCases) {
    auto refused = Notice(c.args);
    EXPECT_EQ(refused.status, 1) << c.rule;
    EXPECT_NE(refused.err.find(c.rule), std::string::npos) << refused.err;
  }
  // Under a 支援措置 she is left off the list and no letter names her.
  ASSERT_EQ(RunCli({"support", "--db", db_, "add", "--applicant", "0000000027"}).status, 0);
  auto list = Notice({"awaiting", "--days", "0"});
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string text = PdfText(pdf_);
  EXPECT_EQ(text.find("0000000027"), std::string::npos) << text;
  EXPECT_NE(text.find("支援措置により記載を制限している者を除く"), std::string::npos) << text;
  EXPECT_EQ(text.find("支援措置対象者"), std::string::npos)
      << "how many are left off is not said" << text;
  auto letter = Notice({"inquiry", "0000000027"});
  EXPECT_EQ(letter.status, 1);
  EXPECT_NE(letter.err.find("[support.issue_blocked]"), std::string::npos) << letter.err;
  EXPECT_NE(Notice({"receipt", "1"}).err.find("[support.issue_blocked]"), std::string::npos);
}

// REQ: JK-9.4
TEST_F(NoticeCliTest, AnAdultWardMovingOutIsNotifiedToTheDestination) {
  ASSERT_EQ(Apply(R"({"type":"move_in","event_date":"2026-09-01","notification_date":"2026-09-02",
      "persons":[{"family_name":"後見","given_name":"三郎","birth_date":"1950-01-01","sex":"male",
                  "relationship":"世帯主","domicile":{"place":"架空県架空市本町1番地","head_of_family":"後見　三郎"}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"3番"},
      "new_address":{"text":"架空県架空市桜町二丁目","banchi":"4番"}})")
                .status,
            0);
  auto move_out = [&] {
    return Apply(R"({"type":"move_out","event_date":"2026-10-10","notification_date":"2026-10-10",
      "movers":["0000000035"],"destination":{"text":"福岡県福岡市中央区天神一丁目","banchi":"1番"}})");
  };
  EXPECT_NE(Notice({"adult-ward", "0000000035"}).err.find("[notice.not_moved_out]"),
            std::string::npos);
  ASSERT_EQ(Apply(R"({"type":"correction","event_date":"2026-09-10","addressee_number":"0000000035",
      "reason":"correction_ex_officio","fields":{"adult_ward":true},"note":"後見開始の審判"})")
                .status,
            0);
  ASSERT_EQ(move_out().status, 0);
  auto made = Notice({"adult-ward", "0000000035"});
  ASSERT_EQ(made.status, 0) << made.err;
  const std::string text = PdfText(pdf_);
  for (const char* wording :
       {"成年被後見人の転出について（通知）", "福岡県福岡市長 様", "後見 三郎", "昭和25年1月1日",
        "架空県架空市桜町二丁目4番", "福岡県福岡市中央区天神一丁目1番", "架空県架空市本町1番地"}) {
    EXPECT_NE(text.find(wording), std::string::npos) << wording << "\n" << text;
  }
  // 花子 moved out without being one.
  EXPECT_NE(Notice({"adult-ward", "0000000027"}).err.find("[notice.not_adult_ward]"),
            std::string::npos);
}

}  // namespace
}  // namespace jrr::testing
