// SPDX-License-Identifier: Apache-2.0
//
// CS連携 (cs_message.h): GET /cs — what was sent (転出証明書情報 of 特例転出, 転入通知) and what was
// received: the 転出証明書情報 waiting for their 特例転入, each with a button that fills the 転入
// form from it (JK-4.1.1.3), and the 転入通知 recorded on the 除票 or kept as 取込エラー (the
// 転入通知情報取込エラー一覧 of JK-4.1.3.1.2). GET /api/v1/cs/messages?box=outbox|inbox[&waiting=1]
// answers the same lists as JSON.
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

constexpr const char* kUnknownBox = "cs.unknown_box";

// The people a 転出証明書情報 names, for the list (氏名 and 生年月日 as printed).
std::string PeopleOf(const CsEntry& e) {
  if (e.kind != CsKind::kMoveOutInformation) return {};
  auto info = DecodeMoveOutData(e.body);
  if (!info) return {};
  std::string people;
  for (const MoveOutPerson& p : info->persons) {
    if (!people.empty()) people += "、";
    people += p.family_name + "　" + p.given_name + "（" + p.birth_text + "）";
  }
  return people;
}

std::string CsEntryJson(const CsEntry& e) {
  JsonObject o;
  o.Add("notice_id", e.notice_id)
      .Add("kind", CsKindCode(e.kind))
      .Add("counterpart", e.counterpart)
      .Add("recorded_at", e.recorded_at)
      .Add("state", e.state)
      .Add("failures", static_cast<int64_t>(e.failures));
  if (e.change_id) o.Add("change_id", *e.change_id);
  return o.str();
}

}  // namespace

Response CsPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  page.set("csrf", session->csrf_token);
  int status = 200;
  for (bool outbox : {true, false}) {
    auto entries = context.desks->Cs(session->viewer,
                                     [&](CsDesk& desk) { return desk.Messages(outbox, false); });
    if (!entries) {
      page.set("error", ErrorData(entries.error()));
      status = HttpStatusFor(entries.error().code);
      break;
    }
    data rows{data::type::list};
    for (const CsEntry& e : *entries) {
      data row;
      row.set("id", e.notice_id);
      row.set("kind", std::string(CsKindNameJa(e.kind)));
      row.set("counterpart", e.counterpart);
      row.set("at", e.recorded_at);
      row.set("state", outbox ? e.state : CsInboxStateJa(e));
      if (e.failures > 0) row.set("failures", std::to_string(e.failures));
      if (e.change_id) row.set("change_id", std::to_string(*e.change_id));
      const std::string people = PeopleOf(e);
      if (!people.empty()) row.set("people", people);
      if (!outbox && e.state == kCsReceived) row.set("waiting", true);
      const bool refused =
          !outbox && e.state != kCsReceived && e.state != kCsUsed && e.state != kCsApplied;
      if (refused || e.state == "送付不能") row.set("attention", true);
      rows.push_back(row);
    }
    page.set(outbox ? "outbox" : "inbox", rows);
    page.set(outbox ? "outbox_count" : "inbox_count", std::to_string(entries->size()));
  }
  return Html(status, "CS連携（特例転入・転入通知）", RenderTemplate("cs", page), context);
}

Response CsMessagesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  const std::string box = request.Query("box").empty() ? "inbox" : request.Query("box");
  if (box != "outbox" && box != "inbox") {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, kUnknownBox, box));
  }
  auto entries = context.desks->Cs(session->viewer, [&](CsDesk& desk) {
    return desk.Messages(box == "outbox", request.Query("waiting") == "1");
  });
  if (!entries) return RefuseSession(request, entries.error());
  return JsonResponse(
      200, JsonObject().Add("box", box).AddRaw("messages", JsonArray(*entries, CsEntryJson)).str());
}

// POST /api/v1/cs/messages: a message from the CS adapter (the JRR-CS/1 text).
Response CsReceiveApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto receipt =
      context.desks->Cs(session->viewer, [&](CsDesk& desk) { return desk.Receive(request.body); });
  if (!receipt) return RefuseSession(request, receipt.error());
  const bool taken = receipt->outcome == kCsReceived || receipt->outcome == kCsApplied;
  JsonObject body;
  body.Add("notice_id", receipt->notice_id)
      .Add("kind", CsKindCode(receipt->kind))
      .Add("duplicate", receipt->duplicate)
      .Add("outcome", receipt->outcome);
  if (receipt->change_id) body.Add("change_id", *receipt->change_id);
  return JsonResponse(receipt->duplicate ? 200 : taken ? 201 : 422, body.str());
}

}  // namespace jrr::web
