// SPDX-License-Identifier: Apache-2.0
//
// The 異動 engine on a real register file: every use case, the JK-4.0 rules, history and 除票,
// as-of queries, no lost update, and all-or-nothing writes.
#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/storage_error.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

class ResidentChangesTest : public RegisterFixture {};

std::string RuleOf(const Result<ChangeOutcome>& outcome) {
  return outcome ? std::string("(success)") : outcome.error().rule_id;
}

// REQ: JK-4.1.1.1, JK-1.1.13, JK-1.2.1, JK-4.0.2
TEST_F(ResidentChangesTest, MoveInCreatesAHouseholdWithNumberedPeople) {
  const ChangeOutcome outcome = MoveInFamily();
  ASSERT_EQ(outcome.versions.size(), 3u);
  EXPECT_EQ(outcome.change.reason, ChangeReason::kDomesticMoveIn);
  std::set<std::string> numbers;
  for (const ResidentRecord& v : outcome.versions) {
    EXPECT_TRUE(AddresseeNumber::Parse(v.addressee_number)) << v.addressee_number;
    EXPECT_TRUE(HouseholdNumber::Parse(v.household_number)) << v.household_number;
    EXPECT_EQ(v.household_number, outcome.versions[0].household_number);
    EXPECT_EQ(v.history_number, 1);
    EXPECT_EQ(v.address.katagaki, "さくら荘101");
    EXPECT_EQ(ToIsoString(*v.resident_since->ExactDate()), "2026-10-01");
    numbers.insert(v.addressee_number);
  }
  EXPECT_EQ(numbers.size(), 3u);
  EXPECT_EQ(outcome.versions[0].addressee_number, "0000000019");  // serial 1 + check digit 9
  auto latest = repository_->Latest(outcome.versions[1].addressee_number);
  ASSERT_TRUE(latest);
  EXPECT_EQ(*latest, outcome.versions[1]) << "what is read back is what was written";
  EXPECT_EQ(repository_->HouseholdMembers(outcome.versions[0].household_number).size(), 3u);
}

// REQ: JK-4.0.3, JK-4.1.0.2
TEST_F(ResidentChangesTest, DateRules) {
  struct Case {
    const char* event;
    const char* notified;
    const char* rule;  // "" for success
  };
  const Case cases[] = {
      {"2026-11-28", "2026-11-27", "change.event_date_future"},
      {"2026-11-20", "2026-11-28", "change.notification_date_future"},
      {"2026-11-20", "2026-11-19", "change.notification_before_event"},
      {"2026-10-01", "2026-10-16", "change.late_notification"},  // 15 days: アラート
      {"2026-10-01", "2026-10-15", ""},                          // 14 days: on time
      {"2026-11-27", "2026-11-27", ""},
  };
  int serial = 0;
  for (const Case& c : cases) {
    MoveInCommand command;
    command.input = Input(c.event, c.notified);
    const std::string given = "太郎" + std::to_string(++serial);
    command.persons = {
        Person("試験", given.c_str(), "シケン", "タロウ", "平成2年2月2日", Sex::kMale, "世帯主")};
    command.new_address = TownAddress("2番1号");
    auto outcome = Changes().MoveIn(command);
    EXPECT_EQ(RuleOf(outcome), *c.rule ? c.rule : "(success)") << c.event << " / " << c.notified;
  }
}

// REQ: JK-11.1, JK-4.0.3
TEST_F(ResidentChangesTest, AnAlertProceedsOnlyWhenAcknowledged) {
  MoveInCommand command;
  command.input = Input("2026-10-01", "2026-11-20");
  command.persons = {
      Person("遅延", "届子", "チエン", "トドケコ", "平成元年1月8日", Sex::kFemale, "世帯主")};
  command.new_address = TownAddress("3番1号");
  const int64_t before = Count("change_record");
  auto refused = Changes().MoveIn(command);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "change.late_notification");
  EXPECT_EQ(Count("change_record"), before) << "a refused 異動 writes nothing";
  command.input.acknowledged_alerts = {"change.late_notification"};
  auto accepted = Changes().MoveIn(command);
  ASSERT_TRUE(accepted) << RuleOf(accepted);
  auto history = repository_->History(accepted->versions[0].addressee_number);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].change.alerts, std::vector<std::string>{"change.late_notification"});
}

// REQ: JK-1.1.10, JK-4.0.2
TEST_F(ResidentChangesTest, AHouseholdHasAtMostOneHead) {
  const ChangeOutcome family = MoveInFamily();
  MoveInCommand two_heads;
  two_heads.input = Input("2026-11-01", "2026-11-02");
  two_heads.persons = {Person("甲", "一", "コウ", "ハジメ", "平成元年1月8日", Sex::kMale, "世帯主"),
                       Person("乙", "二", "オツ", "ジ", "平成元年1月8日", Sex::kMale, "世帯主")};
  two_heads.new_address = TownAddress("4番1号");
  EXPECT_EQ(RuleOf(Changes().MoveIn(two_heads)), "household.multiple_heads");
  MoveInCommand join;
  join.input = Input("2026-11-01", "2026-11-02");
  join.persons = {Person("丙", "三", "ヘイ", "サン", "平成元年1月8日", Sex::kMale, "世帯主")};
  join.join_household = family.versions[0].household_number;
  EXPECT_EQ(RuleOf(Changes().MoveIn(join)), "household.multiple_heads");
  join.persons[0].relationship = Rel("同居人");
  auto joined = Changes().MoveIn(join);
  ASSERT_TRUE(joined) << RuleOf(joined);
  EXPECT_EQ(joined->versions[0].address, family.versions[0].address)
      << "joins at the household's address";
  // A household may have no head at all (JK-1.1.10).
  MoveInCommand headless;
  headless.input = Input("2026-11-01", "2026-11-02");
  headless.persons = {Person("丁", "四", "テイ", "シ", "平成元年1月8日", Sex::kMale, "同居人")};
  headless.new_address = TownAddress("5番1号");
  EXPECT_TRUE(Changes().MoveIn(headless));
}

// REQ: JK-4.1.2.1, JK-1.2.1, JK-1.2.2
TEST_F(ResidentChangesTest, WholeHouseholdMoveKeepsTheHouseholdAndAppendsHistory) {
  const ChangeOutcome family = MoveInFamily();
  WithinMoveCommand move;
  move.input = Input("2026-11-10", "2026-11-12");
  for (const auto& v : family.versions) move.movers.push_back(v.addressee_number);
  move.new_address = TownAddress("1番2号", "さくら荘202");  // same 番地, another dwelling
  auto moved = Changes().WithinMove(move);
  ASSERT_TRUE(moved) << RuleOf(moved);
  ASSERT_EQ(moved->versions.size(), 3u);
  for (const ResidentRecord& v : moved->versions) {
    EXPECT_EQ(v.history_number, 2);
    EXPECT_EQ(v.household_number, family.versions[0].household_number);
    EXPECT_EQ(v.address.katagaki, "さくら荘202");
    EXPECT_EQ(ToIsoString(*v.address_since->ExactDate()), "2026-11-10");
  }
  const std::string head = family.versions[0].addressee_number;
  auto history = repository_->History(head);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version.address.katagaki, "さくら荘101") << "the old version stays";
  EXPECT_EQ(history[1].change.reason, ChangeReason::kWithinMove);
  EXPECT_EQ(history[1].change.operator_id, "clerk01");
  EXPECT_EQ(history[1].change.terminal, "T01");
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.same_address");
}

// REQ: JK-4.1.2.1, JK-4.0.4
TEST_F(ResidentChangesTest, PartialMoveFormsANewHouseholdAndHandlesTheHeadLeaving) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  WithinMoveCommand move;
  move.input = Input("2026-11-10", "2026-11-12");
  move.movers = {head};
  move.new_address = TownAddress("9番9号");
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.relationship_required");
  move.relationships[head] = Rel("世帯主");
  // Two members remain without their 世帯主: an アラート (JK-4.0.4).
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.head_leaving_household");
  move.input.acknowledged_alerts = {"change.head_leaving_household"};
  auto moved = Changes().WithinMove(move);
  ASSERT_TRUE(moved) << RuleOf(moved);
  ASSERT_EQ(moved->versions.size(), 1u);
  EXPECT_NE(moved->versions[0].household_number, family.versions[0].household_number);
  EXPECT_TRUE(HouseholdNumber::Parse(moved->versions[0].household_number));
  const auto remaining = repository_->HouseholdMembers(family.versions[0].household_number);
  ASSERT_EQ(remaining.size(), 2u);
  for (const auto& m : remaining) EXPECT_FALSE(m.is_head()) << "no head until a 世帯主変更";
}

// REQ: JK-4.0.4
TEST_F(ResidentChangesTest, WhenOneMemberRemainsItBecomesHeadExOfficio) {
  MoveInCommand couple;
  couple.input = Input("2026-10-01", "2026-10-02");
  couple.persons = {
      Person("二人", "夫", "フタリ", "オット", "昭和60年1月1日", Sex::kMale, "世帯主"),
      Person("二人", "妻", "フタリ", "ツマ", "昭和61年1月1日", Sex::kFemale, "妻")};
  couple.new_address = TownAddress("7番1号");
  auto household = Changes().MoveIn(couple);
  ASSERT_TRUE(household);
  DeathCommand death;
  death.input = Input("2026-11-20", "2026-11-21");
  death.addressee_number = household->versions[0].addressee_number;
  EXPECT_EQ(RuleOf(Changes().Death(death)), "change.sole_member_becomes_head");
  death.input.acknowledged_alerts = {"change.sole_member_becomes_head"};
  auto died = Changes().Death(death);
  ASSERT_TRUE(died) << RuleOf(died);
  ASSERT_EQ(died->versions.size(), 2u);
  EXPECT_EQ(died->versions[0].status, ResidentStatus::kRemoved);
  EXPECT_EQ(died->versions[0].removal->reason, ChangeReason::kDeath);
  EXPECT_TRUE(died->versions[1].is_head());
  EXPECT_EQ(died->versions[1].addressee_number, household->versions[1].addressee_number);
}

// REQ: JK-4.1.3.0.1, JK-4.1.3.0.2, JK-1.1.5, JK-4.0.3
TEST_F(ResidentChangesTest, MoveOutMayBePlannedAndMakesARemovedRecord) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutCommand move_out;
  move_out.input = Input("2026-12-05", "2026-11-27");  // 転出予定日 after today is allowed
  for (const auto& v : family.versions) move_out.movers.push_back(v.addressee_number);
  move_out.destination = Address{"", "大阪府大阪市北区", "", "", "", false};
  auto moved = Changes().MoveOut(move_out);
  ASSERT_TRUE(moved) << RuleOf(moved);
  EXPECT_EQ(moved->change.reason, ChangeReason::kDomesticMoveOut);
  for (const ResidentRecord& v : moved->versions) {
    EXPECT_EQ(v.status, ResidentStatus::kRemoved);
    EXPECT_EQ(v.removal->planned_destination.text, "大阪府大阪市北区");
    EXPECT_EQ(ToIsoString(*v.removal->effective.ExactDate()), "2026-12-05");
  }
  const std::string head = family.versions[0].addressee_number;
  // By 異動日 a 転出予定者 is still a resident before the planned day; by 処理日 the register
  // already knew of the 転出 on the day it was processed.
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{CalDay("2026-12-04"), std::nullopt})->status,
            ResidentStatus::kResident);
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{CalDay("2026-12-05"), std::nullopt})->status,
            ResidentStatus::kRemoved);
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{std::nullopt, CalDay("2026-11-27")})->status,
            ResidentStatus::kRemoved);
  auto known_before = repository_->AsOf(head, AsOfQuery{std::nullopt, CalDay("2026-11-26")});
  ASSERT_TRUE(known_before.has_value());
  EXPECT_EQ(known_before->status, ResidentStatus::kResident);
  EXPECT_FALSE(repository_->AsOf(head, AsOfQuery{std::nullopt, CalDay("2026-10-04")}));
  EXPECT_FALSE(repository_->AsOf(head, AsOfQuery{CalDay("2026-09-30"), std::nullopt}).has_value());
  // Both axes: on 2026-12-10 (after the planned day) as the register knew it on 2026-11-26, before
  // the 転出 was processed: still a resident.
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{CalDay("2026-12-10"), CalDay("2026-11-26")})->status,
            ResidentStatus::kResident);
  // The 除票 stays readable and refuses further 異動.
  EXPECT_EQ(repository_->Latest(head)->status, ResidentStatus::kRemoved);
  DeathCommand death;
  death.input = Input("2026-11-27", "2026-11-27");
  death.addressee_number = head;
  EXPECT_EQ(RuleOf(Changes().Death(death)), "change.not_resident");
}

// REQ: JK-4.1.3.0.1
TEST_F(ResidentChangesTest, AMoveOutNotifiedLateIsRecordedExOfficio) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutCommand move_out;
  move_out.input = Input("2026-10-10", "2026-11-27");
  for (const auto& v : family.versions) move_out.movers.push_back(v.addressee_number);
  move_out.destination = Address{"", "ソウル特別市", "", "", "", true};
  move_out.input.acknowledged_alerts = {"change.move_out_late_ex_officio"};
  auto moved = Changes().MoveOut(move_out);
  ASSERT_TRUE(moved) << RuleOf(moved);
  EXPECT_TRUE(moved->change.ex_officio);
  EXPECT_EQ(moved->change.reason, ChangeReason::kMoveOutAbroad);
}

// 届出の準用: a 転居 or 世帯分離 the municipality makes 職権 (no 届出) is marked so, and the 届出's
// 14-day rule does not apply to it.
// REQ: JK-4.2.0.2
// LAW: 住基法施行令第12条
TEST_F(ResidentChangesTest, ANotifiedKindOfChangeMayBeMadeExOfficio) {
  const ChangeOutcome family = MoveInFamily();
  struct Case {
    bool ex_officio;
    const char* rule;  // "" for success
  };
  const Case kCases[] = {{false, "change.late_notification"}, {true, ""}};
  for (const Case& c : kCases) {
    WithinMoveCommand move;
    move.input = Input("2026-10-20", "2026-11-20");  // a month after the event
    move.input.ex_officio = c.ex_officio;
    move.input.note = c.ex_officio ? "実態調査の結果" : "";
    for (const auto& v : family.versions) move.movers.push_back(v.addressee_number);
    move.new_address = TownAddress("9番9号");
    auto moved = Changes().WithinMove(move);
    EXPECT_EQ(RuleOf(moved), *c.rule ? c.rule : "(success)") << c.ex_officio;
    if (moved) {
      EXPECT_TRUE(moved->change.ex_officio);
      EXPECT_EQ(moved->change.reason, ChangeReason::kWithinMove);
      EXPECT_EQ(repository_->Change(moved->change.change_id)->ex_officio, true) << "stored as 職権";
    }
  }
  HouseholdSeparationCommand separation;
  separation.input = Input("2026-11-20");
  separation.input.ex_officio = true;
  separation.movers = {family.versions[2].addressee_number};
  separation.relationships[family.versions[2].addressee_number] = *ParseRelationship("世帯主");
  auto separated = Changes().HouseholdSeparation(separation);
  ASSERT_TRUE(separated) << RuleOf(separated);
  EXPECT_TRUE(separated->change.ex_officio);
}

// REQ: JK-4.2.1.2, JK-1.1.8
TEST_F(ResidentChangesTest, BirthJoinsTheHouseholdAtItsAddress) {
  const ChangeOutcome family = MoveInFamily();
  BirthCommand birth;
  birth.input = Input("2026-11-20", "2026-11-25");
  birth.household_number = family.versions[0].household_number;
  birth.child = Person("架空", "三郎", "カクウ", "サブロウ", "2026-11-20", Sex::kMale, "子");
  auto born = Changes().Birth(birth);
  ASSERT_TRUE(born) << RuleOf(born);
  const ResidentRecord& child = born->versions[0];
  EXPECT_EQ(child.address, family.versions[0].address);
  EXPECT_EQ(ToIsoString(*child.birth_date.ExactDate()), "2026-11-20");
  EXPECT_TRUE(child.previous_address.empty());
  EXPECT_TRUE(born->change.ex_officio);
  EXPECT_EQ(repository_->HouseholdMembers(birth.household_number).size(), 4u);
}

// REQ: JK-4.2.2.1, JK-1.1.8
TEST_F(ResidentChangesTest, DeathAcceptsAnUncertainDate) {
  const ChangeOutcome family = MoveInFamily();
  DeathCommand death;
  death.input = Input("令和8年11月上旬頃", "2026-11-20");
  death.addressee_number = family.versions[2].addressee_number;
  auto died = Changes().Death(death);
  ASSERT_TRUE(died) << RuleOf(died);
  const auto latest = repository_->Latest(death.addressee_number);
  EXPECT_EQ(latest->removal->effective.state, DateState::kUncertain);
  EXPECT_EQ(FormatRecordedDate(latest->removal->effective, DisplayCalendar::kWareki),
            "令和8年11月上旬頃");
}

// REQ: JK-4.1.4.1, JK-4.1.4.2
TEST_F(ResidentChangesTest, HeadOfHouseholdChangeResetsRelationships) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  const std::string wife = family.versions[1].addressee_number;
  const std::string child = family.versions[2].addressee_number;
  HeadOfHouseholdChangeCommand change;
  change.input = Input("2026-11-20", "2026-11-21");
  change.household_number = family.versions[0].household_number;
  change.new_head = wife;
  EXPECT_EQ(RuleOf(Changes().HeadOfHouseholdChange(change)), "change.relationship_required");
  change.relationships[head] = Rel("夫");
  auto changed = Changes().HeadOfHouseholdChange(change);
  ASSERT_TRUE(changed) << RuleOf(changed);
  EXPECT_TRUE(repository_->Latest(wife)->is_head());
  EXPECT_EQ(repository_->Latest(head)->relationship.Text(), "夫");
  EXPECT_EQ(repository_->Latest(child)->history_number, 1) << "unchanged 続柄: no new version";
  change.new_head = wife;
  EXPECT_EQ(RuleOf(Changes().HeadOfHouseholdChange(change)), "change.already_head");
}

// REQ: JK-4.1.4.1
TEST_F(ResidentChangesTest, HouseholdSeparationKeepsTheAddress) {
  const ChangeOutcome family = MoveInFamily();
  HouseholdSeparationCommand separation;
  separation.input = Input("2026-11-20", "2026-11-21");
  separation.movers = {family.versions[2].addressee_number};
  separation.relationships[family.versions[2].addressee_number] = Rel("世帯主");
  auto separated = Changes().HouseholdSeparation(separation);
  ASSERT_TRUE(separated) << RuleOf(separated);
  EXPECT_NE(separated->versions[0].household_number, family.versions[0].household_number);
  EXPECT_EQ(separated->versions[0].address, family.versions[0].address);
  for (const auto& v : family.versions) separation.movers.push_back(v.addressee_number);
  separation.movers.erase(separation.movers.begin());
  EXPECT_EQ(RuleOf(Changes().HouseholdSeparation(separation)), "change.movers_span_households");
}

// REQ: JK-4.2.3.1, JK-4.2.3.3
TEST_F(ResidentChangesTest, ClericalErrorCorrectionKeepsTheWrongVersion) {
  const ChangeOutcome family = MoveInFamily();
  CorrectionCommand correction;
  correction.input = Input("2026-11-27");
  correction.reason = ChangeReason::kClericalErrorCorrection;
  correction.addressee_number = family.versions[1].addressee_number;
  correction.given_name = "華子";
  auto corrected = Changes().Correction(correction);
  ASSERT_TRUE(corrected) << RuleOf(corrected);
  auto history = repository_->History(correction.addressee_number);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].version.given_name, "花子") << "the erroneous version is never overwritten";
  EXPECT_EQ(history[1].version.given_name, "華子");
  EXPECT_EQ(history[1].change.reason, ChangeReason::kClericalErrorCorrection);
  EXPECT_EQ(RuleOf(Changes().Correction(correction)), "change.nothing_to_correct");
  correction.reason = ChangeReason::kWithinMove;
  EXPECT_EQ(RuleOf(Changes().Correction(correction)), "change.reason_not_correction");
  CorrectionCommand bad_kana = correction;
  bad_kana.reason = ChangeReason::kCorrectionExOfficio;
  bad_kana.given_kana = "はなこ";
  EXPECT_EQ(RuleOf(Changes().Correction(bad_kana)), "furigana.katakana_only");
  CorrectionCommand bad_number = correction;
  bad_number.reason = ChangeReason::kCorrectionExOfficio;
  bad_number.individual_number = "123456789010";
  EXPECT_EQ(RuleOf(Changes().Correction(bad_number)), "number.check_digit_mismatch");
}

// REQ: JK-4.0.1
TEST_F(ResidentChangesTest, MoversMustBeKnownResidents) {
  const ChangeOutcome family = MoveInFamily();
  WithinMoveCommand move;
  move.input = Input("2026-11-10", "2026-11-12");
  move.new_address = TownAddress("8番8号");
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.no_movers");
  move.movers = {"0000000990"};
  auto unknown = Changes().WithinMove(move);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().rule_id, "change.person_not_found");
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  move.movers = {family.versions[0].addressee_number, family.versions[0].addressee_number};
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.duplicate_mover");
}

// REQ: JK-10.3
TEST_F(ResidentChangesTest, AStaleChangeIsRefusedAndWritesNothing) {
  const ChangeOutcome family = MoveInFamily();
  const std::string wife = family.versions[1].addressee_number;
  CorrectionCommand first;
  first.input = Input("2026-11-27");
  first.addressee_number = wife;
  first.given_name = "華子";
  ASSERT_TRUE(Changes().Correction(first));
  // A second clerk computed their change from version 1, before the first clerk saved.
  ResidentRecord from_v1 = family.versions[1];
  from_v1.history_number = 2;
  from_v1.family_kana = "カクウ";
  const int64_t changes_before = Count("change_record");
  auto stale = repository_->Append(ChangeRecord{}, {from_v1}, {{wife, 1}});
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().rule_id, "change.stale");
  EXPECT_EQ(stale.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Count("change_record"), changes_before);
  EXPECT_EQ(repository_->Latest(wife)->given_name, "華子") << "no lost update";
}

// REQ: JK-10.3
TEST_F(ResidentChangesTest, ConcurrentClerksNeverLoseAnUpdate) {
  const ChangeOutcome family = MoveInFamily();
  const std::string wife = family.versions[1].addressee_number;
  std::atomic<int> saved{0};
  std::atomic<int> conflicts{0};
  std::vector<std::thread> clerks;
  for (int clerk = 0; clerk < 4; ++clerk) {
    clerks.emplace_back([&, clerk] {
      Database db(path_);
      SqliteResidentRepository repository(db);
      for (int round = 0; round < 10; ++round) {
        ResidentChanges changes(
            repository,
            ChangeContext{CalDay("2026-11-27"), "clerk" + std::to_string(clerk), "本庁", "T"});
        CorrectionCommand c;
        c.input = Input("2026-11-27");
        c.addressee_number = wife;
        c.given_name = "名" + std::to_string(clerk) + "-" + std::to_string(round);
        auto outcome = changes.Correction(c);
        if (outcome) {
          ++saved;
        } else if (outcome.error().rule_id == "change.stale") {
          ++conflicts;
        } else {
          ADD_FAILURE() << outcome.error().rule_id;
        }
      }
    });
  }
  for (auto& t : clerks) t.join();
  EXPECT_EQ(saved + conflicts, 40);
  EXPECT_GE(saved, 1);
  auto history = repository_->History(wife);
  EXPECT_EQ(static_cast<int>(history.size()), 1 + saved.load()) << "every save is one version";
  for (std::size_t i = 0; i < history.size(); ++i) {
    EXPECT_EQ(history[i].version.history_number, static_cast<int>(i) + 1);
  }
}

// REQ: JK-1.2.1, JK-1.1.5
TEST_F(ResidentChangesTest, TheRegisterIsAppendOnlyAndAllOrNothing) {
  const ChangeOutcome family = MoveInFamily();
  EXPECT_THROW(db_->Execute("UPDATE resident_version SET given_name = 'x'"), StorageError);
  EXPECT_THROW(db_->Execute("DELETE FROM resident_version"), StorageError);
  EXPECT_THROW(db_->Execute("UPDATE change_record SET note = 'x'"), StorageError);
  EXPECT_THROW(db_->Execute("DELETE FROM change_record"), StorageError);
  // A write that fails halfway (the second version skips a history number) leaves nothing.
  ResidentRecord a = family.versions[0];
  a.history_number = 2;
  ResidentRecord b = family.versions[1];
  b.history_number = 5;
  const int64_t changes = Count("change_record");
  const int64_t versions = Count("resident_version");
  EXPECT_THROW((void)repository_->Append(ChangeRecord{}, {a, b}, {}), StorageError);
  EXPECT_EQ(Count("change_record"), changes);
  EXPECT_EQ(Count("resident_version"), versions);
}

// REQ: JK-1.1.13
TEST_F(ResidentChangesTest, NumbersAreNeverReused) {
  std::set<std::string> atena;
  for (int i = 0; i < 8; ++i) {
    MoveInCommand command;
    command.input = Input("2026-11-01", "2026-11-02");
    const std::string given = "人" + std::to_string(i);
    command.persons = {
        Person("番号", given.c_str(), "バンゴウ", "ヒト", "平成元年1月8日", Sex::kMale, "世帯主")};
    command.new_address = TownAddress("6番1号");
    auto outcome = Changes().MoveIn(command);
    ASSERT_TRUE(outcome) << RuleOf(outcome);
    EXPECT_TRUE(atena.insert(outcome->versions[0].addressee_number).second);
    DeathCommand death;
    death.input = Input("2026-11-20", "2026-11-21");
    death.addressee_number = outcome->versions[0].addressee_number;
    ASSERT_TRUE(Changes().Death(death));
  }
  // Serials 6 and 23 … have M11 remainder 1 and are skipped (JK-1.1.13 decision).
  EXPECT_FALSE(atena.contains("0000000060"));
}

}  // namespace
}  // namespace jrr

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

// REQ: JK-10.3
TEST_F(ResidentChangesTest, WhileOneClerkEditsAPersonOthersCanOnlyView) {
  const ChangeOutcome family = MoveInFamily();
  const std::string wife = family.versions[1].addressee_number;
  SqliteEditLeases leases(*db_);
  ASSERT_TRUE(leases.Acquire({wife}, "clerk01", 1000, 600));
  auto taken = leases.Acquire({wife}, "clerk02", 1100, 600);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().rule_id, "change.locked_by_other");
  EXPECT_EQ(taken.error().code, ErrorCode::kConflict);
  CorrectionCommand c;
  c.input = Input("2026-11-27");
  c.addressee_number = wife;
  c.given_name = "華子";
  ChangeContext other{CalDay("2026-11-27"), "clerk02", "本庁", "T02"};
  other.now_epoch_seconds = 1100;
  auto refused = ResidentChanges(*repository_, other).Correction(c);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "change.locked_by_other");
  EXPECT_TRUE(repository_->Latest(wife).has_value()) << "viewing is never blocked";
  ChangeContext holder{CalDay("2026-11-27"), "clerk01", "本庁", "T01"};
  holder.now_epoch_seconds = 1100;
  ASSERT_TRUE(ResidentChanges(*repository_, holder).Correction(c)) << "the holder may save";
  // The lease ends by itself, or when released.
  other.now_epoch_seconds = 1601;
  c.given_name = "花子";
  EXPECT_TRUE(ResidentChanges(*repository_, other).Correction(c));
  ASSERT_TRUE(leases.Acquire({wife}, "clerk02", 1700, 600));
  leases.Release({wife}, "clerk02");
  EXPECT_TRUE(leases.Acquire({wife}, "clerk03", 1701, 600));
}

}  // namespace
}  // namespace jrr

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

TEST_F(ResidentChangesTest, TheRegisterInFigures) {
  const ChangeOutcome family = MoveInFamily();
  DeathCommand death;
  death.input = Input("2026-11-20", "2026-11-21");
  death.addressee_number = family.versions[2].addressee_number;
  ASSERT_TRUE(Changes().Death(death));
  const RegisterFigures figures = CountRegister(*db_);
  EXPECT_EQ(figures.residents, 2);
  EXPECT_EQ(figures.foreign_residents, 0);
  EXPECT_EQ(figures.households, 1);
  EXPECT_EQ(figures.removed, 1);
  EXPECT_EQ(figures.changes, 2);
}

}  // namespace
}  // namespace jrr
