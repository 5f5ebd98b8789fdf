// SPDX-License-Identifier: Apache-2.0
//
// 番地・枝番等コード (JK-1.3.2): the numbers of a 番地 as written, and the 住所順 they give.
#include "jrr/domain/records/banchi.h"

#include <gtest/gtest.h>

namespace jrr {
namespace {

// REQ: JK-1.3.2
TEST(Banchi, ReadsTheNumbersOfEveryNotation) {
  struct Case {
    const char* text;
    std::vector<long> numbers;
    const char* rest;
    bool residence_indication;
  };
  const Case kCases[] = {
      {"123番地の4", {123, 4}, "", false},
      {"123番地4", {123, 4}, "", false},
      {"3番4号", {3, 4}, "", true},
      {"3番4号-205", {3, 4, 205}, "", true},
      {"12-3-405", {12, 3, 405}, "", false},
      {"１２－３", {12, 3}, "", false},
      {"１２ー３", {12, 3}, "", false},
      {"千二百三番地", {1203}, "", false},
      {"二十番地の一", {20, 1}, "", false},
      {"一〇五番地", {105}, "", false},
      {"甲45番地", {45}, "甲", false},
      {"無番地", {}, "無", false},
      {"", {}, "", false},
      {"5番地1 A棟", {5, 1}, "A棟", false},
  };
  for (const Case& c : kCases) {
    const BanchiCode code = ParseBanchi(c.text);
    EXPECT_EQ(code.numbers, c.numbers) << c.text;
    EXPECT_EQ(code.rest, c.rest) << c.text;
    EXPECT_EQ(code.residence_indication, c.residence_indication) << c.text;
  }
}

// REQ: JK-1.3.2
TEST(Banchi, KeysSortAsTheNumbersDo) {
  // In 住所順 order; text order would put 10番 before 2番 and 1番地の10 before 1番地の2.
  const char* const kOrdered[] = {"1番地",  "1番地の2",  "1番地の10", "2番地",
                                  "10番地", "10番地の1", "甲10番地",  "100番地"};
  for (std::size_t i = 0; i + 1 < std::size(kOrdered); ++i) {
    EXPECT_LT(ParseBanchi(kOrdered[i]).SortKey(), ParseBanchi(kOrdered[i + 1]).SortKey())
        << kOrdered[i] << " / " << kOrdered[i + 1];
  }
  EXPECT_EQ(ParseBanchi("１０番地").SortKey(), ParseBanchi("十番地").SortKey());
  EXPECT_EQ(ParseBanchi("").SortKey(), "");
}

// REQ: JK-1.3.2
// REQ: JK-9.5
TEST(Banchi, AddressOrderSortsByAreaThenBanchiCode) {
  auto person = [](const char* atena, const char* text, const char* banchi) {
    ResidentRecord r;
    r.addressee_number = atena;
    r.household_number = atena;
    r.address.text = text;
    r.address.banchi = banchi;
    return r;
  };
  std::vector<ResidentRecord> records = {
      person("5", "架空市本町", "10番地"), person("4", "架空市本町", "2番地"),
      person("3", "架空市桜町", "1番地"), person("2", "架空市本町", "2番地"),
      person("1", "架空市本町", "1番地の10")};
  SortInAddressOrder(records, 4);
  std::vector<std::string> order;
  for (const ResidentRecord& r : records) order.push_back(r.addressee_number);
  EXPECT_EQ(order,
            (std::vector<std::string>{"1", "2", "4", "5"}));  // 本町 before 桜町 by text; limit 4
}

}  // namespace
}  // namespace jrr
