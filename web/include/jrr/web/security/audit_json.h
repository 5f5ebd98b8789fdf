// SPDX-License-Identifier: Apache-2.0
//
// One アクセスログ entry as JSON: {sequence, occurred_at, action, operator_id, terminal, place,
// function, targets, individual_number, outcome, detail, hash} — `jrr audit search --json` and the
// API write the same.
#pragma once

#include <string>

#include "jrr/domain/security/audit_log.h"

namespace jrr::web {

std::string EncodeAuditEntry(const AuditEntry& entry);

}  // namespace jrr::web
