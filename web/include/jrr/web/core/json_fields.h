// SPDX-License-Identifier: Apache-2.0
//
// The small JSON shapes every module's endpoints share: a request body parsed with the size and
// text checks, a flat object of text fields, the lookup by option name that the request decoders
// (certificate_request.h and its kin) read, and the error body of every refusal.
#pragma once

#include <Poco/Dynamic/Var.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/core/result.h"
#include "jrr/web/core/http.h"

namespace jrr::web {

// A value of a request by its option name, or nullopt when absent — what every decoder of a
// form, a query string or a JSON body reads, so the three give the same names and errors.
using FieldLookup = std::function<std::optional<std::string>(std::string_view name)>;

// A posted form's fields by name (an empty field counts as absent). The lookup refers to
// `request`, which must outlive it.
FieldLookup FormFields(const Request& request);

// A request body (at most 4 MiB, valid UTF-8) parsed. Errors text.*, json.malformed.
Result<Poco::Dynamic::Var> ParseJson(std::string_view json);
// A JSON object whose fields are all strings (a login form, a password change). Errors json.*.
Result<std::map<std::string, std::string>> DecodeStringFields(std::string_view json);
// A JSON object of options, flattened to text: strings as they are, numbers in decimal, true as
// "1" and false as "", arrays of strings joined by commas. Errors json.* (nested objects, or an
// array holding a comma or a non-string).
Result<std::map<std::string, std::string>> DecodeOptionFields(std::string_view json);
// Those fields as the shared text decoders read them: a name written with hyphens (family-kana)
// is also found with underscores (family_kana), and an empty value counts as absent.
FieldLookup OptionLookup(std::map<std::string, std::string> fields);
// {"code":…, "rule_id":…, "message_ja":…, "detail":…}
std::string EncodeError(const Error& error);

}  // namespace jrr::web
