// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/staff.h"

#include <utility>

namespace jrr {
namespace {

Error Failed() {
  return MakeError(ErrorCode::kRuleViolation, "auth.failed", "wrong ID, password or code");
}

}  // namespace

void Authenticator::Log(AuditAction action, const std::string& user_id, const std::string& function,
                        const LoginPlace& where, const std::string& outcome) {
  AuditEvent event;
  event.action = action;
  event.operator_id = user_id;
  event.terminal = where.terminal;
  event.place = where.place;
  event.function = function;
  event.outcome = outcome;
  log_.Record(event);
}

Status Authenticator::CheckPassword(const std::string& user_id, const std::string& password) const {
  if (password.size() < kMinPasswordLength || password == user_id) {
    return MakeError(ErrorCode::kRuleViolation, "staff.password_weak",
                     "at least " + std::to_string(kMinPasswordLength) + " characters, not the ID");
  }
  return {};
}

Result<LoginOutcome> Authenticator::Login(const Credentials& c, const LoginPlace& where) {
  auto refuse = [&](Error error) {
    Log(AuditAction::kLoginFailure, c.user_id, "login", where, error.rule_id);
    return error;
  };
  auto user = staff_.Find(c.user_id);
  if (!user) return refuse(Failed());  // unknown IDs are not told apart from wrong passwords
  // Locked: kMaxFailedLogins failures in a row, the last one less than kLockMinutes ago.
  const auto failures = staff_.FailuresSinceSuccess(c.user_id);
  if (failures.size() >= static_cast<std::size_t>(kMaxFailedLogins) &&
      where.now_epoch_seconds < failures.front().at_epoch_seconds + int64_t{60} * kLockMinutes) {
    return refuse(MakeError(ErrorCode::kRuleViolation, "auth.locked", "too many failures"));
  }
  const bool password_ok = hasher_.Verify(user->password_hash, c.password);
  const bool code_ok = !user->totp_enrolled || codes_.Verify(user->totp_secret, c.code, where.now_epoch_seconds);
  if (!password_ok || !code_ok) {
    staff_.RecordAttempt(c.user_id, LoginAttempt{where.now_epoch_seconds, false});
    return refuse(Failed());
  }
  if (!user->ValidOn(where.today)) {
    return refuse(MakeError(ErrorCode::kRuleViolation, "auth.expired", "outside the period of validity"));
  }
  staff_.RecordAttempt(c.user_id, LoginAttempt{where.now_epoch_seconds, true});
  Log(AuditAction::kLogin, c.user_id, "login", where, "ok");
  LoginOutcome outcome;
  outcome.viewer = Viewer{user->user_id, where.place, where.terminal, user->permissions, where.today,
                          where.now_epoch_seconds};
  if (user->must_change_password) {
    outcome.next = LoginStep::kChangePassword;
  } else if (!user->totp_enrolled) {
    outcome.next = LoginStep::kEnrolSecondFactor;
  }
  // Until the next step is done, the session may do nothing else: no permission is handed out.
  if (outcome.next != LoginStep::kDone) outcome.viewer.permissions.clear();
  return outcome;
}

Status Authenticator::ChangePassword(const std::string& user_id, const std::string& old_password,
                                     const std::string& new_password, const LoginPlace& where) {
  auto user = staff_.Find(user_id);
  if (!user || !hasher_.Verify(user->password_hash, old_password)) {
    Log(AuditAction::kLoginFailure, user_id, "password change", where, "auth.failed");
    return Failed();
  }
  if (auto ok = CheckPassword(user_id, new_password); !ok) return ok;
  if (new_password == old_password) {
    return MakeError(ErrorCode::kRuleViolation, "staff.password_weak", "the same as before");
  }
  StaffUser next = *user;
  ++next.version;
  next.password_hash = hasher_.Hash(new_password);
  next.must_change_password = false;
  next.changed_by = user_id;
  if (auto saved = staff_.Save(next); !saved) return saved.error();
  Log(AuditAction::kSettingsChange, user_id, "password change", where, "ok");
  return {};
}

Status Authenticator::EnrolSecondFactor(const std::string& user_id, const std::string& base32_secret,
                                        const std::string& code, const LoginPlace& where) {
  auto user = staff_.Find(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "staff.not_found", user_id);
  if (!codes_.Verify(base32_secret, code, where.now_epoch_seconds)) {
    Log(AuditAction::kLoginFailure, user_id, "second factor enrolment", where, "staff.code_invalid");
    return MakeError(ErrorCode::kRuleViolation, "staff.code_invalid", "the code does not match");
  }
  StaffUser next = *user;
  ++next.version;
  next.totp_secret = base32_secret;
  next.totp_enrolled = true;
  next.changed_by = user_id;
  if (auto saved = staff_.Save(next); !saved) return saved.error();
  Log(AuditAction::kSettingsChange, user_id, "second factor enrolment", where, "ok");
  return {};
}

Result<std::vector<StaffUser>> Authenticator::Users(const Viewer& admin) {
  AuditEvent event = EventBy(admin, AuditAction::kView, "利用者の一覧");
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) {
    event.action = AuditAction::kDenied;
    event.outcome = ok.error().rule_id;
    log_.Record(event);
    return ok.error();
  }
  std::vector<StaffUser> users = staff_.All();
  for (StaffUser& u : users) {
    u.password_hash.clear();  // never leaves the desk
    u.totp_secret.clear();
  }
  event.detail = "users=" + std::to_string(users.size());
  log_.Record(event);
  return users;
}

Result<StaffUser> Authenticator::Admin(const Viewer& admin, const std::string& user_id,
                                       const std::string& function) {
  AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, function);
  event.detail = "user=" + user_id;
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) {
    event.action = AuditAction::kDenied;
    event.outcome = ok.error().rule_id;
    log_.Record(event);
    return ok.error();
  }
  auto user = staff_.Find(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "staff.not_found", user_id);
  log_.Record(event);
  StaffUser next = *user;
  ++next.version;
  next.changed_by = admin.operator_id;
  return next;
}

Result<StaffUser> Authenticator::AddUser(const Viewer& admin, StaffUser user,
                                         const std::string& initial_password) {
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) return ok.error();
  if (user.user_id.empty() || user.name.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "staff.id_required", "ID and name are required");
  }
  if (auto ok = CheckPassword(user.user_id, initial_password); !ok) return ok.error();
  user.version = 1;
  user.password_hash = hasher_.Hash(initial_password);
  user.must_change_password = true;
  user.totp_secret.clear();
  user.totp_enrolled = false;
  user.disabled = false;
  user.changed_by = admin.operator_id;
  auto saved = staff_.Save(user);
  if (!saved) return saved.error();
  AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, "user add");
  event.detail = "user=" + user.user_id;
  log_.Record(event);
  return saved;
}

Result<StaffUser> Authenticator::AddFirstAdministrator(StaffUser user, const std::string& initial_password) {
  if (!staff_.All().empty()) {
    return MakeError(ErrorCode::kConflict, "staff.exists", "users exist; an administrator adds the next");
  }
  user.permissions = AllPermissions();
  Viewer bootstrap{"jrr user add --admin", "", "", {Permission::kUserAdmin}, user.valid_from, 0};
  return AddUser(bootstrap, std::move(user), initial_password);
}

Status Authenticator::SetPermissions(const Viewer& admin, const std::string& user_id,
                                     std::set<Permission> permissions) {
  auto next = Admin(admin, user_id, "permissions");
  if (!next) return next.error();
  next->permissions = std::move(permissions);
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return {};
}

Status Authenticator::ResetPassword(const Viewer& admin, const std::string& user_id,
                                    const std::string& password) {
  if (auto ok = CheckPassword(user_id, password); !ok) return ok;
  auto next = Admin(admin, user_id, "password reset");
  if (!next) return next.error();
  next->password_hash = hasher_.Hash(password);
  next->must_change_password = true;
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return {};
}

Status Authenticator::ResetSecondFactor(const Viewer& admin, const std::string& user_id) {
  auto next = Admin(admin, user_id, "second factor reset");
  if (!next) return next.error();
  next->totp_secret.clear();
  next->totp_enrolled = false;
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return {};
}

Status Authenticator::Unlock(const Viewer& admin, const std::string& user_id, int64_t now_epoch_seconds) {
  auto next = Admin(admin, user_id, "unlock");
  if (!next) return next.error();
  staff_.RecordUnlock(user_id, now_epoch_seconds);
  return {};
}

Status Authenticator::Disable(const Viewer& admin, const std::string& user_id) {
  auto next = Admin(admin, user_id, "disable");
  if (!next) return next.error();
  next->disabled = true;
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return {};
}

}  // namespace jrr
