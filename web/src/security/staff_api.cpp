// SPDX-License-Identifier: Apache-2.0
//
// The JSON API of a staff session (JK-10.3): log in with password and code, change the initial
// password, log out (照会 and 検索 are access/resident_api.cpp). The session cookie is HttpOnly and SameSite=Strict; every
// state-changing request also carries the session's CSRF token in X-CSRF-Token.
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/security/session_store.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

std::string StepName(LoginStep step) {
  switch (step) {
    case LoginStep::kDone:
      return "done";
    case LoginStep::kChangePassword:
      return "change_password";
    case LoginStep::kEnrolSecondFactor:
      return "enrol_second_factor";
  }
  return "done";
}

}  // namespace

Response LoginApi(const Request& request, const WebContext& context) {
  if (!context.login || !context.sessions) {
    return ErrorResponse(
        request, MakeError(ErrorCode::kUnavailable, "auth.session_required", "no staff login"));
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
  const Session session = context.sessions->Create(
      outcome->viewer, outcome->next, context.now_epoch_seconds(), outcome->credential_version);
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
    return RefuseSession(request,
                         MakeError(ErrorCode::kForbidden, "auth.interactive_required", "password"));
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

}  // namespace jrr::web
