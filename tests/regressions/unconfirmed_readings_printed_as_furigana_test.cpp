// SPDX-License-Identifier: Apache-2.0
//
// Defects (certificate review, issue 27; LAW-furigana/1 and /4): the copies printed every reading in
// a row labelled 「フリガナ」 — a Japanese resident's reading the 戸籍 had not confirmed, and a foreign
// resident's, who has no 振り仮名 — as if it were the statutory 氏名の振り仮名, and a foreign
// resident's reading could be marked confirmed. And a foreign resident's 通称, a 記載事項, was
// masked unless asked for, the mask showing who had one.
#include <gtest/gtest.h>

#include <fstream>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

// 確認 一子 (0000000019, reading confirmed), 未確 二子 (0000000027, not confirmed), and SMITH JOHN
// (0000000035), a foreign resident with a 通称.
const char* kThreeReadings =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"確認","given_name":"一子","family_kana":"カクニン","given_kana":"イチコ",
              "kana_confirmed":true,"birth_date":"昭和55年4月1日","sex":"female","relationship":"世帯主",
              "domicile":{"place":"架空県架空市本町1番地","head_of_family":"確認　一子"}},
             {"family_name":"未確","given_name":"二子","family_kana":"ミカク","given_kana":"ニコ",
              "birth_date":"昭和57年6月15日","sex":"female","relationship":"同居人",
              "domicile":{"place":"架空県架空市本町2番地","head_of_family":"未確　二子"}},
             {"kind":"foreign","family_name":"","given_name":"","family_kana":"スミス",
              "given_kana":"ジョン","birth_date":"1985-03-15","sex":"male","relationship":"同居人",
              "foreign":{"alphabet_name":"SMITH JOHN","nationality":"アメリカ合衆国",
                "category":"mid_to_long_term","status_of_residence":"技術・人文知識・国際業務",
                "period_of_stay":"3年","period_expiry":"2029-08-31",
                "residence_card_number":"AB12345678CD","foreign_resident_since":"2026-10-01"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";

const char* kCommonName =
    R"({"type":"name_item","kind":"common_name_entry","event_date":"2026-11-01",
  "notification_date":"2026-11-01","addressee_number":"0000000035","name":"鈴木　次郎",
  "kana":"スズキ　ジロウ"})";

class ReadingsOnTheCopy : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    for (const char* change : {kThreeReadings, kCommonName}) {
      auto applied = Apply(change);
      ASSERT_EQ(applied.status, 0) << applied.err;
    }
    Serve();
    ReadyUser("madoguchi", "view,change,issue");
    clerk_ = LogIn("madoguchi");
  }

  std::string Copy(const std::string& atena) {
    return IssuedText(R"({"kind":"juminhyo","person":")" + atena + R"("})", clerk_);
  }

  Login clerk_;
};

// LAW: 住基法第7条
// REQ: JK-5.3
TEST_F(ReadingsOnTheCopy, OnlyAReadingTheKosekiConfirmedIsPrintedAsTheFurigana) {
  const std::string confirmed = Copy("0000000019");
  EXPECT_NE(confirmed.find("氏名の振り仮名 カクニン イチコ"), std::string::npos) << confirmed;
  const std::string unconfirmed = Copy("0000000027");
  EXPECT_NE(unconfirmed.find("未確 二子"), std::string::npos) << unconfirmed;
  EXPECT_EQ(unconfirmed.find("ミカク"), std::string::npos) << unconfirmed;
}

// LAW: 住基法第30条の45
TEST_F(ReadingsOnTheCopy, AForeignResidentHasNoFurigana) {
  const std::string copy = Copy("0000000035");
  EXPECT_NE(copy.find("SMITH JOHN"), std::string::npos) << copy;
  EXPECT_EQ(copy.find("スミス ジョン"), std::string::npos) << copy;
  auto marked = Post("/api/v1/changes",
                     R"({"type":"correction","reason":"correction_ex_officio",
      "event_date":"2026-11-05","addressee_number":"0000000035","fields":{"kana_confirmed":true}})",
                     clerk_);
  EXPECT_EQ(marked.status, 422) << marked.body;
  EXPECT_EQ(JsonField(marked.body, "rule_id"), "record.foreign_furigana") << marked.body;
}

// REQ: JK-5.1
TEST_F(ReadingsOnTheCopy, TheCommonNameIsPrintedWithoutBeingAskedFor) {
  const std::string copy = Copy("0000000035");
  EXPECT_NE(copy.find("通称 鈴木 次郎"), std::string::npos) << copy;
  EXPECT_EQ(copy.find("＊＊＊＊＊＊ 住所を定めた年月日"), std::string::npos) << copy;
}

// A correction of a confirmed reading kept it confirmed, so the new, unchecked reading printed as
// the 氏名の振り仮名 (outsider review).
// LAW: 住基法第7条
TEST_F(ReadingsOnTheCopy, ACorrectedReadingIsNoLongerTheConfirmedOne) {
  auto corrected = Post("/api/v1/changes", R"({"type":"correction","reason":"minor_correction",
      "event_date":"2026-11-05","addressee_number":"0000000019","fields":{"given_kana":"イチコー"}})",
                        clerk_);
  ASSERT_EQ(corrected.status, 201) << corrected.body;
  const std::string copy = Copy("0000000019");
  EXPECT_EQ(copy.find("イチコー"), std::string::npos) << copy;
  EXPECT_EQ(copy.find("イチコ"), std::string::npos) << copy;
}

// The 個人票's history printed 「通称の記載」 rows without being asked for the 通称の記載及び削除に
// 関する事項, telling a third party that a 通称 had been recorded (outsider review).
// REQ: JK-5.1
TEST_F(ReadingsOnTheCopy, TheCommonNameHistoryIsPrintedOnlyWhenAskedFor) {
  const std::string without = IssuedText(
      R"({"kind":"juminhyo","person":"0000000035","individual":true,"history":true})", clerk_);
  EXPECT_EQ(without.find("通称の記載"), std::string::npos) << without;
  const std::string with = IssuedText(
      R"({"kind":"juminhyo","person":"0000000035","individual":true,"history":true,"with":["tsusho"]})",
      clerk_);
  EXPECT_NE(with.find("通称の記載"), std::string::npos) << with;
}

}  // namespace
}  // namespace jrr::testing
