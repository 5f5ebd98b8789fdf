// SPDX-License-Identifier: Apache-2.0
//
// ProtectionDesk — managing 抑止 and 支援措置 (JK-3.1, 3.4, 1.1.16), every action permission-checked
// and logged.
#include "jrr/domain/protection/protection_desk.h"

#include <algorithm>
#include <utility>

#include "jrr/domain/protection/protection_check.h"
#include "jrr/domain/security/staff.h"

namespace jrr {
namespace {

// The longest 一時解除: one working day.
constexpr int kMaxReleaseMinutes = 480;

}  // namespace

void ProtectionDesk::Log(const std::string& function, std::vector<std::string> targets,
                         const std::string& outcome, const std::string& detail) {
  AuditEvent event =
      EventBy(viewer_, outcome == "ok" ? AuditAction::kProtection : AuditAction::kDenied, function);
  // Only people are targets: an empty 宛名番号 (a list asked for by household) names no one, and
  // would break the log's person index.
  std::erase_if(targets, [](const std::string& atena) { return atena.empty(); });
  event.targets = std::move(targets);
  event.outcome = outcome;
  event.detail = detail;
  log_.Record(event);
}

Result<TemporaryRelease> ProtectionDesk::Grant(TemporaryRelease release, const std::string& grantee,
                                               int minutes, const std::string& reason) {
  if (minutes < 1 || minutes > kMaxReleaseMinutes) {
    return MakeError(ErrorCode::kInvalidInput, "protection.release_minutes",
                     std::to_string(minutes));
  }
  release.granted_to = grantee.empty() ? viewer_.operator_id : grantee;
  if (staff_ != nullptr && release.granted_to != viewer_.operator_id) {
    const auto user = staff_->Find(release.granted_to);
    if (!user || !user->ValidOn(viewer_.today)) {
      return MakeError(ErrorCode::kNotFound, "staff.not_found", release.granted_to);
    }
  }
  release.granted_by = viewer_.operator_id;
  release.until_epoch_seconds = viewer_.now_epoch_seconds + int64_t{60} * minutes;
  release.reason = reason;
  return protections_.AddRelease(release);
}

// IMP: JK-3.1
Result<Block> ProtectionDesk::AddBlock(Block block) {
  std::vector<std::string> targets;
  if (!block.addressee_number.empty()) targets.push_back(block.addressee_number);
  if (auto ok = Authorize(viewer_, Permission::kBlock); !ok) {
    Log("抑止設定", targets, ok.error().rule_id, "");
    return ok.error();
  }
  if (block.addressee_number.empty() == block.household_number.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "protection.target_required",
                     "name exactly one person or household");
  }
  if (block.end && *block.end < block.start) {
    return MakeError(ErrorCode::kRuleViolation, "protection.invalid_period", "end before start");
  }
  block.operator_id = viewer_.operator_id;
  block.ended_on.reset();
  Block added = protections_.AddBlock(std::move(block));
  Log("抑止設定", targets, "ok",
      "block_id=" + std::to_string(added.block_id) +
          " op=" + std::string(GuardedOperationName(added.operation)) +
          (added.household_number.empty() ? "" : " household=" + added.household_number));
  return added;
}

Status ProtectionDesk::EndBlock(int64_t block_id) {
  if (auto ok = Authorize(viewer_, Permission::kBlock); !ok) {
    Log("抑止解除", {}, ok.error().rule_id, "block_id=" + std::to_string(block_id));
    return ok.error();
  }
  auto block = protections_.GetBlock(block_id);
  if (!block)
    return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  if (auto ok = protections_.EndBlock(block_id, viewer_.today, viewer_.operator_id); !ok) return ok;
  Log("抑止解除",
      block->addressee_number.empty() ? std::vector<std::string>{}
                                      : std::vector<std::string>{block->addressee_number},
      "ok", "block_id=" + std::to_string(block_id));
  return {};
}

Result<TemporaryRelease> ProtectionDesk::ReleaseBlock(int64_t block_id, const std::string& grantee,
                                                      int minutes, const std::string& reason) {
  if (auto ok = Authorize(viewer_, Permission::kRelease); !ok) {
    Log("抑止一時解除", {}, ok.error().rule_id, "block_id=" + std::to_string(block_id));
    return ok.error();
  }
  auto block = protections_.GetBlock(block_id);
  if (!block || block->ended_on) {
    return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  }
  TemporaryRelease grant;
  grant.block_id = block_id;
  auto release = Grant(std::move(grant), grantee, minutes, reason);
  if (!release) return release.error();
  Log("抑止一時解除",
      block->addressee_number.empty() ? std::vector<std::string>{}
                                      : std::vector<std::string>{block->addressee_number},
      "ok",
      "block_id=" + std::to_string(block_id) + " to=" + release->granted_to +
          " minutes=" + std::to_string(minutes));
  return release;
}

Result<std::vector<Block>> ProtectionDesk::BlocksFor(const std::string& addressee_number,
                                                     const std::string& household_number) {
  const std::string function = "抑止の一覧";
  std::vector<std::string> targets;
  if (!addressee_number.empty()) targets.push_back(addressee_number);
  // Who a block names is itself about a person: for those who may look people up, or set blocks.
  if (!viewer_.Has(Permission::kView) && !viewer_.Has(Permission::kBlock)) {
    const Status denied = Authorize(viewer_, Permission::kView);
    Log(function, targets, denied.error().rule_id,
        household_number.empty() ? "" : "household=" + household_number);
    return denied.error();
  }
  std::vector<Block> found = protections_.BlocksFor(addressee_number, household_number);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, function);
  event.targets = std::move(targets);
  event.detail =
      (household_number.empty() ? std::string() : "household=" + household_number + " ") +
      "blocks=" + std::to_string(found.size());
  log_.Record(event);
  return found;
}

namespace {
std::vector<std::string> PeopleOf(const SupportMeasure& m) {
  std::vector<std::string> people{m.applicant};
  for (const auto& c : m.co_protected) people.push_back(c.addressee_number);
  return people;
}
}  // namespace

Result<SupportMeasure> ProtectionDesk::Save(Result<SupportMeasure> next,
                                            const std::string& function) {
  if (!next) return next.error();
  next->operator_id = viewer_.operator_id;
  auto saved = protections_.SaveMeasure(std::move(next).value());
  if (!saved) return saved.error();
  Log(function, PeopleOf(*saved), "ok",
      "measure_id=" + std::to_string(saved->measure_id) +
          " version=" + std::to_string(saved->version));
  return saved;
}

// IMP: JK-3.4, JK-1.1.16
Result<SupportMeasure> ProtectionDesk::Register(SupportMeasure measure) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log("支援措置登録", PeopleOf(measure), ok.error().rule_id, "");
    return ok.error();
  }
  return Save(NewSupportMeasure(std::move(measure), viewer_.today), "支援措置登録");
}

Result<SupportMeasure> ProtectionDesk::Load(int64_t measure_id, const std::string& function) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log(function, {}, ok.error().rule_id, "measure_id=" + std::to_string(measure_id));
    return ok.error();
  }
  auto current = protections_.GetMeasure(measure_id);
  if (!current)
    return MakeError(ErrorCode::kNotFound, "support.not_found", std::to_string(measure_id));
  return *current;
}

Result<SupportMeasure> ProtectionDesk::Start(int64_t measure_id, CalendarDate start,
                                             std::optional<CalendarDate> end) {
  auto current = Load(measure_id, "支援措置開始");
  if (!current) return current.error();
  return Save(StartSupportMeasure(*current, start, end), "支援措置開始");
}

Result<SupportMeasure> ProtectionDesk::Extend(int64_t measure_id) {
  auto current = Load(measure_id, "支援措置延長");
  if (!current) return current.error();
  return Save(ExtendSupportMeasure(*current, viewer_.today), "支援措置延長");
}

Result<SupportMeasure> ProtectionDesk::End(int64_t measure_id, const std::string& reason) {
  auto current = Load(measure_id, "支援措置終了");
  if (!current) return current.error();
  return Save(EndSupportMeasure(*current, viewer_.today, reason), "支援措置終了");
}

Result<TemporaryRelease> ProtectionDesk::ReleaseForIssue(int64_t measure_id,
                                                         const std::string& grantee, int minutes,
                                                         const std::string& reason) {
  auto current = Load(measure_id, "支援措置交付解除");
  if (!current) return current.error();
  if (!current->Active())
    return MakeError(ErrorCode::kRuleViolation, "support.not_active", "ended");
  TemporaryRelease grant;
  grant.measure_id = measure_id;
  auto release = Grant(std::move(grant), grantee, minutes, reason);
  if (!release) return release.error();
  Log("支援措置交付解除", PeopleOf(*current), "ok",
      "measure_id=" + std::to_string(measure_id) + " to=" + release->granted_to +
          " minutes=" + std::to_string(minutes));
  return release;
}

Result<std::vector<SupportMeasure>> ProtectionDesk::Details(int64_t measure_id) {
  auto current = Load(measure_id, "支援措置照会");
  if (!current) return current.error();
  auto history = protections_.MeasureHistory(measure_id);
  std::reverse(history.begin(), history.end());
  Log("支援措置照会", PeopleOf(*current), "ok", "measure_id=" + std::to_string(measure_id));
  return history;
}

Result<std::vector<SupportMeasure>> ProtectionDesk::MeasuresFor(
    const std::string& addressee_number) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log("支援措置照会", {addressee_number}, ok.error().rule_id, "");
    return ok.error();
  }
  auto measures = protections_.MeasuresFor(addressee_number);
  Log("支援措置照会", {addressee_number}, "ok", "measures=" + std::to_string(measures.size()));
  return measures;
}

}  // namespace jrr
