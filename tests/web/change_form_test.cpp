// SPDX-License-Identifier: Apache-2.0
//
// The 異動 screens post the API's JSON names; the form → JSON step builds the same command the API
// would decode, and a bad field is refused by the one decoder.
#include <gtest/gtest.h>

#include "jrr/web/change_form.h"
#include "jrr/web/change_json.h"

namespace jrr::web {
namespace {

// REQ: JK-4.0.9
TEST(ChangeFormTest, FieldsBecomeTheApiJson) {
  struct Row {
    const char* name;
    std::vector<std::pair<std::string, std::string>> fields;
    const char* type;  // the decoded command's type, or nullptr when decoding must refuse
    const char* rule;  // the refusal
  };
  const Row kRows[] = {
      {"転居 of two checked members",
       {{"csrf", "x"}, {"type", "within_move"}, {"event_date", "令和8年11月20日"}, {"notification_date", ""},
        {"movers:list", ""}, {"movers:list", "0000000019"}, {"movers:list", "0000000027"},
        {"new_address.text", "架空県架空市桜町二丁目"}, {"new_address.banchi", "5番6号"}, {"new_address.katagaki", ""},
        {"mode", "check"}},
       "within_move", nullptr},
      {"転出 abroad",
       {{"type", "move_out"}, {"event_date", "2026-12-01"}, {"movers:list", "0000000019"},
        {"destination.text", "英国"}, {"destination.abroad:bool", "1"}},
       "move_out", nullptr},
      {"転入 of one person, nested domicile",
       {{"type", "move_in"}, {"event_date", "2026-11-01"}, {"persons.0.family_name", "架空"},
        {"persons.0.given_name", "三郎"}, {"persons.0.birth_date", "平成2年1月1日"}, {"persons.0.sex", "男"},
        {"persons.0.relationship", "世帯主"}, {"persons.0.domicile.place", "架空県架空市本町1番地"},
        {"persons.0.domicile.head_of_family", "架空　三郎"}, {"previous_address.text", "東京都千代田区霞が関二丁目"},
        {"new_address.text", "架空県架空市桜町一丁目"}, {"new_address.banchi", "3番"}},
       "move_in", nullptr},
      {"an acknowledged アラート", {{"type", "death"}, {"event_date", "2026-11-01"}, {"addressee_number", "0000000019"},
                                    {"acknowledged_alerts:list", "change.head_leaving_household"}},
       "death", nullptr},
      {"a field the type does not know",
       {{"type", "death"}, {"event_date", "2026-11-01"}, {"addressee_number", "1"}, {"new_head", "2"}}, nullptr,
       "json.unknown_field"},
      {"no date", {{"type", "death"}, {"addressee_number", "1"}}, nullptr, "json.missing_field"},
      {"異動の取消し with a numeric change id",
       {{"type", "cancellation"}, {"event_date", "2026-11-01"}, {"change_id:int", "12"}, {"persons:list", "0000000019"}},
       "cancellation", nullptr},
      {"世帯合併", {{"type", "household_join"}, {"event_date", "2026-11-01"}, {"movers:list", "0000000027"},
                    {"join_household", "0000000035"}, {"relationships.0000000027", "妻"}},
       "household_join", nullptr},
  };
  for (const Row& row : kRows) {
    auto json = ChangeJsonFromForm(row.fields);
    ASSERT_TRUE(json) << row.name;
    auto command = DecodeChangeCommand(*json);
    if (row.type != nullptr) {
      ASSERT_TRUE(command) << row.name << ": " << command.error().rule_id << " " << command.error().detail << "\n" << *json;
      EXPECT_EQ(CommandType(*command), row.type) << row.name;
    } else {
      ASSERT_FALSE(command) << row.name;
      EXPECT_EQ(command.error().rule_id, row.rule) << row.name;
    }
  }
  // The movers arrive as a list, in the order ticked; the empty marker field adds nothing.
  auto json = ChangeJsonFromForm(kRows[0].fields);
  auto command = DecodeChangeCommand(*json);
  const auto& move = std::get<WithinMoveCommand>(*command);
  EXPECT_EQ(move.movers, (std::vector<std::string>{"0000000019", "0000000027"}));
  EXPECT_EQ(move.new_address.banchi, "5番6号");
  EXPECT_TRUE(move.new_address.katagaki.empty());
  EXPECT_TRUE(std::get<MoveOutCommand>(*DecodeChangeCommand(*ChangeJsonFromForm(kRows[1].fields))).destination.abroad);
}

// REQ: JK-4.0.9
TEST(ChangeFormTest, BadNamesAreRefused) {
  for (const char* name : {"a..b", ".a", "a.", "a:float", "persons.0:bool"}) {
    auto json = ChangeJsonFromForm({{"type", "death"}, {name, "1"}});
    EXPECT_FALSE(json && DecodeChangeCommand(*json)) << name;
  }
  EXPECT_FALSE(ChangeJsonFromForm({{"change_id:int", "12a"}})) << "an :int that is not a number";
  auto clash = ChangeJsonFromForm({{"new_address", "x"}, {"new_address.text", "y"}});
  ASSERT_FALSE(clash);
  EXPECT_EQ(clash.error().rule_id, "change_form.bad_name");
}

}  // namespace
}  // namespace jrr::web
