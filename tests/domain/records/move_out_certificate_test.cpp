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

// A certificate carries a code a mover; read in any order the codes give the whole certificate,
// and a code missing, read twice or from another certificate (even one of the same day and
// municipality) is refused. A 個人票's code stands alone.
// REQ: JK-4.1.3.0.3
TEST(MoveOutCertificateTest, CodesOfOneCertificateReadBackAsOne) {
  std::vector<ResidentRecord> movers;
  for (const char* given : {"一郎", "花子", "次郎", "三郎", "松子"})
    movers.push_back(Person(given, "カナ", "1980-04-01", Sex::kMale, "子"));
  const std::string text = MoveOutData(movers, "990027", "架空村", CalendarDate{2026, 11, 20});
  EXPECT_EQ(SplitMoveOutData(MoveOutData({movers[0]}, "990027", "架空村", {2026, 11, 20})),
            std::vector<std::string>{MoveOutData({movers[0]}, "990027", "架空村", {2026, 11, 20})});
  const std::vector<std::string> codes = SplitMoveOutData(text);
  ASSERT_EQ(codes.size(), 5u);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_NE(codes[i].find("part=" + std::to_string(i + 1) + "/5\n"), std::string::npos);
    EXPECT_NE(codes[i].find("set="), std::string::npos);
  }
  std::string all, reversed, spaced;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    all += codes[i];
    reversed += codes[codes.size() - 1 - i];
    spaced += codes[i] + "\n\n";
  }
  // Another certificate of the same day and municipality, for other movers.
  std::vector<ResidentRecord> others = movers;
  others[1].given_name = "梅子";
  const std::vector<std::string> other =
      SplitMoveOutData(MoveOutData(others, "990027", "架空村", CalendarDate{2026, 11, 20}));
  const std::vector<std::string> next_day =
      SplitMoveOutData(MoveOutData(movers, "990027", "架空村", CalendarDate{2026, 11, 21}));

  struct Row {
    std::string text;
    std::string refusal;  // empty: reads as the five movers
  };
  const Row kRows[] = {
      {all, ""},
      {reversed, ""},
      {spaced, ""},
      {codes[0] + codes[2] + codes[3] + codes[4], "part 2 of 5 missing"},
      {all + codes[3], "part 4 read twice"},
      {codes[0] + other[1] + codes[2] + codes[3] + codes[4], "part 2 of another certificate"},
      {codes[0] + next_day[1], "part 2 of another certificate"},
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
  // The digest binds the parts to what they hold: a part whose mover was altered is refused.
  std::string altered = all;
  altered.replace(altered.find("name=架空　花子"), std::string("name=架空　花子").size(),
                  "name=架空　梅子");
  auto tampered = DecodeMoveOutData(altered);
  ASSERT_FALSE(tampered);
  EXPECT_EQ(tampered.error().detail, "parts that do not make up their certificate");
  for (const char* part : {"0/5", "6/5", "1/0", "a/5", "1/1000", "/5", "1/"}) {
    std::string bad = codes[0];
    bad.replace(bad.find("part=1/5"), 8, std::string("part=") + part);
    EXPECT_FALSE(DecodeMoveOutData(bad)) << part;
  }
  // However many the movers (a 施設's 転出 of 120 people), the parts read back whole.
  const std::vector<ResidentRecord> many(120, movers[0]);
  std::string every;
  for (const std::string& code :
       SplitMoveOutData(MoveOutData(many, "990027", "架空村", CalendarDate{2026, 11, 20})))
    every += code;
  auto all_read = DecodeMoveOutData(every);
  ASSERT_TRUE(all_read) << all_read.error().detail;
  EXPECT_EQ(all_read->persons.size(), 120u);
  // Each 個人票 is a certificate of its own: its code reads alone, with its one mover.
  const std::vector<std::string> alone = SplitMoveOutData(text, true);
  ASSERT_EQ(alone.size(), 5u);
  for (std::size_t i = 0; i < alone.size(); ++i) {
    auto read = DecodeMoveOutData(alone[i]);
    ASSERT_TRUE(read) << read.error().detail;
    ASSERT_EQ(read->persons.size(), 1u);
    EXPECT_EQ(read->persons[0].given_name, movers[i].given_name);
  }
}

}  // namespace
}  // namespace jrr
