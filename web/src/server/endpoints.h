// SPDX-License-Identifier: Apache-2.0
//
// The endpoints named in the route table. Each decodes the request, calls one use case and
// encodes the result; none holds rules of its own.
#pragma once

#include "jrr/web/core/http.h"
#include "jrr/web/server/web_context.h"

namespace jrr::web {

Response HealthEndpoint(const Request& request, const WebContext& context);
Response StylesheetEndpoint(const Request& request, const WebContext& context);

// The home page with its explain tools; the /tools/… variants add one tool's result.
Response HomeEndpoint(const Request& request, const WebContext& context);
Response HelpEndpoint(const Request& request, const WebContext& context);
Response DateToolEndpoint(const Request& request, const WebContext& context);
Response KanaKeyToolEndpoint(const Request& request, const WebContext& context);
Response KanjiKeyToolEndpoint(const Request& request, const WebContext& context);
Response CheckDigitToolEndpoint(const Request& request, const WebContext& context);

// JSON twins of the tools (GET /api/v1/explain/…).
Response ExplainDateApi(const Request& request, const WebContext& context);
Response ExplainKanaKeyApi(const Request& request, const WebContext& context);
Response ExplainKanjiKeyApi(const Request& request, const WebContext& context);
Response ExplainCheckDigitApi(const Request& request, const WebContext& context);

// security: sign-in, the staff session, users and tokens, the アクセスログ (login_pages.cpp,
// staff_api.cpp, user_pages.cpp, audit_pages.cpp, audit_api.cpp)
Response LoginPage(const Request& request, const WebContext& context);
Response LoginSubmit(const Request& request, const WebContext& context);
Response PasswordPage(const Request& request, const WebContext& context);
Response PasswordSubmit(const Request& request, const WebContext& context);
Response EnrolPage(const Request& request, const WebContext& context);
Response EnrolSubmit(const Request& request, const WebContext& context);
Response LogoutSubmit(const Request& request, const WebContext& context);
Response LoginApi(const Request& request, const WebContext& context);
Response LogoutApi(const Request& request, const WebContext& context);
Response PasswordApi(const Request& request, const WebContext& context);
Response UsersPage(const Request& request, const WebContext& context);
Response UsersSubmit(const Request& request, const WebContext& context);
Response UsersApi(const Request& request, const WebContext& context);
Response TokensApi(const Request& request, const WebContext& context);
Response AuditPage(const Request& request, const WebContext& context);
Response AuditApi(const Request& request, const WebContext& context);
// The アクセスログ conditions of a request (resident, operator, action) over Japan-time days, for
// the log screen and the API alike. Error audit.invalid_action.
Result<AuditQuery> AuditQueryOf(const Request& request, std::optional<CalendarDate> from,
                                std::optional<CalendarDate> to);

// protection: 抑止 and 支援措置 (protection_pages.cpp, support_pages.cpp, protection_api.cpp)
Response ProtectionPage(const Request& request, const WebContext& context);
Response ProtectionSubmit(const Request& request, const WebContext& context);
Response SupportPage(const Request& request, const WebContext& context);
Response ProtectionApi(const Request& request, const WebContext& context);

// records: settings and statistics (settings_pages.cpp, statistics_api.cpp)
Response SettingsPage(const Request& request, const WebContext& context);
Response SettingsSubmit(const Request& request, const WebContext& context);
Response SettingsApi(const Request& request, const WebContext& context);
Response StatisticsApi(const Request& request, const WebContext& context);

// access: 検索 and 照会 through the gate (resident_pages.cpp, resident_api.cpp)
Response SearchPage(const Request& request, const WebContext& context);
Response ResidentPage(const Request& request, const WebContext& context);
Response ResidentApi(const Request& request, const WebContext& context);
Response SearchApi(const Request& request, const WebContext& context);

// certificates: 証明書 and notices (certificate_pages.cpp, certificate_api.cpp, notice_pages.cpp)
Response CertificatePage(const Request& request, const WebContext& context);
Response CertificateSubmit(const Request& request, const WebContext& context);
Response CertificateCsvSubmit(const Request& request, const WebContext& context);
Response CertificatesApi(const Request& request, const WebContext& context);
Response NoticePage(const Request& request, const WebContext& context);
Response NoticeSubmit(const Request& request, const WebContext& context);
Response NoticeApi(const Request& request, const WebContext& context);

// fuhyo: 戸籍の附票 (fuhyo_pages.cpp)
Response FuhyoPage(const Request& request, const WebContext& context);
Response FuhyoApi(const Request& request, const WebContext& context);
Response FuhyoNoticeApi(const Request& request, const WebContext& context);
Response FuhyoEventSubmit(const Request& request, const WebContext& context);
Response FuhyoCopySubmit(const Request& request, const WebContext& context);
Response FuhyoNoticesPage(const Request& request, const WebContext& context);
Response FuhyoEventsApi(const Request& request, const WebContext& context);
Response FuhyoNoticesApi(const Request& request, const WebContext& context);
Response FuhyoCopiesApi(const Request& request, const WebContext& context);

// seals: 印鑑登録 (seal_pages.cpp, seal_api.cpp)
Response SealPage(const Request& request, const WebContext& context);
Response SealApplySubmit(const Request& request, const WebContext& context);
Response SealStepSubmit(const Request& request, const WebContext& context);
Response SealCertificateSubmit(const Request& request, const WebContext& context);
Response SealInquirySubmit(const Request& request, const WebContext& context);
Response SealsApi(const Request& request, const WebContext& context);
Response SealApplyApi(const Request& request, const WebContext& context);
Response SealStepApi(const Request& request, const WebContext& context);
Response SealCertificateApi(const Request& request, const WebContext& context);
Response SealInquiryApi(const Request& request, const WebContext& context);

// cs: CS連携 (cs_pages.cpp)
Response CsPage(const Request& request, const WebContext& context);
Response CsMessagesApi(const Request& request, const WebContext& context);
Response CsReceiveApi(const Request& request, const WebContext& context);

// changes: 異動 and 仮登録 through ChangeDesk (change_pages.cpp, pending_pages.cpp, change_api.cpp)
Response ChangePage(const Request& request, const WebContext& context);
Response ChangeSubmit(const Request& request, const WebContext& context);
Response PendingPage(const Request& request, const WebContext& context);
Response PendingDecision(const Request& request, const WebContext& context);
Response ChangesApi(const Request& request, const WebContext& context);
Response PendingListApi(const Request& request, const WebContext& context);
Response ApproveApi(const Request& request, const WebContext& context);
Response WithdrawApi(const Request& request, const WebContext& context);

// 本登録 of several 仮登録 (JK-4.0.8: 一部 or 全部), for the screen and the API: each in its own
// transaction, in the order given; a refusal does not stop the others. Errors for the whole
// request: pending.none_selected, pending.too_many (more than kBulkApprovalLimit).
struct Approval {
  int64_t pending_id = 0;
  Result<ChangeOutcome> outcome;
};
Result<std::vector<Approval>> ApprovePending(const WebContext& context, const Viewer& viewer,
                                             const std::vector<int64_t>& pending_ids);
// The 仮登録 ids of a list like "3,5,8" (a form's or a query's); nullopt when one is not a number.
std::optional<std::vector<int64_t>> PendingIds(const std::vector<std::string>& texts);
// 201 application/pdf with the 交付番号, sheets and 発行番号 in X-Jrr-* headers.
Response PdfResponse(const IssuedCertificate& issued);

}  // namespace jrr::web
