// SPDX-License-Identifier: Apache-2.0
//
// 地名 — the municipality a written place lies in, for routing notices to it (附票記載事項通知,
// CS messages) and for checking that a 転出先 names one; the prefecture of a 市区町村コード. Pure
// text rules; no dictionary.
#pragma once

#include <string>
#include <string_view>

namespace jrr {

// The municipality a place (a 本籍, an address) lies in, as the routing name of notices: the prefecture and the first
// 市, 町 or 村 after it (a 郡 is passed over; in 東京都 a 区 is a municipality): 大阪府大阪市北区中之島…
// → 大阪府大阪市, 北海道虻田郡倶知安町… → 北海道虻田郡倶知安町, 東京都千代田区… → 東京都千代田区.
// Empty when the text does not start with a prefecture, or the name found holds anything but
// kanji, kana, ー and 々 (a typed address with "/" or ".." never names a folder).
std::string MunicipalityOfPlace(std::string_view place);

// True for a name made only of what municipality names hold: kanji, kana, ー and 々 (1–32).
bool IsMunicipalityName(std::string_view name);

// The printed title with the prefecture: 架空市長 → 架空県架空市長 (JK-5.6), from the first two digits
// of the 市区町村コード. A title that already starts with the prefecture is left as it is.
std::string TitleWithPrefecture(std::string_view title, std::string_view municipality_code);
// 都道府県名 for a two-digit code 01–47, 99 (架空県, the project's fictional prefecture); empty otherwise.
std::string_view PrefectureName(std::string_view two_digit_code);

}  // namespace jrr
