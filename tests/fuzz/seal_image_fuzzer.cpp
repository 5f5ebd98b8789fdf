// SPDX-License-Identifier: Apache-2.0
//
// An uploaded 印影: PNG or JPEG bytes, decoded and measured. A small file declaring a huge image
// is refused from its header; a measured impression is no larger than the limits allow.
#include "fuzz_input.h"
#include "jrr/forms/seals/seal_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  auto measured = jrr::forms::MeasureImpression(jrr::fuzz::Text(data, size), 600);
  if (measured) {
    jrr::fuzz::Require(measured->width_px > 0 && measured->height_px > 0,
                       "an impression has a size");
    jrr::fuzz::Require(
        static_cast<uint64_t>(measured->width_px) <= jrr::forms::kMaxImpressionSide &&
            static_cast<uint64_t>(measured->height_px) <= jrr::forms::kMaxImpressionSide,
        "no impression beyond the pixel limit");
  }
  return 0;
}
