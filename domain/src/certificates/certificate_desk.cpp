// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/certificates/certificate_desk.h"

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <set>

#include "jrr/domain/core/rule_ids.h"

namespace jrr {
namespace {

bool Acknowledged(const std::vector<std::string>& acknowledged, std::string_view rule) {
  return std::find(acknowledged.begin(), acknowledged.end(), rule) != acknowledged.end();
}

// Only the 証明 permission's holders issue, and only items they may see themselves print.
Status CheckViewerItems(const Viewer& viewer, const std::set<OptionalItem>& items) {
  const std::pair<OptionalItem, Permission> kNeeds[] = {
      {OptionalItem::kIndividualNumber, Permission::kSeeIndividualNumber},
      {OptionalItem::kResidentRecordCode, Permission::kSeeResidentRecordCode},
      {OptionalItem::kDomicile, Permission::kSeeDomicile},
      {OptionalItem::kForeignItems, Permission::kSeeResidenceStatus},
  };
  for (const auto& [item, permission] : kNeeds) {
    if (items.contains(item)) {
      if (Status allowed = Authorize(viewer, permission); !allowed) return allowed;
    }
  }
  return {};
}

}  // namespace

ShownOnPrint ShownBy(const CertificatePlan& plan) {
  ShownOnPrint shown;
  if (plan.items.contains(OptionalItem::kHeadAndRelationship) &&
      !plan.head_addressee_number.empty()) {
    shown.persons.push_back(plan.head_addressee_number);
  }
  // Every address a person's lines print, 転出先 included: a co-mover's 除票 prints where the
  // household went, which is where a protected member of it lives now.
  auto add = [&shown](const ResidentRecord& r) {
    shown.addresses.push_back(r.address.Printed());
    if (r.removal) {
      shown.addresses.push_back(r.removal->planned_destination.Printed());
      shown.addresses.push_back(r.removal->confirmed_destination.Printed());
    }
  };
  for (const PrintedPerson& p : plan.people) {
    add(p.record);
    for (const auto& entry : p.history) add(entry.version);
    if (plan.items.contains(OptionalItem::kDomicile)) {
      shown.domiciles.push_back({p.record.domicile.place, p.record.domicile.head_of_family});
    }
  }
  return shown;
}

// IMP: JK-1.1.5
PrintedPerson CertificateDesk::AsIssuedOn(const ResidentRecord& latest, bool with_history) {
  PrintedPerson person;
  person.record = latest;
  const bool pending = MoveOutPending(latest, viewer_.today);
  if (!pending && !with_history) return person;
  std::vector<ResidentRepository::HistoryEntry> history =
      residents_.History(latest.addressee_number);
  if (pending) {
    // The version the 転出 replaced, and nothing of the 転出 itself.
    while (!history.empty() && history.back().version.status == ResidentStatus::kRemoved)
      history.pop_back();
    if (!history.empty()) {
      person.record = history.back().version;
      person.move_out_pending = true;
    }
  }
  if (with_history) {
    // JK-1.1.4: the printed history is that of the current 原票, from its latest 改製; what came
    // before is the 改製原住民票's.
    const auto remade = std::find_if(history.rbegin(), history.rend(), [](const auto& entry) {
      return entry.change.reason == ChangeReason::kEntryRemaking;
    });
    if (remade != history.rend()) history.erase(history.begin(), std::prev(remade.base()));
    person.history = std::move(history);
  }
  return person;
}

std::optional<std::vector<std::string>> CertificateDesk::ArrivalOrder(
    const std::vector<ResidentRecord>& members) {
  // How each member came into the household they are in: the 異動 of the earliest version of
  // theirs in it, walking back from the latest.
  struct Arrival {
    int64_t change_id = 0;
    bool joined = false;  // by 転入 or 世帯変更 into a household that was there
  };
  std::map<std::string, Arrival> arrivals;
  int64_t founded = std::numeric_limits<int64_t>::max();
  for (const ResidentRecord& m : members) {
    const auto history = residents_.History(m.addressee_number);
    Arrival arrival;
    for (auto it = history.rbegin();
         it != history.rend() && it->version.household_number == m.household_number; ++it) {
      arrival.change_id = it->change.change_id;
      const ChangeReason reason = it->change.reason;
      arrival.joined =
          reason == ChangeReason::kDomesticMoveIn || reason == ChangeReason::kMoveInFromAbroad ||
          reason == ChangeReason::kHouseholdChange || reason == ChangeReason::kHouseholdMerger;
    }
    founded = std::min(founded, arrival.change_id);
    arrivals[m.addressee_number] = arrival;
  }
  // JK-5.2: those who came later into an existing household are listed at the end, in the order
  // they came (the 世帯主 always first); the others by the ranks.
  std::vector<ResidentRecord> first;
  std::map<int64_t, std::vector<ResidentRecord>> later;
  for (const ResidentRecord& m : members) {
    const Arrival& a = arrivals[m.addressee_number];
    if (a.joined && a.change_id > founded && !m.is_head()) {
      later[a.change_id].push_back(m);
    } else {
      first.push_back(m);
    }
  }
  if (later.empty()) return std::nullopt;
  std::vector<std::string> order;
  for (const ResidentRecord& r : OrderHouseholdMembers(std::move(first)))
    order.push_back(r.addressee_number);
  for (auto& [change_id, came] : later) {
    for (const ResidentRecord& r : OrderHouseholdMembers(std::move(came)))
      order.push_back(r.addressee_number);
  }
  return order;
}

// IMP: JK-9.5
Result<std::vector<PrintedPerson>> CertificateDesk::InspectionPeople(
    const CertificateRequest& request) {
  // One list is one 町字's people, or a few: a larger one is refused rather than printed, so that
  // 閲覧 cannot be used to take the register away a city at a time (name the 町字 instead).
  std::vector<ResidentRecord> found =
      residents_.ResidentsInArea(request.area, kMaxInspectionList + 1);
  if (found.size() > kMaxInspectionList) {
    return MakeError(
        ErrorCode::kRuleViolation, "certificate.area_too_large",
        request.area + ": more than " + std::to_string(kMaxInspectionList) + " people");
  }
  std::vector<PrintedPerson> people;
  ProtectionRegister& protections = residents_.Protections();
  // 支援措置 targets whose measure covers 閲覧 are left off the list (JK-9.5, 3.4), and so is
  // everyone living at their address: a line with the address would show where they live.
  // People under a 照会抑止 are left off too: the list is read by whoever prints it and by the
  // requester, and the 抑止 says their record is not to be looked at unless released.
  const ProtectedPrintGate gate(residents_, viewer_.today);
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  for (ResidentRecord& r : found) {
    bool excluded = gate.Hides(r.address.Printed(), true);
    for (const SupportMeasure& m : protections.MeasuresFor(r.addressee_number)) {
      if (m.Active() && m.Protects(r.addressee_number) && m.restrict_inspection) excluded = true;
    }
    excluded =
        excluded || !CheckBlocks(protections.BlocksFor(r.addressee_number, r.household_number),
                                 releases, GuardedOperation::kView, viewer_.today, {});
    if (excluded) continue;
    PrintedPerson p;
    p.record = std::move(r);
    people.push_back(std::move(p));
  }
  if (request.shuffle_seed) {
    std::mt19937_64 random(*request.shuffle_seed);
    std::shuffle(people.begin(), people.end(), random);
  }
  if (people.empty()) return MakeError(ErrorCode::kNotFound, "certificate.nobody", request.area);
  return people;
}

// IMP: JK-4.1.3.0.3
Result<std::vector<PrintedPerson>> CertificateDesk::People(const CertificateRequest& request) {
  if (request.kind == CertificateKind::kInspection) return InspectionPeople(request);
  const std::optional<ResidentRecord> latest = residents_.Latest(request.person);
  if (!latest) return MakeError(ErrorCode::kNotFound, "change.person_not_found", request.person);
  const CalendarDate today = viewer_.today;
  const bool removed =
      latest->status == ResidentStatus::kRemoved && !MoveOutPending(*latest, today);

  std::vector<ResidentRecord> candidates;
  switch (request.kind) {
    case CertificateKind::kCopy:
    case CertificateKind::kItemCertificate:
      if (removed)
        return MakeError(ErrorCode::kRuleViolation, "certificate.not_resident", request.person);
      for (const ResidentRecord& r : residents_.HouseholdLatest(latest->household_number)) {
        if (r.status == ResidentStatus::kResident || MoveOutPending(r, today))
          candidates.push_back(r);
      }
      break;
    case CertificateKind::kRemovedCopy:
    case CertificateKind::kRemovedItemCertificate:
      // A 除票 is copied alone: it is never put on a household's copy with residents (JK-5.1).
      if (!removed)
        return MakeError(ErrorCode::kRuleViolation, "certificate.not_removed", request.person);
      candidates.push_back(*latest);
      break;
    case CertificateKind::kMoveOut: {
      if (latest->status != ResidentStatus::kRemoved || !latest->removal ||
          latest->removal->reason != ChangeReason::kDomesticMoveOut) {
        return MakeError(ErrorCode::kRuleViolation, "certificate.not_moving_out", request.person);
      }
      // Everyone the same 転出届 moved, as recorded.
      const auto history = residents_.History(request.person);
      const int64_t change_id = history.empty() ? 0 : history.back().change.change_id;
      for (const ResidentRecord& r : residents_.VersionsOfChange(change_id)) {
        const auto now = residents_.Latest(r.addressee_number);
        if (now && now->history_number == r.history_number) candidates.push_back(r);
      }
      break;
    }
    case CertificateKind::kInspection:
      break;
  }

  std::vector<std::string> wanted;
  if (request.whole_household) {
    for (const ResidentRecord& r : candidates) wanted.push_back(r.addressee_number);
  } else if (!request.members.empty()) {
    wanted = request.members;
  } else {
    wanted = {request.person};
  }
  std::vector<ResidentRecord> chosen;
  for (const std::string& atena : wanted) {
    auto it = std::find_if(candidates.begin(), candidates.end(),
                           [&](const ResidentRecord& r) { return r.addressee_number == atena; });
    if (it == candidates.end()) {
      return MakeError(ErrorCode::kRuleViolation, "certificate.member_not_in_household", atena);
    }
    if (std::none_of(chosen.begin(), chosen.end(),
                     [&](const ResidentRecord& r) { return r.addressee_number == atena; })) {
      chosen.push_back(*it);
    }
  }
  std::vector<PrintedPerson> people;
  for (const ResidentRecord& r : chosen) {
    people.push_back(request.kind == CertificateKind::kMoveOut
                         ? PrintedPerson{r, {}, false}
                         : AsIssuedOn(r, request.with_history));
  }
  // JK-5.2 on the versions as printed (a pending mover keeps their place in the household).
  std::vector<ResidentRecord> ordered;
  for (const PrintedPerson& p : people) ordered.push_back(p.record);
  std::optional<std::vector<std::string>> stored;
  if (orders_ != nullptr && !ordered.empty())
    stored = orders_->Get(ordered.front().household_number);
  if (!stored) stored = ArrivalOrder(ordered);
  ordered = OrderWithStored(std::move(ordered), stored);
  std::vector<PrintedPerson> sorted;
  for (const ResidentRecord& r : ordered) {
    auto it = std::find_if(people.begin(), people.end(), [&](const PrintedPerson& p) {
      return p.record.addressee_number == r.addressee_number;
    });
    sorted.push_back(std::move(*it));
  }
  return sorted;
}

// IMP: JK-5.1, JK-5.2, JK-5.3, JK-5.4, JK-5.6, JK-5.7, JK-1.1.3
Result<CertificatePlan> CertificateDesk::Plan(const CertificateRequest& request) {
  if (Status allowed = Authorize(viewer_, Permission::kIssue); !allowed) return allowed.error();
  auto items = CheckRequest(request);
  if (!items) return items.error();
  if (Status allowed = CheckViewerItems(viewer_, *items); !allowed) return allowed.error();
  auto people = People(request);
  if (!people) return people.error();
  std::optional<Certifier> certifier = CertifierOn(settings_.certifiers, viewer_.today);
  if (request.certifier && (!certifier || certifier->role != *request.certifier)) {
    // The other official, asked for by name of role: theirs must be registered for the day too.
    std::vector<Certifier> of_role;
    for (const Certifier& c : settings_.certifiers) {
      if (c.role == *request.certifier) of_role.push_back(c);
    }
    certifier = CertifierOn(of_role, viewer_.today);
  }
  if (!certifier && request.kind != CertificateKind::kInspection) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier",
                     ToIsoString(viewer_.today));
  }

  CertificatePlan plan;
  plan.kind = request.kind;
  plan.requester = request.requester;
  plan.items = *items;
  const bool removed_kind = request.kind == CertificateKind::kRemovedCopy ||
                            request.kind == CertificateKind::kRemovedItemCertificate;
  plan.household_form =
      !request.individual_sheet && !removed_kind && request.kind != CertificateKind::kInspection;
  plan.whole_household = request.whole_household;
  plan.with_history = request.with_history && !plan.household_form;
  plan.katagaki = !request.omit_katagaki;
  plan.furigana = request.furigana;
  plan.official_mark = request.requester == Requester::kOfficial &&
                       request.kind != CertificateKind::kMoveOut &&
                       request.kind != CertificateKind::kInspection;
  plan.people = std::move(*people);
  plan.issue_date = viewer_.today;
  plan.title = CertificateTitle(request.kind, request.whole_household, plan.household_form);
  // Each 個人票 is certified on its own (FillCertificate), as the person's 住民票, not the household's.
  plan.certification_text =
      CertificationText(request.kind, request.whole_household && plan.household_form);
  if (certifier) {
    plan.certifier_title = TitleWithPrefecture(certifier->title, settings_.municipality_code);
    plan.certifier_name = certifier->name;
    plan.acting = certifier->role == CertifierRole::kActing;
    if (plan.acting) {
      plan.acting_for =
          TitleWithPrefecture(settings_.municipality_name + "長", settings_.municipality_code) +
          "職務代理者";
    }
  }
  plan.seal = request.kind != CertificateKind::kInspection && request.seal;
  if (!request.seal) plan.seal_note = "公印省略";
  plan.seal_text = settings_.municipality_name + "長之印";
  plan.overflow = settings_.overflow;
  plan.number = IssueNumber{viewer_.today, settings_.municipality_name, settings_.terminal_name,
                            settings_.printer_name, 0};

  const ResidentRecord& first = plan.people.front().record;
  plan.household_address =
      plan.katagaki ? first.address.Printed() : first.address.text + first.address.banchi;
  for (const ResidentRecord& r : residents_.HouseholdLatest(first.household_number)) {
    if (r.is_head() &&
        (r.status == ResidentStatus::kResident || MoveOutPending(r, viewer_.today))) {
      plan.head_name = r.DisplayName();
      plan.head_addressee_number = r.addressee_number;
    }
  }
  // A household that moved out as a whole has no resident head any more: the mover who headed it.
  for (const PrintedPerson& p : plan.people) {
    if (plan.head_name.empty() && p.record.is_head()) {
      plan.head_name = p.record.DisplayName();
      plan.head_addressee_number = p.record.addressee_number;
    }
  }
  if (request.kind == CertificateKind::kInspection) {
    plan.list_condition =
        "対象地域: " + (request.area.empty() ? std::string("全域") : request.area) + "（" +
        (request.shuffle_seed ? "無作為順" : "住所順") + "・支援措置対象者を除く）";
  }
  if (request.kind == CertificateKind::kMoveOut) {
    std::vector<ResidentRecord> movers;
    for (const PrintedPerson& p : plan.people) movers.push_back(p.record);
    plan.move_out_data = MoveOutData(movers, settings_.municipality_code,
                                     settings_.municipality_name, viewer_.today);
    // A 特例転出 sent its information over CS; a certificate printed anyway says so.
    const auto history = residents_.History(movers.front().addressee_number);
    plan.special_move_out = !history.empty() && history.back().change.special;
  }
  return plan;
}

// IMP: JK-5.5, JK-1.3.8, JK-5.8, JK-8.1.1, JK-10.7
Result<IssuedCertificate> CertificateDesk::Issue(const CertificateRequest& request) {
  auto plan = Plan(request);
  if (!plan) {
    // A refusal before clearance is logged like any other (JK-10.2).
    if (plan.error().rule_id == rules::kAccessPermissionDenied ||
        plan.error().rule_id.starts_with("certificate.")) {
      AuditEvent denied =
          EventBy(viewer_, AuditAction::kDenied, std::string(CertificateKindNameJa(request.kind)));
      if (!request.person.empty()) denied.targets = {request.person};
      denied.outcome = plan.error().rule_id;
      log_.Record(denied);
    }
    return plan.error();
  }
  std::vector<std::string> targets;
  for (const PrintedPerson& p : plan->people) targets.push_back(p.record.addressee_number);
  const bool individual_number = plan->items.contains(OptionalItem::kIndividualNumber);
  const std::string function(CertificateKindNameJa(request.kind));
  if (Status cleared = ResidentAccess(residents_, log_, viewer_)
                           .ClearForIssue(targets, function, individual_number,
                                          request.acknowledged, ShownBy(*plan));
      !cleared) {
    return cleared.error();
  }

  // Lay out once before anything is recorded: what cannot print right stops here.
  const LayoutCheck check = renderer_.Check(*plan);
  std::string missing, overflow;
  for (const OverflowEntry& e : check.problems) {
    std::string& list = e.missing_glyph ? missing : overflow;
    if (!list.empty()) list += ", ";
    list += e.addressee_number + ":" + e.field;
  }
  if (!missing.empty())
    return MakeError(ErrorCode::kRuleViolation, "certificate.missing_glyph", missing);
  if (check.codes_too_large > 0) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.code_too_large",
                     std::to_string(check.codes_too_large));
  }
  if (!overflow.empty() && !Acknowledged(request.acknowledged, "certificate.overflow")) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.overflow", overflow);
  }

  IssuanceRecord record;
  record.issue_date = viewer_.today;
  record.place = viewer_.place;
  record.terminal = viewer_.terminal;
  record.printer = settings_.printer_name;
  record.operator_id = viewer_.operator_id;
  record.kind = request.kind;
  record.requester = request.requester;
  record.purpose = request.purpose;
  record.targets = targets;
  record.items = plan->items;
  // Each 個人票 is a certificate of its own (JK-5.5): one serial a person, copy by copy.
  const int per_copy = CertificatesPerCopy(*plan);
  record.copies = request.copies * per_copy;
  record.sheets = check.sheets;
  if (per_copy > 1) record.certificate_sheets = check.certificate_sheets;
  record.seal = plan->seal;
  record.individual_number = individual_number;
  record.number = plan->number;
  AuditEvent print_log = EventBy(viewer_, AuditAction::kIssue, function + "・印刷");
  print_log.targets = targets;
  print_log.individual_number = individual_number;
  print_log.detail = "copies=" + std::to_string(request.copies) +
                     " sheets=" + std::to_string(check.sheets) +
                     " seal=" + (plan->seal ? "1" : "0") + " output=pdf";
  IssuedCertificate issued;
  issued.record = issuance_.Record(std::move(record), std::move(print_log),
                                   [&](const IssuanceRecord& numbered) {
                                     std::vector<int> serials;
                                     for (int i = 0; i < numbered.copies; ++i)
                                       serials.push_back(numbered.number.serial + i);
                                     issued.pdf = renderer_.Render(*plan, serials);
                                   });
  issued.overflow = check.problems;
  issued.people = targets;
  return issued;
}

}  // namespace jrr
