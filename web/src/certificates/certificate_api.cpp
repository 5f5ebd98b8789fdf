// SPDX-License-Identifier: Apache-2.0
//
// 証明発行 over the JSON API (issue 6): POST /api/v1/certificates with the request as JSON
// (certificate_request.h) answers 201 with the PDF itself, and the 交付番号, sheets and 発行番号
// in headers; a refusal is the usual {code, rule_id, message_ja, detail}. An アラート
// (certificate.overflow, protection.alert) is acknowledged in "acknowledge".
#include "jrr/web/certificates/certificate_request.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

// The PDF answer of an issuance, for the screen and the API alike.
Response PdfResponse(const IssuedCertificate& issued) {
  Response response{201, "application/pdf", issued.pdf, {}, false};
  const std::string id = std::to_string(issued.record.issuance_id);
  response.headers.emplace_back("Content-Disposition",
                                "inline; filename=\"jrr-certificate-" + id + ".pdf\"");
  response.headers.emplace_back("X-Jrr-Issuance-Id", id);
  response.headers.emplace_back("X-Jrr-Sheets", std::to_string(issued.record.sheets));
  // 発行番号 hold the municipality's name: percent-encoded UTF-8 keeps the header ASCII.
  std::string numbers;
  for (std::size_t i = 0; i < issued.record.numbers.size(); ++i) {
    if (i > 0) numbers += ',';
    numbers += HeaderText(issued.record.numbers[i]);
  }
  response.headers.emplace_back("X-Jrr-Issue-Numbers", numbers);
  return response;
}

Response CertificatesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto decoded = DecodeCertificateJson(request.body);
  if (!decoded) return ErrorResponse(request, decoded.error());
  auto issued = context.desks->Certificates(
      session->viewer, [&](CertificateDesk& desk) { return desk.Issue(*decoded); });
  if (!issued) return RefuseSession(request, issued.error());
  return PdfResponse(*issued);
}

}  // namespace jrr::web
