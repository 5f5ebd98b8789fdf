// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): every 異動 screen opened with today's date in 異動日, so a clerk who
// did not look recorded the processing day as the day of the event; JK-4.0.3 wants the 異動日
// entered and the 処理日 set by the system (shown, not a field).
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

class ChangeScreenDates : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    Serve();
    ReadyUser("madoguchi", "view,change");
    clerk_ = LogIn("madoguchi");
  }
  Login clerk_;
};

// REQ: JK-4.0.3
TEST_F(ChangeScreenDates, TheEventDateStartsEmptyAndTheProcessingDateIsNoField) {
  for (const char* type : {"within_move", "move_out", "death", "move_in", "birth", "correction"}) {
    auto screen = Get(std::string("/change?type=") + type + "&atena=0000000019", clerk_);
    ASSERT_EQ(screen.status, 200) << type << screen.body;
    EXPECT_NE(screen.body.find(R"(name="event_date" value="")"), std::string::npos)
        << type << ": " << screen.body;
    EXPECT_NE(screen.body.find("処理日"), std::string::npos) << type;
    EXPECT_EQ(screen.body.find(R"(name="processing_date")"), std::string::npos) << type;
  }
}

}  // namespace
}  // namespace jrr::testing
