// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/certificates/pdf_renderer.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "jrr/forms/certificates/certificate_fill.h"
#include "jrr/forms/core/page_geometry.h"

// fontconfig keeps its configuration and font caches for the life of the process and frees them
// only in FcFini(), which pango never calls: under AddressSanitizer these are reported as leaks.
// They are bounded (one cache per process), so the sanitizer build is told about them here,
// where every program that renders links them in.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __lsan_default_suppressions() { return "leak:libfontconfig.so\n"; }
extern "C" const char* __lsan_default_options() { return "print_suppressions=0"; }
#endif

namespace jrr::forms {
namespace {

constexpr const char* kMinchoFamily = "IPAmjMincho";
constexpr const char* kGothicFamily = "IPAexGothic";

double Pt(double mm) { return MillimetresToPoints(mm); }

using QrCode = std::unique_ptr<QRcode, decltype(&QRcode_free)>;

// The data as a QR code (error correction M); null when no QR code holds it.
QrCode EncodeQr(const std::string& data) {
  return QrCode(
      QRcode_encodeData(static_cast<int>(data.size()),
                        reinterpret_cast<const unsigned char*>(data.data()), 0, QR_ECLEVEL_M),
      &QRcode_free);
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

template <typename T, void (*Free)(T*)>
struct Owned {
  T* p = nullptr;
  explicit Owned(T* q) : p(q) {}
  ~Owned() {
    if (p != nullptr) Free(p);
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
};
void UnrefObject(PangoLayout* l) { g_object_unref(l); }
using LayoutPtr = Owned<PangoLayout, UnrefObject>;

}  // namespace

struct PdfRenderer::Impl {
  std::mutex mutex;
  PangoFontMap* font_map = nullptr;
  PangoContext* context = nullptr;
  PangoFontDescription* mincho = nullptr;
  PangoFontDescription* gothic = nullptr;

  Impl() {
    font_map = pango_cairo_font_map_new();
    context = pango_font_map_create_context(font_map);
    pango_cairo_context_set_resolution(context, 72.0);  // one device unit = one point
    // Unhinted metrics: the widths measured for fitting are the widths drawn in the PDF.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    mincho = pango_font_description_from_string(kMinchoFamily);
    gothic = pango_font_description_from_string(kGothicFamily);
    for (const char* family : {kMinchoFamily, kGothicFamily}) {
      PangoFontDescription* wanted = pango_font_description_from_string(family);
      PangoFont* font = pango_font_map_load_font(font_map, context, wanted);
      std::string loaded;
      if (font != nullptr) {
        PangoFontDescription* got = pango_font_describe(font);
        loaded = pango_font_description_get_family(got);
        pango_font_description_free(got);
        g_object_unref(font);
      }
      pango_font_description_free(wanted);
      if (loaded != family) {
        throw std::runtime_error(
            std::string("certificate font not installed: ") + family +
            " (scripts/install-deps installs fonts-ipamj-mincho and fonts-ipaexfont)");
      }
    }
  }

  ~Impl() {
    pango_font_description_free(mincho);
    pango_font_description_free(gothic);
    g_object_unref(context);
    g_object_unref(font_map);
  }

  // A layout of the text at `size` points, in the text's font.
  PangoLayout* Layout(const PlacedText& t, double size) {
    PangoLayout* layout = pango_layout_new(context);
    PangoFontDescription* desc =
        pango_font_description_copy(t.font == FontRole::kMincho ? mincho : gothic);
    pango_font_description_set_size(desc, static_cast<gint>(std::lround(size * PANGO_SCALE)));
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_text(layout, t.text.c_str(), static_cast<int>(t.text.size()));
    return layout;
  }

  static double WidthMm(PangoLayout* layout) {
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    return PointsToMillimetres(static_cast<double>(logical.width) / PANGO_SCALE);
  }

  // Shrinks in quarter points until the text fits, down to its minimum size.
  // IMP: JK-5.8
  FittedText Fit(const PlacedText& t, PangoLayout** keep = nullptr) {
    FittedText fitted;
    fitted.size_pt = t.size_pt;
    PangoLayout* layout = Layout(t, t.size_pt);
    fitted.unknown_glyphs = pango_layout_get_unknown_glyphs_count(layout);
    fitted.width_mm = WidthMm(layout);
    if (fitted.width_mm > t.box.w && !t.text.empty()) {
      double size = std::floor(t.size_pt * t.box.w / fitted.width_mm * 4) / 4;
      size = std::max(size, t.min_size_pt);
      for (;;) {
        g_object_unref(layout);
        layout = Layout(t, size);
        fitted.size_pt = size;
        fitted.width_mm = WidthMm(layout);
        if (fitted.width_mm <= t.box.w || size <= t.min_size_pt) break;
        size = std::max(t.min_size_pt, size - 0.25);
      }
      fitted.overflow = fitted.width_mm > t.box.w;
    }
    if (keep != nullptr) {
      *keep = layout;
    } else {
      g_object_unref(layout);
    }
    return fitted;
  }

  // The sample 電子公印: a square seal in black, its characters in columns of two read from the
  // right (架空市長之印), drawn as vector outlines and glyphs — sharp at any resolution and a few
  // hundred bytes, where an embedded image would cost a compressed bitmap on every page.
  void DrawSeal(cairo_t* cr, const Box& box, const std::string& text) {
    const double size = Pt(std::min(box.w, box.h));
    const double border = size * 0.06;
    cairo_save(cr);
    cairo_translate(cr, Pt(box.x), Pt(box.y));
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_set_line_width(cr, border);
    cairo_rectangle(cr, border / 2, border / 2, size - border, size - border);
    cairo_stroke(cr);
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < text.size();) {
      std::size_t n = 1;
      const auto c = static_cast<unsigned char>(text[i]);
      if (c >= 0xF0)
        n = 4;
      else if (c >= 0xE0)
        n = 3;
      else if (c >= 0xC0)
        n = 2;
      chars.push_back(text.substr(i, n));
      i += n;
    }
    const int columns = std::max<int>(1, static_cast<int>((chars.size() + 1) / 2));
    const double inner = size - 2.6 * border;
    const double cell_w = inner / columns, cell_h = inner / 2;
    PlacedText glyph;
    glyph.font = FontRole::kMincho;
    pango_cairo_update_context(cr, context);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      const int column = static_cast<int>(i / 2), row = static_cast<int>(i % 2);
      glyph.text = chars[i];
      LayoutPtr layout(Layout(glyph, std::min(cell_w, cell_h) * 0.86));
      PangoRectangle logical;
      pango_layout_get_extents(layout.p, nullptr, &logical);
      const double w = static_cast<double>(logical.width) / PANGO_SCALE;
      const double h = static_cast<double>(logical.height) / PANGO_SCALE;
      cairo_move_to(cr, size - 1.3 * border - (column + 1) * cell_w + (cell_w - w) / 2,
                    1.3 * border + row * cell_h + (cell_h - h) / 2);
      pango_cairo_show_layout(cr, layout.p);
    }
    cairo_restore(cr);
  }

  // The PNG stretched to the box: the 印影 box is the impression's own size, so this is 1:1.
  void DrawImage(cairo_t* cr, const Box& box, const std::string& png) {
    struct Reader {
      const std::string* bytes;
      std::size_t at;
    } reader{&png, 0};
    auto read = [](void* closure, unsigned char* data, unsigned int length) -> cairo_status_t {
      auto* r = static_cast<Reader*>(closure);
      if (r->at + length > r->bytes->size()) return CAIRO_STATUS_READ_ERROR;
      std::memcpy(data, r->bytes->data() + r->at, length);
      r->at += length;
      return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* image = cairo_image_surface_create_from_png_stream(read, &reader);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) {
      cairo_surface_destroy(image);
      throw std::runtime_error("the impression image cannot be read");  // never print without it
    }
    cairo_save(cr);
    cairo_translate(cr, Pt(box.x), Pt(box.y));
    cairo_scale(cr, Pt(box.w) / cairo_image_surface_get_width(image),
                Pt(box.h) / cairo_image_surface_get_height(image));
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(image);
  }

  void DrawQr(cairo_t* cr, const Box& box, const std::string& data) {
    const QrCode owned = EncodeQr(data);
    const QRcode* code = owned.get();
    if (code == nullptr) throw std::runtime_error("QR code: the data does not fit");
    const int quiet = 4;
    const double module = Pt(box.w) / (code->width + 2 * quiet);
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int y = 0; y < code->width; ++y) {
      for (int x = 0; x < code->width; ++x) {
        if (code->data[y * code->width + x] & 1) {
          cairo_rectangle(cr, Pt(box.x) + (x + quiet) * module, Pt(box.y) + (y + quiet) * module,
                          module, module);
        }
      }
    }
    cairo_fill(cr);
  }

  void DrawText(cairo_t* cr, const PlacedText& t, OverflowPolicy policy) {
    if (t.framed) {
      cairo_set_line_width(cr, Pt(0.4));
      cairo_rectangle(cr, Pt(t.box.x), Pt(t.box.y), Pt(t.box.w), Pt(t.box.h));
      cairo_stroke(cr);
    }
    if (t.text.empty()) return;
    PangoLayout* layout = nullptr;
    const FittedText fitted = Fit(t, &layout);
    LayoutPtr owned(layout);
    if (fitted.overflow && policy == OverflowPolicy::kBlank) return;
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    const double width = static_cast<double>(logical.width) / PANGO_SCALE;
    const double height = static_cast<double>(logical.height) / PANGO_SCALE;
    double x = Pt(t.box.x) + Pt(0.8);
    if (t.align == Align::kCenter) x = Pt(t.box.x) + (Pt(t.box.w) - width) / 2;
    if (t.align == Align::kRight) x = Pt(t.box.x + t.box.w) - width - Pt(0.8);
    const double y = Pt(t.box.y) + (Pt(t.box.h) - height) / 2;
    cairo_save(cr);
    if (fitted.overflow) {  // 限界まで: what fits the box, and no further
      cairo_rectangle(cr, Pt(t.box.x), Pt(t.box.y), Pt(t.box.w), Pt(t.box.h));
      cairo_clip(cr);
      x = Pt(t.box.x);
    }
    cairo_move_to(cr, x, y);
    pango_cairo_update_context(cr, context);
    pango_layout_context_changed(layout);
    pango_cairo_show_layout(cr, layout);
    cairo_restore(cr);
  }

  void DrawSheet(cairo_t* cr, const Sheet& sheet, OverflowPolicy policy) {
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (const Rule& r : sheet.rules) {
      cairo_set_line_width(cr, Pt(r.width_mm));
      cairo_move_to(cr, Pt(r.x1), Pt(r.y1));
      cairo_line_to(cr, Pt(r.x2), Pt(r.y2));
      cairo_stroke(cr);
    }
    for (const PlacedText& t : sheet.texts) DrawText(cr, t, policy);
    if (sheet.seal) DrawSeal(cr, *sheet.seal, sheet.seal_text);
    for (const PlacedCode& code : sheet.codes) DrawQr(cr, code.box, code.data);
    if (sheet.image) DrawImage(cr, *sheet.image, sheet.image_png);
  }

  std::string Pdf(const std::vector<std::vector<Sheet>>& copies, OverflowPolicy policy,
                  const std::string& title) {
    std::string bytes;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(
        AppendToString, &bytes, Pt(kA4Portrait.width_mm), Pt(kA4Portrait.height_mm));
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "jrr");
    cairo_t* cr = cairo_create(surface);
    for (const auto& sheets : copies) {
      for (const Sheet& sheet : sheets) {
        DrawSheet(cr, sheet, policy);
        cairo_show_page(cr);
      }
    }
    const cairo_status_t status = cairo_status(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t finish = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS || finish != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(
          std::string("PDF rendering failed: ") +
          cairo_status_to_string(status != CAIRO_STATUS_SUCCESS ? status : finish));
    }
    return bytes;
  }
};

PdfRenderer::PdfRenderer() : impl_(std::make_unique<Impl>()) {}
PdfRenderer::~PdfRenderer() = default;

FittedText PdfRenderer::Fit(const PlacedText& text) {
  std::lock_guard lock(impl_->mutex);
  return impl_->Fit(text);
}

LayoutCheck PdfRenderer::Check(const CertificatePlan& plan) {
  const std::vector<Sheet> sheets = FillCertificate(plan, 0);
  std::lock_guard lock(impl_->mutex);
  LayoutCheck check;
  check.sheets = static_cast<int>(sheets.size());
  for (const Sheet& sheet : sheets) {
    if (check.certificate_sheets.size() <= static_cast<std::size_t>(sheet.certificate))
      check.certificate_sheets.resize(static_cast<std::size_t>(sheet.certificate) + 1, 0);
    ++check.certificate_sheets[static_cast<std::size_t>(sheet.certificate)];
  }
  for (const Sheet& sheet : sheets) {
    for (const PlacedText& t : sheet.texts) {
      if (t.text.empty()) continue;
      const FittedText fitted = impl_->Fit(t);
      if (fitted.unknown_glyphs > 0 || fitted.overflow) {
        check.problems.push_back({t.atena, t.field, t.text, fitted.unknown_glyphs > 0});
      }
    }
    for (const PlacedCode& code : sheet.codes) {
      if (!EncodeQr(code.data)) ++check.codes_too_large;
    }
  }
  return check;
}

// IMP: JK-10.7
std::string PdfRenderer::Render(const CertificatePlan& plan, const std::vector<int>& serials) {
  std::vector<std::vector<Sheet>> copies;
  const auto per_copy = static_cast<std::size_t>(CertificatesPerCopy(plan));
  for (std::size_t first = 0; first < serials.size(); first += per_copy) {
    const auto end = std::min(serials.size(), first + per_copy);
    copies.push_back(FillCertificate(
        plan, std::vector<int>(serials.begin() + static_cast<std::ptrdiff_t>(first),
                               serials.begin() + static_cast<std::ptrdiff_t>(end))));
  }
  std::lock_guard lock(impl_->mutex);
  return impl_->Pdf(copies, plan.overflow, plan.title);
}

std::string PdfRenderer::RenderSheets(const std::vector<Sheet>& sheets, OverflowPolicy policy,
                                      const std::string& title) {
  std::lock_guard lock(impl_->mutex);
  return impl_->Pdf({sheets}, policy, title);
}

}  // namespace jrr::forms
