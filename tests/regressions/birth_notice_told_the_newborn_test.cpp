// SPDX-License-Identifier: Apache-2.0
//
// Defect (certificate review, issue 27): the 職権記載等通知書 of a 出生 said the entry was made
// 「届出がなかったため」 — a 出生 is entered on the 戸籍's 出生届, not for want of a 届出 — and was
// addressed to the newborn instead of to the household's 世帯主.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

const char* kBirth =
    R"({"type":"birth","event_date":"2026-11-20","notification_date":"2026-11-24",
  "household_number":"0000000019",
  "child":{"family_name":"架空","given_name":"三郎","family_kana":"カクウ","given_kana":"サブロウ",
           "birth_date":"2026-11-20","sex":"male","relationship":"子",
           "domicile":{"place":"架空県架空市本町1番地","head_of_family":"架空　一郎"}}})";

class BirthNotice : public ServedRegister {};

// REQ: JK-4.2.0.1
// LAW: 住基法第8条
TEST_F(BirthNotice, GoesToTheHeadAndGivesTheFamilyRegisterAsTheGround) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  auto born = Apply(kBirth);
  ASSERT_EQ(born.status, 0) << born.err;
  const std::string pdf = dir_.File("notice.pdf");
  auto printed = Cli({"notice", "ex-officio-notice", "2", "--out", pdf});
  ASSERT_EQ(printed.status, 0) << printed.err;
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("架空 一郎 様"), std::string::npos) << text;
  EXPECT_EQ(text.find("架空 三郎 様"), std::string::npos) << text;
  EXPECT_NE(text.find("戸籍に関する届出に基づき"), std::string::npos) << text;
  EXPECT_EQ(text.find("届出がなかった"), std::string::npos) << text;
  EXPECT_NE(text.find("架空 三郎"), std::string::npos) << "the newborn is in the table\n" << text;

  // A 職権消除 after a 実態調査 is still told as made for want of a 届出.
  auto removed = Apply(R"({"type":"ex_officio_removal","event_date":"2026-11-25",
    "notification_date":"2026-11-25","persons":["0000000035"],"note":"実態調査の結果"})");
  ASSERT_EQ(removed.status, 0) << removed.err;
  ASSERT_EQ(Cli({"notice", "ex-officio-notice", "3", "--out", pdf}).status, 0);
  EXPECT_NE(PdfText(pdf).find("届出がなかったため"), std::string::npos) << PdfText(pdf);
}

// The first fix told every 職権 異動 of a member to the 世帯主, with the member's items before and
// after (outsider review): only a 出生 goes to the 世帯主; any other goes to the person concerned.
// LAW: 住基法第8条
TEST_F(BirthNotice, AnotherMembersNoticeGoesToThatMember) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  auto corrected = Apply(R"({"type":"correction","event_date":"2026-11-20",
    "addressee_number":"0000000027","reason":"correction_ex_officio","fields":{"given_kana":"ハナエ"}})");
  ASSERT_EQ(corrected.status, 0) << corrected.err;
  const std::string pdf = dir_.File("notice.pdf");
  ASSERT_EQ(Cli({"notice", "ex-officio-notice", "2", "--out", pdf}).status, 0);
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("架空 花子 様"), std::string::npos) << text;
  EXPECT_EQ(text.find("架空 一郎 様"), std::string::npos) << text;
  EXPECT_NE(text.find("記載に誤り又は遺漏があったため"), std::string::npos) << text;
}

// The 世帯主 a 出生's notice is addressed to is printed on it, so is cleared like the newborn: a
// 支援措置 target or a person under a 照会抑止 as 世帯主 stops the notice instead of having their
// name and address printed on it.
class BirthNoticeToAProtectedHead : public BirthNotice {
 protected:
  void ExpectRefused(std::vector<std::string> protect, const std::string& rule) {
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(Apply(kBirth).status, 0);
    auto protected_head = Cli(std::move(protect));
    ASSERT_EQ(protected_head.status, 0) << protected_head.err;
    auto refused = Cli({"notice", "ex-officio-notice", "2", "--out", dir_.File("refused.pdf")});
    EXPECT_NE(refused.status, 0) << rule;
    EXPECT_NE(refused.err.find(rule), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("架空　一郎"), std::string::npos) << refused.err;
  }
};

// REQ: JK-3.4, JK-4.2.0.1
TEST_F(BirthNoticeToAProtectedHead, ASupportMeasureTargetStopsIt) {
  ExpectRefused(
      {"support", "add", "--applicant", "0000000019", "--kind", "dv", "--from", "2026-12-01"},
      "support.issue_blocked");
}

// REQ: JK-3.4, JK-4.2.0.1
TEST_F(BirthNoticeToAProtectedHead, AViewBlockStopsIt) {
  ExpectRefused({"block", "add", "--person", "0000000019", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"},
                "protection.blocked");
}

}  // namespace
}  // namespace jrr::testing
