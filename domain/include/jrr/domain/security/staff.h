// SPDX-License-Identifier: Apache-2.0
//
// 職員 (利用者) — StaffUser, StaffDirectory, Authenticator: who may use the register, with which
// permissions, and how they prove it (JK-10.3, 10.4).
//
// A staff user has an ID, a name, a department, a period of validity and a set of independently
// granted permissions (resident_access.h). Permissions are granted per user (and may be granted to
// a whole department at once by the caller); by position they are not (JK-10.3 【実装しない機能】).
// Logging in takes the password and a second factor (a TOTP code, RFC 6238, from an enrolled
// authenticator) — JK-10.3 requires two factors. After kMaxFailedLogins failures in a row the
// account locks for kLockMinutes (or until an administrator unlocks it). An initial or reset
// password must be changed before anything else.
//
// Every change to a user is a new version (nothing is updated in place); every login attempt is
// an アクセスログ entry (認証ログ). Passwords are only ever seen by the PasswordHasher port; the
// domain has no clock and no randomness, so `now` and new secrets come from the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

inline constexpr int kMaxFailedLogins = 5;
inline constexpr int kLockMinutes = 15;
inline constexpr std::size_t kMinPasswordLength = 12;

struct StaffUser {
  std::string user_id;
  int version = 0;
  std::string name;
  std::string department;
  CalendarDate valid_from;
  std::optional<CalendarDate> valid_to;
  std::set<Permission> permissions;
  std::string password_hash;  // PasswordHasher's encoded form (Argon2id)
  bool must_change_password = true;
  std::string totp_secret;     // base32; empty until enrolled
  bool totp_enrolled = false;  // a code was confirmed after the secret was issued
  bool disabled = false;       // 削除 is a version with disabled set: the history stays
  std::string changed_by;
  // The version at which the password, the second factor or `disabled` last changed (0: before
  // the register kept it). A session or token begun under another value has ended.
  int credential_version = 0;

  bool ValidOn(CalendarDate day) const {
    return !disabled && !(day < valid_from) && !(valid_to && *valid_to < day);
  }
};

// Permissions whose grant needs a second administrator (two-person rule): every one. Each opens
// some path to people's data (証明発行 prints them, 異動入力 reads them, a see-permission shows a
// number), so one administrator alone could otherwise make an account that reads the register.
const std::set<Permission>& PermissionsNeedingSecondApproval();

// What a request asks a second administrator to allow: a grant, or a reset of another user's
// password or second factor (one administrator resetting both could log in as that user).
enum class StaffRequestKind { kPermissions, kPasswordReset, kSecondFactorReset };
std::string_view StaffRequestKindName(
    StaffRequestKind kind);  // permissions, reset-password, reset-2fa
std::string_view StaffRequestKindNameJa(
    StaffRequestKind kind);  // 権限付与, パスワード再設定, 二要素認証の再設定

// A request waiting for a second administrator (JK-10.4), and its decision once made.
struct PermissionRequest {
  int64_t request_id = 0;
  StaffRequestKind kind = StaffRequestKind::kPermissions;
  std::string user_id;
  std::set<Permission> add, remove;
  std::string password_hash;  // unused: a reset's password is made when it is approved
  std::string requested_by;
  std::string requested_at;      // UTC timestamp
  std::optional<bool> approved;  // unset while open
  std::string decided_by;
};

// What a change of permissions came to: done, or waiting as a request.
struct PermissionChange {
  bool pending = false;
  int64_t request_id = 0;
};

// The login attempts of one user, newest first, as far back as the last success.
struct LoginAttempt {
  int64_t at_epoch_seconds = 0;
  bool succeeded = false;
};

class StaffDirectory {
 public:
  virtual ~StaffDirectory() = default;
  virtual std::optional<StaffUser> Find(const std::string& user_id) = 0;
  virtual std::vector<StaffUser> All() = 0;
  // Stores a new user (version 1) or its next version; kConflict staff.stale / staff.exists.
  virtual Result<StaffUser> Save(StaffUser user) = 0;
  virtual void RecordAttempt(const std::string& user_id, const LoginAttempt& attempt) = 0;
  // Failed attempts since the last success (or an unlock), newest first.
  virtual std::vector<LoginAttempt> FailuresSinceSuccess(const std::string& user_id) = 0;
  // An administrator's unlock: later failures count from zero.
  virtual void RecordUnlock(const std::string& user_id, int64_t at_epoch_seconds) = 0;
  // Counts an attempt before its password is checked, atomically: false when the user is locked
  // (`max_failures` failures since the last success or unlock, the newest less than
  // `lock_seconds` ago); otherwise the attempt is recorded as a failure and true returned. A
  // success recorded afterwards clears the count. Parallel attempts can so never check more
  // passwords than the limit.
  virtual bool ClaimAttempt(const std::string& user_id, int64_t now_epoch_seconds, int max_failures,
                            int64_t lock_seconds) = 0;
  // Spends a second-factor step, atomically: false when this step or a later one was spent.
  virtual bool ClaimCodeStep(const std::string& user_id, int64_t step,
                             int64_t now_epoch_seconds) = 0;
  // Grants waiting for a second administrator.
  virtual int64_t AddPermissionRequest(const PermissionRequest& request) = 0;
  virtual std::optional<PermissionRequest> FindPermissionRequest(int64_t request_id) = 0;
  virtual std::vector<PermissionRequest> OpenPermissionRequests() = 0;
  virtual void DecidePermissionRequest(int64_t request_id, const std::string& decided_by,
                                       bool approved) = 0;
};

// Argon2id in persistence/ (libsodium); a port so the domain stays pure.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual std::string Hash(const std::string& password) = 0;
  virtual bool Verify(const std::string& encoded, const std::string& password) = 0;
  // Spends the time of one Verify on a hash nobody has, so that an unknown ID answers no faster
  // than a known one with a wrong password.
  virtual void VerifyNone(const std::string& password) = 0;
};

// TOTP codes (RFC 6238: HMAC-SHA1, 30 s, 6 digits); web/ implements it.
class OneTimeCodes {
 public:
  virtual ~OneTimeCodes() = default;
  // The step (unix time / 30) whose code `code` is for `secret`, within one step of `now` either
  // way (clock drift); nullopt when it is none of them.
  virtual std::optional<int64_t> StepOf(const std::string& base32_secret, const std::string& code,
                                        int64_t now) = 0;
  bool Verify(const std::string& base32_secret, const std::string& code, int64_t now) {
    return StepOf(base32_secret, code, now).has_value();
  }
};

struct Credentials {
  std::string user_id;
  std::string password;
  std::string code;  // TOTP
};

// Where the attempt comes from, for the log.
struct LoginPlace {
  std::string terminal;
  std::string place;
  CalendarDate today;
  int64_t now_epoch_seconds = 0;
};

enum class LoginStep {
  kDone,               // logged in
  kChangePassword,     // first the initial password must be changed
  kEnrolSecondFactor,  // first an authenticator must be enrolled
};

struct LoginOutcome {
  Viewer viewer;  // the user's permissions, for the session
  LoginStep next = LoginStep::kDone;
  int credential_version = 0;  // what the session begins under (Resume)
};

// The operator of `jrr user add --admin`, who adds the very first administrator.
inline constexpr std::string_view kFirstAdministrator = "jrr user add --admin";

// Authentication and user administration. Errors (all kRuleViolation unless noted):
//   auth.failed              wrong ID, password or code (or a code already used) — one message
//                            for all, so a guess learns nothing about which part was wrong
//   auth.locked              too many failures; try again later or ask an administrator
//   auth.expired             outside the account's period of validity, or disabled
//   staff.password_weak      shorter than kMinPasswordLength, or the same as the ID
//   staff.code_invalid       the code does not match the secret being enrolled
//   staff.not_found          (kNotFound)
//   access.permission_denied user administration needs kUserAdmin
//   auth.session_ended       (Resume) the account changed since the session or token began
//   staff.own_permissions    nobody changes their own permissions
//   staff.second_approver_required  a request is decided by an administrator other than the one
//                            who made it and the user it is for
//   staff.request_not_found  (kNotFound) no open request with that number
class Authenticator {
 public:
  Authenticator(StaffDirectory& staff, PasswordHasher& hasher, OneTimeCodes& codes, AuditLog& log)
      : staff_(staff), hasher_(hasher), codes_(codes), log_(log) {}

  // Password and, once enrolled, the code. Logged as login or login_failure.
  Result<LoginOutcome> Login(const Credentials& credentials, const LoginPlace& where);
  // The user changes their own password (old one required).
  Status ChangePassword(const std::string& user_id, const std::string& old_password,
                        const std::string& new_password, const LoginPlace& where);
  // Enrolment: the caller issued `secret` (random) and shows it; the user proves the
  // authenticator works by entering its current code.
  Status EnrolSecondFactor(const std::string& user_id, const std::string& base32_secret,
                           const std::string& code, const LoginPlace& where);

  // Every request of a logged-in session or a token: the user as they stand now. Error
  // auth.session_ended when they no longer exist, are disabled or outside their period, or their
  // credentials changed (credential_version) since `credential_version` — a reset of the password
  // or the second factor ends every session and token begun before it. The permissions are the
  // user's current ones: a revoked permission is gone from the next request.
  Result<Viewer> Resume(const std::string& user_id, int credential_version,
                        const LoginPlace& where);

  // Administration (kUserAdmin).
  // Every user's latest version, without password hashes or second-factor secrets; logged.
  Result<std::vector<StaffUser>> Users(const Viewer& admin);
  // A user with the permissions that need no second administrator; the others become a request
  // (`pending_request`, when given, receives its number).
  Result<StaffUser> AddUser(const Viewer& admin, StaffUser user,
                            const std::string& initial_password,
                            int64_t* pending_request = nullptr);
  // Sets a user's permissions: at once when it grants nothing of PermissionsNeedingSecondApproval,
  // else as a request another administrator decides (DecidePermissionRequest). Never one's own.
  Result<PermissionChange> SetPermissions(const Viewer& admin, const std::string& user_id,
                                          std::set<Permission> permissions);
  Result<std::vector<PermissionRequest>> OpenPermissionRequests(const Viewer& admin);
  // Approves (applies what the request adds and removes to the user's permissions as they are
  // now, or the reset it asks for) or rejects an open request; never one's own request or one
  // about oneself (staff.second_approver_required). Logged.
  // The approver hands out the credentials, never the one who asked: approving a password reset,
  // or a grant to an account whose initial password was never changed, sets `fresh_password` as
  // its initial password (to be changed at the next login) and answers that user's ID (else ""),
  // so the caller shows it to the approver alone.
  Result<std::string> DecidePermissionRequest(const Viewer& admin, int64_t request_id, bool approve,
                                              const std::string& fresh_password = {});
  // Resets of another user's password or second factor: always a request another administrator
  // decides (one administrator who could reset both, or knew the new password, could log in as
  // that user). Once approved, every session and token of the user ends.
  Result<PermissionChange> ResetPassword(const Viewer& admin, const std::string& user_id);
  Result<PermissionChange> ResetSecondFactor(const Viewer& admin, const std::string& user_id);
  Status Unlock(const Viewer& admin, const std::string& user_id, int64_t now_epoch_seconds);
  Status Disable(const Viewer& admin, const std::string& user_id);

  // The very first administrator, when there is no user yet (`jrr user add --admin`). Error
  // staff.exists when any user exists: later ones are added by an administrator.
  Result<StaffUser> AddFirstAdministrator(StaffUser user, const std::string& initial_password);

 private:
  Status CheckPassword(const std::string& user_id, const std::string& password) const;
  Result<StaffUser> Admin(const Viewer& admin, const std::string& user_id,
                          const std::string& function);
  // A reset of `kind`, asked for (ResetPassword, ResetSecondFactor).
  Result<PermissionChange> AskForReset(const Viewer& admin, const std::string& user_id,
                                       StaffRequestKind kind);
  void Log(AuditAction action, const std::string& user_id, const std::string& function,
           const LoginPlace& where, const std::string& outcome);
  StaffDirectory& staff_;
  PasswordHasher& hasher_;
  OneTimeCodes& codes_;
  AuditLog& log_;
};

}  // namespace jrr
