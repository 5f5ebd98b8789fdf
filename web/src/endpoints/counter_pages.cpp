// SPDX-License-Identifier: Apache-2.0
//
// The 窓口 screens a staff session starts with (JK-2.1, 2.2, 10.3): login, the forced password
// change, logout, search, and the resident view. Server-rendered, no script, every control
// reachable by keyboard; forms carry the session's CSRF token; refusals show their Japanese
// message and rule id.
#include "endpoints.h"

#include <Poco/URI.h>

#include <cstdio>

#include "../page.h"
#include "jrr/domain/change_reason.h"
#include "jrr/domain/japanese_date.h"
#include "jrr/domain/rule_catalog.h"
#include "jrr/domain/text.h"
#include "jrr/web/certificate_request.h"
#include "jrr/web/change_json.h"
#include "jrr/web/qr_svg.h"
#include "jrr/web/totp.h"
#include "screen.h"
#include "session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

// The login form carries a token of its own, also set as a SameSite=Strict cookie: a form posted
// from another site carries neither, so nobody can log a browser in to an account of theirs
// (login CSRF).
constexpr const char* kLoginCookie = "jrr_login";

Response LoginForm(const WebContext& context, int status, const std::string& user_id,
                   const std::optional<Error>& error, const std::string& notice = "") {
  const std::string token = RandomToken();
  data page;
  page.set("user_id", user_id);
  page.set("csrf", token);
  if (error) page.set("error", ErrorData(*error));
  if (!notice.empty()) page.set("notice", notice);
  Response response = Html(status, "ログイン", RenderTemplate("login", page), context);
  response.headers.emplace_back("Set-Cookie", std::string(kLoginCookie) + "=" + token +
                                                  "; Path=/login; HttpOnly; SameSite=Strict" +
                                                  (context.tls ? "; Secure" : ""));
  return response;
}

std::string Wareki(const RecordedDate& d) { return FormatRecordedDate(d, DisplayCalendar::kWareki); }

}  // namespace

Response LoginPage(const Request& request, const WebContext& context) {
  std::string notice;
  if (request.Query("changed") == "1") notice = "パスワードを変更しました。新しいパスワードでログインしてください。";
  if (request.Query("enrolled") == "1") notice = "二要素認証を登録しました。認証コードを添えてログインしてください。";
  return LoginForm(context, 200, "", std::nullopt, notice);
}

Response LoginSubmit(const Request& request, const WebContext& context) {
  if (!request.FormIsText()) {
    return LoginForm(context, 400, "", MakeError(ErrorCode::kInvalidInput, "text.invalid_utf8", "form"));
  }
  if (!context.login || !context.sessions) {
    return LoginForm(context, 503, "", MakeError(ErrorCode::kUnavailable, "auth.session_required", "no staff login"));
  }
  if (request.Form("csrf").empty() || request.Form("csrf") != request.Cookie(kLoginCookie)) {
    return LoginForm(context, 403, "", MakeError(ErrorCode::kRuleViolation, "auth.csrf", "login form"));
  }
  const Credentials credentials{request.Form("user_id"), request.Form("password"), request.Form("code")};
  auto outcome = context.login(credentials, PlaceOf(request, context));
  if (!outcome) return LoginForm(context, RefusalStatus(outcome.error()), credentials.user_id, outcome.error());
  context.sessions->Remove(request.Cookie(kSessionCookie));
  const Session session = context.sessions->Create(outcome->viewer, outcome->next, context.now_epoch_seconds(),
                                                   outcome->credential_version);
  Response response = SeeOther(outcome->next == LoginStep::kChangePassword      ? "/password"
                               : outcome->next == LoginStep::kEnrolSecondFactor ? "/enrol"
                                                                                : "/search");
  response.headers.emplace_back("Set-Cookie", SessionCookie(session.id, false, context.tls));
  return response;
}

Response PasswordPage(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) return SeeOther("/login");
  data page;
  page.set("csrf", session->csrf_token);
  return Html(200, "パスワードの変更", RenderTemplate("password", page), context);
}

Response PasswordSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) {
    if (session.error().rule_id == "auth.session_required") return SeeOther("/login");
    return Html(RefusalStatus(session.error()), "パスワードの変更",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  auto ok = context.change_password(session->viewer.operator_id, request.Form("old_password"),
                                    request.Form("new_password"), PlaceOf(request, context));
  if (!ok) {
    data page;
    page.set("csrf", session->csrf_token);
    page.set("error", ErrorData(ok.error()));
    return Html(RefusalStatus(ok.error()), "パスワードの変更", RenderTemplate("password", page), context);
  }
  context.sessions->Remove(session->id);
  Response response = SeeOther("/login?changed=1");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response EnrolPage(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session || session->next != LoginStep::kEnrolSecondFactor) return SeeOther(session ? "/search" : "/login");
  // A new secret each time the screen is shown; only the last one shown can be confirmed.
  const std::string secret = NewTotpSecret();
  context.sessions->SetPendingSecret(session->id, secret);
  data page;
  page.set("csrf", session->csrf_token);
  page.set("secret", secret);
  page.set("qr", QrSvg(OtpauthUri("jrr " + MunicipalityName(context), session->viewer.operator_id, secret)));
  return Html(200, "二要素認証の登録", RenderTemplate("enrol", page), context);
}

Response EnrolSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) {
    if (session.error().rule_id == "auth.session_required") return SeeOther("/login");
    return Html(RefusalStatus(session.error()), "二要素認証の登録",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  if (session->pending_secret.empty()) return SeeOther("/enrol");
  auto ok = context.enrol_second_factor(session->viewer.operator_id, session->pending_secret,
                                        request.Form("code"), PlaceOf(request, context));
  if (!ok) {
    data page;
    page.set("csrf", session->csrf_token);
    page.set("secret", session->pending_secret);
    page.set("qr", QrSvg(OtpauthUri("jrr " + MunicipalityName(context), session->viewer.operator_id,
                                    session->pending_secret)));
    page.set("error", ErrorData(ok.error()));
    return Html(RefusalStatus(ok.error()), "二要素認証の登録", RenderTemplate("enrol", page), context);
  }
  // Enrolled: log in again, now with the code.
  context.sessions->Remove(session->id);
  Response response = SeeOther("/login?enrolled=1");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response LogoutSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  // Without the session's token the request may come from another site: nothing is ended.
  if (!session && session.error().rule_id == "auth.csrf") {
    return Html(403, "ログアウト", RenderTemplate("error", ErrorData(session.error())), context);
  }
  if (session) context.sessions->Remove(session->id);
  Response response = SeeOther("/login");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response SearchPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  for (const char* field : {"kana", "name", "birth", "address", "atena"}) page.set(field, request.Query(field));
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
    Result<SearchResult> result = query ? context.search(session->viewer, *query) : Result<SearchResult>(query.error());
    if (!result) {
      status = RefusalStatus(result.error());
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
        row.set("birth", Wareki(r.birth_date));
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
  for (auto [name, target] : {std::pair{"as_of", &query.effective_on}, {"known_at", &query.known_at}}) {
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
    return Html(RefusalStatus(view.error()), "住民票の照会", RenderTemplate("resident", page), context);
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
  // JK-1.1.9: a foreign resident's dates in 西暦.
  auto day = [foreign](const RecordedDate& d) {
    return FormatRecordedDate(d, foreign ? DisplayCalendar::kSeireki : DisplayCalendar::kWareki);
  };
  if (r.removal) {
    // 除票 (JK-1.1.5): why, when, where to; the 転入通知 once it came.
    const RemovalItems& m = *r.removal;
    data removal;
    removal.set("reason", std::string(InfoOf(m.reason).name_ja));
    removal.set("effective", Wareki(m.effective));
    if (!m.planned_destination.Printed().empty()) removal.set("planned", m.planned_destination.Printed());
    if (!m.confirmed_destination.Printed().empty()) removal.set("confirmed", m.confirmed_destination.Printed());
    if (m.move_in_notice_date) removal.set("notice", FormatWareki(*m.move_in_notice_date));
    if (m.confirmed_move_out_date) removal.set("moved", FormatWareki(*m.confirmed_move_out_date));
    person.set("removal", removal);
  }
  person.set("name", r.DisplayName());
  person.set("kana", r.family_kana + " " + r.given_kana);
  if (!r.former_surname.empty()) person.set("former_surname", r.former_surname);
  if (!r.common_name.empty()) person.set("common_name", r.common_name);
  person.set("birth", day(r.birth_date));
  person.set("sex", r.sex == Sex::kMale ? "男" : "女");
  person.set("relationship", r.relationship.Text());
  person.set("address", r.address.Printed());
  person.set("atena", r.addressee_number);
  person.set("household", r.household_number);
  if (!r.previous_address.Printed().empty()) person.set("previous_address", r.previous_address.Printed());
  if (!r.last_registered_address.empty()) person.set("last_registered", r.last_registered_address);
  // JK-10.4: an item this user may not see says so, rather than looking empty.
  const std::string hidden = "（表示の権限がありません）";
  if (!foreign) {
    if (!viewer.Has(Permission::kSeeDomicile)) person.set("domicile", hidden);
    else if (!r.domicile.place.empty()) person.set("domicile", r.domicile.place + "　筆頭者 " + r.domicile.head_of_family);
  }
  if (!viewer.Has(Permission::kSeeResidentRecordCode)) person.set("jumin_code", hidden);
  else if (!r.resident_record_code.empty()) person.set("jumin_code", r.resident_record_code);
  if (!viewer.Has(Permission::kSeeIndividualNumber)) person.set("kojin", hidden);
  else if (!r.individual_number.empty()) person.set("kojin", r.individual_number);
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
      for (const auto& [key, value] : {std::pair{"status", &f.status_of_residence}, {"period", &f.period_of_stay},
                                       {"card", &f.residence_card_number},
                                       {"special", &f.special_permanent_certificate_number},
                                       {"landing", &f.landing_period}, {"provisional", &f.provisional_stay_period}}) {
        if (!value->empty()) items.set(key, *value);
      }
    }
    if (f.foreign_resident_since) items.set("since", day(*f.foreign_resident_since));
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
    row.set("former", v.former_surname.empty() ? std::string("（なし）") : v.former_surname + "（" + v.former_surname_kana + "）");
    row.set("common", v.common_name.empty() ? std::string("（なし）") : v.common_name + "（" + v.common_name_kana + "）");
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
        row.set("member_removed", "除票・" + std::string(InfoOf(m.removal->reason).name_ja) + " " + Wareki(m.removal->effective));
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

namespace {

Response PendingScreen(const WebContext& context, const Session& session, int status,
                       const std::optional<Error>& error, const std::vector<std::string>& notices,
                       const PendingFilter& filter) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  if (error) page.set("error", ErrorData(*error));
  data notice_list{data::type::list};
  for (const std::string& n : notices) notice_list.push_back(data(n));
  page.set("notices", notice_list);
  auto open = context.pending(session.viewer);
  if (!open) {
    page.set("error", ErrorData(open.error()));
    return Html(RefusalStatus(open.error()), "仮登録一覧", RenderTemplate("pending", page), context);
  }
  // 一部 (JK-4.0.8): by 入力場所 (支所) and by 異動者; the places offered are those with entries.
  std::set<std::string> places;
  for (const PendingChange& p : *open) places.insert(p.place);
  data place_list{data::type::list};
  for (const std::string& place : places) {
    data row;
    row.set("place", place);
    if (place == filter.place) row.set("selected", true);
    place_list.push_back(row);
  }
  page.set("places", place_list);
  page.set("person", filter.person);
  page.set("filter_place", filter.place);
  const std::vector<PendingChange> shown = SelectPending(*open, filter);
  data rows{data::type::list};
  for (const PendingChange& p : shown) {
    data row;
    row.set("id", std::to_string(p.pending_id));
    row.set("summary", p.summary);
    row.set("entered", FormatWareki(p.entered_on));
    row.set("operator", p.operator_id);
    row.set("place", p.place);
    data persons{data::type::list};
    for (const std::string& atena : p.persons) persons.push_back(data(atena));
    row.set("persons", persons);
    rows.push_back(row);
  }
  page.set("count", std::to_string(shown.size()));
  page.set("total", std::to_string(open->size()));
  page.set("filtered", shown.size() != open->size());
  page.set("has_pending", !shown.empty());
  page.set("all_allowed", shown.size() <= kBulkApprovalLimit);
  page.set("limit", std::to_string(kBulkApprovalLimit));
  page.set("pending", rows);
  return Html(status, "仮登録一覧", RenderTemplate("pending", page), context);
}

PendingFilter FilterOf(const Request& request, bool form) {
  return form ? PendingFilter{request.Form("place"), request.Form("person")}
              : PendingFilter{request.Query("place"), request.Query("person")};
}

}  // namespace

// 仮登録一覧 (JK-4.0.8): all, or those of one 入力場所 and/or 異動者, each with 本登録 and 取消,
// and 本登録 of those ticked or of all shown.
Response PendingPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return PendingScreen(context, *session, 200, std::nullopt, {}, FilterOf(request, false));
}

Response PendingDecision(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == "auth.session_required") return SeeOther("/login");
    return Html(RefusalStatus(session.error()), "仮登録一覧", RenderTemplate("error", ErrorData(session.error())),
                context);
  }
  const PendingFilter filter = FilterOf(request, true);
  // One row's button names its id; otherwise the ticked ones, or every one shown.
  std::vector<std::string> texts;
  if (!request.Form("only").empty()) {
    texts.push_back(request.Form("only"));
  } else {
    const std::string wanted = request.Form("scope") == "all" ? "shown" : "id";
    for (const auto& [name, value] : request.FormPairs()) {
      if (name == wanted) texts.push_back(value);
    }
  }
  auto ids = PendingIds(texts);
  if (!ids) ids = std::vector<int64_t>{0};  // refused below as not open
  if (request.path == "/pending/withdraw") {
    if (ids->size() != 1) {
      return PendingScreen(context, *session, 400, MakeError(ErrorCode::kInvalidInput, "pending.none_selected"), {}, filter);
    }
    if (auto ok = context.withdraw(session->viewer, ids->front()); !ok) {
      return PendingScreen(context, *session, RefusalStatus(ok.error()), ok.error(), {}, filter);
    }
    return PendingScreen(context, *session, 200, std::nullopt,
                         {"仮登録 " + std::to_string(ids->front()) + " を取り消しました。"}, filter);
  }
  auto approvals = ApprovePending(context, session->viewer, *ids);
  if (!approvals) return PendingScreen(context, *session, RefusalStatus(approvals.error()), approvals.error(), {}, filter);
  std::vector<std::string> notices;
  std::optional<Error> first_refusal;
  int approved = 0;
  for (const Approval& a : *approvals) {
    if (a.outcome) {
      ++approved;
      notices.push_back("仮登録 " + std::to_string(a.pending_id) + " を本登録しました（異動 " +
                        std::to_string(a.outcome->change.change_id) + "）。");
    } else {
      if (!first_refusal) first_refusal = a.outcome.error();
      notices.push_back("仮登録 " + std::to_string(a.pending_id) + " は本登録できませんでした: " + MessageJa(a.outcome.error()) +
                        " [" + a.outcome.error().rule_id + "]");
    }
  }
  if (approvals->size() > 1) {
    notices.insert(notices.begin(), std::to_string(approvals->size()) + " 件のうち " + std::to_string(approved) +
                                        " 件を本登録しました。");
  }
  // A single refusal keeps its status (a 403 stays a 403); a batch answers 200 with each outcome.
  const int status = approvals->size() == 1 && first_refusal ? RefusalStatus(*first_refusal) : 200;
  return PendingScreen(context, *session, status, approvals->size() == 1 ? first_refusal : std::nullopt,
                       approvals->size() == 1 && first_refusal ? std::vector<std::string>{} : notices, filter);
}

// 支援措置の詳細 (JK-1.1.16, 2.2.4): the database entry behind the marker, for the 支援措置
// permission only; every look is logged by ProtectionDesk.
Response SupportPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  int64_t id = 0;
  try {
    id = std::stoll(request.Query("id"));
  } catch (const std::logic_error&) {
    id = 0;
  }
  auto versions = context.support_details(session->viewer, id);
  if (!versions) {
    page.set("error", ErrorData(versions.error()));
    return Html(RefusalStatus(versions.error()), "支援措置", RenderTemplate("support", page), context);
  }
  static constexpr std::string_view kStates[] = {"", "仮支援措置", "支援措置期間中", "仮支援措置（前住所地）", "終了"};
  static constexpr std::string_view kKinds[] = {"", "DV", "ストーカー", "児童虐待", "その他"};
  auto day = [](const std::optional<CalendarDate>& d) { return d ? FormatWareki(*d) : std::string("—"); };
  data list{data::type::list};
  for (std::size_t i = 0; i < versions->size(); ++i) {
    const SupportMeasure& m = (*versions)[i];
    data v;
    v.set("version", std::to_string(m.version));
    v.set("latest", i == 0);
    v.set("state", std::string(kStates[static_cast<int>(m.state)]));
    v.set("kind", std::string(kKinds[static_cast<int>(m.kind)]));
    v.set("applicant", m.applicant);
    data co{data::type::list};
    for (const auto& c : m.co_protected) {
      data person;
      person.set("atena", c.addressee_number);
      person.set("relation", c.relation);
      co.push_back(person);
    }
    v.set("co", co);
    v.set("start", day(m.start));
    v.set("end", day(m.end));
    if (m.provisional_start) v.set("provisional_start", day(m.provisional_start));
    if (m.ended_on) {
      v.set("ended", day(m.ended_on));
      v.set("end_reason", m.end_reason);
    }
    std::string affairs;
    if (m.restrict_inspection) affairs += "閲覧 ";
    if (m.restrict_copies) affairs += "住民票の写し等 ";
    if (m.restrict_fuhyo) affairs += "戸籍の附票の写し等";
    v.set("affairs", affairs);
    v.set("contact", m.contact);
    std::string perpetrator = m.perpetrator_name;
    for (const std::string* part : {&m.perpetrator_addressee_number, &m.perpetrator_address, &m.perpetrator_other}) {
      if (!part->empty()) {
        perpetrator += "　";
        perpetrator += *part;
      }
    }
    v.set("perpetrator", perpetrator);
    v.set("operator", m.operator_id);
    list.push_back(v);
  }
  page.set("versions", list);
  return Html(200, "支援措置 #" + std::to_string(id), RenderTemplate("support", page), context);
}

namespace {

// The issuance form, filled with what was asked (or the defaults), and the refusal if any.
Response CertificateForm(const WebContext& context, const Session& session, int status, const Request& request,
                         const std::optional<Error>& error) {
  auto field = [&](std::string_view name) {
    return request.method == "POST" ? request.Form(name) : request.Query(name);
  };
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("person", field("person").empty() ? field("atena") : field("person"));
  const std::string kind = field("kind").empty() ? "juminhyo" : field("kind");
  data kinds{data::type::list};
  for (CertificateKind k : {CertificateKind::kCopy, CertificateKind::kItemCertificate, CertificateKind::kRemovedCopy,
                            CertificateKind::kRemovedItemCertificate, CertificateKind::kMoveOut,
                            CertificateKind::kInspection}) {
    data option;
    option.set("code", std::string(CertificateKindCode(k)));
    option.set("name", std::string(CertificateKindNameJa(k)));
    option.set("selected", CertificateKindCode(k) == kind);
    kinds.push_back(option);
  }
  page.set("kinds", kinds);
  // A form asked for afresh shows 世帯全員; one filled from a request (CSV) may say 本人.
  page.set("household", request.method != "POST" ? field("household") != "0" : field("household") == "1");
  const std::string requester = field("requester").empty() ? "self" : field("requester");
  data requesters{data::type::list};
  for (Requester r : {Requester::kSelf, Requester::kThirdParty, Requester::kOfficial, Requester::kWideArea}) {
    data option;
    option.set("code", std::string(RequesterCode(r)));
    option.set("name", std::string(RequesterNameJa(r)));
    option.set("selected", RequesterCode(r) == requester);
    requesters.push_back(option);
  }
  page.set("requesters", requesters);
  data items{data::type::list};
  for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
    data box;
    box.set("code", std::string(OptionalItemCode(item)));
    box.set("name", std::string(OptionalItemNameJa(item)));
    box.set("checked", field("item-" + std::string(OptionalItemCode(item))) == "1");
    items.push_back(box);
  }
  page.set("items", items);
  page.set("members", field("members"));
  page.set("purpose", field("purpose"));
  page.set("copies", field("copies").empty() ? "1" : field("copies"));
  page.set("area", field("area"));
  page.set("individual", field("individual") == "1");
  page.set("history", field("history") == "1");
  page.set("omit_katagaki", field("omit-katagaki") == "1");
  page.set("certifier_mayor", field("certifier") == "mayor");
  page.set("certifier_acting", field("certifier") == "acting");
  page.set("no_seal", field("no-seal") == "1");
  if (error) {
    data e = ErrorData(*error);
    // The 文字超過リスト names fields and 宛名番号 only; the clerk sees it to decide.
    if (error->rule_id == "certificate.overflow" || error->rule_id == "certificate.missing_glyph") {
      e.set("detail", error->detail);
    }
    page.set("error", e);
  }
  return Html(status, "証明書の発行", RenderTemplate("certificate", page), context);
}

}  // namespace

// 証明書の発行 (issue 6; JK-5.1): the request form. GET /certificate?person=宛名番号.
Response CertificatePage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return CertificateForm(context, *session, 200, request, std::nullopt);
}

// CSV形式のデータの取込 (JK-10.8): a 交付申請書 as CSV fills the form (a redirect to it with the
// fields in the query), for the clerk to check and issue.
Response CertificateCsvSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == "auth.session_required") return SeeOther("/login");
    return Html(RefusalStatus(session.error()), "証明書の発行", RenderTemplate("error", ErrorData(session.error())),
                context);
  }
  auto fields = CertificateFieldsFromCsv(request.Form("csv"));
  if (!fields) return CertificateForm(context, *session, 400, request, fields.error());
  std::string query;
  for (const auto& [name, value] : *fields) {
    std::string encoded;
    Poco::URI::encode(value, "&=+?#/:;,", encoded);
    query += (query.empty() ? "?" : "&") + name + "=" + encoded;
  }
  return SeeOther("/certificate" + query);
}

// Issues and answers the PDF, or shows the form again with the refusal.
Response CertificateSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == "auth.session_required") return SeeOther("/login");
    return Html(RefusalStatus(session.error()), "証明書の発行", RenderTemplate("error", ErrorData(session.error())),
                context);
  }
  auto decoded = DecodeCertificateRequest([&request](std::string_view name) -> std::optional<std::string> {
    if (name == "with") {
      std::string codes;
      for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
        const std::string code(OptionalItemCode(item));
        if (request.Form("item-" + code) == "1") codes += code + ",";
      }
      return codes;
    }
    if (name == "acknowledge") {
      std::string rules;
      if (request.Form("ack-overflow") == "1") rules += "certificate.overflow,";
      if (request.Form("ack-protection") == "1") rules += "protection.alert,";
      return rules;
    }
    const std::string value = request.Form(name);
    if (value.empty()) return std::nullopt;
    return value;
  });
  if (!decoded) return CertificateForm(context, *session, 400, request, decoded.error());
  auto issued = context.issue_certificate(session->viewer, *decoded);
  if (!issued) return CertificateForm(context, *session, RefusalStatus(issued.error()), request, issued.error());
  return PdfResponse(*issued);
}

}  // namespace jrr::web
