// SPDX-License-Identifier: Apache-2.0
//
// Checks applied to every piece of text that enters the domain from a person or a file, before any
// parser looks at it: well-formed UTF-8, no control characters, a sane length. Stored names are
// never normalised (no NFC/NFKC): IVS selectors and compatibility ideographs are kept exactly as
// entered (docs/glossary.md, 氏名).
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"

namespace jrr {

struct TextLimits {
  std::size_t max_bytes = 4096;
  bool allow_empty = false;
  bool allow_newlines = false;
};

// Returns the number of code points, or an error:
//   text.empty          (kInvalidInput) when empty and !allow_empty
//   text.too_long       (kInvalidInput) when longer than max_bytes
//   text.invalid_utf8   (kInvalidInput) for ill-formed UTF-8 (overlongs, surrogates, truncation)
//   text.control_char   (kInvalidInput) for C0/C1 controls and DEL (TAB/LF only if allow_newlines)
Result<std::size_t> CheckText(std::string_view text, const TextLimits& limits = {});

// JK-2.1.2: whether the text holds a company-form symbol — a parenthesized or circled ideograph
// (㈱, ㈲, ㊑ …), ㍿, or 株・有・資・名・合・社・財 between parentheses of either width. Such a
// symbol is never part of a person's name, so no name is entered or searched with one. Ill-formed
// UTF-8 is read as U+FFFD (DecodeUtf8), so any text may be asked.
bool HasCompanyFormSymbol(std::string_view text);

// Appends the UTF-8 encoding of a Unicode scalar value.
void AppendUtf8(std::string& out, char32_t c);

// Decodes well-formed UTF-8 into code points. Precondition: CheckText() accepted the text.
std::u32string DecodeUtf8(std::string_view text);

// The value of a decimal digit, ASCII or full-width (０–９); -1 for anything else.
int DecimalDigitValue(char32_t c);
// The value of a kanji digit (〇 零 一 … 九); -1 for anything else (十 百 千 are not digits).
int KanjiDigitValue(char32_t c);
// A kanji digit or one of the units 十 百 千.
bool IsKanjiNumeral(char32_t c);
// The number a run of kanji numerals writes: 千二百三 → 1203, 二十 → 20, 一〇五 → 105 (digits in
// place, without units). Digits in place are read to nine, as a 番地's are; a longer run keeps its
// first nine.
long KanjiNumeralValue(std::u32string_view run);

// Encodes code points as UTF-8.
std::string EncodeUtf8(std::u32string_view text);

// Removes leading and trailing ASCII and ideographic (U+3000) spaces.
std::string_view TrimSpaces(std::string_view text);

// One line of a data file (the era table, the 異体字 table, an address dictionary): its 1-based
// line number and its text without the line ending.
struct DataLine {
  int number;
  std::string_view text;
};

// The lines of a data file that are neither empty nor comments (starting with #), in order. LF and
// CRLF endings are both accepted. The views point into `text`.
std::vector<DataLine> DataLines(std::string_view text);

// The tab-separated fields of a line (an empty line gives one empty field).
std::vector<std::string_view> SplitTabs(std::string_view line);

// Appends "key=value\n": the line of jrr's text exchange formats (転出証明書 QR, 附票 notices),
// whose values never hold a newline (CheckText refuses control characters in register data).
void AppendKeyValueLine(std::string& out, std::string_view key, std::string_view value);

// Reads such a text: the first line must be `header`, then "key=value" lines (empty lines are
// skipped; a later key replaces an earlier one). nullopt when the header differs or a line has no
// '='. The caller checks the text is UTF-8 first.
std::optional<std::map<std::string, std::string, std::less<>>> ParseKeyValueText(
    std::string_view text, std::string_view header);

// Reads CSV (RFC 4180; JK-10.8): fields separated by commas, quoted with " when they hold a comma,
// a quote ("") or a line break; LF or CRLF line ends; a UTF-8 BOM at the start is skipped; empty
// lines are skipped. Error csv.malformed (kInvalidInput) for a quote left open or text after a
// closing quote, with the line number; the text must be UTF-8 (CheckText) first.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view text);
// The text without a UTF-8 byte order mark at its start (spreadsheet programs write one; CheckText
// refuses it as a format character).
std::string_view WithoutBom(std::string_view text);
// One CSV field as written: quoted (quotes doubled) when it holds a comma, a quote or a line break.
std::string CsvField(std::string_view value);

// Splits such a text at its "--" lines: the header block first, then one block per item (a person
// of a 転出証明書, of a 転入通知). Each block keeps its lines, LF-terminated, without CR.
std::vector<std::string> SplitKeyValueBlocks(std::string_view text);

}  // namespace jrr
