// SPDX-License-Identifier: Apache-2.0
//
// 印影の計測 — MeasureImpression: decodes an uploaded impression (PNG or JPEG, at a stated
// resolution), finds the ink, and measures it the way the 印鑑条例 asks: the side of the smallest
// square that holds all the ink at any rotation (so a seal tilted on the scanner is judged by its
// true size). Returns the ink cropped with a 1 mm margin as lossless PNG, its size in mm (the
// certificate prints it at exactly that size) and a SHA-256 of its pixels (equal pixels: an exact
// duplicate).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "jrr/domain/core/result.h"
#include "jrr/domain/seals/seal_registration.h"

namespace jrr::forms {

struct MeasuredImpression {
  ImpressionMeasure measure;
  std::string png;  // the cropped impression, lossless
  int width_px = 0;
  int height_px = 0;
};

// The largest image decoded: 4096 pixels a side and 16 M pixels in all (a 42 mm scan at 2400 dpi,
// an 86 mm one at 1200 dpi — more than any 印影 needs). Larger is refused from the file's header.
inline constexpr uint64_t kMaxImpressionSide = 4096;
inline constexpr uint64_t kMaxImpressionPixels = 16u << 20;

// Errors: seal.image_unreadable (neither PNG nor JPEG, or corrupt), seal.image_too_large (over the
// limits above), seal.image_resolution (dpi outside 100–2400), seal.no_ink (nothing darker than
// the paper).
Result<MeasuredImpression> MeasureImpression(std::string_view image_bytes, double dpi);

// A synthetic impression for tests, samples and benchmarks: a round seal `diameter_mm` across
// with a rim and `text` in the middle, drawn at `dpi`, rotated by `degrees`; PNG.
std::string DrawSampleImpression(double diameter_mm, double dpi, const std::string& text,
                                 double degrees = 0);
// A square seal `side_mm` across (a 角印), rotated by `degrees`; PNG, or JPEG when `jpeg`.
std::string DrawSampleSquare(double side_mm, double dpi, double degrees, bool jpeg = false);

}  // namespace jrr::forms
