// SPDX-License-Identifier: Apache-2.0
//
// PackResidentRecord / UnpackResidentRecord: what the in-memory register (the sample town's bulk
// path) holds each person as must give back the very record it was given, every item included.
#include "jrr/sample/packed_resident_record.h"

#include <gtest/gtest.h>

#include <string>

namespace jrr {
namespace {

Address FullAddress(const std::string& tag) {
  return {"99000100" + tag, "架空県架空市本町" + tag, "1番地2", "𠮷野ハイツ101号", "9990001", true};
}

RecordedDate UncertainDate() {
  RecordedDate d;
  d.state = DateState::kUncertain;
  d.form = UncertainForm::kRangeMonthDay;
  d.era = 4;
  d.era_year = 3;
  d.year = 2021;
  d.month = 5;
  d.day = 1;
  d.month2 = 6;
  d.day2 = 2;
  d.season = Season::kAutumn;
  d.ten_days = TenDays::kLate;
  return d;
}

// Every item set to something other than its default, so an item the packer skipped or read
// into the wrong place makes the records differ.
ResidentRecord EveryItemSet() {
  ResidentRecord r;
  r.addressee_number = "000000000012345";
  r.history_number = 7;
  r.household_number = "000000000000042";
  r.kind = ResidentKind::kForeign;
  r.status = ResidentStatus::kRemoved;
  r.family_name = "髙﨑";
  r.given_name = std::string("葛\xF3\xA0\x84\x81") + "子";  // 葛 with an IVS selector
  r.family_kana = "タカサキ";
  r.given_kana = "カツコ";
  r.kana_confirmed = true;
  r.former_surname = "齋藤";
  r.former_surname_kana = "サイトウ";
  r.common_name = "通称名";
  r.common_name_kana = "ツウショウメイ";
  r.birth_date = UncertainDate();
  r.sex = Sex::kFemale;
  r.relationship.kind = RelationshipKind::kKin;
  r.relationship.chain = {KinTerm::kChild, KinTerm::kWife, KinTerm::kYoungerSister};
  r.relationship.alert_rule = "relationship.folded_to_related";
  r.domicile = {Domicile::State::kUnknown, "架空県架空市本町1番地", "髙﨑太郎"};
  r.resident_since = ExactRecordedDate({2001, 2, 3});
  r.address = FullAddress("1");
  r.address_since = ExactRecordedDate({2002, 3, 4});
  r.notification_date = CalendarDate{2002, 3, 10};
  r.previous_address = FullAddress("2");
  r.last_registered_address = "架空県架空市旧町3番地";
  r.individual_number = "123456789018";
  r.resident_record_code = "12345678901";
  r.on_electoral_roll = true;
  r.national_health = {true, CalendarDate{2003, 1, 1}, CalendarDate{2004, 1, 1}};
  r.late_elderly = {true, CalendarDate{2005, 1, 1}, std::nullopt};
  r.long_term_care = {true, std::nullopt, CalendarDate{2006, 1, 1}};
  r.pension = {true,
               "1234-567890",
               "1号",
               CalendarDate{2007, 1, 1},
               CalendarDate{2008, 1, 1},
               CalendarDate{2009, 1, 1}};
  r.child_allowance_start = "2010-04";
  r.child_allowance_end = "2025-03";
  r.adult_ward = true;
  r.foreign.alphabet_name = "SMITH JANE";
  r.foreign.nationality = "米国";
  r.foreign.foreign_resident_since = ExactRecordedDate({2012, 7, 9});
  r.foreign.registered_under_former_law = UncertainDate();
  r.foreign.category = ForeignCategory::kProvisionalStay;
  r.foreign.status_of_residence = "技術・人文知識・国際業務";
  r.foreign.period_of_stay = "3年";
  r.foreign.period_expiry = CalendarDate{2027, 7, 8};
  r.foreign.residence_card_number = "AB12345678CD";
  r.foreign.special_permanent_certificate_number = "EF12345678GH";
  r.foreign.landing_period = "6月";
  r.foreign.provisional_stay_period = "3月";
  RemovalItems removal;
  removal.reason = ChangeReason::kDomesticMoveOut;
  removal.effective = ExactRecordedDate({2026, 1, 31});
  removal.planned_destination = FullAddress("3");
  removal.confirmed_destination = FullAddress("4");
  removal.move_in_notice_date = CalendarDate{2026, 2, 14};
  removal.confirmed_move_out_date = CalendarDate{2026, 2, 1};
  r.removal = removal;
  return r;
}

TEST(PackedResidentRecord, GivesBackEveryItem) {
  const ResidentRecord empty;
  const ResidentRecord full = EveryItemSet();
  // A few items alone, so that one item packed in another's place cannot pass unseen.
  ResidentRecord only_removal;
  only_removal.removal = full.removal;
  ResidentRecord only_foreign;
  only_foreign.foreign = full.foreign;
  ResidentRecord era_not_stated = full;
  era_not_stated.birth_date.era = -1;  // a negative number: 西暦 as written
  ResidentRecord long_text;
  long_text.address.katagaki =
      std::string(300, 'x') + std::string("\0NUL", 4);  // past one byte of length
  long_text.history_number = 1 << 30;
  for (const ResidentRecord& r :
       {empty, full, only_removal, only_foreign, era_not_stated, long_text}) {
    const std::string packed = PackResidentRecord(r);
    EXPECT_EQ(UnpackResidentRecord(packed), r);
  }
}

TEST(PackedResidentRecord, IsMuchSmallerThanTheRecord) {
  // Why it exists: the in-memory register holds a million of these.
  ResidentRecord r;
  r.addressee_number = "000000000012345";
  r.household_number = "000000000000042";
  r.family_name = "山田";
  r.given_name = "花子";
  r.family_kana = "ヤマダ";
  r.given_kana = "ハナコ";
  r.birth_date = ExactRecordedDate({1990, 4, 1});
  r.address = FullAddress("1");
  r.individual_number = "123456789018";
  r.resident_record_code = "12345678901";
  const std::string packed = PackResidentRecord(r);
  EXPECT_LT(packed.size(), 400u);
  EXPECT_LT(packed.size() * 4, sizeof(ResidentRecord));
  EXPECT_EQ(UnpackResidentRecord(packed), r);
}

}  // namespace
}  // namespace jrr
