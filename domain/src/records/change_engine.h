// SPDX-License-Identifier: Apache-2.0
//
// The 異動 engine's shared machinery, private to the domain library: a Draft collects what one
// 異動 reads and writes; the Engine loads people and households, applies the household rules and
// records the Draft through ResidentRepository::Append. Every use case of ResidentChanges
// (resident_changes*.cpp) follows the same shape — load and check, apply the date rules, build the
// next versions, apply the household rules, collect アラート, and Append once; nothing is written
// before that last step.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/core/rule_ids.h"
#include "jrr/domain/protection/protection_check.h"
#include "jrr/domain/records/resident_changes.h"

namespace jrr::change_engine {

// How a 異動's dates are checked.
enum class DateKind {
  kNotified,  // 転入, 転居, 世帯変更: 届出 after the event, within 14 days (住基法第22–25条)
  kMoveOut,    // 転出: the event (予定日) may be in the future
  kExOfficio,  // 出生, 死亡, 修正: 職権 on a 戸籍 notice or by the municipality
};

inline constexpr int64_t kNotificationDays = 14;

inline Error RuleError(std::string rule, std::string detail) {
  return MakeError(ErrorCode::kRuleViolation, std::move(rule), std::move(detail));
}

struct Draft {
  ChangeRecord change;
  std::vector<ResidentRecord> versions;
  std::vector<VersionStamp> read_set;
  std::vector<std::string> alerts;
  std::set<std::string> households;  // of everyone read, for household-wide 異動抑止

  void Read(const ResidentRecord& r) {
    households.insert(r.household_number);
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

// IMP: JK-1.2.1
inline ResidentRecord NextVersion(const ResidentRecord& latest) {
  ResidentRecord next = latest;
  ++next.history_number;
  return next;
}

// IMP: JK-4.0.3, JK-4.1.0.2, JK-4.2.0.2
inline Status CheckDates(const ChangeInput& in, const ChangeContext& context, DateKind kind,
                         Draft& draft) {
  if (in.ex_officio) {
    // JK-4.2.0.2: no 届出, so no 届出 deadline; a 職権 転出 still takes a 転出予定日.
    draft.change.ex_officio = true;
    if (kind == DateKind::kNotified) kind = DateKind::kExOfficio;
  }
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
  if (kind == DateKind::kMoveOut && delay > kNotificationDays && !in.ex_officio) {
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

  // A person removed by one of `reasons` whose 転入通知 has not been recorded yet: the 除票 that a
  // 転入通知 completes or a 転出 amendment changes (JK-4.1.3). Errors change.person_not_found,
  // change.not_moved_out, change.notice_already_received.
  Result<ResidentRecord> LoadAwaitingNotice(const std::string& addressee_number,
                                            std::initializer_list<ChangeReason> reasons,
                                            Draft& draft) {
    auto latest = repository_.Latest(addressee_number);
    if (!latest)
      return MakeError(ErrorCode::kNotFound, "change.person_not_found", addressee_number);
    draft.Read(*latest);
    if (latest->status != ResidentStatus::kRemoved || !latest->removal ||
        std::find(reasons.begin(), reasons.end(), latest->removal->reason) == reasons.end()) {
      return RuleError("change.not_moved_out", addressee_number + " has no such removal");
    }
    if (latest->removal->move_in_notice_date) {
      return RuleError("change.notice_already_received",
                       "the 転入通知 has arrived; the 転出 is final");
    }
    return *latest;
  }

  // Loads the movers; all must be residents of one household. Also reads the whole household.
  // IMP: JK-4.0.1
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
  // IMP: JK-4.0.4
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

  // IMP: JK-1.1.10
  Status CheckOneHead(const std::vector<ResidentRecord>& staying,
                      const std::vector<ResidentRecord>& arriving) {
    int heads = 0;
    for (const auto* group : {&staying, &arriving}) {
      for (const ResidentRecord& r : *group) heads += r.is_head() ? 1 : 0;
    }
    if (heads > 1) return RuleError("household.multiple_heads", "two 世帯主 in one household");
    return {};
  }

  // IMP: JK-4.0.3, JK-4.2.0.4, JK-4.2.0.5, JK-11.1
  Result<ChangeOutcome> Finish(Draft& draft, const ChangeInput& in, ChangeReason reason) {
    // JK-4.2.0.5: only what is done 職権 can be done at a person's request (a 届出 is the request).
    if (in.on_request && !draft.change.ex_officio) {
      return RuleError("change.request_not_ex_officio",
                       "申出 applies to 職権記載・消除・修正 and 取消し only");
    }
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
        return RuleError("change.pending_exists", "仮登録 " + std::to_string(*pending) +
                                                      " involves " + stamp.addressee_number);
      }
    }
    // JK-3.1: 異動抑止 on anyone the 異動 reads, or on their household.
    ProtectionRegister& protections = repository_.Protections();
    std::vector<Block> blocks;
    for (const VersionStamp& stamp : draft.read_set) {
      for (Block& b : protections.BlocksFor(stamp.addressee_number, ""))
        blocks.push_back(std::move(b));
    }
    for (const std::string& household : draft.households) {
      for (Block& b : protections.BlocksFor("", household)) blocks.push_back(std::move(b));
    }
    if (!blocks.empty()) {
      const auto releases =
          protections.ReleasesFor(context_.operator_id, context_.now_epoch_seconds);
      // An アラート-level block joins the 異動's other アラート, to be acknowledged the same way.
      if (auto ok = CheckBlocks(blocks, releases, GuardedOperation::kChange, context_.today, {});
          !ok) {
        if (ok.error().rule_id != rules::kProtectionAlert) return ok.error();
        draft.Alert("protection.alert");
      }
    }
    // JK-1.1.11: a chain of five or more terms typed for a person this 異動 writes becomes 縁故者
    // only once the clerk has seen that it will.
    for (const ResidentRecord& v : draft.versions) {
      if (v.relationship.alert_rule) draft.Alert(*v.relationship.alert_rule);
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
    change.on_request = in.on_request;
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

inline std::string NewPersonId(std::size_t index) {
  return std::string(kNewPersonPrefix) + std::to_string(index + 1);
}
inline std::string NewHouseholdId() { return std::string(kNewHouseholdPrefix) + "1"; }

inline Result<RelationshipToHead> RelationshipFor(
    const std::map<std::string, RelationshipToHead>& map, const std::string& addressee_number) {
  auto found = map.find(addressee_number);
  if (found == map.end()) {
    return RuleError("change.relationship_required", "no 続柄 for " + addressee_number);
  }
  return found->second;
}

// JK-4.1.1.2: a newcomer who is in the register already as a 除票 must come back as a 再転入.
// IMP: JK-4.1.1.2
inline Status CheckNotReturning(ResidentRepository& repository, const ResidentRecord& person,
                                Draft& draft) {
  for (const std::string* number : {&person.individual_number, &person.resident_record_code,
                                    &person.foreign.residence_card_number}) {
    if (number->empty()) continue;
    for (const ResidentRecord& match : repository.FindByNumber(*number)) {
      if (match.status == ResidentStatus::kRemoved) {
        return RuleError("change.returning_resident",
                         "番号 matches 除票 " + match.addressee_number);
      }
      return RuleError("change.number_in_use", "番号 held by resident " + match.addressee_number);
    }
  }
  if (const auto birth = person.birth_date.InternalDate()) {
    if (!repository
             .FindRemovedByBasicFacts(person.family_name, person.given_name, person.sex, *birth)
             .empty()) {
      draft.Alert("change.possible_returning_resident");
    }
  }
  return {};
}

}  // namespace jrr::change_engine
