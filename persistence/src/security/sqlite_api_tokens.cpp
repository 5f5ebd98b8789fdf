// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/security/sqlite_api_tokens.h"

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

constexpr const char* kSelect =
    "SELECT t.token_id, t.user_id, t.name, t.issued_on, t.expires_on, "
    "EXISTS (SELECT 1 FROM api_token_revocation r WHERE r.token_id = t.token_id), "
    "t.credential_version "
    "FROM api_token t ";

CalendarDate Day(const std::string& text) {
  auto day = ParseIsoDate(text);
  if (!day) throw StorageError("storage.failure", "undecodable token date");
  return *day;
}

ApiToken Read(Statement& s) {
  ApiToken t;
  t.token_id = s.ColumnInt(0);
  t.user_id = s.ColumnText(1);
  t.name = s.ColumnText(2);
  t.issued_on = Day(s.ColumnText(3));
  if (!s.ColumnIsNull(4)) t.expires_on = Day(s.ColumnText(4));
  t.revoked = s.ColumnInt(5) != 0;
  t.credential_version = static_cast<int>(s.ColumnInt(6));
  return t;
}

}  // namespace

ApiToken SqliteApiTokens::Create(ApiToken token, const std::string& secret) {
  db_.Prepare(
         "INSERT INTO api_token(user_id, name, secret_hash, issued_on, expires_on, "
         "credential_version) VALUES "
         "(?1, ?2, ?3, ?4, ?5, ?6)")
      ->Bind(1, token.user_id)
      .Bind(2, token.name)
      .Bind(3, Sha256Hex(secret))
      .Bind(4, ToIsoString(token.issued_on))
      .Bind(5, token.expires_on ? std::optional<std::string>(ToIsoString(*token.expires_on))
                                : std::nullopt)
      .Bind(6, token.credential_version)
      .Run();
  token.token_id = db_.LastInsertRowId();
  return token;
}

std::optional<ApiToken> SqliteApiTokens::One(const std::string& where, const std::string& key) {
  auto s = db_.Prepare(std::string(kSelect) + where);
  s->Bind(1, key);
  if (!s->Step()) return std::nullopt;
  return Read(*s);
}

std::optional<ApiToken> SqliteApiTokens::FindBySecret(const std::string& secret) {
  return One("WHERE t.secret_hash = ?1", Sha256Hex(secret));
}

std::optional<ApiToken> SqliteApiTokens::Find(int64_t token_id) {
  return One("WHERE t.token_id = ?1", std::to_string(token_id));
}

std::vector<ApiToken> SqliteApiTokens::ForUser(const std::string& user_id) {
  auto s = db_.Prepare(std::string(kSelect) + "WHERE t.user_id = ?1 ORDER BY t.token_id");
  s->Bind(1, user_id);
  std::vector<ApiToken> tokens;
  while (s->Step()) tokens.push_back(Read(*s));
  return tokens;
}

void SqliteApiTokens::Revoke(int64_t token_id, const std::string& by) {
  db_.Prepare("INSERT OR IGNORE INTO api_token_revocation(token_id, revoked_by) VALUES (?1, ?2)")
      ->Bind(1, token_id)
      .Bind(2, by)
      .Run();
}

}  // namespace jrr
