// SPDX-License-Identifier: Apache-2.0
//
// 抑止 and 支援措置 as text: the one decoding of a Block and of a SupportMeasure shared by `jrr block`,
// `jrr support` and the protection screen, so the names and errors agree.
//
// Block: person or household (exactly one), operation (change, issue, view), level (error, alert),
// from (default today), to, reason.
// SupportMeasure: applicant, kind (dv, stalking, abuse, other), co (宛名番号:関係,…), provisional
// (flag: 仮支援措置 from `from`), from (default today), to, contact, perpetrator-name,
// perpetrator-atena, perpetrator-address, perpetrator-other.
#pragma once

#include "jrr/domain/protection/protection.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {

// Errors: protection.invalid_operation, protection.invalid_level, date.*.
Result<Block> DecodeBlock(const FieldLookup& value, CalendarDate today);
// Errors: support.invalid_kind, date.*.
Result<SupportMeasure> DecodeSupportMeasure(const FieldLookup& value, CalendarDate today);

// One management action on the desk by name, with the names above plus id, to-operator, minutes
// and reason: block-add, block-end, block-release, support-add, support-start, support-extend,
// support-end, support-release. Returns the id of what was added (0 otherwise). Errors: those of
// the decoders and of ProtectionDesk, protection.unknown_action, protection.release_minutes.
Result<int64_t> ApplyProtectionAction(ProtectionDesk& desk, const FieldLookup& value,
                                      CalendarDate today);

}  // namespace jrr::web
