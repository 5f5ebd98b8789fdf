// SPDX-License-Identifier: Apache-2.0
//
// The /protection and /support screens' presenters (web/protection/protection_screen.h): a 抑止's
// and a 支援措置's state in words on a given day, and the details behind the marker, checked without
// a server.
#include "jrr/web/protection/protection_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

// REQ: JK-3.1
TEST(ProtectionScreen, ABlockSaysWhetherItRunsOnTheDay) {
  Block b;
  b.block_id = 3;
  b.household_number = "0000000019";
  b.operation = GuardedOperation::kIssue;
  b.level = BlockLevel::kAlert;
  b.start = CalendarDate{2026, 12, 10};
  struct Case {
    CalendarDate today;
    std::optional<CalendarDate> ended_on;
    std::string state;
    bool open;
  } cases[] = {
      {{2026, 12, 8}, std::nullopt, "開始前", true},
      {{2026, 12, 10}, std::nullopt, "有効", true},
      {{2026, 12, 20}, CalendarDate{2026, 12, 15}, "解除（令和8年12月15日）", false},
  };
  for (const Case& c : cases) {
    b.ended_on = c.ended_on;
    const data row = PresentBlock(b, c.today);
    EXPECT_EQ(TemplateText(row, "state"), c.state);
    EXPECT_EQ(TemplateFlag(row, "open"), c.open) << c.state;
    EXPECT_EQ(TemplateText(row, "target"), "世帯 0000000019");
    EXPECT_EQ(TemplateText(row, "operation"), "証明");
    EXPECT_EQ(TemplateText(row, "level"), "アラート");
    EXPECT_EQ(TemplateText(row, "period"), "令和8年12月10日〜—");
  }
}

SupportMeasure Measure(SupportState state) {
  SupportMeasure m;
  m.measure_id = 8;
  m.version = 2;
  m.applicant = "0000000027";
  m.kind = SupportKind::kStalking;
  m.state = state;
  m.provisional_start = CalendarDate{2026, 1, 5};
  if (state != SupportState::kProvisional) {
    m.start = CalendarDate{2026, 1, 20};
    m.end = CalendarDate{2027, 1, 19};
  }
  return m;
}

// REQ: JK-3.4
TEST(ProtectionScreen, AMeasureShowsItsPeriodAndItsAlertsOnTheDay) {
  const data provisional = PresentMeasure(Measure(SupportState::kProvisional), {2026, 12, 8});
  EXPECT_EQ(TemplateText(provisional, "state"), "仮支援措置");
  EXPECT_EQ(TemplateText(provisional, "period"), "仮 令和8年1月5日〜");
  EXPECT_TRUE(TemplateFlag(provisional, "provisional"));
  const data running = PresentMeasure(Measure(SupportState::kInForce), {2026, 12, 8});
  EXPECT_EQ(TemplateText(running, "kind"), "ストーカー");
  EXPECT_EQ(TemplateText(running, "period"), "令和8年1月20日〜令和9年1月19日");
  EXPECT_FALSE(TemplateFlag(running, "provisional"));
  EXPECT_TRUE(TemplateFlag(running, "open"));
  EXPECT_TRUE(running.get("alerts")->list_value().empty()) << "more than a month before its end";
  struct Case {
    CalendarDate today;
    std::string rule;
  } cases[] = {{{2026, 12, 19}, "support.expiring"}, {{2027, 1, 20}, "support.expired"}};
  for (const Case& c : cases) {
    const data row = PresentMeasure(Measure(SupportState::kInForce), c.today);
    const auto& alerts = row.get("alerts")->list_value();
    ASSERT_EQ(alerts.size(), 1u) << c.rule;
    EXPECT_EQ(TemplateText(alerts[0], "rule_id"), c.rule);
    EXPECT_FALSE(TemplateText(alerts[0], "message_ja").empty()) << c.rule;
  }
  EXPECT_FALSE(TemplateFlag(PresentMeasure(Measure(SupportState::kEnded), {2026, 12, 8}), "open"));
}

// REQ: JK-1.1.16, JK-2.2.4
TEST(ProtectionScreen, TheDetailsShowEveryVersionNewestFirst) {
  SupportMeasure newest = Measure(SupportState::kEnded);
  newest.version = 3;
  newest.ended_on = CalendarDate{2026, 12, 1};
  newest.end_reason = "申出による終了";
  newest.co_protected = {{"0000000035", "子"}};
  newest.restrict_inspection = false;
  newest.perpetrator_name = "仮想　太郎";
  newest.perpetrator_address = "架空県仮想市1番地";
  const data list = PresentMeasureVersions({newest, Measure(SupportState::kInForce)});
  const auto& versions = list.list_value();
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_TRUE(TemplateFlag(versions[0], "latest"));
  EXPECT_FALSE(TemplateFlag(versions[1], "latest"));
  EXPECT_EQ(TemplateText(versions[0], "state"), "終了");
  EXPECT_EQ(TemplateText(versions[0], "ended"), "令和8年12月1日");
  EXPECT_EQ(TemplateText(versions[0], "end_reason"), "申出による終了");
  EXPECT_EQ(TemplateText(versions[0], "affairs"), "住民票の写し等 戸籍の附票の写し等");
  EXPECT_EQ(TemplateText(versions[0], "perpetrator"), "仮想　太郎　架空県仮想市1番地");
  ASSERT_EQ(versions[0].get("co")->list_value().size(), 1u);
  EXPECT_EQ(TemplateText(versions[0].get("co")->list_value()[0], "relation"), "子");
  EXPECT_EQ(TemplateText(versions[1], "affairs"), "閲覧 住民票の写し等 戸籍の附票の写し等");
  EXPECT_EQ(TemplateText(versions[1], "ended"), "");
}

}  // namespace
}  // namespace jrr::web
