// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of the 統計 (JK-6.1), as the session's user, through StatisticsDesk:
//   GET  /api/v1/statistics             from, to (JK-6.1 figures, with foreign_by_category: the
//                                       中長期在留者住居地届出等 figures by 法第30条の45 category)
// Refusals are {code, rule_id, message_ja}.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/core/query_period.h"
#include "jrr/web/records/record_json.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

std::string CountsJson(const PeopleCount& c) {
  return JsonObject()
      .Add("japanese_male", c.japanese_male)
      .Add("japanese_female", c.japanese_female)
      .Add("foreign_male", c.foreign_male)
      .Add("foreign_female", c.foreign_female)
      .Add("total", c.total())
      .str();
}

}  // namespace

Response StatisticsApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto period = QueryPeriod(request);
  if (!period) return ErrorResponse(request, period.error());
  const std::optional<CalendarDate> from = period->from, to = period->to;
  if (!from || !to)
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "date.range_reversed",
                                            "from and to are required"));
  auto s = context.desks->Statistics(
      session->viewer, [&](StatisticsDesk& desk) { return desk.Compute(*from, *to); });
  if (!s) return RefuseSession(request, s.error());
  std::string areas = "[";
  for (const auto& a : s->by_area) {
    if (areas.size() > 1) areas += ',';
    areas += JsonObject()
                 .Add("address_text", a.address_text)
                 .AddRaw("population", CountsJson(a.population))
                 .str();
  }
  areas += ']';
  std::string categories = "[";
  for (const auto& c : s->foreign_by_category) {
    if (categories.size() > 1) categories += ',';
    categories += JsonObject()
                      .Add("category", std::string(ForeignCategoryKey(c.category)))
                      .Add("category_ja", std::string(ForeignCategoryNameJa(c.category)))
                      .Add("population", c.population)
                      .Add("from_abroad", c.from_abroad)
                      .Add("moved_in", c.moved_in)
                      .Add("moved_within", c.moved_within)
                      .Add("moved_out", c.moved_out)
                      .str();
  }
  categories += ']';
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
                               .AddRaw("foreign_by_category", categories)
                               .str());
}

}  // namespace jrr::web
