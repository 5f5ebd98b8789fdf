// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/statistics_desk.h"

namespace jrr {

// IMP: JK-6.1
Result<RegisterStatistics> StatisticsDesk::Compute(CalendarDate from, CalendarDate to) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  if (to < from)
    return MakeError(ErrorCode::kInvalidInput, "date.range_reversed", "to before from");
  AuditEvent event = EventBy(viewer_, AuditAction::kExport, "stats");
  event.detail = ToIsoString(from) + ".." + ToIsoString(to);
  log_.Record(event);
  return statistics_.Compute(from, to);
}

}  // namespace jrr
