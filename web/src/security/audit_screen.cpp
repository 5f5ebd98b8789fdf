// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/audit_screen.h"

#include <string>
#include <utility>

namespace jrr::web {

using kainjow::mustache::data;

data AuditEntryRow(const AuditEntry& e) {
  data row;
  row.set("sequence", std::to_string(e.sequence));
  row.set("at", e.occurred_at);
  row.set("action", std::string(AuditActionName(e.event.action)));
  row.set("operator", e.event.operator_id);
  row.set("terminal", e.event.terminal);
  row.set("function", e.event.function);
  // A search names everyone it found: the first few, and how many more (the API lists them all).
  constexpr std::size_t kShown = 5;
  std::string targets;
  for (std::size_t i = 0; i < e.event.targets.size() && i < kShown; ++i) {
    if (!targets.empty()) targets += ' ';
    targets += e.event.targets[i];
  }
  if (e.event.targets.size() > kShown)
    targets += " ほか " + std::to_string(e.event.targets.size() - kShown) + " 人";
  row.set("targets", targets);
  if (e.event.individual_number) row.set("kojin", true);
  row.set("outcome", e.event.outcome);
  row.set("detail", e.event.detail);
  return row;
}

void PresentAuditForm(data& page, const Request& request) {
  for (const char* field : {"resident", "operator", "from", "to", "limit", "threshold", "report"}) {
    page.set(std::string("q_") + field, request.Query(field));
  }
  data actions{data::type::list};
  for (const char* name :
       {"view", "search", "change", "provisional_change", "withdrawal", "issue", "export", "batch",
        "login", "login_failure", "settings_change", "protection", "denied"}) {
    data row;
    row.set("name", std::string(name));
    if (request.Query("action") == name) row.set("selected", true);
    actions.push_back(row);
  }
  page.set("actions", actions);
  data reports{data::type::list};
  for (auto [code, name] : {std::pair{"after-hours", "深夜・閉庁日のアクセス"},
                            {"login-failures", "ログイン失敗"},
                            {"logins", "ID別ログイン数"},
                            {"mass-search", "大量検索"},
                            {"by-number", "宛名番号等による検索"}}) {
    data row;
    row.set("code", std::string(code));
    row.set("name", std::string(name));
    if (request.Query("report") == code) row.set("selected", true);
    reports.push_back(row);
  }
  page.set("reports", reports);
}

void PresentAuditEntries(data& page, const std::vector<AuditEntry>& entries) {
  data rows{data::type::list};
  for (const AuditEntry& e : entries) rows.push_back(AuditEntryRow(e));
  page.set("entries", rows);
  page.set("shown", std::to_string(entries.size()));
  page.set("result", true);
}

void PresentAuditReport(data& page, const AuditReport& report) {
  data rows{data::type::list};
  for (const AuditEntry& e : report.entries) rows.push_back(AuditEntryRow(e));
  data counts{data::type::list};
  for (const OperatorCount& c : report.counts) {
    data row;
    row.set("operator", c.operator_id);
    row.set("day", c.day);
    row.set("count", std::to_string(c.count));
    if (report.kind == "mass-search") row.set("hits", std::to_string(c.hits));
    counts.push_back(row);
  }
  page.set("entries", rows);
  page.set("counts", counts);
  page.set("has_counts", !report.counts.empty());
  page.set("shown", std::to_string(report.entries.size() + report.counts.size()));
  page.set("result", true);
}

}  // namespace jrr::web
