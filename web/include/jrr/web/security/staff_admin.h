// SPDX-License-Identifier: Apache-2.0
//
// 利用者管理 as text: one reading of the administrator's actions shared by `jrr user`, the /users
// screen and /api/v1/users, so names and errors agree.
//
// Names: action (add, permissions, grant, revoke, reset-password, reset-2fa, unlock, disable,
// approve, reject), id, name, department, from, to (validity), permissions (comma-separated
// PermissionName list), request (the number of a grant waiting for a second administrator).
#pragma once

#include <cstdint>
#include <set>
#include <string>

#include "jrr/domain/security/staff.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {

// 16 base32 characters (80 random bits): shown once, to be changed at the first login.
std::string NewInitialPassword();

// An API token's secret: "jrr_" and 52 base32 characters (256 random bits), shown once.
std::string NewApiTokenSecret();

// "view,change" → the permissions. Error staff.unknown_permission.
Result<std::set<Permission>> PermissionsFrom(const std::string& text);

// What an action gave back: an initial password (shown once) — of a user added with no
// permissions, or, to the approver, of the account an approval issued one for — or the number of
// the request another administrator decides (every grant and every reset).
struct StaffActionResult {
  std::string initial_password;
  std::string password_for;  // the user whose initial password it is
  int64_t pending_request = 0;
};

// Runs one administrator's action through the Authenticator (which checks 利用者管理 and logs).
// Errors: those of the Authenticator, staff.unknown_permission, staff.unknown_action, date.*.
Result<StaffActionResult> ApplyStaffAction(Authenticator& auth, StaffDirectory& staff,
                                           const Viewer& admin, const FieldLookup& value,
                                           int64_t now_epoch_seconds);

}  // namespace jrr::web
