// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/qr_svg.h"

#include <qrencode.h>

#include <memory>

namespace jrr::web {

std::string QrSvg(const std::string& text, int module_px) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
  if (!code) return "";
  constexpr int kQuiet = 4;  // the quiet zone a reader needs, in modules
  const int width = code->width;
  const int size = (width + 2 * kQuiet) * module_px;
  const std::string px = std::to_string(size);
  const std::string modules = std::to_string(width + 2 * kQuiet);
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"QR\" width=\"";
  svg += px;
  svg += "\" height=\"";
  svg += px;
  svg += "\" viewBox=\"0 0 ";
  svg += modules;
  svg += ' ';
  svg += modules;
  svg += "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"";
  for (int y = 0; y < width; ++y) {
    for (int x = 0; x < width; ++x) {
      if (code->data[y * width + x] & 1) {
        svg += 'M';
        svg += std::to_string(x + kQuiet);
        svg += ' ';
        svg += std::to_string(y + kQuiet);
        svg += "h1v1h-1z";
      }
    }
  }
  svg += "\"/></svg>";
  return svg;
}

}  // namespace jrr::web
