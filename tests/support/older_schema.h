// SPDX-License-Identifier: Apache-2.0
//
// Tests that take a register back to an older schema (to check what a migration does to a register
// an older jrr wrote) drop what every later migration made. This undoes the migrations from 0029
// on, which those tests run first; a new migration adds its own undoing here.
#pragma once

namespace jrr::testing {

inline constexpr const char* kUndoMigrationsFrom29 =
    // 0030
    "ALTER TABLE staff_user_version DROP COLUMN credential_version; "
    "ALTER TABLE api_token DROP COLUMN credential_version; "
    "DROP TABLE totp_step; DROP TABLE staff_permission_decision; DROP TABLE "
    "staff_permission_request; "
    // 0029
    "DROP TABLE fuhyo_member_moved; ";

}  // namespace jrr::testing
