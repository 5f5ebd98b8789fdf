// SPDX-License-Identifier: Apache-2.0
//
// アクセスログの分析 (JK-10.2): the lists the standard gives as examples, computed from entries.
//   - access late at night (22:00–6:00 Japan time) or on a 閉庁日 (holidays.h);
//   - login failures;
//   - logins per ID;
//   - mass searches: an operator's searches on one day at or above a threshold;
//   - searches by 宛名番号 and other numbers (conditions atena, household, jumin_code, kojin, card).
// Pure: the caller fetches the period's entries (AuditLog::Search).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

// The Japan-time day and hour of a log timestamp ("2026-11-27T19:34:46.123Z" → 2026-11-28, 4).
struct JapanTime {
  CalendarDate day;
  int hour = 0;
};
std::optional<JapanTime> JapanTimeOf(const std::string& occurred_at);

std::vector<AuditEntry> AfterHoursAccess(const std::vector<AuditEntry>& entries);
std::vector<AuditEntry> LoginFailures(const std::vector<AuditEntry>& entries);
std::vector<AuditEntry> SearchesByNumber(const std::vector<AuditEntry>& entries);

struct OperatorCount {
  std::string operator_id;
  std::string day;  // Japan-time date (ISO), empty for a whole-period count
  int64_t count = 0;
  int64_t hits = 0;  // for searches: people found in total
};
std::vector<OperatorCount> LoginsPerOperator(const std::vector<AuditEntry>& entries);
std::vector<OperatorCount> MassSearches(const std::vector<AuditEntry>& entries, int64_t threshold);

}  // namespace jrr
