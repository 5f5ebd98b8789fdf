// SPDX-License-Identifier: Apache-2.0
//
// 監査ログの画面 (JK-10.2): /audit searches the アクセスログ (person, operator, kind, period) and
// shows the analysis lists (深夜・閉庁日のアクセス, ログイン失敗, ID別ログイン数, 大量検索, 宛名番号等による
// 検索) through AuditDesk, for staff with the 監査ログ permission; looking is itself logged.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/security/audit_screen.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

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
  PresentAuditForm(page, request);
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
      auto report = context.desks->Audit(session->viewer, [&](AuditDesk& desk) {
        return desk.Report(request.Query("report"), *from, *to, threshold);
      });
      if (!report) {
        error = report.error();
      } else {
        PresentAuditReport(page, *report);
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
      auto found = context.desks->Audit(session->viewer,
                                        [&](AuditDesk& desk) { return desk.Search(*query); });
      if (!found) {
        error = found.error();
      } else {
        PresentAuditEntries(page, *found);
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
