// SPDX-License-Identifier: Apache-2.0
//
// Defect: the 入力確認 ran the 異動 over a preview of the register but never met what a 異動 causes
// outside the 住民記録, which the register decided only while recording. So the 入力確認 of a
// 特例転入 from a 転出証明書情報 already taken up passed, and recording then refused it; and the
// 入力確認 of a seal holder's 転出 never said the 印鑑登録 would end (seal.ended, covered with the
// screen in tests/cli/change_effects_test.cpp).
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_runner.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

std::string Write(TempDir& dir, const std::string& name, const std::string& json) {
  const std::string file = dir.File(name);
  std::ofstream(file) << json;
  return file;
}

std::string SpecialMoveIn(const std::string& banchi) {
  return R"({"type":"move_in","event_date":"2026-11-20","notification_date":"2026-11-20",
    "move_out_information":"架空県架空市-CS-2",
    "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
            "birth_date":"1980-04-01","sex":"male","relationship":"世帯主",
            "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}}],
    "previous_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"},
    "new_address":{"text":"架空県架空村中央三丁目","banchi":")" +
         banchi + R"("}})";
}

// REQ: JK-4.1.1.3, JK-4.0.9
TEST(CheckPassesWhatRecordingRefuses, AUsedMoveOutInformationIsRefusedAtTheCheck) {
  TempDir dir;
  const std::string a = dir.File("a.db"), b = dir.File("b.db"), drop = dir.File("drop");
  ASSERT_EQ(RunCli({"init", "--db", a, "--municipality-code", "990001", "--name", "架空市"}).status,
            0);
  ASSERT_EQ(RunCli({"init", "--db", b, "--municipality-code", "990027", "--name", "架空村"}).status,
            0);
  ASSERT_EQ(RunCli({"apply", "--db", a,
                    Write(dir, "in.json", R"({"type":"move_in","event_date":"2026-10-01",
      "notification_date":"2026-10-02",
      "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"東京都千代田区一番町1番地","head_of_family":"架空　一郎"}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})")})
                .status,
            0);
  auto out = RunCli(
      {"apply", "--db", a, Write(dir, "out.json", R"({"type":"move_out","event_date":"2026-11-15",
      "notification_date":"2026-11-10","movers":["0000000019"],"special":true,
      "destination":{"text":"架空県架空村中央三丁目","banchi":"3番4号"}})")});
  ASSERT_EQ(out.status, 0) << out.err;
  ASSERT_EQ(RunCli({"cs", "--db", a, "deliver", "--to", drop}).status, 0);
  ASSERT_EQ(RunCli({"cs", "--db", b, "import", "--from", drop}).status, 0);
  auto first = RunCli({"apply", "--db", b, Write(dir, "first.json", SpecialMoveIn("3番4号"))});
  ASSERT_EQ(first.status, 0) << first.err;

  const int64_t versions = QueryInt(b, "SELECT count(*) FROM resident_version");
  auto checked =
      RunCli({"apply", "--db", b, "--check", Write(dir, "again.json", SpecialMoveIn("9番9号"))});
  EXPECT_EQ(checked.status, 1) << checked.out;
  EXPECT_NE(checked.err.find("[cs.move_out_information_used]"), std::string::npos) << checked.err;
  EXPECT_EQ(QueryInt(b, "SELECT count(*) FROM resident_version"), versions);
}

}  // namespace
}  // namespace jrr::testing
