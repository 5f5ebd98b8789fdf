// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/relationship.h"

#include <gtest/gtest.h>

namespace jrr {
namespace {

// REQ: JK-1.1.11
TEST(Relationship, AcceptsTheAllowedTermsAndChainsOfUpToFour) {
  const std::pair<const char*, const char*> cases[] = {
      {"世帯主", "世帯主"},
      {"妻", "妻"},
      {"夫（未届）", "夫（未届）"},
      {"妻(未届)", "妻（未届）"},
      {"子", "子"},
      {"父", "父"},
      {"母", "母"},
      {"兄", "兄"},
      {"姉", "姉"},
      {"弟", "弟"},
      {"妹", "妹"},
      {"子の妻", "子の妻"},
      {"子の夫", "子の夫"},
      {"妻の父", "妻の父"},
      {"子の子", "子の子"},
      {"父の兄の子", "父の兄の子"},
      {"子の子の子の子", "子の子の子の子"},
      {"縁故者", "縁故者"},
      {"同居人", "同居人"},
      {" 子の子 ", "子の子"},
  };
  for (const auto& [input, text] : cases) {
    auto parsed = ParseRelationship(input);
    ASSERT_TRUE(parsed) << input;
    EXPECT_EQ(parsed->Text(), text);
    EXPECT_FALSE(parsed->alert_rule.has_value()) << input;
  }
}

// REQ: JK-1.1.11
TEST(Relationship, FiveOrMoreGenerationsBecomeRelatedWithAnAlert) {
  for (const char* input : {"子の子の子の子の子", "子の子の子の子の子の子", "父の父の父の父の父"}) {
    auto parsed = ParseRelationship(input);
    ASSERT_TRUE(parsed) << input;
    EXPECT_EQ(parsed->kind, RelationshipKind::kRelated);
    EXPECT_EQ(parsed->Text(), "縁故者");
    EXPECT_EQ(parsed->alert_rule, "relationship.folded_to_related");
  }
}

// REQ: JK-1.1.11
TEST(Relationship, RefusesTermsTheStandardDoesNotAllow) {
  const std::pair<const char*, const char*> cases[] = {
      {"祖父", "relationship.prohibited_term"},
      {"祖母", "relationship.prohibited_term"},
      {"孫", "relationship.prohibited_term"},
      {"おじ", "relationship.prohibited_term"},
      {"おば", "relationship.prohibited_term"},
      {"甥", "relationship.prohibited_term"},
      {"姪", "relationship.prohibited_term"},
      {"家事使用人", "relationship.prohibited_term"},
      {"準世帯主", "relationship.prohibited_term"},
      {"子の孫", "relationship.prohibited_term"},
      {"友人", "relationship.unknown_term"},
      {"子の", "relationship.empty_term"},
      {"の子", "relationship.empty_term"},
      {"子のの子", "relationship.empty_term"},
      {"", "text.empty"},
      {"\xff", "text.invalid_utf8"},
  };
  for (const auto& [input, rule] : cases) {
    auto parsed = ParseRelationship(input);
    ASSERT_FALSE(parsed) << input;
    EXPECT_EQ(parsed.error().rule_id, rule) << input;
  }
}

}  // namespace
}  // namespace jrr
