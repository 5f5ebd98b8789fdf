// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/api_token.h"

namespace jrr {

Result<ApiToken> ApiTokenDesk::Issue(const Viewer& self, const std::string& name,
                                     const std::string& secret,
                                     std::optional<CalendarDate> expires_on) {
  if (self.by_token)
    return MakeError(ErrorCode::kForbidden, "auth.interactive_required",
                     "a token cannot issue tokens");
  if (name.empty()) return MakeError(ErrorCode::kInvalidInput, "token.name_required");
  if (expires_on && *expires_on < self.today) {
    return MakeError(ErrorCode::kRuleViolation, "token.expiry_past", ToIsoString(*expires_on));
  }
  const CalendarDate latest = FromDayNumber(ToDayNumber(self.today) + kMaxTokenDays);
  if (expires_on && latest < *expires_on) {
    return MakeError(ErrorCode::kRuleViolation, "token.expiry_too_far", ToIsoString(latest));
  }
  auto user = staff_.Find(self.operator_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "staff.not_found", self.operator_id);
  ApiToken token;
  token.user_id = self.operator_id;
  token.name = name;
  token.issued_on = self.today;
  token.expires_on =
      expires_on ? *expires_on : FromDayNumber(ToDayNumber(self.today) + kDefaultTokenDays);
  token.credential_version = user->credential_version;
  token = tokens_.Create(token, secret);
  AuditEvent event = EventBy(self, AuditAction::kSettingsChange, "APIトークンの発行");
  event.detail = "token=" + std::to_string(token.token_id);
  log_.Record(event);
  return token;
}

std::vector<ApiToken> ApiTokenDesk::Mine(const Viewer& self) {
  return tokens_.ForUser(self.operator_id);
}

Status ApiTokenDesk::Revoke(const Viewer& self, int64_t token_id) {
  auto token = tokens_.Find(token_id);
  // Someone else's token is "not found" unless the viewer administers users.
  if (!token || (token->user_id != self.operator_id && !self.Has(Permission::kUserAdmin))) {
    return MakeError(ErrorCode::kNotFound, "token.not_found", std::to_string(token_id));
  }
  if (!token->revoked) tokens_.Revoke(token_id, self.operator_id);
  AuditEvent event = EventBy(self, AuditAction::kSettingsChange, "APIトークンの失効");
  event.detail = "token=" + std::to_string(token_id) + " user=" + token->user_id;
  log_.Record(event);
  return {};
}

Result<Viewer> ApiTokenDesk::Authenticate(const std::string& secret, const std::string& place,
                                          const std::string& terminal, CalendarDate today,
                                          int64_t now_epoch_seconds) {
  auto invalid = [] { return MakeError(ErrorCode::kUnauthenticated, "auth.token_invalid"); };
  if (secret.empty()) return invalid();
  auto token = tokens_.FindBySecret(secret);
  if (!token || token->revoked || (token->expires_on && *token->expires_on < today))
    return invalid();
  auto user = staff_.Find(token->user_id);
  if (!user || !user->ValidOn(today) || user->credential_version != token->credential_version)
    return invalid();
  Viewer viewer{user->user_id, place, terminal, user->permissions, today, now_epoch_seconds};
  viewer.by_token = true;
  return viewer;
}

}  // namespace jrr
