// SPDX-License-Identifier: Apache-2.0
#include "server/screen.h"

#include <algorithm>
#include <cstdio>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/domain/core/text.h"
#include "jrr/web/core/http_status_for.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

std::string MunicipalityName(const WebContext& context) {
  const RegisterStatus status = context.register_status(false);
  return status.municipality ? status.municipality->name : "";
}

Response Html(int status, const std::string& title, const std::string& body,
              const WebContext& context) {
  return Response{status,
                  "text/html; charset=utf-8",
                  RenderPage(title, body, MunicipalityName(context)),
                  {},
                  false};
}

Response SeeOther(const std::string& location) {
  Response response{303, "text/plain; charset=utf-8", "", {}, false};
  response.headers.emplace_back("Location", location);
  return response;
}

data ErrorData(const Error& error) {
  data d;
  d.set("message_ja", MessageJa(error));
  d.set("rule_id", error.rule_id);
  return d;
}

std::string Nav(const Session& session) {
  data nav;
  nav.set("operator", session.viewer.operator_id);
  nav.set("csrf", session.csrf_token);
  return RenderTemplate("staff_nav", nav);
}

// A screen of the register needs a session whose login is complete: otherwise the user is sent
// to the login, or to the step still to do (password change, second factor).
Result<Session> LoggedIn(const Request& request, const WebContext& context,
                         std::optional<Response>& redirect) {
  auto session = SessionOf(request, context, Need::kAnyStep);
  if (!session) {
    redirect = SeeOther("/login");
  } else if (session->next == LoginStep::kChangePassword) {
    redirect = SeeOther("/password");
  } else if (session->next == LoginStep::kEnrolSecondFactor) {
    redirect = SeeOther("/enrol");
  }
  return session;
}

Result<Session> Acting(const Request& request, const WebContext& context,
                       std::optional<Response>& refused, const std::string& title) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) {
    refused = session.error().rule_id == rules::kAuthSessionRequired
                  ? SeeOther("/login")
                  : Html(HttpStatusFor(session.error().code), title,
                         RenderTemplate("error", ErrorData(session.error())), context);
  }
  return session;
}

Response PdfFile(const std::string& bytes, const std::string& name) {
  Response response{201, "application/pdf", bytes, {}, false};
  response.headers.emplace_back("Content-Disposition", "inline; filename=\"" + name + "\"");
  return response;
}

std::string HeaderText(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '/' || c == '-') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// IMP: JK-3.3
Result<std::vector<SearchHit>> HouseholdMembers(const WebContext& context, const Viewer& viewer,
                                                const std::string& household_number) {
  SearchQuery household;
  household.household_number = household_number;
  household.residents_only = false;
  auto found = context.search(viewer, household);
  if (!found) return found.error();
  std::vector<SearchHit> members;
  for (SearchHit& hit : found->hits) {
    if (hit.record.household_number == household_number) members.push_back(std::move(hit));
  }
  std::stable_partition(members.begin(), members.end(), [](const SearchHit& h) {
    return h.record.relationship.kind == RelationshipKind::kHead;
  });
  return members;
}

// IMP: JK-2.2.3
kainjow::mustache::data NameGlyphs(const std::string& name) {
  kainjow::mustache::data glyphs{kainjow::mustache::data::type::list};
  for (char32_t c : DecodeUtf8(name)) {
    if (c == U' ' || c == U'　') continue;
    kainjow::mustache::data glyph;
    std::string ch;
    AppendUtf8(ch, c);
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    glyph.set("char", ch);
    glyph.set("code", std::string(code));
    glyphs.push_back(glyph);
  }
  return glyphs;
}

}  // namespace jrr::web
