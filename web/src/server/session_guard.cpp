// SPDX-License-Identifier: Apache-2.0
#include "server/session_guard.h"

#include "jrr/web/core/http_status_for.h"
#include "jrr/web/server/router.h"

namespace jrr::web {

std::string SessionCookie(const std::string& id, bool clear, bool secure) {
  return std::string(kSessionCookie) + "=" + (clear ? "" : id) +
         "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "") +
         (clear ? "; Max-Age=0" : "");
}

LoginPlace PlaceOf(const Request& request, const WebContext& context) {
  // A browser is the terminal "web:<its address>"; registered under that ID (設定 → 端末), its
  // 入力場所 is the place of everything done in the session (the 仮登録一覧 narrows by it).
  const std::string terminal = "web:" + request.client_address;
  std::optional<std::string> place;
  if (context.place_of_terminal) place = context.place_of_terminal(terminal);
  return LoginPlace{terminal, place.value_or("web"), context.today(), context.now_epoch_seconds()};
}

Result<Session> SessionOf(const Request& request, const WebContext& context, Need need) {
  if (!context.sessions || !context.now_epoch_seconds) {
    return MakeError(ErrorCode::kUnauthenticated, "auth.session_required",
                     "this server has no staff login");
  }
  // A script calling the API may present its user's token instead of a session cookie: it acts with
  // that user's permissions; no cookie is involved, so there is no CSRF to guard against.
  const std::string authorization = request.Header("Authorization");
  if (authorization.starts_with("Bearer ") && request.path.starts_with("/api/v1/") &&
      context.with_api_tokens) {
    Result<Viewer> viewer = MakeError(ErrorCode::kUnauthenticated, "auth.token_invalid");
    const LoginPlace where = PlaceOf(request, context);
    context.with_api_tokens(false, [&](ApiTokenDesk& desk) {
      viewer = desk.Authenticate(authorization.substr(7), where.place, where.terminal, where.today,
                                 where.now_epoch_seconds);
    });
    if (!viewer) return viewer.error();
    Session session;
    session.viewer = *viewer;
    session.next = LoginStep::kDone;
    return session;
  }
  auto session =
      context.sessions->Find(request.Cookie(kSessionCookie), context.now_epoch_seconds());
  if (!session)
    return MakeError(ErrorCode::kUnauthenticated, "auth.session_required", "log in first");
  // The account as it stands now: disabled, reset or out of its period ends the session; the
  // permissions are the current ones (a revoked one is gone from this request on).
  if (context.resume_session) {
    auto now = context.resume_session(session->viewer.operator_id, session->credential_version,
                                      PlaceOf(request, context));
    if (!now) {
      context.sessions->Remove(session->id);
      return MakeError(ErrorCode::kUnauthenticated, "auth.session_required",
                       "the account changed; log in again");
    }
    if (session->next == LoginStep::kDone) session->viewer.permissions = now->permissions;
  }
  const bool changes = request.method != "GET" && request.method != "HEAD";
  // The API sends the token in a header, a screen's form in the field `csrf`.
  const std::string token = request.Header("X-CSRF-Token").empty() ? request.Form("csrf")
                                                                   : request.Header("X-CSRF-Token");
  if (changes && token != session->csrf_token) {
    return MakeError(ErrorCode::kForbidden, "auth.csrf", "missing or wrong CSRF token");
  }
  if (need == Need::kDone && session->next != LoginStep::kDone) {
    return MakeError(ErrorCode::kForbidden, "auth.step_required", "finish the login first");
  }
  return *session;
}

Response RefuseSession(const Request& request, const Error& error) {
  return ErrorResponse(request, error);
}

Response JsonResponse(int status, std::string body) {
  return Response{status, "application/json; charset=utf-8", std::move(body), {}, false};
}

}  // namespace jrr::web
