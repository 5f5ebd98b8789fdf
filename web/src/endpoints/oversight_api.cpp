// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of the oversight functions, as the session's user:
//   GET  /api/v1/protection?person=     the person's and household's 抑止, and (支援措置 officers
//                                       only) the person's 支援措置
//   POST /api/v1/protection             {"action": block-add | block-end | block-release |
//                                       support-add | support-start | support-extend | support-end |
//                                       support-release, …} with the names of protection_request.h
//   GET  /api/v1/audit                  the アクセスログ (resident, operator, action, from, to, limit)
//   GET  /api/v1/audit/report           kind, from, to, threshold (JK-10.2 analysis lists)
//   GET  /api/v1/statistics             from, to (JK-6.1 figures)
// Each goes through its desk; refusals are {code, rule_id, message_ja}.
#include "endpoints.h"

#include "jrr/domain/japanese_date.h"
#include "jrr/web/change_json.h"
#include "jrr/web/json_writer.h"
#include "jrr/web/protection_request.h"
#include "jrr/web/router.h"
#include "session_guard.h"

namespace jrr::web {
namespace {

std::string Iso(const std::optional<CalendarDate>& d) { return d ? ToIsoString(*d) : std::string(); }

std::string CountsJson(const PeopleCount& c) {
  return JsonObject()
      .Add("japanese_male", c.japanese_male)
      .Add("japanese_female", c.japanese_female)
      .Add("foreign_male", c.foreign_male)
      .Add("foreign_female", c.foreign_female)
      .Add("total", c.total())
      .str();
}

Result<std::optional<CalendarDate>> QueryDay(const Request& request, const char* name) {
  if (request.Query(name).empty()) return std::optional<CalendarDate>();
  auto day = ParseCalendarDate(request.Query(name));
  if (!day) return day.error();
  return std::optional<CalendarDate>(*day);
}

// The period asked for by ?from=&to= (和暦 or 西暦); either may be left out.
struct Period {
  std::optional<CalendarDate> from, to;
};
Result<Period> QueryPeriod(const Request& request) {
  auto from = QueryDay(request, "from");
  if (!from) return from.error();
  auto to = QueryDay(request, "to");
  if (!to) return to.error();
  if (*from && *to && **to < **from) {
    return MakeError(ErrorCode::kInvalidInput, "date.range_reversed", ToIsoString(**from) + " > " + ToIsoString(**to));
  }
  return Period{*from, *to};
}

}  // namespace

Result<AuditQuery> AuditQueryOf(const Request& request, std::optional<CalendarDate> from, std::optional<CalendarDate> to) {
  AuditQuery query;
  if (!request.Query("resident").empty()) query.addressee_number = request.Query("resident");
  if (!request.Query("operator").empty()) query.operator_id = request.Query("operator");
  if (!request.Query("action").empty()) {
    query.action = AuditActionFromName(request.Query("action"));
    if (!query.action) return MakeError(ErrorCode::kInvalidInput, "audit.invalid_action", request.Query("action"));
  }
  LimitToJapanDays(query, from, to);
  return query;
}

Response ProtectionApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (request.method == "GET") {
    const std::string person = request.Query("person");
    const std::string household = request.Query("household");
    std::string blocks = "[", measures;
    std::optional<Error> refused;
    context.with_protection_desk(session->viewer, [&](ProtectionDesk& desk) {
      auto listed = desk.BlocksFor(person, "");
      if (!listed) {
        refused = listed.error();
        return;
      }
      std::vector<Block> found = std::move(*listed);
      if (!household.empty()) {
        auto whole = desk.BlocksFor("", household);
        if (!whole) {
          refused = whole.error();
          return;
        }
        for (const Block& b : *whole) found.push_back(b);
      }
      for (const Block& b : found) {
        if (blocks.size() > 1) blocks += ',';
        blocks += JsonObject()
                      .Add("block_id", b.block_id)
                      .Add("addressee_number", b.addressee_number)
                      .Add("household_number", b.household_number)
                      .Add("operation", std::string(GuardedOperationName(b.operation)))
                      .Add("level", std::string(b.level == BlockLevel::kError ? "error" : "alert"))
                      .Add("start", ToIsoString(b.start))
                      .Add("end", Iso(b.end))
                      .Add("ended_on", Iso(b.ended_on))
                      .Add("applies", BlockApplies(b, session->viewer.today))
                      .str();
      }
      auto list = desk.MeasuresFor(person);
      if (!list) return;  // not a 支援措置 officer: the measures are left out
      std::string all(1, '[');
      for (const SupportMeasure& m : *list) {
        if (all.size() > 1) all += ',';
        std::string alerts = "[";
        for (const std::string& a : SupportAlerts(m, session->viewer.today)) {
          if (alerts.size() > 1) alerts += ',';
          AppendJsonString(alerts, a);
        }
        alerts += ']';
        all += JsonObject()
                        .Add("measure_id", m.measure_id)
                        .Add("version", static_cast<int64_t>(m.version))
                        .Add("state", std::string(SupportStateJa(m.state)))
                        .Add("kind", std::string(SupportKindName(m.kind)))
                        .Add("applicant", m.applicant)
                        .Add("provisional_start", Iso(m.provisional_start))
                        .Add("start", Iso(m.start))
                        .Add("end", Iso(m.end))
                        .Add("ended_on", Iso(m.ended_on))
                        .AddRaw("alerts", alerts)
                        .str();
      }
      all += ']';
      measures = std::move(all);
    });
    if (refused) return RefuseSession(request, *refused);
    blocks += ']';
    JsonObject out;
    out.AddRaw("blocks", blocks);
    if (!measures.empty()) out.AddRaw("support_measures", measures);
    return JsonResponse(200, out.str());
  }
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const auto value = OptionLookup(std::move(*fields));
  Result<int64_t> done = int64_t{0};
  context.with_protection_desk(session->viewer,
                               [&](ProtectionDesk& desk) { done = ApplyProtectionAction(desk, value, session->viewer.today); });
  if (!done) return RefuseSession(request, done.error());
  return JsonResponse(200, JsonObject().Add("action", value("action").value_or("")).Add("id", *done).str());
}

Response AuditApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto period = QueryPeriod(request);
  if (!period) return ErrorResponse(request, period.error());
  const std::optional<CalendarDate> from = period->from, to = period->to;
  if (request.path == "/api/v1/audit/report") {
    if (!from || !to) return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "audit.invalid_period", "from, to"));
    const std::string t = request.Query("threshold").empty() ? "100" : request.Query("threshold");
    const int64_t threshold = t.size() < 10 && t.find_first_not_of("0123456789") == std::string::npos ? std::stoll(t) : 0;
    auto report = context.audit_report(session->viewer, request.Query("kind"), *from, *to, threshold);
    if (!report) return RefuseSession(request, report.error());
    const std::string counts = JsonArray(report->counts, [](const OperatorCount& c) {
      return JsonObject().Add("operator_id", c.operator_id).Add("day", c.day).Add("count", c.count).Add("hits", c.hits).str();
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
    if (limit.size() > 6 || limit.find_first_not_of("0123456789") != std::string::npos || limit == "0") {
      return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "audit.invalid_limit", limit));
    }
    query->limit = std::stoul(limit);
  }
  auto found = context.audit_search(session->viewer, *query);
  if (!found) return RefuseSession(request, found.error());
  return JsonResponse(200, JsonObject().AddRaw("entries", JsonArray(*found, EncodeAuditEntry)).str());
}

Response StatisticsApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto period = QueryPeriod(request);
  if (!period) return ErrorResponse(request, period.error());
  const std::optional<CalendarDate> from = period->from, to = period->to;
  if (!from || !to) return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "date.range_reversed", "from and to are required"));
  auto s = context.statistics(session->viewer, *from, *to);
  if (!s) return RefuseSession(request, s.error());
  std::string areas = "[";
  for (const auto& a : s->by_area) {
    if (areas.size() > 1) areas += ',';
    areas += JsonObject().Add("address_text", a.address_text).AddRaw("population", CountsJson(a.population)).str();
  }
  areas += ']';
  return JsonResponse(200, JsonObject()
                               .Add("from", ToIsoString(s->from))
                               .Add("to", ToIsoString(s->to))
                               .AddRaw("population", CountsJson(s->population))
                               .Add("households_japanese", s->households_japanese)
                               .Add("households_foreign", s->households_foreign)
                               .Add("households_mixed", s->households_mixed)
                               .AddRaw("move_in_domestic", CountsJson(s->move_in_domestic))
                               .AddRaw("move_in_abroad", CountsJson(s->move_in_abroad))
                               .AddRaw("births", CountsJson(s->births))
                               .AddRaw("other_entries", CountsJson(s->other_entries))
                               .AddRaw("move_out_domestic", CountsJson(s->move_out_domestic))
                               .AddRaw("move_out_abroad", CountsJson(s->move_out_abroad))
                               .AddRaw("deaths", CountsJson(s->deaths))
                               .AddRaw("other_removals", CountsJson(s->other_removals))
                               .AddRaw("by_area", areas)
                               .str());
}

}  // namespace jrr::web
