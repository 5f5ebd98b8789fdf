// SPDX-License-Identifier: Apache-2.0
//
// 支援措置の詳細 (JK-1.1.16, 2.2.4): the database entry behind the marker, for the 支援措置
// permission only.
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/protection/protection_screen.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

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
  auto versions = context.desks->Protection(session->viewer,
                                            [&](ProtectionDesk& desk) { return desk.Details(id); });
  if (!versions) {
    page.set("error", ErrorData(versions.error()));
    return Html(HttpStatusFor(versions.error().code), "支援措置", RenderTemplate("support", page),
                context);
  }
  page.set("versions", PresentMeasureVersions(*versions));
  return Html(200, "支援措置 #" + std::to_string(id), RenderTemplate("support", page), context);
}

}  // namespace jrr::web
