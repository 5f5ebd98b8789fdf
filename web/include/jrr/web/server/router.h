// SPDX-License-Identifier: Apache-2.0
//
// Router — the whole route table of the server, in one file (src/server/router.cpp), read top to bottom:
// {method, exact path, endpoint}. A path no route knows gets an explicit 404 (never Poco's 501),
// a known path with another method a 405 with an Allow header.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/web/core/http.h"
#include "jrr/web/server/web_context.h"

namespace jrr::web {

using Endpoint = std::function<Response(const Request&, const WebContext&)>;

struct Route {
  std::string_view method;
  std::string_view path;
  Endpoint endpoint;
};

// The route table.
const std::vector<Route>& Routes();

// Finds the route and runs it. Does not catch exceptions: WebServer's boundary does.
Response Dispatch(const Request& request, const WebContext& context);

// The response for a refused request: JSON {code, rule_id, message_ja, detail} under /api/ and
// /healthz, an HTML page elsewhere; the status from HttpStatusFor unless `status` is given.
Response ErrorResponse(const Request& request, const Error& error, int status = 0);

// True for paths answered in JSON.
bool IsJsonPath(std::string_view path);

}  // namespace jrr::web
