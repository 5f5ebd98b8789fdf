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

}  // namespace
}  // namespace jrr::testing
