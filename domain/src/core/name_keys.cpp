// SPDX-License-Identifier: Apache-2.0
//
// The kana key is built with tables, not an ICU Transliterator: a rule-based transliterator is
// far slower per name, and the register computes keys for every name on import and on every
// search (target and measurements: docs/performance.md). ICU still does the Unicode work it is good
// at: UTF-8 validation here, and NFKC_Casefold for the kanji key.
#include "jrr/domain/core/name_keys.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "jrr/domain/core/text.h"

namespace jrr::embedded {
std::string_view kanji_variants_tsv();
}

namespace jrr {
namespace {

constexpr char32_t kKatakanaFirst = U'\u30A1';  // ァ
constexpr char32_t kKatakanaLast = U'\u30FA';   // ヺ

// The fold of each katakana ァ (U+30A1) … ヺ (U+30FA): 清音, large, ヲ→オ, ワ→ハ. JK-2.1.2 asks that
// 清音 and 濁音 be told apart by no search and that ヂ be found as ジ and ヅ as ズ: so チ, ヂ, シ
// and ジ are one key (シ), and ツ, ッ, ヅ, ス and ズ another (ス).
constexpr std::u32string_view kFold =
    U"アアイイウウエエオオ"    // ァア ィイ ゥウ ェエ ォオ
    U"カカキキククケケココ"    // カガ キギ クグ ケゲ コゴ
    U"ササシシススセセソソ"    // サザ シジ スズ セゼ ソゾ
    U"タタシシススステテトト"  // タダ チヂ ッツヅ テデ トド
    U"ナニヌネノ"
    U"ハハハヒヒヒフフフヘヘヘホホホ"  // ハバパ …
    U"マミムメモ"
    U"ヤヤユユヨヨ"  // ャヤ ュユ ョヨ
    U"ラリルレロ"
    U"ハハイエオンフカケハイエオ";  // ヮワヰヱヲンヴヵヶヷヸヹヺ
static_assert(kFold.size() == kKatakanaLast - kKatakanaFirst + 1);

// Half-width katakana ｦ (U+FF66) … ﾝ (U+FF9D) as full-width.
constexpr char32_t kHalfFirst = U'\uFF66';
constexpr std::u32string_view kHalfWidth =
    U"ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモ"
    U"ヤユヨラリルレロワン";
static_assert(kHalfWidth.size() == 0xFF9D - 0xFF66 + 1);

bool IsODan(char32_t c) {
  switch (c) {
    case U'オ':
    case U'コ':
    case U'ソ':
    case U'ト':
    case U'ノ':
    case U'ホ':
    case U'モ':
    case U'ヨ':
    case U'ロ':
      return true;
    default:
      return false;
  }
}

bool IsDropped(char32_t c) {
  switch (c) {
    case U' ':
    case U'\u3000':  // both space widths
    case U'ー':
    case U'―':
    case U'－':
    case U'‐':
    case U'ｰ':
    case U'-':  // the six dashes
    case U'・':
    case U'･':
      return true;
    default:
      return false;
  }
}

bool IsDakuten(char32_t c) { return c == U'\u3099' || c == U'\u309B' || c == U'\uFF9E'; }
bool IsHandakuten(char32_t c) { return c == U'\u309A' || c == U'\u309C' || c == U'\uFF9F'; }

// Maps one code point to full-width katakana; 0 when it is not kana.
char32_t ToKatakana(char32_t c) {
  if (c >= U'\u3041' && c <= U'\u3096') return c + 0x60;  // ぁ … ゖ
  if (c >= kKatakanaFirst && c <= kKatakanaLast) return c;
  if (c >= kHalfFirst && c <= U'\uFF9D') return kHalfWidth[c - kHalfFirst];
  return 0;
}

bool IsIterationMark(char32_t c) { return c == U'ゝ' || c == U'ゞ' || c == U'ヽ' || c == U'ヾ'; }

// ヴ followed by a small vowel: ヴァ→ハ … (after 清音 folding of バ).
char32_t VuWith(char32_t small) {
  switch (small) {
    case U'ァ':
      return U'ハ';
    case U'ィ':
      return U'ヒ';
    case U'ゥ':
      return U'フ';
    case U'ェ':
      return U'ヘ';
    case U'ォ':
      return U'ホ';
    default:
      return 0;
  }
}

thread_local std::u32string tl_decoded;

}  // namespace

// IMP: JK-2.1.2
Status AppendKanaKey(std::string_view text, std::string& out) {
  out.clear();
  if (auto checked = CheckText(text, {.max_bytes = 1024, .allow_empty = true}); !checked) {
    return checked.error();
  }
  // Decode once into a reused buffer, so the rules below can look one character ahead.
  std::u32string& s = tl_decoded;
  s.clear();
  {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
      UChar32 c;
      U8_NEXT(bytes, i, length, c);
      s.push_back(static_cast<char32_t>(c));  // CheckText accepted it: c >= 0
    }
  }
  char32_t previous = 0;  // last character emitted
  std::size_t emitted = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (IsDropped(c) || IsDakuten(c) || IsHandakuten(c)) continue;  // a lone mark is ignored
    char32_t folded;
    if (IsIterationMark(c)) {
      if (emitted == 0) {
        out.clear();
        return MakeError(ErrorCode::kInvalidInput, "kana.not_kana",
                         "iteration mark at position " + std::to_string(i));
      }
      folded = previous;
    } else {
      char32_t k = ToKatakana(c);
      if (k == 0) {
        out.clear();
        return MakeError(ErrorCode::kInvalidInput, "kana.not_kana",
                         "non-kana character at position " + std::to_string(i));
      }
      // A following dakuten matters only where the voiced form does not fold back to the
      // plain one: ウ゛ is ヴ.
      if (i + 1 < s.size() && IsDakuten(s[i + 1])) {
        if (k == U'ウ') k = U'ヴ';
        ++i;
      }
      if (k == U'ヴ' && i + 1 < s.size()) {
        const char32_t vowel = VuWith(ToKatakana(s[i + 1]));
        if (vowel != 0) {
          ++i;
          k = vowel;
        }
      }
      folded = kFold[k - kKatakanaFirst];
      if (folded == U'ウ' && emitted > 0 && IsODan(previous)) folded = U'オ';
    }
    AppendUtf8(out, folded);
    previous = folded;
    ++emitted;
  }
  return {};
}

Result<std::string> BuildKanaKey(std::string_view text) {
  std::string key;
  if (auto status = AppendKanaKey(text, key); !status) return status.error();
  return key;
}

namespace {

const std::unordered_map<char32_t, char32_t>& VariantTable() {
  static const std::unordered_map<char32_t, char32_t> table = [] {
    std::unordered_map<char32_t, char32_t> map;
    const std::vector<DataLine> lines = DataLines(embedded::kanji_variants_tsv());
    for (std::size_t i = 1; i < lines.size(); ++i) {  // line 0 names the columns
      const auto fields = SplitTabs(lines[i].text);
      const std::u32string from = DecodeUtf8(fields[0]);
      const std::u32string to = fields.size() > 1 ? DecodeUtf8(fields[1]) : std::u32string();
      if (fields.size() < 2 || from.size() != 1 || to.size() != 1 ||
          !map.emplace(from[0], to[0]).second) {
        std::fprintf(stderr, "jrr: built-in kanji variant table is malformed\n");
        std::abort();  // the shipped table is checked by tests; reaching this is a build defect
      }
    }
    return map;
  }();
  return table;
}

}  // namespace

// IMP: JK-2.1.2
Result<std::string> BuildKanjiKey(std::string_view text) {
  if (auto checked = CheckText(text, {.max_bytes = 1024, .allow_empty = true}); !checked) {
    return checked.error();
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal, "kanji_key.icu", u_errorName(status));
  }
  const icu::UnicodeString normalized =
      nfkc_cf->normalize(icu::UnicodeString::fromUTF8(
                             icu::StringPiece(text.data(), static_cast<int32_t>(text.size()))),
                         status);
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal, "kanji_key.icu", u_errorName(status));
  }
  // Spaces go, and what is left is normalized again: NFKC writes a spacing 濁点 (゛) as a space and
  // a combining mark, which must join its letter once the space is gone (ホ゛ and ボ are one key).
  icu::UnicodeString compact;
  for (int32_t i = 0; i < normalized.length();) {
    const UChar32 c = normalized.char32At(i);
    i += U16_LENGTH(c);
    if (!u_isUWhiteSpace(c)) compact.append(c);
  }
  const icu::UnicodeString joined = nfkc_cf->normalize(compact, status);
  if (U_FAILURE(status)) {
    return MakeError(ErrorCode::kInternal, "kanji_key.icu", u_errorName(status));
  }
  const auto& variants = VariantTable();
  std::string key;
  key.reserve(text.size());
  for (int32_t i = 0; i < joined.length();) {
    const UChar32 c = joined.char32At(i);
    i += U16_LENGTH(c);
    const auto found = variants.find(static_cast<char32_t>(c));
    AppendUtf8(key, found == variants.end() ? static_cast<char32_t>(c) : found->second);
  }
  return key;
}

std::string BuildAddressKey(std::string_view text) {
  auto kanji = BuildKanjiKey(text);
  if (!kanji) return {};
  const std::u32string in = DecodeUtf8(*kanji);
  static const std::u32string kDashes = U"\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70-";
  static const std::array<std::u32string_view, 4> kNumberWords{U"丁目", U"番地", U"番",
                                                               U"号"};  // longest first
  auto numeric = [&](std::size_t at) {
    return at < in.size() && ((in[at] >= U'0' && in[at] <= U'9') || IsKanjiNumeral(in[at]));
  };
  std::string key;
  for (std::size_t i = 0; i < in.size();) {
    // 「12の3」「12ノ3」 is 12番3号 written another way: the の between two numbers is a separator.
    const bool separator_no =
        (in[i] == U'の' || in[i] == U'ノ') && i > 0 && numeric(i - 1) && numeric(i + 1);
    if (kDashes.find(in[i]) != std::u32string::npos || separator_no) {
      ++i;
      continue;
    }
    if (IsKanjiNumeral(in[i])) {
      std::size_t end = i;
      while (end < in.size() && IsKanjiNumeral(in[end])) ++end;
      key += std::to_string(KanjiNumeralValue(std::u32string_view(in).substr(i, end - i)));
      i = end;
      continue;
    }
    const auto word =
        std::find_if(kNumberWords.begin(), kNumberWords.end(),
                     [&](std::u32string_view w) { return in.compare(i, w.size(), w) == 0; });
    if (word != kNumberWords.end()) {
      i += word->size();
      continue;
    }
    AppendUtf8(key, in[i++]);
  }
  return key;
}

Status CheckStatutoryFurigana(std::string_view text) {
  if (auto checked = CheckText(text, {.max_bytes = 400}); !checked) return checked.error();
  const std::u32string s = DecodeUtf8(text);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const bool katakana = (c >= U'ァ' && c <= U'ヶ') || c == U'ー';
    if (!katakana) {
      return MakeError(ErrorCode::kInvalidInput, "furigana.katakana_only",
                       "character " + std::to_string(i + 1) + " is not full-width katakana");
    }
  }
  return {};
}

}  // namespace jrr
