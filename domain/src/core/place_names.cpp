// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/place_names.h"

#include <algorithm>

#include "jrr/domain/core/text.h"

namespace jrr {

bool IsMunicipalityName(std::string_view name) {
  const std::u32string text = DecodeUtf8(name);
  if (text.empty() || text.size() > 32) return false;
  return std::all_of(text.begin(), text.end(), [](char32_t c) {
    return (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK ideographs
           (c >= 0x3400 && c <= 0x4DBF) ||  // extension A
           (c >= 0xF900 && c <= 0xFAFF) ||  // compatibility ideographs
           (c >= 0x3041 && c <= 0x3096) ||  // hiragana
           (c >= 0x30A1 && c <= 0x30FA) ||  // katakana (ヶ among them)
           c == 0x30FC || c == 0x3005;      // ー, 々
  });
}

std::string MunicipalityOfPlace(std::string_view place) {
  const std::u32string text = DecodeUtf8(place);
  std::size_t at = std::u32string::npos;
  for (std::size_t i = 0; i < text.size() && i < 5; ++i) {
    if (text[i] == U'都' || text[i] == U'道' || text[i] == U'府' || text[i] == U'県') {
      at = i + 1;
      break;
    }
  }
  if (at == std::u32string::npos) return {};
  const bool tokyo = text.compare(0, 3, U"東京都") == 0;
  for (std::size_t i = at; i < text.size(); ++i) {
    const char32_t c = text[i];
    // A name's first character may itself be 市, 町 or 村 (市川市, 町田市, 村上市): never a terminator.
    if (i > at && (c == U'市' || c == U'町' || c == U'村' || (tokyo && c == U'区'))) {
      // A routing name is a folder and an address of notices: only what a municipality's name
      // can hold, never a slash or a dot a typed address may carry.
      std::string name = EncodeUtf8(text.substr(0, i + 1));
      return IsMunicipalityName(name) ? name : std::string();
    }
  }
  return {};
}

}  // namespace jrr
