// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/place_names.h"

#include <algorithm>
#include <array>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

// 都道府県コード (JIS X 0401) order; 99 is the fictional prefecture of the sample town.
constexpr std::array<std::string_view, 47> kPrefectures{
    "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県",   "福島県", "茨城県",
    "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県",
    "石川県", "福井県", "山梨県", "長野県", "岐阜県", "静岡県",   "愛知県", "三重県",
    "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県", "鳥取県", "島根県",
    "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県",   "高知県", "福岡県",
    "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県"};

}  // namespace

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

std::string_view PrefectureName(std::string_view code) {
  if (code == "99") return "架空県";
  if (code.size() != 2 || code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9')
    return {};
  const int n = (code[0] - '0') * 10 + (code[1] - '0');
  if (n < 1 || n > 47) return {};
  return kPrefectures[n - 1];
}

std::string TitleWithPrefecture(std::string_view title, std::string_view municipality_code) {
  const std::string_view prefecture = PrefectureName(municipality_code.substr(0, 2));
  if (prefecture.empty() || title.starts_with(prefecture)) return std::string(title);
  std::string printed(prefecture);
  printed += title;
  return printed;
}

}  // namespace jrr
