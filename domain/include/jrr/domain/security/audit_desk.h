// SPDX-License-Identifier: Apache-2.0
//
// 監査 — AuditDesk: the アクセスログ search and the analysis lists of JK-10.2 for staff with the
// 監査ログ permission, for the CLI and the screen alike. Looking at the log is itself an access,
// so each search and report is logged (its conditions' names, never their values).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/security/audit_analysis.h"
#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

// One analysis list: entries (after-hours, login-failures, by-number) or counts (logins,
// mass-search).
struct AuditReport {
  std::string kind;
  std::vector<AuditEntry> entries;
  std::vector<OperatorCount> counts;
};

// Restricts `query` to the Japan-time days [from, to] (either may be absent): the log keeps UTC, so
// a day runs from 15:00Z of the day before to 15:00Z of the day itself.
void LimitToJapanDays(AuditQuery& query, std::optional<CalendarDate> from,
                      std::optional<CalendarDate> to);

class AuditDesk {
 public:
  AuditDesk(AuditLog& log, Viewer viewer) : log_(log), viewer_(std::move(viewer)) {}
  // Newest first, at most query.limit. Errors: access.permission_denied.
  Result<std::vector<AuditEntry>> Search(const AuditQuery& query);
  // kind: after-hours, login-failures, logins, mass-search (an operator's searches on one day at
  // or above `threshold`), by-number; over the Japan-time days [from, to]. Errors:
  // access.permission_denied, audit.unknown_report, audit.invalid_period (to before from),
  // audit.invalid_threshold (below 1).
  Result<AuditReport> Report(const std::string& kind, CalendarDate from, CalendarDate to,
                             int64_t threshold);

 private:
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
