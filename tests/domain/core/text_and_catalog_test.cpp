// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "jrr/domain/core/municipality.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

TEST(Text, ChecksUtf8ControlsAndLength) {
  EXPECT_EQ(*CheckText("山田𠮷"), 3u);
  EXPECT_EQ(*CheckText("葛\U000E0101"), 2u);  // an IVS sequence counts as two code points
  const std::pair<std::string, const char*> bad[] = {
      {"", "text.empty"},
      {std::string(5000, 'a'), "text.too_long"},
      {"\xed\xa0\x80", "text.invalid_utf8"},      // a surrogate
      {"\xf0\x82\x82\xac", "text.invalid_utf8"},  // overlong
      {"a\x7f", "text.control_char"},
      {"a\xc2\x85", "text.control_char"},  // C1 control
      {std::string("a\0b", 3), "text.control_char"},
  };
  for (const auto& [input, rule] : bad) {
    auto checked = CheckText(input);
    ASSERT_FALSE(checked);
    EXPECT_EQ(checked.error().rule_id, rule);
  }
  EXPECT_TRUE(CheckText("a\nb", {.allow_newlines = true}));
  EXPECT_EQ(TrimSpaces("　 山田 　"), "山田");
  EXPECT_EQ(EncodeUtf8(DecodeUtf8("葛\U000E0101飾𠮷")), "葛\U000E0101飾𠮷");
}

TEST(Text, DataLinesSkipCommentsAndBlankLinesAndKeepLineNumbers) {
  const auto lines = DataLines("# comment\r\nname\tvalue\r\n\nA\t1\nB\t\t3");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].number, 2);
  EXPECT_EQ(lines[0].text, "name\tvalue");
  EXPECT_EQ(lines[2].number, 5);
  const auto fields = SplitTabs(lines[2].text);
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[1], "");
  EXPECT_EQ(fields[2], "3");
  EXPECT_TRUE(DataLines("").empty());
  EXPECT_EQ(SplitTabs("").size(), 1u);
}

TEST(Municipality, ValidatesCodeAndName) {
  EXPECT_TRUE(Municipality::Create("990001", "架空市"));
  const std::pair<std::pair<const char*, const char*>, const char*> bad[] = {
      {{"990002", "架空市"}, "number.check_digit_mismatch"},
      {{"990001", "架空"}, "municipality.name_invalid"},
      {{"990001", " 架空市"}, "municipality.name_invalid"},
      {{"990001", ""}, "text.empty"},
  };
  for (const auto& [input, rule] : bad) {
    auto created = Municipality::Create(input.first, input.second);
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().rule_id, rule);
  }
}

// REQ: JK-11.1
TEST(RuleCatalog, EveryRuleHasAUniqueIdAndAJapaneseMessage) {
  std::set<std::string_view> seen;
  for (const RuleInfo& rule : AllRules()) {
    EXPECT_TRUE(seen.insert(rule.rule_id).second) << rule.rule_id;
    EXPECT_FALSE(rule.message_ja.empty()) << rule.rule_id;
    EXPECT_FALSE(rule.source.empty()) << rule.rule_id;
  }
  EXPECT_EQ(MessageJa(MakeError(ErrorCode::kInvalidInput, "no.such.rule")),
            "処理できませんでした。");
}

// REQ: JK-11.1
// Every rule id the code can return is in the catalog: scans the sources for MakeError(…, "id"
// and for rule ids handed to errors elsewhere.
TEST(RuleCatalog, EveryRuleIdInTheSourcesIsCatalogued) {
  const std::filesystem::path root(JRR_SOURCE_DIR);
  const std::regex make_error(R"(MakeError\(\s*ErrorCode::\w+,\s*\"([a-z_.]+)\")");
  const std::regex storage_error(R"(StorageError\(\s*\"([a-z_.]+)\")");
  const std::regex alert(R"(std::string\(\"([a-z_]+\.[a-z_.]+)\"\))");
  const std::regex helper(R"((?:RuleError|DateError|Alert|Fail)\(\s*\"([a-z_]+\.[a-z_.]+)\")");
  const std::regex named(
      R"(constexpr std::string_view k\w+ = \"([a-z_]+\.[a-z_.]+)\")");  // core/rule_ids.h
  int found = 0;
  for (const char* layer : {"domain", "persistence", "web", "forms", "app", "sample"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / layer)) {
      if (entry.path().extension() != ".cpp" && entry.path().extension() != ".h") continue;
      std::ifstream file(entry.path());
      std::stringstream text;
      text << file.rdbuf();
      const std::string source = text.str();
      for (const std::regex* pattern : {&make_error, &storage_error, &alert, &helper, &named}) {
        for (std::sregex_iterator it(source.begin(), source.end(), *pattern), end; it != end;
             ++it) {
          const std::string id = (*it)[1];
          EXPECT_NE(FindRule(id), nullptr) << id << " in " << entry.path();
          ++found;
        }
      }
    }
  }
  EXPECT_GT(found, 30);
}

}  // namespace
}  // namespace jrr
