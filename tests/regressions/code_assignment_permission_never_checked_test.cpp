// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): the 住民票コード付番 permission (code_assignment) could be granted and
// was listed, but nothing checked it: any clerk allowed to see 住民票コード could enter or change
// one. JK-10.3 wants each such function controlled on its own.
#include <gtest/gtest.h>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class CodeAssignment : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    Serve();
    ReadyUser("madoguchi", "view,change,see_resident_record_code");
    ReadyUser("bango", "view,change,see_resident_record_code,code_assignment");
  }
};

// REQ: JK-10.3
TEST_F(CodeAssignment, EnteringAResidentRecordCodeNeedsItsOwnPermission) {
  const std::string entry =
      R"({"type":"correction","reason":"resident_record_code_entry","event_date":"2026-11-10",
          "addressee_number":"0000000019","fields":{"resident_record_code":"12345678903"}})";
  const int64_t versions = QueryInt(db_, "SELECT count(*) FROM resident_version");
  auto refused = Post("/api/v1/changes", entry, LogIn("madoguchi"));
  EXPECT_EQ(refused.status, 403) << refused.body;
  EXPECT_EQ(JsonField(refused.body, "rule_id"), "access.permission_denied") << refused.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version"), versions) << "nothing written";
  // Other corrections stay open to the clerk.
  auto roll =
      Post("/api/v1/changes",
           R"({"type":"correction","reason":"correction_ex_officio","event_date":"2026-11-10",
                       "addressee_number":"0000000019","fields":{"on_electoral_roll":true}})",
           LogIn("madoguchi"));
  EXPECT_EQ(roll.status, 201) << roll.body;
  auto entered = Post("/api/v1/changes", entry, LogIn("bango"));
  EXPECT_EQ(entered.status, 201) << entered.body;
}

}  // namespace
}  // namespace jrr::testing
