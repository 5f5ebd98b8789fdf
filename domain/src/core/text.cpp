// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace jrr {

Result<std::size_t> CheckText(std::string_view text, const TextLimits& limits) {
  if (text.empty()) {
    if (limits.allow_empty) return std::size_t{0};
    return MakeError(ErrorCode::kInvalidInput, "text.empty", "empty text");
  }
  if (text.size() > limits.max_bytes) {
    return MakeError(ErrorCode::kInvalidInput, "text.too_long",
                     "text of " + std::to_string(text.size()) + " bytes exceeds " +
                         std::to_string(limits.max_bytes));
  }
  // U8_NEXT rejects overlong forms, surrogates and truncated sequences (c < 0).
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  std::size_t count = 0;
  while (i < length) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      return MakeError(ErrorCode::kInvalidInput, "text.invalid_utf8",
                       "ill-formed UTF-8 at byte " + std::to_string(at));
    }
    const bool newline_ok = limits.allow_newlines && (c == '\n' || c == '\t' || c == '\r');
    if (u_iscntrl(c) && !newline_ok) {
      return MakeError(ErrorCode::kInvalidInput, "text.control_char",
                       "control character at byte " + std::to_string(at));
    }
    ++count;
  }
  return count;
}

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) AppendUtf8(out, c);
  return out;
}

std::string_view TrimSpaces(std::string_view text) {
  static constexpr std::string_view kIdeographicSpace = "\u3000";
  bool changed = true;
  while (changed && !text.empty()) {
    changed = false;
    if (text.front() == ' ') {
      text.remove_prefix(1);
      changed = true;
    } else if (text.starts_with(kIdeographicSpace)) {
      text.remove_prefix(3);
      changed = true;
    }
    if (text.empty()) break;
    if (text.back() == ' ') {
      text.remove_suffix(1);
      changed = true;
    } else if (text.ends_with(kIdeographicSpace)) {
      text.remove_suffix(3);
      changed = true;
    }
  }
  return text;
}

std::vector<DataLine> DataLines(std::string_view text) {
  std::vector<DataLine> lines;
  int number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    lines.push_back({number, line});
  }
  return lines;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? line.npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

void AppendKeyValueLine(std::string& out, std::string_view key, std::string_view value) {
  out += key;
  out += '=';
  out += value;
  out += '\n';
}

std::optional<std::map<std::string, std::string, std::less<>>> ParseKeyValueText(
    std::string_view text, std::string_view header) {
  std::map<std::string, std::string, std::less<>> fields;
  std::size_t at = 0;
  bool first = true;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      if (line != header) return std::nullopt;
      first = false;
      continue;
    }
    if (line.empty()) continue;
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) return std::nullopt;
    fields[std::string(line.substr(0, eq))] = std::string(line.substr(eq + 1));
  }
  if (first) return std::nullopt;
  return fields;
}

std::vector<std::string> SplitKeyValueBlocks(std::string_view text) {
  std::vector<std::string> blocks(1);
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == "--") {
      blocks.emplace_back();
      continue;
    }
    blocks.back() += line;
    blocks.back() += '\n';
  }
  return blocks;
}

int DecimalDigitValue(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

int KanjiDigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

namespace {

int KanjiUnit(char32_t c) {
  switch (c) {
    case U'十':
      return 10;
    case U'百':
      return 100;
    case U'千':
      return 1000;
    default:
      return 0;
  }
}

}  // namespace

bool IsKanjiNumeral(char32_t c) { return KanjiDigitValue(c) >= 0 || KanjiUnit(c) > 0; }

long KanjiNumeralValue(std::u32string_view run) {
  long total = 0, digit = -1, positional = 0;
  int digits = 0;
  bool units = false;
  for (char32_t c : run) {
    if (const int unit = KanjiUnit(c); unit > 0) {
      units = true;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      digit = KanjiDigitValue(c);
      if (++digits <= 9) positional = positional * 10 + digit;
    }
  }
  if (!units) return positional;
  return total + (digit < 0 ? 0 : digit);
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text) {
  text = WithoutBom(text);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, after_quote = false, any = false;
  int line = 1;
  auto end_row = [&] {
    if (any || !field.empty() || !row.empty()) {
      row.push_back(std::move(field));
      rows.push_back(std::move(row));
    }
    row.clear();
    field.clear();
    any = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      after_quote = false;
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      after_quote = false;
      ++line;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
      any = true;
    } else if (after_quote) {
      return MakeError(ErrorCode::kInvalidInput, "csv.malformed",
                       "text after a closing quote on line " + std::to_string(line));
    } else {
      field += c;
    }
  }
  if (quoted)
    return MakeError(ErrorCode::kInvalidInput, "csv.malformed",
                     "a quote left open from line " + std::to_string(line));
  end_row();
  return rows;
}

std::string_view WithoutBom(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// IMP: JK-2.1.2
bool HasCompanyFormSymbol(std::string_view text) {
  const std::u32string points = DecodeUtf8(text);
  for (std::size_t i = 0; i < points.size(); ++i) {
    const char32_t c = points[i];
    // U+3220–U+3243 parenthesized ideographs (㈠ … ㈱ ㈲ … ㉃), U+3280–U+32B0 circled ones
    // (㊀ … ㊑ ㊒ …), U+337F ㍿ (株式会社).
    if ((c >= 0x3220 && c <= 0x3243) || (c >= 0x3280 && c <= 0x32B0) || c == 0x337F) return true;
    if ((c == U'(' || c == U'（') && i + 2 < points.size() &&
        (points[i + 2] == U')' || points[i + 2] == U'）') &&
        std::u32string_view(U"株有資名合社財").find(points[i + 1]) != std::u32string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace jrr
