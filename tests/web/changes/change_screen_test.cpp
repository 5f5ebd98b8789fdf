// SPDX-License-Identifier: Apache-2.0
//
// The 異動 form's presenters (web/changes/change_screen.h): the form as a clerk finds it, checked
// without a server.
#include "jrr/web/changes/change_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateText;
using kainjow::mustache::data;

// The form opened from a person starts from their record: the 住所 and 本籍 as 変更前, the name
// for a 修正, and a foreign resident's dates in 西暦 (JK-1.1.9).
// REQ: JK-4.0.6, JK-1.1.9
TEST(ChangeScreen, TheFormStartsFromThePersonsRecord) {
  ResidentRecord r;
  r.addressee_number = "0000000019";
  r.household_number = "0000000027";
  r.family_name = "架空";
  r.given_name = "一郎";
  r.address.text = "架空県架空市桜町一丁目";
  r.address.banchi = "1番2号";
  r.domicile = {Domicile::State::kRecorded, "架空県架空市本町1番地", "架空　一郎"};
  r.foreign.foreign_resident_since = ExactRecordedDate({2020, 4, 1});
  data page;
  PresentRecordPrefill(page, r);
  const std::pair<const char*, const char*> expected[] = {
      {"v_addressee_number", "0000000019"},
      {"v_before_text", "架空県架空市桜町一丁目"},
      {"v_before_banchi", "1番2号"},
      {"v_before", "架空県架空市本町1番地"},
      {"v_fields_family_name", "架空"},
      {"v_child_domicile_head_of_family", "架空　一郎"},
      {"v_fields_foreign_foreign_resident_since", "2020年4月1日"},
  };
  for (const auto& [key, value] : expected) EXPECT_EQ(TemplateText(page, key), value) << key;
  EXPECT_EQ(page.get("v_destination_text"), nullptr) << "no 転出先 for a resident";
}

// The household to tick: the 異動者 ticked, the 続柄 entered kept, a withheld member only marked.
// REQ: JK-4.0.9, JK-3.1
TEST(ChangeScreen, MoversAreTickedAndWithheldMembersOnlyMarked) {
  SearchHit head, withheld;
  head.record.addressee_number = "0000000019";
  head.record.family_name = "架空";
  head.record.given_name = "一郎";
  withheld.record.addressee_number = "0000000027";
  withheld.withheld = true;
  withheld.protection.marker = "照会抑止";
  const data list = PresentMovers({head, withheld}, {"0000000019"}, {{"0000000019", "世帯主"}});
  const auto& rows = list.list_value();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_TRUE(rows[0].get("checked")->is_true());
  EXPECT_EQ(TemplateText(rows[0], "rel"), "世帯主");
  EXPECT_EQ(rows[1].get("checked"), nullptr);
  EXPECT_EQ(TemplateText(rows[1], "name"), "照会抑止");
  EXPECT_EQ(TemplateText(rows[1], "relationship"), "");
}

// 転入: a block a person as entered, numbered from 1; one empty block when none was.
// REQ: JK-4.0.10
TEST(ChangeScreen, NewcomersAreNumberedBlocks) {
  for (const Fields& fields :
       {Fields{}, Fields{{"persons.0.family_name", "架空"}, {"persons.1.family_name", "隣野"}}}) {
    data page;
    PresentNewcomers(page, fields);
    const auto& blocks = page.get("persons")->list_value();
    ASSERT_EQ(blocks.size(), fields.empty() ? 1u : 2u);
    EXPECT_EQ(TemplateText(blocks.back(), "number"), fields.empty() ? "1" : "2");
    if (!fields.empty()) {
      EXPECT_EQ(TemplateText(blocks.back(), "family_name"), "隣野");
    }
  }
  // A field name that names no person (a typed or forged post) is left out, not a failure.
  for (const char* odd : {"persons.x.family_name", "persons..family_name", "persons.123.a"}) {
    data page;
    PresentNewcomers(page, Fields{{odd, "架空"}});
    EXPECT_EQ(page.get("persons")->list_value().size(), 1u) << odd;
  }
  EXPECT_EQ(ValueKey("persons.0.domicile.place"), "v_persons_0_domicile_place");
  EXPECT_EQ(ValueKey("movers:list"), "v_movers_list");
}

}  // namespace
}  // namespace jrr::web
