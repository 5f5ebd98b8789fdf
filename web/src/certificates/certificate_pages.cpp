// SPDX-License-Identifier: Apache-2.0
//
// 証明書の交付 (JK-5): the issuance form, a request read from a CSV 申請書 (JK-10.8), and the
// issue itself, which returns the PDF.
#include <Poco/URI.h>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/web/certificates/certificate_request.h"
#include "jrr/web/certificates/certificate_screen.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

// The issuance form, filled with what was asked (or the defaults), and the refusal if any.
Response CertificateForm(const WebContext& context, const Session& session, int status,
                         const Request& request, const std::optional<Error>& error) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  PresentCertificateForm(page, request);
  if (error) {
    data e = ErrorData(*error);
    if (CertificateRefusalShowsDetail(*error)) e.set("detail", error->detail);
    page.set("error", e);
  }
  return Html(status, "証明書の発行", RenderTemplate("certificate", page), context);
}

}  // namespace

// 証明書の発行 (issue 6; JK-5.1): the request form. GET /certificate?person=宛名番号.
Response CertificatePage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return CertificateForm(context, *session, 200, request, std::nullopt);
}

// CSV形式のデータの取込 (JK-10.8): a 交付申請書 as CSV fills the form (a redirect to it with the
// fields in the query), for the clerk to check and issue.
Response CertificateCsvSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), "証明書の発行",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  auto fields = CertificateFieldsFromCsv(request.Form("csv"));
  if (!fields) return CertificateForm(context, *session, 400, request, fields.error());
  std::string query;
  for (const auto& [name, value] : *fields) {
    std::string encoded;
    Poco::URI::encode(value, "&=+?#/:;,", encoded);
    query += (query.empty() ? "?" : "&") + name + "=" + encoded;
  }
  return SeeOther("/certificate" + query);
}

// Issues and answers the PDF, or shows the form again with the refusal.
Response CertificateSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), "証明書の発行",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  auto decoded =
      DecodeCertificateRequest([&request](std::string_view name) -> std::optional<std::string> {
        if (name == "with") {
          std::string codes;
          for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
            const std::string code(OptionalItemCode(item));
            if (request.Form("item-" + code) == "1") codes += code + ",";
          }
          return codes;
        }
        if (name == "acknowledge") {
          std::string rules;
          if (request.Form("ack-overflow") == "1") rules += "certificate.overflow,";
          if (request.Form("ack-protection") == "1") rules += "protection.alert,";
          return rules;
        }
        const std::string value = request.Form(name);
        if (value.empty()) return std::nullopt;
        return value;
      });
  if (!decoded) return CertificateForm(context, *session, 400, request, decoded.error());
  auto issued = context.desks->Certificates(
      session->viewer, [&](CertificateDesk& desk) { return desk.Issue(*decoded); });
  if (!issued)
    return CertificateForm(context, *session, HttpStatusFor(issued.error().code), request,
                           issued.error());
  return PdfResponse(*issued);
}

}  // namespace jrr::web
