// SPDX-License-Identifier: Apache-2.0
//
// Moves and households: 転居, 転出 and its amendment, 転入通知の受理, 世帯主変更, 世帯分離, 世帯合併・世帯変更.
#include <algorithm>
#include <set>

#include "jrr/domain/core/place_names.h"
#include "jrr/domain/records/resident_changes.h"
#include "records/change_engine.h"

namespace jrr {

using namespace change_engine;  // NOLINT: the engine is this file's vocabulary

// IMP: JK-4.1.2.1, JK-4.0.2
Result<ChangeOutcome> ResidentChanges::WithinMove(const WithinMoveCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kNotified, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto movers = engine.LoadMovers(c.movers, draft, household);
  if (!movers) return movers.error();
  const std::set<std::string> leaving(c.movers.begin(), c.movers.end());
  const bool whole_household = leaving.size() == household.size();

  std::vector<ResidentRecord> destination;
  std::string household_number;
  Address address = c.new_address;
  if (c.join_household) {
    if (*c.join_household == movers->front().household_number) {
      return RuleError("change.same_household", "already in that household");
    }
    destination = engine.LoadHousehold(*c.join_household, draft);
    if (destination.empty()) {
      return MakeError(ErrorCode::kNotFound, "change.household_not_found", *c.join_household);
    }
    household_number = *c.join_household;
    address = destination.front().address;
  } else {
    if (address.empty()) return RuleError("record.address_required", "転居先 is blank");
    auto resolved = Resolve(address);
    if (!resolved) return resolved.error();
    address = *resolved;
    if (address == movers->front().address) {
      return RuleError("change.same_address", "the address and 方書 are unchanged");
    }
    // 全部転居 keeps the household; 一部転居 forms a new one.
    household_number = whole_household ? movers->front().household_number : NewHouseholdId();
  }
  std::vector<ResidentRecord> arriving;
  for (const ResidentRecord& mover : *movers) {
    ResidentRecord next = NextVersion(mover);
    next.household_number = household_number;
    next.address = address;
    next.address_since = c.input.event_date;
    // The 住民票's 届出の年月日 is that of the notice of the address now recorded (住基法第7条).
    next.notification_date = c.input.notification_date;
    if (!whole_household || c.join_household) {
      auto relationship = RelationshipFor(c.relationships, mover.addressee_number);
      if (!relationship) return relationship.error();
      next.relationship = *relationship;
    } else if (auto found = c.relationships.find(mover.addressee_number);
               found != c.relationships.end()) {
      next.relationship = found->second;
    }
    arriving.push_back(next);
  }
  if (auto ok = engine.CheckOneHead(destination, arriving); !ok) return ok.error();
  if (!whole_household || c.join_household) engine.HandleHeadLeaving(household, leaving, draft);
  draft.versions.insert(draft.versions.begin(), arriving.begin(), arriving.end());
  return engine.Finish(draft, c.input, ChangeReason::kWithinMove);
}

// IMP: JK-4.1.3.0.1, JK-4.1.3.0.2, JK-4.1.3.0.4, JK-4.0.2
Result<ChangeOutcome> ResidentChanges::MoveOut(const MoveOutCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kMoveOut, draft); !ok) return ok.error();
  if (c.destination.empty()) return RuleError("change.destination_required", "転出先 is blank");
  std::vector<ResidentRecord> household;
  auto movers = engine.LoadMovers(c.movers, draft, household);
  if (!movers) return movers.error();
  const ChangeReason reason =
      c.destination.abroad ? ChangeReason::kMoveOutAbroad : ChangeReason::kDomesticMoveOut;
  if (c.special) {
    if (c.destination.abroad)
      return RuleError("change.special_abroad", "特例転出 is for a 転出先 in Japan");
    if (MunicipalityOfPlace(c.destination.text).empty()) {
      return RuleError("change.special_destination_unknown",
                       "the 転出先 names no 都道府県 and 市区町村");
    }
    draft.change.special = true;
  }
  for (const ResidentRecord& mover : *movers) {
    ResidentRecord next = NextVersion(mover);
    next.status = ResidentStatus::kRemoved;
    next.removal = RemovalItems{reason, c.input.event_date, c.destination, {}, {}, {}};
    draft.versions.push_back(next);
  }
  engine.HandleHeadLeaving(household, std::set<std::string>(c.movers.begin(), c.movers.end()),
                           draft);
  return engine.Finish(draft, c.input, reason);
}

Result<ChangeOutcome> ResidentChanges::MoveOutAmendment(const MoveOutAmendmentCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kMoveOut, draft); !ok) return ok.error();
  if (c.persons.empty()) return RuleError("change.no_movers", "no person named");
  for (const std::string& atena : c.persons) {
    auto latest = engine.LoadAwaitingNotice(
        atena, {ChangeReason::kDomesticMoveOut, ChangeReason::kMoveOutAbroad}, draft);
    if (!latest) return latest.error();
    const auto history = repository_.History(atena);
    const int64_t amended = history.back().change.change_id;
    if (draft.change.supersedes_change_id && *draft.change.supersedes_change_id != amended) {
      return RuleError("change.movers_span_households", "persons of different 転出 異動");
    }
    draft.change.supersedes_change_id = amended;
    ResidentRecord next = NextVersion(*latest);
    next.removal->effective = c.input.event_date;
    if (c.destination) {
      if (c.destination->empty())
        return RuleError("change.destination_required", "転出先 is blank");
      next.removal->planned_destination = *c.destination;
      next.removal->reason =
          c.destination->abroad ? ChangeReason::kMoveOutAbroad : ChangeReason::kDomesticMoveOut;
    }
    ResidentRecord unchanged = next;
    unchanged.history_number = latest->history_number;
    if (unchanged == *latest) return RuleError("change.nothing_to_correct", "no item changes");
    draft.versions.push_back(next);
  }
  ChangeInput input = c.input;
  if (input.note.empty()) input.note = "転出の変更";
  return engine.Finish(draft, input, ChangeReason::kCorrectionExOfficio);
}

// IMP: JK-4.1.3.1.1, JK-1.1.5, JK-4.1.3.1.3
Result<ChangeOutcome> ResidentChanges::MoveInNotice(const MoveInNoticeCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (!c.input.notification_date) {
    return RuleError("change.notice_date_required", "転入通知日 is required");
  }
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  if (c.persons.empty()) return RuleError("change.no_movers", "no person named");
  if (c.confirmed_destination.empty()) {
    return RuleError("change.destination_required", "転出先住所（確定） is blank");
  }
  const auto moved_on = c.input.event_date.ExactDate();
  if (!moved_on)
    return RuleError("change.event_date_not_a_day", "転出年月日（確定） must be a day");
  for (const std::string& atena : c.persons) {
    // JK-4.1.3.1.1: after a 転出, or after a 職権消除 (実態調査) of someone who had moved away.
    auto latest = engine.LoadAwaitingNotice(
        atena, {ChangeReason::kDomesticMoveOut, ChangeReason::kRemovalExOfficio}, draft);
    if (!latest) return latest.error();
    ResidentRecord next = NextVersion(*latest);
    next.removal->confirmed_destination = c.confirmed_destination;
    next.removal->confirmed_move_out_date = *moved_on;
    next.removal->move_in_notice_date = c.input.notification_date;
    // JK-1.1.5: the removal counts from the earlier of the planned day and the move-in day.
    const auto planned = latest->removal->effective.InternalDate();
    if (latest->removal->reason == ChangeReason::kDomesticMoveOut && planned &&
        *moved_on < *planned) {
      next.removal->effective = c.input.event_date;
    }
    draft.versions.push_back(next);
  }
  // JK-1.2.2 has no reason of its own for recording the notice on the 除票: it is a 職権修正 of
  // the 除票 items, noted as such.
  ChangeInput input = c.input;
  if (input.note.empty()) input.note = "転入通知受理";
  return engine.Finish(draft, input, ChangeReason::kCorrectionExOfficio);
}

// IMP: JK-4.1.4.1, JK-4.1.4.2
Result<ChangeOutcome> ResidentChanges::HeadOfHouseholdChange(
    const HeadOfHouseholdChangeCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kNotified, draft); !ok) return ok.error();
  auto household = engine.LoadHousehold(c.household_number, draft);
  if (household.empty()) {
    return MakeError(ErrorCode::kNotFound, "change.household_not_found", c.household_number);
  }
  bool found = false;
  for (const ResidentRecord& m : household) found = found || m.addressee_number == c.new_head;
  if (!found) return RuleError("change.not_a_member", "the new 世帯主 is not in the household");
  for (const ResidentRecord& m : household) {
    ResidentRecord next = NextVersion(m);
    if (m.addressee_number == c.new_head) {
      if (m.is_head()) return RuleError("change.already_head", "already the 世帯主");
      next.relationship = RelationshipToHead{};
    } else if (auto relationship = c.relationships.find(m.addressee_number);
               relationship != c.relationships.end()) {
      next.relationship = relationship->second;
    } else if (m.is_head()) {
      return RuleError("change.relationship_required", "the former 世帯主 needs a 続柄");
    } else {
      continue;  // 続柄 unchanged: no new version
    }
    if (next.relationship.kind == RelationshipKind::kHead && m.addressee_number != c.new_head) {
      return RuleError("household.multiple_heads", "only the new 世帯主 may be 世帯主");
    }
    draft.versions.push_back(next);
  }
  return engine.Finish(draft, c.input, ChangeReason::kHeadOfHouseholdChange);
}

// IMP: JK-4.1.4.1
Result<ChangeOutcome> ResidentChanges::HouseholdSeparation(const HouseholdSeparationCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kNotified, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto movers = engine.LoadMovers(c.movers, draft, household);
  if (!movers) return movers.error();
  const std::set<std::string> leaving(c.movers.begin(), c.movers.end());
  if (leaving.size() == household.size()) {
    return RuleError("change.separation_of_whole_household", "everyone would leave");
  }
  std::vector<ResidentRecord> arriving;
  for (const ResidentRecord& mover : *movers) {
    ResidentRecord next = NextVersion(mover);
    next.household_number = NewHouseholdId();
    auto relationship = RelationshipFor(c.relationships, mover.addressee_number);
    if (!relationship) return relationship.error();
    next.relationship = *relationship;
    arriving.push_back(next);
  }
  if (auto ok = engine.CheckOneHead({}, arriving); !ok) return ok.error();
  engine.HandleHeadLeaving(household, leaving, draft);
  draft.versions.insert(draft.versions.begin(), arriving.begin(), arriving.end());
  return engine.Finish(draft, c.input, ChangeReason::kHouseholdSeparation);
}

Result<ChangeOutcome> ResidentChanges::HouseholdJoin(const HouseholdJoinCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  if (auto ok = CheckDates(c.input, context_, DateKind::kNotified, draft); !ok) return ok.error();
  std::vector<ResidentRecord> household;
  auto movers = engine.LoadMovers(c.movers, draft, household);
  if (!movers) return movers.error();
  if (c.join_household == movers->front().household_number) {
    return RuleError("change.same_household", "already in that household");
  }
  auto destination = engine.LoadHousehold(c.join_household, draft);
  if (destination.empty()) {
    return MakeError(ErrorCode::kNotFound, "change.household_not_found", c.join_household);
  }
  const Address& there = destination.front().address;
  for (const ResidentRecord& mover : *movers) {
    // JK-4.1.4.1: no change of address in a 世帯変更; a different 方書 is kept as it is.
    if (mover.address.address_code != there.address_code || mover.address.text != there.text ||
        mover.address.banchi != there.banchi) {
      return RuleError("change.household_change_address_differs", "use 転居 to change the address");
    }
  }
  const std::set<std::string> leaving(c.movers.begin(), c.movers.end());
  std::vector<ResidentRecord> arriving;
  for (const ResidentRecord& mover : *movers) {
    ResidentRecord next = NextVersion(mover);
    next.household_number = c.join_household;
    auto relationship = RelationshipFor(c.relationships, mover.addressee_number);
    if (!relationship) return relationship.error();
    next.relationship = *relationship;
    arriving.push_back(next);
  }
  if (auto ok = engine.CheckOneHead(destination, arriving); !ok) return ok.error();
  engine.HandleHeadLeaving(household, leaving, draft);
  draft.versions.insert(draft.versions.begin(), arriving.begin(), arriving.end());
  const bool whole = leaving.size() == household.size();
  return engine.Finish(draft, c.input,
                       whole ? ChangeReason::kHouseholdMerger : ChangeReason::kHouseholdChange);
}

}  // namespace jrr
