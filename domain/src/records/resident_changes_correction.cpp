// SPDX-License-Identifier: Apache-2.0
//
// Removals and corrections: 死亡, 職権消除, 職権修正・誤記修正・軽微な修正 and the number reasons, 異動の取消し.
#include <algorithm>
#include <set>

#include "jrr/domain/records/resident_changes.h"
#include "records/change_engine.h"

namespace jrr {

using namespace change_engine;  // NOLINT: the engine is this file's vocabulary

// IMP: JK-4.2.2.1
Result<ChangeOutcome> ResidentChanges::Death(const DeathCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;  // on the 死亡届 notice from the 戸籍 side (JK-4.2.2.1)
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto person = engine.LoadMovers({c.addressee_number}, draft, household);
  if (!person) return person.error();
  ResidentRecord next = NextVersion(person->front());
  next.status = ResidentStatus::kRemoved;
  next.removal = RemovalItems{ChangeReason::kDeath, c.input.event_date, {}, {}, {}, {}};
  draft.versions.push_back(next);
  engine.HandleHeadLeaving(household, {c.addressee_number}, draft);
  return engine.Finish(draft, c.input, ChangeReason::kDeath);
}

Result<ChangeOutcome> ResidentChanges::ExOfficioRemoval(const ExOfficioRemovalCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto persons = engine.LoadMovers(c.persons, draft, household);
  if (!persons) return persons.error();
  for (const ResidentRecord& person : *persons) {
    ResidentRecord next = NextVersion(person);
    next.status = ResidentStatus::kRemoved;
    next.removal =
        RemovalItems{ChangeReason::kRemovalExOfficio, c.input.event_date, {}, {}, {}, {}};
    draft.versions.push_back(next);
  }
  engine.HandleHeadLeaving(household, std::set<std::string>(c.persons.begin(), c.persons.end()),
                           draft);
  return engine.Finish(draft, c.input, ChangeReason::kRemovalExOfficio);
}

// IMP: JK-4.2.3.1, JK-4.2.3.2, JK-4.2.3.3
Result<ChangeOutcome> ResidentChanges::Correction(const CorrectionCommand& c) {
  const bool number_reason = c.reason == ChangeReason::kIndividualNumberChangeRequest ||
                             c.reason == ChangeReason::kIndividualNumberCorrection ||
                             c.reason == ChangeReason::kIndividualNumberEntry ||
                             c.reason == ChangeReason::kResidentRecordCodeChangeRequest ||
                             c.reason == ChangeReason::kResidentRecordCodeEntry;
  if (c.reason != ChangeReason::kCorrectionExOfficio &&
      c.reason != ChangeReason::kClericalErrorCorrection &&
      c.reason != ChangeReason::kMinorCorrection && !number_reason) {
    return RuleError("change.reason_not_correction", "use 職権修正, 誤記修正 or 軽微な修正");
  }
  if (number_reason) {
    const bool individual = c.reason == ChangeReason::kIndividualNumberChangeRequest ||
                            c.reason == ChangeReason::kIndividualNumberCorrection ||
                            c.reason == ChangeReason::kIndividualNumberEntry;
    const bool only_that_number =
        (individual ? c.individual_number.has_value() && !c.resident_record_code
                    : c.resident_record_code.has_value() && !c.individual_number) &&
        !c.family_name && !c.given_name && !c.family_kana && !c.given_kana && !c.kana_confirmed &&
        !c.birth_date && !c.sex && !c.domicile && !c.on_electoral_roll && !c.adult_ward &&
        !c.national_health && !c.late_elderly && !c.long_term_care && !c.pension &&
        !c.child_allowance_start && !c.child_allowance_end && !c.foreign;
    if (!only_that_number) {
      return RuleError("change.number_reason_mismatch", "a number reason changes that number only");
    }
  }
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  auto person = engine.LoadResident(c.addressee_number, draft);
  if (!person) return person.error();
  ResidentRecord next = NextVersion(*person);
  if (c.family_name) next.family_name = *c.family_name;
  if (c.given_name) next.given_name = *c.given_name;
  if (c.family_kana) next.family_kana = *c.family_kana;
  if (c.given_kana) next.given_kana = *c.given_kana;
  if (c.kana_confirmed) next.kana_confirmed = *c.kana_confirmed;
  if (c.birth_date) next.birth_date = *c.birth_date;
  if (c.sex) next.sex = *c.sex;
  if (c.domicile) next.domicile = *c.domicile;
  if (c.individual_number) next.individual_number = *c.individual_number;
  if (c.resident_record_code) {
    // 住民票コードの変更請求 without a code given: a new one is drawn from the pool (JK-4.3.1).
    next.resident_record_code = c.resident_record_code->empty() &&
                                        c.reason == ChangeReason::kResidentRecordCodeChangeRequest
                                    ? std::string(kDrawResidentRecordCode)
                                    : *c.resident_record_code;
  }
  if (c.on_electoral_roll) next.on_electoral_roll = *c.on_electoral_roll;
  if (c.adult_ward) next.adult_ward = *c.adult_ward;
  if (c.national_health) next.national_health = *c.national_health;
  if (c.late_elderly) next.late_elderly = *c.late_elderly;
  if (c.long_term_care) next.long_term_care = *c.long_term_care;
  if (c.pension) next.pension = *c.pension;
  if (c.child_allowance_start) next.child_allowance_start = *c.child_allowance_start;
  if (c.child_allowance_end) next.child_allowance_end = *c.child_allowance_end;
  if (c.foreign) {
    if (person->kind != ResidentKind::kForeign) {
      return RuleError("record.foreign_items_not_allowed", "foreign items on a Japanese record");
    }
    next.foreign = *c.foreign;
  }
  ResidentRecord unchanged = next;
  unchanged.history_number = person->history_number;
  if (unchanged == *person) return RuleError("change.nothing_to_correct", "no item changes");
  draft.versions.push_back(next);
  return engine.Finish(draft, c.input, c.reason);
}

// IMP: JK-4.6.0.1, JK-4.6.1.1
Result<ChangeOutcome> ResidentChanges::Cancellation(const CancellationCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  const auto cancelled = repository_.Change(c.change_id);
  if (!cancelled) {
    return MakeError(ErrorCode::kNotFound, "change.cancel_unknown_change",
                     std::to_string(c.change_id));
  }
  draft.change.supersedes_change_id = c.change_id;
  const auto written = repository_.VersionsOfChange(c.change_id);
  std::vector<ResidentRecord> targets;
  for (const ResidentRecord& v : written) {
    if (c.persons.empty() ||
        std::find(c.persons.begin(), c.persons.end(), v.addressee_number) != c.persons.end()) {
      // Several versions of one person in one 異動 (帰化): undo from the last one.
      auto same = std::find_if(targets.begin(), targets.end(), [&](const ResidentRecord& t) {
        return t.addressee_number == v.addressee_number;
      });
      if (same == targets.end())
        targets.push_back(v);
      else if (same->history_number < v.history_number)
        *same = v;
    }
  }
  if (targets.empty()) return RuleError("change.no_movers", "nobody of that 異動 selected");
  for (const std::string& atena : c.persons) {
    if (std::none_of(targets.begin(), targets.end(),
                     [&](const ResidentRecord& t) { return t.addressee_number == atena; })) {
      return RuleError("change.cancel_person_not_in_change", atena);
    }
  }
  std::map<std::string, std::vector<ResidentRecord>> arriving_by_household;
  for (const ResidentRecord& target : targets) {
    const auto latest = repository_.Latest(target.addressee_number);
    draft.Read(*latest);
    if (latest->history_number != target.history_number) {
      return RuleError(
          "change.cancel_not_latest",
          target.addressee_number + " changed after that 異動; cancel later 異動 first");
    }
    // The state before the 異動: the first version that 異動 did not write.
    int before = target.history_number - 1;
    while (before >= 1) {
      const auto v = repository_.Version(target.addressee_number, before);
      if (v && std::none_of(written.begin(), written.end(), [&](const ResidentRecord& w) {
            return w.addressee_number == v->addressee_number &&
                   w.history_number == v->history_number;
          })) {
        break;
      }
      --before;
    }
    ResidentRecord next;
    if (before >= 1) {
      next = *repository_.Version(target.addressee_number, before);
    } else {
      // The 異動 entered the person: cancelling it removes them.
      next = *latest;
      next.status = ResidentStatus::kRemoved;
      next.removal =
          RemovalItems{ChangeReason::kRemovalCancellation, c.input.event_date, {}, {}, {}, {}};
    }
    next.history_number = latest->history_number + 1;
    if (next.status == ResidentStatus::kResident) {
      arriving_by_household[next.household_number].push_back(next);
    }
    draft.versions.push_back(next);
  }
  for (const auto& [household_number, arriving] : arriving_by_household) {
    std::vector<ResidentRecord> staying;
    for (const ResidentRecord& m : engine.LoadHousehold(household_number, draft)) {
      if (std::none_of(arriving.begin(), arriving.end(), [&](const ResidentRecord& a) {
            return a.addressee_number == m.addressee_number;
          })) {
        staying.push_back(m);
      }
    }
    if (auto ok = engine.CheckOneHead(staying, arriving); !ok) return ok.error();
  }
  const ReasonGroup group = InfoOf(cancelled->reason).group;
  const ChangeReason reason = group == ReasonGroup::kEntry ? ChangeReason::kRemovalCancellation
                              : group == ReasonGroup::kRemoval
                                  ? ChangeReason::kEntryCancellation
                                  : ChangeReason::kCorrectionCancellation;
  ChangeInput input = c.input;
  if (input.note.empty()) input.note = "異動 " + std::to_string(c.change_id) + " の取消し";
  return engine.Finish(draft, input, reason);
}

// IMP: JK-1.1.4
Result<ChangeOutcome> ResidentChanges::Remaking(const RemakingCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;  // the municipality's own act
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto persons = engine.LoadMovers(c.persons, draft, household);
  if (!persons) return persons.error();
  // Every item carries over unchanged: only the 原票 is new.
  for (const ResidentRecord& person : *persons) draft.versions.push_back(NextVersion(person));
  return engine.Finish(draft, c.input, ChangeReason::kEntryRemaking);
}

Result<ChangeOutcome> ResidentChanges::AddressRenaming(const AddressRenamingCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio =
      true;  // 規則第11条第3項第2号: the municipality corrects, nobody notifies
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  // A 転出予定者 still belongs to the household (a 除票 whose 転出予定日 has not come).
  for (const ResidentRecord& m : repository_.HouseholdLatest(c.household_number)) {
    if (MoveOutPending(m, context_.today)) {
      return RuleError("bulk.moving_out", m.addressee_number + " has a 転出 still ahead");
    }
  }
  const auto household = engine.LoadHousehold(c.household_number, draft);
  auto same_place = [](const Address& a, const Address& b) {
    return a.text == b.text && a.banchi == b.banchi;
  };
  std::vector<const ResidentRecord*> living;
  for (const ResidentRecord& m : household) living.push_back(&m);
  if (living.empty())
    return MakeError(ErrorCode::kNotFound, "change.household_not_found", c.household_number);
  auto after = Resolve(c.after);
  if (!after) return after.error();
  if (same_place(*after, c.before))
    return RuleError("change.nothing_to_correct", "the new address is the old one");
  for (const ResidentRecord* m : living) {
    if (!same_place(m->address, c.before)) {
      return RuleError("bulk.address_mismatch",
                       m->addressee_number + " lives at " + m->address.Printed());
    }
    ResidentRecord next = NextVersion(*m);
    const std::string katagaki = m->address.katagaki;
    next.address = *after;
    if (next.address.katagaki.empty()) next.address.katagaki = katagaki;
    draft.versions.push_back(next);
  }
  ChangeInput input = c.input;
  const std::string cause = c.cause.empty() ? std::string("住所の変更") : c.cause;
  input.note = input.note.empty() ? cause : cause + "。" + input.note;
  return engine.Finish(draft, input, ChangeReason::kMinorCorrection);
}

Result<ChangeOutcome> ResidentChanges::DomicileRenaming(const DomicileRenamingCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  auto person = engine.LoadResident(c.addressee_number, draft);
  if (!person) return person.error();
  if (person->kind != ResidentKind::kJapanese ||
      person->domicile.state != Domicile::State::kRecorded) {
    return RuleError("record.domicile_required", c.addressee_number + " has no 本籍 to rename");
  }
  if (person->domicile.place != c.before) {
    return RuleError("bulk.domicile_mismatch",
                     c.addressee_number + "'s 本籍 is " + person->domicile.place);
  }
  if (c.after.empty() || c.after == c.before)
    return RuleError("change.nothing_to_correct", "the new 本籍 is the old one");
  ResidentRecord next = NextVersion(*person);
  next.domicile.place = c.after;
  draft.versions.push_back(next);
  ChangeInput input = c.input;
  const std::string cause = c.cause.empty() ? std::string("本籍の変更") : c.cause;
  input.note = input.note.empty() ? cause : cause + "。" + input.note;
  return engine.Finish(draft, input, ChangeReason::kCorrectionExOfficio);
}

}  // namespace jrr
