// SPDX-License-Identifier: Apache-2.0
//
// CS連携 (cs_message.h): GET /cs — what was sent (転出証明書情報 of 特例転出, 転入通知) and what was
// received: the 転出証明書情報 waiting for their 特例転入, each with a button that fills the 転入
// form from it (JK-4.1.1.3), and the 転入通知 recorded on the 除票 or kept as 取込エラー (the
// 転入通知情報取込エラー一覧 of JK-4.1.3.1.2). GET /api/v1/cs/messages?box=outbox|inbox[&waiting=1]
// answers the same lists as JSON.
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/cs/cs_screen.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

constexpr const char* kUnknownBox = "cs.unknown_box";

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
    page.set(outbox ? "outbox" : "inbox", PresentCsMessages(*entries, outbox));
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
