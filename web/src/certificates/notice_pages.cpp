// SPDX-License-Identifier: Apache-2.0
//
// 通知書等 (notice_document.h): GET /notices — the form (the resident view's 異動履歴 links here
// with the 異動番号); POST /notices — the PDF, or the form again with the refusal;
// POST /api/v1/notices — {kind, change_id, person, notifier_name, notifier_address, days} → PDF.
#include "jrr/domain/core/rule_ids.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

constexpr const char* kTitle = "通知書等の作成";

// The request from form or query fields (names as in the API).
Result<NoticeRequest> RequestFrom(const std::function<std::string(const std::string&)>& field) {
  NoticeRequest r;
  r.kind = field("kind");
  r.person = field("person");
  r.notifier_name = field("notifier_name");
  r.notifier_address = field("notifier_address");
  try {
    if (!field("change_id").empty()) r.change_id = std::stoll(field("change_id"));
    if (!field("days").empty()) r.days = std::stoi(field("days"));
  } catch (const std::logic_error&) {
    return MakeError(ErrorCode::kInvalidInput, "json.wrong_type", "change_id and days are numbers");
  }
  return r;
}

Response NoticeForm(const Request& request, const WebContext& context, const Session& session,
                    int status, const std::optional<Error>& error) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  if (error) page.set("error", ErrorData(*error));
  for (const char* name : {"change_id", "person", "notifier_name", "notifier_address", "days"}) {
    const std::string value = request.method == "POST" ? request.Form(name) : request.Query(name);
    if (!value.empty()) page.set(std::string("v_") + name, value);
  }
  const std::string kind = request.method == "POST" ? request.Form("kind") : request.Query("kind");
  page.set("sel_" + (kind.empty() ? std::string("ex-officio-record") : kind), true);
  return Html(status, kTitle, RenderTemplate("notices", page), context);
}

}  // namespace

Response NoticePage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return NoticeForm(request, context, *session, 200, std::nullopt);
}

Response NoticeSubmit(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), kTitle,
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  auto notice = RequestFrom([&request](const std::string& name) { return request.Form(name); });
  if (!notice) return NoticeForm(request, context, *session, 400, notice.error());
  auto pdf = context.notice_pdf(session->viewer, *notice);
  if (!pdf)
    return NoticeForm(request, context, *session, HttpStatusFor(pdf.error().code), pdf.error());
  return PdfFile(*pdf, "notice-" + notice->kind + ".pdf");
}

Response NoticeApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  // The one reader of flat JSON options: null, arrays and objects where text belongs are refused
  // as input errors there, not met as exceptions here.
  auto fields = DecodeOptionFields(request.body);
  if (!fields) return ErrorResponse(request, fields.error());
  const auto value = OptionLookup(std::move(*fields));
  auto notice = RequestFrom(
      [&value](const std::string& name) { return value(name).value_or(std::string()); });
  if (!notice) return ErrorResponse(request, notice.error());
  auto pdf = context.notice_pdf(session->viewer, *notice);
  if (!pdf) return RefuseSession(request, pdf.error());
  return PdfFile(*pdf, "notice-" + notice->kind + ".pdf");
}

}  // namespace jrr::web
