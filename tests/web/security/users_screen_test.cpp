// SPDX-License-Identifier: Apache-2.0
//
// The /users screen's presenters (web/security/users_screen.h): the staff and their state, and the
// requests the two-person rule leaves to another administrator, checked without a server.
#include "jrr/web/security/users_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

StaffUser User(const char* id) {
  StaffUser u;
  u.user_id = id;
  u.name = "架空　職員";
  u.department = "市民課";
  u.valid_from = CalendarDate{2026, 4, 1};
  u.permissions = {Permission::kView, Permission::kChange};
  u.must_change_password = false;
  u.totp_enrolled = true;
  return u;
}

// REQ: JK-10.3
TEST(UsersScreen, EachUserShowsTheirStateInWords) {
  StaffUser expired = User("old01");
  expired.valid_to = CalendarDate{2026, 11, 30};
  StaffUser fresh = User("new01");
  fresh.must_change_password = true;
  fresh.totp_enrolled = false;
  StaffUser gone = User("gone01");
  gone.disabled = true;
  const data rows = PresentStaffUsers({User("clerk01"), expired, fresh, gone}, {2026, 12, 8});
  const auto& list = rows.list_value();
  ASSERT_EQ(list.size(), 4u);
  EXPECT_EQ(TemplateText(list[0], "state"), "有効・二要素登録済");
  EXPECT_EQ(TemplateText(list[1], "state"), "期間外・二要素登録済");
  EXPECT_EQ(TemplateText(list[1], "valid"), "令和8年4月1日〜令和8年11月30日");
  EXPECT_EQ(TemplateText(list[2], "state"), "有効・初期パスワード・二要素未登録");
  EXPECT_EQ(TemplateText(list[3], "state"), "無効・二要素登録済");
  EXPECT_TRUE(TemplateFlag(list[0], "active"));
  EXPECT_FALSE(TemplateFlag(list[3], "active")) << "a disabled account offers no action";
  std::string ticked;
  for (const data& p : list[0].get("perms")->list_value())
    if (TemplateFlag(p, "checked")) ticked += TemplateText(p, "name") + ",";
  EXPECT_EQ(ticked, "view,change,");
  EXPECT_EQ(PermissionChoices().list_value().size(), list[0].get("perms")->list_value().size());
}

// REQ: JK-10.4
TEST(UsersScreen, NoAdministratorDecidesTheirOwnRequestOrOneAboutThemselves) {
  PermissionRequest r;
  r.request_id = 9;
  r.user_id = "clerk01";
  r.add = {Permission::kSupportMeasure};
  r.requested_by = "admin01";
  struct Case {
    const char* deciding;
    bool may;
  } cases[] = {{"admin02", true}, {"admin01", false}, {"clerk01", false}};
  for (const Case& c : cases) {
    const data rows = PresentPermissionRequests({r}, c.deciding);
    ASSERT_EQ(rows.list_value().size(), 1u);
    EXPECT_EQ(TemplateFlag(rows.list_value()[0], "mine_to_decide"), c.may) << c.deciding;
    EXPECT_EQ(TemplateText(rows.list_value()[0], "request"), "9");
    EXPECT_FALSE(TemplateText(rows.list_value()[0], "add").empty());
  }
}

}  // namespace
}  // namespace jrr::web
