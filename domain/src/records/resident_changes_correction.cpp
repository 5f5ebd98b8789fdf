// SPDX-License-Identifier: Apache-2.0
//
// Removals and corrections: 死亡, 職権消除, 職権修正・誤記修正・軽微な修正 and the number reasons, 異動の取消し.
#include <algorithm>
#include <set>

#include "jrr/domain/records/record_items.h"
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

// IMP: JK-4.2.2.2, JK-4.5.6
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

// IMP: JK-4.2.3.1, JK-4.2.3.2, JK-4.2.3.3, JK-4.2.0.3, JK-4.3.2, JK-4.4, JK-4.5.6, JK-7.2.2, JK-9.4
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
  // A reading the 戸籍 confirmed stays confirmed only as it was: a new reading is unconfirmed
  // (and no longer printed as the 氏名の振り仮名) unless this correction confirms it too.
  if (next.family_kana != person->family_kana || next.given_kana != person->given_kana)
    next.kana_confirmed = false;
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

namespace {

// `target` as a later 転入通知の受理 left it: the 転入通知 only completes the 転出 it confirms
// (JK-4.1.3.0.2), so cancelling that 転出 takes the confirmation with it (JK-4.6.0.1: no アラート
// and no refusal for a 転出 whose 転入通知 has come).
ResidentRecord WithMoveInNotice(ResidentRecord target, const ResidentRecord& latest) {
  if (target.status != latest.status || !target.removal || !latest.removal ||
      target.removal->reason != latest.removal->reason) {
    return target;
  }
  target.removal->confirmed_destination = latest.removal->confirmed_destination;
  target.removal->move_in_notice_date = latest.removal->move_in_notice_date;
  target.removal->confirmed_move_out_date = latest.removal->confirmed_move_out_date;
  return target;
}

// What the 異動 that wrote `target` changed (from `before`) is put back on `latest`; what later
// 異動 changed stays. An item that a later 異動 changed again cannot be put back without undoing
// that one: refused, naming the item.
Result<ResidentRecord> UndoChange(const ResidentRecord& before, const ResidentRecord& target,
                                  const ResidentRecord& latest) {
  if (latest.history_number == target.history_number) return before;
  ResidentRecord next = latest;
  const ResidentRecord confirmed = WithMoveInNotice(target, latest);
  for (const RecordItem& item : RecordItems()) {
    if (item.same(target, before)) continue;
    if (!item.same(latest, target) && !item.same(latest, confirmed)) {
      return RuleError("change.cancel_item_changed_later",
                       target.addressee_number + ": " + std::string(item.name_ja));
    }
    item.copy(next, before);
  }
  return next;
}

// JK-4.6.0.1: a person a 取消し puts back at an earlier address goes back to their former household
// where it still lives at that address (the part that stayed, if it split); if it moved away or
// out entirely, they form a new household at that address. Everyone else keeps their household.
Status PlaceReturningPeople(ResidentRepository& repository, Engine& engine, Draft& draft,
                            const std::map<std::string, RelationshipToHead>& relationships) {
  std::map<std::string, std::vector<ResidentRecord*>> returning;  // by former household
  std::set<std::string> cancelled;
  for (ResidentRecord& next : draft.versions) {
    cancelled.insert(next.addressee_number);
    const auto latest = repository.Latest(next.addressee_number);
    if (next.status != ResidentStatus::kResident) continue;
    if (latest->status == ResidentStatus::kResident &&
        latest->household_number == next.household_number && latest->address == next.address) {
      continue;  // not moving: a correction or the like is undone in place
    }
    returning[next.household_number].push_back(&next);
  }
  for (auto& entry : returning) {
    // Named, not a structured binding: clang 14 cannot capture one in the lambda below.
    const std::string& household_number = entry.first;
    std::vector<ResidentRecord*>& people = entry.second;
    std::vector<ResidentRecord> staying;
    for (const ResidentRecord& m : engine.LoadHousehold(household_number, draft)) {
      if (!cancelled.contains(m.addressee_number)) staying.push_back(m);
    }
    const Address& address = people.front()->address;
    const bool all_here_now = std::all_of(people.begin(), people.end(), [&](const auto* p) {
      return repository.Latest(p->addressee_number)->household_number == household_number;
    });
    const bool household_stayed =
        staying.empty() ? all_here_now
                        : std::all_of(staying.begin(), staying.end(), [&](const ResidentRecord& m) {
                            return m.address == address;
                          });
    std::vector<ResidentRecord> arriving;
    if (household_stayed) {
      for (const ResidentRecord* p : people) arriving.push_back(*p);
      if (auto ok = engine.CheckOneHead(staying, arriving); !ok) return ok.error();
      continue;
    }
    // The former household is gone from that address: a new one there.
    for (ResidentRecord* p : people) {
      p->household_number = NewHouseholdId();
      if (auto given = relationships.find(p->addressee_number); given != relationships.end()) {
        p->relationship = given->second;
      } else if (people.size() == 1) {
        p->relationship = RelationshipToHead{};  // alone: 世帯主
      } else if (!p->is_head()) {
        return RuleError("change.relationship_required",
                         "no 続柄 in the new household for " + p->addressee_number);
      }
      arriving.push_back(*p);
    }
    if (auto ok = engine.CheckOneHead({}, arriving); !ok) return ok.error();
  }
  return {};
}

}  // namespace

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
  for (const ResidentRecord& target : targets) {
    const auto latest = repository_.Latest(target.addressee_number);
    draft.Read(*latest);
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
    if (before < 1) {
      // The 異動 entered the person: cancelling it removes them (異動取消（減）).
      next = *latest;
      next.status = ResidentStatus::kRemoved;
      next.removal =
          RemovalItems{ChangeReason::kRemovalCancellation, c.input.event_date, {}, {}, {}, {}};
    } else {
      auto undone =
          UndoChange(*repository_.Version(target.addressee_number, before), target, *latest);
      if (!undone) return undone.error();
      next = *undone;
    }
    next.history_number = latest->history_number + 1;
    draft.versions.push_back(next);
  }
  if (auto placed = PlaceReturningPeople(repository_, engine, draft, c.relationships); !placed) {
    return placed.error();
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

// IMP: JK-9.7
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
  // The same place with another 方書 is a correction too: the apartment house was renamed.
  if (same_place(*after, c.before) &&
      (after->katagaki.empty() ||
       std::all_of(living.begin(), living.end(), [&](const ResidentRecord* m) {
         return m->address.katagaki == after->katagaki;
       })))
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

// IMP: JK-9.7
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
