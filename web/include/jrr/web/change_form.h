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
#include <utility>
#include <vector>

#include "jrr/domain/result.h"

namespace jrr::web {

// Errors (kInvalidInput): change_form.bad_name (an empty segment, a name that is both a value and
// an object, or an ":int" that is not a whole number).
Result<std::string> ChangeJsonFromForm(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace jrr::web
