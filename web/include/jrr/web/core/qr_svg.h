// SPDX-License-Identifier: Apache-2.0
//
// QrSvg — a QR code (libqrencode) as an inline SVG, for the enrolment screen's otpauth:// URI: no
// image file, no external origin, nothing but the page itself.
#pragma once

#include <string>

namespace jrr::web {

// An <svg> of `text` as a QR code (error correction M), `module_px` pixels per module; empty when
// the text does not fit a QR code.
std::string QrSvg(const std::string& text, int module_px = 4);

}  // namespace jrr::web
