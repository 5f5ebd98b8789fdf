// SPDX-License-Identifier: Apache-2.0
//
// 用紙 — PageGeometry: certificate layouts are written in millimetres on A4 portrait, as the
// standard's sample forms are; the PDF renderer works in PostScript points. This header is the one
// place the two meet. (The forms themselves — layout data, filling and cairo rendering — are the
// certificates module; this target never sees Poco::Net or SQLite.)
#pragma once

namespace jrr::forms {

inline constexpr double kPointsPerInch = 72.0;
inline constexpr double kMillimetresPerInch = 25.4;

constexpr double MillimetresToPoints(double mm) {
  return mm * kPointsPerInch / kMillimetresPerInch;
}
constexpr double PointsToMillimetres(double pt) {
  return pt * kMillimetresPerInch / kPointsPerInch;
}

struct PageSize {
  double width_mm;
  double height_mm;
};

inline constexpr PageSize kA4Portrait{210.0, 297.0};

}  // namespace jrr::forms
