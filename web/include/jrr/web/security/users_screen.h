// SPDX-License-Identifier: Apache-2.0
//
// 利用者管理の画面 (JK-10.3, 10.4) — the staff, their permissions and state, and the requests
// waiting for a second administrator, as template data. Pure presenters: no session, no desk, no
// socket (tests/web/security/users_screen_test.cpp checks them alone);
// web/src/security/user_pages.cpp asks the Authenticator and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/security/staff.h"

namespace jrr::web {

// Every permission this build knows (name and label), for the add form.
kainjow::mustache::data PermissionChoices();
// The staff: each with 有効期間 in 和暦, permissions, state in words on `today` (有効, 期間外, 無効;
// 初期パスワード; 二要素登録済 or 未登録) and a checkbox per permission, its own ticked.
kainjow::mustache::data PresentStaffUsers(const std::vector<StaffUser>& users, CalendarDate today);
// Requests waiting for a second administrator (the two-person rule): `mine_to_decide` on those the
// administrator `deciding` may approve — not their own request, nor one about themselves.
kainjow::mustache::data PresentPermissionRequests(const std::vector<PermissionRequest>& open,
                                                  const std::string& deciding);

}  // namespace jrr::web
