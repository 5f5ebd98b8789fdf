// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/access/resident_access.h"

#include <algorithm>
#include <array>
#include <optional>
#include <utility>

namespace jrr {
void ResidentAccess::Log(AuditAction action, const std::string& function,
                         std::vector<std::string> targets, bool individual_number,
                         const std::string& outcome, const std::string& detail) {
  AuditEvent event = EventBy(viewer_, action, function);
  event.targets = std::move(targets);
  event.individual_number = individual_number;
  event.outcome = outcome;
  event.detail = detail;
  log_.Record(event);
}

// IMP: JK-2.2.1, JK-2.2.2, JK-1.1.14
Result<PersonView> ResidentAccess::View(const std::string& addressee_number, const AsOfQuery& query,
                                        const std::vector<std::string>& acknowledged,
                                        const std::string& function) {
  const bool numbers = viewer_.Has(Permission::kSeeIndividualNumber);
  if (auto ok = Authorize(viewer_, Permission::kView); !ok) {
    Log(AuditAction::kDenied, function, {addressee_number}, false, ok.error().rule_id);
    return ok.error();
  }
  auto latest = residents_.Latest(addressee_number);
  if (!latest) {
    return MakeError(ErrorCode::kNotFound, "change.person_not_found",
                     "宛名番号 " + addressee_number);
  }
  ProtectionRegister& protections = residents_.Protections();
  const auto blocks = protections.BlocksFor(addressee_number, latest->household_number);
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  if (auto ok = CheckBlocks(blocks, releases, GuardedOperation::kView, viewer_.today, acknowledged);
      !ok) {
    Log(AuditAction::kDenied, function, {addressee_number}, false, ok.error().rule_id);
    return ok.error();
  }
  auto record = residents_.AsOf(addressee_number, query);
  if (!record) {
    return MakeError(ErrorCode::kNotFound, "change.person_not_found",
                     "宛名番号 " + addressee_number + " at that date");
  }
  // Logged before anything is returned: nothing is shown that was not logged.
  Log(AuditAction::kView, function, {addressee_number},
      numbers && !record->individual_number.empty(), "ok",
      std::string(query.effective_on ? "as_of " : "") + (query.known_at ? "known_at" : ""));
  PersonView view{*record,
                  residents_.History(addressee_number),
                  NoticeFor(viewer_, protections.MeasuresFor(addressee_number), blocks),
                  {},
                  {}};
  Blank(view.record);
  for (auto& entry : view.history) Blank(entry.version);
  if (issuances_ != nullptr) view.issuances = issuances_->Recent(addressee_number, 50);
  view.remarks =
      IntegratedRemarks(view.history, remarks_ != nullptr ? remarks_->Remarks(addressee_number)
                                                          : std::vector<Remark>{});
  return view;
}

void ResidentAccess::Blank(ResidentRecord& r) const {
  if (!viewer_.Has(Permission::kSeeIndividualNumber)) r.individual_number.clear();
  if (!viewer_.Has(Permission::kSeeResidentRecordCode)) r.resident_record_code.clear();
  if (!viewer_.Has(Permission::kSeeDomicile)) r.domicile = Domicile{};
  if (!viewer_.Has(Permission::kSeeResidenceStatus)) {
    // JK-10.4 在留資格等: the 30条の45 category and the residence items; name and 国籍 stay.
    ForeignResidentItems& f = r.foreign;
    f.category = ForeignCategory::kNone;
    f.status_of_residence.clear();
    f.period_of_stay.clear();
    f.period_expiry.reset();
    f.residence_card_number.clear();
    f.special_permanent_certificate_number.clear();
    f.landing_period.clear();
    f.provisional_stay_period.clear();
  }
}

namespace {

// The active measure of `protections` covering `atena` that no running release lets this operator
// past, if any.
std::optional<int64_t> UnreleasedMeasure(ProtectionRegister& protections, const std::string& atena,
                                         const std::vector<TemporaryRelease>& releases) {
  for (const SupportMeasure& m : protections.MeasuresFor(atena)) {
    if (!m.Active() || !m.Protects(atena)) continue;
    const bool released = std::any_of(
        releases.begin(), releases.end(),
        [&](const TemporaryRelease& r) { return r.measure_id && *r.measure_id == m.measure_id; });
    if (!released) return m.measure_id;
  }
  return std::nullopt;
}

void AddOnce(std::vector<std::string>& list, const std::string& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

}  // namespace

std::vector<std::string> ResidentAccess::ProtectedShownBy(const ShownOnPrint& shown) {
  ProtectionRegister& protections = residents_.Protections();
  std::vector<std::string> found;
  for (const std::string& atena : shown.persons) {
    for (const SupportMeasure& m : protections.MeasuresFor(atena)) {
      if (m.Active() && m.Protects(atena)) AddOnce(found, atena);
    }
  }
  if (shown.addresses.empty() && shown.domiciles.empty() && shown.people.empty()) return found;
  for (const std::string& atena : ProtectedPrintGate(residents_, viewer_.today).ShownBy(shown))
    AddOnce(found, atena);
  return found;
}

Status ResidentAccess::ClearForIssue(const std::vector<std::string>& persons,
                                     const std::string& function, bool individual_number,
                                     const std::vector<std::string>& acknowledged,
                                     const ShownOnPrint& shown) {
  std::vector<std::string> targets = persons;
  std::vector<std::string> through;  // protected people shown by someone else
  for (const std::string& atena : ProtectedShownBy(shown)) {
    if (std::find(persons.begin(), persons.end(), atena) == persons.end()) {
      AddOnce(targets, atena);
      through.push_back(atena);
    }
  }
  auto refuse = [&](const Error& error) {
    Log(AuditAction::kDenied, function, targets, false, error.rule_id);
    return error;
  };
  if (auto ok = Authorize(viewer_, Permission::kIssue); !ok) return refuse(ok.error());
  if (individual_number) {
    if (auto ok = Authorize(viewer_, Permission::kSeeIndividualNumber); !ok)
      return refuse(ok.error());
  }
  ProtectionRegister& protections = residents_.Protections();
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  // Who is protected is a 支援措置 officer's to know: others learn that the print is refused and
  // why in general (so they can send the applicant to the officer), not whom it protects.
  const bool officer = viewer_.Has(Permission::kSupportMeasure);
  for (const std::string& atena : persons) {
    auto latest = residents_.Latest(atena);
    if (!latest) {
      return refuse(
          MakeError(ErrorCode::kNotFound, "change.person_not_found", "宛名番号 " + atena));
    }
    if (UnreleasedMeasure(protections, atena, releases)) {
      return refuse(
          MakeError(ErrorCode::kForbidden, "support.issue_blocked",
                    officer ? "a 支援措置 covers " + atena : "a 支援措置 covers someone printed"));
    }
    const auto blocks = protections.BlocksFor(atena, latest->household_number);
    // A print is read by whoever prints it: a 照会抑止 holds for it as for the screen.
    for (GuardedOperation operation : {GuardedOperation::kIssue, GuardedOperation::kView}) {
      if (auto ok = CheckBlocks(blocks, releases, operation, viewer_.today, acknowledged); !ok)
        return refuse(ok.error());
    }
  }
  // Someone the print names beside its people (a 世帯主) is read by whoever prints it too.
  for (const std::string& atena : shown.persons) {
    if (std::find(persons.begin(), persons.end(), atena) != persons.end()) continue;
    auto latest = residents_.Latest(atena);
    const auto blocks =
        protections.BlocksFor(atena, latest ? latest->household_number : std::string());
    if (auto ok =
            CheckBlocks(blocks, releases, GuardedOperation::kView, viewer_.today, acknowledged);
        !ok) {
      AddOnce(targets, atena);
      return refuse(ok.error());
    }
  }
  for (const std::string& atena : through) {
    if (UnreleasedMeasure(protections, atena, releases)) {
      return refuse(MakeError(ErrorCode::kForbidden, "support.issue_blocked",
                              officer ? "the print shows " + atena + ", whom a 支援措置 covers"
                                      : "the print shows someone a 支援措置 covers"));
    }
  }
  Log(AuditAction::kIssue, function, targets, individual_number, "ok");
  return {};
}

Status ResidentAccess::ClearForView(const std::vector<std::string>& persons,
                                    const std::string& function,
                                    const std::vector<std::string>& acknowledged) {
  auto refuse = [&](const Error& error) {
    Log(AuditAction::kDenied, function, persons, false, error.rule_id);
    return error;
  };
  if (auto ok = Authorize(viewer_, Permission::kView); !ok) return refuse(ok.error());
  ProtectionRegister& protections = residents_.Protections();
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  for (const std::string& atena : persons) {
    auto latest = residents_.Latest(atena);
    const std::string household = latest ? latest->household_number : std::string();
    if (auto ok = CheckBlocks(protections.BlocksFor(atena, household), releases,
                              GuardedOperation::kView, viewer_.today, acknowledged);
        !ok) {
      return refuse(ok.error());
    }
  }
  Log(AuditAction::kView, function, persons, false, "ok");
  return {};
}

bool ResidentAccess::ViewWithheld(const std::string& addressee_number,
                                  const std::vector<std::string>& acknowledged) {
  return !ViewCleared(addressee_number, acknowledged);
}

Status ResidentAccess::RefuseIfWithheld(const std::string& addressee_number,
                                        const std::string& function,
                                        const std::vector<std::string>& acknowledged) {
  if (!ViewWithheld(addressee_number, acknowledged)) return {};
  return ClearForView({addressee_number}, function, acknowledged);
}

Status ResidentAccess::ViewCleared(const std::string& addressee_number,
                                   const std::vector<std::string>& acknowledged) {
  return Cleared(addressee_number, GuardedOperation::kView, acknowledged);
}

Status ResidentAccess::Cleared(const std::string& addressee_number, GuardedOperation operation,
                               const std::vector<std::string>& acknowledged) {
  ProtectionRegister& protections = residents_.Protections();
  auto latest = residents_.Latest(addressee_number);
  const auto blocks =
      protections.BlocksFor(addressee_number, latest ? latest->household_number : std::string());
  if (std::none_of(blocks.begin(), blocks.end(), [&](const Block& b) {
        return b.operation == operation && BlockApplies(b, viewer_.today);
      })) {
    return {};
  }
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  return CheckBlocks(blocks, releases, operation, viewer_.today, acknowledged);
}

ProtectionNotice ResidentAccess::Notice(const ResidentRecord& record) {
  ProtectionRegister& protections = residents_.Protections();
  return NoticeFor(viewer_, protections.MeasuresFor(record.addressee_number),
                   protections.BlocksFor(record.addressee_number, record.household_number));
}
}  // namespace jrr
