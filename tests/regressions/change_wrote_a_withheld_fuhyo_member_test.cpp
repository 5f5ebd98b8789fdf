// SPDX-License-Identifier: Apache-2.0
//
// Defect: a 異動 whose 本籍 is in this municipality updates this municipality's 附票 in its own
// transaction, and that path never asked whether the 附票 held a member withheld from the clerk
// (FuhyoDesk asks it of every typed 附票 event and notice). A clerk with 異動入力 who typed a
// 転入 naming a protected woman's 本籍・筆頭者 and her facts had the new address added to her
// 附票 member — the address her 附票の写し would then show — and whether the 異動 passed or was
// refused as fuhyo.member_ambiguous told her facts. The member a 異動 writes is now chosen in the
// domain's plan, and ChangeDesk refuses, alike for every guess, a 異動 whose plan writes a 附票
// holding a member withheld from the clerk.
// Then, of the first fix (its outsider review): a typed newcomer with the facts of a member who is
// another resident — a 支援措置 target, or anyone — was written onto that member, so the stranger's
// later corrections renamed it and a copy asked for under the stranger's name printed her
// addresses; a member recorded before 生年月日 was an item was never known as the person it names,
// so a 附票 holding her was written by a clerk she is withheld from; and a member under the 附票's
// own 支援措置 was written by any clerk.
// Then, of the second fix (its outsider review): the 入力確認 and 仮登録 of two newcomers of one
// 戸籍 here were refused as one member (the preview's code still to be drawn made them alike),
// while recording passed; a typed stranger without a 住民票コード took over a member who holds one
// and lives elsewhere (its code erased, the stranger's address added); and a 転入 form post naming
// a person field "persons.x.…" answered 500; and the 附票 view still showed a member recorded
// before 生年月日 in full to a clerk she is withheld from.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class ChangeWritesFuhyo : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(Apply(kNeighbours).status, 0);
    // 照会抑止 (エラー) on 花子 (0000000027), a member of the 附票 of 架空県架空市本町1番地.
    ASSERT_EQ(Cli({"block", "add", "--person", "0000000027", "--operation", "view", "--level",
                   "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                  .status,
              0);
    Serve();
    ReadyUser("nyuryoku", "view,change");
    clerk_ = LogIn("nyuryoku");
  }

  // A 転入 from elsewhere of one person whose 本籍 is `domicile` (筆頭者 架空　一郎).
  static std::string MoveIn(const std::string& given, const std::string& birth,
                            const std::string& sex, const std::string& domicile) {
    return R"({"type":"move_in","event_date":"2026-12-01","notification_date":"2026-12-02",
      "persons":[{"family_name":"架空","given_name":")" +
           given + R"(","family_kana":"カクウ","given_kana":"テスト",
              "birth_date":")" +
           birth + R"(","sex":")" + sex + R"(","relationship":"世帯主",
              "domicile":{"place":")" +
           domicile + R"(","head_of_family":"架空　一郎"}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"9番9号"},
      "new_address":{"text":"架空県架空市桜町三丁目","banchi":"7番7号"}})";
  }
  Login clerk_;
};

std::string MoveIn(const std::string& family, const std::string& given, const std::string& birth,
                   const std::string& sex, const std::string& domicile, const std::string& head) {
  return R"({"type":"move_in","event_date":"2026-12-01","notification_date":"2026-12-02",
      "persons":[{"family_name":")" +
         family + R"(","given_name":")" + given + R"(","family_kana":"カクウ","given_kana":"テスト",
              "birth_date":")" +
         birth + R"(","sex":")" + sex + R"(","relationship":"世帯主",
              "domicile":{"place":")" +
         domicile + R"(","head_of_family":")" + head + R"("}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"9番9号"},
      "new_address":{"text":"架空県架空市桜町三丁目","code":"99000001003","banchi":"7番7号"}})";
}

// REQ: JK-3.1, JK-4.0.9
// LAW: 住基法第19条
TEST_F(ChangeWritesFuhyo, AChangeWritingAFuhyoThatHoldsAWithheldMemberIsRefusedAlike) {
  const int64_t changes = QueryInt(db_, "SELECT count(*) FROM change_record");
  const int64_t addresses = QueryInt(db_, "SELECT count(*) FROM fuhyo_address");
  const int64_t members = QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version");
  // Her facts, her facts but one day off, and someone else of the same 戸籍: each is refused with
  // the same words, so none tells which guess was right.
  const std::string guesses[] = {
      MoveIn("花子", "1982-06-15", "female", "架空県架空市本町1番地"),
      MoveIn("花子", "1982-06-16", "female", "架空県架空市本町1番地"),
      MoveIn("三郎", "2001-02-03", "male", "架空県架空市本町1番地"),
  };
  std::string first;
  for (const std::string& body : guesses) {
    for (const char* mode : {"?mode=check", "?mode=provisional", ""}) {
      auto refused = Post(std::string("/api/v1/changes") + mode, body, clerk_);
      EXPECT_EQ(refused.status, 403) << mode << refused.body;
      EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << mode << refused.body;
      if (first.empty()) first = refused.body;
      EXPECT_EQ(refused.body, first) << mode;
    }
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM change_record"), changes);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM pending_change"), 0);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version"), members);
  EXPECT_GE(QueryInt(db_,
                     "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = "
                     "t.sequence WHERE t.addressee_number = '0000000027' AND e.action = 'denied' "
                     "AND e.outcome = 'protection.blocked'"),
            9);
}

// The refusal is the 附票's, not the 異動's: a 転入 into another 戸籍 of this town is recorded and
// writes its own 附票.
// REQ: JK-4.1.1.1
// LAW: 住基法第19条
TEST_F(ChangeWritesFuhyo, AChangeWritingAnotherFuhyoIsRecorded) {
  const int64_t fuhyo = QueryInt(db_, "SELECT count(*) FROM fuhyo");
  auto recorded = Post("/api/v1/changes",
                       MoveIn("三郎", "2001-02-03", "male", "架空県架空市本町2番地"), clerk_);
  EXPECT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo"), fuhyo + 1);
}

// No view block here: 花子 is a 支援措置 target (seen by clerks, never printed to a third party),
// and 次郎 nobody special. A typed newcomer with the facts of either is another person than the
// member already written for them, and is refused; nothing is written to the 附票.
class ChangeWritesAnotherResidentsMember : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(
        Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-11-20"})
            .status,
        0);
    Serve();
    ReadyUser("nyuryoku", "view,change");
    clerk_ = LogIn("nyuryoku");
  }
  Login clerk_;
};

// REQ: JK-4.1.1.1, JK-3.4
// LAW: 住基法第17条, 住基法第19条
TEST_F(ChangeWritesAnotherResidentsMember, ATypedNewcomerNeverTakesOverAMember) {
  const int64_t members = QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version");
  const int64_t addresses = QueryInt(db_, "SELECT count(*) FROM fuhyo_address");
  for (const std::string& body :
       {MoveIn("架空", "花子", "1982-06-15", "female", "架空県架空市本町1番地", "架空　一郎"),
        MoveIn("架空", "次郎", "2010-01-08", "male", "架空県架空市本町1番地", "架空　一郎")}) {
    for (const char* mode : {"?mode=check", ""}) {
      auto refused = Post(std::string("/api/v1/changes") + mode, body, clerk_);
      EXPECT_EQ(refused.status, 422) << mode << refused.body;
      EXPECT_EQ(JsonField(refused.body, "rule_id"), "fuhyo.member_of_another") << refused.body;
    }
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version"), members);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses);
  // The residents themselves still move, and their own members follow them.
  auto moved =
      Post("/api/v1/changes",
           R"({"type":"within_move","event_date":"2026-12-01","notification_date":"2026-12-02",
        "movers":["0000000019","0000000027","0000000035"],
        "new_address":{"text":"架空県架空市桜町三丁目","banchi":"1番1号"}})",
           clerk_);
  EXPECT_EQ(moved.status, 201) << moved.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version"), members);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses + 3);
}

// Two newcomers of one 戸籍 here are two members, at the 入力確認, as 仮登録 and when recorded.
// REQ: JK-4.1.1.1, JK-4.0.9, JK-4.0.8
// LAW: 住基法第17条
TEST_F(ChangeWritesAnotherResidentsMember, TwoNewcomersOfOneKosekiAreTwoMembers) {
  const std::string two =
      R"({"type":"move_in","event_date":"2026-12-01","notification_date":"2026-12-02",
      "persons":[{"family_name":"架空","given_name":"五郎","family_kana":"カクウ","given_kana":"ゴロウ",
          "birth_date":"2000-05-05","sex":"male","relationship":"世帯主",
          "domicile":{"place":"架空県架空市本町1番地","head_of_family":"架空　一郎"}},
        {"family_name":"架空","given_name":"六郎","family_kana":"カクウ","given_kana":"ロクロウ",
          "birth_date":"2002-06-06","sex":"male","relationship":"弟",
          "domicile":{"place":"架空県架空市本町1番地","head_of_family":"架空　一郎"}}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"9番9号"},
      "new_address":{"text":"架空県架空市桜町三丁目","banchi":"7番7号"}})";
  for (const char* mode : {"?mode=check", "?mode=provisional"}) {
    auto passed = Post(std::string("/api/v1/changes") + mode, two, clerk_);
    EXPECT_LT(passed.status, 300) << mode << passed.body;
  }
  ReadyUser("shonin", "view,approve");
  auto approved = Post("/api/v1/pending/approve?id=1", "", LogIn("shonin"));
  EXPECT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(QueryInt(db_,
                     "SELECT count(DISTINCT member_id) FROM fuhyo_member_version WHERE "
                     "given_name IN ('五郎', '六郎')"),
            2);
}

// A member who lives elsewhere and holds a 住民票コード is not taken over by a typed newcomer of
// the same facts without one.
// REQ: JK-4.1.1.1
// LAW: 住基法第17条, 住基法第19条
TEST_F(ChangeWritesAnotherResidentsMember, AStrangerWithoutTheCodeNeverTakesOverACodedMember) {
  auto entered = Cli({"fuhyo",
                      "event",
                      "1",
                      "--kind",
                      "nyuseki",
                      "--family",
                      "架空",
                      "--given",
                      "由美",
                      "--birth",
                      "1985-03-03",
                      "--sex",
                      "female",
                      "--jumin-code",
                      "12345678903",
                      "--address",
                      "東京都新宿区北新宿四丁目5番6号",
                      "--since",
                      "2026-10-01",
                      "--on",
                      "2026-11-01",
                      "--reason",
                      "婚姻"});
  ASSERT_EQ(entered.status, 0) << entered.err;
  const int64_t members = QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version");
  const int64_t addresses = QueryInt(db_, "SELECT count(*) FROM fuhyo_address");
  const std::string stranger =
      MoveIn("架空", "由美", "1985-03-03", "female", "架空県架空市本町1番地", "架空　一郎");
  for (const char* mode : {"?mode=check", ""}) {
    auto refused = Post(std::string("/api/v1/changes") + mode, stranger, clerk_);
    EXPECT_EQ(refused.status, 422) << mode << refused.body;
    EXPECT_EQ(JsonField(refused.body, "rule_id"), "fuhyo.member_of_another") << refused.body;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version"), members);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses);
  // The same person with her code is hers to write.
  std::string her = stranger;
  her.replace(her.find(R"("relationship")"), 0, R"("resident_record_code":"12345678903",)");
  auto recorded = Post("/api/v1/changes", her, clerk_);
  EXPECT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses + 1);
}

// A 転入 form naming a person field with no number answers with the form, not a failure.
// REQ: JK-4.0.10
TEST_F(ChangeWritesAnotherResidentsMember, AnOddPersonFieldIsLeftOut) {
  for (const char* field : {"persons.x.family_name", "persons..family_name"}) {
    auto screen = PostForm(
        "/change",
        "screen=move_in&type=move_in&mode=edit&" + std::string(field) + "=a&csrf=" + clerk_.csrf,
        clerk_);
    EXPECT_EQ(screen.status, 200) << field << screen.body.substr(0, 200);
  }
}

// A member under the 附票's own 支援措置 (passed on by the 住所地) is written only by the 支援措置
// officer.
// REQ: JK-3.4
// LAW: 住基法第19条
TEST_F(ChangeWritesAnotherResidentsMember, AMemberUnderTheFuhyosOwnProtectionIsTheOfficersToWrite) {
  // 由美, of this 戸籍, lives elsewhere; her 住所地 has passed on a 支援措置 for her member.
  auto entered =
      Cli({"fuhyo",      "event",      "1",       "--kind",     "nyuseki",
           "--family",   "架空",       "--given", "由美",       "--birth",
           "1985-03-03", "--sex",      "female",  "--address",  "東京都新宿区北新宿四丁目5番6号",
           "--since",    "2026-10-01", "--on",    "2026-11-01", "--reason",
           "婚姻"});
  ASSERT_EQ(entered.status, 0) << entered.err;
  const std::string member =
      QueryText(db_, "SELECT member_id FROM fuhyo_member_version WHERE given_name = '由美'");
  auto protect = Cli({"fuhyo", "event", "1", "--kind", "shien", "--member", member, "--on",
                      "2026-11-20", "--until", "2027-11-20", "--reason", "住所地からの支援措置"});
  ASSERT_EQ(protect.status, 0) << protect.err;
  const int64_t addresses = QueryInt(db_, "SELECT count(*) FROM fuhyo_address");
  // Her 転入: the member is hers, but a clerk may not write it.
  const std::string in =
      MoveIn("架空", "由美", "1985-03-03", "female", "架空県架空市本町1番地", "架空　一郎");
  for (const char* mode : {"?mode=check", ""}) {
    auto refused = Post(std::string("/api/v1/changes") + mode, in, clerk_);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << refused.body;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses);
  ReadyUser("shien", "view,change,support_measure");
  auto recorded = Post("/api/v1/changes", in, LogIn("shien"));
  EXPECT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_address"), addresses + 1);
}

// The sample town holds 附票 members recorded before 生年月日 was an item: one of them is known as
// the resident of its 本籍 and 氏名, so a block on her refuses a 異動 writing her 附票.
class ChangeWritesAnOldFuhyo : public ServedRegister {
 protected:
  void SetUp() override {
    db_ = dir_.File("town.db");
    ASSERT_EQ(RunCli({"sample", "--db", db_, "--residents", "500"}).status, 0);
  }
};

// REQ: JK-3.1
// LAW: 住基法第19条
TEST_F(ChangeWritesAnOldFuhyo, AMemberWithoutABirthDateIsKnownAsThePersonItNames) {
  // A living member without 生年月日 on a 附票, and the resident of that 本籍・筆頭者 and 氏名.
  const std::string row = QueryText(
      db_,
      "SELECT f.domicile || '|' || f.head_of_family || '|' || r.addressee_number || '|' || "
      "f.fuhyo_id || '|' || v.given_name FROM "
      "fuhyo_member_version v JOIN fuhyo f ON f.fuhyo_id = v.fuhyo_id JOIN resident_version r ON "
      "r.family_name = v.family_name AND r.given_name = v.given_name AND r.domicile_place = "
      "f.domicile AND r.domicile_head = f.head_of_family WHERE v.birth_date IS NULL AND v.removed "
      "= 0 AND v.version = (SELECT max(version) FROM fuhyo_member_version w WHERE w.member_id = "
      "v.member_id) ORDER BY v.member_id LIMIT 1");
  ASSERT_FALSE(row.empty()) << "the sample town has no member recorded before 生年月日";
  const std::string domicile = row.substr(0, row.find('|'));
  const std::string rest = row.substr(row.find('|') + 1);
  const std::string head = rest.substr(0, rest.find('|'));
  std::string tail = rest.substr(rest.find('|') + 1);
  const std::string her = tail.substr(0, tail.find('|'));
  tail = tail.substr(tail.find('|') + 1);
  const std::string fuhyo = tail.substr(0, tail.find('|'));
  const std::string her_given = tail.substr(tail.find('|') + 1);
  ASSERT_EQ(Cli({"block", "add", "--person", her, "--operation", "view", "--level", "error",
                 "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  Serve();
  ReadyUser("nyuryoku", "view,change");
  const Login clerk = LogIn("nyuryoku");
  const int64_t members = QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version");
  auto refused = Post(
      "/api/v1/changes",
      MoveIn(head.substr(0, head.find("　")), "太一", "1990-01-01", "male", domicile, head), clerk);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << refused.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_member_version"), members);
  // Nor does the 附票 itself show her to that clerk (FuhyoDesk knows the member as her too).
  auto shown = Get("/api/v1/fuhyo?id=" + fuhyo, clerk);
  EXPECT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.body.find(her_given), std::string::npos) << shown.body;
}

}  // namespace
}  // namespace jrr::testing
