// SPDX-License-Identifier: Apache-2.0
//
// Defects where a 支援措置 target's name or address reached a certificate through someone else:
//  - a 戸籍の附票の写し of a member without a 住民票コード was never matched to the resident, so a
//    third party got the target's address, and nothing about the person was logged;
//  - a 住民票の写し of an unprotected member printed the protected 世帯主's name with the shared
//    address (and an unprotected member's copy printed the address the target lives at);
//  - a 転出証明書 was issued to a third party or 公用 with 個人番号, 住民票コード and the QR code.
// Every such print is refused unless a 支援措置 officer released the measure, and the protected
// person is logged as a target of the refusal.
#include <gtest/gtest.h>

#include <fstream>

#include "support/cli_runner.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

class PrintedThroughAnother : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    ASSERT_EQ(Apply(kNeighbours).status, 0);
  }
  // Denials naming `atena` in the アクセスログ.
  int64_t DenialsNaming(const std::string& atena) {
    return QueryInt(
        db_,
        "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = t.sequence "
        "WHERE t.addressee_number = '" +
            atena + "' AND e.action = 'denied'");
  }
  std::string Pdf() { return dir_.File("out.pdf"); }
};

// REQ: JK-3.4
// LAW: 住基法第20条 (附票の写し)
TEST_F(PrintedThroughAnother, FuhyoCopyOfAProtectedMemberWithoutCodeIsRefused) {
  // The 附票 of 本籍 架空市本町1番地 holds the family; 花子 (0000000027) becomes a DV target.
  ASSERT_EQ(QueryInt(db_,
                     "SELECT count(*) FROM fuhyo_member_version WHERE given_name = '花子' AND "
                     "resident_record_code = ''"),
            1)
      << "the member must have no 住民票コード for this defect";
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  for (const char* requester : {"third-party", "spouse", "self"}) {
    std::vector<std::string> args = {"fuhyo",   "copy",  "1",  "--requester",
                                     requester, "--out", Pdf()};
    if (std::string(requester) == "third-party") args.insert(args.end(), {"--purpose", "債権回収"});
    auto copied = Cli(args);
    EXPECT_EQ(copied.status, 1) << requester << copied.out;
    EXPECT_NE(copied.err.find("support.issue_blocked"), std::string::npos)
        << requester << copied.err;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 0);
  EXPECT_GE(DenialsNaming("0000000027"), 3);
  // Only 一郎 (member 1), who lives with her: the address printed is hers too.
  auto one = Cli({"fuhyo", "copy", "1", "--members", "1", "--requester", "lineal", "--out", Pdf()});
  EXPECT_EQ(one.status, 1) << one.out;
  EXPECT_NE(one.err.find("support.issue_blocked"), std::string::npos) << one.err;
}

// The 附票 照会 and copies name each member in the log: by 宛名番号 where the member lives here.
// REQ: JK-10.2
TEST_F(PrintedThroughAnother, FuhyoViewsAndCopiesLogTheirMembers) {
  ASSERT_EQ(Cli({"fuhyo", "show", "1"}).status, 0);
  auto copied = Cli({"fuhyo", "copy", "1", "--requester", "self", "--out", Pdf()});
  ASSERT_EQ(copied.status, 0) << copied.err;
  for (const char* atena : {"0000000019", "0000000027", "0000000035"}) {
    EXPECT_EQ(
        QueryInt(db_, std::string(
                          "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = "
                          "t.sequence WHERE t.addressee_number = '") +
                          atena + "' AND e.function = '附票の照会'"),
        1)
        << atena;
    EXPECT_GE(
        QueryInt(db_, std::string(
                          "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = "
                          "t.sequence WHERE t.addressee_number = '") +
                          atena + "' AND e.function LIKE '戸籍の附票の写し%'"),
        2)
        << atena << ": cleared and printed";
  }
  auto search = Cli({"audit", "search", "--resident", "0000000027"});
  EXPECT_NE(search.out.find("附票の照会"), std::string::npos) << search.out;
}

// REQ: JK-3.4
// LAW: 住基法第12条の3 (第三者請求)
TEST_F(PrintedThroughAnother, HouseholdCopyNeverPrintsAProtectedHeadOrTheirAddress) {
  // 一郎, 世帯主 of 0000000019's household, is the target; his son 次郎 is not.
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000019", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  auto head = Cli({"certificate", "--person", "0000000035", "--requester", "third-party",
                   "--purpose", "債権回収", "--with", "zokugara", "--out", Pdf()});
  EXPECT_EQ(head.status, 1) << head.out;
  EXPECT_NE(head.err.find("support.issue_blocked"), std::string::npos) << head.err;
  // Without 世帯主 printed the address is still the one the target lives at.
  auto address = Cli({"certificate", "--person", "0000000035", "--requester", "third-party",
                      "--purpose", "債権回収", "--out", Pdf()});
  EXPECT_EQ(address.status, 1) << address.out;
  EXPECT_NE(address.err.find("support.issue_blocked"), std::string::npos) << address.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), 0);
  EXPECT_GE(DenialsNaming("0000000019"), 2) << "the protected 世帯主 is a target of the refusal";
  // The neighbours' household shares nothing with him: their copy is issued.
  auto neighbour = Cli({"certificate", "--person", "0000000051", "--requester", "third-party",
                        "--purpose", "債権回収", "--with", "zokugara", "--out", Pdf()});
  EXPECT_EQ(neighbour.status, 0) << neighbour.err;
  // The 閲覧 list leaves out everyone at the target's address.
  auto list = Cli({"certificate", "--kind", "etsuran", "--area", "架空県架空市", "--out", Pdf()});
  ASSERT_EQ(list.status, 0) << list.err;
  const std::string text = PdfText(Pdf());
  EXPECT_EQ(text.find("架空 次郎"), std::string::npos) << text;
  EXPECT_EQ(text.find("架空 花子"), std::string::npos) << text;
  EXPECT_NE(text.find("隣野 太郎"), std::string::npos) << text;
  // After review, the officer's release lets one clerk issue.
  auto released = Cli({"support", "release", "1", "--to-operator", "cli", "--minutes", "10",
                       "--reason", "審査済み"});
  ASSERT_EQ(released.status, 0) << released.err;
  EXPECT_EQ(Cli({"certificate", "--person", "0000000035", "--requester", "third-party", "--purpose",
                 "審査済み", "--with", "zokugara", "--out", Pdf()})
                .status,
            0);
}

// The 筆頭者 printed with the 本籍 names a protected person: refused as well.
// REQ: JK-3.4
TEST_F(PrintedThroughAnother, DomicileHeadNamingAProtectedPersonIsRefused) {
  // 次郎 moves to a household of his own; 一郎 (筆頭者 of 次郎's 本籍) is the target.
  ASSERT_EQ(
      Apply(R"({"type":"within_move","event_date":"2026-11-01","notification_date":"2026-11-02",
                      "movers":["0000000035"],"new_address":{"text":"架空県架空市桜町三丁目","banchi":"7番7号"},
                      "relationships":{"0000000035":"世帯主"}})")
          .status,
      0);
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000019", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  auto with_domicile = Cli({"certificate", "--person", "0000000035", "--requester", "third-party",
                            "--purpose", "相続", "--with", "honseki", "--out", Pdf()});
  EXPECT_EQ(with_domicile.status, 1) << with_domicile.out;
  EXPECT_NE(with_domicile.err.find("support.issue_blocked"), std::string::npos)
      << with_domicile.err;
  // Without the 本籍 nothing of him prints.
  EXPECT_EQ(Cli({"certificate", "--person", "0000000035", "--requester", "third-party", "--purpose",
                 "相続", "--out", Pdf()})
                .status,
            0);
}

// LAW: 住基法第22条, 施行令第23条 (転出証明書: to the one who filed the 転出)
TEST_F(PrintedThroughAnother, MoveOutCertificateOnlyToThoseWhoFiledIt) {
  ASSERT_EQ(Apply(R"({"type":"move_out","event_date":"2026-12-20","notification_date":"2026-12-01",
                      "movers":["0000000043","0000000051"],"destination":{"text":"大阪府大阪市北区中之島一丁目","banchi":"2番3号"}})")
                .status,
            0);
  for (const char* requester : {"third-party", "official"}) {
    auto refused = Cli({"certificate", "--kind", "tenshutsu", "--person", "0000000043",
                        "--requester", requester, "--purpose", "債権回収", "--out", Pdf()});
    EXPECT_EQ(refused.status, 1) << requester << refused.out;
    EXPECT_NE(refused.err.find("certificate.requester_not_allowed"), std::string::npos)
        << refused.err;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), 0);
  auto own = Cli({"certificate", "--kind", "tenshutsu", "--person", "0000000043", "--requester",
                  "self", "--out", Pdf()});
  EXPECT_EQ(own.status, 0) << own.err;
}

}  // namespace
}  // namespace jrr::testing
