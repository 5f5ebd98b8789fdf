// SPDX-License-Identifier: Apache-2.0
//
// The route table: every URL the server answers, in one place.
#include "jrr/web/server/router.h"

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "server/endpoints.h"
#include "server/page.h"

namespace jrr::web {

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      // Operations
      {"GET", "/healthz", HealthEndpoint},
      {"GET", "/static/jrr.css", StylesheetEndpoint},
      // Pages
      {"GET", "/", HomeEndpoint},
      {"GET", "/help", HelpEndpoint},
      {"GET", "/tools/date", DateToolEndpoint},
      {"GET", "/tools/kana-key", KanaKeyToolEndpoint},
      {"GET", "/tools/kanji-key", KanjiKeyToolEndpoint},
      {"GET", "/tools/check-digit", CheckDigitToolEndpoint},
      {"GET", "/login", LoginPage},
      {"POST", "/login", LoginSubmit},
      {"GET", "/password", PasswordPage},
      {"POST", "/password", PasswordSubmit},
      {"GET", "/enrol", EnrolPage},
      {"POST", "/enrol", EnrolSubmit},
      {"POST", "/logout", LogoutSubmit},
      {"GET", "/search", SearchPage},
      {"GET", "/resident", ResidentPage},
      {"GET", "/pending", PendingPage},
      {"GET", "/support", SupportPage},
      {"GET", "/certificate", CertificatePage},
      {"POST", "/certificate", CertificateSubmit},
      {"POST", "/certificate/csv", CertificateCsvSubmit},
      {"GET", "/seal", SealPage},
      {"GET", "/change", ChangePage},
      {"GET", "/protection", ProtectionPage},
      {"POST", "/protection", ProtectionSubmit},
      {"GET", "/audit", AuditPage},
      {"GET", "/users", UsersPage},
      {"POST", "/users", UsersSubmit},
      {"GET", "/settings", SettingsPage},
      {"POST", "/settings", SettingsSubmit},
      {"POST", "/change", ChangeSubmit},
      {"GET", "/fuhyo", FuhyoPage},
      {"POST", "/fuhyo/event", FuhyoEventSubmit},
      {"POST", "/fuhyo/copy", FuhyoCopySubmit},
      {"GET", "/fuhyo/notices", FuhyoNoticesPage},
      {"GET", "/cs", CsPage},
      {"GET", "/notices", NoticePage},
      {"POST", "/notices", NoticeSubmit},
      {"POST", "/seal/apply", SealApplySubmit},
      {"POST", "/seal/step", SealStepSubmit},
      {"POST", "/seal/certificate", SealCertificateSubmit},
      {"POST", "/seal/inquiry", SealInquirySubmit},
      {"POST", "/pending/approve", PendingDecision},
      {"POST", "/pending/withdraw", PendingDecision},
      // JSON API v1
      {"GET", "/api/v1/explain/date", ExplainDateApi},
      {"GET", "/api/v1/explain/kana-key", ExplainKanaKeyApi},
      {"GET", "/api/v1/explain/kanji-key", ExplainKanjiKeyApi},
      {"GET", "/api/v1/explain/check-digit", ExplainCheckDigitApi},
      {"POST", "/api/v1/login", LoginApi},
      {"POST", "/api/v1/logout", LogoutApi},
      {"POST", "/api/v1/password", PasswordApi},
      {"GET", "/api/v1/resident", ResidentApi},
      {"GET", "/api/v1/search", SearchApi},
      {"POST", "/api/v1/changes", ChangesApi},
      {"GET", "/api/v1/pending", PendingListApi},
      {"POST", "/api/v1/pending/approve", ApproveApi},
      {"POST", "/api/v1/pending/withdraw", WithdrawApi},
      {"POST", "/api/v1/certificates", CertificatesApi},
      {"GET", "/api/v1/protection", ProtectionApi},
      {"POST", "/api/v1/protection", ProtectionApi},
      {"GET", "/api/v1/audit", AuditApi},
      {"GET", "/api/v1/audit/report", AuditApi},
      {"GET", "/api/v1/statistics", StatisticsApi},
      {"GET", "/api/v1/users", UsersApi},
      {"POST", "/api/v1/users", UsersApi},
      {"GET", "/api/v1/settings", SettingsApi},
      {"POST", "/api/v1/settings", SettingsApi},
      {"GET", "/api/v1/tokens", TokensApi},
      {"POST", "/api/v1/tokens", TokensApi},
      {"POST", "/api/v1/tokens/revoke", TokensApi},
      {"GET", "/api/v1/seals", SealsApi},
      {"GET", "/api/v1/fuhyo", FuhyoApi},
      {"POST", "/api/v1/fuhyo/notices", FuhyoNoticeApi},
      {"GET", "/api/v1/fuhyo/notices", FuhyoNoticesApi},
      {"GET", "/api/v1/cs/messages", CsMessagesApi},
      {"POST", "/api/v1/cs/messages", CsReceiveApi},
      {"POST", "/api/v1/notices", NoticeApi},
      {"POST", "/api/v1/fuhyo/events", FuhyoEventsApi},
      {"POST", "/api/v1/fuhyo/copies", FuhyoCopiesApi},
      {"POST", "/api/v1/seals", SealApplyApi},
      {"POST", "/api/v1/seals/step", SealStepApi},
      {"POST", "/api/v1/seals/certificate", SealCertificateApi},
      {"POST", "/api/v1/seals/inquiry", SealInquiryApi},
  };
  return kRoutes;
}

bool IsJsonPath(std::string_view path) { return path.starts_with("/api/") || path == "/healthz"; }

Response ErrorResponse(const Request& request, const Error& error, int status) {
  const int http_status = status != 0 ? status : HttpStatusFor(error.code);
  if (IsJsonPath(request.path)) {
    return Response{http_status, "application/json; charset=utf-8", EncodeError(error), {}, false};
  }
  kainjow::mustache::data data;
  data.set("message_ja", MessageJa(error));
  data.set("rule_id", error.rule_id);
  return Response{http_status,
                  "text/html; charset=utf-8",
                  RenderPage("エラー", RenderTemplate("error", data), ""),
                  {},
                  false};
}

Response Dispatch(const Request& request, const WebContext& context) {
  std::string allowed;
  for (const Route& route : Routes()) {
    if (route.path != request.path) continue;
    if (route.method == request.method || (route.method == "GET" && request.method == "HEAD")) {
      return route.endpoint(request, context);
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  if (!allowed.empty()) {
    Response response = ErrorResponse(
        request, MakeError(ErrorCode::kInvalidInput, "http.method_not_allowed", request.method),
        405);
    response.headers.emplace_back("Allow", allowed);
    return response;
  }
  return ErrorResponse(request, MakeError(ErrorCode::kNotFound, "http.not_found", "no route"));
}

}  // namespace jrr::web
