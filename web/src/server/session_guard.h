// SPDX-License-Identifier: Apache-2.0
//
// What the session endpoints and screens share: the session cookie, the place of a login, and
// the check every request of a logged-in user goes through (live session, CSRF token on
// state-changing requests, login steps done).
#pragma once

#include <string>

#include "jrr/web/core/http.h"
#include "jrr/web/security/session_store.h"
#include "jrr/web/server/web_context.h"

namespace jrr::web {

enum class Need { kAnyStep, kDone };

// The Set-Cookie value for a session (or clearing it).
// The session cookie: HttpOnly, SameSite=Strict, and Secure when served over HTTPS.
std::string SessionCookie(const std::string& id, bool clear, bool secure);

LoginPlace PlaceOf(const Request& request, const WebContext& context);

// The request's session. Errors: auth.session_required (no live session), auth.csrf (a
// state-changing request without the session's token in X-CSRF-Token or the form field csrf),
// auth.step_required (the login's next step is not done and `need` is kDone).
Result<Session> SessionOf(const Request& request, const WebContext& context, Need need);

// A refusal as the API answers it: the error JSON with HttpStatusFor.
Response RefuseSession(const Request& request, const Error& error);

// A JSON answer of the API.
Response JsonResponse(int status, std::string body);

}  // namespace jrr::web
