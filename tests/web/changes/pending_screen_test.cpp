// SPDX-License-Identifier: Apache-2.0
//
// The /pending screen's presenters (web/changes/pending_screen.h): the 仮登録一覧, all or 一部, and
// what the approver is told of each 本登録, checked without a server.
#include "jrr/web/changes/pending_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

PendingChange Pending(int64_t id, const char* place, std::vector<std::string> persons) {
  PendingChange p;
  p.pending_id = id;
  p.kind = "move_within";
  p.summary = "転居 " + std::to_string(persons.size()) + "名";
  p.persons = std::move(persons);
  p.entered_on = CalendarDate{2026, 12, 7};
  p.operator_id = "clerk01";
  p.place = place;
  return p;
}

std::string Ids(const data& page) {
  std::string ids;
  for (const data& row : page.get("pending")->list_value())
    ids += (ids.empty() ? "" : ",") + TemplateText(row, "id");
  return ids;
}

// REQ: JK-4.0.8
TEST(PendingScreen, AllOrPartByPlaceAndByPerson) {
  const std::vector<PendingChange> open = {Pending(1, "本庁", {"0000000019", "0000000027"}),
                                           Pending(2, "北支所", {"0000000043"}),
                                           Pending(3, "本庁", {"0000000043"})};
  struct Case {
    PendingFilter filter;
    std::string ids, count;
    bool filtered;
  } cases[] = {
      {{"", ""}, "1,2,3", "3", false},
      {{"本庁", ""}, "1,3", "2", true},
      {{"", "0000000043"}, "2,3", "2", true},
      {{"北支所", "0000000019"}, "", "0", true},
  };
  for (const Case& c : cases) {
    data page;
    PresentPendingList(page, open, c.filter);
    EXPECT_EQ(Ids(page), c.ids) << c.filter.place << " " << c.filter.person;
    EXPECT_EQ(TemplateText(page, "count"), c.count);
    EXPECT_EQ(TemplateText(page, "total"), "3");
    EXPECT_EQ(TemplateFlag(page, "filtered"), c.filtered);
    EXPECT_EQ(TemplateFlag(page, "has_pending"), !c.ids.empty());
    // The places offered are those with an entry, each once (in code order), the chosen one
    // selected.
    std::string places;
    for (const data& row : page.get("places")->list_value()) {
      places += TemplateText(row, "place") + (TemplateFlag(row, "selected") ? "*" : "") + ";";
    }
    EXPECT_EQ(places, c.filter.place == "本庁"     ? "北支所;本庁*;"
                      : c.filter.place == "北支所" ? "北支所*;本庁;"
                                                   : "北支所;本庁;");
  }
  data page;
  PresentPendingList(page, open, {});
  const data& first = page.get("pending")->list_value()[0];
  EXPECT_EQ(TemplateText(first, "summary"), "転居 2名");
  EXPECT_EQ(TemplateText(first, "entered"), "令和8年12月7日");
  EXPECT_EQ(first.get("persons")->list_value().size(), 2u);
}

// REQ: JK-4.0.8
TEST(PendingScreen, ApprovingAllIsOfferedUpToTheLimit) {
  for (std::size_t n : {kBulkApprovalLimit, kBulkApprovalLimit + 1}) {
    std::vector<PendingChange> open;
    for (std::size_t i = 1; i <= n; ++i)
      open.push_back(Pending(static_cast<int64_t>(i), "本庁", {"0000000019"}));
    data page;
    PresentPendingList(page, open, {});
    EXPECT_EQ(TemplateFlag(page, "all_allowed"), n <= kBulkApprovalLimit) << n;
  }
}

// REQ: JK-4.0.8
TEST(PendingScreen, EachApprovalSaysWhatItRecordedOrWhyNot) {
  ChangeOutcome recorded;
  recorded.change.change_id = 57;
  EXPECT_EQ(ApprovalNotice(4, recorded), "仮登録 4 を本登録しました（異動 57）。");
  const std::string refused =
      ApprovalNotice(5, MakeError(ErrorCode::kRuleViolation, "pending.not_open", ""));
  EXPECT_EQ(refused.rfind("仮登録 5 は本登録できませんでした: ", 0), 0u) << refused;
  EXPECT_NE(refused.find("既に本登録又は取消し済みです。"), std::string::npos) << refused;
  EXPECT_NE(refused.find("[pending.not_open]"), std::string::npos) << refused;
}

}  // namespace
}  // namespace jrr::web
