// SPDX-License-Identifier: Apache-2.0
//
// StaffDirectory on SQLite (schema 0014) and the Argon2id PasswordHasher (libsodium).
#pragma once

#include "jrr/domain/staff.h"
#include "jrr/persistence/database.h"

namespace jrr {

class SqliteStaffDirectory final : public StaffDirectory {
 public:
  explicit SqliteStaffDirectory(Database& db) : db_(db) {}
  std::optional<StaffUser> Find(const std::string& user_id) override;
  std::vector<StaffUser> All() override;
  Result<StaffUser> Save(StaffUser user) override;
  void RecordAttempt(const std::string& user_id, const LoginAttempt& attempt) override;
  std::vector<LoginAttempt> FailuresSinceSuccess(const std::string& user_id) override;
  void RecordUnlock(const std::string& user_id, int64_t at_epoch_seconds) override;

 private:
  Database& db_;
};

// Argon2id with 19 MiB and two passes (OWASP's minimum; docs/notes: nonfunc_security.md), in
// libsodium's self-describing encoded form, so the parameters can be raised later without
// invalidating stored hashes.
class Argon2PasswordHasher final : public PasswordHasher {
 public:
  Argon2PasswordHasher();
  std::string Hash(const std::string& password) override;
  bool Verify(const std::string& encoded, const std::string& password) override;
};

}  // namespace jrr
