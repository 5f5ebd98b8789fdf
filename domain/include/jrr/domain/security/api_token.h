// SPDX-License-Identifier: Apache-2.0
//
// APIトークン — ApiToken: a per-user credential for scripts calling /api/v1 (issue 5). A token acts
// with exactly its user's permissions, as the screens would, and stops working when the user is
// disabled or out of their validity period, when it expires, or when it is revoked. The secret is
// shown once at issue; the register keeps only its SHA-256 (persistence/ hashes it).
//
// ApiTokenDesk: issue and revoke (one's own tokens; an administrator with 利用者管理 may revoke
// anyone's), list one's own, and authenticate a presented secret. Issue and revocation are logged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/staff.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

struct ApiToken {
  int64_t token_id = 0;
  std::string user_id;
  std::string name;  // what the user calls it ("夜間バッチ")
  CalendarDate issued_on;
  std::optional<CalendarDate> expires_on;  // last day it works (every token issued now has one)
  bool revoked = false;
  int credential_version = 0;  // the user's, at issue: a reset since then ends the token
};

// A token asked for without a date works for kDefaultTokenDays; none may work longer than
// kMaxTokenDays (a script that runs for years gets a new token each year).
inline constexpr int kDefaultTokenDays = 90;
inline constexpr int kMaxTokenDays = 366;

class ApiTokenStore {
 public:
  virtual ~ApiTokenStore() = default;
  // Keeps the token with a hash of `secret` (never the secret).
  virtual ApiToken Create(ApiToken token, const std::string& secret) = 0;
  virtual std::optional<ApiToken> FindBySecret(const std::string& secret) = 0;
  virtual std::optional<ApiToken> Find(int64_t token_id) = 0;
  virtual std::vector<ApiToken> ForUser(const std::string& user_id) = 0;
  virtual void Revoke(int64_t token_id, const std::string& by) = 0;
};

// Errors (kRuleViolation unless noted):
//   auth.token_invalid   unknown, revoked or expired token, or its user may not work now
//   token.name_required  (kInvalidInput)
//   token.expiry_past    an expiry before today
//   token.expiry_too_far an expiry more than kMaxTokenDays ahead
//   auth.interactive_required  a token asked for with a token (only a logged-in person issues)
//   token.not_found      (kNotFound) no such token of this user
class ApiTokenDesk {
 public:
  ApiTokenDesk(StaffDirectory& staff, ApiTokenStore& tokens, AuditLog& log)
      : staff_(staff), tokens_(tokens), log_(log) {}
  // `secret` is the caller's random value (the domain has no randomness); it is not kept.
  Result<ApiToken> Issue(const Viewer& self, const std::string& name, const std::string& secret,
                         std::optional<CalendarDate> expires_on);
  std::vector<ApiToken> Mine(const Viewer& self);
  Status Revoke(const Viewer& self, int64_t token_id);
  // The viewer the token acts as, at `place`/`terminal` on `today` (by_token set). Invalid once
  // the user's credentials changed after it was issued (a password or second-factor reset).
  Result<Viewer> Authenticate(const std::string& secret, const std::string& place,
                              const std::string& terminal, CalendarDate today,
                              int64_t now_epoch_seconds);

 private:
  StaffDirectory& staff_;
  ApiTokenStore& tokens_;
  AuditLog& log_;
};

}  // namespace jrr
