// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of 抑止 and 支援措置, as the session's user, through ProtectionDesk:
//   GET  /api/v1/protection?person=     the person's and household's 抑止, and (支援措置 officers
//                                       only) the person's 支援措置
//   POST /api/v1/protection             {"action": block-add | block-end | block-release |
//                                       support-add | support-start | support-extend | support-end |
//                                       support-release, …} with the names of protection_request.h
// Refusals are {code, rule_id, message_ja}.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/protection/protection_request.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

std::string Iso(const std::optional<CalendarDate>& d) {
  return d ? ToIsoString(*d) : std::string();
}

std::string BlockJson(const Block& b, CalendarDate today) {
  return JsonObject()
      .Add("block_id", b.block_id)
      .Add("addressee_number", b.addressee_number)
      .Add("household_number", b.household_number)
      .Add("operation", std::string(GuardedOperationName(b.operation)))
      .Add("level", std::string(b.level == BlockLevel::kError ? "error" : "alert"))
      .Add("start", ToIsoString(b.start))
      .Add("end", Iso(b.end))
      .Add("ended_on", Iso(b.ended_on))
      .Add("applies", BlockApplies(b, today))
      .str();
}

// For 支援措置 officers only (the desk refuses the list to anyone else).
std::string MeasureJson(const SupportMeasure& m, CalendarDate today) {
  return JsonObject()
      .Add("measure_id", m.measure_id)
      .Add("version", static_cast<int64_t>(m.version))
      .Add("state", std::string(SupportStateJa(m.state)))
      .Add("kind", std::string(SupportKindName(m.kind)))
      .Add("applicant", m.applicant)
      .Add("provisional_start", Iso(m.provisional_start))
      .Add("start", Iso(m.start))
      .Add("end", Iso(m.end))
      .Add("ended_on", Iso(m.ended_on))
      .AddRaw("alerts", JsonStringArray(SupportAlerts(m, today)))
      .str();
}

}  // namespace

Response ProtectionApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (request.method == "GET") {
    const std::string person = request.Query("person");
    const std::string household = request.Query("household");
    std::string blocks = "[]", measures;
    std::optional<Error> refused;
    context.desks->Protection(session->viewer, [&](ProtectionDesk& desk) {
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
      blocks =
          JsonArray(found, [&](const Block& b) { return BlockJson(b, session->viewer.today); });
      if (person.empty()) return;  // the measures are a person's
      auto list = desk.MeasuresFor(person);
      if (!list) return;  // not a 支援措置 officer: the measures are left out
      measures = JsonArray(
          *list, [&](const SupportMeasure& m) { return MeasureJson(m, session->viewer.today); });
    });
    if (refused) return RefuseSession(request, *refused);
    JsonObject out;
    out.AddRaw("blocks", blocks);
    if (!measures.empty()) out.AddRaw("support_measures", measures);
    return JsonResponse(200, out.str());
  }
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const auto value = OptionLookup(std::move(*fields));
  Result<int64_t> done = int64_t{0};
  context.desks->Protection(session->viewer, [&](ProtectionDesk& desk) {
    done = ApplyProtectionAction(desk, value, session->viewer.today);
  });
  if (!done) return RefuseSession(request, done.error());
  return JsonResponse(
      200, JsonObject().Add("action", value("action").value_or("")).Add("id", *done).str());
}

}  // namespace jrr::web
