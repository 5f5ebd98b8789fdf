// SPDX-License-Identifier: Apache-2.0
//
// The /settings screen's presenter (web/records/settings_screen.h): the 認証者, places, devices and
// the choices as a clerk reads them, checked without a server.
#include "jrr/web/records/settings_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

// REQ: JK-1.3.1, JK-1.3.9
TEST(SettingsScreen, ShowsEachSettingAsAClerkReadsIt) {
  SettingsView view;
  view.certifiers = {{CertifierRole::kMayor, "架空市長", "架空　太郎", {2024, 4, 1}, std::nullopt},
                     {CertifierRole::kActing,
                      "架空市副市長",
                      "架空　次郎",
                      {2026, 8, 1},
                      CalendarDate{2026, 8, 31}}};
  view.places = {{"01", "本庁"}};
  view.terminals = {{"T01", "01", "窓口1"}};
  view.printers = {{"P01", "01", "窓口プリンタ"}};
  view.overflow = OverflowPolicy::kBlank;
  view.seal.too_small_mm = 8.5;
  view.seal.end_on_planned_move_out = true;
  view.seal.print_sex = false;
  data page;
  PresentSettings(page, view);
  const auto& certifiers = page.get("certifiers")->list_value();
  ASSERT_EQ(certifiers.size(), 2u);
  EXPECT_EQ(TemplateText(certifiers[0], "role"), "市区町村長");
  EXPECT_EQ(TemplateText(certifiers[0], "period"), "令和6年4月1日〜");
  EXPECT_EQ(TemplateText(certifiers[1], "role"), "職務代理者");
  EXPECT_EQ(TemplateText(certifiers[1], "period"), "令和8年8月1日〜令和8年8月31日");
  const auto& devices = page.get("devices")->list_value();
  ASSERT_EQ(devices.size(), 2u);
  EXPECT_EQ(TemplateText(devices[0], "kind"), "端末");
  EXPECT_EQ(TemplateText(devices[1], "kind"), "プリンタ");
  EXPECT_TRUE(TemplateFlag(page, "overflow_blank"));
  EXPECT_FALSE(TemplateFlag(page, "overflow_limit"));
  EXPECT_EQ(TemplateText(page, "too_small"), "8.5");
  EXPECT_EQ(TemplateText(page, "too_large"), "25");
  EXPECT_EQ(TemplateText(page, "minimum_age"), "15");
  EXPECT_TRUE(TemplateFlag(page, "end_planned"));
  EXPECT_FALSE(TemplateFlag(page, "end_notified"));
  EXPECT_TRUE(TemplateFlag(page, "no_sex"));
  EXPECT_FALSE(TemplateFlag(page, "print_sex"));
}

}  // namespace
}  // namespace jrr::web
