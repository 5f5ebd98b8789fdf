// SPDX-License-Identifier: Apache-2.0
//
// 抑止・支援措置の管理画面 (JK-3.1, 3.4, 1.1.16): /protection?person=… lists the person's and the
// household's 抑止 and the person's 支援措置, with forms to set, end and temporarily release a 抑止
// and to register, start, extend, end and release a 支援措置. Everything goes through
// ProtectionDesk, which checks 抑止 / 抑止の一時解除 / 支援措置 permissions and logs each action;
// the forms use the names of protection_request.h, as `jrr block` and `jrr support` do.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/protection/protection_request.h"
#include "jrr/web/protection/protection_screen.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

Response ProtectionScreen(const Request& request, const WebContext& context, const Session& session,
                          int status, const std::string& person, const std::optional<Error>& error,
                          const std::string& done) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("person", person);
  page.set("today", FormatWareki(session.viewer.today));
  if (error) page.set("error", ErrorData(*error));
  if (!done.empty()) page.set("done", done);
  if (person.empty())
    return Html(status, "抑止・支援措置", RenderTemplate("protection", page), context);
  // The household, when this clerk may look the person up (a 照会抑止 does not hide the 抑止 list).
  std::string household = request.Query("household");
  if (auto view = context.view_person(session.viewer, person, AsOfQuery{}, {}); view) {
    household = view->record.household_number;
    page.set("name", view->record.DisplayName());
  }
  page.set("household", household);
  context.desks->Protection(session.viewer, [&](ProtectionDesk& desk) {
    data blocks{data::type::list};
    auto add = [&](const Block& b) { blocks.push_back(PresentBlock(b, session.viewer.today)); };
    auto own = desk.BlocksFor(person, "");
    if (!own) {
      page.set("blocks_refused", ErrorData(own.error()));
      return;
    }
    for (const Block& b : *own) add(b);
    if (!household.empty()) {
      if (auto whole = desk.BlocksFor("", household)) {
        for (const Block& b : *whole) add(b);
      }
    }
    page.set("has_blocks", !blocks.is_empty_list());
    page.set("blocks", blocks);
    auto measures = desk.MeasuresFor(person);
    if (!measures) {
      page.set("support_refused", ErrorData(measures.error()));
      return;
    }
    page.set("support_allowed", true);
    data list{data::type::list};
    for (const SupportMeasure& m : *measures)
      list.push_back(PresentMeasure(m, session.viewer.today));
    page.set("measures", list);
  });
  return Html(status, "抑止・支援措置", RenderTemplate("protection", page), context);
}

}  // namespace

// GET /protection?person=…
Response ProtectionPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return ProtectionScreen(request, context, *session, 200, request.Query("person"), std::nullopt,
                          request.Query("done").empty() ? std::string() : "記録しました。");
}

// POST /protection: action = block-add, block-end, block-release, support-add, support-start,
// support-extend, support-end, support-release.
Response ProtectionSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "抑止・支援措置");
  if (refused) return *refused;
  // The screen to return to: a 宛名番号, nothing else (it goes into the Location header).
  std::string person = request.Form("return-person");
  if (person.size() > 16 || person.find_first_not_of("0123456789") != std::string::npos)
    person.clear();
  Status outcome;
  context.desks->Protection(session->viewer, [&](ProtectionDesk& desk) {
    if (auto done = ApplyProtectionAction(desk, FormFields(request), session->viewer.today); !done)
      outcome = done.error();
  });
  if (!outcome) {
    return ProtectionScreen(request, context, *session, HttpStatusFor(outcome.error().code), person,
                            outcome.error(), "");
  }
  return SeeOther("/protection?person=" + person + "&done=" + request.Form("action"));
}

}  // namespace jrr::web
