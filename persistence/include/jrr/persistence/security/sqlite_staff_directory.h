// SPDX-License-Identifier: Apache-2.0
//
// StaffDirectory on SQLite (schema 0014) and the Argon2id PasswordHasher (libsodium).
#pragma once

#include "jrr/domain/security/staff.h"
#include "jrr/persistence/core/database.h"

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
  bool ClaimAttempt(const std::string& user_id, int64_t now_epoch_seconds, int max_failures,
                    int64_t lock_seconds) override;
  bool ClaimCodeStep(const std::string& user_id, int64_t step, int64_t now_epoch_seconds) override;
  int64_t AddPermissionRequest(const PermissionRequest& request) override;
  std::optional<PermissionRequest> FindPermissionRequest(int64_t request_id) override;
  std::vector<PermissionRequest> OpenPermissionRequests() override;
  void DecidePermissionRequest(int64_t request_id, const std::string& decided_by,
                               bool approved) override;

 private:
  Database& db_;
};

// Argon2id with 19 MiB and two passes (OWASP's minimum), in
// libsodium's self-describing encoded form, so the parameters can be raised later without
// invalidating stored hashes.
class Argon2PasswordHasher final : public PasswordHasher {
 public:
  Argon2PasswordHasher();
  std::string Hash(const std::string& password) override;
  bool Verify(const std::string& encoded, const std::string& password) override;
  void VerifyNone(const std::string& password) override;
};

}  // namespace jrr
