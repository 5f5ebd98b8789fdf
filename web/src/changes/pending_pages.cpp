// SPDX-License-Identifier: Apache-2.0
//
// 仮登録の一覧と本登録 (JK-4.0.8): the open 仮登録 and the approver's decision.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/web/changes/pending_screen.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

Response PendingScreen(const WebContext& context, const Session& session, int status,
                       const std::optional<Error>& error, const std::vector<std::string>& notices,
                       const PendingFilter& filter) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  if (error) page.set("error", ErrorData(*error));
  data notice_list{data::type::list};
  for (const std::string& n : notices) notice_list.push_back(data(n));
  page.set("notices", notice_list);
  auto open =
      context.desks->Changes(session.viewer, [](ChangeDesk& desk) { return desk.Pending(); });
  if (!open) {
    page.set("error", ErrorData(open.error()));
    return Html(HttpStatusFor(open.error().code), "仮登録一覧", RenderTemplate("pending", page),
                context);
  }
  // 一部 (JK-4.0.8): by 入力場所 (支所) and by 異動者.
  PresentPendingList(page, *open, filter);
  return Html(status, "仮登録一覧", RenderTemplate("pending", page), context);
}

PendingFilter FilterOf(const Request& request, bool form) {
  return form ? PendingFilter{request.Form("place"), request.Form("person")}
              : PendingFilter{request.Query("place"), request.Query("person")};
}

}  // namespace

// 仮登録一覧 (JK-4.0.8): all, or those of one 入力場所 and/or 異動者, each with 本登録 and 取消,
// and 本登録 of those ticked or of all shown.
Response PendingPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return PendingScreen(context, *session, 200, std::nullopt, {}, FilterOf(request, false));
}

Response PendingDecision(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);  // also checks the form's CSRF field
  if (!session) {
    if (session.error().rule_id == rules::kAuthSessionRequired) return SeeOther("/login");
    return Html(HttpStatusFor(session.error().code), "仮登録一覧",
                RenderTemplate("error", ErrorData(session.error())), context);
  }
  const PendingFilter filter = FilterOf(request, true);
  // One row's button names its id; otherwise the ticked ones, or every one shown.
  std::vector<std::string> texts;
  if (!request.Form("only").empty()) {
    texts.push_back(request.Form("only"));
  } else {
    const std::string wanted = request.Form("scope") == "all" ? "shown" : "id";
    for (const auto& [name, value] : request.FormPairs()) {
      if (name == wanted) texts.push_back(value);
    }
  }
  auto ids = PendingIds(texts);
  if (!ids) ids = std::vector<int64_t>{0};  // refused below as not open
  if (request.path == "/pending/withdraw") {
    if (ids->size() != 1) {
      return PendingScreen(context, *session, 400,
                           MakeError(ErrorCode::kInvalidInput, "pending.none_selected"), {},
                           filter);
    }
    if (auto ok = context.desks->Changes(
            session->viewer, [&](ChangeDesk& desk) { return desk.Withdraw(ids->front()); });
        !ok) {
      return PendingScreen(context, *session, HttpStatusFor(ok.error().code), ok.error(), {},
                           filter);
    }
    return PendingScreen(context, *session, 200, std::nullopt,
                         {"仮登録 " + std::to_string(ids->front()) + " を取り消しました。"},
                         filter);
  }
  auto approvals = ApprovePending(context, session->viewer, *ids);
  if (!approvals)
    return PendingScreen(context, *session, HttpStatusFor(approvals.error().code),
                         approvals.error(), {}, filter);
  std::vector<std::string> notices;
  std::optional<Error> first_refusal;
  int approved = 0;
  for (const Approval& a : *approvals) {
    if (a.outcome) {
      ++approved;
    } else if (!first_refusal) {
      first_refusal = a.outcome.error();
    }
    notices.push_back(ApprovalNotice(a.pending_id, a.outcome));
  }
  if (approvals->size() > 1) {
    notices.insert(notices.begin(), std::to_string(approvals->size()) + " 件のうち " +
                                        std::to_string(approved) + " 件を本登録しました。");
  }
  // A single refusal keeps its status (a 403 stays a 403); a batch answers 200 with each outcome.
  const int status =
      approvals->size() == 1 && first_refusal ? HttpStatusFor(first_refusal->code) : 200;
  return PendingScreen(
      context, *session, status, approvals->size() == 1 ? first_refusal : std::nullopt,
      approvals->size() == 1 && first_refusal ? std::vector<std::string>{} : notices, filter);
}

}  // namespace jrr::web
