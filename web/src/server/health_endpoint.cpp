// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/json_writer.h"
#include "server/endpoints.h"

namespace jrr::embedded {
std::string_view stylesheet_css();
}

namespace jrr::web {

// GET /healthz: 200 when the register can be read and is initialised, 503 otherwise. A storage
// failure throws and becomes a 503 at the boundary.
Response HealthEndpoint(const Request&, const WebContext& context) {
  const RegisterStatus status = context.register_status(false);
  const bool ok =
      status.municipality.has_value() && status.schema_version == status.latest_schema_version;
  JsonObject json;
  json.Add("status", ok ? "ok" : "not_ready")
      .Add("schema_version", status.schema_version)
      .Add("latest_schema_version", status.latest_schema_version);
  if (status.municipality) {
    json.Add("municipality_code", status.municipality->code.digits())
        .Add("municipality_name", status.municipality->name);
  }
  return Response{ok ? 200 : 503, "application/json; charset=utf-8", json.str(), {}, false};
}

Response StylesheetEndpoint(const Request&, const WebContext&) {
  return Response{
      200, "text/css; charset=utf-8", std::string(embedded::stylesheet_css()), {}, true};
}

}  // namespace jrr::web
