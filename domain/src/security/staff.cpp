// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/staff.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace jrr {
namespace {

Error Failed() {
  return MakeError(ErrorCode::kUnauthenticated, "auth.failed", "wrong ID, password or code");
}

Error Locked() {
  return MakeError(ErrorCode::kUnauthenticated, "auth.locked", "too many failures");
}

constexpr int64_t kLockSeconds = int64_t{60} * kLockMinutes;

}  // namespace

const std::set<Permission>& PermissionsNeedingSecondApproval() {
  static const std::set<Permission> kSensitive = AllPermissions();
  return kSensitive;
}

std::string_view StaffRequestKindName(StaffRequestKind kind) {
  switch (kind) {
    case StaffRequestKind::kPermissions:
      return "permissions";
    case StaffRequestKind::kPasswordReset:
      return "reset-password";
    case StaffRequestKind::kSecondFactorReset:
      return "reset-2fa";
  }
  return {};
}

std::string_view StaffRequestKindNameJa(StaffRequestKind kind) {
  switch (kind) {
    case StaffRequestKind::kPermissions:
      return "権限付与";
    case StaffRequestKind::kPasswordReset:
      return "パスワード再設定";
    case StaffRequestKind::kSecondFactorReset:
      return "二要素認証の再設定";
  }
  return {};
}

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
  if (!user) {
    hasher_.VerifyNone(c.password);  // as long as a wrong password takes
    return refuse(Failed());         // unknown IDs are not told apart from wrong passwords
  }
  // Counted before the password is checked: kMaxFailedLogins failures in a row, the last less
  // than kLockMinutes ago, lock the account, however many attempts arrive at once.
  if (!staff_.ClaimAttempt(c.user_id, where.now_epoch_seconds, kMaxFailedLogins, kLockSeconds))
    return refuse(Locked());
  const bool password_ok = hasher_.Verify(user->password_hash, c.password);
  std::optional<int64_t> step;
  if (user->totp_enrolled) step = codes_.StepOf(user->totp_secret, c.code, where.now_epoch_seconds);
  const bool code_ok = !user->totp_enrolled || step.has_value();
  if (!password_ok || !code_ok) return refuse(Failed());
  // A code is good once (RFC 6238 §5.2): one seen at this step or after is a replay.
  if (step && !staff_.ClaimCodeStep(c.user_id, *step, where.now_epoch_seconds))
    return refuse(Failed());
  if (!user->ValidOn(where.today)) {
    return refuse(
        MakeError(ErrorCode::kUnauthenticated, "auth.expired", "outside the period of validity"));
  }
  staff_.RecordAttempt(c.user_id, LoginAttempt{where.now_epoch_seconds, true});
  Log(AuditAction::kLogin, c.user_id, "login", where, "ok");
  LoginOutcome outcome;
  outcome.viewer = Viewer{user->user_id,     where.place, where.terminal,
                          user->permissions, where.today, where.now_epoch_seconds};
  outcome.credential_version = user->credential_version;
  if (user->must_change_password) {
    outcome.next = LoginStep::kChangePassword;
  } else if (!user->totp_enrolled) {
    outcome.next = LoginStep::kEnrolSecondFactor;
  }
  // Until the next step is done, the session may do nothing else: no permission is handed out.
  if (outcome.next != LoginStep::kDone) outcome.viewer.permissions.clear();
  return outcome;
}

Result<Viewer> Authenticator::Resume(const std::string& user_id, int credential_version,
                                     const LoginPlace& where) {
  auto user = staff_.Find(user_id);
  if (!user || !user->ValidOn(where.today) || user->credential_version != credential_version) {
    return MakeError(ErrorCode::kUnauthenticated, "auth.session_ended",
                     "the account changed; log in again");
  }
  return Viewer{user->user_id,     where.place, where.terminal,
                user->permissions, where.today, where.now_epoch_seconds};
}

Status Authenticator::ChangePassword(const std::string& user_id, const std::string& old_password,
                                     const std::string& new_password, const LoginPlace& where) {
  auto user = staff_.Find(user_id);
  if (!user) {
    hasher_.VerifyNone(old_password);
    Log(AuditAction::kLoginFailure, user_id, "password change", where, "auth.failed");
    return Failed();
  }
  // The old password is a password guess like a login's: counted, and locked out the same way.
  if (!staff_.ClaimAttempt(user_id, where.now_epoch_seconds, kMaxFailedLogins, kLockSeconds)) {
    Log(AuditAction::kLoginFailure, user_id, "password change", where, "auth.locked");
    return Locked();
  }
  if (!hasher_.Verify(user->password_hash, old_password)) {
    Log(AuditAction::kLoginFailure, user_id, "password change", where, "auth.failed");
    return Failed();
  }
  staff_.RecordAttempt(user_id, LoginAttempt{where.now_epoch_seconds, true});
  if (auto ok = CheckPassword(user_id, new_password); !ok) return ok;
  if (new_password == old_password) {
    return MakeError(ErrorCode::kRuleViolation, "staff.password_weak", "the same as before");
  }
  StaffUser next = *user;
  ++next.version;
  next.password_hash = hasher_.Hash(new_password);
  next.must_change_password = false;
  next.changed_by = user_id;
  next.credential_version = next.version;
  if (auto saved = staff_.Save(next); !saved) return saved.error();
  Log(AuditAction::kSettingsChange, user_id, "password change", where, "ok");
  return {};
}

Status Authenticator::EnrolSecondFactor(const std::string& user_id,
                                        const std::string& base32_secret, const std::string& code,
                                        const LoginPlace& where) {
  auto user = staff_.Find(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "staff.not_found", user_id);
  const auto step = codes_.StepOf(base32_secret, code, where.now_epoch_seconds);
  if (!step || !staff_.ClaimCodeStep(user_id, *step, where.now_epoch_seconds)) {
    Log(AuditAction::kLoginFailure, user_id, "second factor enrolment", where,
        "staff.code_invalid");
    return MakeError(ErrorCode::kRuleViolation, "staff.code_invalid", "the code does not match");
  }
  StaffUser next = *user;
  ++next.version;
  next.totp_secret = base32_secret;
  next.totp_enrolled = true;
  next.changed_by = user_id;
  next.credential_version = next.version;
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
                                         const std::string& initial_password,
                                         int64_t* pending_request) {
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) return ok.error();
  if (user.user_id.empty() || user.name.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "staff.id_required", "ID and name are required");
  }
  // An ID is written into logs, cookies and command lines: letters, digits and . _ - only.
  if (user.user_id.size() > 32 ||
      user.user_id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789._-") != std::string::npos) {
    return MakeError(ErrorCode::kInvalidInput, "staff.id_invalid",
                     "letters, digits, '.', '_' and '-', at most 32");
  }
  // IDs that differ only in case are one ID to a reader (MADOGUCHI beside madoguchi).
  auto folded = [](std::string id) {
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
  };
  for (const StaffUser& other : staff_.All()) {
    if (other.user_id != user.user_id && folded(other.user_id) == folded(user.user_id)) {
      return MakeError(ErrorCode::kConflict, "staff.exists", user.user_id);
    }
  }
  if (user.user_id == admin.operator_id) {
    return MakeError(ErrorCode::kForbidden, "staff.own_permissions", user.user_id);
  }
  if (auto ok = CheckPassword(user.user_id, initial_password); !ok) return ok.error();
  // What needs a second administrator is asked for, not given.
  std::set<Permission> asked;
  if (admin.operator_id != kFirstAdministrator) {
    for (Permission p : PermissionsNeedingSecondApproval()) {
      if (user.permissions.erase(p) > 0) asked.insert(p);
    }
  }
  user.version = 1;
  user.password_hash = hasher_.Hash(initial_password);
  user.must_change_password = true;
  user.totp_secret.clear();
  user.totp_enrolled = false;
  user.disabled = false;
  user.changed_by = admin.operator_id;
  user.credential_version = 1;
  auto saved = staff_.Save(user);
  if (!saved) return saved.error();
  AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, "user add");
  event.detail = "user=" + user.user_id + " permissions=" + PermissionList(user.permissions);
  log_.Record(event);
  if (!asked.empty()) {
    PermissionRequest request;
    request.user_id = user.user_id;
    request.add = asked;
    request.requested_by = admin.operator_id;
    const int64_t id = staff_.AddPermissionRequest(request);
    AuditEvent asking = EventBy(admin, AuditAction::kSettingsChange, "権限付与の申請");
    asking.detail =
        "request=" + std::to_string(id) + " user=" + user.user_id + " add=" + PermissionList(asked);
    log_.Record(asking);
    if (pending_request != nullptr) *pending_request = id;
  }
  return saved;
}

Result<StaffUser> Authenticator::AddFirstAdministrator(StaffUser user,
                                                       const std::string& initial_password) {
  if (!staff_.All().empty()) {
    return MakeError(ErrorCode::kConflict, "staff.exists",
                     "users exist; an administrator adds the next");
  }
  user.permissions = AllPermissions();
  Viewer bootstrap{
      std::string(kFirstAdministrator), "", "", {Permission::kUserAdmin}, user.valid_from, 0};
  return AddUser(bootstrap, std::move(user), initial_password);
}

Result<PermissionChange> Authenticator::SetPermissions(const Viewer& admin,
                                                       const std::string& user_id,
                                                       std::set<Permission> permissions) {
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) {
    AuditEvent event = EventBy(admin, AuditAction::kDenied, "permissions");
    event.detail = "user=" + user_id;
    event.outcome = ok.error().rule_id;
    log_.Record(event);
    return ok.error();
  }
  if (user_id == admin.operator_id) {
    AuditEvent event = EventBy(admin, AuditAction::kDenied, "permissions");
    event.detail = "user=" + user_id;
    event.outcome = "staff.own_permissions";
    log_.Record(event);
    return MakeError(ErrorCode::kForbidden, "staff.own_permissions", user_id);
  }
  auto next = Admin(admin, user_id, "permissions");
  if (!next) return next.error();
  std::set<Permission> add, remove;
  for (Permission p : permissions) {
    if (!next->permissions.contains(p)) add.insert(p);
  }
  for (Permission p : next->permissions) {
    if (!permissions.contains(p)) remove.insert(p);
  }
  const bool sensitive = std::any_of(add.begin(), add.end(), [](Permission p) {
    return PermissionsNeedingSecondApproval().contains(p);
  });
  if (sensitive) {
    PermissionRequest request;
    request.user_id = user_id;
    request.add = add;
    request.remove = remove;
    request.requested_by = admin.operator_id;
    const int64_t id = staff_.AddPermissionRequest(request);
    AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, "権限付与の申請");
    event.detail = "request=" + std::to_string(id) + " user=" + user_id +
                   " add=" + PermissionList(add) + " remove=" + PermissionList(remove);
    log_.Record(event);
    return PermissionChange{true, id};
  }
  next->permissions = std::move(permissions);
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return PermissionChange{};
}

Result<std::vector<PermissionRequest>> Authenticator::OpenPermissionRequests(const Viewer& admin) {
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) return ok.error();
  return staff_.OpenPermissionRequests();
}

Result<std::string> Authenticator::DecidePermissionRequest(const Viewer& admin, int64_t request_id,
                                                           bool approve,
                                                           const std::string& fresh_password) {
  const std::string function = approve ? "権限付与の承認" : "権限付与の却下";
  auto deny = [&](Error error) {
    AuditEvent event = EventBy(admin, AuditAction::kDenied, function);
    event.detail = "request=" + std::to_string(request_id);
    event.outcome = error.rule_id;
    log_.Record(event);
    return error;
  };
  if (auto ok = Authorize(admin, Permission::kUserAdmin); !ok) return deny(ok.error());
  auto request = staff_.FindPermissionRequest(request_id);
  if (!request || request->approved) {
    return deny(
        MakeError(ErrorCode::kNotFound, "staff.request_not_found", std::to_string(request_id)));
  }
  if (admin.operator_id == request->requested_by || admin.operator_id == request->user_id) {
    return deny(
        MakeError(ErrorCode::kForbidden, "staff.second_approver_required", request->requested_by));
  }
  bool issued = false;
  if (approve) {
    auto user = staff_.Find(request->user_id);
    if (!user) return deny(MakeError(ErrorCode::kNotFound, "staff.not_found", request->user_id));
    StaffUser next = *user;
    ++next.version;
    next.changed_by = admin.operator_id;
    // A password the one who asked may know (they made the account) is replaced by one only the
    // approver sees; a reset's password is made here for the same reason.
    const bool new_password =
        request->kind == StaffRequestKind::kPasswordReset ||
        (request->kind == StaffRequestKind::kPermissions && user->must_change_password);
    if (new_password) {
      if (auto ok = CheckPassword(next.user_id, fresh_password); !ok) return deny(ok.error());
      next.password_hash = hasher_.Hash(fresh_password);
      next.must_change_password = true;
      next.credential_version = next.version;  // every session and token of the user ends
      issued = true;
    }
    switch (request->kind) {
      case StaffRequestKind::kPermissions:
        for (Permission p : request->add) next.permissions.insert(p);
        for (Permission p : request->remove) next.permissions.erase(p);
        break;
      case StaffRequestKind::kPasswordReset:
        break;
      case StaffRequestKind::kSecondFactorReset:
        next.totp_secret.clear();
        next.totp_enrolled = false;
        next.credential_version = next.version;
        break;
    }
    if (auto saved = staff_.Save(next); !saved) return saved.error();
  }
  staff_.DecidePermissionRequest(request_id, admin.operator_id, approve);
  AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, function);
  event.detail = "request=" + std::to_string(request_id) +
                 " kind=" + std::string(StaffRequestKindName(request->kind)) +
                 " user=" + request->user_id + " by=" + request->requested_by +
                 " add=" + PermissionList(request->add) +
                 " remove=" + PermissionList(request->remove) + (issued ? " password=issued" : "");
  log_.Record(event);
  return issued ? request->user_id : std::string();
}

Result<PermissionChange> Authenticator::AskForReset(const Viewer& admin, const std::string& user_id,
                                                    StaffRequestKind kind) {
  const std::string function(StaffRequestKindNameJa(kind));
  auto next = Admin(admin, user_id, function);
  if (!next) return next.error();
  PermissionRequest request;
  request.kind = kind;
  request.user_id = user_id;
  request.requested_by = admin.operator_id;
  const int64_t id = staff_.AddPermissionRequest(request);
  AuditEvent event = EventBy(admin, AuditAction::kSettingsChange, function + "の申請");
  event.detail = "request=" + std::to_string(id) + " user=" + user_id;
  log_.Record(event);
  return PermissionChange{true, id};
}

Result<PermissionChange> Authenticator::ResetPassword(const Viewer& admin,
                                                      const std::string& user_id) {
  return AskForReset(admin, user_id, StaffRequestKind::kPasswordReset);
}

Result<PermissionChange> Authenticator::ResetSecondFactor(const Viewer& admin,
                                                          const std::string& user_id) {
  return AskForReset(admin, user_id, StaffRequestKind::kSecondFactorReset);
}

Status Authenticator::Unlock(const Viewer& admin, const std::string& user_id,
                             int64_t now_epoch_seconds) {
  auto next = Admin(admin, user_id, "unlock");
  if (!next) return next.error();
  staff_.RecordUnlock(user_id, now_epoch_seconds);
  return {};
}

Status Authenticator::Disable(const Viewer& admin, const std::string& user_id) {
  auto next = Admin(admin, user_id, "disable");
  if (!next) return next.error();
  next->disabled = true;
  next->credential_version = next->version;
  if (auto saved = staff_.Save(*next); !saved) return saved.error();
  return {};
}

}  // namespace jrr
