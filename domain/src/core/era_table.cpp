// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/era_table.h"

#include <cstdio>
#include <cstdlib>

#include "jrr/domain/core/text.h"

namespace jrr::embedded {
std::string_view era_table_tsv();
}

namespace jrr {
namespace {

Error TableError(int line, const std::string& what) {
  return MakeError(ErrorCode::kInvalidInput, "era_table.invalid",
                   "line " + std::to_string(line) + ": " + what);
}

}  // namespace

Result<EraTable> EraTable::FromTsv(std::string_view tsv) {
  EraTable table;
  const std::vector<DataLine> lines = DataLines(tsv);
  int line_number = lines.empty() ? 0 : lines.back().number;
  // The first non-comment line names the columns.
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i].text;
    line_number = lines[i].number;
    if (auto checked = CheckText(line, {.max_bytes = 512, .allow_newlines = true}); !checked) {
      return TableError(line_number, checked.error().detail);
    }
    const auto fields = SplitTabs(line);
    if (fields.size() != 5) return TableError(line_number, "expected 5 tab-separated fields");
    const std::u32string name = DecodeUtf8(fields[0]);
    const std::u32string abbreviation = DecodeUtf8(fields[1]);
    if (name.empty() || abbreviation.size() != 1) {
      return TableError(line_number, "name must be non-empty and abbreviation one character");
    }
    if (fields[2].size() != 1 || fields[2][0] < 'A' || fields[2][0] > 'Z') {
      return TableError(line_number, "initial must be one upper-case Latin letter");
    }
    const auto start = ParseIsoDate(fields[3]);
    if (!start) return TableError(line_number, "start is not a YYYY-MM-DD calendar date");
    if (fields[4] != "yes" && fields[4] != "no") {
      return TableError(line_number, "old_era_on_start_day must be yes or no");
    }
    if (!table.eras_.empty() && !(table.eras_.back().start < *start)) {
      return TableError(line_number, "eras must be listed in order of their start dates");
    }
    for (const Era& existing : table.eras_) {
      if (existing.name == fields[0] || existing.initial == fields[2][0] ||
          existing.abbreviation == fields[1]) {
        return TableError(line_number, "duplicate era name, abbreviation or initial");
      }
    }
    table.eras_.push_back(Era{std::string(fields[0]), std::string(fields[1]), fields[2][0], *start,
                              fields[4] == "yes"});
    table.names32_.push_back(name);
    table.abbreviations32_.push_back(abbreviation[0]);
  }
  if (table.eras_.empty()) return TableError(line_number, "the table lists no era");
  return table;
}

const EraTable& EraTable::Default() {
  static const EraTable table = [] {
    auto parsed = FromTsv(embedded::era_table_tsv());
    if (!parsed) {  // the shipped table is checked by tests; reaching this is a build defect
      std::fprintf(stderr, "jrr: built-in era table is invalid: %s\n",
                   parsed.error().detail.c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return table;
}

EraYear EraTable::ToEraYear(const CalendarDate& d) const {
  for (int i = static_cast<int>(eras_.size()) - 1; i >= 0; --i) {
    const Era& era = eras_[static_cast<std::size_t>(i)];
    if (!(d < era.start)) return EraYear{i, d.year - era.start.year + 1};
  }
  return EraYear{-1, 0};
}

const CalendarDate* EraTable::EndExclusive(int era) const {
  const auto next = static_cast<std::size_t>(era) + 1;
  return next < eras_.size() ? &eras_[next].start : nullptr;
}

int EraTable::FindByName(std::u32string_view name) const {
  for (std::size_t i = 0; i < names32_.size(); ++i) {
    if (names32_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

int EraTable::FindByAbbreviation(char32_t c) const {
  for (std::size_t i = 0; i < abbreviations32_.size(); ++i) {
    if (abbreviations32_[i] == c) return static_cast<int>(i);
  }
  return -1;
}

int EraTable::FindByInitial(char32_t c) const {
  if (c >= U'a' && c <= U'z') c = c - U'a' + U'A';
  for (std::size_t i = 0; i < eras_.size(); ++i) {
    if (static_cast<char32_t>(eras_[i].initial) == c) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace jrr
