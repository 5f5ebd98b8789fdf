// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): the figures of the 中長期在留者住居地届出等 report by 法第30条の45
// category (JK-6.1) were computed but only `jrr stats` printed them; GET /api/v1/statistics left
// them out, so a vendor comparing through the API could not see them.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

class StatisticsApi : public ServedRegister {};

// REQ: JK-6.1
TEST_F(StatisticsApi, GivesTheFiguresByForeignCategory) {
  auto moved = Apply(
      R"({"type":"move_in","event_date":"2026-09-01","notification_date":"2026-09-03",
  "from_abroad":true,
  "persons":[{"kind":"foreign","family_name":"","given_name":"","birth_date":"1985-03-15",
              "sex":"male","relationship":"世帯主",
              "foreign":{"alphabet_name":"SMITH JOHN","nationality":"アメリカ合衆国",
                "category":"mid_to_long_term","status_of_residence":"技術・人文知識・国際業務",
                "period_of_stay":"3年","period_expiry":"2029-08-31",
                "residence_card_number":"AB12345678CD","foreign_resident_since":"2026-09-01"}}],
  "previous_address":{"text":"アメリカ合衆国","abroad":true},
  "new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"}})");
  ASSERT_EQ(moved.status, 0) << moved.err;
  Serve();
  ReadyUser("madoguchi", "view");
  auto figures = Get("/api/v1/statistics?from=2026-09-01&to=2026-12-01", LogIn("madoguchi"));
  ASSERT_EQ(figures.status, 200) << figures.body;
  for (const char* expected :
       {R"("foreign_by_category":[{"category":"mid_to_long_term","category_ja":"中長期在留者",)"
        R"("population":1,"from_abroad":1,"moved_in":0,"moved_within":0,"moved_out":0})",
        R"({"category":"special_permanent","category_ja":"特別永住者","population":0,)"}) {
    EXPECT_NE(figures.body.find(expected), std::string::npos) << expected << "\n" << figures.body;
  }
}

}  // namespace
}  // namespace jrr::testing
