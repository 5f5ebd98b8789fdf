// SPDX-License-Identifier: Apache-2.0
//
// 設定 (JK-1.3): the /settings screen shows the 認証者 with their periods, 入力場所, 端末, プリンタ,
// 文字溢れ and 印鑑登録の制限, with forms to add or change them; GET/POST /api/v1/settings do the same
// in JSON. Changes need the 設定 permission and go through SettingsDesk (ApplySettingsAction, as
// `jrr settings`), each with its 設定変更ログ entry in the same transaction.
#include <sstream>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/records/settings_request.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

// 8, 8.5 — as a clerk writes a size, and as JSON takes it.
std::string Number(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

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
  data certifiers{data::type::list};
  for (const Certifier& c : view.certifiers) {
    data row;
    row.set("role", std::string(c.role == CertifierRole::kMayor ? "市区町村長" : "職務代理者"));
    row.set("title", c.title);
    row.set("name", c.name);
    row.set("period", FormatWareki(c.from) + "〜" + (c.to ? FormatWareki(*c.to) : std::string()));
    certifiers.push_back(row);
  }
  page.set("certifiers", certifiers);
  data places{data::type::list};
  for (const InputPlace& p : view.places) {
    data row;
    row.set("code", p.code);
    row.set("name", p.name);
    places.push_back(row);
  }
  page.set("places", places);
  data devices{data::type::list};
  for (const Terminal& t : view.terminals) {
    data row;
    row.set("kind", std::string("端末"));
    row.set("id", t.id);
    row.set("place", t.place_code);
    row.set("name", t.name);
    devices.push_back(row);
  }
  for (const Printer& p : view.printers) {
    data row;
    row.set("kind", std::string("プリンタ"));
    row.set("id", p.id);
    row.set("place", p.place_code);
    row.set("name", p.name);
    devices.push_back(row);
  }
  page.set("devices", devices);
  page.set(view.overflow == OverflowPolicy::kBlank ? "overflow_blank" : "overflow_limit", true);
  page.set("minimum_age", std::to_string(view.seal.minimum_age));
  page.set("too_small", Number(view.seal.too_small_mm));
  page.set("too_large", Number(view.seal.too_large_mm));
  page.set("inquiry_days", std::to_string(view.seal.inquiry_days));
  page.set(view.seal.end_on_planned_move_out ? "end_planned" : "end_notified", true);
  page.set(view.seal.print_sex ? "print_sex" : "no_sex", true);
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
                                 .AddRaw("too_small_mm", Number(view.seal.too_small_mm))
                                 .AddRaw("too_large_mm", Number(view.seal.too_large_mm))
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
