// SPDX-License-Identifier: Apache-2.0
//
// The JSON form of 異動 commands and their results, shared by `jrr apply` and the JSON API, so a
// vendor scripts both the same way. docs/api.md describes every field.
//
// A request is one object with "type" (move_in, birth, within_move, move_out, death, head_change,
// separation, correction) and that type's fields; dates accept every notation of ParseDate.
// Decoding is strict: a field the type does not know is refused (json.unknown_field), so a typo
// never silently drops an item.
// Errors (kInvalidInput): json.malformed, json.not_object, json.unknown_type, json.unknown_field,
// json.missing_field, json.wrong_type, and the parsers' own (date.*, relationship.*, text.*).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/audit_log.h"
#include "jrr/domain/pending_changes.h"
#include "jrr/domain/resident_access.h"
#include "jrr/domain/resident_changes.h"
#include "jrr/domain/result.h"

namespace jrr::web {

// One request object.
Result<AnyChangeCommand> DecodeChangeCommand(std::string_view json);

// A document holding one request object or an array of them; each element is decoded on its own
// so the caller can apply them in order and stop at the first refusal.
Result<std::vector<std::string>> SplitChangeDocument(std::string_view json);

// The request's "type" for a decoded command (move_in, birth, …).
std::string_view CommandType(const AnyChangeCommand& command);

// {"pending_id":…, "type":…, "summary":…, "persons":[…], "entered_on":…, "operator_id":…}
std::string EncodePending(const PendingChange& pending);

// {"change_id":…, "reason":…, "reason_ja":…, "alerts":[…], "versions":[{…}]}
std::string EncodeOutcome(const ChangeOutcome& outcome);

// Every item of a version, with dates as {"text": as displayed (JK-1.1.9), "iso": the internal
// date}. Foreign residents' 生年月日 and 在留期間満了日 display in 西暦.
std::string EncodeRecord(const ResidentRecord& record);
// {support_target, provisional, blocked, marker, alerts} — what a screen shows about protection.
std::string EncodeProtection(const ProtectionNotice& notice);
// A JSON object whose fields are all strings (a login form, a password change). Errors json.*.
Result<std::map<std::string, std::string>> DecodeStringFields(std::string_view json);
// A JSON object of options, flattened to text: strings as they are, numbers in decimal, true as
// "1" and false as "", arrays of strings joined by commas. Errors json.* (nested objects, or an
// array holding a comma or a non-string).
Result<std::map<std::string, std::string>> DecodeOptionFields(std::string_view json);
// Those fields as the shared text decoders read them (certificate_request.h and its kin): a name
// written with hyphens (family-kana) is also found with underscores (family_kana), and an empty
// value counts as absent.
std::function<std::optional<std::string>(std::string_view)> OptionLookup(std::map<std::string, std::string> fields);

// One アクセスログ entry: {sequence, occurred_at, action, operator_id, terminal, place, function,
// targets, individual_number, outcome, detail, hash} — `jrr audit search --json` and the API.
std::string EncodeAuditEntry(const AuditEntry& entry);

// The search conditions by the names the CLI and the API share (kana, kana-given, name,
// given-name, match, birth (和暦 or 西暦), sex, relationship, address, address-code, katagaki,
// atena, household, jumin-code, kojin, card, removal-reason (code or name), residents-only ("1"),
// limit); `value` gives a name's value or nullopt. Errors search.invalid_query, date.*.
using SearchParameter = std::function<std::optional<std::string>(std::string_view name)>;
Result<SearchQuery> DecodeSearchQuery(const SearchParameter& value);
// {record, matched_former, pending, protection} — one search hit.
std::string EncodeSearchHit(const SearchHit& hit);

// {"code":…, "rule_id":…, "message_ja":…, "detail":…}
std::string EncodeError(const Error& error);

}  // namespace jrr::web
