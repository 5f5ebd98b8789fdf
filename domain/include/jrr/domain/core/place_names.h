// SPDX-License-Identifier: Apache-2.0
//
// 地名 — the municipality a written place lies in, for routing notices to it (附票記載事項通知,
// CS messages) and for checking that a 転出先 names one. Pure text rules; no dictionary.
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

}  // namespace jrr
