// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/core/page_geometry.h"

#include <gtest/gtest.h>

namespace jrr::forms {
namespace {

TEST(PageGeometry, A4InPoints) {
  EXPECT_NEAR(MillimetresToPoints(kA4Portrait.width_mm), 595.276, 0.001);
  EXPECT_NEAR(MillimetresToPoints(kA4Portrait.height_mm), 841.890, 0.001);
  EXPECT_NEAR(PointsToMillimetres(MillimetresToPoints(12.5)), 12.5, 1e-9);
}

}  // namespace
}  // namespace jrr::forms
