// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/change_desk.h"

namespace jrr {

Status ChangeDesk::Require(Permission permission, const std::string& function) {
  auto ok = Authorize(viewer_, permission);
  if (!ok) {
    AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
    event.outcome = ok.error().rule_id;
    log_.Record(event);
  }
  return ok;
}

ChangeContext ChangeDesk::Context() const {
  ChangeContext context{viewer_.today, viewer_.operator_id, viewer_.place, viewer_.terminal};
  context.now_epoch_seconds = viewer_.now_epoch_seconds;
  return context;
}

Result<ChangeOutcome> ChangeDesk::Check(const AnyChangeCommand& command) {
  if (auto ok = Require(Permission::kChange, "入力確認"); !ok) return ok.error();
  return PreviewChange(residents_, Context(), command, dictionary_);
}

Result<ChangeOutcome> ChangeDesk::Record(const AnyChangeCommand& command) {
  if (auto ok = Require(Permission::kChange, "異動入力"); !ok) return ok.error();
  const ChangeContext context = Context();
  return ResidentChanges(residents_, context, dictionary_).Apply(command);
}

Result<PendingChange> ChangeDesk::Enter(const AnyChangeCommand& command, std::string kind,
                                        std::string command_json) {
  if (auto ok = Require(Permission::kChange, "仮登録"); !ok) return ok.error();
  return EnterProvisional(residents_, pending_, Context(), command, std::move(kind), std::move(command_json),
                          dictionary_);
}

Result<ChangeOutcome> ChangeDesk::Approve(int64_t pending_id, const AnyChangeCommand& command) {
  if (auto ok = Require(Permission::kApprove, "本登録"); !ok) return ok.error();
  ChangeContext context = Context();
  context.approving_pending_id = pending_id;
  return ResidentChanges(residents_, context, dictionary_).Apply(command);
}

Status ChangeDesk::Withdraw(int64_t pending_id) {
  if (auto ok = Require(Permission::kChange, "仮登録取消"); !ok) return ok;
  return pending_.Withdraw(pending_id, Context());
}

Result<std::vector<PendingChange>> ChangeDesk::Pending() {
  if (auto ok = Require(Permission::kView, "仮登録一覧"); !ok) return ok.error();
  return pending_.ListOpen();
}

Result<PendingChange> ChangeDesk::PendingOne(int64_t pending_id) {
  if (auto ok = Require(Permission::kView, "仮登録照会"); !ok) return ok.error();
  return pending_.GetOpen(pending_id);
}

}  // namespace jrr
