// SPDX-License-Identifier: Apache-2.0
//
// Defects where a person under an エラー-level 照会抑止 (or under a 支援措置) was shown by a path other
// than 照会: 検索 (API, screen, CLI) returned the full record, the 印鑑登録原票 API answered, the
// 入力確認 showed the record with no log entry, `GET /api/v1/protection` listed blocks to users
// without 照会, and the JSON field `support_target` told any clerk which people are DV targets;
// searches and failed 異動 confirmed facts of her record (a birth date, an address, a name's
// beginning) by whether she appeared or why they failed, or by the words of the refusal; and a certificate printed her record, or
// named her as the 世帯主 on another's; the 附票 search listed her family's 附票 for her name, and
// the 附票 printed her as its 筆頭者; a typed 附票 notice for her 附票 applied or not by her facts;
// the 転入通知未着 list failed for her, and its letters said why they could not be made; a 印鑑登録
// step by number acted on her entry, and the certificate request told whether she had one; a
// search by her given name alone listed her; and a clerk could record her 異動, its passing
// confirming her address.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class ViewBlockPaths : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(Apply(kNeighbours).status, 0);
    // 照会抑止 (エラー) on 花子 (0000000027).
    ASSERT_EQ(Cli({"block", "add", "--person", "0000000027", "--operation", "view", "--level",
                   "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                  .status,
              0);
    Serve();
    ReadyUser("madoguchi", "view,change,issue,see_domicile,see_resident_record_code");
    ReadyUser("kansa", "audit");
    clerk_ = LogIn("madoguchi");
  }
  Login clerk_;
};

// REQ: JK-3.1, JK-2.1.3
TEST_F(ViewBlockPaths, SearchShowsOnlyThatThePersonIsBlocked) {
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000027", clerk_).status, 403);
  // By number and by her whole name: the hit says 抑止対象 and carries nothing of the person.
  for (const char* target :
       {"/api/v1/search?atena=0000000027",
        "/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6%20%E3%83%8F%E3%83%8A%E3%82%B3"}) {
    auto found = Get(target, clerk_);
    ASSERT_EQ(found.status, 200) << found.body;
    EXPECT_NE(found.body.find("0000000027"), std::string::npos) << found.body;
    EXPECT_EQ(found.body.find("花子"), std::string::npos) << target << found.body;
    EXPECT_EQ(found.body.find("ハナコ"), std::string::npos) << target << found.body;
    EXPECT_EQ(found.body.find("昭和57"), std::string::npos) << target << found.body;
    EXPECT_EQ(found.body.find("1982-06-15"), std::string::npos) << target << found.body;
    EXPECT_NE(found.body.find("抑止対象"), std::string::npos) << found.body;
  }
  // The other members are found in full.
  auto family = Get("/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", clerk_);
  EXPECT_NE(family.body.find("一郎"), std::string::npos) << family.body;
  // The screen likewise.
  auto screen = Get("/search?atena=0000000027", clerk_);
  ASSERT_EQ(screen.status, 200);
  EXPECT_EQ(screen.body.find("花子"), std::string::npos) << screen.body;
  EXPECT_NE(screen.body.find("抑止対象"), std::string::npos) << screen.body;
  // And the CLI.
  auto cli = Cli({"search", "--atena", "0000000027"});
  ASSERT_EQ(cli.status, 0) << cli.err;
  EXPECT_EQ(cli.out.find("花子"), std::string::npos) << cli.out;
  EXPECT_NE(cli.out.find("抑止対象"), std::string::npos) << cli.out;
}

// A search that does not name her exactly never lists her: whether a blocked hit appeared for a
// birth date, an address, a sex or a prefix of the name would confirm that fact of her record.
// REQ: JK-3.1, JK-2.1.3
TEST_F(ViewBlockPaths, SearchesDoNotConfirmFactsOfABlockedPerson) {
  for (const char* target :
       {"/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix",
        "/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6%20%E3%83%8F&match=prefix",
        "/api/v1/search?birth=1982-06-15",
        // Her given name alone, exactly: shared by many, it names no one.
        "/api/v1/search?given-name=%E8%8A%B1%E5%AD%90",
        "/api/v1/search?kana-given=%E3%83%8F%E3%83%8A%E3%82%B3",
        "/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6%20%E3%83%8F%E3%83%8A%E3%82%B3&sex=female",
        "/api/v1/"
        "search?kana=%E3%82%AB%E3%82%AF%E3%82%A6%20%E3%83%8F%E3%83%8A%E3%82%B3&birth=1982-06-15",
        "/api/v1/"
        "search?address=%E6%9E%B6%E7%A9%BA%E7%9C%8C%E6%9E%B6%E7%A9%BA%E5%B8%82%E6%A1%9C%E7%94%BA"
        "&match=prefix"}) {
    auto found = Get(target, clerk_);
    ASSERT_EQ(found.status, 200) << target << found.body;
    EXPECT_EQ(found.body.find(R"("addressee_number":"0000000027")"), std::string::npos)
        << target << found.body;
    EXPECT_EQ(found.body.find("抑止対象"), std::string::npos) << target << found.body;
  }
  // The others are still found by the same conditions.
  auto family = Get("/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", clerk_);
  EXPECT_NE(family.body.find("0000000019"), std::string::npos) << family.body;
}

// REQ: JK-3.1
TEST_F(ViewBlockPaths, SealRegisterOfABlockedPersonIsRefused) {
  auto seals = Get("/api/v1/seals?person=0000000027", clerk_);
  EXPECT_EQ(seals.status, 403) << seals.body;
  EXPECT_EQ(JsonField(seals.body, "rule_id"), "protection.blocked");
  EXPECT_EQ(Get("/api/v1/seals?person=0000000019", clerk_).status, 200);
}

// A step on a registration by its number (亡失, 廃止, 回答, 取下げ) acts on the person and answers
// with the entry: refused for a person under a 照会抑止, before the entry's state is told.
// REQ: JK-3.1
TEST_F(ViewBlockPaths, SealStepsByNumberStopAtABlock) {
  const std::string image = dir_.File("seal.png");
  ASSERT_EQ(Cli({"seal", "sample-image", "--out", image, "--diameter", "15", "--dpi", "600",
                 "--text", "次郎"})
                .status,
            0);
  auto applied = Cli({"seal", "apply", "--person", "0000000035", "--image", image, "--dpi", "600",
                      "--attest", "material,legibility", "--id-document", "運転免許証"});
  ASSERT_EQ(applied.status, 0) << applied.err;
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000035", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  const int64_t versions = QueryInt(db_, "SELECT count(*) FROM seal_version");
  for (const char* step :
       {R"({"step":"lost","key":"000001"})", R"({"step":"abolish","key":"000001"})",
        R"({"step":"answer","key":"1"})", R"({"step":"withdraw","key":"1"})"}) {
    auto refused = Post("/api/v1/seals/step", step, clerk_);
    EXPECT_EQ(refused.status, 403) << step << refused.body;
    EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << step << refused.body;
    EXPECT_EQ(refused.body.find("次郎"), std::string::npos) << refused.body;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM seal_version"), versions) << "nothing ended";
  // Nor does the certificate request tell whether she has a registration or which card it is.
  std::string first;
  for (const char* request : {R"({"person":"0000000035","card":"K000001"})",
                              R"({"person":"0000000035","card":"K999999"})",
                              R"({"person":"0000000027","card":"K000001"})"}) {
    auto refused = Post("/api/v1/seals/certificate", request, clerk_);
    EXPECT_EQ(refused.status, 403) << request << refused.body;
    if (first.empty()) first = refused.body;
    EXPECT_EQ(refused.body, first) << request;
  }
}

// A 異動 of a person this clerk may not see is refused whether or not it would pass: its passing
// would confirm her address (a move to where she lives fails) or her birth date.
// REQ: JK-3.1, JK-4.0.9
TEST_F(ViewBlockPaths, ChangesOfABlockedPersonAreRefusedAlike) {
  const int64_t changes = QueryInt(db_, "SELECT count(*) FROM change_record");
  const int64_t pending = QueryInt(db_, "SELECT count(*) FROM pending_change");
  auto move_to = [](const std::string& text, const std::string& banchi) {
    return R"({"type":"within_move","event_date":"2026-12-01","notification_date":"2026-12-02","movers":["0000000027"],
        "new_address":{"text":")" +
           text + R"(","banchi":")" + banchi + R"("},"relationships":{"0000000027":"世帯主"}})";
  };
  std::string first;
  for (const std::string& body :
       {move_to("架空県架空市桜町三丁目", "1番1号"), move_to("架空県架空市桜町一丁目", "1番2号")}) {
    for (const char* mode : {"", "?mode=provisional", "?mode=check"}) {
      auto refused = Post(std::string("/api/v1/changes") + mode, body, clerk_);
      EXPECT_EQ(refused.status, 403) << mode << refused.body;
      if (first.empty()) first = refused.body;
      EXPECT_EQ(refused.body, first) << mode;
    }
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM change_record"), changes);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM pending_change"), pending);
}

// The 入力確認 is a view: it is logged, and a 照会抑止 applies to it.
// REQ: JK-4.0.9, JK-10.2, JK-3.1
TEST_F(ViewBlockPaths, CheckModeIsALoggedView) {
  const std::string move =
      R"({"type":"within_move","event_date":"2026-12-01","notification_date":"2026-12-02",
    "movers":[%s],"new_address":{"text":"架空県架空市桜町三丁目","banchi":"1番1号"}})";
  auto text_for = [&](const char* atena) {
    std::string s = move;
    s.replace(s.find("%s"), 2, atena);
    return s;
  };
  const int64_t changes = QueryInt(db_, "SELECT count(*) FROM change_record");
  auto blocked = Post("/api/v1/changes?mode=check",
                      text_for(R"("0000000019","0000000027","0000000035")"), clerk_);
  EXPECT_EQ(blocked.status, 403) << blocked.body;
  EXPECT_EQ(JsonField(blocked.body, "rule_id"), "protection.blocked");
  auto checked =
      Post("/api/v1/changes?mode=check", text_for(R"("0000000043","0000000051")"), clerk_);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(
      QueryInt(db_,
               "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = t.sequence "
               "WHERE t.addressee_number = '0000000043' AND e.function = '入力確認' AND e.action = "
               "'view'"),
      1);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM change_record"), changes)
      << "nothing recorded by a check";
}

// A 異動 that fails must not say why when the why is a fact of a blocked person's record: each
// of these would otherwise tell her birth date, her household or her address by its rule.
// REQ: JK-3.1, JK-4.0.9
TEST_F(ViewBlockPaths, FailedChangesDoNotTellFactsOfABlockedPerson) {
  const char* probes[] = {
      // Before her birth, or not: the rule that refuses would tell which.
      R"({"type":"within_move","event_date":"1982-06-14","notification_date":"2026-12-02","movers":["0000000027"],
          "new_address":{"text":"架空県架空市桜町三丁目","banchi":"1番1号"}})",
      // Into the address she already lives at.
      R"({"type":"within_move","event_date":"2026-12-01","notification_date":"2026-12-02","movers":["0000000027"],
          "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})",
  };
  const int64_t changes = QueryInt(db_, "SELECT count(*) FROM change_record");
  for (const char* probe : probes) {
    for (const char* mode : {"?mode=check", ""}) {
      auto refused = Post(std::string("/api/v1/changes") + mode, probe, clerk_);
      EXPECT_EQ(refused.status, 403) << mode << refused.body;
      EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << mode << refused.body;
    }
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM change_record"), changes);
  EXPECT_GE(
      QueryInt(
          db_,
          "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = t.sequence WHERE "
          "t.addressee_number = '0000000027' AND e.action = 'denied' AND e.outcome = "
          "'protection.blocked'"),
      4);
  // Nor may the words of the refusal differ between a 異動 that her record would refuse and one it
  // would allow: every check answers alike.
  const std::string allowed =
      R"({"type":"within_move","event_date":"2026-12-01","notification_date":"2026-12-02",
      "movers":["0000000027"],"new_address":{"text":"架空県架空市桜町三丁目","banchi":"1番1号"},
      "relationships":{"0000000027":"世帯主"}})";
  const std::string answer = Post("/api/v1/changes?mode=check", allowed, clerk_).body;
  EXPECT_EQ(JsonField(answer, "rule_id"), "protection.blocked") << answer;
  for (const char* probe : probes)
    EXPECT_EQ(Post("/api/v1/changes?mode=check", probe, clerk_).body, answer);
}

// A print is read by whoever prints it: a clerk who may not look at her record cannot print it,
// alone or as a member of her household.
// REQ: JK-3.1
TEST_F(ViewBlockPaths, CertificatesAreNoWayAroundAViewBlock) {
  const int64_t issued = QueryInt(db_, "SELECT count(*) FROM issuance");
  for (const char* request : {R"({"kind":"juminhyo","person":"0000000027"})",
                              R"({"kind":"juminhyo","person":"0000000019","household":true})"}) {
    auto refused = Post("/api/v1/certificates", request, clerk_);
    EXPECT_EQ(refused.status, 403) << request << refused.body;
    EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << refused.body;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), issued);
  EXPECT_EQ(
      Post("/api/v1/certificates", R"({"kind":"juminhyo","person":"0000000043"})", clerk_).status,
      201);
  // The 閲覧 list of her area is made without her.
  const std::string pdf = dir_.File("etsuran.pdf");
  auto list =
      Cli({"certificate", "--kind", "etsuran", "--area", "架空県架空市桜町一丁目", "--out", pdf});
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string text = PdfText(pdf);
  EXPECT_EQ(text.find("花子"), std::string::npos) << text;
  EXPECT_NE(text.find("一郎"), std::string::npos) << text;
}

// A certificate that names her as the 世帯主 of someone else is read by whoever prints it too.
// REQ: JK-3.1
TEST_F(ViewBlockPaths, CertificateNamingABlockedHeadIsRefused) {
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000043", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  const int64_t issued = QueryInt(db_, "SELECT count(*) FROM issuance");
  auto refused = Post("/api/v1/certificates",
                      R"({"kind":"juminhyo","person":"0000000051","with":["zokugara"]})", clerk_);
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(JsonField(refused.body, "rule_id"), "protection.blocked") << refused.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), issued);
  // Without the 世帯主 item the print shows only her daughter.
  EXPECT_EQ(
      Post("/api/v1/certificates", R"({"kind":"juminhyo","person":"0000000051"})", clerk_).status,
      201);
}

// The 附票 search lists a 附票 only for what it shows: her name finds nothing, and a 附票 whose
// 筆頭者 is a blocked person shows the 筆頭者 as blocked.
// REQ: JK-3.1, JK-7.2.4
TEST_F(ViewBlockPaths, FuhyoSearchAndViewDoNotNameABlockedPerson) {
  auto by_her_name = Get("/api/v1/fuhyo?q=%E8%8A%B1%E5%AD%90", clerk_);  // 花子
  ASSERT_EQ(by_her_name.status, 200) << by_her_name.body;
  EXPECT_EQ(by_her_name.body.find("本町1番地"), std::string::npos) << by_her_name.body;
  auto by_her_kana =
      Get("/api/v1/fuhyo?q=%E3%82%AB%E3%82%AF%E3%82%A6%E3%83%8F%E3%83%8A", clerk_);  // カクウハナ
  EXPECT_EQ(by_her_kana.body.find("本町1番地"), std::string::npos) << by_her_kana.body;
  auto by_his = Get("/api/v1/fuhyo?q=%E4%B8%80%E9%83%8E", clerk_);  // 一郎
  ASSERT_EQ(by_his.status, 200) << by_his.body;
  EXPECT_NE(by_his.body.find("本町1番地"), std::string::npos) << by_his.body;
  EXPECT_EQ(by_his.body.find("花子"), std::string::npos) << by_his.body;
  EXPECT_NE(by_his.body.find("抑止対象"), std::string::npos) << by_his.body;
  // The 筆頭者 under a block.
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000019", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  auto one = Get("/api/v1/fuhyo?id=1", clerk_);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.body.find("一郎"), std::string::npos) << one.body;
  auto by_son = Get("/api/v1/fuhyo?q=%E6%AC%A1%E9%83%8E", clerk_);  // 次郎
  EXPECT_NE(by_son.body.find("本町1番地"), std::string::npos) << by_son.body;
  EXPECT_EQ(by_son.body.find("一郎"), std::string::npos) << by_son.body;
}

// A notice typed in by a clerk for a 附票 that holds her: whether it applied or was refused as not
// matching would confirm her birth date; it is refused alike, before it is read.
// REQ: JK-3.1
// LAW: 住基法第19条
TEST_F(ViewBlockPaths, FuhyoNoticeIsNoOracleForABlockedMember) {
  auto notice_with = [](const std::string& id, const std::string& birth) {
    return "FUHYO-NOTICE/1\nnotice_id=架空県他市-" + id +
           "\nfrom=架空県他市\nto=架空県架空市\ndomicile=架空県架空市本町1番地\nhead_of_family="
           "架空　一郎\n"
           "family_name=架空\ngiven_name=花子\nbirth_date=" +
           birth +
           "\nsex=2\nresident_record_code=\naddress=架空県他市本町1番1号\nabroad=0\nsince=2026-11-"
           "25\n"
           "sent_on=2026-11-26\n";
  };
  ReadyUser("nyuryoku", "change");
  const Login clerk = LogIn("nyuryoku");
  std::string first;
  for (const auto& [id, birth] :
       std::vector<std::pair<std::string, std::string>>{{"1", "1982-06-15"}, {"2", "1982-06-16"}}) {
    auto answered = Post("/api/v1/fuhyo/notices", notice_with(id, birth), clerk);
    EXPECT_EQ(answered.status, 403) << answered.body;
    EXPECT_EQ(JsonField(answered.body, "rule_id"), "protection.blocked") << answered.body;
    if (first.empty()) first = answered.body;
    EXPECT_EQ(answered.body, first);
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_inbox"), 0);
}

// The 転入通知未着 papers: the list leaves off whom the operator may not see (failing for her would
// date her move), and the letters about her are refused before any reason that is a fact of hers.
// REQ: JK-3.1, JK-4.1.3.1.4, JK-9.4
TEST_F(ViewBlockPaths, AwaitingNoticePapersDoNotDateABlockedMove) {
  ASSERT_EQ(Apply(R"({"type":"move_out","event_date":"2026-11-20","notification_date":"2026-11-10",
                      "movers":["0000000043","0000000051"],
                      "destination":{"text":"大阪府大阪市北区中之島二丁目","banchi":"3番4号"}})")
                .status,
            0);
  ASSERT_EQ(Cli({"block", "add", "--person", "0000000051", "--operation", "view", "--level",
                 "error", "--from", "2026-12-01", "--reason", "照会抑止テスト"})
                .status,
            0);
  const std::string pdf = dir_.File("awaiting.pdf");
  auto list = Cli({"notice", "awaiting", "--days", "0", "--operator", "madoguchi", "--out", pdf});
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("0000000043"), std::string::npos) << text;
  EXPECT_EQ(text.find("0000000051"), std::string::npos) << text;
  for (std::vector<std::string> letter : {std::vector<std::string>{"inquiry", "0000000051"},
                                          {"inquiry", "0000000027"},
                                          {"adult-ward", "0000000051"},
                                          {"adult-ward", "0000000027"}}) {
    auto refused = Cli({"notice", letter[0], letter[1], "--operator", "madoguchi", "--out", pdf});
    EXPECT_EQ(refused.status, 1) << letter[0] << letter[1] << refused.out;
    EXPECT_NE(refused.err.find("[protection.blocked]"), std::string::npos)
        << letter[0] << letter[1] << refused.err;
  }
}

// LAW: 住基法第30条の30 (JK-10.4: 利用者ごとの権限)
TEST_F(ViewBlockPaths, ProtectionListNeedsView) {
  auto audit_only = LogIn("kansa");
  auto listed = Get("/api/v1/protection?person=0000000027", audit_only);
  EXPECT_EQ(listed.status, 403) << listed.body;
  EXPECT_EQ(listed.body.find("block_id"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/protection?person=0000000027", clerk_).status, 200);
}

// The mask says only that some restriction applies: a clerk without the 支援措置 permission cannot
// tell a DV target from any other 抑止 by the JSON.
// REQ: JK-2.2.4
TEST_F(ViewBlockPaths, SupportTargetsAreNotToldApartByTheJson) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000043", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  auto found = Get("/api/v1/search?atena=0000000043", clerk_);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.body.find("\"support_target\":true"), std::string::npos) << found.body;
  EXPECT_EQ(found.body.find("\"provisional\":true"), std::string::npos) << found.body;
  EXPECT_EQ(found.body.find("support.expir"), std::string::npos) << found.body;
  EXPECT_NE(found.body.find("抑止対象"), std::string::npos) << found.body;
  auto viewed = Get("/api/v1/resident?atena=0000000043", clerk_);
  ASSERT_EQ(viewed.status, 200);
  EXPECT_EQ(viewed.body.find("\"support_target\":true"), std::string::npos) << viewed.body;
}

}  // namespace
}  // namespace jrr::testing
