// SPDX-License-Identifier: Apache-2.0
//
// 帳票の面 — Sheet: one filled page of a certificate, as positioned text, ruled lines, the seal's
// place and the QR code's place, in millimetres from the top-left corner of A4 portrait. Filling
// (certificate_fill.h) makes sheets from a plan without measuring anything; the renderer
// (pdf_renderer.h) fits each text into its box and draws. A sheet dump is the golden-file form
// the layout tests compare.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace jrr::forms {

struct Box {
  double x = 0, y = 0, w = 0, h = 0;  // mm
};

enum class FontRole {
  kMincho,  // IPAmj明朝: names, addresses, 本籍 — every value a person's data fills
  kGothic,  // IPAexゴシック: labels, titles, numbers the system prints
};

enum class Align { kLeft, kCenter, kRight };

struct PlacedText {
  std::string field;  // layout name, e.g. member.name, header.address, footer.certification
  std::string atena;  // the person it belongs to; empty for sheet-level text
  Box box;
  FontRole font = FontRole::kMincho;
  double size_pt = 9;      // nominal
  double min_size_pt = 6;  // shrink-to-fit stops here (JK-5.8)
  Align align = Align::kLeft;
  std::string text;
  bool framed = false;  // drawn with a frame (the 「公用」 mark)
};

struct Rule {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;  // mm
  double width_mm = 0.2;
};

// A QR code of `data` drawn to fill its square box.
struct PlacedCode {
  Box box;
  std::string data;
};

struct Sheet {
  std::vector<PlacedText> texts;
  std::vector<Rule> rules;
  std::optional<Box> seal;  // the 電子公印 (≤ 25 mm square, JK-5.6)
  std::string seal_text;
  std::vector<PlacedCode> codes;  // the 転出証明書's QR codes, one a mover
  std::optional<Box> image;  // a PNG drawn to fill the box exactly (the 印影, at actual size)
  std::string image_png;
  int certificate = 0;  // which certificate of its copy the sheet belongs to (each 個人票 is one)
};

// A text in its box at its nominal size; it may shrink to kShrinkFloor of it (never below 5 pt).
PlacedText TextAt(std::string field, std::string atena, Box box, FontRole font, double size_pt,
                  std::string text, Align align = Align::kLeft);

// One line per text, rule, seal and QR code: "page field atena x y w h size text", numbers to
// 0.1 mm / 0.1 pt. Stable, for golden files.
std::string DumpSheets(const std::vector<Sheet>& sheets);

}  // namespace jrr::forms
