// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): 子（子の夫） and 子（子の妻）, which JK-1.1.11 lists among the 続柄,
// were refused as relationship.unknown_term: the chain was split at every 「の」, and these terms
// hold one of their own. A 転入 of such a member could not be recorded at all.
#include <gtest/gtest.h>

#include "jrr/domain/records/relationship.h"

namespace jrr::testing {
namespace {

// REQ: JK-1.1.11
TEST(ChildInLawRelationship, IsAcceptedAloneAndAsTheStartOfAChain) {
  struct Case {
    const char* typed;
    const char* printed;
    std::size_t terms;
  };
  for (const Case& c :
       {Case{"子（子の夫）", "子（子の夫）", 1}, Case{"子（子の妻）", "子（子の妻）", 1},
        Case{"子(子の妻)", "子（子の妻）", 1}, Case{"子（子の妻）の子", "子（子の妻）の子", 2},
        Case{"妻の子（子の夫）", "妻の子（子の夫）", 2}}) {
    auto parsed = ParseRelationship(c.typed);
    ASSERT_TRUE(parsed) << c.typed << ": " << parsed.error().rule_id;
    EXPECT_EQ(parsed->Text(), c.printed);
    EXPECT_EQ(parsed->chain.size(), c.terms) << c.typed;
  }
  // What was right before stays right: a chain of plain terms, and refusals.
  EXPECT_EQ(ParseRelationship("子の妻")->chain.size(), 2u);
  EXPECT_EQ(ParseRelationship("子（子の").error().rule_id, "relationship.unknown_term");
  EXPECT_EQ(ParseRelationship("子（子の妻）の").error().rule_id, "relationship.empty_term");
  EXPECT_EQ(ParseRelationship("孫").error().rule_id, "relationship.prohibited_term");
}

}  // namespace
}  // namespace jrr::testing
