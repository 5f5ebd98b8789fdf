// SPDX-License-Identifier: Apache-2.0
//
// What the staff screens share: an HTML answer in the layout, a redirect, the refusal as template
// data, the menu, and the check that a login is complete (each screen file renders its own
// templates with these).
#pragma once

#include <optional>
#include <string>

#include "jrr/web/core/http.h"
#include "jrr/web/security/session_store.h"
#include "jrr/web/server/web_context.h"
#include "server/page.h"

namespace jrr::web {

// The municipality's name for the page header ("" before `jrr init`).
std::string MunicipalityName(const WebContext& context);
Response Html(int status, const std::string& title, const std::string& body,
              const WebContext& context);
Response SeeOther(const std::string& location);
kainjow::mustache::data ErrorData(const Error& error);
std::string Nav(const Session& session);
// A screen of the register needs a session whose login is complete: otherwise `redirect` is set
// to the login, or to the step still to do (password change, second factor).
// A form post of a screen: the session, its login complete and its CSRF token matching, or
// `refused` set (to the login, or to an error page titled `title`).
Result<Session> Acting(const Request& request, const WebContext& context,
                       std::optional<Response>& refused, const std::string& title);
// A PDF answer (201) shown inline under `name`.
Response PdfFile(const std::string& bytes, const std::string& name);
// Text for a response header: UTF-8 (a 発行番号 holds the municipality's name) percent-encoded so
// the header stays ASCII; letters, digits, '/' and '-' are kept.
std::string HeaderText(std::string_view text);
Result<Session> LoggedIn(const Request& request, const WebContext& context,
                         std::optional<Response>& redirect);
// JK-2.2.3: each character of a name enlarged with its code point, so 髙 and 高 are told apart
// (template items: char, code); spaces are left out.
kainjow::mustache::data NameGlyphs(const std::string& name);
// A household's members, through the gate's search (logged, 支援措置 marked): those living in it
// and those whose 除票 left it (転出, 死亡 …), the 世帯主 first. People who only once belonged
// to it are left out.
Result<std::vector<SearchHit>> HouseholdMembers(const WebContext& context, const Viewer& viewer,
                                                const std::string& household_number);

}  // namespace jrr::web
