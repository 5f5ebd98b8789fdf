// SPDX-License-Identifier: Apache-2.0
//
// The /seal screen's presenters (web/seals/seal_screen.h): what a clerk sees of a person's 印鑑登録
// 原票 and is told after each step, checked without a server.
#include "jrr/web/seals/seal_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

SealRegistration Entry(SealState state) {
  SealRegistration r;
  r.registration_id = 4;
  r.state = state;
  r.name_form = SealNameForm::kSurname;
  r.registered_name = "架空";
  r.impression.smallest_square_mm = 12.04;
  r.applied_on = CalendarDate{2026, 11, 2};
  if (state == SealState::kInquiry) r.inquiry_deadline = CalendarDate{2026, 12, 2};
  if (state != SealState::kInquiry && state != SealState::kWithdrawn) {
    r.registration_number = "S0000012";
    r.card_number = "C0000034";
    r.registered_on = CalendarDate{2026, 11, 2};
  }
  if (state == SealState::kEnded) {
    r.ended_on = CalendarDate{2026, 12, 1};
    r.end_reason = "転出";
  }
  return r;
}

TEST(SealScreen, EachEntryShowsHowFarItWentAndTheStepsItOffers) {
  struct Case {
    SealState state;
    std::string state_ja, progress;
    bool inquiry, active;
  } cases[] = {
      {SealState::kInquiry, "照会中", "申請 令和8年11月2日／回答期限 令和8年12月2日", true, false},
      {SealState::kActive, "登録", "申請 令和8年11月2日／登録 令和8年11月2日", false, true},
      {SealState::kEnded, "廃止", "申請 令和8年11月2日／登録 令和8年11月2日／転出 令和8年12月1日",
       false, false},
  };
  for (const Case& c : cases) {
    data page;
    PresentSealEntries(page, {Entry(c.state)}, "tok", "0000000019");
    const auto& rows = page.get("entries")->list_value();
    ASSERT_EQ(rows.size(), 1u);
    const data& row = rows[0];
    EXPECT_EQ(TemplateText(row, "state"), c.state_ja);
    EXPECT_EQ(TemplateText(row, "progress"), c.progress) << c.state_ja;
    EXPECT_EQ(TemplateFlag(row, "inquiry"), c.inquiry) << c.state_ja;
    EXPECT_EQ(TemplateFlag(row, "active"), c.active) << c.state_ja;
    EXPECT_EQ(TemplateText(row, "form"), "氏");
    EXPECT_EQ(TemplateText(row, "size"), "12.0 mm");
    EXPECT_EQ(TemplateText(row, "csrf"), "tok");
    EXPECT_EQ(TemplateText(row, "person"), "0000000019");
  }
  data none;
  PresentSealEntries(none, {}, "tok", "0000000019");
  EXPECT_EQ(TemplateText(none, "count"), "0");
  EXPECT_FALSE(TemplateFlag(none, "has_entries"));
}

TEST(SealScreen, TheClerkIsToldWhatToHandOverOrToSend) {
  EXPECT_EQ(
      SealAppliedMessage(Entry(SealState::kActive)),
      "印鑑を登録しました（登録番号 S0000012、登録証 C0000034）。印鑑登録証を交付してください。");
  EXPECT_EQ(SealAppliedMessage(Entry(SealState::kInquiry)),
            "照会中として受け付けました（受付 4）。照会書を印刷して送付してください。");
  EXPECT_EQ(SealStepMessage(Entry(SealState::kEnded)), "受付 4 を「廃止」にしました。");
}

}  // namespace
}  // namespace jrr::web
