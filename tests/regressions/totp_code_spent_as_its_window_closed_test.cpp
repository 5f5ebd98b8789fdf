// SPDX-License-Identifier: Apache-2.0
//
// Defect (a clean-clone CI run of issue 26's audit fixes): the tests' second-factor codes
// (support/totp_steps.h) spent the step before now even in the last second of the current
// window; when the login reached the server after the window had turned, the code was two steps
// old and refused (staff.code_invalid), failing StaffRights.LogoutNeedsTheCsrfTokenAndLoginForms-
// TheirOwn at random.
#include <gtest/gtest.h>

#include "support/totp_steps.h"

namespace jrr::testing {
namespace {

TEST(TotpStepsForTests, NeverSpendAStepAboutToLapse) {
  const int64_t k = 59000000;  // a step of 2026
  struct Case {
    int64_t now;
    int64_t last;
    int64_t expected;
  };
  for (const Case& c : {
           Case{30 * k + 1, k - 5, k - 1},            // early in the window: the step before
           Case{30 * k + 29, k - 5, k},               // its last second: not the one lapsing
           Case{30 * k + 20, k - 5, k},               // within the margin
           Case{30 * k + 19, k - 5, k - 1},           // before it
           Case{30 * k + 29, k, k + 1},               // after the last spent
           Case{30 * k + 5, k + 1, TotpSteps::kWait}  // every usable step spent: wait
       }) {
    EXPECT_EQ(TotpSteps::StepToSpend(c.now, c.last), c.expected) << c.now % 30 << " " << c.last;
  }
}

}  // namespace
}  // namespace jrr::testing
