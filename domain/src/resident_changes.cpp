// SPDX-License-Identifier: Apache-2.0
//
// Every use case follows the same shape: load and check the people involved (remembering the
// versions read), apply the date rules, build the next version of each person touched, apply the
// household rules (at most one 世帯主; what happens when the 世帯主 leaves), collect アラート, and
// hand everything to the repository in one Append. Nothing here writes until the last step.
#include "jrr/domain/resident_changes.h"

#include <algorithm>
#include <set>

namespace jrr {
namespace {

// How a 異動's dates are checked.
enum class DateKind {
  kNotified,   // 転入, 転居, 世帯変更: 届出 after the event, within 14 days (住基法第22–25条)
  kMoveOut,    // 転出: the event (予定日) may be in the future
  kExOfficio,  // 出生, 死亡, 修正: 職権 on a 戸籍 notice or by the municipality
};

constexpr int64_t kNotificationDays = 14;

Error RuleError(std::string rule, std::string detail) {
  return MakeError(ErrorCode::kRuleViolation, std::move(rule), std::move(detail));
}

struct Draft {
  ChangeRecord change;
  std::vector<ResidentRecord> versions;
  std::vector<VersionStamp> read_set;
  std::vector<std::string> alerts;

  void Read(const ResidentRecord& r) {
    for (const VersionStamp& s : read_set) {
      if (s.addressee_number == r.addressee_number) return;
    }
    read_set.push_back({r.addressee_number, r.history_number});
  }
  void Alert(const std::string& rule) {
    if (std::find(alerts.begin(), alerts.end(), rule) == alerts.end()) alerts.push_back(rule);
  }
  ResidentRecord* Written(const std::string& addressee_number) {
    for (ResidentRecord& v : versions) {
      if (v.addressee_number == addressee_number) return &v;
    }
    return nullptr;
  }
};

ResidentRecord NextVersion(const ResidentRecord& latest) {
  ResidentRecord next = latest;
  ++next.history_number;
  return next;
}

Status CheckDates(const ChangeInput& in, const ChangeContext& context, DateKind kind, Draft& draft) {
  const auto event = in.event_date.InternalDate();
  if (event && context.today < *event && kind != DateKind::kMoveOut) {
    return RuleError("change.event_date_future", "異動日 after 処理日");
  }
  if (in.notification_date && context.today < *in.notification_date) {
    return RuleError("change.notification_date_future", "届出日 after 処理日");
  }
  if (!event || !in.notification_date) return {};
  const int64_t delay = ToDayNumber(*in.notification_date) - ToDayNumber(*event);
  if (kind == DateKind::kNotified) {
    if (delay < 0) return RuleError("change.notification_before_event", "届出日 before 異動日");
    if (delay > kNotificationDays) draft.Alert("change.late_notification");
  }
  if (kind == DateKind::kMoveOut && delay > kNotificationDays) {
    draft.Alert("change.move_out_late_ex_officio");
    draft.change.ex_officio = true;
  }
  return {};
}

class Engine {
 public:
  Engine(ResidentRepository& repository, const ChangeContext& context)
      : repository_(repository), context_(context) {}

  Result<ResidentRecord> LoadResident(const std::string& addressee_number, Draft& draft) {
    auto latest = repository_.Latest(addressee_number);
    if (!latest) {
      return MakeError(ErrorCode::kNotFound, "change.person_not_found",
                       "宛名番号 " + addressee_number);
    }
    if (latest->status != ResidentStatus::kResident) {
      return RuleError("change.not_resident", "宛名番号 " + addressee_number + " is removed");
    }
    draft.Read(*latest);
    return *latest;
  }

  // Loads the movers; all must be residents of one household. Also reads the whole household.
  Result<std::vector<ResidentRecord>> LoadMovers(const std::vector<std::string>& movers,
                                                 Draft& draft,
                                                 std::vector<ResidentRecord>& household) {
    if (movers.empty()) return RuleError("change.no_movers", "no person named");
    std::set<std::string> seen;
    std::vector<ResidentRecord> loaded;
    for (const std::string& atena : movers) {
      if (!seen.insert(atena).second) return RuleError("change.duplicate_mover", atena);
      auto person = LoadResident(atena, draft);
      if (!person) return person.error();
      if (!loaded.empty() && person->household_number != loaded.front().household_number) {
        return RuleError("change.movers_span_households", "movers from several households");
      }
      loaded.push_back(*person);
    }
    household = LoadHousehold(loaded.front().household_number, draft);
    return loaded;
  }

  std::vector<ResidentRecord> LoadHousehold(const std::string& household_number, Draft& draft) {
    auto members = repository_.HouseholdMembers(household_number);
    for (const ResidentRecord& m : members) draft.Read(m);
    return members;
  }

  // JK-4.0.4: the 世帯主 leaves the household. One remaining member becomes 世帯主 職権; two
  // or more are left without a head until a 世帯主変更, after an アラート.
  void HandleHeadLeaving(const std::vector<ResidentRecord>& household,
                         const std::set<std::string>& leavers, Draft& draft) {
    bool head_leaves = false;
    std::vector<const ResidentRecord*> remaining;
    for (const ResidentRecord& m : household) {
      if (leavers.contains(m.addressee_number)) {
        head_leaves = head_leaves || m.is_head();
      } else {
        remaining.push_back(&m);
      }
    }
    if (!head_leaves || remaining.empty()) return;
    if (remaining.size() == 1) {
      ResidentRecord next = NextVersion(*remaining.front());
      next.relationship = RelationshipToHead{};  // 世帯主
      draft.versions.push_back(next);
      draft.Alert("change.sole_member_becomes_head");
    } else {
      draft.Alert("change.head_leaving_household");
    }
  }

  Status CheckOneHead(const std::vector<ResidentRecord>& staying,
                      const std::vector<ResidentRecord>& arriving) {
    int heads = 0;
    for (const auto* group : {&staying, &arriving}) {
      for (const ResidentRecord& r : *group) heads += r.is_head() ? 1 : 0;
    }
    if (heads > 1) return RuleError("household.multiple_heads", "two 世帯主 in one household");
    return {};
  }

  Result<ChangeOutcome> Finish(Draft& draft, const ChangeInput& in, ChangeReason reason) {
    // JK-4.0.8: while a 仮登録 involves a person, no other 異動 may touch them or their household.
    for (const VersionStamp& stamp : draft.read_set) {
      const auto holder =
          repository_.EditLeaseHolder(stamp.addressee_number, context_.now_epoch_seconds);
      if (holder && *holder != context_.operator_id) {
        return MakeError(ErrorCode::kConflict, "change.locked_by_other",
                         stamp.addressee_number + " is being edited by " + *holder);
      }
      const auto pending = repository_.PendingChangeFor(stamp.addressee_number);
      if (pending && pending != context_.approving_pending_id) {
        return RuleError("change.pending_exists",
                         "仮登録 " + std::to_string(*pending) + " involves " + stamp.addressee_number);
      }
    }
    for (const std::string& alert : draft.alerts) {
      const auto& ack = in.acknowledged_alerts;
      if (std::find(ack.begin(), ack.end(), alert) == ack.end()) {
        return RuleError(alert, "アラート: list it in acknowledged_alerts to proceed");
      }
    }
    for (const ResidentRecord& v : draft.versions) {
      if (auto ok = ValidateRecord(v); !ok) return ok.error();
    }
    ChangeRecord& change = draft.change;
    change.reason = reason;
    change.event_date = in.event_date;
    change.notification_date = in.notification_date;
    change.processing_date = context_.today;
    change.operator_id = context_.operator_id;
    change.place = context_.place;
    change.terminal = context_.terminal;
    change.note = in.note;
    change.alerts = draft.alerts;
    change.approves_pending_id = context_.approving_pending_id;
    return repository_.Append(change, draft.versions, draft.read_set);
  }

  ResidentRepository& repository_;
  const ChangeContext& context_;
};

std::string NewPersonId(std::size_t index) {
  return std::string(kNewPersonPrefix) + std::to_string(index + 1);
}
std::string NewHouseholdId() { return std::string(kNewHouseholdPrefix) + "1"; }

Result<RelationshipToHead> RelationshipFor(const std::map<std::string, RelationshipToHead>& map,
                                           const std::string& addressee_number) {
  auto found = map.find(addressee_number);
  if (found == map.end()) {
    return RuleError("change.relationship_required", "no 続柄 for " + addressee_number);
  }
  return found->second;
}

}  // namespace

namespace {

// JK-4.1.1.2: a newcomer who is in the register already as a 除票 must come back as a 再転入.
Status CheckNotReturning(ResidentRepository& repository_, const ResidentRecord& person, Draft& draft) {
  for (const std::string* number : {&person.individual_number, &person.resident_record_code,
                                    &person.foreign.residence_card_number}) {
    if (number->empty()) continue;
    for (const ResidentRecord& match : repository_.FindByNumber(*number)) {
      if (match.status == ResidentStatus::kRemoved) {
        return RuleError("change.returning_resident", "番号 matches 除票 " + match.addressee_number);
      }
      return RuleError("change.number_in_use", "番号 held by resident " + match.addressee_number);
    }
  }
  if (const auto birth = person.birth_date.InternalDate()) {
    if (!repository_.FindRemovedByBasicFacts(person.family_name, person.given_name, person.sex, *birth)
             .empty()) {
      draft.Alert("change.possible_returning_resident");
    }
  }
  return {};
}

}  // namespace

Result<Address> ResidentChanges::Resolve(const Address& address) {
  if (dictionary_ == nullptr) return address;
  return ResolveAddress(*dictionary_, address);
}

Result<ChangeOutcome> ResidentChanges::MoveIn(const MoveInCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  const DateKind date_kind = c.ex_officio_entry ? DateKind::kExOfficio : DateKind::kNotified;
  if (auto ok = CheckDates(c.input, context_, date_kind, draft); !ok) return ok.error();
  if (c.persons.empty()) return RuleError("change.no_movers", "no person to enter");
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
      if (!former) return MakeError(ErrorCode::kNotFound, "change.person_not_found", returning->second);
      if (former->status != ResidentStatus::kRemoved) {
        return RuleError("change.not_removed", returning->second + " is a current resident");
      }
      draft.Read(*former);
      person.addressee_number = former->addressee_number;
      person.history_number = former->history_number + 1;
      if (person.resident_record_code.empty()) person.resident_record_code = former->resident_record_code;
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
    person.previous_address = c.previous_address;
    if (person.resident_record_code.empty()) person.resident_record_code = kDrawResidentRecordCode;
    arriving.push_back(person);
  }
  if (auto ok = engine.CheckOneHead(destination, arriving); !ok) return ok.error();
  draft.versions = arriving;
  if (c.ex_officio_entry) {
    draft.change.ex_officio = true;
    return engine.Finish(draft, c.input, ChangeReason::kEntryExOfficio);
  }
  return engine.Finish(draft, c.input,
                       c.from_abroad ? ChangeReason::kMoveInFromAbroad : ChangeReason::kDomesticMoveIn);
}

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

Result<ChangeOutcome> ResidentChanges::HeadOfHouseholdChange(const HeadOfHouseholdChangeCommand& c) {
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
  if (!moved_on) return RuleError("change.event_date_not_a_day", "転出年月日（確定） must be a day");
  for (const std::string& atena : c.persons) {
    auto latest = repository_.Latest(atena);
    if (!latest) return MakeError(ErrorCode::kNotFound, "change.person_not_found", atena);
    draft.Read(*latest);
    if (latest->status != ResidentStatus::kRemoved ||
        (latest->removal->reason != ChangeReason::kDomesticMoveOut &&
         latest->removal->reason != ChangeReason::kRemovalExOfficio)) {
      return RuleError("change.not_moved_out", atena + " has no 転出 or 職権消除 to complete");
    }
    if (latest->removal->move_in_notice_date) {
      return RuleError("change.notice_already_received", atena);
    }
    ResidentRecord next = NextVersion(*latest);
    next.removal->confirmed_destination = c.confirmed_destination;
    next.removal->confirmed_move_out_date = *moved_on;
    next.removal->move_in_notice_date = c.input.notification_date;
    // JK-1.1.5: the removal counts from the earlier of the planned day and the move-in day.
    const auto planned = latest->removal->effective.InternalDate();
    if (latest->removal->reason == ChangeReason::kDomesticMoveOut && planned && *moved_on < *planned) {
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
    next.removal = RemovalItems{ChangeReason::kRemovalExOfficio, c.input.event_date, {}, {}, {}, {}};
    draft.versions.push_back(next);
  }
  engine.HandleHeadLeaving(household, std::set<std::string>(c.persons.begin(), c.persons.end()), draft);
  return engine.Finish(draft, c.input, ChangeReason::kRemovalExOfficio);
}

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
  removed.removal = RemovalItems{to_japanese ? ChangeReason::kRemovalNaturalisation
                                             : ChangeReason::kRemovalLossOfNationality,
                                 c.input.event_date, {}, {}, {}, {}};
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
    // 外国人住民となった年月日: the later of the loss and becoming a resident (JK-4.5.5).
    if (!entered.foreign.foreign_resident_since) {
      const auto since = person->resident_since ? person->resident_since->InternalDate() : std::nullopt;
      const auto lost = c.input.event_date.InternalDate();
      entered.foreign.foreign_resident_since =
          since && lost && *lost < *since ? *person->resident_since : c.input.event_date;
    }
  }
  draft.versions.push_back(removed);
  draft.versions.push_back(entered);
  const ChangeReason reason = to_japanese ? ChangeReason::kEntryNaturalisation
                                          : ChangeReason::kEntryLossOfNationality;
  return engine.Finish(draft, c.input, reason);
}

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
  const bool deletion = c.kind == Kind::kFormerSurnameDeletion || c.kind == Kind::kCommonNameDeletion;
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

Result<ChangeOutcome> ResidentChanges::Cancellation(const CancellationCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kExOfficio, draft); !ok) return ok.error();
  const auto cancelled = repository_.Change(c.change_id);
  if (!cancelled) {
    return MakeError(ErrorCode::kNotFound, "change.cancel_unknown_change", std::to_string(c.change_id));
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
      if (same == targets.end()) targets.push_back(v);
      else if (same->history_number < v.history_number) *same = v;
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
      return RuleError("change.cancel_not_latest",
                       target.addressee_number + " changed after that 異動; cancel later 異動 first");
    }
    // The state before the 異動: the first version that 異動 did not write.
    int before = target.history_number - 1;
    while (before >= 1) {
      const auto v = repository_.Version(target.addressee_number, before);
      if (v && std::none_of(written.begin(), written.end(), [&](const ResidentRecord& w) {
            return w.addressee_number == v->addressee_number && w.history_number == v->history_number;
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
      next.removal = RemovalItems{ChangeReason::kRemovalCancellation, c.input.event_date, {}, {}, {}, {}};
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
  const ChangeReason reason = group == ReasonGroup::kEntry     ? ChangeReason::kRemovalCancellation
                              : group == ReasonGroup::kRemoval ? ChangeReason::kEntryCancellation
                                                               : ChangeReason::kCorrectionCancellation;
  ChangeInput input = c.input;
  if (input.note.empty()) input.note = "異動 " + std::to_string(c.change_id) + " の取消し";
  return engine.Finish(draft, input, reason);
}

Result<ChangeOutcome> ResidentChanges::MoveOutAmendment(const MoveOutAmendmentCommand& c) {
  Engine engine(repository_, context_);
  Draft draft;
  draft.change.ex_officio = true;
  if (auto ok = CheckDates(c.input, context_, DateKind::kMoveOut, draft); !ok) return ok.error();
  if (c.persons.empty()) return RuleError("change.no_movers", "no person named");
  for (const std::string& atena : c.persons) {
    auto latest = repository_.Latest(atena);
    if (!latest) return MakeError(ErrorCode::kNotFound, "change.person_not_found", atena);
    draft.Read(*latest);
    if (latest->status != ResidentStatus::kRemoved || !latest->removal ||
        (latest->removal->reason != ChangeReason::kDomesticMoveOut &&
         latest->removal->reason != ChangeReason::kMoveOutAbroad)) {
      return RuleError("change.not_moved_out", atena + " has no 転出 to amend");
    }
    if (latest->removal->move_in_notice_date) {
      return RuleError("change.notice_already_received", "the 転入通知 has arrived; the 転出 is final");
    }
    const auto history = repository_.History(atena);
    const int64_t amended = history.back().change.change_id;
    if (draft.change.supersedes_change_id && *draft.change.supersedes_change_id != amended) {
      return RuleError("change.movers_span_households", "persons of different 転出 異動");
    }
    draft.change.supersedes_change_id = amended;
    ResidentRecord next = NextVersion(*latest);
    next.removal->effective = c.input.event_date;
    if (c.destination) {
      if (c.destination->empty()) return RuleError("change.destination_required", "転出先 is blank");
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

Result<ChangeOutcome> ResidentChanges::Apply(const AnyChangeCommand& command) {
  struct Visitor {
    ResidentChanges& changes;
    Result<ChangeOutcome> operator()(const MoveInCommand& c) { return changes.MoveIn(c); }
    Result<ChangeOutcome> operator()(const BirthCommand& c) { return changes.Birth(c); }
    Result<ChangeOutcome> operator()(const WithinMoveCommand& c) { return changes.WithinMove(c); }
    Result<ChangeOutcome> operator()(const MoveOutCommand& c) { return changes.MoveOut(c); }
    Result<ChangeOutcome> operator()(const DeathCommand& c) { return changes.Death(c); }
    Result<ChangeOutcome> operator()(const HeadOfHouseholdChangeCommand& c) {
      return changes.HeadOfHouseholdChange(c);
    }
    Result<ChangeOutcome> operator()(const HouseholdSeparationCommand& c) {
      return changes.HouseholdSeparation(c);
    }
    Result<ChangeOutcome> operator()(const CorrectionCommand& c) { return changes.Correction(c); }
    Result<ChangeOutcome> operator()(const MoveInNoticeCommand& c) { return changes.MoveInNotice(c); }
    Result<ChangeOutcome> operator()(const HouseholdJoinCommand& c) { return changes.HouseholdJoin(c); }
    Result<ChangeOutcome> operator()(const ExOfficioRemovalCommand& c) {
      return changes.ExOfficioRemoval(c);
    }
    Result<ChangeOutcome> operator()(const NationalityChangeCommand& c) {
      return changes.NationalityChange(c);
    }
    Result<ChangeOutcome> operator()(const NameItemCommand& c) { return changes.NameItem(c); }
    Result<ChangeOutcome> operator()(const CancellationCommand& c) { return changes.Cancellation(c); }
    Result<ChangeOutcome> operator()(const MoveOutAmendmentCommand& c) {
      return changes.MoveOutAmendment(c);
    }
  };
  return std::visit(Visitor{*this}, command);
}

}  // namespace jrr
