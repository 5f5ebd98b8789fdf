// SPDX-License-Identifier: Apache-2.0
//
// 照会 (GET /api/v1/resident) and 検索 (GET /api/v1/search) as the logged-in user, through the gate.
// Refusals are {code, rule_id, message_ja}.
#include "jrr/web/access/search_json.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/records/record_json.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {

Response ResidentApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  AsOfQuery query;
  for (const auto& [name, target] :
       {std::pair{"as_of", &query.effective_on}, std::pair{"known_at", &query.known_at}}) {
    if (!request.HasQuery(name)) continue;
    auto day = ParseCalendarDate(request.Query(name));
    if (!day) return ErrorResponse(request, day.error());
    *target = *day;
  }
  std::vector<std::string> acknowledged;
  if (request.HasQuery("acknowledge")) acknowledged.push_back(request.Query("acknowledge"));
  auto view = context.view_person(session->viewer, request.Query("atena"), query, acknowledged);
  if (!view) return RefuseSession(request, view.error());
  // 交付履歴 (JK-1.3.8, 2.2.2): what was issued naming this person, with every item the history
  // keeps; the other people by number only.
  const std::string issuances = JsonArray(view->issuances, [](const IssuanceRecord& i) {
    std::vector<std::string> items;
    for (OptionalItem item : i.items) items.emplace_back(OptionalItemCode(item));
    return JsonObject()
        .Add("issuance_id", i.issuance_id)
        .Add("issued_at", i.issued_at)
        .Add("issue_date", ToIsoString(i.issue_date))
        .Add("kind", std::string(CertificateKindCode(i.kind)))
        .Add("requester", std::string(RequesterCode(i.requester)))
        .Add("place", i.place)
        .Add("terminal", i.terminal)
        .Add("printer", i.printer)
        .Add("operator_id", i.operator_id)
        .AddRaw("items", JsonStringArray(items))
        .Add("copies", static_cast<int64_t>(i.copies))
        .Add("sheets", static_cast<int64_t>(i.sheets))
        .Add("seal", i.seal)
        .Add("individual_number", i.individual_number)
        .Add("persons", static_cast<int64_t>(i.targets.size()))
        .Add("first_number", i.numbers.empty() ? std::string() : i.numbers.front())
        .AddRaw("numbers", JsonStringArray(i.numbers))
        .Add("disposed", i.disposed_at.has_value())
        .Add("disposed_at", i.disposed_at)
        .Add("disposal_reason", i.disposal_reason)
        .Add("disposed_by", i.disposed_by)
        .str();
  });
  // 統合記載欄 (JK-1.1.14): kind A (a 異動), B (its 留意事項) or C (a 備考), in order.
  const std::string remarks = JsonArray(view->remarks, [](const IntegratedRemarkLine& line) {
    return JsonObject().Add("kind", std::string(1, line.kind)).Add("text", line.text).str();
  });
  return JsonResponse(200, JsonObject()
                               .AddRaw("record", EncodeRecord(view->record))
                               .AddRaw("protection", EncodeProtection(view->protection))
                               .Add("versions", static_cast<int64_t>(view->history.size()))
                               .AddRaw("issuances", issuances)
                               .AddRaw("integrated_remarks", remarks)
                               .str());
}

Response SearchApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto query = DecodeSearchQuery([&request](std::string_view name) -> std::optional<std::string> {
    if (!request.HasQuery(name)) return std::nullopt;
    return request.Query(name);
  });
  if (!query) return ErrorResponse(request, query.error());
  auto result = context.search(session->viewer, *query);
  if (!result) return RefuseSession(request, result.error());
  return JsonResponse(200, JsonObject()
                               .AddRaw("hits", JsonArray(result->hits, EncodeSearchHit))
                               .Add("truncated", result->truncated)
                               .str());
}

}  // namespace jrr::web
