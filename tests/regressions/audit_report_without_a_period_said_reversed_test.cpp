// SPDX-License-Identifier: Apache-2.0
//
// Defect (found by the outsider review of issue 25's last commits): an analysis list of the
// アクセスログ asked for without its period was refused with the words for a reversed period
// (「期間の終わりが始まりより前」), which the officer had not entered.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

class AuditReportPeriod : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    Serve();
    ReadyUser("kansa", "audit");
  }
};

// REQ: JK-10.2
TEST_F(AuditReportPeriod, AMissingPeriodIsAskedForNotCalledReversed) {
  const Login officer = LogIn("kansa");
  for (const std::string query : {"/audit?report=logins", "/api/v1/audit/report?kind=logins"}) {
    auto refused = Get(query, officer);
    EXPECT_EQ(refused.status, 400) << query << refused.body.substr(0, 300);
    EXPECT_EQ(refused.body.find("始まりより前"), std::string::npos) << query;
    EXPECT_NE(refused.body.find("期間の始まりと終わりを指定してください"), std::string::npos)
        << query << refused.body.substr(0, 300);
  }
}

}  // namespace
}  // namespace jrr::testing
