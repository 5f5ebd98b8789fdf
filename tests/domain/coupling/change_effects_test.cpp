// SPDX-License-Identifier: Apache-2.0
//
// PlanChangeEffects (coupling/change_effects.h): what a 異動 causes outside the 住民記録, decided
// from the facts alone — each case a 異動, the facts the register holds, and the plan expected.
#include "jrr/domain/coupling/change_effects.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>

#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

ResidentRecord Person(const std::string& atena, const std::string& domicile) {
  ResidentRecord r;
  r.addressee_number = atena;
  r.household_number = "H1";
  r.history_number = 2;
  r.family_name = "架空";
  r.given_name = "一郎";
  r.sex = Sex::kMale;
  r.birth_date = ExactRecordedDate({1980, 4, 1});
  r.domicile = {Domicile::State::kRecorded, domicile, "架空　一郎"};
  r.address.text = "架空県架空市桜町一丁目";
  r.address.banchi = "1番2号";
  return r;
}

ResidentRecord Removed(ResidentRecord r, ChangeReason reason) {
  r.status = ResidentStatus::kRemoved;
  r.removal = RemovalItems{};
  r.removal->reason = reason;
  r.removal->effective = ExactRecordedDate({2026, 11, 20});
  r.removal->planned_destination.text = "東京都千代田区霞が関二丁目";
  return r;
}

ChangeOutcome Outcome(ChangeReason reason, std::vector<ResidentRecord> versions) {
  ChangeOutcome outcome;
  outcome.change.reason = reason;
  outcome.change.processing_date = {2026, 11, 20};
  outcome.change.operator_id = "clerk01";
  outcome.versions = std::move(versions);
  return outcome;
}

// The facts of a register holding no 附票 yet of the 戸籍 the people's 本籍 (here) names.
ChangeEffectFacts Facts() {
  ChangeEffectFacts facts;
  facts.municipality = "架空県架空市";
  facts.municipality_code = "990001";
  facts.our_fuhyo.push_back({{"架空県架空市本町1番地", "架空　一郎"}, std::nullopt, {}, {}});
  return facts;
}

SupportMeasure Measure(int64_t id, const std::string& applicant, SupportState state) {
  SupportMeasure m;
  m.measure_id = id;
  m.version = 1;
  m.applicant = applicant;
  m.state = state;
  return m;
}

bool Has(const std::vector<std::string>& notices, const std::string& rule) {
  return std::find(notices.begin(), notices.end(), rule) != notices.end();
}

// 印鑑登録 ends with the person: 転出 and 死亡 end it, a 転居 does not.
// LAW: 印鑑条例
TEST(PlanChangeEffects, ASealEndsWithAMoveOutOrADeathButNotAMoveWithin) {
  SealRegistration seal;
  seal.registration_id = 7;
  seal.addressee_number = "0000000019";
  seal.state = SealState::kActive;
  seal.registered_name = "架空　一郎";
  struct Case {
    ChangeReason reason;
    bool removed;
    bool ends;
  } cases[] = {
      {ChangeReason::kDomesticMoveOut, true, true},
      {ChangeReason::kDeath, true, true},
      {ChangeReason::kWithinMove, false, false},
  };
  for (const Case& c : cases) {
    ResidentRecord v = Person("0000000019", "架空県架空市本町1番地");
    if (c.removed) v = Removed(v, c.reason);
    ChangeEffectFacts facts = Facts();
    facts.active_seals = {seal};
    facts.before = {std::nullopt};
    auto plan = PlanChangeEffects(Outcome(c.reason, {v}), facts);
    ASSERT_TRUE(plan) << plan.error().rule_id;
    EXPECT_EQ(plan->seals_ended.size(), c.ends ? 1u : 0u) << static_cast<int>(c.reason);
    EXPECT_EQ(Has(plan->notices, "seal.ended"), c.ends);
    if (c.ends) {
      EXPECT_EQ(plan->seals_ended[0].state, SealState::kEnded);
      EXPECT_EQ(plan->seals_ended[0].operator_id, "clerk01");
    }
  }
}

// JK-3.4: the 申出者's own measure becomes a 仮支援措置 of the former address on a 転出 — not on a
// death, not for someone only co-protected, not twice — and no notice names it.
// REQ: JK-3.4
TEST(PlanChangeEffects, AnApplicantMovingOutKeepsProtectionAsFormerAddressUnnamed) {
  const ResidentRecord mover =
      Removed(Person("0000000019", "架空県架空市本町1番地"), ChangeReason::kDomesticMoveOut);
  ChangeEffectFacts facts = Facts();
  facts.before = {std::nullopt};
  SupportMeasure co_protected_only = Measure(5, "0000000099", SupportState::kInForce);
  co_protected_only.co_protected.push_back({"0000000019", "子"});
  facts.measures = {Measure(1, "0000000019", SupportState::kInForce),
                    Measure(2, "0000000027", SupportState::kInForce),
                    Measure(3, "0000000019", SupportState::kFormerAddress),
                    Measure(4, "0000000019", SupportState::kEnded),
                    co_protected_only,
                    Measure(1, "0000000019", SupportState::kInForce)};  // read twice: planned once
  auto plan = PlanChangeEffects(Outcome(ChangeReason::kDomesticMoveOut, {mover}), facts);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->measures_switched.size(), 1u);
  EXPECT_EQ(plan->measures_switched[0].measure_id, 1);
  EXPECT_EQ(plan->measures_switched[0].state, SupportState::kFormerAddress);
  EXPECT_TRUE(plan->notices.empty()) << "nothing tells the clerk of the measure";
  const ResidentRecord died =
      Removed(Person("0000000019", "架空県架空市本町1番地"), ChangeReason::kDeath);
  auto death = PlanChangeEffects(Outcome(ChangeReason::kDeath, {died}), facts);
  ASSERT_TRUE(death);
  EXPECT_TRUE(death->measures_switched.empty());
}

// 住基法第19条第1項: a 附票 item changed is applied here for a 本籍 here, noticed to the 本籍地
// otherwise; a 本籍 that cannot be routed, or a register before `jrr init`, notices nothing.
// LAW: 住基法第19条第1項
TEST(PlanChangeEffects, AFuhyoChangeGoesToTheMunicipalityOfTheDomicile) {
  struct Case {
    std::string domicile;
    std::string municipality;  // this register's
    int effects;
    bool ours;
    std::string to;
  } cases[] = {
      {"架空県架空市本町1番地", "架空県架空市", 1, true, "架空県架空市"},
      {"大阪府大阪市北区中之島一丁目1番地", "架空県架空市", 1, false, "大阪府大阪市"},
      {"どこか1番地", "架空県架空市", 0, false, ""},
      {"大阪府大阪市北区中之島一丁目1番地", "", 0, false, ""},
  };
  for (const Case& c : cases) {
    ResidentRecord before = Person("0000000019", c.domicile);
    before.history_number = 1;
    ResidentRecord after = before;
    after.history_number = 2;
    after.address.text = "架空県架空市桜町二丁目";
    ChangeEffectFacts facts = Facts();
    facts.municipality = c.municipality;
    facts.before = {before};
    auto plan = PlanChangeEffects(Outcome(ChangeReason::kWithinMove, {after}), facts);
    ASSERT_TRUE(plan) << c.domicile;
    ASSERT_EQ(plan->fuhyo.size(), static_cast<std::size_t>(c.effects)) << c.domicile;
    EXPECT_EQ(Has(plan->notices, "fuhyo.noticed"), c.effects > 0);
    if (c.effects == 0) continue;
    EXPECT_EQ(plan->fuhyo[0].ours, c.ours) << c.domicile;
    EXPECT_EQ(plan->fuhyo[0].notice.to_municipality, c.to);
    EXPECT_EQ(plan->fuhyo[0].notice.from_municipality, "架空県架空市");
    EXPECT_EQ(plan->fuhyo[0].addressee_number, "0000000019");
  }
}

FuhyoMember Member(int64_t id, const std::string& given, std::optional<CalendarDate> birth) {
  FuhyoMember m;
  m.member_id = id;
  m.family_name = "架空";
  m.given_name = given;
  m.birth_date = birth;
  if (birth) m.sex = Sex::kMale;
  return m;
}

// Our 附票 is written to the member the plan chooses (住基法第17条: one member a person): the one of
// the person's 氏名, 生年月日 and 性別; a new one when none is; never one an earlier 異動 of ours
// wrote for someone else; and a 異動 that cannot tell two members apart, would make two of its
// people one member, or finds a member who is another resident, is refused.
// LAW: 住基法第17条, 住基法第19条
TEST(PlanChangeEffects, OurFuhyoIsWrittenToTheMemberThePersonIs) {
  const std::string domicile = "架空県架空市本町1番地";
  const CalendarDate born{1980, 4, 1};
  using People = std::map<int64_t, std::vector<std::string>>;
  struct Case {
    std::string name;
    std::optional<std::vector<FuhyoMember>> members;  // nullopt: no 附票 of the 戸籍 yet
    std::map<int64_t, std::string> written_for;
    People people;   // whom each member is
    bool twice;      // two people of the 異動 with the same facts
    int64_t member;  // expected member id (0: new); -1 fuhyo.member_ambiguous, -2 member_of_another
  } cases[] = {
      {"no 附票 yet", std::nullopt, {}, {}, false, 0},
      {"the member of the same facts",
       {{Member(7, "一郎", born), Member(8, "次郎", born)}},
       {},
       {},
       false,
       7},
      {"the member who is this person",
       {{Member(7, "一郎", born)}},
       {},
       People{{7, {"0000000019"}}},
       false,
       7},
      {"the member who is another resident",
       {{Member(7, "一郎", born)}},
       {},
       People{{7, {"0000000027"}}},
       false,
       -2},
      {"no member of the person", {{Member(8, "次郎", born)}}, {}, {}, false, 0},
      {"a member born another day",
       {{Member(7, "一郎", CalendarDate{1981, 4, 1})}},
       {},
       {},
       false,
       0},
      {"two members without birth dates",
       {{Member(7, "一郎", {}), Member(9, "一郎", {})}},
       {},
       {},
       false,
       -1},
      {"one of them written for someone else",
       {{Member(7, "一郎", {}), Member(9, "一郎", {})}},
       {{7, "0000000035"}},
       {},
       false,
       9},
      {"written for this person", {{Member(7, "一郎", {})}}, {{7, "0000000019"}}, {}, false, 7},
      {"two people as one member", std::nullopt, {}, {}, true, -1},
  };
  for (const Case& c : cases) {
    ResidentRecord before = Person("0000000019", domicile);
    before.history_number = 1;
    ResidentRecord after = before;
    after.history_number = 2;
    after.address.text = "架空県架空市桜町二丁目";
    ChangeEffectFacts facts = Facts();
    facts.before = {before};
    std::vector<ResidentRecord> versions = {after};
    if (c.twice) {
      ResidentRecord other = after;
      other.addressee_number = "0000000027";
      versions.push_back(other);
      facts.before.push_back(std::nullopt);
    }
    std::optional<Fuhyo> current;
    if (c.members)
      current = Fuhyo{3, {domicile, "架空　一郎"}, FuhyoState::kCurrent, {}, *c.members};
    facts.our_fuhyo = {{{domicile, "架空　一郎"}, current, c.written_for, c.people}};
    auto plan = PlanChangeEffects(Outcome(ChangeReason::kWithinMove, versions), facts);
    if (c.member < 0) {
      ASSERT_FALSE(plan) << c.name;
      EXPECT_EQ(plan.error().rule_id,
                c.member == -1 ? "fuhyo.member_ambiguous" : "fuhyo.member_of_another")
          << c.name;
      continue;
    }
    ASSERT_TRUE(plan) << c.name << ": " << plan.error().rule_id;
    ASSERT_EQ(plan->fuhyo.size(), 1u) << c.name;
    EXPECT_TRUE(plan->fuhyo[0].ours) << c.name;
    EXPECT_EQ(plan->fuhyo[0].member_id, c.member) << c.name;
  }
}

// A 特例転入 takes up a received 転出証明書情報 once: one never received, or one taken up already,
// refuses the 異動 (and so its 入力確認).
// REQ: JK-4.1.1.3
TEST(PlanChangeEffects, AMoveOutInformationIsTakenUpOnce) {
  using Information = ChangeEffectFacts::Information;
  struct Case {
    Information state;
    const char* refusal;  // nullptr: taken up
  } cases[] = {
      {Information::kNotNamed, "cs.move_out_information_unknown"},
      {Information::kUnknown, "cs.move_out_information_unknown"},
      {Information::kUsed, "cs.move_out_information_used"},
      {Information::kReceived, nullptr},
  };
  for (const Case& c : cases) {
    ChangeOutcome outcome =
        Outcome(ChangeReason::kDomesticMoveIn, {Person("new-person:1", "架空県架空市本町1番地")});
    outcome.change.move_out_information = "架空県架空村-CS-2";
    ChangeEffectFacts facts = Facts();
    facts.before = {std::nullopt};
    facts.move_out_information = c.state;
    facts.information_used_by = 12;
    auto plan = PlanChangeEffects(outcome, facts);
    if (c.refusal != nullptr) {
      ASSERT_FALSE(plan) << static_cast<int>(c.state);
      EXPECT_EQ(plan.error().rule_id, c.refusal);
    } else {
      ASSERT_TRUE(plan) << plan.error().rule_id;
      EXPECT_TRUE(plan->takes_move_out_information);
    }
  }
}

}  // namespace
}  // namespace jrr
