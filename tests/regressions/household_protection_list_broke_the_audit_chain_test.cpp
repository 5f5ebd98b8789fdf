// SPDX-License-Identifier: Apache-2.0
//
// Defect (found by the outsider review of issue 25's last commit): the 抑止 list asked for by
// household (GET /api/v1/protection?household=…, no person) wrote an アクセスログ entry naming an
// empty 宛名番号, and `jrr audit verify` then reported the person index broken — a routine query
// read as tampering.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class HouseholdProtectionList : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    Serve();
  }
};

// REQ: JK-10.2, JK-3.1
TEST_F(HouseholdProtectionList, LeavesTheLogVerifiable) {
  for (const char* permissions : {"view,support_measure", "view"}) {
    const std::string user = std::string("u") + std::to_string(std::string(permissions).size());
    ReadyUser(user, permissions);
    auto listed = Get("/api/v1/protection?household=0000000019", LogIn(user));
    EXPECT_EQ(listed.status, 200) << permissions << listed.body;
  }
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM audit_target WHERE addressee_number = ''"), 0);
  auto verified = Cli({"audit", "verify"});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
}

}  // namespace
}  // namespace jrr::testing
