// SPDX-License-Identifier: Apache-2.0
//
// PDF出力 — PdfRenderer: the CertificateRenderer on cairo and pango (the one
// Debian stack that draws supplementary-plane kanji and Moji_Joho IVS, and embeds font subsets).
//
// Fitting (JK-5.8): a value is drawn at its nominal size when it fits its box; otherwise it
// shrinks, down to its minimum size; what still does not fit is reported (文字超過リスト) and drawn
// per the OverflowPolicy — clipped to its box (限界まで) or left blank (空白). A character that no
// font has (pango's unknown glyphs) is reported as missing_glyph and never drawn as a box.
//
// Fonts are loaded once per renderer; keep one renderer per process (it is thread-safe: calls are
// serialised, since a pango context is not). Throws std::runtime_error when the fonts are absent.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

// The fitted form of one text: the size it is drawn at and whether it still overflows.
struct FittedText {
  double size_pt = 0;
  double width_mm = 0;
  bool overflow = false;
  int unknown_glyphs = 0;
};

class PdfRenderer final : public CertificateRenderer {
 public:
  PdfRenderer();
  ~PdfRenderer() override;
  PdfRenderer(const PdfRenderer&) = delete;
  PdfRenderer& operator=(const PdfRenderer&) = delete;

  LayoutCheck Check(const CertificatePlan& plan) override;
  std::string Render(const CertificatePlan& plan, const std::vector<int>& serials) override;

  // The lower-level steps, for tests and benchmarks.
  FittedText Fit(const PlacedText& text);
  std::string RenderSheets(const std::vector<Sheet>& sheets, OverflowPolicy policy,
                           const std::string& title);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jrr::forms
