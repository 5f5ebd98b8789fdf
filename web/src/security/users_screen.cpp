// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/users_screen.h"

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

data PermissionBoxes(const std::set<Permission>& held) {
  data perms{data::type::list};
  for (Permission p : AllPermissions()) {
    data perm;
    perm.set("name", std::string(PermissionName(p)));
    perm.set("label", std::string(PermissionNameJa(p)));
    if (held.contains(p)) perm.set("checked", true);
    perms.push_back(perm);
  }
  return perms;
}

}  // namespace

data PermissionChoices() { return PermissionBoxes({}); }

data PresentStaffUsers(const std::vector<StaffUser>& users, CalendarDate today) {
  data rows{data::type::list};
  for (const StaffUser& u : users) {
    data row;
    row.set("id", u.user_id);
    row.set("name", u.name);
    row.set("department", u.department);
    row.set("valid", FormatWareki(u.valid_from) + "〜" +
                         (u.valid_to ? FormatWareki(*u.valid_to) : std::string()));
    row.set("permissions", PermissionList(u.permissions));
    std::string state = u.disabled ? "無効" : u.ValidOn(today) ? "有効" : "期間外";
    if (u.must_change_password) state += "・初期パスワード";
    state += u.totp_enrolled ? "・二要素登録済" : "・二要素未登録";
    row.set("state", state);
    if (!u.disabled) row.set("active", true);
    row.set("perms", PermissionBoxes(u.permissions));
    rows.push_back(row);
  }
  return rows;
}

data PresentPermissionRequests(const std::vector<PermissionRequest>& open,
                               const std::string& deciding) {
  data requests{data::type::list};
  for (const PermissionRequest& r : open) {
    data row;
    row.set("request", std::to_string(r.request_id));
    row.set("user", r.user_id);
    row.set("kind", std::string(StaffRequestKindNameJa(r.kind)));
    if (r.kind == StaffRequestKind::kPermissions) row.set("add", PermissionListJa(r.add));
    row.set("remove", PermissionListJa(r.remove));
    row.set("by", r.requested_by);
    if (r.requested_by != deciding && r.user_id != deciding) row.set("mine_to_decide", true);
    requests.push_back(row);
  }
  return requests;
}

}  // namespace jrr::web
