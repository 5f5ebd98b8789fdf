// SPDX-License-Identifier: Apache-2.0
//
// 住所一括変更 (JK-9.7) from CSV: 仮処理 writes nothing and lists what 本処理 would do; 本処理
// records one 軽微な修正 per household (one 職権修正 per 本籍 row) and leaves out, with the reason,
// rows that no longer describe the register; a malformed file is refused whole.
#include <gtest/gtest.h>

#include <fstream>

#include "jrr/persistence/core/database.h"
#include "support/cli_runner.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

std::string MoveIn(const char* given, const char* banchi, const char* katagaki, bool two) {
  // Each household its own 戸籍 (筆頭者 its head), so the two 花子 are two people of two 戸籍.
  const std::string koseki =
      std::string(R"("domicile":{"place":"架空県架空市本町1番地","head_of_family":"架空　)") +
      given + R"("})";
  std::string persons = std::string(R"([{"family_name":"架空","given_name":")") + given +
                        R"(","birth_date":"1980-04-01","sex":"male","relationship":"世帯主",)" +
                        koseki + "}";
  if (two) {
    persons +=
        R"(,{"family_name":"架空","given_name":"花子","birth_date":"1982-05-01","sex":"female",
      "relationship":"妻",)" +
        koseki + "}";
  }
  return std::string(
             R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02","persons":)") +
         persons + R"(],"previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":")" +
         banchi + R"(","katagaki":")" + katagaki + R"("}})";
}

class BulkRenameTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    // 世帯 0000000019 (two people, 方書 あり), 0000000027 (one), 0000000035 (two; its head 0000000043
    // moves out later).
    ASSERT_EQ(Apply(MoveIn("一郎", "1番地の2", "桜荘101", true)).status, 0);
    ASSERT_EQ(Apply(MoveIn("二郎", "5番地", "", false)).status, 0);
    ASSERT_EQ(Apply(MoveIn("三郎", "7番地", "", true)).status, 0);
    auto later =
        Apply(R"({"type":"move_out","event_date":"2027-01-10","notification_date":"2026-11-20",
        "movers":["0000000043"],"destination":{"text":"大阪府大阪市北区梅田一丁目","banchi":"1番"},
        "acknowledged_alerts":["change.sole_member_becomes_head"]})");
    ASSERT_EQ(later.status, 0) << later.err;
  }
  CliOutcome Apply(const std::string& json) {
    const std::string file = dir_.File("change.json");
    std::ofstream(file) << json;
    return RunCli({"apply", "--db", db_, file});
  }
  CliOutcome Bulk(const std::string& csv, std::vector<std::string> more = {}) {
    const std::string file = dir_.File("bulk.csv");
    std::ofstream(file, std::ios::binary) << csv;
    std::vector<std::string> args = {"bulk-rename", "--db",       db_,       "--csv",         file,
                                     "--on",        "2026-11-01", "--cause", "住居表示の実施"};
    args.insert(args.end(), more.begin(), more.end());
    return RunCli(args);
  }
  TempDir dir_;
  std::string db_;
};

const char* const kAddressCsv =  // as a spreadsheet program saves it: a BOM, CRLF
    "\xEF\xBB\xBF世帯番号,変更前住所,変更前番地,変更後住所コード,変更後住所,変更後番地\r\n"
    "0000000019,架空県架空市桜町一丁目,1番地の2,,架空県架空市桜町一丁目,3番4号\r\n"
    "0000000027,架空県架空市桜町一丁目,6番地,,架空県架空市桜町一丁目,5番6号\r\n"  // lives at 5番地
    "0000000035,架空県架空市桜町一丁目,7番地,,架空県架空市桜町一丁目,7番8号\r\n"  // a 転出予定者
    "0000000999,架空県架空市桜町一丁目,9番地,,架空県架空市桜町一丁目,9番9号\r\n";  // no such household

// REQ: JK-9.7
// REQ: JK-4.2.3.2
TEST_F(BulkRenameTest, TrialRunWritesNothingAndTheRealRunLeavesOutWhatChanged) {
  const int64_t versions = QueryInt(db_, "SELECT count(*) FROM resident_version");
  auto trial = Bulk(kAddressCsv);
  ASSERT_EQ(trial.status, 0) << trial.err;
  EXPECT_NE(trial.out.find("2,0000000019,更新可,2,,,"), std::string::npos) << trial.out;
  EXPECT_NE(trial.out.find("3,0000000027,除外,0,,bulk.address_mismatch,"), std::string::npos)
      << trial.out;
  EXPECT_NE(trial.out.find("4,0000000035,除外,0,,bulk.moving_out,"), std::string::npos)
      << trial.out;
  EXPECT_NE(trial.out.find("5,0000000999,除外,0,,change.household_not_found,"), std::string::npos)
      << trial.out;
  EXPECT_NE(trial.err.find("仮処理（記録していません）: 更新可 1 件、除外 3 件"), std::string::npos)
      << trial.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version"), versions);

  const std::string result = dir_.File("result.csv");
  auto real = Bulk(kAddressCsv, {"--apply", "--out", result});
  ASSERT_EQ(real.status, 0) << real.err;
  std::ifstream in(result);
  const std::string list((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(list.find("行,キー,結果,対象者数,異動番号,規則,理由"), std::string::npos) << list;
  EXPECT_NE(list.find("2,0000000019,更新,2,5,,"), std::string::npos) << list;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version"), versions + 2);
  // Both members: new 番地, 方書 kept, 住所を定めた年月日 unchanged; a 軽微な修正 with the cause.
  EXPECT_EQ(QueryInt(db_,
                     "SELECT count(*) FROM resident_version WHERE change_id = 5 AND address_banchi "
                     "= '3番4号' AND "
                     "address_katagaki = '桜荘101' AND address_since = '2026-10-01'"),
            2);
  EXPECT_EQ(QueryInt(db_, "SELECT reason FROM change_record WHERE change_id = 5"), 32);
  EXPECT_EQ(QueryInt(db_, "SELECT ex_officio FROM change_record WHERE change_id = 5"), 1);
  EXPECT_EQ(QueryText(db_, "SELECT note FROM change_record WHERE change_id = 5"), "住居表示の実施");
  // Run again: the household lives at the new address now, so its row no longer applies.
  auto again = Bulk(kAddressCsv, {"--apply"});
  EXPECT_NE(again.out.find("2,0000000019,除外,0,,bulk.address_mismatch,"), std::string::npos)
      << again.out;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version"), versions + 2);
}

// REQ: JK-9.7
TEST_F(BulkRenameTest, DomicileRowsCorrectEachPersonsDomicile) {
  const std::string csv =
      "宛名番号,変更前本籍,変更後本籍\n"
      "0000000019,架空県架空市本町1番地,架空県架空市本町一丁目1番\n"
      "0000000027,架空県架空市本町2番地,架空県架空市本町一丁目2番\n";  // her 本籍 is 本町1番地
  auto real = Bulk(csv, {"--apply"});
  ASSERT_EQ(real.status, 0) << real.err;
  EXPECT_NE(real.out.find("2,0000000019,更新,1,"), std::string::npos) << real.out;
  EXPECT_NE(real.out.find("3,0000000027,除外,0,,bulk.domicile_mismatch,"), std::string::npos)
      << real.out;
  EXPECT_EQ(QueryText(db_,
                      "SELECT domicile_place FROM resident_version WHERE addressee_number = "
                      "'0000000019' ORDER BY "
                      "history_number DESC LIMIT 1"),
            "架空県架空市本町一丁目1番");
}

// REQ: JK-10.8
TEST_F(BulkRenameTest, AMalformedFileIsRefusedWhole) {
  const int64_t versions = QueryInt(db_, "SELECT count(*) FROM resident_version");
  struct Case {
    std::string csv;
    const char* rule;
  };
  const Case kCases[] = {
      {"番号,前,後\n1,2,3\n", "[bulk.unknown_layout]"},
      {"", "[bulk.unknown_layout]"},
      {"宛名番号,変更前本籍,変更後本籍\n0000000019,架空県架空市本町1番地\n", "[bulk.bad_row]"},
      {"宛名番号,変更前本籍,変更後本籍\n0000000019,\"架空県架空市本町1番地,x\n", "[csv.malformed]"},
      {"宛名番号,変更前本籍,変更後本籍\n0000000019,架空県架空市本町1番地,\n", "[bulk.bad_row]"},
      {std::string("宛名番号,変更前本籍,変更後本籍\n0000000019,\xff,x\n"), "[text.invalid_utf8]"},
  };
  for (const Case& c : kCases) {
    auto refused = Bulk(c.csv, {"--apply"});
    EXPECT_EQ(refused.status, 1) << c.rule;
    EXPECT_NE(refused.err.find(c.rule), std::string::npos) << refused.err;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version"), versions);
}

}  // namespace
}  // namespace jrr::testing
