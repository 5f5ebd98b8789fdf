// SPDX-License-Identifier: Apache-2.0
//
// Defect: a 附票 member was matched on 氏 *or* 名 (with 生年月日 and 性別 only where recorded), so
// twins moving in together, or any two members of one 戸籍 before 2022-01-11, became one member:
// the 附票の写し then left people out and printed one person's address history under another's
// name. A member is one person; `jrr fuhyo verify` reports any member whose versions name more
// than one; migration 29 splits the members an older jrr merged.
#include <gtest/gtest.h>

#include <fstream>

#include "jrr/persistence/core/database.h"
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"
#include "jrr/persistence/register/migrations.h"
#include "support/cli_runner.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

const char* kTwins =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"双子","given_name":"一郎","family_kana":"フタゴ","given_kana":"イチロウ",
              "birth_date":"平成10年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"架空県架空市桜町一丁目99番地","head_of_family":"双子　太郎"}},
             {"family_name":"双子","given_name":"二郎","family_kana":"フタゴ","given_kana":"ジロウ",
              "birth_date":"平成10年4月1日","sex":"male","relationship":"弟",
              "domicile":{"place":"架空県架空市桜町一丁目99番地","head_of_family":"双子　太郎"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"9番9号"}})";

class FuhyoMemberIdentity : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
  }
  CliOutcome Apply(const std::string& json) {
    const std::string file = dir_.File("c.json");
    std::ofstream(file) << json;
    return RunCli({"apply", "--db", db_, file});
  }
  TempDir dir_;
  std::string db_;
};

// LAW: 住基法第17条 (附票の記載事項: each person of the 戸籍)
// REQ: JK-7.2.4
TEST_F(FuhyoMemberIdentity, TwinsMovingInTogetherAreTwoMembers) {
  auto moved = Apply(kTwins);
  ASSERT_EQ(moved.status, 0) << moved.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(DISTINCT member_id) FROM fuhyo_member_version"), 2);
  auto shown = RunCli({"fuhyo", "--db", db_, "show", "1"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_NE(shown.out.find("双子　一郎"), std::string::npos) << shown.out;
  EXPECT_NE(shown.out.find("双子　二郎"), std::string::npos) << shown.out;
  auto verified = RunCli({"fuhyo", "--db", db_, "verify"});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  EXPECT_NE(verified.out.find("一人で一記載者"), std::string::npos) << verified.out;
}

// A member's name change (名の変更) keeps the member: the notice carries the name it replaces.
// LAW: 住基法第19条第1項
TEST_F(FuhyoMemberIdentity, ANameChangeStaysTheSameMember) {
  ASSERT_EQ(Apply(kTwins).status, 0);
  const char* renamed =
      R"({"type":"correction","event_date":"2026-11-01","notification_date":"2026-11-02",
    "addressee_number":"0000000019","reason":"correction_ex_officio","fields":{"given_name":"一朗"}})";
  auto changed = Apply(renamed);
  ASSERT_EQ(changed.status, 0) << changed.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(DISTINCT member_id) FROM fuhyo_member_version"), 2);
  auto shown = RunCli({"fuhyo", "--db", db_, "show", "1"});
  EXPECT_NE(shown.out.find("双子　一朗"), std::string::npos) << shown.out;
  EXPECT_EQ(shown.out.find("双子　一郎"), std::string::npos) << shown.out;
  EXPECT_EQ(RunCli({"fuhyo", "--db", db_, "verify"}).status, 0);
}

// A register written before the fix, with a member that holds two people (as the old match made
// it), is split by migration 29's step: each person gets their own member, versions and address
// lines, nothing is deleted, and the split is logged.
// LAW: 住基法第17条
TEST_F(FuhyoMemberIdentity, MigrationSplitsAMergedMemberFromItsHistory) {
  ASSERT_EQ(Apply(kTwins).status, 0);
  {
    // Make the register hold what the old jrr wrote: 二郎's version written onto 一郎's member
    // (with no line of his own: the address was the same), then a 転居 of 一郎 alone.
    Database db(db_, DatabaseOptions{.create_if_missing = false});
    db.Execute("PRAGMA foreign_keys = OFF");
    db.Execute("DROP TRIGGER fuhyo_member_no_update");
    db.Execute("DROP TRIGGER fuhyo_address_no_delete");
    const int64_t jiro =
        db.QueryInt("SELECT member_id FROM fuhyo_member_version WHERE given_name = '二郎'");
    const int64_t ichiro =
        db.QueryInt("SELECT member_id FROM fuhyo_member_version WHERE given_name = '一郎'");
    db.Execute("DELETE FROM fuhyo_address WHERE member_id = " + std::to_string(jiro));
    db.Execute("UPDATE fuhyo_member_version SET member_id = " + std::to_string(ichiro) +
               ", version = 2 WHERE member_id = " + std::to_string(jiro));
    db.Execute(
        "INSERT INTO fuhyo_member_version(member_id, version, fuhyo_id, family_name, given_name, "
        "birth_date, sex, "
        "resident_record_code, overseas_voter, removed, removal_reason, removed_on, source) SELECT "
        "member_id, 3, "
        "fuhyo_id, family_name, '一郎', birth_date, sex, resident_record_code, overseas_voter, "
        "removed, "
        "removal_reason, removed_on, '異動 9' FROM fuhyo_member_version WHERE member_id = " +
        std::to_string(ichiro) + " AND version = 2");
    db.Execute(
        "INSERT INTO fuhyo_address(member_id, seq, address, abroad, since, source, recorded_on) "
        "VALUES (" +
        std::to_string(ichiro) +
        ", 2, '架空県架空市桜町三丁目1番1号', 0, '2026-11-01', '異動 9', '2026-11-01')");
    // The 異動 9 of that 転居, as the 住民記録 holds it.
    db.Execute(
        "INSERT INTO change_record(change_id, reason, event_date, processing_date, ex_officio, "
        "operator_id, "
        "place, terminal) SELECT 9, reason, '2026-11-01', '2026-11-01', 0, operator_id, place, "
        "terminal FROM "
        "change_record WHERE change_id = 1");
    db.Execute(
        "CREATE TEMP TABLE v AS SELECT * FROM resident_version WHERE addressee_number = "
        "'0000000019'");
    db.Execute("UPDATE v SET history_number = 2, change_id = 9");
    db.Execute("INSERT INTO resident_version SELECT * FROM v");
  }
  {
    Database db(db_, DatabaseOptions{.create_if_missing = false});
    ASSERT_EQ(RunCli({"fuhyo", "--db", db_, "verify"}).status, 1)
        << "the merged member is reported";
    // Migration 29 runs this step on a register written before it.
    const Migration& split = AllMigrations()[28];
    ASSERT_EQ(split.version, 29);
    ASSERT_NE(split.step, nullptr);
    Transaction migrate(db);
    split.step(db);
    migrate.Commit();
  }
  auto verified = RunCli({"fuhyo", "--db", db_, "verify"});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  auto shown = RunCli({"fuhyo", "--db", db_, "show", "1"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  const auto ichiro_at = shown.out.find("双子　一郎");
  const auto jiro_at = shown.out.find("双子　二郎");
  ASSERT_NE(ichiro_at, std::string::npos) << shown.out;
  ASSERT_NE(jiro_at, std::string::npos) << shown.out;
  // 一郎 keeps his own later line; 二郎 keeps the line of the 転入 they made together.
  const std::string ichiro_part =
      shown.out.substr(ichiro_at, jiro_at > ichiro_at ? jiro_at - ichiro_at : std::string::npos);
  const std::string jiro_part =
      shown.out.substr(jiro_at, ichiro_at > jiro_at ? ichiro_at - jiro_at : std::string::npos);
  EXPECT_NE(ichiro_part.find("桜町三丁目1番1号"), std::string::npos) << shown.out;
  EXPECT_EQ(jiro_part.find("桜町三丁目1番1号"), std::string::npos) << shown.out;
  EXPECT_NE(jiro_part.find("桜町一丁目9番9号"), std::string::npos) << shown.out;
  // Nothing was deleted; the split is in the log; running the step again changes nothing.
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version WHERE member_id = 1"), 3);
  EXPECT_EQ(
      QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE function LIKE '附票記載者の分離%'"), 1);
  {
    Database db(db_, DatabaseOptions{.create_if_missing = false});
    Transaction again(db);
    EXPECT_EQ(SplitMergedFuhyoMembers(db).members_split, 0);
    again.Commit();
  }
}

// The sample town is built through the same 異動: every member of every 附票 is one person.
// LAW: 住基法第17条
TEST(FuhyoSampleTown, EveryMemberIsOnePerson) {
  TempDir dir;
  const std::string db = dir.File("town.db");
  auto built = RunCli({"sample", "--db", db, "--residents", "1500", "--seed", "7"});
  ASSERT_EQ(built.status, 0) << built.err;
  auto verified = RunCli({"fuhyo", "--db", db, "verify"});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  // Two birth dates or two 住民票コード under one member are two people, whatever the names say.
  EXPECT_EQ(
      QueryInt(
          db,
          "SELECT count(*) FROM (SELECT member_id FROM fuhyo_member_version v WHERE NOT EXISTS "
          "(SELECT 1 FROM fuhyo_member_moved m WHERE m.member_id = v.member_id AND m.version = "
          "v.version) "
          "GROUP BY member_id HAVING count(DISTINCT birth_date) > 1 OR "
          "count(DISTINCT nullif(resident_record_code, '')) > 1)"),
      0);
  EXPECT_GT(QueryInt(db, "SELECT count(DISTINCT member_id) FROM fuhyo_member_version"), 100);
}

}  // namespace
}  // namespace jrr::testing
