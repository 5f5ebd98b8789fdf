// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録の画面 (issue 8): the 原票 of a person with the steps each entry allows (照会書, 回答書,
// 取下げ, 亡失届, 廃止申請, 印鑑登録証明書), and the application with the impression uploaded as an
// image. Every step is SealDesk's, through WebContext.
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/seals/seal_screen.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

Response SealScreen(const Request& request, const WebContext& context, const Session& session,
                    int status, const std::string& person, const std::optional<Error>& error,
                    const std::string& notice) {
  int answered = status;
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("person", person);
  page.set("has_person", !person.empty());
  if (error) page.set("error", ErrorData(*error));
  if (!notice.empty()) page.set("notice", notice);
  if (!person.empty()) {
    auto entries = context.seal_entries(session.viewer, person);
    if (!entries) {
      // A refusal answers as one (403 for a permission), not as a page that happens to say so.
      page.set("error", ErrorData(entries.error()));
      page.set("has_person", false);
      if (answered < 400) answered = HttpStatusFor(entries.error().code);
    } else {
      PresentSealEntries(page, *entries, session.csrf_token, person);
    }
  }
  (void)request;
  return Html(answered, "印鑑登録", RenderTemplate("seal", page), context);
}

}  // namespace

// GET /seal?person=宛名番号
Response SealPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return SealScreen(request, context, *session, 200, request.Query("person"), std::nullopt, "");
}

// POST /seal/apply (multipart/form-data: the impression and the choices)
Response SealApplySubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "印鑑登録");
  if (refused) return *refused;
  SealUpload upload;
  upload.person = request.Form("person");
  if (auto image = request.Part("image")) upload.image = std::move(image->data);
  auto dpi = ParseDpi(request.Form("dpi"));
  if (!dpi) return SealScreen(request, context, *session, 400, upload.person, dpi.error(), "");
  upload.dpi = *dpi;
  upload.name_form = request.Form("name-form").empty() ? "full" : request.Form("name-form");
  upload.route = request.Form("route").empty() ? "photo-id" : request.Form("route");
  upload.id_document = request.Form("id-document");
  upload.guarantor = request.Form("guarantor");
  upload.agent = request.Form("agent") == "1";
  upload.guardian = request.Form("guardian") == "1";
  upload.material_attested = request.Form("material") == "1";
  upload.legibility_attested = request.Form("legibility") == "1";
  auto applied = context.seal_apply(session->viewer, upload);
  if (!applied)
    return SealScreen(request, context, *session, HttpStatusFor(applied.error().code),
                      upload.person, applied.error(), "");
  return SealScreen(request, context, *session, 200, upload.person, std::nullopt,
                    SealAppliedMessage(*applied));
}

// POST /seal/step: answer, withdraw, lost, abolish
Response SealStepSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "印鑑登録");
  if (refused) return *refused;
  const std::string person = request.Form("person");
  auto done = context.seal_step(session->viewer, request.Form("step"), request.Form("key"),
                                request.Form("reason"));
  if (!done)
    return SealScreen(request, context, *session, HttpStatusFor(done.error().code), person,
                      done.error(), "");
  return SealScreen(request, context, *session, 200, person, std::nullopt, SealStepMessage(*done));
}

// POST /seal/certificate → the 印鑑登録証明書 (PDF)
Response SealCertificateSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "印鑑登録");
  if (refused) return *refused;
  const std::string person = request.Form("person");
  auto pdf = context.seal_certificate(session->viewer, request.Form("card"), person, {});
  if (!pdf)
    return SealScreen(request, context, *session, HttpStatusFor(pdf.error().code), person,
                      pdf.error(), "");
  return PdfFile(*pdf, "inkan-" + person + ".pdf");
}

// POST /seal/inquiry → the 照会書 (PDF)
Response SealInquirySubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "印鑑登録");
  if (refused) return *refused;
  int64_t id = 0;
  try {
    id = std::stoll(request.Form("id"));
  } catch (const std::logic_error&) {
    id = 0;
  }
  auto pdf = context.seal_inquiry(session->viewer, id);
  if (!pdf)
    return SealScreen(request, context, *session, HttpStatusFor(pdf.error().code), "", pdf.error(),
                      "");
  return PdfFile(*pdf, "inkan-shokaisho-" + std::to_string(id) + ".pdf");
}

}  // namespace jrr::web
