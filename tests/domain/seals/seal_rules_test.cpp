// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録: what a 住民記録 異動 does to an active registration (pure: SealEffectsOf), and the
// eligibility rules on their boundaries.
#include <gtest/gtest.h>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/seals/seal_registration.h"

namespace jrr {
namespace {

ResidentRecord Person(const char* atena) {
  ResidentRecord r;
  r.addressee_number = atena;
  r.family_name = "架空";
  r.given_name = "一郎";
  r.birth_date = *ParseDate("1980-04-01");
  return r;
}

SealRegistration ActiveFor(const ResidentRecord& p, SealNameForm form = SealNameForm::kFullName) {
  SealRegistration r;
  r.addressee_number = p.addressee_number;
  r.state = SealState::kActive;
  r.name_form = form;
  r.registered_name = NameForForm(p, form);
  return r;
}

// LAW: 印鑑条例 (職権抹消, 失効)
TEST(SealRules, WhatEachChangeDoesToTheRegistration) {
  const ResidentRecord before = Person("01");
  struct Row {
    const char* name;
    std::function<void(ResidentRecord&)> change;
    SealNameForm form;
    const char* reason;  // nullptr: no effect
  };
  const Row kRows[] = {
      {"転居", [](ResidentRecord& v) { v.address.banchi = "9番9号"; }, SealNameForm::kFullName,
       nullptr},
      {"名 changes, seal shows 氏 only", [](ResidentRecord& v) { v.given_name = "一朗"; },
       SealNameForm::kSurname, nullptr},
      {"氏 changes (marriage)", [](ResidentRecord& v) { v.family_name = "実在"; },
       SealNameForm::kFullName, "氏名等の変更による失効"},
      {"成年後見開始", [](ResidentRecord& v) { v.adult_ward = true; }, SealNameForm::kFullName,
       "成年後見開始"},
      {"死亡",
       [](ResidentRecord& v) {
         v.status = ResidentStatus::kRemoved;
         v.removal = RemovalItems{ChangeReason::kDeath, *ParseDate("2026-11-20"), {}, {}, {}, {}};
       },
       SealNameForm::kFullName, "死亡"},
      {"改製 keeps the person",
       [](ResidentRecord& v) {
         v.status = ResidentStatus::kRemoved;
         v.removal =
             RemovalItems{ChangeReason::kRemovalRemaking, *ParseDate("2026-11-20"), {}, {}, {}, {}};
       },
       SealNameForm::kFullName, nullptr},
  };
  for (const Row& row : kRows) {
    ResidentRecord after = before;
    row.change(after);
    ChangeOutcome outcome;
    outcome.change.processing_date = CalendarDate{2026, 11, 27};
    outcome.versions = {after};
    const auto effects = SealEffectsOf(outcome, {ActiveFor(before, row.form)}, SealSettings{});
    if (row.reason == nullptr) {
      EXPECT_TRUE(effects.empty()) << row.name;
    } else {
      ASSERT_EQ(effects.size(), 1u) << row.name;
      EXPECT_EQ(effects[0].reason, row.reason) << row.name;
      EXPECT_EQ(effects[0].on, (CalendarDate{2026, 11, 27})) << row.name;
    }
  }
}

// The 転出 ends it on the 届出日 or on the 転出予定日, as the municipality set; both are kept.
// LAW: 印鑑条例 (職権抹消)
TEST(SealRules, MoveOutEndsOnTheDayTheSettingChooses) {
  const ResidentRecord before = Person("01");
  ResidentRecord after = before;
  after.status = ResidentStatus::kRemoved;
  after.removal =
      RemovalItems{ChangeReason::kDomesticMoveOut, *ParseDate("2026-12-15"), {}, {}, {}, {}};
  ChangeOutcome outcome;
  outcome.change.processing_date = CalendarDate{2026, 11, 27};
  outcome.versions = {after};
  auto effects = SealEffectsOf(outcome, {ActiveFor(before)}, SealSettings{});
  ASSERT_EQ(effects.size(), 1u);
  EXPECT_EQ(effects[0].on, (CalendarDate{2026, 11, 27}));
  EXPECT_EQ(effects[0].reason, "国内転出（転出予定日 2026-12-15）");
  SealSettings planned;
  planned.end_on_planned_move_out = true;
  effects = SealEffectsOf(outcome, {ActiveFor(before)}, planned);
  EXPECT_EQ(effects[0].on, (CalendarDate{2026, 12, 15}));
  EXPECT_EQ(effects[0].reason, "国内転出（届出日 2026-11-27）");
  // Before the 転出予定日 the person may still register; from it, not.
  EXPECT_TRUE(CheckEligibility(after, CalendarDate{2026, 12, 14}, SealSettings{}, false, false));
  EXPECT_EQ(CheckEligibility(after, CalendarDate{2026, 12, 15}, SealSettings{}, false, false)
                .error()
                .rule_id,
            "seal.not_resident");
}

// LAW: 印鑑条例 (登録資格)
TEST(SealRules, GuardianshipAndNameForms) {
  ResidentRecord p = Person("01");
  p.adult_ward = true;
  EXPECT_EQ(
      CheckEligibility(p, CalendarDate{2026, 11, 27}, SealSettings{}, false, false).error().rule_id,
      "seal.guardian_required");
  EXPECT_TRUE(CheckEligibility(p, CalendarDate{2026, 11, 27}, SealSettings{}, true, false));
  p.former_surname = "旧姓";
  EXPECT_TRUE(CheckNameForm(p, SealNameForm::kFormerSurname));
  EXPECT_EQ(CheckNameForm(p, SealNameForm::kKatakana).error().rule_id,
            "seal.name_form_unavailable");
  ResidentRecord f = Person("02");
  f.kind = ResidentKind::kForeign;
  f.foreign.alphabet_name = "SMITH DAVID";
  f.family_kana = "スミス";
  f.given_kana = "デイビッド";
  EXPECT_TRUE(CheckNameForm(f, SealNameForm::kAlphabet));
  EXPECT_TRUE(CheckNameForm(f, SealNameForm::kKatakana));
  EXPECT_EQ(NameForForm(f, SealNameForm::kKatakana), "スミスデイビッド");
  EXPECT_EQ(CheckNameForm(f, SealNameForm::kCommonName).error().rule_id,
            "seal.name_form_unavailable");
  EXPECT_EQ(CheckNameForm(f, SealNameForm::kFormerSurname).error().rule_id,
            "seal.name_form_unavailable");
}

}  // namespace
}  // namespace jrr
