// SPDX-License-Identifier: Apache-2.0
//
// The item groups the 異動の取消し puts back (JK-4.6.0.1) cover every member of ResidentRecord but
// the keys: a member added to the record and left out of every group would survive a 取消し.
#include "jrr/domain/records/record_items.h"

#include <gtest/gtest.h>

#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

CalendarDate Iso(const char* text) { return *ParseIsoDate(text); }
RecordedDate Recorded(const char* text) { return *ParseDate(text); }

// Every member but the keys differs from a default-made record.
ResidentRecord EveryItemSet() {
  ResidentRecord r;
  r.addressee_number = "0000000019";
  r.history_number = 4;
  r.household_number = "0000000019";
  r.kind = ResidentKind::kForeign;
  r.status = ResidentStatus::kRemoved;
  r.family_name = "架空";
  r.given_name = "一郎";
  r.family_kana = "カクウ";
  r.given_kana = "イチロウ";
  r.kana_confirmed = true;
  r.former_surname = "旧姓";
  r.former_surname_kana = "キュウセイ";
  r.common_name = "通称";
  r.common_name_kana = "ツウショウ";
  r.birth_date = Recorded("1980-04-01");
  r.sex = Sex::kFemale;
  r.relationship.kind = RelationshipKind::kCohabitant;
  r.domicile.place = "架空県架空市本町1番地";
  r.resident_since = Recorded("2026-10-01");
  r.address.text = "架空県架空市桜町一丁目";
  r.address_since = Recorded("2026-10-01");
  r.notification_date = Iso("2026-10-02");
  r.previous_address.text = "東京都千代田区霞が関二丁目";
  r.last_registered_address = "東京都千代田区霞が関二丁目1番2号";
  r.individual_number = "123456789018";
  r.resident_record_code = "12345678903";
  r.on_electoral_roll = true;
  r.national_health.covered = true;
  r.late_elderly.covered = true;
  r.long_term_care.covered = true;
  r.pension.covered = true;
  r.child_allowance_start = "2026-10";
  r.child_allowance_end = "2027-03";
  r.adult_ward = true;
  r.foreign.alphabet_name = "SMITH JOHN";
  r.removal = RemovalItems{};
  return r;
}

// REQ: JK-4.6.0.1
TEST(RecordItems, CopyingEveryGroupCopiesTheWholeRecordButItsKeys) {
  const ResidentRecord from = EveryItemSet();
  ResidentRecord to;
  to.addressee_number = from.addressee_number;
  to.history_number = from.history_number;
  ASSERT_NE(to, from);
  for (const RecordItem& item : RecordItems()) {
    EXPECT_FALSE(item.same(to, from)) << item.name_ja << ": the test record leaves it unset";
    item.copy(to, from);
    EXPECT_TRUE(item.same(to, from)) << item.name_ja;
  }
  EXPECT_EQ(to, from) << "a member of ResidentRecord is in no group of RecordItems()";
}

// REQ: JK-4.6.0.1
TEST(RecordItems, EachMemberIsInOneGroupOnly) {
  const ResidentRecord from = EveryItemSet();
  for (const RecordItem& item : RecordItems()) {
    ResidentRecord to;
    item.copy(to, from);
    for (const RecordItem& other : RecordItems()) {
      if (other.name_ja == item.name_ja) continue;
      EXPECT_FALSE(other.same(to, from)) << item.name_ja << " also sets part of " << other.name_ja;
    }
  }
}

}  // namespace
}  // namespace jrr
