// SPDX-License-Identifier: Apache-2.0
//
// ログイン (JK-10.3): the login form, the forced password change, the second factor's enrolment
// and logout. Server-rendered, no script; forms carry a CSRF token.
#include <Poco/URI.h>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/qr_svg.h"
#include "jrr/web/security/totp.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

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

}  // namespace

Response LoginPage(const Request& request, const WebContext& context) {
  std::string notice;
  if (request.Query("changed") == "1")
    notice = "パスワードを変更しました。新しいパスワードでログインしてください。";
  if (request.Query("enrolled") == "1")
    notice = "二要素認証を登録しました。認証コードを添えてログインしてください。";
  return LoginForm(context, 200, "", std::nullopt, notice);
}

Response LoginSubmit(const Request& request, const WebContext& context) {
  if (!request.FormIsText()) {
    return LoginForm(context, 400, "",
                     MakeError(ErrorCode::kInvalidInput, "text.invalid_utf8", "form"));
  }
  if (!context.login || !context.sessions) {
    return LoginForm(context, 503, "",
                     MakeError(ErrorCode::kUnavailable, "auth.session_required", "no staff login"));
  }
  if (request.Form("csrf").empty() || request.Form("csrf") != request.Cookie(kLoginCookie)) {
    return LoginForm(context, 403, "", MakeError(ErrorCode::kForbidden, "auth.csrf", "login form"));
  }
  const Credentials credentials{request.Form("user_id"), request.Form("password"),
                                request.Form("code")};
  auto outcome = context.login(credentials, PlaceOf(request, context));
  if (!outcome)
    return LoginForm(context, HttpStatusFor(outcome.error().code), credentials.user_id,
                     outcome.error());
  context.sessions->Remove(request.Cookie(kSessionCookie));
  const Session session = context.sessions->Create(
      outcome->viewer, outcome->next, context.now_epoch_seconds(), outcome->credential_version);
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
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), "パスワードの変更",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  auto ok = context.change_password(session->viewer.operator_id, request.Form("old_password"),
                                    request.Form("new_password"), PlaceOf(request, context));
  if (!ok) {
    data page;
    page.set("csrf", session->csrf_token);
    page.set("error", ErrorData(ok.error()));
    return Html(HttpStatusFor(ok.error().code), "パスワードの変更",
                RenderTemplate("password", page), context);
  }
  context.sessions->Remove(session->id);
  Response response = SeeOther("/login?changed=1");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

Response EnrolPage(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session || session->next != LoginStep::kEnrolSecondFactor)
    return SeeOther(session ? "/search" : "/login");
  // A new secret each time the screen is shown; only the last one shown can be confirmed.
  const std::string secret = NewTotpSecret();
  context.sessions->SetPendingSecret(session->id, secret);
  data page;
  page.set("csrf", session->csrf_token);
  page.set("secret", secret);
  page.set("qr", QrSvg(OtpauthUri("jrr " + MunicipalityName(context), session->viewer.operator_id,
                                  secret)));
  return Html(200, "二要素認証の登録", RenderTemplate("enrol", page), context);
}

Response EnrolSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) {
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), "二要素認証の登録",
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
    return Html(HttpStatusFor(ok.error().code), "二要素認証の登録", RenderTemplate("enrol", page),
                context);
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
  if (!session && session.error().rule_id == rules::kAuthCsrf) {
    return Html(403, "ログアウト", RenderTemplate("error", ErrorData(session.error())), context);
  }
  if (session) context.sessions->Remove(session->id);
  Response response = SeeOther("/login");
  response.headers.emplace_back("Set-Cookie", SessionCookie("", true, context.tls));
  return response;
}

}  // namespace jrr::web
