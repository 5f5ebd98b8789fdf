// SPDX-License-Identifier: Apache-2.0
//
// 証明書の交付 (JK-5): the issuance form, a request read from a CSV 申請書 (JK-10.8), and the
// issue itself, which returns the PDF.
#include <Poco/URI.h>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/web/certificates/certificate_request.h"
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
  auto field = [&](std::string_view name) {
    return request.method == "POST" ? request.Form(name) : request.Query(name);
  };
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("person", field("person").empty() ? field("atena") : field("person"));
  const std::string kind = field("kind").empty() ? "juminhyo" : field("kind");
  data kinds{data::type::list};
  for (CertificateKind k : {CertificateKind::kCopy, CertificateKind::kItemCertificate,
                            CertificateKind::kRemovedCopy, CertificateKind::kRemovedItemCertificate,
                            CertificateKind::kMoveOut, CertificateKind::kInspection}) {
    data option;
    option.set("code", std::string(CertificateKindCode(k)));
    option.set("name", std::string(CertificateKindNameJa(k)));
    option.set("selected", CertificateKindCode(k) == kind);
    kinds.push_back(option);
  }
  page.set("kinds", kinds);
  // A form asked for afresh shows 世帯全員; one filled from a request (CSV) may say 本人.
  page.set("household",
           request.method != "POST" ? field("household") != "0" : field("household") == "1");
  const std::string requester = field("requester").empty() ? "self" : field("requester");
  data requesters{data::type::list};
  for (Requester r :
       {Requester::kSelf, Requester::kThirdParty, Requester::kOfficial, Requester::kWideArea}) {
    data option;
    option.set("code", std::string(RequesterCode(r)));
    option.set("name", std::string(RequesterNameJa(r)));
    option.set("selected", RequesterCode(r) == requester);
    requesters.push_back(option);
  }
  page.set("requesters", requesters);
  data items{data::type::list};
  for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
    data box;
    box.set("code", std::string(OptionalItemCode(item)));
    box.set("name", std::string(OptionalItemNameJa(item)));
    box.set("checked", field("item-" + std::string(OptionalItemCode(item))) == "1");
    items.push_back(box);
  }
  page.set("items", items);
  page.set("members", field("members"));
  page.set("purpose", field("purpose"));
  page.set("copies", field("copies").empty() ? "1" : field("copies"));
  page.set("area", field("area"));
  page.set("individual", field("individual") == "1");
  page.set("history", field("history") == "1");
  page.set("omit_katagaki", field("omit-katagaki") == "1");
  page.set("certifier_mayor", field("certifier") == "mayor");
  page.set("certifier_acting", field("certifier") == "acting");
  page.set("no_seal", field("no-seal") == "1");
  if (error) {
    data e = ErrorData(*error);
    // The 文字超過リスト names fields and 宛名番号 only; the clerk sees it to decide.
    if (error->rule_id == rules::kCertificateOverflow ||
        error->rule_id == rules::kCertificateMissingGlyph) {
      e.set("detail", error->detail);
    }
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
