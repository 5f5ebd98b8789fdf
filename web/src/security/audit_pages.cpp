// SPDX-License-Identifier: Apache-2.0
//
// 監査ログの画面 (JK-10.2): /audit searches the アクセスログ (person, operator, kind, period) and
// shows the analysis lists (深夜・閉庁日のアクセス, ログイン失敗, ID別ログイン数, 大量検索, 宛名番号等による
// 検索) through AuditDesk, for staff with the 監査ログ permission; looking is itself logged.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

data EntryRow(const AuditEntry& e) {
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

std::optional<CalendarDate> DayOf(const std::string& text, std::optional<Error>& error) {
  if (text.empty()) return std::nullopt;
  auto day = ParseCalendarDate(text);
  if (!day) {
    error = day.error();
    return std::nullopt;
  }
  return *day;
}

}  // namespace

// GET /audit?resident=&operator=&action=&from=&to=&limit= (search) or ?report=kind&from=&to=&threshold=
Response AuditPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
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
  int status = 200;
  std::optional<Error> error;
  // The log is for the 監査 permission: anyone else is refused on the page itself, with 403.
  if (Status allowed = Authorize(session->viewer, Permission::kAudit); !allowed)
    error = allowed.error();
  const auto from = DayOf(request.Query("from"), error);
  const auto to = DayOf(request.Query("to"), error);
  if (!error && from && to && *to < *from) {
    error = MakeError(ErrorCode::kInvalidInput, "date.range_reversed",
                      ToIsoString(*from) + " > " + ToIsoString(*to));
  }
  if (!error && request.HasQuery("report")) {
    if (!from || !to) {
      error = MakeError(ErrorCode::kInvalidInput, "audit.invalid_period", "from and to");
    } else {
      int64_t threshold = 100;
      const std::string t = request.Query("threshold");
      if (!t.empty()) {
        threshold = t.size() < 10 && t.find_first_not_of("0123456789") == std::string::npos
                        ? std::stoll(t)
                        : 0;
      }
      auto report =
          context.audit_report(session->viewer, request.Query("report"), *from, *to, threshold);
      if (!report) {
        error = report.error();
      } else {
        data rows{data::type::list};
        for (const AuditEntry& e : report->entries) rows.push_back(EntryRow(e));
        data counts{data::type::list};
        for (const OperatorCount& c : report->counts) {
          data row;
          row.set("operator", c.operator_id);
          row.set("day", c.day);
          row.set("count", std::to_string(c.count));
          if (report->kind == "mass-search") row.set("hits", std::to_string(c.hits));
          counts.push_back(row);
        }
        page.set("entries", rows);
        page.set("counts", counts);
        page.set("has_counts", !report->counts.empty());
        page.set("shown", std::to_string(report->entries.size() + report->counts.size()));
        page.set("result", true);
      }
    }
  } else if (!error && request.HasQuery("search")) {
    auto query = AuditQueryOf(request, from, to);
    if (!query) {
      error = query.error();
    } else {
      query->limit = 500;
    }
    if (!error) {
      auto found = context.audit_search(session->viewer, *query);
      if (!found) {
        error = found.error();
      } else {
        data rows{data::type::list};
        for (const AuditEntry& e : *found) rows.push_back(EntryRow(e));
        page.set("entries", rows);
        page.set("shown", std::to_string(found->size()));
        page.set("result", true);
      }
    }
  }
  if (error) {
    page.set("error", ErrorData(*error));
    status = HttpStatusFor(error->code);
  }
  return Html(status, "アクセスログ", RenderTemplate("audit", page), context);
}

}  // namespace jrr::web
