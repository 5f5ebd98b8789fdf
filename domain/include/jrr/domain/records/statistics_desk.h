// SPDX-License-Identifier: Apache-2.0
//
// 統計 — StatisticsDesk: the register's figures for a period (JK-6.1) for staff with 照会, logged as
// an export (the period only) before the figures are returned.
#pragma once

#include "jrr/domain/records/register_statistics.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

class StatisticsDesk {
 public:
  StatisticsDesk(StatisticsRepository& statistics, AuditLog& log, Viewer viewer)
      : statistics_(statistics), log_(log), viewer_(std::move(viewer)) {}
  // Errors: access.permission_denied, date.range_reversed.
  Result<RegisterStatistics> Compute(CalendarDate from, CalendarDate to);

 private:
  StatisticsRepository& statistics_;
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
