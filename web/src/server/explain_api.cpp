// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"

namespace jrr::web {
namespace {

Response Json(const JsonObject& json) {
  return Response{200, "application/json; charset=utf-8", json.str(), {}, false};
}

DatePolicy PolicyOf(const Request& request) {
  return request.Query("policy") == "koseki" ? DatePolicy::kKosekiConsistent
                                             : DatePolicy::kCalendarOnly;
}

}  // namespace

// GET /api/v1/explain/date?text=…[&policy=koseki]
Response ExplainDateApi(const Request& request, const WebContext&) {
  const std::string text = request.Query("text");
  auto explained = ExplainDate(text, PolicyOf(request));
  if (!explained) return ErrorResponse(request, explained.error());
  JsonObject json;
  json.Add("input", text)
      .Add("state", DateStateCode(explained->date.state))
      .Add("state_ja", explained->state_ja);
  if (explained->date.state == DateState::kUncertain) {
    json.Add("form", UncertainFormCode(explained->date.form));
  }
  json.Add("iso", explained->iso)
      .Add("internal_date", explained->internal_iso)
      .Add("wareki", explained->wareki)
      .Add("seireki", explained->seireki);
  return Json(json);
}

// GET /api/v1/explain/kana-key?text=…
Response ExplainKanaKeyApi(const Request& request, const WebContext&) {
  const std::string text = request.Query("text");
  auto key = BuildKanaKey(text);
  if (!key) return ErrorResponse(request, key.error());
  return Json(JsonObject().Add("input", text).Add("kana_key", *key));
}

// GET /api/v1/explain/kanji-key?text=…
Response ExplainKanjiKeyApi(const Request& request, const WebContext&) {
  const std::string text = request.Query("text");
  auto key = BuildKanjiKey(text);
  if (!key) return ErrorResponse(request, key.error());
  return Json(JsonObject().Add("input", text).Add("kanji_key", *key));
}

// GET /api/v1/explain/check-digit?kind=atena|setai|jumin-code|kojin|dantai&digits=…[&verify=1]
Response ExplainCheckDigitApi(const Request& request, const WebContext&) {
  auto scheme = ParseCheckDigitKind(request.Query("kind"));
  if (!scheme) return ErrorResponse(request, scheme.error());
  auto explained =
      ExplainCheckDigit(*scheme, request.Query("digits"), request.Query("verify") == "1");
  if (!explained) return ErrorResponse(request, explained.error());
  return Json(JsonObject()
                  .Add("kind", request.Query("kind"))
                  .Add("body", explained->body)
                  .Add("check_digit", explained->check_digit)
                  .Add("number", explained->number));
}

}  // namespace jrr::web
