// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/staff_admin.h"

#include <Poco/RandomStream.h>

#include <sstream>
#include <vector>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/security/totp.h"

namespace jrr::web {

std::string NewInitialPassword() {
  Poco::RandomInputStream random;
  std::vector<unsigned char> bytes(10);
  random.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return Base32Encode(bytes);
}

std::string NewApiTokenSecret() {
  Poco::RandomInputStream random;
  std::vector<unsigned char> bytes(32);
  random.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return "jrr_" + Base32Encode(bytes);
}

Result<std::set<Permission>> PermissionsFrom(const std::string& text) {
  std::set<Permission> permissions;
  std::istringstream in(text);
  for (std::string name; std::getline(in, name, ',');) {
    if (name.empty()) continue;
    auto p = PermissionFromName(name);
    if (!p) return MakeError(ErrorCode::kInvalidInput, "staff.unknown_permission", name);
    permissions.insert(*p);
  }
  return permissions;
}

namespace {

// 利用者の追加: the account and, unless its permissions wait for a second administrator, its
// initial password for the one who made it.
Result<StaffActionResult> AddStaffUser(Authenticator& auth, const Viewer& admin,
                                       const FieldLookup& value) {
  auto text = [&](std::string_view name) { return value(name).value_or(""); };
  const std::string id = text("id");
  StaffActionResult result;
  StaffUser user;
  user.user_id = id;
  user.name = text("name");
  user.department = text("department");
  user.valid_from = admin.today;
  if (!text("from").empty()) {
    auto from = ParseCalendarDate(text("from"));
    if (!from) return from.error();
    user.valid_from = *from;
  }
  if (!text("to").empty()) {
    auto to = ParseCalendarDate(text("to"));
    if (!to) return to.error();
    user.valid_to = *to;
  }
  auto permissions = PermissionsFrom(text("permissions"));
  if (!permissions) return permissions.error();
  user.permissions = *permissions;
  result.initial_password = NewInitialPassword();
  auto added = auth.AddUser(admin, user, result.initial_password, &result.pending_request);
  if (!added) return added.error();
  // Permissions asked for: the approver gets the password with the approval, not the one who
  // made the account (who could otherwise log in as the new colleague once approved).
  if (result.pending_request != 0) result.initial_password.clear();
  result.password_for = id;
  return result;
}

// 承認 or 却下 of a request waiting for a second administrator; an approval that issues a password
// shows it once, to the approver.
Result<StaffActionResult> DecideStaffRequest(Authenticator& auth, const Viewer& admin,
                                             const FieldLookup& value, bool approve) {
  auto text = [&](std::string_view name) { return value(name).value_or(""); };
  StaffActionResult result;
  const std::string number = text("request");
  if (number.empty() || number.size() > 18 ||
      number.find_first_not_of("0123456789") != std::string::npos) {
    return MakeError(ErrorCode::kNotFound, "staff.request_not_found", number);
  }
  const std::string fresh = NewInitialPassword();
  auto decided = auth.DecidePermissionRequest(admin, std::stoll(number), approve, fresh);
  if (!decided) return decided.error();
  if (!decided->empty()) {  // shown once, to the approver
    result.initial_password = fresh;
    result.password_for = *decided;
  }
  return result;
}

}  // namespace

Result<StaffActionResult> ApplyStaffAction(Authenticator& auth, StaffDirectory& staff,
                                           const Viewer& admin, const FieldLookup& value,
                                           int64_t now_epoch_seconds) {
  auto text = [&](std::string_view name) { return value(name).value_or(""); };
  const std::string action = text("action");
  const std::string id = text("id");
  StaffActionResult result;
  // Before anything is looked up: a refusal must not tell whether the ID exists.
  if (Status ok = Authorize(admin, Permission::kUserAdmin); !ok) return ok.error();
  if (action == "add") return AddStaffUser(auth, admin, value);
  if (action == "approve" || action == "reject")
    return DecideStaffRequest(auth, admin, value, action == "approve");
  Status done;
  if (action == "permissions" || action == "grant" || action == "revoke") {
    auto named = PermissionsFrom(text("permissions"));
    if (!named) return named.error();
    std::set<Permission> next = *named;
    if (action != "permissions") {
      auto user = staff.Find(id);
      if (!user) return MakeError(ErrorCode::kNotFound, "staff.not_found", id);
      next = user->permissions;
      for (Permission p : *named) {
        if (action == "grant")
          next.insert(p);
        else
          next.erase(p);
      }
    }
    auto changed = auth.SetPermissions(admin, id, next);
    if (!changed) return changed.error();
    result.pending_request = changed->request_id;
  } else if (action == "reset-password" || action == "reset-2fa") {
    auto reset = action == "reset-password" ? auth.ResetPassword(admin, id)
                                            : auth.ResetSecondFactor(admin, id);
    if (!reset) return reset.error();
    result.pending_request = reset->request_id;
  } else if (action == "unlock") {
    done = auth.Unlock(admin, id, now_epoch_seconds);
  } else if (action == "disable") {
    done = auth.Disable(admin, id);
  } else {
    return MakeError(ErrorCode::kInvalidInput, "staff.unknown_action", action);
  }
  if (!done) return done.error();
  return result;
}

}  // namespace jrr::web
