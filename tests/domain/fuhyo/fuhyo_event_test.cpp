// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の異動（附票）: what each staff-entered event appends, and every refusal of PlanFuhyoEvent.
#include "jrr/domain/fuhyo/fuhyo_event.h"

#include <gtest/gtest.h>

namespace jrr {
namespace {

constexpr CalendarDate kToday{2026, 11, 28};
constexpr std::string_view kOurs = "架空県架空市";

FuhyoMember Member(int64_t id, const char* family, const char* given, CalendarDate birth) {
  FuhyoMember m;
  m.member_id = id;
  m.version = 1;
  m.family_name = family;
  m.given_name = given;
  m.birth_date = birth;
  m.sex = Sex::kMale;
  m.addresses.push_back(
      FuhyoAddress{"架空県架空市桜町一丁目1番", false, {2020, 4, 1}, "異動 1", {2020, 4, 2}});
  return m;
}

// A current 附票 of two living members and one removed before 2022-01-11 (no 生年月日・性別).
Fuhyo Sample() {
  Fuhyo f;
  f.fuhyo_id = 7;
  f.koseki = KosekiKey{"架空県架空市桜町一丁目1番地", "架空　一郎"};
  f.members.push_back(Member(1, "架空", "一郎", {1970, 5, 5}));
  f.members.push_back(Member(2, "架空", "花子", {1972, 3, 3}));
  FuhyoMember gone = Member(3, "架空", "次郎", {1990, 1, 1});
  gone.birth_date.reset();
  gone.sex.reset();
  gone.removed = true;
  gone.removal_reason = "除籍: 婚姻";
  gone.removed_on = CalendarDate{2015, 6, 1};
  f.members.push_back(gone);
  return f;
}

FuhyoEvent Event(FuhyoEventKind kind) {
  FuhyoEvent e;
  e.kind = kind;
  e.fuhyo_id = 7;
  e.on = CalendarDate{2026, 11, 20};
  e.reason = "届出";
  return e;
}

// LAW: 住基法第18条 (職権), 住基法第17条, 住基法第21条
TEST(FuhyoEventRules, EveryRefusal) {
  struct Row {
    const char* name;
    FuhyoEvent event;
    bool current_exists;  // the event names the sample 附票
    bool target_exists;
    const char* rule;
  };
  auto with = [](FuhyoEventKind kind, auto change) {
    FuhyoEvent e = Event(kind);
    change(e);
    return e;
  };
  const Row kRows[] = {
      {"no reason",
       with(FuhyoEventKind::kLeave,
            [](FuhyoEvent& e) {
              e.reason.clear();
              e.member_id = 1;
            }),
       true, false, "fuhyo.reason_required"},
      {"future day",
       with(FuhyoEventKind::kLeave,
            [](FuhyoEvent& e) {
              e.on = {2026, 11, 29};
              e.member_id = 1;
            }),
       true, false, "fuhyo.date_future"},
      {"編製 without 筆頭者",
       with(FuhyoEventKind::kCreate,
            [](FuhyoEvent& e) {
              e.koseki = {"架空県架空市桜町2番地", ""};
            }),
       false, false, "fuhyo.koseki_required"},
      {"編製 of another municipality's 本籍",
       with(FuhyoEventKind::kCreate,
            [](FuhyoEvent& e) {
              e.koseki = {"架空県架空村中央1番地", "架空　太郎"};
            }),
       false, false, "fuhyo.not_ours"},
      {"編製 twice",
       with(FuhyoEventKind::kCreate,
            [](FuhyoEvent& e) {
              e.koseki = {"架空県架空市桜町2番地", "架空　太郎"};
            }),
       false, true, "fuhyo.exists"},
      {"unknown 附票", with(FuhyoEventKind::kRemake, [](FuhyoEvent&) {}), false, false,
       "fuhyo.unknown_koseki"},
      {"入籍 without 生年月日",
       with(FuhyoEventKind::kEnter,
            [](FuhyoEvent& e) {
              e.family_name = "架空";
              e.sex = Sex::kFemale;
            }),
       true, false, "fuhyo.member_incomplete"},
      {"入籍 born after the day",
       with(FuhyoEventKind::kEnter,
            [](FuhyoEvent& e) {
              e.family_name = "架空";
              e.sex = Sex::kFemale;
              e.birth_date = CalendarDate{2026, 11, 21};
            }),
       true, false, "fuhyo.date_order"},
      {"入籍 twice",
       with(FuhyoEventKind::kEnter,
            [](FuhyoEvent& e) {
              e.family_name = "架空";
              e.given_name = "花子";
              e.sex = Sex::kFemale;
              e.birth_date = CalendarDate{1972, 3, 3};
            }),
       true, false, "fuhyo.member_exists"},
      {"除籍 of someone already removed",
       with(FuhyoEventKind::kLeave, [](FuhyoEvent& e) { e.member_id = 3; }), true, false,
       "fuhyo.member_not_found"},
      {"死亡 before the latest address",
       with(FuhyoEventKind::kDeath,
            [](FuhyoEvent& e) {
              e.member_id = 1;
              e.on = {2019, 1, 1};
            }),
       true, false, "fuhyo.date_order"},
      {"職権修正 that changes nothing",
       with(FuhyoEventKind::kCorrection,
            [](FuhyoEvent& e) {
              e.member_id = 1;
              e.given_name = "一郎";
            }),
       true, false, "fuhyo.nothing_to_correct"},
      {"生年月日 for someone removed in 2015",
       with(FuhyoEventKind::kCorrection,
            [](FuhyoEvent& e) {
              e.member_id = 3;
              e.birth_date = CalendarDate{1990, 1, 1};
            }),
       true, false, "fuhyo.item_not_in_force"},
      {"住民票コード for someone removed in 2015",
       with(FuhyoEventKind::kCorrection,
            [](FuhyoEvent& e) {
              e.member_id = 3;
              e.resident_record_code = "12345678901";
            }),
       true, false, "fuhyo.item_not_in_force"},
      {"振り仮名 in hiragana",
       with(FuhyoEventKind::kCorrection,
            [](FuhyoEvent& e) {
              e.member_id = 1;
              e.family_kana = "かくう";
            }),
       true, false, "furigana.katakana_only"},
      {"支援措置 without an end",
       with(FuhyoEventKind::kProtect, [](FuhyoEvent& e) { e.member_id = 1; }), true, false,
       "fuhyo.period_required"},
      {"支援措置終了 of an unprotected member",
       with(FuhyoEventKind::kProtectEnd, [](FuhyoEvent& e) { e.member_id = 1; }), true, false,
       "fuhyo.member_not_found"},
  };
  for (const Row& row : kRows) {
    std::optional<Fuhyo> current;
    if (row.current_exists) current = Sample();
    auto plan = PlanFuhyoEvent(current, row.target_exists, row.event, kOurs, kToday);
    ASSERT_FALSE(plan) << row.name;
    EXPECT_EQ(plan.error().rule_id, row.rule) << row.name;
  }
  // A closed 附票 takes nothing.
  Fuhyo closed = Sample();
  closed.state = FuhyoState::kClosed;
  FuhyoEvent e = Event(FuhyoEventKind::kEnter);
  auto plan = PlanFuhyoEvent(closed, false, e, kOurs, kToday);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().rule_id, "fuhyo.not_current");
  // 改製 with nobody left.
  Fuhyo empty = Sample();
  for (FuhyoMember& m : empty.members) m.removed = true;
  plan = PlanFuhyoEvent(empty, false, Event(FuhyoEventKind::kRemake), kOurs, kToday);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().rule_id, "fuhyo.nobody_left");
}

// LAW: 住基法第21条 (除票), 住基法第18条
TEST(FuhyoEventRules, TheLastRemovalClosesTheRegister) {
  FuhyoEvent e = Event(FuhyoEventKind::kLeave);
  e.member_id = 1;
  auto plan = PlanFuhyoEvent(Sample(), false, e, kOurs, kToday);
  ASSERT_TRUE(plan) << plan.error().rule_id;
  EXPECT_FALSE(plan->close_as) << "花子 is still in the 戸籍";
  ASSERT_EQ(plan->on_current.size(), 1u);
  EXPECT_TRUE(plan->on_current[0].member.removed);
  EXPECT_EQ(plan->on_current[0].member.removal_reason, "除籍: 届出");
  EXPECT_EQ(plan->on_current[0].member.removed_on, e.on);

  Fuhyo one_left = Sample();
  one_left.members[0].removed = true;
  e.kind = FuhyoEventKind::kDeath;
  e.member_id = 2;
  plan = PlanFuhyoEvent(one_left, false, e, kOurs, kToday);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(plan->close_as);
  EXPECT_EQ(*plan->close_as, FuhyoState::kClosed);
  EXPECT_EQ(plan->on_current[0].member.removal_reason, "死亡: 届出");
}

// LAW: 住基法第16条 (改製), 住基法第21条 (改製原附票)
TEST(FuhyoEventRules, RemakeAndTransferCarryTheLivingWithTheirAddress) {
  auto plan = PlanFuhyoEvent(Sample(), false, Event(FuhyoEventKind::kRemake), kOurs, kToday);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(plan->close_as);
  EXPECT_EQ(*plan->close_as, FuhyoState::kRemade);
  ASSERT_TRUE(plan->create);
  EXPECT_EQ(*plan->create, Sample().koseki);
  ASSERT_EQ(plan->on_created.size(), 2u) << "the removed 次郎 stays on the 改製原附票 only";
  EXPECT_EQ(plan->on_created[0].member.member_id, 0) << "new members of the new 附票";
  ASSERT_EQ(plan->on_created[0].lines.size(), 1u);
  EXPECT_EQ(plan->on_created[0].lines[0].address, "架空県架空市桜町一丁目1番");
  EXPECT_EQ(plan->on_created[0].lines[0].since, (CalendarDate{2020, 4, 1}))
      << "住所を定めた年月日 is carried as it was";
  EXPECT_EQ(plan->on_created[0].lines[0].source, "改製: 届出");

  // 転籍 out of the municipality: the 附票 closes, nothing is made here.
  FuhyoEvent out = Event(FuhyoEventKind::kTransfer);
  out.koseki = KosekiKey{"架空県架空村中央1番地", "架空　一郎"};
  plan = PlanFuhyoEvent(Sample(), false, out, kOurs, kToday);
  ASSERT_TRUE(plan);
  EXPECT_EQ(*plan->close_as, FuhyoState::kClosed);
  EXPECT_FALSE(plan->create);
  // 管内転籍: a new 附票 for the new 本籍 with the living members.
  FuhyoEvent within = Event(FuhyoEventKind::kTransfer);
  within.koseki = KosekiKey{"架空県架空市梅町3番地", "架空　一郎"};
  plan = PlanFuhyoEvent(Sample(), false, within, kOurs, kToday);
  ASSERT_TRUE(plan);
  ASSERT_TRUE(plan->create);
  EXPECT_EQ(plan->create->domicile, "架空県架空市梅町3番地");
  EXPECT_EQ(plan->on_created.size(), 2u);
  plan = PlanFuhyoEvent(Sample(), true, within, kOurs, kToday);
  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().rule_id, "fuhyo.exists");
}

// LAW: 住基法第18条 (記載の修正)
TEST(FuhyoEventRules, CorrectionChangesOnlyWhatIsGiven) {
  FuhyoEvent e = Event(FuhyoEventKind::kCorrection);
  e.member_id = 2;
  e.given_name = "華子";
  e.reason = "戸籍との照合による誤記修正";
  auto plan = PlanFuhyoEvent(Sample(), false, e, kOurs, kToday);
  ASSERT_TRUE(plan);
  ASSERT_EQ(plan->on_current.size(), 1u);
  const FuhyoWrite& w = plan->on_current[0];
  EXPECT_TRUE(w.new_version);
  EXPECT_EQ(w.member.given_name, "華子");
  EXPECT_EQ(w.member.family_name, "架空");
  EXPECT_EQ(w.member.birth_date, (CalendarDate{1972, 3, 3}));
  EXPECT_TRUE(w.lines.empty());
  EXPECT_EQ(plan->source, "職権修正: 戸籍との照合による誤記修正");

  // An address alone: a new line, no new version.
  FuhyoEvent moved = Event(FuhyoEventKind::kCorrection);
  moved.member_id = 1;
  moved.address = "架空県架空市桜町一丁目2番";
  moved.since = CalendarDate{2020, 4, 1};
  plan = PlanFuhyoEvent(Sample(), false, moved, kOurs, kToday);
  ASSERT_TRUE(plan);
  EXPECT_FALSE(plan->on_current[0].new_version);
  ASSERT_EQ(plan->on_current[0].lines.size(), 1u);
  EXPECT_EQ(plan->on_current[0].lines[0].recorded_on, kToday);

  // 在外選挙人名簿の登録 recorded, then cleared.
  FuhyoEvent voter = Event(FuhyoEventKind::kCorrection);
  voter.member_id = 1;
  voter.overseas_voter = "架空県架空市";
  plan = PlanFuhyoEvent(Sample(), false, voter, kOurs, kToday);
  ASSERT_TRUE(plan);
  EXPECT_TRUE(plan->on_current[0].new_version);
  EXPECT_EQ(plan->on_current[0].member.overseas_voter_municipality, "架空県架空市");
  Fuhyo registered = Sample();
  registered.members[0].overseas_voter_municipality = "架空県架空市";
  voter.overseas_voter = std::string(kNoOverseasVoter);
  plan = PlanFuhyoEvent(registered, false, voter, kOurs, kToday);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->on_current[0].member.overseas_voter_municipality, "");

  // A member removed in 2015 can still have the name corrected (an item of that time).
  FuhyoEvent old = Event(FuhyoEventKind::kCorrection);
  old.member_id = 3;
  old.given_name = "治郎";
  EXPECT_TRUE(PlanFuhyoEvent(Sample(), false, old, kOurs, kToday));
}

// REQ: JK-3.4
TEST(FuhyoEventRules, ProtectionPassedOnRunsForItsPeriod) {
  FuhyoEvent e = Event(FuhyoEventKind::kProtect);
  e.member_id = 2;
  e.until = CalendarDate{2027, 11, 19};
  auto plan = PlanFuhyoEvent(Sample(), false, e, kOurs, kToday);
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->protect_member, 2);
  FuhyoMember m = Sample().members[1];
  m.protected_from = e.on;
  m.protected_until = e.until;
  EXPECT_FALSE(m.ProtectedOn({2026, 11, 19}));
  EXPECT_TRUE(m.ProtectedOn({2026, 11, 20}));
  EXPECT_TRUE(m.ProtectedOn({2027, 11, 19}));
  EXPECT_FALSE(m.ProtectedOn({2027, 11, 20}));
}

// LAW: 住基法第18条
TEST(FuhyoEventRules, CodesRoundTrip) {
  for (const char* code : {"hensei", "nyuseki", "joseki", "shibou", "tenseki", "kaisei", "shusei",
                           "shien", "shien-end"}) {
    auto kind = FuhyoEventKindFromCode(code);
    ASSERT_TRUE(kind) << code;
    EXPECT_EQ(FuhyoEventCode(*kind), code);
    EXPECT_FALSE(FuhyoEventNameJa(*kind).empty());
  }
  EXPECT_EQ(FuhyoEventKindFromCode("rikon").error().rule_id, "fuhyo.unknown_event");
}

}  // namespace
}  // namespace jrr
