// SPDX-License-Identifier: Apache-2.0
//
// 利用者管理 (JK-10.3, 10.4): the /users screen lists the staff with their permissions and state and
// offers the administrator's actions (add with a one-time initial password, permissions, password
// and second-factor reset, unlock, disable); GET/POST /api/v1/users do the same in JSON. Both go
// through the Authenticator (利用者管理 permission, every action logged) via ApplyStaffAction, the
// reading `jrr user` shares.
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/security/staff_admin.h"
#include "jrr/web/security/users_screen.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

std::string RequestJson(const PermissionRequest& r) {
  return JsonObject()
      .Add("request_id", r.request_id)
      .Add("kind", std::string(StaffRequestKindName(r.kind)))
      .Add("user_id", r.user_id)
      .Add("add", PermissionList(r.add))
      .Add("remove", PermissionList(r.remove))
      .Add("requested_by", r.requested_by)
      .Add("requested_at", r.requested_at)
      .str();
}

Response UsersScreen(const WebContext& context, const Session& session, int status,
                     const std::optional<Error>& error, const std::string& done,
                     const std::string& password_for, const std::string& password) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  if (error) page.set("error", ErrorData(*error));
  if (!done.empty()) page.set("done", done);
  if (!password.empty()) {
    page.set("password_for", password_for);
    page.set("password", password);
  }
  page.set("all_permissions", PermissionChoices());
  Result<std::vector<StaffUser>> users = std::vector<StaffUser>{};
  context.with_staff_admin(
      [&](Authenticator& auth, StaffDirectory&) { users = auth.Users(session.viewer); });
  if (!users) {
    page.set("error", ErrorData(users.error()));
    return Html(HttpStatusFor(users.error().code), "利用者管理", RenderTemplate("users", page),
                context);
  }
  page.set("users", PresentStaffUsers(*users, session.viewer.today));
  // Grants and resets waiting for a second administrator (the two-person rule): another administrator
  // approves or rejects each here.
  Result<std::vector<PermissionRequest>> open = std::vector<PermissionRequest>{};
  context.with_staff_admin([&](Authenticator& auth, StaffDirectory&) {
    open = auth.OpenPermissionRequests(session.viewer);
  });
  if (open && !open->empty()) {
    page.set("requests", PresentPermissionRequests(*open, session.viewer.operator_id));
    page.set("has_requests", true);
  }
  return Html(status, "利用者管理", RenderTemplate("users", page), context);
}

// The screen's fields: the permission checkboxes arrive as one "perm" field each.
FieldLookup UserFormValues(const Request& request) {
  std::string permissions;
  for (const auto& [name, value] : request.FormPairs()) {
    if (name != "perm") continue;
    if (!permissions.empty()) permissions += ',';
    permissions += value;
  }
  return [&request, permissions](std::string_view name) -> std::optional<std::string> {
    if (name == "permissions") return permissions;
    std::string value = request.Form(name);
    if (value.empty()) return std::nullopt;
    return value;
  };
}

std::string UserJson(const StaffUser& u) {
  return JsonObject()
      .Add("user_id", u.user_id)
      .Add("version", static_cast<int64_t>(u.version))
      .Add("name", u.name)
      .Add("department", u.department)
      .Add("valid_from", ToIsoString(u.valid_from))
      .Add("valid_to", u.valid_to ? ToIsoString(*u.valid_to) : std::string())
      .Add("permissions", PermissionList(u.permissions))
      .Add("must_change_password", u.must_change_password)
      .Add("second_factor_enrolled", u.totp_enrolled)
      .Add("disabled", u.disabled)
      .str();
}

}  // namespace

// GET /users
Response UsersPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return UsersScreen(context, *session, 200, std::nullopt,
                     request.Query("done").empty() ? "" : "記録しました。", "", "");
}

// POST /users (action, id, …)
Response UsersSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "利用者管理");
  if (refused) return *refused;
  Result<StaffActionResult> done = StaffActionResult{};
  context.with_staff_admin([&](Authenticator& auth, StaffDirectory& staff) {
    done = ApplyStaffAction(auth, staff, session->viewer, UserFormValues(request),
                            context.now_epoch_seconds());
  });
  if (!done)
    return UsersScreen(context, *session, HttpStatusFor(done.error().code), done.error(), "", "",
                       "");
  const std::string recorded = done->pending_request != 0
                                   ? "記録しました。別の管理者の承認（申請 " +
                                         std::to_string(done->pending_request) +
                                         "）を待ちます。承認されるまで、これまでのものが有効です。"
                                   : "記録しました。";
  // A new initial password is shown once, on this answer only (never in a URL or a log).
  if (!done->initial_password.empty()) {
    return UsersScreen(context, *session, 200, std::nullopt, recorded, done->password_for,
                       done->initial_password);
  }
  if (done->pending_request != 0)
    return UsersScreen(context, *session, 202, std::nullopt, recorded, "", "");
  return SeeOther("/users?done=" + request.Form("action"));
}

// GET /api/v1/users, POST /api/v1/users {"action": …}
Response UsersApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (request.method == "GET") {
    Result<std::vector<StaffUser>> users = std::vector<StaffUser>{};
    context.with_staff_admin(
        [&](Authenticator& auth, StaffDirectory&) { users = auth.Users(session->viewer); });
    if (!users) return RefuseSession(request, users.error());
    Result<std::vector<PermissionRequest>> open = std::vector<PermissionRequest>{};
    context.with_staff_admin([&](Authenticator& auth, StaffDirectory&) {
      open = auth.OpenPermissionRequests(session->viewer);
    });
    return JsonResponse(
        200, JsonObject()
                 .AddRaw("users", JsonArray(*users, UserJson))
                 .AddRaw("requests",
                         JsonArray(open ? *open : std::vector<PermissionRequest>{}, RequestJson))
                 .str());
  }
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const auto value = OptionLookup(std::move(*fields));
  Result<StaffActionResult> done = StaffActionResult{};
  context.with_staff_admin([&](Authenticator& auth, StaffDirectory& staff) {
    done = ApplyStaffAction(auth, staff, session->viewer, value, context.now_epoch_seconds());
  });
  if (!done) return RefuseSession(request, done.error());
  JsonObject out;
  out.Add("action", value("action").value_or("")).Add("user_id", value("id").value_or(""));
  if (!done->initial_password.empty()) {
    out.Add("initial_password", done->initial_password).Add("password_for", done->password_for);
  }
  if (done->pending_request != 0) {
    // Accepted, not done: a second administrator decides (two-person rule).
    out.Add("request_id", done->pending_request).Add("state", "pending");
    return JsonResponse(202, out.str());
  }
  return JsonResponse(200, out.str());
}

// GET /api/v1/tokens (one's own), POST /api/v1/tokens {"name", "expires_on"} → 201 with the secret
// (shown once), POST /api/v1/tokens/revoke?id=
Response TokensApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto token_json = [](const ApiToken& t) {
    return JsonObject()
        .Add("token_id", t.token_id)
        .Add("name", t.name)
        .Add("issued_on", ToIsoString(t.issued_on))
        .Add("expires_on", t.expires_on ? ToIsoString(*t.expires_on) : std::string())
        .Add("revoked", t.revoked)
        .str();
  };
  if (request.method == "GET") {
    std::string list;
    context.with_api_tokens(false, [&](ApiTokenDesk& desk) {
      list = JsonArray(desk.Mine(session->viewer), token_json);
    });
    return JsonResponse(200, JsonObject().AddRaw("tokens", list).str());
  }
  if (request.path == "/api/v1/tokens/revoke") {
    const std::string id = request.Query("id");
    if (id.empty() || id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos) {
      return ErrorResponse(request, MakeError(ErrorCode::kNotFound, "token.not_found", id));
    }
    Status done;
    context.with_api_tokens(
        true, [&](ApiTokenDesk& desk) { done = desk.Revoke(session->viewer, std::stoll(id)); });
    if (!done) return RefuseSession(request, done.error());
    return JsonResponse(200,
                        JsonObject().Add("revoked", static_cast<int64_t>(std::stoll(id))).str());
  }
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  std::optional<CalendarDate> expires;
  if (auto e = fields->find("expires_on"); e != fields->end() && !e->second.empty()) {
    auto day = ParseCalendarDate(e->second);
    if (!day) return ErrorResponse(request, day.error());
    expires = *day;
  }
  const std::string secret = NewApiTokenSecret();
  Result<ApiToken> issued = MakeError(ErrorCode::kUnavailable, "auth.token_invalid");
  context.with_api_tokens(true, [&](ApiTokenDesk& desk) {
    issued =
        desk.Issue(session->viewer, fields->contains("name") ? fields->at("name") : std::string(),
                   secret, expires);
  });
  if (!issued) return RefuseSession(request, issued.error());
  std::string body = token_json(*issued);
  body.pop_back();  // the secret, once, in the same object
  body += ",\"secret\":";
  AppendJsonString(body, secret);
  body += '}';
  return JsonResponse(201, body);
}

}  // namespace jrr::web
