// SPDX-License-Identifier: Apache-2.0
//
// Entries into the register: 転入 (incl. 職権記載 and 再転入), 出生, 帰化・国籍取得・国籍喪失, 旧氏・通称.
#include <algorithm>
#include <set>

#include "jrr/domain/records/resident_changes.h"
#include "records/change_engine.h"

namespace jrr {

using namespace change_engine;  // NOLINT: the engine is this file's vocabulary

// IMP: JK-4.1.1.1, JK-4.1.1.3, JK-4.1.1.2, JK-4.1.1.4, JK-4.2.1.1, JK-4.5.1, JK-4.5.2
Result<ChangeOutcome> ResidentChanges::MoveIn(const MoveInCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  const DateKind date_kind = c.ex_officio_entry ? DateKind::kExOfficio : DateKind::kNotified;
  if (auto ok = CheckDates(c.input, context_, date_kind, draft); !ok) return ok.error();
  if (c.persons.empty()) return RuleError("change.no_movers", "no person to enter");
  if (!c.move_out_information.empty()) {
    // 特例転入: a move from another municipality in Japan, on a 届出.
    if (c.from_abroad || c.ex_officio_entry || c.previous_address.abroad) {
      return RuleError("change.special_abroad", "特例転入 is a 国内転入 on a 届出");
    }
    draft.change.special = true;
    draft.change.move_out_information = c.move_out_information;
  }
  // 未届転入 (JK-4.1.1.4): the latest unnotified address, marked as such, and a 留意事項.
  Address previous = c.previous_address;
  ChangeInput input = c.input;
  if (c.unreported) {
    if (previous.empty() || previous.abroad) {
      return RuleError("change.unreported_needs_address",
                       "未届転入 needs the latest unnotified address in Japan");
    }
    constexpr std::string_view kMark = "（未届）";
    const std::string target =
        previous.katagaki.empty() ? (previous.banchi.empty() ? "text" : "banchi") : "katagaki";
    std::string& last = target == "text"     ? previous.text
                        : target == "banchi" ? previous.banchi
                                             : previous.katagaki;
    if (!previous.Printed().ends_with(kMark)) last += kMark;
    std::string note = "未届転入。転入前住所（未届）: " + previous.Printed();
    for (const NewPerson& p : c.persons) {
      if (!p.last_registered_address.empty()) {
        note += "。最終登録住所地: " + p.last_registered_address;
        break;
      }
    }
    input.note = input.note.empty() ? note : note + "。" + input.note;
  }
  std::vector<ResidentRecord> destination;
  std::string household_number;
  Address address;
  if (c.join_household) {
    destination = engine.LoadHousehold(*c.join_household, draft);
    if (destination.empty()) {
      return MakeError(ErrorCode::kNotFound, "change.household_not_found", *c.join_household);
    }
    household_number = *c.join_household;
    address = destination.front().address;
  } else {
    if (!c.new_address || c.new_address->empty()) {
      return RuleError("record.address_required", "a new household needs an address");
    }
    household_number = NewHouseholdId();
    auto resolved = Resolve(*c.new_address);
    if (!resolved) return resolved.error();
    address = *resolved;
  }
  std::vector<ResidentRecord> arriving;
  for (std::size_t i = 0; i < c.persons.size(); ++i) {
    ResidentRecord person = c.persons[i];
    const auto returning = c.returning.find(i);
    if (returning != c.returning.end()) {
      auto former = repository_.Latest(returning->second);
      if (!former)
        return MakeError(ErrorCode::kNotFound, "change.person_not_found", returning->second);
      if (former->status != ResidentStatus::kRemoved) {
        return RuleError("change.not_removed", returning->second + " is a current resident");
      }
      draft.Read(*former);
      person.addressee_number = former->addressee_number;
      person.history_number = former->history_number + 1;
      if (person.resident_record_code.empty())
        person.resident_record_code = former->resident_record_code;
      if (person.individual_number.empty()) person.individual_number = former->individual_number;
      const bool back_from_abroad = c.from_abroad && former->removal &&
                                    former->removal->reason == ChangeReason::kMoveOutAbroad;
      if (back_from_abroad && person.former_surname.empty()) {
        person.former_surname = former->former_surname;
        person.former_surname_kana = former->former_surname_kana;
      }
      if (back_from_abroad && person.common_name.empty()) {
        person.common_name = former->common_name;
        person.common_name_kana = former->common_name_kana;
      }
    } else {
      if (auto ok = CheckNotReturning(repository_, person, draft); !ok) return ok.error();
      person.addressee_number = NewPersonId(i);
      person.history_number = 1;
    }
    person.household_number = household_number;
    person.status = ResidentStatus::kResident;
    person.removal.reset();
    person.address = address;
    person.resident_since = c.input.event_date;
    person.address_since = c.input.event_date;
    person.notification_date = c.input.notification_date;
    person.previous_address = previous;
    // 法第30条の46: a foreign resident coming from abroad becomes one on the day of the 転入. From
    // elsewhere in Japan the date is the 転出証明書's, which the clerk enters (JK-1.1.6 requires it).
    if (person.kind == ResidentKind::kForeign && c.from_abroad &&
        !person.foreign.foreign_resident_since) {
      person.foreign.foreign_resident_since = c.input.event_date;
    }
    if (person.resident_record_code.empty()) person.resident_record_code = kDrawResidentRecordCode;
    arriving.push_back(person);
  }
  if (auto ok = engine.CheckOneHead(destination, arriving); !ok) return ok.error();
  draft.versions = arriving;
  if (c.ex_officio_entry) {
    draft.change.ex_officio = true;
    return engine.Finish(draft, input, ChangeReason::kEntryExOfficio);
  }
  return engine.Finish(
      draft, input,
      c.from_abroad ? ChangeReason::kMoveInFromAbroad : ChangeReason::kDomesticMoveIn);
}

// IMP: JK-4.2.1.2
Result<ChangeOutcome> ResidentChanges::Birth(const BirthCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;  // 出生 is entered on the 戸籍 notification (JK-4.2.1.2)
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  auto household = engine.LoadHousehold(c.household_number, draft);
  if (household.empty()) {
    return MakeError(ErrorCode::kNotFound, "change.household_not_found", c.household_number);
  }
  ResidentRecord child = c.child;
  child.addressee_number = NewPersonId(0);
  child.history_number = 1;
  child.household_number = c.household_number;
  child.status = ResidentStatus::kResident;
  child.removal.reset();
  child.birth_date = c.input.event_date;
  child.address = household.front().address;
  child.resident_since = c.input.event_date;
  child.address_since = c.input.event_date;
  child.notification_date = c.input.notification_date;
  child.previous_address = Address{};
  if (child.resident_record_code.empty()) child.resident_record_code = kDrawResidentRecordCode;
  if (auto ok = engine.CheckOneHead(household, {child}); !ok) return ok.error();
  draft.versions.push_back(child);
  return engine.Finish(draft, c.input, ChangeReason::kBirth);
}

// IMP: JK-4.5.3, JK-4.5.4, JK-4.5.5
Result<ChangeOutcome> ResidentChanges::NationalityChange(const NationalityChangeCommand& c) {
  using Kind = NationalityChangeCommand::Kind;
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  auto person = engine.LoadResident(c.addressee_number, draft);
  if (!person) return person.error();
  const bool to_japanese = c.kind != Kind::kLoss;
  if ((person->kind == ResidentKind::kJapanese) == to_japanese) {
    return RuleError("change.nationality_kind_mismatch",
                     to_japanese ? "already a Japanese resident" : "already a foreign resident");
  }
  // The record of the old kind becomes a 除票 …
  ResidentRecord removed = NextVersion(*person);
  removed.status = ResidentStatus::kRemoved;
  removed.removal = RemovalItems{
      to_japanese ? ChangeReason::kRemovalNaturalisation : ChangeReason::kRemovalLossOfNationality,
      c.input.event_date,
      {},
      {},
      {},
      {}};
  // … and a record of the new kind is entered with the items that carry over.
  ResidentRecord entered = NextVersion(removed);
  entered.status = ResidentStatus::kResident;
  entered.removal.reset();
  entered.kind = to_japanese ? ResidentKind::kJapanese : ResidentKind::kForeign;
  entered.former_surname.clear();
  entered.former_surname_kana.clear();
  entered.common_name.clear();
  entered.common_name_kana.clear();
  if (to_japanese) {
    entered.family_name = c.family_name;
    entered.given_name = c.given_name;
    entered.family_kana = c.family_kana;
    entered.given_kana = c.given_kana;
    entered.domicile = c.domicile;
    // 外国人住民となった年月日 becomes 住民となった年月日 (JK-4.5.3).
    if (person->foreign.foreign_resident_since) {
      entered.resident_since = person->foreign.foreign_resident_since;
    }
    entered.foreign = ForeignResidentItems{};
  } else {
    entered.foreign = c.foreign;
    entered.domicile = Domicile{Domicile::State::kNone, "", ""};
    entered.family_kana.clear();
    entered.given_kana.clear();
    entered.kana_confirmed = false;  // a foreign resident has no statutory 振り仮名
    // 外国人住民となった年月日: the later of the loss and becoming a resident (JK-4.5.5).
    if (!entered.foreign.foreign_resident_since) {
      const auto since =
          person->resident_since ? person->resident_since->InternalDate() : std::nullopt;
      const auto lost = c.input.event_date.InternalDate();
      entered.foreign.foreign_resident_since =
          since && lost && *lost < *since ? *person->resident_since : c.input.event_date;
    }
  }
  draft.versions.push_back(removed);
  draft.versions.push_back(entered);
  const ChangeReason reason =
      to_japanese ? ChangeReason::kEntryNaturalisation : ChangeReason::kEntryLossOfNationality;
  return engine.Finish(draft, c.input, reason);
}

// IMP: JK-1.1.7
Result<ChangeOutcome> ResidentChanges::NameItem(const NameItemCommand& c) {
  using Kind = NameItemCommand::Kind;
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  auto person = engine.LoadResident(c.addressee_number, draft);
  if (!person) return person.error();
  const bool former = c.kind == Kind::kFormerSurnameEntry || c.kind == Kind::kFormerSurnameChange ||
                      c.kind == Kind::kFormerSurnameDeletion;
  if (former != (person->kind == ResidentKind::kJapanese)) {
    return RuleError(former ? "change.former_surname_japanese_only" : "record.common_name_japanese",
                     "旧氏 is for Japanese residents, 通称 for foreign residents");
  }
  ResidentRecord next = NextVersion(*person);
  std::string& name = former ? next.former_surname : next.common_name;
  std::string& kana = former ? next.former_surname_kana : next.common_name_kana;
  const bool deletion =
      c.kind == Kind::kFormerSurnameDeletion || c.kind == Kind::kCommonNameDeletion;
  const bool entry = c.kind == Kind::kFormerSurnameEntry || c.kind == Kind::kCommonNameEntry;
  if (deletion) {
    if (name.empty()) return RuleError("change.name_item_absent", "nothing to delete");
    name.clear();
    kana.clear();
  } else {
    if (c.name.empty()) return RuleError("change.name_item_required", "the name is blank");
    if (entry && !name.empty()) return RuleError("change.name_item_present", "already recorded");
    if (!entry && name.empty()) return RuleError("change.name_item_absent", "nothing to change");
    name = c.name;
    kana = c.kana;
  }
  draft.versions.push_back(next);
  static constexpr ChangeReason kReasons[] = {
      ChangeReason::kFormerSurnameEntry, ChangeReason::kFormerSurnameChange,
      ChangeReason::kFormerSurnameDeletion, ChangeReason::kCommonNameEntry,
      ChangeReason::kCommonNameDeletion};
  return engine.Finish(draft, c.input, kReasons[static_cast<int>(c.kind)]);
}

}  // namespace jrr
