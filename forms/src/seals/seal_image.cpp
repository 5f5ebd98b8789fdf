// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/seals/seal_image.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <cairo.h>
#include <jpeglib.h>
#include <pango/pangocairo.h>
#include <png.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <cstring>
#include <vector>

namespace jrr::forms {
namespace {

struct Gray {
  int width = 0, height = 0;
  std::vector<unsigned char> ink;  // 1 where there is ink
};

struct Reader {
  std::string_view bytes;
  std::size_t at = 0;
};

cairo_status_t ReadBytes(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->at + length > r->bytes.size()) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->at, length);
  r->at += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// PNG of an image surface, written with libpng rather than cairo's writer: zlib's fastest level
// and no row filter. Impressions are flat colour on flat paper, so these cost a few per cent in
// size and save most of the time (cairo's writer tries every filter on every row at the default
// level; the sample town draws and stores up to a thousand impressions). ARGB32 becomes RGBA
// (un-premultiplied; these images hold only opaque or fully transparent pixels), RGB24 RGB.
std::string EncodePng(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const int width = cairo_image_surface_get_width(surface);
  const int height = cairo_image_surface_get_height(surface);
  const int stride = cairo_image_surface_get_stride(surface);
  const bool alpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png != nullptr ? png_create_info_struct(png) : nullptr;
  if (info == nullptr) {
    png_destroy_write_struct(&png, nullptr);
    throw std::bad_alloc();
  }
  std::vector<png_byte> row(static_cast<std::size_t>(width) * (alpha ? 4 : 3));
  // libpng reports errors by longjmp; with memory output the only one possible is running out of it.
  if (setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_write_struct(&png, &info);
    throw std::bad_alloc();
  }
  png_set_write_fn(
      png, &out,
      [](png_structp p, png_bytep bytes, png_size_t length) {
        static_cast<std::string*>(png_get_io_ptr(p))
            ->append(reinterpret_cast<const char*>(bytes), length);
      },
      nullptr);
  png_set_compression_level(png, 1);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_write_info(png, info);
  for (int y = 0; y < height; ++y) {
    const auto* pixels = reinterpret_cast<const uint32_t*>(data + y * stride);
    png_byte* at = row.data();
    for (int x = 0; x < width; ++x) {
      const uint32_t p = pixels[x];
      const unsigned a = alpha ? p >> 24 : 255;
      for (int shift : {16, 8, 0}) {
        const unsigned c = (p >> shift) & 255;
        *at++ = static_cast<png_byte>(a == 0 ? 0 : a == 255 ? c : (c * 255 + a / 2) / a);
      }
      if (alpha) *at++ = static_cast<png_byte>(a);
    }
    png_write_row(png, row.data());
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

// Ink: darker than the middle grey and not transparent. Red ink counts (its luminance is low).
bool IsInk(int r, int g, int b, int a) {
  return a > 128 && (299 * r + 587 * g + 114 * b) / 1000 < 160;
}

uint32_t BigEndian32(std::string_view bytes, std::size_t at) {
  uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
  return v;
}

// The width and height a PNG declares in its IHDR (the first chunk, by the format), read before
// anything is decoded; nullopt when the header is not there.
std::optional<std::pair<uint32_t, uint32_t>> PngSize(std::string_view bytes) {
  if (bytes.size() < 24 || bytes.substr(12, 4) != "IHDR") return std::nullopt;
  return std::pair{BigEndian32(bytes, 16), BigEndian32(bytes, 20)};
}

bool TooLarge(uint64_t width, uint64_t height) {
  return width > kMaxImpressionSide || height > kMaxImpressionSide ||
         width * height > kMaxImpressionPixels;
}

std::optional<Gray> DecodePng(std::string_view bytes) {
  Reader reader{bytes, 0};
  cairo_surface_t* s = cairo_image_surface_create_from_png_stream(ReadBytes, &reader);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    cairo_surface_destroy(s);
    return std::nullopt;
  }
  cairo_surface_flush(s);
  Gray g;
  g.width = cairo_image_surface_get_width(s);
  g.height = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const cairo_format_t format = cairo_image_surface_get_format(s);
  g.ink.resize(static_cast<std::size_t>(g.width) * g.height);
  for (int y = 0; y < g.height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + y * stride);
    for (int x = 0; x < g.width; ++x) {
      const uint32_t p = row[x];
      const int a = format == CAIRO_FORMAT_ARGB32 ? static_cast<int>(p >> 24) : 255;
      // Premultiplied: un-premultiply against a white page.
      const int r = static_cast<int>((p >> 16) & 255) + (255 - a);
      const int gr = static_cast<int>((p >> 8) & 255) + (255 - a);
      const int b = static_cast<int>(p & 255) + (255 - a);
      g.ink[static_cast<std::size_t>(y) * g.width + x] = IsInk(r, gr, b, 255) && a > 128 ? 1 : 0;
    }
  }
  cairo_surface_destroy(s);
  return g;
}

struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
};

void OnJpegError(j_common_ptr info) {
  std::longjmp(reinterpret_cast<JpegError*>(info->err)->jump, 1);
}

// The width and height a JPEG declares in its frame header, read by libjpeg without decoding.
std::optional<std::pair<uint32_t, uint32_t>> JpegSize(std::string_view bytes) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = OnJpegError;
  if (setjmp(error.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return std::nullopt;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  std::optional<std::pair<uint32_t, uint32_t>> size;
  if (jpeg_read_header(&info, TRUE) == JPEG_HEADER_OK)
    size = std::pair{info.image_width, info.image_height};
  jpeg_destroy_decompress(&info);
  return size;
}

std::optional<Gray> DecodeJpeg(std::string_view bytes) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = OnJpegError;
  Gray g;
  if (setjmp(error.jump) != 0) {
    jpeg_destroy_decompress(&info);
    return std::nullopt;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<unsigned long>(bytes.size()));
  if (jpeg_read_header(&info, TRUE) != JPEG_HEADER_OK ||
      TooLarge(info.image_width, info.image_height)) {
    jpeg_destroy_decompress(&info);
    return std::nullopt;
  }
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  g.width = static_cast<int>(info.output_width);
  g.height = static_cast<int>(info.output_height);
  g.ink.resize(static_cast<std::size_t>(g.width) * g.height);
  std::vector<unsigned char> row(static_cast<std::size_t>(g.width) * 3);
  while (info.output_scanline < info.output_height) {
    const int y = static_cast<int>(info.output_scanline);
    unsigned char* rows[1] = {row.data()};
    jpeg_read_scanlines(&info, rows, 1);
    for (int x = 0; x < g.width; ++x) {
      g.ink[static_cast<std::size_t>(y) * g.width + x] =
          IsInk(row[x * 3], row[x * 3 + 1], row[x * 3 + 2], 255) ? 1 : 0;
    }
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return g;
}

struct Point {
  double x, y;
};

double Cross(const Point& o, const Point& a, const Point& b) {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

// Convex hull (monotone chain) of the ink pixels' corners.
std::vector<Point> Hull(std::vector<Point> points) {
  std::sort(points.begin(), points.end(),
            [](const Point& a, const Point& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
  std::vector<Point> hull(2 * points.size());
  std::size_t k = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    while (k >= 2 && Cross(hull[k - 2], hull[k - 1], points[i]) <= 0) --k;
    hull[k++] = points[i];
  }
  for (std::size_t i = points.size() - 1, t = k + 1; i > 0; --i) {
    while (k >= t && Cross(hull[k - 2], hull[k - 1], points[i - 1]) <= 0) --k;
    hull[k++] = points[i - 1];
  }
  hull.resize(k > 1 ? k - 1 : k);
  return hull;
}

}  // namespace

Result<MeasuredImpression> MeasureImpression(std::string_view bytes, double dpi) {
  if (!(dpi >= 100 && dpi <= 2400))
    return MakeError(ErrorCode::kInvalidInput, "seal.image_resolution");
  // Refused from the header, before any pixel is decoded: a small file can declare a huge image.
  if (bytes.size() > 8 && bytes.substr(1, 3) == "PNG") {
    const auto size = PngSize(bytes);
    if (size && TooLarge(size->first, size->second)) {
      return MakeError(ErrorCode::kInvalidInput, "seal.image_too_large",
                       std::to_string(size->first) + "x" + std::to_string(size->second));
    }
  }
  if (bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8) {
    if (const auto size = JpegSize(bytes); size && TooLarge(size->first, size->second)) {
      return MakeError(ErrorCode::kInvalidInput, "seal.image_too_large",
                       std::to_string(size->first) + "x" + std::to_string(size->second));
    }
  }
  std::optional<Gray> image;
  if (bytes.size() > 8 && bytes.substr(1, 3) == "PNG") image = DecodePng(bytes);
  if (!image && bytes.size() > 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
      static_cast<unsigned char>(bytes[1]) == 0xD8) {
    image = DecodeJpeg(bytes);
  }
  if (!image || image->width == 0)
    return MakeError(ErrorCode::kInvalidInput, "seal.image_unreadable");
  // The ink's edge pixels (an ink pixel with a non-ink neighbour) are enough for the hull.
  std::vector<Point> corners;
  int left = image->width, right = -1, top = image->height, bottom = -1;
  auto ink = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < image->width && y < image->height &&
           image->ink[static_cast<std::size_t>(y) * image->width + x] != 0;
  };
  for (int y = 0; y < image->height; ++y) {
    for (int x = 0; x < image->width; ++x) {
      if (!ink(x, y)) continue;
      left = std::min(left, x), right = std::max(right, x), top = std::min(top, y),
      bottom = std::max(bottom, y);
      if (ink(x - 1, y) && ink(x + 1, y) && ink(x, y - 1) && ink(x, y + 1)) continue;
      for (double dx : {0.0, 1.0}) {
        for (double dy : {0.0, 1.0}) corners.push_back({x + dx, y + dy});
      }
    }
  }
  if (right < 0) return MakeError(ErrorCode::kInvalidInput, "seal.no_ink");
  const std::vector<Point> hull = Hull(std::move(corners));
  // The smallest enclosing square over rotations: the larger side of the hull's extent along two
  // perpendicular directions, minimised over 0–90° in quarter degrees.
  double best = 1e18;
  for (int step = 0; step < 360; ++step) {
    const double t = step * M_PI / 720.0;
    const double c = std::cos(t), s = std::sin(t);
    double u0 = 1e18, u1 = -1e18, v0 = 1e18, v1 = -1e18;
    for (const Point& p : hull) {
      const double u = p.x * c + p.y * s, v = -p.x * s + p.y * c;
      u0 = std::min(u0, u), u1 = std::max(u1, u), v0 = std::min(v0, v), v1 = std::max(v1, v);
    }
    best = std::min(best, std::max(u1 - u0, v1 - v0));
  }
  const double mm_per_px = 25.4 / dpi;
  // Crop to the ink with a 1 mm margin, as ink on a transparent page, and digest the pixels.
  const int margin = static_cast<int>(std::lround(1.0 / mm_per_px));
  const int x0 = std::max(0, left - margin), y0 = std::max(0, top - margin);
  const int x1 = std::min(image->width, right + 1 + margin),
            y1 = std::min(image->height, bottom + 1 + margin);
  cairo_surface_t* crop = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, x1 - x0, y1 - y0);
  cairo_surface_flush(crop);
  unsigned char* data = cairo_image_surface_get_data(crop);
  const int stride = cairo_image_surface_get_stride(crop);
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  const std::string size = std::to_string(x1 - x0) + "x" + std::to_string(y1 - y0);
  sha.update(size);
  for (int y = y0; y < y1; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + (y - y0) * stride);
    std::string bits;
    for (int x = x0; x < x1; ++x) {
      const bool on = ink(x, y);
      row[x - x0] = on ? 0xFF000000u : 0u;  // black ink, transparent paper
      bits.push_back(on ? '1' : '0');
    }
    sha.update(bits);
  }
  cairo_surface_mark_dirty(crop);
  MeasuredImpression out;
  out.png = EncodePng(crop);
  cairo_surface_destroy(crop);
  out.width_px = x1 - x0;
  out.height_px = y1 - y0;
  out.measure.smallest_square_mm = best * mm_per_px;
  out.measure.width_mm = out.width_px * mm_per_px;
  out.measure.height_mm = out.height_px * mm_per_px;
  out.measure.digest = Poco::DigestEngine::digestToHex(sha.digest());
  return out;
}

std::string DrawSampleImpression(double diameter_mm, double dpi, const std::string& text,
                                 double degrees) {
  const double px_per_mm = dpi / 25.4;
  const int size = static_cast<int>(std::ceil((diameter_mm + 10) * px_per_mm));
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, size, size);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_translate(cr, size / 2.0, size / 2.0);
  cairo_rotate(cr, degrees * M_PI / 180);
  cairo_set_source_rgb(cr, 0.75, 0.05, 0.05);  // vermilion
  const double radius = diameter_mm / 2 * px_per_mm;
  const double rim = std::max(1.0, 0.06 * radius);
  cairo_set_line_width(cr, rim);
  cairo_arc(cr, 0, 0, radius - rim / 2, 0, 2 * M_PI);
  cairo_stroke(cr);
  if (!text.empty()) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* font = pango_font_description_from_string("IPAmjMincho");
    pango_font_description_set_absolute_size(font, radius * 0.8 * PANGO_SCALE);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    pango_layout_set_text(layout, text.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    const double scale = std::min(1.0, 1.4 * radius / std::max(1, w));
    cairo_scale(cr, scale, scale);
    cairo_move_to(cr, -w / 2.0, -h / 2.0);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
  }
  cairo_destroy(cr);
  std::string png = EncodePng(s);
  cairo_surface_destroy(s);
  return png;
}

std::string DrawSampleSquare(double side_mm, double dpi, double degrees, bool jpeg) {
  const double px_per_mm = dpi / 25.4;
  const int size = static_cast<int>(std::ceil((side_mm * 1.5 + 6) * px_per_mm));
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, size, size);
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_translate(cr, size / 2.0, size / 2.0);
  cairo_rotate(cr, degrees * M_PI / 180);
  cairo_set_source_rgb(cr, 0.7, 0.0, 0.0);
  const double half = side_mm / 2 * px_per_mm;
  cairo_rectangle(cr, -half, -half, 2 * half, 2 * half);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);  // the carved inside: a rim and a bar stay inked
  cairo_rectangle(cr, -half * 0.8, -half * 0.8, half * 1.6, half * 0.7);
  cairo_rectangle(cr, -half * 0.8, half * 0.1, half * 1.6, half * 0.7);
  cairo_fill(cr);
  cairo_destroy(cr);
  cairo_surface_flush(s);
  std::string out;
  if (!jpeg) {
    cairo_surface_write_to_png_stream(s, AppendBytes, &out);
    cairo_surface_destroy(s);
    return out;
  }
  jpeg_compress_struct info;
  jpeg_error_mgr error;
  info.err = jpeg_std_error(&error);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long length = 0;
  jpeg_mem_dest(&info, &buffer, &length);
  info.image_width = static_cast<JDIMENSION>(size);
  info.image_height = static_cast<JDIMENSION>(size);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 92, TRUE);
  jpeg_start_compress(&info, TRUE);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  std::vector<unsigned char> row(static_cast<std::size_t>(size) * 3);
  while (info.next_scanline < info.image_height) {
    const auto* pixels = reinterpret_cast<const uint32_t*>(data + info.next_scanline * stride);
    for (int x = 0; x < size; ++x) {
      row[x * 3] = static_cast<unsigned char>(pixels[x] >> 16);
      row[x * 3 + 1] = static_cast<unsigned char>(pixels[x] >> 8);
      row[x * 3 + 2] = static_cast<unsigned char>(pixels[x]);
    }
    unsigned char* rows[1] = {row.data()};
    jpeg_write_scanlines(&info, rows, 1);
  }
  jpeg_finish_compress(&info);
  out.assign(reinterpret_cast<const char*>(buffer), length);
  jpeg_destroy_compress(&info);
  free(buffer);
  cairo_surface_destroy(s);
  return out;
}

}  // namespace jrr::forms
