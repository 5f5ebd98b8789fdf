// SPDX-License-Identifier: Apache-2.0
//
// 異動 over the JSON API, as the session's user (JK-4, 4.0.8, 4.0.9): POST /api/v1/changes takes
// the same JSON as `jrr apply` (docs/api.md), one 異動 per request, with mode=check (入力確認:
// nothing is recorded), record (the default) or provisional (仮登録); the 仮登録 list, 本登録 and
// withdrawal under /api/v1/pending. An アラート is acknowledged by listing its rule id in the
// command's acknowledged_alerts, exactly as on the command line.
#include <algorithm>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/web/changes/change_json.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/session_guard.h"

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

std::optional<std::vector<int64_t>> PendingIds(const std::vector<std::string>& texts) {
  std::vector<int64_t> ids;
  for (const std::string& text : texts) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t comma = std::min(text.find(',', start), text.size());
      const std::string part = text.substr(start, comma - start);
      start = comma + 1;
      if (part.empty()) continue;
      if (part.size() > 18 || part.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
      ids.push_back(std::stoll(part));
    }
  }
  return ids;
}

Result<std::vector<Approval>> ApprovePending(const WebContext& context, const Viewer& viewer,
                                             const std::vector<int64_t>& pending_ids) {
  if (pending_ids.empty()) return MakeError(ErrorCode::kInvalidInput, "pending.none_selected");
  if (pending_ids.size() > kBulkApprovalLimit) {
    return MakeError(
        ErrorCode::kRuleViolation, "pending.too_many",
        std::to_string(pending_ids.size()) + " > " + std::to_string(kBulkApprovalLimit));
  }
  std::vector<Approval> done;
  for (int64_t id : pending_ids) {
    done.push_back(Approval{id, context.desks->Changes(viewer, [&](ChangeDesk& desk) {
                              return ApproveStored(desk, id);
                            })});
  }
  return done;
}

Response ChangesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  const std::string mode = request.HasQuery("mode") ? request.Query("mode") : "record";
  if (mode != "check" && mode != "record" && mode != "provisional") {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "json.malformed",
                                            "mode: check, record or provisional"));
  }
  auto command = DecodeChangeCommand(request.body);
  if (!command) return ErrorResponse(request, command.error());
  if (mode == "provisional") {
    auto entered = context.desks->Changes(session->viewer, [&](ChangeDesk& desk) {
      return desk.Enter(*command, std::string(CommandType(*command)), request.body);
    });
    if (!entered) return RefuseSession(request, entered.error());
    return JsonResponse(201, EncodePending(*entered));
  }
  auto outcome = context.desks->Changes(session->viewer, [&](ChangeDesk& desk) {
    return mode == "check" ? desk.Check(*command) : desk.Record(*command);
  });
  if (!outcome) return RefuseSession(request, outcome.error());
  return JsonResponse(mode == "check" ? 200 : 201, EncodeOutcome(*outcome));
}

Response PendingListApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto open =
      context.desks->Changes(session->viewer, [](ChangeDesk& desk) { return desk.Pending(); });
  if (!open) return RefuseSession(request, open.error());
  const auto shown =
      SelectPending(*open, PendingFilter{request.Query("place"), request.Query("person")});
  return JsonResponse(200, JsonObject().AddRaw("pending", JsonArray(shown, EncodePending)).str());
}

Response ApproveApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (request.HasQuery("ids")) {
    // 一部・全部本登録: each approved or refused on its own; 200 with both lists.
    auto ids = PendingIds({request.Query("ids")});
    if (!ids)
      return ErrorResponse(request,
                           MakeError(ErrorCode::kInvalidInput, "pending.not_open", "ids: numbers"));
    auto approvals = ApprovePending(context, session->viewer, *ids);
    if (!approvals) return ErrorResponse(request, approvals.error());
    std::vector<const Approval*> approved, refused;
    for (const Approval& a : *approvals) (a.outcome ? approved : refused).push_back(&a);
    const std::string approved_json = JsonArray(approved, [](const Approval* a) {
      return JsonObject()
          .Add("pending_id", a->pending_id)
          .AddRaw("change", EncodeOutcome(*a->outcome))
          .str();
    });
    const std::string refused_json = JsonArray(refused, [](const Approval* a) {
      const Error& e = a->outcome.error();
      return JsonObject()
          .Add("pending_id", a->pending_id)
          .Add("code", std::string(ErrorCodeName(e.code)))
          .Add("rule_id", e.rule_id)
          .Add("message_ja", MessageJa(e))
          .str();
    });
    return JsonResponse(
        200, JsonObject().AddRaw("approved", approved_json).AddRaw("refused", refused_json).str());
  }
  auto id = PendingIdOf(request);
  if (!id) return ErrorResponse(request, id.error());
  auto outcome = context.desks->Changes(session->viewer,
                                        [&](ChangeDesk& desk) { return ApproveStored(desk, *id); });
  if (!outcome) return RefuseSession(request, outcome.error());
  return JsonResponse(201, EncodeOutcome(*outcome));
}

Response WithdrawApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto id = PendingIdOf(request);
  if (!id) return ErrorResponse(request, id.error());
  if (auto ok = context.desks->Changes(session->viewer,
                                       [&](ChangeDesk& desk) { return desk.Withdraw(*id); });
      !ok)
    return RefuseSession(request, ok.error());
  return JsonResponse(200, JsonObject().Add("withdrawn", *id).str());
}

}  // namespace jrr::web
