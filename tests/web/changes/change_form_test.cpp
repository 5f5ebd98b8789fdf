// SPDX-License-Identifier: Apache-2.0
//
// The 異動 screens post the API's JSON names; the form → JSON step builds the same command the API
// would decode, and a bad field is refused by the one decoder.
#include "jrr/web/changes/change_form.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <variant>

#include "jrr/web/changes/change_json.h"

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
       {{"csrf", "x"},
        {"type", "within_move"},
        {"event_date", "令和8年11月20日"},
        {"notification_date", ""},
        {"movers:list", ""},
        {"movers:list", "0000000019"},
        {"movers:list", "0000000027"},
        {"new_address.text", "架空県架空市桜町二丁目"},
        {"new_address.banchi", "5番6号"},
        {"new_address.katagaki", ""},
        {"mode", "check"}},
       "within_move",
       nullptr},
      {"転出 abroad",
       {{"type", "move_out"},
        {"event_date", "2026-12-01"},
        {"movers:list", "0000000019"},
        {"destination.text", "英国"},
        {"destination.abroad:bool", "1"}},
       "move_out",
       nullptr},
      {"転入 of one person, nested domicile",
       {{"type", "move_in"},
        {"event_date", "2026-11-01"},
        {"persons.0.family_name", "架空"},
        {"persons.0.given_name", "三郎"},
        {"persons.0.birth_date", "平成2年1月1日"},
        {"persons.0.sex", "男"},
        {"persons.0.relationship", "世帯主"},
        {"persons.0.domicile.place", "架空県架空市本町1番地"},
        {"persons.0.domicile.head_of_family", "架空　三郎"},
        {"previous_address.text", "東京都千代田区霞が関二丁目"},
        {"new_address.text", "架空県架空市桜町一丁目"},
        {"new_address.banchi", "3番"}},
       "move_in",
       nullptr},
      {"an acknowledged アラート",
       {{"type", "death"},
        {"event_date", "2026-11-01"},
        {"addressee_number", "0000000019"},
        {"acknowledged_alerts:list", "change.head_leaving_household"}},
       "death",
       nullptr},
      {"a field the type does not know",
       {{"type", "death"},
        {"event_date", "2026-11-01"},
        {"addressee_number", "1"},
        {"new_head", "2"}},
       nullptr,
       "json.unknown_field"},
      {"no date", {{"type", "death"}, {"addressee_number", "1"}}, nullptr, "json.missing_field"},
      {"異動の取消し with a numeric change id",
       {{"type", "cancellation"},
        {"event_date", "2026-11-01"},
        {"change_id:int", "12"},
        {"persons:list", "0000000019"}},
       "cancellation",
       nullptr},
      {"世帯合併",
       {{"type", "household_join"},
        {"event_date", "2026-11-01"},
        {"movers:list", "0000000027"},
        {"join_household", "0000000035"},
        {"relationships.0000000027", "妻"}},
       "household_join",
       nullptr},
  };
  for (const Row& row : kRows) {
    auto json = ChangeJsonFromForm(row.fields);
    ASSERT_TRUE(json) << row.name;
    auto command = DecodeChangeCommand(*json);
    if (row.type != nullptr) {
      ASSERT_TRUE(command) << row.name << ": " << command.error().rule_id << " "
                           << command.error().detail << "\n"
                           << *json;
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
  EXPECT_TRUE(std::get<MoveOutCommand>(*DecodeChangeCommand(*ChangeJsonFromForm(kRows[1].fields)))
                  .destination.abroad);
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

// CSV形式のデータの取込: the three kinds of data the standard names each fill the 転入 form, and the
// form they fill decodes as a 転入.
// REQ: JK-10.8
TEST(ChangeFormTest, CsvRowsFillTheMoveInForm) {
  using Fields = std::vector<std::pair<std::string, std::string>>;
  auto has = [](const Fields& fields, const std::string& name, const std::string& value) {
    return std::find(fields.begin(), fields.end(), std::pair(name, value)) != fields.end();
  };
  // 個人番号カードの券面事項: 住所 (the old one), 氏名, 生年月日, 性別, 個人番号.
  auto card = MoveInFieldsFromCsv(
      "\xEF\xBB\xBF住所,氏名,生年月日,性別,個人番号\r\n東京都千代田区霞が関二丁目1番2号,架空　一郎,"
      "昭和55年4月1日,1,123456789018\r\n");
  ASSERT_TRUE(card) << card.error().rule_id;
  EXPECT_TRUE(has(*card, "previous_address.text", "東京都千代田区霞が関二丁目1番2号"));
  EXPECT_TRUE(has(*card, "persons.0.family_name", "架空"));
  EXPECT_TRUE(has(*card, "persons.0.given_name", "一郎"));
  EXPECT_TRUE(has(*card, "persons.0.sex", "男"));
  EXPECT_TRUE(has(*card, "persons.0.individual_number", "123456789018"));
  // 住民異動届: two people, the 異動's items from the first row, a quoted field with a comma.
  auto form = MoveInFieldsFromCsv(
      "異動日,届出日,氏名,フリガナ,生年月日,性別,続柄,本籍,筆頭者,転入前住所,新住所,新住所の番地,"
      "方書\n"
      "2026-11-01,2026-11-02,架空 一郎,カクウ "
      "イチロウ,1980-04-01,男,世帯主,架空県架空市本町1番地,架空　一郎,"
      "東京都千代田区霞が関二丁目,架空県架空市桜町一丁目,1番2号,\"さくら荘,101\"\n"
      ",,架空 花子,カクウ ハナコ,1982-05-01,2,妻,架空県架空市本町1番地,架空　一郎,,,,\n");
  ASSERT_TRUE(form) << form.error().rule_id;
  EXPECT_TRUE(has(*form, "persons.1.given_kana", "ハナコ"));
  EXPECT_TRUE(has(*form, "persons.1.sex", "女"));
  EXPECT_TRUE(has(*form, "new_address.katagaki", "さくら荘,101"));
  auto json = ChangeJsonFromForm(*form);
  ASSERT_TRUE(json);
  auto command = DecodeChangeCommand(*json);
  ASSERT_TRUE(command) << command.error().rule_id << " " << command.error().detail;
  ASSERT_TRUE(std::holds_alternative<MoveInCommand>(*command));
  EXPECT_EQ(std::get<MoveInCommand>(*command).persons.size(), 2u);
  // 転出証明書 data with the API's own names.
  auto named = MoveInFieldsFromCsv(
      "family_name,given_name,birth_date,sex,previous_address.text\n架空,三郎,2000-01-01,男,"
      "大阪府大阪市北区\n");
  ASSERT_TRUE(named);
  EXPECT_TRUE(has(*named, "persons.0.given_name", "三郎"));
  struct Bad {
    const char* csv;
    const char* rule;
  };
  const Bad kBad[] = {
      {"氏名,趣味\n架空 一郎,釣り\n", "csv.unknown_column"},
      {"氏名,生年月日\n", "csv.no_rows"},
      {"氏名\n\"架空 一郎\n", "csv.malformed"},
      {"", "text.empty"},
  };
  for (const Bad& b : kBad) {
    auto refused = MoveInFieldsFromCsv(b.csv);
    ASSERT_FALSE(refused) << b.csv;
    EXPECT_EQ(refused.error().rule_id, b.rule) << b.csv;
  }
}

}  // namespace
}  // namespace jrr::web
