// SPDX-License-Identifier: Apache-2.0
//
// 検索 as JSON and as options: the search conditions by the names the CLI and the API share, and
// one search hit as the API returns it.
#pragma once

#include <string>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/result.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {

// The conditions (kana, kana-given, name, given-name, match, birth (和暦 or 西暦), sex,
// relationship, address, address-code, katagaki, atena, household, jumin-code, kojin, card,
// removal-reason (code or name), residents-only ("1"), limit); `value` gives a name's value or
// nullopt. Errors search.invalid_query, date.*.
using SearchParameter = FieldLookup;
Result<SearchQuery> DecodeSearchQuery(const SearchParameter& value);
// {record, withheld, matched_former, pending, protection} — one search hit; a withheld hit
// carries the 宛名番号 alone.
std::string EncodeSearchHit(const SearchHit& hit);

}  // namespace jrr::web
