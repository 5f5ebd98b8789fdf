// SPDX-License-Identifier: Apache-2.0
//
// The /fuhyo screens' presenters (web/fuhyo/fuhyo_screen.h): what a clerk sees of a 附票, its
// members and the 附票記載事項通知, checked without a server.
#include "jrr/web/fuhyo/fuhyo_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

CalendarDate On(int y, int m, int d) { return CalendarDate{y, m, d}; }

Fuhyo OneFuhyo() {
  Fuhyo f;
  f.fuhyo_id = 12;
  f.koseki = {"架空県架空市桜町一丁目1番地", "架空　一郎"};
  f.state = FuhyoState::kCurrent;
  FuhyoMember head;
  head.member_id = 31;
  head.family_name = "架空";
  head.given_name = "一郎";
  head.family_kana = "カクウ";
  head.given_kana = "イチロウ";
  head.birth_date = On(1980, 4, 1);
  head.sex = Sex::kMale;
  head.addresses = {
      {"架空県架空市桜町一丁目1番2号", false, On(2010, 5, 1), "異動 7", On(2010, 5, 1)},
      {"", true, On(2024, 3, 31), "異動 9", On(2024, 3, 25)}};
  FuhyoMember wife;
  wife.member_id = 32;
  wife.family_name = "架空";
  wife.given_name = "花子";
  wife.overseas_voter_municipality = "架空市";
  wife.protected_from = On(2026, 1, 1);
  wife.protected_until = On(2026, 12, 31);
  FuhyoMember father;
  father.member_id = 33;
  father.family_name = "架空";
  father.given_name = "太郎";
  father.removed = true;
  father.removal_reason = "死亡";
  f.members = {head, wife, father};
  return f;
}

const data& Member(const data& fuhyo, std::size_t i) {
  return fuhyo.get("people")->list_value().at(i);
}

// LAW: 住基法第17条
TEST(FuhyoScreen, AMemberShowsTheItemsOfTheFuhyo) {
  const data f = PresentFuhyo(OneFuhyo(), On(2026, 12, 8));
  EXPECT_EQ(TemplateText(f, "state"), "現存");
  EXPECT_EQ(TemplateText(f, "domicile"), "架空県架空市桜町一丁目1番地");
  EXPECT_EQ(TemplateText(f, "head"), "架空　一郎");
  ASSERT_EQ(f.get("people")->list_value().size(), 3u);
  const data& head = Member(f, 0);
  EXPECT_EQ(TemplateText(head, "name"), "架空　一郎");
  EXPECT_EQ(TemplateText(head, "kana"), "カクウ　イチロウ");
  EXPECT_EQ(TemplateText(head, "facts"), "昭和55年4月1日生　男");
  const auto& lines = head.get("addresses")->list_value();
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(TemplateText(lines[0], "address"), "架空県架空市桜町一丁目1番2号");
  EXPECT_EQ(TemplateText(lines[0], "since"), "平成22年5月1日");
  EXPECT_EQ(TemplateText(lines[1], "address"), "国外転出者") << "国外: the fact, not an address";
  EXPECT_EQ(TemplateText(lines[1], "source"), "異動 9");
  EXPECT_EQ(TemplateText(Member(f, 1), "facts"), "　在外選挙人名簿登録（架空市）")
      << "no 生年月日 or 男女の別 recorded: none shown";
  EXPECT_EQ(TemplateText(Member(f, 1), "kana"), "");
  EXPECT_EQ(TemplateText(Member(f, 2), "removed"), "死亡");
  EXPECT_EQ(TemplateText(Member(f, 0), "removed"), "");
}

// LAW: 住基法第20条第5項
TEST(FuhyoScreen, ASupportMeasureShowsOnlyWhileItRuns) {
  struct Case {
    CalendarDate today;
    std::string shown;
  } cases[] = {
      {On(2025, 12, 31), ""},
      {On(2026, 1, 1), "令和8年12月31日"},
      {On(2026, 12, 31), "令和8年12月31日"},
      {On(2027, 1, 1), ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(TemplateText(Member(PresentFuhyo(OneFuhyo(), c.today), 1), "protected"), c.shown)
        << ToIsoString(c.today);
  }
}

TEST(FuhyoScreen, ASearchListsEachFuhyoWithItsMemberCount) {
  Fuhyo closed = OneFuhyo();
  closed.fuhyo_id = 5;
  closed.state = FuhyoState::kClosed;
  closed.members.resize(1);
  data page;
  PresentFuhyoHits(page, {OneFuhyo(), closed});
  EXPECT_EQ(TemplateText(page, "count"), "2");
  const auto& hits = page.get("hits")->list_value();
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(TemplateText(hits[0], "members"), "3");
  EXPECT_EQ(TemplateText(hits[1], "state"), "除票");
  EXPECT_EQ(TemplateText(hits[1], "id"), "5");
  data none;
  PresentFuhyoHits(none, {});
  EXPECT_EQ(TemplateText(none, "count"), "0") << "a search that found nothing says so";
}

// LAW: 住基法第19条
TEST(FuhyoScreen, NoticesAskForAttentionWhereAClerkMustAct) {
  struct Case {
    bool outbox;
    std::string state;
    std::string shown;
    bool attention;
  } cases[] = {
      {true, "未送付", "未送付", false},
      {true, "送付済み", "送付済み", false},
      {true, "送付不能", "送付不能", true},
      {false, "applied", "反映済み", false},
      {false, "fuhyo.person_mismatch", "fuhyo.person_mismatch", true},
  };
  for (const Case& c : cases) {
    FuhyoNoticeEntry e{"990002-7", "架空町", "2026-12-01T09:00:00Z", c.state, 0, ""};
    const data rows = PresentFuhyoNotices({e}, c.outbox);
    ASSERT_EQ(rows.list_value().size(), 1u);
    const data& row = rows.list_value()[0];
    EXPECT_EQ(TemplateText(row, "state"), c.shown) << c.state;
    EXPECT_EQ(TemplateFlag(row, "attention"), c.attention) << c.state;
    EXPECT_EQ(TemplateText(row, "failures"), "");
  }
  FuhyoNoticeEntry failing{"990002-8", "架空町", "2026-12-01T09:00:00Z", "未送付", 3, "timeout"};
  EXPECT_EQ(TemplateText(PresentFuhyoNotices({failing}, true).list_value()[0], "failures"), "3");
}

}  // namespace
}  // namespace jrr::web
