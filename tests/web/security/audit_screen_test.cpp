// SPDX-License-Identifier: Apache-2.0
//
// The /audit screen's presenters (web/security/audit_screen.h): what a 監査 officer sees for each
// answer of AuditDesk, checked without a server.
#include "jrr/web/security/audit_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateText;
using kainjow::mustache::data;

AuditEntry Entry(std::vector<std::string> targets) {
  AuditEntry e;
  e.sequence = 7;
  e.occurred_at = "2026-12-01T09:00:00.000Z";
  e.event.action = AuditAction::kSearch;
  e.event.operator_id = "clerk01";
  e.event.function = "検索";
  e.event.targets = std::move(targets);
  return e;
}

// REQ: JK-10.2
TEST(AuditScreen, ASearchNamesTheFirstFivePeopleAndCountsTheRest) {
  struct Case {
    std::vector<std::string> targets;
    std::string shown;
  } cases[] = {
      {{}, ""},
      {{"0000000019"}, "0000000019"},
      {{"1", "2", "3", "4", "5"}, "1 2 3 4 5"},
      {{"1", "2", "3", "4", "5", "6", "7"}, "1 2 3 4 5 ほか 2 人"},
  };
  for (const Case& c : cases) {
    const data row = AuditEntryRow(Entry(c.targets));
    EXPECT_EQ(TemplateText(row, "targets"), c.shown);
    EXPECT_EQ(TemplateText(row, "action"), "search");
    EXPECT_EQ(TemplateText(row, "sequence"), "7");
  }
}

// REQ: JK-10.2
TEST(AuditScreen, TheFormEchoesWhatWasAskedAndSelectsIt) {
  Request request;
  request.query = {{"operator", "clerk01"}, {"action", "denied"}, {"report", "mass-search"}};
  data page;
  PresentAuditForm(page, request);
  EXPECT_EQ(TemplateText(page, "q_operator"), "clerk01");
  auto selected = [&](const std::string& list, const std::string& key) {
    std::string chosen;
    for (const data& row : page.get(list)->list_value()) {
      const data* on = row.get("selected");
      if (on != nullptr && on->is_true()) chosen += TemplateText(row, key);
    }
    return chosen;
  };
  EXPECT_EQ(selected("actions", "name"), "denied");
  EXPECT_EQ(selected("reports", "code"), "mass-search");
}

// REQ: JK-10.2
TEST(AuditScreen, AMassSearchReportShowsItsHitsPerOperatorAndDay) {
  for (const std::string kind : {"mass-search", "logins"}) {
    AuditReport report;
    report.kind = kind;
    report.counts = {OperatorCount{"clerk01", "2026-12-01", 120, 5000}};
    report.entries = {Entry({"1"})};
    data page;
    PresentAuditReport(page, report);
    const data& count = page.get("counts")->list_value().front();
    EXPECT_EQ(TemplateText(count, "count"), "120");
    EXPECT_EQ(TemplateText(count, "hits"), kind == "mass-search" ? "5000" : "") << kind;
    EXPECT_EQ(TemplateText(page, "shown"), "2");
    EXPECT_TRUE(page.get("has_counts")->is_true());
  }
}

}  // namespace
}  // namespace jrr::web
