// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/audit_desk.h"

#include <algorithm>

namespace jrr {

void LimitToJapanDays(AuditQuery& query, std::optional<CalendarDate> from,
                      std::optional<CalendarDate> to) {
  if (from) query.from = ToIsoString(PreviousDay(*from)) + "T15:00:00.000Z";
  if (to) query.to = ToIsoString(*to) + "T15:00:00.000Z";
}

Result<std::vector<AuditEntry>> AuditDesk::Search(const AuditQuery& query) {
  if (Status ok = Authorize(viewer_, Permission::kAudit); !ok) return ok.error();
  auto entries = log_.Search(query);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, "アクセスログの検索");
  std::string conditions;
  for (auto [set, name] : {std::pair{query.addressee_number.has_value(), "resident"},
                           {query.operator_id.has_value(), "operator"},
                           {query.action.has_value(), "action"},
                           {query.from.has_value(), "from"},
                           {query.to.has_value(), "to"}}) {
    if (!set) continue;
    if (!conditions.empty()) conditions += ',';
    conditions += name;
  }
  event.detail = "conditions=" + conditions + " rows=" + std::to_string(entries.size());
  log_.Record(event);
  return entries;
}

// IMP: JK-10.2
Result<AuditReport> AuditDesk::Report(const std::string& kind, CalendarDate from, CalendarDate to,
                                      int64_t threshold) {
  if (Status ok = Authorize(viewer_, Permission::kAudit); !ok) return ok.error();
  const bool known = kind == "after-hours" || kind == "login-failures" || kind == "logins" ||
                     kind == "mass-search" || kind == "by-number";
  if (!known) return MakeError(ErrorCode::kInvalidInput, "audit.unknown_report", kind);
  if (to < from)
    return MakeError(ErrorCode::kInvalidInput, "audit.invalid_period",
                     ToIsoString(from) + ".." + ToIsoString(to));
  if (threshold < 1)
    return MakeError(ErrorCode::kInvalidInput, "audit.invalid_threshold",
                     std::to_string(threshold));
  AuditQuery query;
  LimitToJapanDays(query, from, to);
  query.limit = 50'000'000;
  auto entries = log_.Search(query);
  std::reverse(entries.begin(), entries.end());  // oldest first
  AuditReport report;
  report.kind = kind;
  if (kind == "after-hours") report.entries = AfterHoursAccess(entries);
  if (kind == "login-failures") report.entries = LoginFailures(entries);
  if (kind == "by-number") report.entries = SearchesByNumber(entries);
  if (kind == "logins") report.counts = LoginsPerOperator(entries);
  if (kind == "mass-search") report.counts = MassSearches(entries, threshold);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, "アクセスログの分析");
  event.detail = "report=" + kind + " from=" + ToIsoString(from) + " to=" + ToIsoString(to) +
                 " rows=" + std::to_string(report.entries.size() + report.counts.size());
  log_.Record(event);
  return report;
}

}  // namespace jrr
