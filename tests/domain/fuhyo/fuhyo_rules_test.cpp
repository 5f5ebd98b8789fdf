// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票: routing a 本籍 to its municipality, when a 住所地 owes the 本籍地 a notice, and the
// notice's text form.
#include <gtest/gtest.h>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/records/change_reason.h"

namespace jrr {
namespace {

// LAW: 住基法第19条
TEST(FuhyoRules, MunicipalityOfPlace) {
  struct Row {
    const char* place;
    const char* municipality;
  };
  const Row kRows[] = {
      {"大阪府大阪市北区中之島一丁目15番地", "大阪府大阪市"},
      {"北海道虻田郡倶知安町北1条", "北海道虻田郡倶知安町"},
      {"東京都千代田区霞が関二丁目1番地", "東京都千代田区"},
      {"東京都町田市森野二丁目", "東京都町田市"},
      {"千葉県市川市八幡", "千葉県市川市"},
      {"新潟県村上市三之町", "新潟県村上市"},
      {"架空県架空村中央1番地", "架空県架空村"},
      {"中央1番地", ""},
  };
  for (const Row& row : kRows)
    EXPECT_EQ(MunicipalityOfPlace(row.place), row.municipality) << row.place;
}

ResidentRecord Resident() {
  ResidentRecord r;
  r.addressee_number = "0000000019";
  r.family_name = "架空";
  r.given_name = "一郎";
  r.birth_date = *ParseDate("1980-04-01");
  r.domicile = Domicile{Domicile::State::kRecorded, "架空県架空村中央1番地", "架空　一郎"};
  r.address = Address{"", "架空県架空市桜町一丁目", "1番2号", "", "", false};
  r.address_since = *ParseDate("2026-10-01");
  r.resident_record_code = "12345678901";
  return r;
}

// LAW: 住基法第19条, 住基法第17条
TEST(FuhyoRules, WhenANoticeIsOwed) {
  const ResidentRecord before = Resident();
  EXPECT_TRUE(NoticeFor(std::nullopt, before, CalendarDate{2026, 10, 2}));  // 転入
  EXPECT_FALSE(
      NoticeFor(before, before, CalendarDate{2026, 10, 2}));  // nothing the 附票 records changed
  ResidentRecord moved = before;
  moved.address.banchi = "5番6号";
  moved.address_since = *ParseDate("2026-11-20");
  auto notice = NoticeFor(before, moved, CalendarDate{2026, 11, 21});
  ASSERT_TRUE(notice);
  EXPECT_EQ(notice->address, "架空県架空市桜町一丁目5番6号");
  EXPECT_EQ(notice->since, (CalendarDate{2026, 11, 20}));
  // 国外転出: the marker and the planned departure date.
  ResidentRecord abroad = before;
  abroad.status = ResidentStatus::kRemoved;
  abroad.removal =
      RemovalItems{ChangeReason::kMoveOutAbroad, *ParseDate("2026-12-24"), {}, {}, {}, {}};
  notice = NoticeFor(before, abroad, CalendarDate{2026, 11, 21});
  ASSERT_TRUE(notice);
  EXPECT_TRUE(notice->abroad);
  EXPECT_EQ(notice->since, (CalendarDate{2026, 12, 24}));
  // A domestic 転出 is told by the next 住所地; no 本籍 (なし, foreign residents): none.
  ResidentRecord out = abroad;
  out.removal->reason = ChangeReason::kDomesticMoveOut;
  EXPECT_FALSE(NoticeFor(before, out, CalendarDate{2026, 11, 21}));
  ResidentRecord none = before;
  none.domicile = Domicile{Domicile::State::kNone, "", ""};
  EXPECT_FALSE(NoticeFor(std::nullopt, none, CalendarDate{2026, 10, 2}));
}

// LAW: 住基法第19条
TEST(FuhyoRules, NoticeTextRoundTripsAndRefusesGarbage) {
  FuhyoNotice n = *NoticeFor(std::nullopt, Resident(), CalendarDate{2026, 10, 2});
  n.notice_id = "架空県架空市-1";
  n.from_municipality = "架空県架空市";
  n.to_municipality = "架空県架空村";
  auto back = DecodeFuhyoNotice(EncodeFuhyoNotice(n));
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->koseki, n.koseki);
  EXPECT_EQ(back->address, n.address);
  EXPECT_EQ(back->birth_date, n.birth_date);
  EXPECT_EQ(back->resident_record_code, n.resident_record_code);
  for (const char* garbage :
       {"", "FUHYO-NOTICE/2\nnotice_id=x\n", "FUHYO-NOTICE/1\nnotice_id=x\n", "\xff\xfe"}) {
    EXPECT_EQ(DecodeFuhyoNotice(garbage).error().rule_id, "fuhyo.notice_malformed") << garbage;
  }
  // The statutory 振り仮名 travels when the 住民票 has it, and must be katakana.
  n.family_kana = "カクウ";
  n.given_kana = "イチロウ";
  back = DecodeFuhyoNotice(EncodeFuhyoNotice(n));
  ASSERT_TRUE(back);
  EXPECT_EQ(back->given_kana, "イチロウ");
  std::string hiragana = EncodeFuhyoNotice(n);
  hiragana.replace(hiragana.find("イチロウ"), std::string("イチロウ").size(), "いちろう");
  EXPECT_EQ(DecodeFuhyoNotice(hiragana).error().rule_id, "fuhyo.notice_malformed");
}

// LAW: 住基法第19条第2項
TEST(FuhyoRules, ReplyTextRoundTrips) {
  const FuhyoReply reply{"架空県架空村-3",
                         "架空県架空市-99",
                         "架空県架空村",
                         "架空県架空市",
                         "fuhyo.person_mismatch",
                         "住基法第19条第2項の通知: 一致しません",
                         CalendarDate{2026, 11, 28}};
  const std::string text = EncodeFuhyoReply(reply);
  EXPECT_TRUE(IsFuhyoReply(text));
  EXPECT_FALSE(IsFuhyoReply("FUHYO-NOTICE/1\n"));
  auto back = DecodeFuhyoReply(text);
  ASSERT_TRUE(back) << back.error().detail;
  EXPECT_EQ(back->in_reply_to, "架空県架空市-99");
  EXPECT_EQ(back->rule_id, "fuhyo.person_mismatch");
  EXPECT_EQ(back->message, reply.message);
  EXPECT_EQ(back->sent_on, reply.sent_on);
  EXPECT_EQ(DecodeFuhyoReply("FUHYO-REPLY/1\nreply_id=x\n").error().rule_id,
            "fuhyo.notice_malformed");
}

}  // namespace
}  // namespace jrr
