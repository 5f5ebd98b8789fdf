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

#include "jrr/domain/changes/change_desk.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/pending_changes.h"
#include "jrr/domain/records/resident_changes.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/records/record_json.h"

namespace jrr::web {

// One request object.
Result<AnyChangeCommand> DecodeChangeCommand(std::string_view json);

// 本登録 of an open 仮登録 at `desk`: its stored command decoded again and approved. Errors: those of
// ChangeDesk::PendingOne, of decoding, and of ChangeDesk::Approve.
Result<ChangeOutcome> ApproveStored(ChangeDesk& desk, int64_t pending_id);

// A document holding one request object or an array of them; each element is decoded on its own
// so the caller can apply them in order and stop at the first refusal.
Result<std::vector<std::string>> SplitChangeDocument(std::string_view json);

// The request's "type" for a decoded command (move_in, birth, …).
std::string_view CommandType(const AnyChangeCommand& command);

// {"pending_id":…, "type":…, "summary":…, "persons":[…], "entered_on":…, "operator_id":…}
std::string EncodePending(const PendingChange& pending);

// {"change_id":…, "reason":…, "reason_ja":…, "alerts":[…], "versions":[{…}]}
std::string EncodeOutcome(const ChangeOutcome& outcome);

}  // namespace jrr::web
