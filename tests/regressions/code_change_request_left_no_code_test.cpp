// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26): a 住民票コードの変更請求 on a register with no 住民票コード pool loaded
// was recorded, and replaced the person's code with nothing: the person lost their code. The request
// must be refused (code_pool.exhausted) and the code kept (JK-4.3.2).
#include <gtest/gtest.h>

#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

class CodeChangeRequest : public RegisterFixture {};

// REQ: JK-4.3.2, JK-4.3.1
TEST_F(CodeChangeRequest, WithNoPoolIsRefusedAndKeepsTheCode) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  CorrectionCommand entry;
  entry.input = Input("2026-11-10");
  entry.reason = ChangeReason::kResidentRecordCodeEntry;
  entry.addressee_number = head;
  entry.resident_record_code = "12345678903";
  ASSERT_TRUE(Changes().Correction(entry));
  const std::size_t versions = repository_->History(head).size();

  CorrectionCommand request;
  request.input = Input("2026-11-20");
  request.reason = ChangeReason::kResidentRecordCodeChangeRequest;
  request.addressee_number = head;
  request.resident_record_code = "";  // draw a new one
  auto refused = Changes().Correction(request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "code_pool.exhausted");
  EXPECT_EQ(repository_->Latest(head)->resident_record_code, "12345678903");
  EXPECT_EQ(repository_->History(head).size(), versions) << "nothing written";
}

}  // namespace
}  // namespace jrr::testing
