// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of the アクセスログ, for the 監査 permission, through AuditDesk:
//   GET  /api/v1/audit                  the アクセスログ (resident, operator, action, from, to, limit)
//   GET  /api/v1/audit/report           kind, from, to, threshold (JK-10.2 analysis lists)
// Refusals are {code, rule_id, message_ja}.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/core/query_period.h"
#include "jrr/web/security/audit_json.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {

Result<AuditQuery> AuditQueryOf(const Request& request, std::optional<CalendarDate> from,
                                std::optional<CalendarDate> to) {
  AuditQuery query;
  if (!request.Query("resident").empty()) query.addressee_number = request.Query("resident");
  if (!request.Query("operator").empty()) query.operator_id = request.Query("operator");
  if (!request.Query("action").empty()) {
    query.action = AuditActionFromName(request.Query("action"));
    if (!query.action)
      return MakeError(ErrorCode::kInvalidInput, "audit.invalid_action", request.Query("action"));
  }
  LimitToJapanDays(query, from, to);
  return query;
}

Response AuditApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto period = QueryPeriod(request);
  if (!period) return ErrorResponse(request, period.error());
  const std::optional<CalendarDate> from = period->from, to = period->to;
  if (request.path == "/api/v1/audit/report") {
    if (!from || !to)
      return ErrorResponse(request,
                           MakeError(ErrorCode::kInvalidInput, "audit.invalid_period", "from, to"));
    const std::string t = request.Query("threshold").empty() ? "100" : request.Query("threshold");
    const int64_t threshold =
        t.size() < 10 && t.find_first_not_of("0123456789") == std::string::npos ? std::stoll(t) : 0;
    auto report = context.desks->Audit(session->viewer, [&](AuditDesk& desk) {
      return desk.Report(request.Query("kind"), *from, *to, threshold);
    });
    if (!report) return RefuseSession(request, report.error());
    const std::string counts = JsonArray(report->counts, [](const OperatorCount& c) {
      return JsonObject()
          .Add("operator_id", c.operator_id)
          .Add("day", c.day)
          .Add("count", c.count)
          .Add("hits", c.hits)
          .str();
    });
    return JsonResponse(200, JsonObject()
                                 .Add("kind", report->kind)
                                 .AddRaw("entries", JsonArray(report->entries, EncodeAuditEntry))
                                 .AddRaw("counts", counts)
                                 .str());
  }
  auto query = AuditQueryOf(request, from, to);
  if (!query) return ErrorResponse(request, query.error());
  const std::string limit = request.Query("limit");
  if (!limit.empty()) {
    if (limit.size() > 6 || limit.find_first_not_of("0123456789") != std::string::npos ||
        limit == "0") {
      return ErrorResponse(request,
                           MakeError(ErrorCode::kInvalidInput, "audit.invalid_limit", limit));
    }
    query->limit = std::stoul(limit);
  }
  auto found =
      context.desks->Audit(session->viewer, [&](AuditDesk& desk) { return desk.Search(*query); });
  if (!found) return RefuseSession(request, found.error());
  return JsonResponse(200,
                      JsonObject().AddRaw("entries", JsonArray(*found, EncodeAuditEntry)).str());
}

}  // namespace jrr::web
