// SPDX-License-Identifier: Apache-2.0
//
// 検索 and 照会 (JK-2.1, 2.2): the search screen and the resident view — the person, the household,
// the history, the 交付履歴 and the protection marker, as the gate lets this operator see them.
#include <Poco/URI.h>

#include <cstdio>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/web/access/resident_screen.h"
#include "jrr/web/access/search_json.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

Response SearchPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  for (const char* field : {"kana", "name", "birth", "address", "atena"})
    page.set(field, request.Query(field));
  const std::string match = request.Query("match");
  page.set("exact", match.empty() || match == "exact");
  page.set("prefix", match == "prefix");
  page.set("contains", match == "contains");
  page.set("residents_only", request.Query("residents-only") == "1");
  int status = 200;
  bool any = false;
  for (const auto& [name, value] : request.query) any = any || (!value.empty() && name != "match");
  if (any) {
    auto query = DecodeSearchQuery([&request](std::string_view name) -> std::optional<std::string> {
      if (!request.HasQuery(name) || request.Query(name).empty()) return std::nullopt;
      return request.Query(name);
    });
    Result<SearchResult> result =
        query ? context.search(session->viewer, *query) : Result<SearchResult>(query.error());
    if (!result) {
      status = HttpStatusFor(result.error().code);
      page.set("error", ErrorData(result.error()));
    } else {
      data hits{data::type::list};
      for (const SearchHit& hit : result->hits) {
        const ResidentRecord& r = hit.record;
        data row;
        row.set("atena", r.addressee_number);
        if (hit.withheld) {
          // 照会抑止: the row says the person is blocked, and nothing else (JK-3.1).
          row.set("withheld", true);
          row.set("marker", hit.protection.marker);
          hits.push_back(row);
          continue;
        }
        row.set("name", r.DisplayName());
        row.set("kana", r.family_kana + " " + r.given_kana);
        row.set("birth", BirthDateText(r));
        row.set("sex", r.sex == Sex::kMale ? "男" : "女");
        row.set("address", r.address.Printed());
        row.set("removed", r.status == ResidentStatus::kRemoved);
        if (!hit.protection.marker.empty()) row.set("marker", hit.protection.marker);
        row.set("pending", hit.pending);
        row.set("former", hit.matched_former);
        hits.push_back(row);
      }
      data searched;
      searched.set("count", std::to_string(result->hits.size()));
      searched.set("truncated", result->truncated);
      searched.set("has_hits", !result->hits.empty());
      searched.set("hits", hits);
      page.set("searched", searched);
    }
  }
  return Html(status, "住民検索", RenderTemplate("search", page), context);
}

Response ResidentPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  // JK-1.2.2: as it stood on a day (異動日), or as the register knew it on a day (処理日).
  AsOfQuery query;
  for (auto [name, target] :
       {std::pair{"as_of", &query.effective_on}, {"known_at", &query.known_at}}) {
    if (request.Query(name).empty()) continue;
    auto day = ParseCalendarDate(request.Query(name));
    if (!day) {
      page.set("error", ErrorData(day.error()));
      return Html(400, "住民票の照会", RenderTemplate("resident", page), context);
    }
    *target = *day;
    page.set(name, request.Query(name));
  }
  page.set("atena", request.Query("atena"));
  std::vector<std::string> acknowledged;
  if (!request.Query("acknowledge").empty()) acknowledged.push_back(request.Query("acknowledge"));
  auto view = context.view_person(session->viewer, request.Query("atena"), query, acknowledged);
  if (!view) {
    page.set("error", ErrorData(view.error()));
    return Html(HttpStatusFor(view.error().code), "住民票の照会", RenderTemplate("resident", page),
                context);
  }
  data person = PresentPerson(*view, session->viewer);
  if (auto members = HouseholdMembers(context, session->viewer, view->record.household_number))
    PresentHouseholdMembers(person, *members, view->record.addressee_number);
  if (!request.Query("recorded").empty()) person.set("recorded", request.Query("recorded"));
  page.set("person", person);
  return Html(200, "住民票の照会", RenderTemplate("resident", page), context);
}

}  // namespace jrr::web
