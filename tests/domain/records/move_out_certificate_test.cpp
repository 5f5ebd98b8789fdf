// SPDX-License-Identifier: Apache-2.0
//
// 転出証明書情報: the two-dimensional code's text (MoveOutData) reads back at the 転入地 with every
// person's items; garbage is refused.
#include "jrr/domain/records/move_out_certificate.h"

#include <gtest/gtest.h>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

ResidentRecord Person(const char* given, const char* kana, const char* birth, Sex sex,
                      const char* relationship) {
  ResidentRecord r;
  r.addressee_number = "00000000" + std::string(given == std::string("一郎") ? "19" : "27");
  r.family_name = "架空";
  r.given_name = given;
  r.family_kana = "カクウ";
  r.given_kana = kana;
  r.birth_date = *ParseDate(birth);
  r.sex = sex;
  r.relationship = *ParseRelationship(relationship);
  r.domicile = Domicile{Domicile::State::kRecorded, "架空県架空村中央1番地", "架空　一郎"};
  r.address = Address{"", "架空県架空村中央", "1番地", "", "", false};
  r.resident_record_code = "12345678901";
  return r;
}

// REQ: JK-4.1.1.1, JK-4.1.3.0.3
TEST(MoveOutCertificateTest, TheCodeReadsBackAtTheNewMunicipality) {
  const std::vector<ResidentRecord> movers = {
      Person("一郎", "イチロウ", "1980-04-01", Sex::kMale, "世帯主"),
      Person("花子", "ハナコ", "1982-06-15", Sex::kFemale, "妻")};
  const std::string text = MoveOutData(movers, "990027", "架空村", CalendarDate{2026, 11, 20});
  auto read = DecodeMoveOutData(text);
  ASSERT_TRUE(read) << read.error().detail;
  EXPECT_EQ(read->from_code, "990027");
  EXPECT_EQ(read->from_name, "架空村");
  EXPECT_EQ(read->issued, (CalendarDate{2026, 11, 20}));
  ASSERT_EQ(read->persons.size(), 2u);
  const MoveOutPerson& wife = read->persons[1];
  EXPECT_EQ(wife.family_name, "架空");
  EXPECT_EQ(wife.given_name, "花子");
  EXPECT_EQ(wife.given_kana, "ハナコ");
  EXPECT_EQ(wife.birth_date, (CalendarDate{1982, 6, 15}));
  EXPECT_EQ(wife.sex, Sex::kFemale);
  EXPECT_EQ(wife.relationship, "妻");
  EXPECT_EQ(wife.previous_address, "架空県架空村中央1番地");
  EXPECT_EQ(wife.domicile, "架空県架空村中央1番地");
  EXPECT_EQ(wife.head_of_family, "架空　一郎");
  EXPECT_EQ(wife.resident_record_code, "12345678901");
  // CRLF line ends (a reader may send them) read the same.
  std::string crlf;
  for (char c : text) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  EXPECT_TRUE(DecodeMoveOutData(crlf));
  for (const char* garbage :
       {"", "JRR-TENSHUTSU/2\nfrom=1\n", "JRR-TENSHUTSU/1\nfrom=1\nissued=2026-11-20\n",
        "JRR-TENSHUTSU/1\nissued=2026-11-20\n--\nname=\n", "\xff\xfe"}) {
    auto refused = DecodeMoveOutData(garbage);
    ASSERT_FALSE(refused) << garbage;
    EXPECT_EQ(refused.error().rule_id, "moveout.malformed");
  }
}

// A certificate over several sheets carries a code a sheet, each with that sheet's people; read in
// any order they give the whole certificate, and a missing, repeated or foreign code is refused.
// REQ: JK-4.1.3.0.3
TEST(MoveOutCertificateTest, CodesOfSeveralSheetsReadBackAsOne) {
  std::vector<ResidentRecord> movers;
  for (const char* given : {"一郎", "花子", "次郎", "三郎", "松子"})
    movers.push_back(Person(given, "カナ", "1980-04-01", Sex::kMale, "子"));
  const std::string text = MoveOutData(movers, "990027", "架空村", CalendarDate{2026, 11, 20});
  EXPECT_EQ(SplitMoveOutData(text, {5}), std::vector<std::string>{text});
  const std::vector<std::string> codes = SplitMoveOutData(text, {3, 2});
  ASSERT_EQ(codes.size(), 2u);
  EXPECT_NE(codes[0].find("part=1/2\n"), std::string::npos) << codes[0];
  EXPECT_NE(codes[1].find("part=2/2\n"), std::string::npos) << codes[1];

  struct Row {
    std::string text;
    std::string refusal;  // empty: reads as the five movers
  };
  const std::string other = SplitMoveOutData(
      MoveOutData(movers, "990027", "架空村", CalendarDate{2026, 11, 21}), {3, 2})[1];
  const Row kRows[] = {
      {codes[0] + codes[1], ""},
      {codes[1] + codes[0], ""},
      {codes[0] + "\n" + codes[1] + "\n", ""},
      {codes[0], "part 2 of 2 missing"},
      {codes[1], "part 1 of 2 missing"},
      {codes[0] + codes[0], "part 1 read twice"},
      {codes[0] + other, "part 2 of another certificate"},
      {codes[0] + text, "part 1 of another certificate"},
  };
  for (const Row& row : kRows) {
    auto read = DecodeMoveOutData(row.text);
    if (row.refusal.empty()) {
      ASSERT_TRUE(read) << read.error().detail;
      ASSERT_EQ(read->persons.size(), 5u);
      EXPECT_EQ(read->persons[0].given_name, "一郎");
      EXPECT_EQ(read->persons[4].given_name, "松子");
      EXPECT_EQ(read->issued, (CalendarDate{2026, 11, 20}));
    } else {
      ASSERT_FALSE(read) << row.refusal;
      EXPECT_EQ(read.error().rule_id, "moveout.malformed");
      EXPECT_EQ(read.error().detail, row.refusal);
    }
  }
  for (const char* part : {"0/2", "3/2", "1/0", "a/2", "1/100", "/2", "1/"}) {
    std::string bad = codes[0];
    bad.replace(bad.find("part=1/2"), 8, std::string("part=") + part);
    EXPECT_FALSE(DecodeMoveOutData(bad)) << part;
  }
}

}  // namespace
}  // namespace jrr
