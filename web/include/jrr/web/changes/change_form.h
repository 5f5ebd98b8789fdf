// SPDX-License-Identifier: Apache-2.0
//
// 異動の入力画面 → the 異動's JSON: the screens post their fields under the names of the JSON the
// API and `jrr apply` take (change_json.h), so one decoder checks all three and a field a screen
// gets wrong is refused the same way.
//
// Names: dots go down into objects, a number is an array index (persons.0.family_name); a suffix
// ":list" collects every value given under the name (checkboxes) into an array of strings, also
// splitting on commas; ":bool" is true for "1", "true" or "on"; ":int" is a whole number. Empty values are left out, so an
// optional item the clerk did not fill is absent. Fields named csrf, mode and step are the
// screen's own and are not part of the 異動.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "jrr/domain/core/result.h"

namespace jrr::web {

// Errors (kInvalidInput): change_form.bad_name (an empty segment, a name that is both a value and
// an object, or an ":int" that is not a whole number).
Result<std::string> ChangeJsonFromForm(
    const std::vector<std::pair<std::string, std::string>>& fields);

// CSV形式のデータの取込 (JK-10.8): a 転出証明書's items, a 住民異動届's or the 券面事項 of a 個人番号
// カード, as CSV with a heading row, become the 転入 form's fields — one person a row — for the clerk
// to check and correct before 入力確認. Headings are Japanese item names (氏, 名, 氏名, 氏の振り仮名,
// 名の振り仮名, フリガナ, 生年月日, 性別, 続柄, 本籍, 筆頭者, 住民票コード, 個人番号, 旧氏; for the 異動:
// 異動日, 届出日, 転入前住所 (or 住所, as a card shows it), 転入前番地, 新住所, 新住所の番地, 方書,
// 世帯番号, 留意事項 — taken from the first row) or the JSON names of docs/api.md. 氏名 and its
// フリガナ split at the first space; 性別 1/2 reads 男/女.
// Errors (kInvalidInput): csv.malformed, csv.unknown_column (the heading in the detail), csv.no_rows,
// text.* for text that is not UTF-8.
Result<std::vector<std::pair<std::string, std::string>>> MoveInFieldsFromCsv(std::string_view csv);

}  // namespace jrr::web
