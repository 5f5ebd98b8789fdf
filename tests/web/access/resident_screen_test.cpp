// SPDX-License-Identifier: Apache-2.0
//
// The resident view's presenters (web/access/resident_screen.h): what a clerk sees of a person
// for each permission they hold, checked without a server.
#include "jrr/web/access/resident_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateText;
using kainjow::mustache::data;

PersonView Foreigner() {
  PersonView view;
  ResidentRecord& r = view.record;
  r.addressee_number = "0000000019";
  r.household_number = "0000000027";
  r.kind = ResidentKind::kForeign;
  r.family_name = "ＳＭＩＴＨ";
  r.given_name = "ＪＯＨＮ";
  r.sex = Sex::kMale;
  r.birth_date = ExactRecordedDate({1990, 1, 2});
  r.resident_record_code = "12345678901";
  r.foreign.alphabet_name = "SMITH JOHN";
  r.foreign.nationality = "アメリカ合衆国";
  r.foreign.category = ForeignCategory::kMidToLongTerm;
  r.foreign.status_of_residence = "技術・人文知識・国際業務";
  r.foreign.residence_card_number = "AB12345678CD";
  return view;
}

Viewer ViewerWith(std::set<Permission> permissions) {
  return Viewer{"clerk01", "本庁", "T01", std::move(permissions), {2026, 12, 1}, 0};
}

// JK-10.4: an item the clerk may not see says so; one they may see is shown.
// REQ: JK-10.4, JK-1.1.9
TEST(ResidentScreen, HiddenItemsSaySoAndSeenOnesAreShown) {
  const std::string hidden = "（表示の権限がありません）";
  struct Case {
    std::set<Permission> permissions;
    std::string code, status, card;
  } cases[] = {
      {{Permission::kView}, hidden, "", ""},
      {{Permission::kView, Permission::kSeeResidentRecordCode, Permission::kSeeResidenceStatus},
       "12345678901",
       "技術・人文知識・国際業務",
       "AB12345678CD"},
  };
  for (const Case& c : cases) {
    const data person = PresentPerson(Foreigner(), ViewerWith(c.permissions));
    EXPECT_EQ(TemplateText(person, "jumin_code"), c.code);
    const data* foreign = person.get("foreign");
    ASSERT_NE(foreign, nullptr);
    EXPECT_EQ(TemplateText(*foreign, "status"), c.status);
    EXPECT_EQ(TemplateText(*foreign, "card"), c.card);
    EXPECT_EQ(TemplateText(*foreign, "hidden"), c.status.empty() ? hidden : "");
    EXPECT_EQ(TemplateText(*foreign, "nationality"), "アメリカ合衆国");
    EXPECT_EQ(person.get("domicile"), nullptr) << "a foreign resident has no 本籍 item";
  }
}

// A household member withheld from the clerk shows only the marker; a 除票 member says why.
// REQ: JK-2.2.1, JK-3.1
TEST(ResidentScreen, WithheldMembersShowOnlyTheMarker) {
  SearchHit self, withheld, removed;
  self.record.addressee_number = "0000000019";
  self.record.family_name = "架空";
  self.record.given_name = "一郎";
  withheld.record.addressee_number = "0000000027";
  withheld.withheld = true;
  withheld.protection.marker = "照会抑止";
  removed.record.addressee_number = "0000000035";
  removed.record.family_name = "架空";
  removed.record.given_name = "次郎";
  removed.record.status = ResidentStatus::kRemoved;
  removed.record.removal = RemovalItems{};
  removed.record.removal->reason = ChangeReason::kDeath;
  removed.record.removal->effective = ExactRecordedDate({2026, 11, 1});
  data person;
  PresentHouseholdMembers(person, {self, withheld, removed}, "0000000019");
  const auto& rows = person.get("members")->list_value();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_TRUE(rows[0].get("self")->is_true());
  EXPECT_EQ(TemplateText(rows[1], "name"), "照会抑止");
  EXPECT_EQ(TemplateText(rows[1], "relationship"), "");
  EXPECT_NE(TemplateText(rows[2], "member_removed").find("除票・"), std::string::npos);
}

// The 統合記載欄 in the order it was given, each line under the name of its kind.
// REQ: JK-1.1.14
TEST(ResidentScreen, RemarksKeepTheirOrderAndSayTheirKind) {
  data person;
  PresentRemarks(person, {{'A', "令和8年11月1日　国内転入"}, {'B', "未届転入。"}, {'C', "備考一"}});
  const auto& rows = person.get("remarks")->list_value();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(TemplateText(rows[0], "kind"), "異動");
  EXPECT_EQ(TemplateText(rows[1], "kind"), "留意事項");
  EXPECT_EQ(TemplateText(rows[2], "kind"), "備考");
  EXPECT_EQ(TemplateText(rows[1], "text"), "未届転入。");
  EXPECT_TRUE(person.get("has_remarks")->is_true());
  data none;
  PresentRemarks(none, {});
  EXPECT_FALSE(none.get("has_remarks")->is_true());
}

}  // namespace
}  // namespace jrr::web
