// SPDX-License-Identifier: Apache-2.0
//
// Defects where a protection was undone by a later step, or never reached a print that shows the
// protected person's whereabouts:
//  - a clerk with 異動入力 alone could set and end a 附票 member's 支援措置;
//  - a 附票 member's 支援措置 was dropped when the 附票 was remade (改製) or moved (管内転籍);
//  - a 附票 member whose name or address had been corrected to another writing (a space in the name,
//    １－２ for 一丁目1番2号) and then carried by a 改製 was no longer recognised as the target, so
//    the copy printed where she lives;
//  - one whose surname had been changed on the 附票 (a marriage written there first), living at an
//    address this register has not heard of, was not recognised after a 改製 either, nor one whose
//    性別 was rewritten and whose address was written 「1の2」;
//  - a clerk's 附票 職権修正 of a withheld member's 性別 unmasked her, and adding or rewriting a
//    member of her 附票 confirmed a guess at her name and 生年月日;
//  - the answer to a 附票 event showed a member under an エラー-level 照会抑止 in full;
//  - a co-mover's 除票, the 転入通知未着者一覧 and the 照会書 printed where a protected person went;
//  - a 住民異動届受理通知 printed a protected person typed as its 届出人, or their address.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class ProtectionUndone : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(Apply(kNeighbours).status, 0);
  }
  std::string Pdf() { return dir_.File("out.pdf"); }
  std::string FuhyoEvent(const std::string& fields) {
    return R"({"id":"1","on":"2026-12-01","reason":"r",)" + fields + "}";
  }
};

// REQ: JK-3.4
// LAW: 住基法第20条 (附票の写しの交付の制限)
TEST_F(ProtectionUndone, FuhyoProtectionIsNotAClerksToSetOrEnd) {
  Serve();
  ReadyUser("madoguchi", "view,change,issue");
  ReadyUser("shien", "view,change,support_measure");
  const Login clerk = LogIn("madoguchi");
  const Login officer = LogIn("shien");
  const std::string protect = FuhyoEvent(R"("kind":"shien","member":"2","until":"2027-11-30")");
  auto refused = Post("/api/v1/fuhyo/events", protect, clerk);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(JsonField(refused.body, "rule_id"), "access.permission_denied");
  auto set = Post("/api/v1/fuhyo/events", protect, officer);
  ASSERT_EQ(set.status, 201) << set.body;
  auto end = Post("/api/v1/fuhyo/events", FuhyoEvent(R"("kind":"shien-end","member":"2")"), clerk);
  EXPECT_EQ(end.status, 403) << end.body;
  EXPECT_EQ(JsonField(end.body, "rule_id"), "access.permission_denied");
  auto copy =
      Cli({"fuhyo", "copy", "1", "--members", "2", "--requester", "lineal", "--out", Pdf()});
  EXPECT_EQ(copy.status, 1) << copy.out;
  EXPECT_NE(copy.err.find("[fuhyo.member_protected]"), std::string::npos) << copy.err;
}

// REQ: JK-3.4
TEST_F(ProtectionUndone, FuhyoProtectionSurvivesRemaking) {
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "shien", "--member", "2", "--on", "2026-12-01",
                 "--until", "2027-11-30", "--reason", "住所地からの支援措置の通知"})
                .status,
            0);
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "kaisei", "--on", "2026-12-02", "--reason",
                 "様式の改製"})
                .status,
            0);
  const int64_t carried = QueryInt(
      db_, "SELECT member_id FROM fuhyo_member_version WHERE fuhyo_id = 2 AND given_name = '花子'");
  ASSERT_GT(carried, 0);
  auto copy = Cli({"fuhyo", "copy", "2", "--members", std::to_string(carried), "--requester",
                   "lineal", "--out", Pdf()});
  EXPECT_EQ(copy.status, 1) << copy.out;
  EXPECT_NE(copy.err.find("[fuhyo.member_protected]"), std::string::npos) << copy.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 0);
}

// REQ: JK-3.4
// LAW: 住基法第20条
TEST_F(ProtectionUndone, CorrectedAndRemadeMemberIsStillKnown) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  // Her name and address rewritten on the 附票 in other writings, then the 附票 remade: the new one
  // carries only the rewritten line.
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "shusei", "--member", "2", "--given", "花　子",
                 "--address", "架空県架空市桜町１丁目１－２", "--since", "2026-10-01", "--on",
                 "2026-12-01", "--reason", "表記の統一"})
                .status,
            0);
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "kaisei", "--on", "2026-12-02", "--reason",
                 "様式の改製"})
                .status,
            0);
  const int64_t carried = QueryInt(
      db_,
      "SELECT member_id FROM fuhyo_member_version WHERE fuhyo_id = 2 AND given_name = '花　子'");
  ASSERT_GT(carried, 0);
  for (const char* requester : {"third-party", "lineal"}) {
    std::vector<std::string> args = {
        "fuhyo",       "copy",    "2",     "--members", std::to_string(carried),
        "--requester", requester, "--out", Pdf()};
    if (std::string(requester) == "third-party") args.insert(args.end(), {"--purpose", "債権回収"});
    auto copy = Cli(args);
    EXPECT_EQ(copy.status, 1) << requester << copy.out;
    EXPECT_NE(copy.err.find("[support.issue_blocked]"), std::string::npos) << requester << copy.err;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 0);
}

// REQ: JK-3.4
// LAW: 住基法第20条
TEST_F(ProtectionUndone, SurnameChangedAndRemadeMemberIsStillKnown) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  // A new surname and an address elsewhere reach the 附票 (the 住所地's notice), then it is remade:
  // neither her name nor any address on it is one the 住民票 has.
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "shusei", "--member", "2", "--family", "新姓",
                 "--address", "東京都千代田区霞が関一丁目9番9号", "--since", "2026-11-01", "--on",
                 "2026-12-01", "--reason", "婚姻による氏の変更"})
                .status,
            0);
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "kaisei", "--on", "2026-12-02", "--reason",
                 "様式の改製"})
                .status,
            0);
  const int64_t carried = QueryInt(
      db_,
      "SELECT member_id FROM fuhyo_member_version WHERE fuhyo_id = 2 AND family_name = '新姓'");
  ASSERT_GT(carried, 0);
  auto copy = Cli({"fuhyo", "copy", "2", "--members", std::to_string(carried), "--requester",
                   "third-party", "--purpose", "債権回収", "--out", Pdf()});
  EXPECT_EQ(copy.status, 1) << copy.out;
  EXPECT_NE(copy.err.find("[support.issue_blocked]"), std::string::npos) << copy.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 0);
}

// Her 性別 rewritten and her address written 「1の2」, then remade: still her.
// REQ: JK-3.4
// LAW: 住基法第20条
TEST_F(ProtectionUndone, SexRewrittenAndRemadeMemberIsStillKnown) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "shusei", "--member", "2", "--sex", "male",
                 "--address", "架空県架空市桜町一丁目1の2", "--since", "2026-11-01", "--on",
                 "2026-12-01", "--reason", "誤記"})
                .status,
            0);
  ASSERT_EQ(Cli({"fuhyo", "event", "1", "--kind", "kaisei", "--on", "2026-12-02", "--reason",
                 "様式の改製"})
                .status,
            0);
  const int64_t carried = QueryInt(
      db_, "SELECT member_id FROM fuhyo_member_version WHERE fuhyo_id = 2 AND given_name = '花子'");
  ASSERT_GT(carried, 0);
  auto copy = Cli({"fuhyo", "copy", "2", "--members", std::to_string(carried), "--requester",
                   "third-party", "--purpose", "債権回収", "--out", Pdf()});
  EXPECT_EQ(copy.status, 1) << copy.out;
  EXPECT_NE(copy.err.find("[support.issue_blocked]"), std::string::npos) << copy.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 0);
}

// The answer to a 附票 event hides a member under a 照会抑止, and no member event on her 附票 is
// a clerk's to record: adding a member with her name and 生年月日 (refused as already there) or
// rewriting one to them (turning it 抑止対象) would confirm a guess at her facts.
// REQ: JK-3.1
TEST_F(ProtectionUndone, FuhyoEventAnswerHidesAViewBlockedMember) {
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000027", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  Serve();
  ReadyUser("madoguchi", "view,change");
  const Login clerk = LogIn("madoguchi");
  std::string first;
  for (
      const std::string& fields :
      {std::string(
           R"("kind":"shusei","member":"1","address":"架空県架空市桜町一丁目1番3号","since":"2026-10-01")"),
       std::string(
           R"("kind":"nyuseki","family":"架空","given":"花子","birth":"1982-06-15","sex":"female")"),
       std::string(
           R"("kind":"nyuseki","family":"架空","given":"花子","birth":"1982-06-16","sex":"female")")}) {
    auto refused = Post("/api/v1/fuhyo/events", FuhyoEvent(fields), clerk);
    EXPECT_EQ(refused.status, 403) << fields << refused.body;
    if (first.empty()) first = refused.body;
    EXPECT_EQ(refused.body, first) << fields;
  }
  auto remade = Post("/api/v1/fuhyo/events", FuhyoEvent(R"("kind":"kaisei")"), clerk);
  ASSERT_EQ(remade.status, 201) << remade.body;
  EXPECT_EQ(remade.body.find("花子"), std::string::npos) << remade.body;
  EXPECT_EQ(remade.body.find("ハナコ"), std::string::npos) << remade.body;
  EXPECT_NE(remade.body.find("抑止対象"), std::string::npos) << remade.body;
  // The answer is a view of the 附票, logged naming its members.
  EXPECT_GE(
      QueryInt(
          db_,
          "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = t.sequence WHERE "
          "t.addressee_number = '0000000019' AND e.function = '附票の照会'"),
      1);
}

// A clerk who may not see her may not rewrite her 附票 line: a 職権修正 of her 性別 broke the match
// that masked her, and the answer (and every later view) showed her in full.
// REQ: JK-3.1
TEST_F(ProtectionUndone, FuhyoCorrectionCannotUnmaskAViewBlockedMember) {
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000027", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  Serve();
  ReadyUser("madoguchi", "view,change");
  const Login clerk = LogIn("madoguchi");
  auto refused = Post("/api/v1/fuhyo/events",
                      FuhyoEvent(R"("kind":"shusei","member":"2","sex":"male")"), clerk);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << refused.body;
  auto shown = Get("/api/v1/fuhyo?id=1", clerk);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.body.find("花子"), std::string::npos) << shown.body;
}

// REQ: JK-3.4
// LAW: 住基法第12条の3
TEST_F(ProtectionUndone, CoMoversDoNotPrintWhereTheTargetWent) {
  ASSERT_EQ(Apply(R"({"type":"move_out","event_date":"2026-11-20","notification_date":"2026-11-10",
                      "movers":["0000000019","0000000027","0000000035"],
                      "destination":{"text":"大阪府大阪市北区中之島二丁目","banchi":"3番4号"}})")
                .status,
            0);
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  auto removal = Cli({"certificate", "--kind", "johyo", "--person", "0000000035", "--requester",
                      "third-party", "--purpose", "債権回収", "--out", Pdf()});
  EXPECT_EQ(removal.status, 1) << removal.out;
  EXPECT_NE(removal.err.find("[support.issue_blocked]"), std::string::npos) << removal.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), 0);
  // The 転入通知未着者一覧 leaves off everyone who went where she went; no 照会書 names it.
  auto list = Cli({"notice", "awaiting", "--days", "0", "--out", Pdf()});
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string text = PdfText(Pdf());
  EXPECT_EQ(text.find("中之島二丁目"), std::string::npos) << text;
  EXPECT_EQ(text.find("0000000035"), std::string::npos) << text;
  auto inquiry = Cli({"notice", "inquiry", "0000000035", "--out", Pdf()});
  EXPECT_EQ(inquiry.status, 1) << inquiry.out;
  EXPECT_NE(inquiry.err.find("[support.issue_blocked]"), std::string::npos) << inquiry.err;
}

// REQ: JK-3.4, JK-4.1.0.3
TEST_F(ProtectionUndone, ATypedNotifierIsClearedLikeThePeopleOfTheChange) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  // The neighbours' 転入 (異動 2), its 受理通知 addressed to a 届出人 typed at the counter.
  for (std::vector<std::string> typed :
       {std::vector<std::string>{"--notifier", "架空　花子"},
        {"--notifier", "架空 花子"},
        {"--notifier", "隣野　太郎", "--notifier-address", "架空県架空市桜町１丁目１－２"}}) {
    std::vector<std::string> args = {"notice", "receipt", "2", "--out", Pdf()};
    args.insert(args.end(), typed.begin(), typed.end());
    auto letter = Cli(args);
    EXPECT_EQ(letter.status, 1) << typed[1] << letter.out;
    EXPECT_NE(letter.err.find("[support.issue_blocked]"), std::string::npos)
        << typed[1] << letter.err;
  }
  auto plain = Cli({"notice", "receipt", "2", "--notifier", "隣野　太郎", "--out", Pdf()});
  EXPECT_EQ(plain.status, 0) << plain.err;
}

}  // namespace
}  // namespace jrr::testing
