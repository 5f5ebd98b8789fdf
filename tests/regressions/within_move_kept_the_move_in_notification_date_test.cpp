// SPDX-License-Identifier: Apache-2.0
//
// Defect (conformance catalog, JK-4.1.0.2/1, a known failure since 2026-12-07): after a 転居 the
// 住民票 kept the 転入's 届出の年月日 beside the 転居's 住所を定めた年月日, so a copy printed a
// 届出日 that was not the notice of the address it showed.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

class WithinMoveNotice : public ServedRegister {};

// REQ: JK-4.1.0.2
// LAW: 住基法第7条
TEST_F(WithinMoveNotice, TheMovesNotificationDateIsTheRecords) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  auto moved = Apply(R"({"type":"within_move","event_date":"2026-11-01",
    "notification_date":"2026-11-06","movers":["0000000019","0000000027"],
    "relationships":{"0000000019":"世帯主","0000000027":"妻"},
    "acknowledged_alerts":["change.sole_member_becomes_head"],
    "new_address":{"text":"架空県架空市桜町二丁目","banchi":"5番6号"}})");
  ASSERT_EQ(moved.status, 0) << moved.out << moved.err;
  Serve();
  ReadyUser("shokai", "view");
  const Login clerk = LogIn("shokai");
  struct Case {
    const char* atena;
    const char* notified;
  } cases[] = {{"0000000019", "2026-11-06"},
               {"0000000027", "2026-11-06"},
               {"0000000035", "2026-10-02"}};  // 次郎 stayed: his 転入's 届出日
  for (const Case& c : cases) {
    auto shown = Get(std::string("/api/v1/resident?atena=") + c.atena, clerk);
    ASSERT_EQ(shown.status, 200) << shown.body;
    EXPECT_NE(shown.body.find(std::string("\"notification_date\":\"") + c.notified + "\""),
              std::string::npos)
        << c.atena << ": " << shown.body.substr(0, 600);
  }
}

}  // namespace
}  // namespace jrr::testing
