// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録 over the JSON API (issue 8): GET /api/v1/seals?person= (the 原票), POST /api/v1/seals
// (an application, the impression as base64 PNG or JPEG with its dpi), POST /api/v1/seals/step
// (answer, withdraw, lost, abolish), POST /api/v1/seals/certificate and /inquiry (PDF).
#include <Poco/Base64Decoder.h>

#include <sstream>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

std::string_view StateCode(SealState s) {
  switch (s) {
    case SealState::kInquiry:
      return "inquiry";
    case SealState::kActive:
      return "active";
    case SealState::kEnded:
      return "ended";
    case SealState::kWithdrawn:
      return "withdrawn";
  }
  return {};
}

std::optional<std::string> Day(const std::optional<CalendarDate>& d) {
  return d ? std::optional<std::string>(ToIsoString(*d)) : std::nullopt;
}

std::string EncodeSeal(const SealRegistration& r) {
  return JsonObject()
      .Add("registration_id", r.registration_id)
      .Add("version", r.version)
      .Add("state", std::string(StateCode(r.state)))
      .Add("registration_number", r.registration_number)
      .Add("card_number", r.card_number)
      .Add("addressee_number", r.addressee_number)
      .Add("name_form", std::string(SealNameFormCode(r.name_form)))
      .Add("registered_name", r.registered_name)
      .Add("by_agent", r.by_agent)
      .Add("smallest_square_tenths_mm",
           static_cast<int64_t>(r.impression.smallest_square_mm * 10 + 0.5))
      .Add("applied_on", ToIsoString(r.applied_on))
      .Add("inquiry_deadline", Day(r.inquiry_deadline))
      .Add("registered_on", Day(r.registered_on))
      .Add("ended_on", Day(r.ended_on))
      .Add("end_reason", r.end_reason)
      .str();
}

Result<std::map<std::string, std::string>> Fields(const Request& request) {
  return DecodeOptionFields(request.body);
}

Response PdfAnswer(const std::string& pdf) {
  return Response{201, "application/pdf", pdf, {}, false};
}

}  // namespace

Response SealsApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto entries = context.seal_entries(session->viewer, request.Query("person"));
  if (!entries) return RefuseSession(request, entries.error());
  std::string list = "[";
  for (const SealRegistration& r : *entries) {
    if (list.size() > 1) list += ',';
    list += EncodeSeal(r);
  }
  list += ']';
  return JsonResponse(200, JsonObject().AddRaw("entries", list).str());
}

Response SealApplyApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto fields = Fields(request);
  if (!fields) return ErrorResponse(request, fields.error());
  auto field = [&](const char* name, const char* fallback = "") {
    auto found = fields->find(name);
    return found == fields->end() ? std::string(fallback) : found->second;
  };
  SealUpload upload;
  upload.person = field("person");
  {
    std::istringstream in(field("image_base64"));
    Poco::Base64Decoder decoder(in);
    std::ostringstream bytes;
    bytes << decoder.rdbuf();
    upload.image = bytes.str();
  }
  auto dpi = ParseDpi(field("dpi"));
  if (!dpi) return ErrorResponse(request, dpi.error());
  upload.dpi = *dpi;
  upload.name_form = field("name_form", "full");
  upload.route = field("route", "photo-id");
  upload.id_document = field("id_document");
  upload.guarantor = field("guarantor");
  upload.agent = !field("agent").empty();
  upload.guardian = !field("guardian").empty();
  upload.material_attested = field("attest").find("material") != std::string::npos;
  upload.legibility_attested = field("attest").find("legibility") != std::string::npos;
  auto applied = context.seal_apply(session->viewer, upload);
  if (!applied) return RefuseSession(request, applied.error());
  return JsonResponse(201, EncodeSeal(*applied));
}

Response SealStepApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto fields = Fields(request);
  if (!fields) return ErrorResponse(request, fields.error());
  auto done =
      context.seal_step(session->viewer, (*fields)["step"], (*fields)["key"], (*fields)["reason"]);
  if (!done) return RefuseSession(request, done.error());
  return JsonResponse(200, EncodeSeal(*done));
}

Response SealCertificateApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto fields = Fields(request);
  if (!fields) return ErrorResponse(request, fields.error());
  std::vector<std::string> acknowledged;
  std::istringstream in((*fields)["acknowledge"]);
  for (std::string rule; std::getline(in, rule, ',');) {
    if (!rule.empty()) acknowledged.push_back(rule);
  }
  auto pdf = context.seal_certificate(session->viewer, (*fields)["card"], (*fields)["person"],
                                      acknowledged);
  if (!pdf) return RefuseSession(request, pdf.error());
  return PdfAnswer(*pdf);
}

Response SealInquiryApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  int64_t id = 0;
  try {
    id = std::stoll(request.Query("id"));
  } catch (const std::logic_error&) {
    id = 0;
  }
  auto pdf = context.seal_inquiry(session->viewer, id);
  if (!pdf) return RefuseSession(request, pdf.error());
  return PdfAnswer(*pdf);
}

}  // namespace jrr::web
