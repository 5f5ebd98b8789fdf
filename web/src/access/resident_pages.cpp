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
#include "jrr/web/access/search_json.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

std::string Wareki(const RecordedDate& d) {
  return FormatRecordedDate(d, DisplayCalendar::kWareki);
}

}  // namespace

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
  const ResidentRecord& r = view->record;
  data person;
  if (!view->protection.marker.empty()) person.set("marker", view->protection.marker);
  // JK-1.1.16: from the record to the 支援措置 database (only the officer gets the ids).
  data measures{data::type::list};
  for (int64_t id : view->protection.measure_ids) {
    data measure;
    measure.set("id", std::to_string(id));
    measures.push_back(measure);
  }
  person.set("measures", measures);
  data alerts{data::type::list};
  for (const std::string& rule : view->protection.alerts) {
    alerts.push_back(ErrorData(MakeError(ErrorCode::kRuleViolation, rule)));
  }
  person.set("alerts", alerts);
  person.set("removed", r.status == ResidentStatus::kRemoved);
  const Viewer& viewer = session->viewer;
  const bool foreign = r.kind == ResidentKind::kForeign;
  if (r.removal) {
    // 除票 (JK-1.1.5): why, when, where to; the 転入通知 once it came.
    const RemovalItems& m = *r.removal;
    data removal;
    removal.set("reason", std::string(InfoOf(m.reason).name_ja));
    removal.set("effective", Wareki(m.effective));
    if (!m.planned_destination.Printed().empty())
      removal.set("planned", m.planned_destination.Printed());
    if (!m.confirmed_destination.Printed().empty())
      removal.set("confirmed", m.confirmed_destination.Printed());
    if (m.move_in_notice_date) removal.set("notice", FormatWareki(*m.move_in_notice_date));
    if (m.confirmed_move_out_date) removal.set("moved", FormatWareki(*m.confirmed_move_out_date));
    person.set("removal", removal);
  }
  person.set("name", r.DisplayName());
  person.set("kana", r.family_kana + " " + r.given_kana);
  if (!r.former_surname.empty()) person.set("former_surname", r.former_surname);
  if (!r.common_name.empty()) person.set("common_name", r.common_name);
  person.set("birth", BirthDateText(r));
  person.set("sex", r.sex == Sex::kMale ? "男" : "女");
  person.set("relationship", r.relationship.Text());
  person.set("address", r.address.Printed());
  person.set("atena", r.addressee_number);
  person.set("household", r.household_number);
  if (!r.previous_address.Printed().empty())
    person.set("previous_address", r.previous_address.Printed());
  if (!r.last_registered_address.empty()) person.set("last_registered", r.last_registered_address);
  // JK-10.4: an item this user may not see says so, rather than looking empty.
  const std::string hidden = "（表示の権限がありません）";
  if (!foreign) {
    if (!viewer.Has(Permission::kSeeDomicile))
      person.set("domicile", hidden);
    else if (r.domicile.state != Domicile::State::kRecorded)
      person.set("domicile", DomicilePlaceText(r.domicile));
    else if (!r.domicile.place.empty())
      person.set("domicile", r.domicile.place + "　筆頭者 " + r.domicile.head_of_family);
  }
  if (!viewer.Has(Permission::kSeeResidentRecordCode))
    person.set("jumin_code", hidden);
  else if (!r.resident_record_code.empty())
    person.set("jumin_code", r.resident_record_code);
  if (!viewer.Has(Permission::kSeeIndividualNumber))
    person.set("kojin", hidden);
  else if (!r.individual_number.empty())
    person.set("kojin", r.individual_number);
  if (foreign) {
    const ForeignResidentItems& f = r.foreign;
    data items;
    items.set("alphabet", f.alphabet_name);
    items.set("nationality", f.nationality);
    if (!viewer.Has(Permission::kSeeResidenceStatus)) {
      items.set("hidden", hidden);
    } else {
      items.set("category", std::string(ForeignCategoryNameJa(f.category)));
      if (f.period_expiry) items.set("expiry", FormatSeireki(*f.period_expiry));
      // Only the items the category has (an empty string would still open its section).
      for (const auto& [key, value] : {std::pair{"status", &f.status_of_residence},
                                       {"period", &f.period_of_stay},
                                       {"card", &f.residence_card_number},
                                       {"special", &f.special_permanent_certificate_number},
                                       {"landing", &f.landing_period},
                                       {"provisional", &f.provisional_stay_period}}) {
        if (!value->empty()) items.set(key, *value);
      }
    }
    if (f.foreign_resident_since) items.set("since", Wareki(*f.foreign_resident_since));
    person.set("foreign", items);
  }
  person.set("glyphs", NameGlyphs(r.family_name + r.given_name));
  data history{data::type::list};
  for (const auto& entry : view->history) {
    data row;
    row.set("number", std::to_string(entry.version.history_number));
    row.set("change", std::to_string(entry.change.change_id));
    row.set("reason", std::string(InfoOf(entry.change.reason).name_ja) +
                          (entry.change.on_request ? "（申出による）" : ""));
    row.set("event", Wareki(entry.change.event_date));
    row.set("processed", FormatWareki(entry.change.processing_date));
    row.set("address", entry.version.address.Printed());
    history.push_back(row);
  }
  person.set("history", history);
  // 旧氏・通称の履歴 (JK-1.1.7, 2.2.1): each version where either changed.
  data names{data::type::list};
  std::string former_before, common_before;
  bool any_name = false;
  for (const auto& entry : view->history) {
    const ResidentRecord& v = entry.version;
    if (v.former_surname == former_before && v.common_name == common_before) continue;
    data row;
    row.set("number", std::to_string(v.history_number));
    row.set("reason", std::string(InfoOf(entry.change.reason).name_ja));
    row.set("event", Wareki(entry.change.event_date));
    row.set("former", v.former_surname.empty()
                          ? std::string("（なし）")
                          : v.former_surname + "（" + v.former_surname_kana + "）");
    row.set("common", v.common_name.empty() ? std::string("（なし）")
                                            : v.common_name + "（" + v.common_name_kana + "）");
    names.push_back(row);
    any_name = true;
    former_before = v.former_surname;
    common_before = v.common_name;
  }
  person.set("names", names);
  person.set("has_names", any_name);
  // 世帯 (JK-2.2.1, 3.3): who lives in the household now, and its members removed from it (転出,
  // 死亡 …) as 除票, marked so.
  if (auto members = HouseholdMembers(context, viewer, r.household_number)) {
    data list{data::type::list};
    for (const SearchHit& hit : *members) {
      const ResidentRecord& m = hit.record;
      data row;
      row.set("atena", m.addressee_number);
      row.set("name", hit.withheld ? hit.protection.marker : m.DisplayName());
      row.set("relationship", hit.withheld ? std::string() : m.relationship.Text());
      if (m.addressee_number == r.addressee_number) row.set("self", true);
      if (m.status == ResidentStatus::kRemoved && m.removal) {
        row.set("member_removed", "除票・" + std::string(InfoOf(m.removal->reason).name_ja) + " " +
                                      Wareki(m.removal->effective));
      }
      if (!hit.protection.marker.empty()) row.set("member_marker", hit.protection.marker);
      list.push_back(row);
    }
    person.set("has_members", !members->empty());
    person.set("members", list);
  }
  // 交付履歴 (JK-2.2.2, 1.3.8): the certificates that named this person.
  data issued{data::type::list};
  for (const IssuanceRecord& i : view->issuances) {
    data row;
    row.set("id", std::to_string(i.issuance_id));
    row.set("date", FormatWareki(i.issue_date));
    row.set("kind", std::string(CertificateKindNameJa(i.kind)));
    row.set("requester", std::string(RequesterNameJa(i.requester)));
    row.set("place", i.place + (i.terminal.empty() ? "" : "／" + i.terminal));
    row.set("operator", i.operator_id);
    row.set("copies", std::to_string(i.copies));
    row.set("persons", std::to_string(i.targets.size()));
    if (!i.numbers.empty()) row.set("number", i.numbers.front());
    if (i.disposed_at) row.set("disposed", true);
    issued.push_back(row);
  }
  person.set("issued", issued);
  person.set("has_issued", !view->issuances.empty());
  if (!request.Query("recorded").empty()) person.set("recorded", request.Query("recorded"));
  page.set("person", person);
  return Html(200, "住民票の照会", RenderTemplate("resident", page), context);
}

}  // namespace jrr::web
