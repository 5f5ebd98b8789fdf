// SPDX-License-Identifier: Apache-2.0
//
// 設定 (JK-1.3): the /settings screen shows the 認証者 with their periods, 入力場所, 端末, プリンタ,
// 文字溢れ and 印鑑登録の制限, with forms to add or change them; GET/POST /api/v1/settings do the same
// in JSON. Changes need the 設定 permission and go through SettingsDesk (ApplySettingsAction, as
// `jrr settings`), each with its 設定変更ログ entry in the same transaction.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/records/settings_request.h"
#include "jrr/web/records/settings_screen.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

Response SettingsScreen(const WebContext& context, const Session& session, int status,
                        const std::optional<Error>& error, bool done) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  if (error) page.set("error", ErrorData(*error));
  if (done) page.set("done", true);
  SettingsView view;
  context.with_settings_desk(session.viewer, [&](SettingsDesk& desk) {
    view = desk.Show();
    return false;
  });
  PresentSettings(page, view);
  return Html(status, "設定", RenderTemplate("settings", page), context);
}

Status Apply(const WebContext& context, const Viewer& viewer, const FieldLookup& value) {
  Status done;
  context.with_settings_desk(viewer, [&](SettingsDesk& desk) {
    done = ApplySettingsAction(desk, value);
    return static_cast<bool>(done);
  });
  return done;
}

}  // namespace

// GET /settings
Response SettingsPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return SettingsScreen(context, *session, 200, std::nullopt, !request.Query("done").empty());
}

// POST /settings (action and the names of settings_request.h)
Response SettingsSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "設定");
  if (refused) return *refused;
  const Status done = Apply(context, session->viewer, FormFields(request));
  if (!done)
    return SettingsScreen(context, *session, HttpStatusFor(done.error().code), done.error(), false);
  return SeeOther("/settings?done=" + request.Form("action"));
}

// GET /api/v1/settings, POST /api/v1/settings {"action": …}
Response SettingsApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (request.method == "GET") {
    SettingsView view;
    context.with_settings_desk(session->viewer, [&](SettingsDesk& desk) {
      view = desk.Show();
      return false;
    });
    const std::string certifiers = JsonArray(view.certifiers, [](const Certifier& c) {
      return JsonObject()
          .Add("role", std::string(c.role == CertifierRole::kMayor ? "mayor" : "acting"))
          .Add("title", c.title)
          .Add("name", c.name)
          .Add("from", ToIsoString(c.from))
          .Add("to", c.to ? ToIsoString(*c.to) : std::string())
          .str();
    });
    const std::string places = JsonArray(view.places, [](const InputPlace& p) {
      return JsonObject().Add("code", p.code).Add("name", p.name).str();
    });
    const std::string terminals = JsonArray(view.terminals, [](const Terminal& t) {
      return JsonObject().Add("id", t.id).Add("place", t.place_code).Add("name", t.name).str();
    });
    const std::string printers = JsonArray(view.printers, [](const Printer& p) {
      return JsonObject().Add("id", p.id).Add("place", p.place_code).Add("name", p.name).str();
    });
    const std::string seal = JsonObject()
                                 .Add("minimum_age", static_cast<int64_t>(view.seal.minimum_age))
                                 .AddRaw("too_small_mm", MillimetreText(view.seal.too_small_mm))
                                 .AddRaw("too_large_mm", MillimetreText(view.seal.too_large_mm))
                                 .Add("inquiry_days", static_cast<int64_t>(view.seal.inquiry_days))
                                 .Add("end_on_planned_move_out", view.seal.end_on_planned_move_out)
                                 .Add("print_sex", view.seal.print_sex)
                                 .str();
    return JsonResponse(
        200, JsonObject()
                 .AddRaw("certifiers", certifiers)
                 .AddRaw("places", places)
                 .AddRaw("terminals", terminals)
                 .AddRaw("printers", printers)
                 .Add("overflow",
                      std::string(view.overflow == OverflowPolicy::kBlank ? "blank" : "limit"))
                 .AddRaw("seal", seal)
                 .str());
  }
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const auto value = OptionLookup(std::move(*fields));
  const Status done = Apply(context, session->viewer, value);
  if (!done) return RefuseSession(request, done.error());
  return JsonResponse(200, JsonObject().Add("done", value("action").value_or("")).str());
}

}  // namespace jrr::web
