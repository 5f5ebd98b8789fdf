// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/changes/change_desk.h"

#include <algorithm>
#include <optional>
#include <variant>

#include "jrr/domain/core/rule_ids.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"

namespace jrr {
namespace {

std::vector<std::string> AcknowledgedBy(const AnyChangeCommand& command) {
  return std::visit([](const auto& c) { return c.input.acknowledged_alerts; }, command);
}

}  // namespace

Status ChangeDesk::Require(Permission permission, const std::string& function) {
  auto ok = Authorize(viewer_, permission);
  if (!ok) {
    AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
    event.outcome = ok.error().rule_id;
    log_.Record(event);
  }
  return ok;
}

Status ChangeDesk::RequireChange(const AnyChangeCommand& command, const std::string& function) {
  if (auto ok = Require(Permission::kChange, function); !ok) return ok;
  std::vector<Permission> needed;
  if (const auto* c = std::get_if<CorrectionCommand>(&command)) {
    if (c->individual_number) needed.push_back(Permission::kSeeIndividualNumber);
    if (c->resident_record_code) {
      // 住民票コード付番 is a function of its own (JK-10.3): entering or changing a code needs it.
      needed.push_back(Permission::kSeeResidentRecordCode);
      needed.push_back(Permission::kCodeAssignment);
    }
    if (c->domicile) needed.push_back(Permission::kSeeDomicile);
    if (c->foreign) needed.push_back(Permission::kSeeResidenceStatus);
  } else if (const auto* n = std::get_if<NationalityChangeCommand>(&command)) {
    if (n->domicile.state == Domicile::State::kRecorded) needed.push_back(Permission::kSeeDomicile);
    if (n->kind == NationalityChangeCommand::Kind::kLoss)
      needed.push_back(Permission::kSeeResidenceStatus);
  } else if (std::holds_alternative<DomicileRenamingCommand>(command)) {
    needed.push_back(Permission::kSeeDomicile);  // it names the 本籍 before and after
  }
  for (Permission p : needed) {
    if (auto ok = Require(p, function); !ok) return ok;
  }
  return {};
}

ChangeContext ChangeDesk::Context() const {
  ChangeContext context{viewer_.today, viewer_.operator_id, viewer_.place, viewer_.terminal};
  context.now_epoch_seconds = viewer_.now_epoch_seconds;
  return context;
}

std::optional<Error> ChangeDesk::Withheld(const std::vector<std::string>& read,
                                          const std::string& function,
                                          const std::vector<std::string>& acknowledged,
                                          const std::string& instead_of) {
  ResidentAccess access(residents_, log_, viewer_);
  std::vector<std::string> withheld;
  std::optional<Error>
      refusal;  // protection.blocked over protection.alert, as ClearForView answers
  for (const std::string& atena : read) {
    Status cleared = access.ViewCleared(atena, acknowledged);
    if (cleared) continue;
    withheld.push_back(atena);
    if (!refusal || cleared.error().rule_id == rules::kProtectionBlocked) refusal = cleared.error();
  }
  if (withheld.empty()) return std::nullopt;
  AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
  event.targets = withheld;
  event.outcome = refusal->rule_id;
  if (!instead_of.empty()) event.detail = "instead of " + instead_of;
  log_.Record(event);
  return refusal;
}

ChangeDesk::Previewed ChangeDesk::Preview(const AnyChangeCommand& command) {
  std::vector<std::string> read;
  auto outcome = PreviewChange(residents_, Context(), command, dictionary_, &read);
  Previewed p{std::move(outcome), std::nullopt, std::move(read), {}};
  if (!p.outcome) return p;
  const ChangeEffectFacts facts = effects_.FactsFor(*p.outcome);
  for (const ChangeEffectFacts::OurFuhyo& our : facts.our_fuhyo) {
    for (const auto& [member, people] : our.people) {
      for (const std::string& atena : people) {
        if (std::find(p.read.begin(), p.read.end(), atena) == p.read.end()) p.read.push_back(atena);
      }
    }
  }
  p.effects = PlanChangeEffects(*p.outcome, facts);
  if (!*p.effects) return p;
  for (const FuhyoEffect& f : (*p.effects)->fuhyo) {
    if (!f.ours || f.member_id == 0) continue;
    for (const ChangeEffectFacts::OurFuhyo& our : facts.our_fuhyo) {
      if (!our.current || !(our.koseki == f.notice.koseki)) continue;
      for (const FuhyoMember& m : our.current->members) {
        if (m.member_id == f.member_id && m.ProtectedOn(viewer_.today))
          p.protected_members.push_back(m.member_id);
      }
    }
  }
  return p;
}

Result<ChangeDesk::Previewed> ChangeDesk::ClearReaders(const AnyChangeCommand& command,
                                                       const std::string& function) {
  Previewed p = Preview(command);
  if (auto refused = Withheld(p.read, function, AcknowledgedBy(command),
                              p.outcome ? "" : p.outcome.error().rule_id)) {
    return *refused;
  }
  // The member is known to the clerk (a 附票 is seen whole); only the 支援措置 officer writes it.
  if (!p.protected_members.empty() && !Authorize(viewer_, Permission::kSupportMeasure)) {
    AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
    for (int64_t member : p.protected_members) event.targets.push_back(MemberTarget(member));
    event.outcome = rules::kProtectionBlocked;
    log_.Record(event);
    return MakeError(ErrorCode::kForbidden, std::string(rules::kProtectionBlocked),
                     BlockedDetail(GuardedOperation::kChange));
  }
  return p;
}

Status ChangeDesk::ClearPlan(const AnyChangeCommand& command, const std::string& function) {
  auto previewed = ClearReaders(command, function);
  if (!previewed) return previewed.error();
  if (previewed->effects && !*previewed->effects) return previewed->effects->error();
  return {};
}

// IMP: JK-4.0.9
Result<ChangeOutcome> ChangeDesk::Check(const AnyChangeCommand& command) {
  if (auto ok = RequireChange(command, "入力確認"); !ok) return ok.error();
  // Refused alike whether or not the 異動 would pass: passing would otherwise tell a fact too.
  auto previewed = ClearReaders(command, "入力確認");
  if (!previewed) return previewed.error();
  auto& preview = previewed->outcome;
  if (!preview) return preview.error();
  // The 入力確認 shows the people as the 異動 would leave them: a view of everyone already in the
  // register, logged, and refused under a 照会抑止 like 照会 (JK-4.0.9, 3.1, 10.2).
  std::vector<std::string> shown;
  for (const ResidentRecord& v : preview->versions) {
    if (std::find(shown.begin(), shown.end(), v.addressee_number) == shown.end() &&
        residents_.Latest(v.addressee_number)) {
      shown.push_back(v.addressee_number);
    }
  }
  if (auto ok = ResidentAccess(residents_, log_, viewer_)
                    .ClearForView(shown, "入力確認", AcknowledgedBy(command));
      !ok) {
    return ok.error();
  }
  // What recording would cause elsewhere, planned as Append will plan it.
  auto& effects = *previewed->effects;
  if (!effects) return effects.error();
  for (const std::string& notice : effects->notices) preview->notices.push_back(notice);
  return std::move(*preview);
}

Result<ChangeOutcome> ChangeDesk::Record(const AnyChangeCommand& command) {
  if (auto ok = RequireChange(command, "異動入力"); !ok) return ok.error();
  // Its readers cleared first, a refusal of its own rules tells nothing of anyone withheld.
  if (auto ok = ClearPlan(command, "異動入力"); !ok) return ok.error();
  return ResidentChanges(residents_, Context(), dictionary_).Apply(command);
}

// IMP: JK-4.0.8
Result<PendingChange> ChangeDesk::Enter(const AnyChangeCommand& command, std::string kind,
                                        std::string command_json) {
  if (auto ok = RequireChange(command, "仮登録"); !ok) return ok.error();
  // A 仮登録 that recording would refuse for what it causes is refused now, not at its 本登録.
  if (auto ok = ClearPlan(command, "仮登録"); !ok) return ok.error();
  return EnterProvisional(residents_, pending_, Context(), command, std::move(kind),
                          std::move(command_json), dictionary_);
}

// IMP: JK-4.0.8
Result<ChangeOutcome> ChangeDesk::Approve(int64_t pending_id, const AnyChangeCommand& command) {
  if (auto ok = Require(Permission::kApprove, "本登録"); !ok) return ok.error();
  if (auto ok = ClearPlan(command, "本登録"); !ok) return ok.error();
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
