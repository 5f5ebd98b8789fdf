// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of a staff session (JK-10.3): log in with password and code, change the initial
// password, log out; and, as the logged-in user, 照会 (GET /api/v1/resident) and 検索
// (GET /api/v1/search) through the gate. The session cookie is HttpOnly and SameSite=Strict; every
// state-changing request also carries the session's CSRF token in X-CSRF-Token.
#include "endpoints.h"

#include "jrr/web/change_json.h"
#include "jrr/web/json_writer.h"
#include "jrr/web/router.h"
#include "jrr/web/session_store.h"
#include "session_guard.h"

namespace jrr::web {
namespace {

std::string StepName(LoginStep step) {
  switch (step) {
    case LoginStep::kDone: return "done";
    case LoginStep::kChangePassword: return "change_password";
    case LoginStep::kEnrolSecondFactor: return "enrol_second_factor";
  }
  return "done";
}

}  // namespace

Response LoginApi(const Request& request, const WebContext& context) {
  if (!context.login || !context.sessions) {
    return ErrorResponse(request, MakeError(ErrorCode::kUnavailable, "auth.session_required", "no staff login"));
  }
  // Only a script sends JSON: a page elsewhere can post a form (text/plain) to this address, and
  // would log the browser into the account it names (login CSRF). The login screen has its own token.
  const std::string type = request.Header("Content-Type");
  if (type != "application/json" && !type.starts_with("application/json;")) {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "http.json_required", type));
  }
  auto fields = DecodeStringFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const Credentials credentials{(*fields)["user_id"], (*fields)["password"], (*fields)["code"]};
  auto outcome = context.login(credentials, PlaceOf(request, context));
  if (!outcome) return RefuseSession(request, outcome.error());
  // A new session id at every login: an id planted before cannot be carried into the session.
  context.sessions->Remove(request.Cookie(kSessionCookie));
  const Session session = context.sessions->Create(outcome->viewer, outcome->next, context.now_epoch_seconds(),
                                                   outcome->credential_version);
  Response response = JsonResponse(200, JsonObject()
                                     .Add("user_id", credentials.user_id)
                                     .Add("next", StepName(session.next))
                                     .Add("csrf_token", session.csrf_token)
                                     .str());
  response.headers.emplace_back("Set-Cookie", SessionCookie(session.id, false, context.tls));
  return response;
}

Response LogoutApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) return RefuseSession(request, session.error());
  context.sessions->Remove(session->id);
  Response response = JsonResponse(200, JsonObject().Add("ok", true).str());
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response PasswordApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) return RefuseSession(request, session.error());
  if (session->viewer.by_token) {
    return RefuseSession(request, MakeError(ErrorCode::kRuleViolation, "auth.interactive_required", "password"));
  }
  auto fields = DecodeStringFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  if (auto ok = context.change_password(session->viewer.operator_id, (*fields)["old_password"],
                                        (*fields)["new_password"], PlaceOf(request, context));
      !ok) {
    return RefuseSession(request, ok.error());
  }
  // The password changed: this session ends, and the next login starts from the new one.
  context.sessions->Remove(session->id);
  Response response = JsonResponse(200, JsonObject().Add("next", "login").str());
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response ResidentApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  AsOfQuery query;
  for (const auto& [name, target] : {std::pair{"as_of", &query.effective_on}, std::pair{"known_at", &query.known_at}}) {
    if (!request.HasQuery(name)) continue;
    auto day = ParseCalendarDate(request.Query(name));
    if (!day) return ErrorResponse(request, day.error());
    *target = *day;
  }
  std::vector<std::string> acknowledged;
  if (request.HasQuery("acknowledge")) acknowledged.push_back(request.Query("acknowledge"));
  auto view = context.view_person(session->viewer, request.Query("atena"), query, acknowledged);
  if (!view) return RefuseSession(request, view.error());
  // 交付履歴 (JK-2.2.2): what was issued naming this person; the other people by number only.
  const std::string issuances = JsonArray(view->issuances, [](const IssuanceRecord& i) {
    return JsonObject()
        .Add("issuance_id", i.issuance_id)
        .Add("issue_date", ToIsoString(i.issue_date))
        .Add("kind", std::string(CertificateKindCode(i.kind)))
        .Add("requester", std::string(RequesterCode(i.requester)))
        .Add("place", i.place)
        .Add("terminal", i.terminal)
        .Add("operator_id", i.operator_id)
        .Add("copies", static_cast<int64_t>(i.copies))
        .Add("persons", static_cast<int64_t>(i.targets.size()))
        .Add("first_number", i.numbers.empty() ? std::string() : i.numbers.front())
        .Add("disposed", i.disposed_at.has_value())
        .str();
  });
  return JsonResponse(200, JsonObject()
                       .AddRaw("record", EncodeRecord(view->record))
                       .AddRaw("protection", EncodeProtection(view->protection))
                       .Add("versions", static_cast<int64_t>(view->history.size()))
                       .AddRaw("issuances", issuances)
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
  return JsonResponse(
      200, JsonObject().AddRaw("hits", JsonArray(result->hits, EncodeSearchHit)).Add("truncated", result->truncated).str());
}

}  // namespace jrr::web
