// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/certificates/notice_letter.h"

#include "jrr/domain/core/japanese_date.h"

namespace jrr::forms {
namespace {

constexpr double kLeft = 15, kWidth = 180, kBottom = 277, kRow = 7;

PlacedText At(std::string field, Box box, FontRole font, double size, std::string text,
              Align align = Align::kLeft) {
  return TextAt(std::move(field), "", box, font, size, std::move(text), align);
}

void Frame(Sheet& sheet, double x, double y, double w, double h) {
  sheet.rules.push_back({x, y, x + w, y, 0.2});
  sheet.rules.push_back({x, y + h, x + w, y + h, 0.2});
  sheet.rules.push_back({x, y, x, y + h, 0.2});
  sheet.rules.push_back({x + w, y, x + w, y + h, 0.2});
}

// Column widths of a list: the first columns (numbers, names) narrower, the rest share what is left.
std::vector<double> Columns(std::size_t count) {
  if (count == 0) return {};
  std::vector<double> widths(count, kWidth / static_cast<double>(count));
  if (count >= 4) {
    widths[0] = 26;
    const double rest = (kWidth - 26) / static_cast<double>(count - 1);
    for (std::size_t i = 1; i < count; ++i) widths[i] = rest;
  }
  return widths;
}

}  // namespace

std::vector<Sheet> FillNotice(const NoticeDocument& d) {
  std::vector<Sheet> sheets(1);
  Sheet* sheet = &sheets.back();
  auto put = [&](const char* field, Box box, FontRole font, double size, std::string text,
                 Align align = Align::kLeft) {
    sheet->texts.push_back(At(field, box, font, size, std::move(text), align));
  };
  put("header.reference", {120, 12, 75, 5}, FontRole::kGothic, 9, d.reference, Align::kRight);
  put("header.date", {120, 18, 75, 6}, FontRole::kMincho, 10, FormatWareki(d.date), Align::kRight);
  double y = 28;
  if (!d.recipient_name.empty()) {
    put("recipient.address", {kLeft, y, 150, 7}, FontRole::kMincho, 11, d.recipient_address);
    put("recipient.name", {kLeft, y + 8, 150, 8}, FontRole::kMincho, 13,
        d.recipient_name + "\u3000様");
    y += 20;
  }
  put("sender", {90, y, 105, 7}, FontRole::kMincho, 11, d.sender, Align::kRight);
  y += 12;
  put("title", {kLeft, y, kWidth, 10}, FontRole::kGothic, 16, d.title, Align::kCenter);
  y += 16;
  for (const std::string& line : d.paragraphs) {
    put("body", {kLeft + 5, y, kWidth - 5, 6}, FontRole::kMincho, 10.5, line);
    y += 7;
  }
  y += 3;
  for (const auto& [label, value] : d.items) {
    Frame(*sheet, kLeft, y, 45, kRow);
    Frame(*sheet, kLeft + 45, y, kWidth - 45, kRow);
    put("item.label", {kLeft + 1, y + 0.5, 43, kRow - 1}, FontRole::kGothic, 9, label,
        Align::kCenter);
    put("item.value", {kLeft + 47, y + 0.5, kWidth - 49, kRow - 1}, FontRole::kMincho, 10, value);
    y += kRow;
  }
  if (!d.table.empty()) {
    y += 5;
    const std::vector<double> widths = Columns(d.table.front().size());
    auto row = [&](const std::vector<std::string>& cells, bool heading) {
      double x = kLeft;
      for (std::size_t c = 0; c < widths.size(); ++c) {
        Frame(*sheet, x, y, widths[c], kRow);
        put(heading ? "table.heading" : "table.cell", {x + 1, y + 0.5, widths[c] - 2, kRow - 1},
            heading ? FontRole::kGothic : FontRole::kMincho, heading ? 8.5 : 9,
            c < cells.size() ? cells[c] : "", heading ? Align::kCenter : Align::kLeft);
        x += widths[c];
      }
      y += kRow;
    };
    row(d.table.front(), true);
    for (std::size_t r = 1; r < d.table.size(); ++r) {
      if (y + kRow > kBottom - 8) {
        sheets.emplace_back();
        sheet = &sheets.back();
        y = 15;
        put("title", {kLeft, y, kWidth, 8}, FontRole::kGothic, 12, d.title + "（続き）",
            Align::kCenter);
        y += 12;
        row(d.table.front(), true);
      }
      row(d.table[r], false);
    }
    if (d.table.size() == 1) {
      put("table.none", {kLeft, y + 2, kWidth, 6}, FontRole::kGothic, 10, "該当者はいません。",
          Align::kCenter);
    }
  }
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    sheets[i].texts.push_back(At("footer.page", {kLeft, kBottom + 6, kWidth, 5}, FontRole::kGothic,
                                 8, std::to_string(i + 1) + " / " + std::to_string(sheets.size()),
                                 Align::kCenter));
  }
  return sheets;
}

}  // namespace jrr::forms
