// SPDX-License-Identifier: Apache-2.0
//
// 住民票コード pool (JK-4.3.1): newcomers get a free code drawn at random inside the 異動's
// transaction; codes are never reused; a low pool warns; an exhausted pool refuses.
#include "jrr/persistence/records/resident_record_code_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "jrr/domain/core/numbers.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

std::vector<std::string> Codes(int count, int first = 0) {
  std::vector<std::string> codes;
  for (int i = first; i < first + count; ++i) {
    std::string body = std::to_string(1000000000LL + i);
    codes.push_back(
        body + std::to_string(*ComputeCheckDigit(CheckDigitScheme::kResidentRecordCode, body)));
  }
  return codes;
}

class CodePoolTest : public RegisterFixture {
 protected:
  Result<ChangeOutcome> MoveInOne(int i) {
    MoveInCommand c;
    c.input = Input("2026-11-01", "2026-11-02");
    const std::string given = "人" + std::to_string(i);
    c.persons = {
        Person("付番", given.c_str(), "フバン", "ヒト", "平成元年1月8日", Sex::kMale, "世帯主")};
    c.new_address = TownAddress("1番1号");
    return Changes().MoveIn(c);
  }
};

// REQ: JK-4.3.1
TEST_F(CodePoolTest, WithoutAPoolCodesStayBlank) {
  auto moved = MoveInOne(0);
  ASSERT_TRUE(moved);
  EXPECT_TRUE(moved->versions[0].resident_record_code.empty());
  // What else the 異動 causes (a 附票 notice) is told too; the pool says nothing.
  EXPECT_EQ(std::count(moved->notices.begin(), moved->notices.end(), "code_pool.low"), 0);
}

// REQ: JK-4.3.1, JK-4.3.2
TEST_F(CodePoolTest, NewcomersDrawDistinctCodesThatAreNeverReused) {
  ASSERT_EQ(*ImportResidentRecordCodes(*db_, Codes(150)), 150);
  EXPECT_EQ(*ImportResidentRecordCodes(*db_, Codes(10)), 0) << "already loaded codes are skipped";
  std::set<std::string> drawn;
  for (int i = 0; i < 40; ++i) {
    auto moved = MoveInOne(i);
    ASSERT_TRUE(moved);
    const std::string code = moved->versions[0].resident_record_code;
    EXPECT_TRUE(ResidentRecordCode::Parse(code)) << code;
    EXPECT_TRUE(drawn.insert(code).second) << "code handed out twice: " << code;
    if (i == 0) {
      DeathCommand death;
      death.input = Input("2026-11-20", "2026-11-21");
      death.addressee_number = moved->versions[0].addressee_number;
      ASSERT_TRUE(Changes().Death(death));  // the 除票 keeps its code out of the pool
    }
  }
  const CodePoolStatus status = ResidentRecordCodePoolStatus(*db_);
  EXPECT_EQ(status.total, 150);
  EXPECT_EQ(status.free, 110);
  // The draw is random: 40 draws from 150 codes in load order would be 1000000000…39.
  const std::vector<std::string> in_load_order = Codes(40);
  const std::set<std::string> first40(in_load_order.begin(), in_load_order.end());
  EXPECT_NE(drawn, first40);
  // 住民票コードの変更請求 without a code draws a new one.
  CorrectionCommand change;
  change.input = Input("2026-11-27");
  change.reason = ChangeReason::kResidentRecordCodeChangeRequest;
  change.addressee_number = repository_->Latest("0000000027")->addressee_number;
  change.resident_record_code = "";
  auto changed = Changes().Correction(change);
  ASSERT_TRUE(changed) << changed.error().rule_id;
  EXPECT_FALSE(drawn.contains(changed->versions[0].resident_record_code));
}

// REQ: JK-4.3.1
TEST_F(CodePoolTest, ALowPoolWarnsAndAnEmptyOneRefuses) {
  ASSERT_TRUE(ImportResidentRecordCodes(*db_, Codes(2)));
  auto first = MoveInOne(0);
  ASSERT_TRUE(first);
  EXPECT_EQ(std::count(first->notices.begin(), first->notices.end(), "code_pool.low"),
            1);  // 1 left < 100
  ASSERT_TRUE(MoveInOne(1));
  const int64_t changes = Count("change_record");
  auto refused = MoveInOne(2);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "code_pool.exhausted");
  EXPECT_EQ(Count("change_record"), changes) << "nothing written";
}

// The draw picks rows at random and keeps a free one; as the pool empties most picks miss, and a
// draw that misses too often chooses among all free codes. Either way: every code once, then none.
// REQ: JK-4.3.1
TEST_F(CodePoolTest, EveryCodeIsDrawnOnceUntilThePoolIsEmpty) {
  ASSERT_EQ(*ImportResidentRecordCodes(*db_, Codes(120)), 120);
  std::set<std::string> drawn;
  for (int i = 0; i < 120; ++i) {
    auto moved = MoveInOne(i);
    ASSERT_TRUE(moved) << i << ": " << moved.error().rule_id;
    EXPECT_TRUE(drawn.insert(moved->versions[0].resident_record_code).second) << "drawn twice";
    // The アラート counts free codes only up to the low-water mark (100), and is right either side.
    const bool low = 120 - (i + 1) < 100;
    EXPECT_EQ(std::count(moved->notices.begin(), moved->notices.end(), "code_pool.low"),
              low ? 1 : 0)
        << i;
  }
  const std::vector<std::string> all = Codes(120);
  EXPECT_EQ(drawn, std::set<std::string>(all.begin(), all.end()));
  auto refused = MoveInOne(120);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "code_pool.exhausted");
  EXPECT_EQ(ResidentRecordCodePoolStatus(*db_).free, 0);
}

// REQ: JK-4.3.1
TEST_F(CodePoolTest, ImportRefusesInvalidCodesAsAWhole) {
  std::vector<std::string> codes = Codes(3);
  codes.push_back("12345678904");
  auto imported = ImportResidentRecordCodes(*db_, codes);
  ASSERT_FALSE(imported);
  EXPECT_EQ(imported.error().rule_id, "number.check_digit_mismatch");
  EXPECT_NE(imported.error().detail.find("line 4"), std::string::npos);
  EXPECT_EQ(ResidentRecordCodePoolStatus(*db_).total, 0);
}

}  // namespace
}  // namespace jrr
