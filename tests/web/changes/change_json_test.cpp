// SPDX-License-Identifier: Apache-2.0
//
// The JSON form of 異動: every type decodes, strictly; bad documents return rule ids, never throw.
#include "jrr/web/changes/change_json.h"

#include <gtest/gtest.h>

namespace jrr::web {
namespace {

const char* kMoveIn =
    R"({"type":"move_in","event_date":"R8.11.1","notification_date":"令和8年11月2日",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
    "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
    "domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
   {"kind":"foreign","family_name":"","birth_date":"1990-02-03","sex":"female","relationship":"縁故者",
    "foreign":{"alphabet_name":"KIM MINJI","nationality":"韓国","category":"mid_to_long_term",
      "status_of_residence":"留学","period_of_stay":"2年","period_expiry":"2028-03-31",
      "residence_card_number":"AB12345678CD"}}],
  "new_address":{"code":"99000100100","text":"架空県架空市桜町一丁目","banchi":"1番2号"},
  "acknowledged_alerts":["change.late_notification"]})";

// REQ: JK-4.1.1.1, JK-1.1.2
TEST(ChangeJson, DecodesAMoveInWithJapaneseAndForeignPersons) {
  auto decoded = DecodeChangeCommand(kMoveIn);
  ASSERT_TRUE(decoded) << decoded.error().rule_id << " " << decoded.error().detail;
  const auto& move_in = std::get<MoveInCommand>(*decoded);
  ASSERT_EQ(move_in.persons.size(), 2u);
  EXPECT_EQ(ToIsoString(*move_in.input.event_date.ExactDate()), "2026-11-01");
  EXPECT_EQ(*move_in.input.notification_date, (CalendarDate{2026, 11, 2}));
  EXPECT_EQ(move_in.persons[0].domicile.place, "架空県架空市桜町一丁目1番地");
  EXPECT_EQ(move_in.persons[1].kind, ResidentKind::kForeign);
  EXPECT_EQ(move_in.persons[1].foreign.category, ForeignCategory::kMidToLongTerm);
  EXPECT_EQ(move_in.persons[1].domicile.state, Domicile::State::kNone);
  EXPECT_EQ(move_in.input.acknowledged_alerts,
            std::vector<std::string>{"change.late_notification"});
  EXPECT_EQ(move_in.new_address->banchi, "1番2号");
}

TEST(ChangeJson, DecodesEveryType) {
  const char* documents[] = {
      R"({"type":"birth","event_date":"令和8年11月20日","household_number":"0000000019",
          "child":{"family_name":"架空","given_name":"三郎","birth_date":"令和8年11月20日","sex":"male","relationship":"子"}})",
      R"({"type":"within_move","event_date":"2026-11-10","movers":["0000000019"],
          "new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"},"relationships":{"0000000019":"世帯主"}})",
      R"({"type":"move_out","event_date":"2026-12-05","movers":["0000000019"],
          "destination":{"text":"大阪府大阪市北区"}})",
      R"({"type":"death","event_date":"令和8年11月上旬頃","addressee_number":"0000000019"})",
      R"({"type":"head_change","event_date":"2026-11-20","household_number":"0000000019",
          "new_head":"0000000027","relationships":{"0000000019":"夫"}})",
      R"({"type":"separation","event_date":"2026-11-20","movers":["0000000035"],
          "relationships":{"0000000035":"世帯主"}})",
      R"({"type":"correction","event_date":"2026-11-27","reason":"clerical_error_correction",
          "addressee_number":"0000000027","fields":{"given_name":"華子","domicile":{"state":"不明"}}})",
      R"({"type":"remaking","event_date":"2026-11-27","persons":["0000000019","0000000027"]})",
      R"({"type":"ex_officio_removal","event_date":"2026-11-27","persons":["0000000019"],"on_request":true})",
      R"({"type":"move_in","event_date":"2026-11-01","unreported":true,
          "persons":[{"family_name":"未届","given_name":"一","birth_date":"1990-01-01","sex":"male","relationship":"世帯主",
                      "last_registered_address":"東京都千代田区霞が関一丁目1番1号"}],
          "previous_address":{"text":"埼玉県さいたま市浦和区高砂三丁目"},"new_address":{"text":"架空県架空市桜町一丁目"}})",
  };
  for (const char* document : documents) {
    auto decoded = DecodeChangeCommand(document);
    EXPECT_TRUE(decoded) << document << "\n"
                         << (decoded ? "" : decoded.error().rule_id + " " + decoded.error().detail);
  }
}

TEST(ChangeJson, RefusesBadDocumentsWithRuleIds) {
  const std::pair<std::string, const char*> cases[] = {
      {"{", "json.malformed"},
      {"[1,2]", "json.not_object"},
      {"\"text\"", "json.malformed"},  // Poco accepts only an object or array at the top
      {R"({"event_date":"2026-11-01"})", "json.missing_field"},
      {R"({"type":"teleport","event_date":"2026-11-01"})", "json.unknown_type"},
      {R"({"type":"death","event_date":"2026-11-01","addressee_numbr":"1"})", "json.unknown_field"},
      {R"({"type":"death","event_date":"2026-11-01"})", "json.missing_field"},
      {R"({"type":"death","event_date":20261101,"addressee_number":"1"})", "json.wrong_type"},
      {R"({"type":"death","event_date":"平成31年5月1日","addressee_number":"1"})",
       "date.era_overrun"},
      {R"({"type":"within_move","event_date":"令和3年頃","movers":[]})",
       "date.uncertain_not_allowed"},
      {R"({"type":"separation","event_date":"2026-11-20","movers":["1"],"relationships":{"1":"孫"}})",
       "relationship.prohibited_term"},
      {R"({"type":"correction","event_date":"2026-11-27","reason":"teleport","addressee_number":"1","fields":{}})",
       "json.wrong_type"},
      {"{\"type\":\"death\",\"event_date\":\"2026-11-01\",\"addressee_number\":\"\xff\"}",
       "text.invalid_utf8"},
      {"", "text.empty"},
  };
  for (const auto& [document, rule] : cases) {
    auto decoded = DecodeChangeCommand(document);
    ASSERT_FALSE(decoded) << document;
    EXPECT_EQ(decoded.error().rule_id, rule) << document << " → " << decoded.error().detail;
  }
}

TEST(ChangeJson, SplitsAnArrayIntoRequests) {
  auto parts =
      SplitChangeDocument(R"([{"type":"death","event_date":"2026-11-01","addressee_number":"1"},
                                       {"type":"death","event_date":"2026-11-02","addressee_number":"2"}])");
  ASSERT_TRUE(parts);
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_TRUE(DecodeChangeCommand((*parts)[1]));
}

}  // namespace
}  // namespace jrr::web
