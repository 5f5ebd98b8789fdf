// SPDX-License-Identifier: Apache-2.0
//
// ApiTokenStore on SQLite (schema 0022): tokens by the SHA-256 of their secret (libsodium), and
// revocations as rows of their own.
#pragma once

#include "jrr/domain/security/api_token.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteApiTokens final : public ApiTokenStore {
 public:
  explicit SqliteApiTokens(Database& db) : db_(db) {}
  ApiToken Create(ApiToken token, const std::string& secret) override;
  std::optional<ApiToken> FindBySecret(const std::string& secret) override;
  std::optional<ApiToken> Find(int64_t token_id) override;
  std::vector<ApiToken> ForUser(const std::string& user_id) override;
  void Revoke(int64_t token_id, const std::string& by) override;

 private:
  std::optional<ApiToken> One(const std::string& where, const std::string& key);
  Database& db_;
};

}  // namespace jrr
