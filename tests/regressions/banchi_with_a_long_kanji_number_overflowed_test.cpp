// SPDX-License-Identifier: Apache-2.0
//
// Defect (found by tests/fuzz/name_keys_fuzzer, which also reads 番地): a 番地 written as a long run
// of kanji digits (九 twenty times) overflowed the number read from it — undefined behaviour, and
// an abort under the sanitizers — where a run of ASCII digits was read to nine places. Every 異動
// with such a 番地 reached it. A kanji run is now read to nine places too.
#include <gtest/gtest.h>

#include "jrr/domain/records/banchi.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

// REQ: JK-1.3.2
TEST(BanchiKanjiNumber, ALongRunIsReadToNinePlaces) {
  std::string nines;
  for (int i = 0; i < 22; ++i) nines += "九";
  const BanchiCode code = ParseBanchi(nines + "番地");
  ASSERT_EQ(code.numbers.size(), 1u);
  EXPECT_EQ(code.numbers[0], 999999999);
  EXPECT_EQ(ParseBanchi("九九九九九九九九九").numbers, ParseBanchi("999999999").numbers);
  EXPECT_EQ(ParseBanchi("千二百三番地").numbers, std::vector<long>{1203});
}

class LongBanchi : public ServedRegister {};

// REQ: JK-1.3.2, JK-4.0.9
TEST_F(LongBanchi, AMoveToSuchAnAddressIsRecorded) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  std::string nines;
  for (int i = 0; i < 22; ++i) nines += "九";
  auto moved =
      Apply(R"({"type":"within_move","event_date":"2026-11-01","notification_date":"2026-11-02",
                         "movers":["0000000019","0000000027","0000000035"],
                         "new_address":{"text":"架空県架空市桜町三丁目","banchi":")" +
            nines + R"(番地"}})");
  EXPECT_EQ(moved.status, 0) << moved.err;
  EXPECT_EQ(
      QueryInt(db_, "SELECT count(*) FROM resident_version WHERE address_banchi LIKE '九九九%'"),
      3);
}

}  // namespace
}  // namespace jrr::testing
