// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/audit_json.h"

#include "jrr/web/core/json_writer.h"

namespace jrr::web {

std::string EncodeAuditEntry(const AuditEntry& e) {
  return JsonObject()
      .Add("sequence", e.sequence)
      .Add("occurred_at", e.occurred_at)
      .Add("action", AuditActionName(e.event.action))
      .Add("operator_id", e.event.operator_id)
      .Add("terminal", e.event.terminal)
      .Add("place", e.event.place)
      .Add("function", e.event.function)
      .AddRaw("targets", JsonStringArray(e.event.targets))
      .Add("individual_number", e.event.individual_number)
      .Add("outcome", e.event.outcome)
      .Add("detail", e.event.detail)
      .Add("hash", e.hash)
      .str();
}

}  // namespace jrr::web
