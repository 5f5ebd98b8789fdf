// SPDX-License-Identifier: Apache-2.0
//
// 異動 over the JSON API, as the session's user (JK-4, 4.0.8, 4.0.9): POST /api/v1/changes takes
// the same JSON as `jrr apply` (docs/api.md), one 異動 per request, with mode=check (入力確認:
// nothing is recorded), record (the default) or provisional (仮登録); the 仮登録 list, 本登録 and
// withdrawal under /api/v1/pending. An アラート is acknowledged by listing its rule id in the
// command's acknowledged_alerts, exactly as on the command line.
#include "endpoints.h"

#include "jrr/web/change_json.h"
#include "jrr/web/json_writer.h"
#include "jrr/web/router.h"
#include "session_guard.h"

namespace jrr::web {
namespace {

Result<int64_t> PendingIdOf(const Request& request) {
  try {
    std::size_t used = 0;
    const std::string text = request.Query("id");
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<int64_t>(id);
  } catch (const std::logic_error&) {
  }
  return MakeError(ErrorCode::kNotFound, "pending.not_open", "id must be a 仮登録 number");
}

}  // namespace

Response ChangesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  const std::string mode = request.HasQuery("mode") ? request.Query("mode") : "record";
  if (mode != "check" && mode != "record" && mode != "provisional") {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "json.malformed", "mode: check, record or provisional"));
  }
  auto command = DecodeChangeCommand(request.body);
  if (!command) return ErrorResponse(request, command.error());
  if (mode == "provisional") {
    auto entered = context.enter_provisional(session->viewer, *command, std::string(CommandType(*command)),
                                             request.body);
    if (!entered) return RefuseSession(request, entered.error());
    return JsonResponse(201, EncodePending(*entered));
  }
  auto outcome = context.change(session->viewer, *command, mode == "check");
  if (!outcome) return RefuseSession(request, outcome.error());
  return JsonResponse(mode == "check" ? 200 : 201, EncodeOutcome(*outcome));
}

Response PendingListApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto open = context.pending(session->viewer);
  if (!open) return RefuseSession(request, open.error());
  std::string list = "[";
  for (const PendingChange& p : *open) {
    if (list.size() > 1) list += ',';
    list += EncodePending(p);
  }
  list += ']';
  return JsonResponse(200, JsonObject().AddRaw("pending", list).str());
}

Response ApproveApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto id = PendingIdOf(request);
  if (!id) return ErrorResponse(request, id.error());
  auto outcome = context.approve(session->viewer, *id);
  if (!outcome) return RefuseSession(request, outcome.error());
  return JsonResponse(201, EncodeOutcome(*outcome));
}

Response WithdrawApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto id = PendingIdOf(request);
  if (!id) return ErrorResponse(request, id.error());
  if (auto ok = context.withdraw(session->viewer, *id); !ok) return RefuseSession(request, ok.error());
  return JsonResponse(200, JsonObject().Add("withdrawn", *id).str());
}

}  // namespace jrr::web
