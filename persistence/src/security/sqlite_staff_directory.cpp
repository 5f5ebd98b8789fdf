// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/security/sqlite_staff_directory.h"

#include <sodium.h>

#include <set>
#include <sstream>

#include "core/day_codec.h"
#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

constexpr const char* kSelectUser =
    "SELECT user_id, version, name, department, valid_from, valid_to, permissions, password_hash, "
    "must_change_password, totp_secret, totp_enrolled, disabled, changed_by, credential_version "
    "FROM staff_user_version u";
constexpr const char* kIsLatest =
    " u.version = (SELECT max(w.version) FROM staff_user_version w WHERE w.user_id = u.user_id)";

StaffUser ReadUser(const Statement& row) {
  StaffUser u;
  u.user_id = row.ColumnText(0);
  u.version = static_cast<int>(row.ColumnInt(1));
  u.name = row.ColumnText(2);
  u.department = row.ColumnText(3);
  auto from = codec::DecodeDay(row, 4);
  if (!from) throw StorageError("storage.failure", "undecodable staff date");
  u.valid_from = *from;
  u.valid_to = codec::DecodeDay(row, 5);
  u.permissions = PermissionsOfList(row.ColumnText(6));
  u.password_hash = row.ColumnText(7);
  u.must_change_password = row.ColumnInt(8) != 0;
  u.totp_secret = row.ColumnText(9);
  u.totp_enrolled = row.ColumnInt(10) != 0;
  u.disabled = row.ColumnInt(11) != 0;
  u.changed_by = row.ColumnText(12);
  u.credential_version = static_cast<int>(row.ColumnInt(13));
  return u;
}

}  // namespace

std::optional<StaffUser> SqliteStaffDirectory::Find(const std::string& user_id) {
  auto row = db_.Prepare(std::string(kSelectUser) + " WHERE u.user_id = ?1 AND" + kIsLatest);
  row->Bind(1, user_id);
  if (!row->Step()) return std::nullopt;
  return ReadUser(*row);
}

std::vector<StaffUser> SqliteStaffDirectory::All() {
  auto rows = db_.Prepare(std::string(kSelectUser) + " WHERE" + kIsLatest + " ORDER BY u.user_id");
  std::vector<StaffUser> users;
  while (rows->Step()) users.push_back(ReadUser(*rows));
  return users;
}

Result<StaffUser> SqliteStaffDirectory::Save(StaffUser u) {
  Transaction transaction(db_);
  const auto current = Find(u.user_id);
  if (u.version == 1 && current) {
    return MakeError(ErrorCode::kConflict, "staff.exists", "user " + u.user_id + " exists");
  }
  if (u.version != 1 && (!current || current->version + 1 != u.version)) {
    return MakeError(ErrorCode::kConflict, "staff.stale",
                     "user " + u.user_id + " changed meanwhile");
  }
  const std::string permissions = PermissionList(u.permissions);
  auto insert = db_.Prepare(
      "INSERT INTO staff_user_version(user_id, version, name, department, valid_from, valid_to, "
      "permissions, password_hash, must_change_password, totp_secret, totp_enrolled, disabled, "
      "changed_by, credential_version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
      "?13, ?14)");
  insert->Bind(1, u.user_id)
      .Bind(2, u.version)
      .Bind(3, u.name)
      .Bind(4, u.department)
      .Bind(5, ToIsoString(u.valid_from))
      .Bind(6, codec::EncodeDay(u.valid_to))
      .Bind(7, permissions)
      .Bind(8, u.password_hash)
      .Bind(9, u.must_change_password ? 1 : 0)
      .Bind(10, u.totp_secret)
      .Bind(11, u.totp_enrolled ? 1 : 0)
      .Bind(12, u.disabled ? 1 : 0)
      .Bind(13, u.changed_by)
      .Bind(14, u.credential_version);
  insert->Run();
  transaction.Commit();
  return u;
}

void SqliteStaffDirectory::RecordAttempt(const std::string& user_id, const LoginAttempt& attempt) {
  auto insert =
      db_.Prepare("INSERT INTO login_attempt(user_id, at_epoch, outcome) VALUES (?1, ?2, ?3)");
  insert->Bind(1, user_id)
      .Bind(2, attempt.at_epoch_seconds)
      .Bind(3, attempt.succeeded ? "success" : "failure");
  insert->Run();
}

void SqliteStaffDirectory::RecordUnlock(const std::string& user_id, int64_t at_epoch_seconds) {
  auto insert = db_.Prepare(
      "INSERT INTO login_attempt(user_id, at_epoch, outcome) VALUES (?1, ?2, 'unlock')");
  insert->Bind(1, user_id).Bind(2, at_epoch_seconds).Run();
}

std::vector<LoginAttempt> SqliteStaffDirectory::FailuresSinceSuccess(const std::string& user_id) {
  auto rows = db_.Prepare(
      "SELECT at_epoch FROM login_attempt WHERE user_id = ?1 AND outcome = 'failure' AND "
      "attempt_id > "
      "coalesce((SELECT max(attempt_id) FROM login_attempt WHERE user_id = ?1 AND outcome <> "
      "'failure'), 0) "
      "ORDER BY attempt_id DESC");
  rows->Bind(1, user_id);
  std::vector<LoginAttempt> failures;
  while (rows->Step()) failures.push_back(LoginAttempt{rows->ColumnInt(0), false});
  return failures;
}

bool SqliteStaffDirectory::ClaimAttempt(const std::string& user_id, int64_t now_epoch_seconds,
                                        int max_failures, int64_t lock_seconds) {
  Transaction transaction(db_);  // BEGIN IMMEDIATE: one claim at a time
  const auto failures = FailuresSinceSuccess(user_id);
  if (failures.size() >= static_cast<std::size_t>(max_failures) &&
      now_epoch_seconds < failures.front().at_epoch_seconds + lock_seconds) {
    return false;
  }
  RecordAttempt(user_id, LoginAttempt{now_epoch_seconds, false});
  transaction.Commit();
  return true;
}

bool SqliteStaffDirectory::ClaimCodeStep(const std::string& user_id, int64_t step,
                                         int64_t now_epoch_seconds) {
  Transaction transaction(db_);
  auto latest = db_.Prepare("SELECT max(step) FROM totp_step WHERE user_id = ?1");
  latest->Bind(1, user_id);
  if (latest->Step() && !latest->ColumnIsNull(0) && latest->ColumnInt(0) >= step) return false;
  db_.Prepare("INSERT INTO totp_step(user_id, step, used_at) VALUES (?1, ?2, ?3)")
      ->Bind(1, user_id)
      .Bind(2, step)
      .Bind(3, now_epoch_seconds)
      .Run();
  transaction.Commit();
  return true;
}

namespace {

constexpr const char* kSelectRequest =
    "SELECT r.request_id, r.user_id, r.add_permissions, r.remove_permissions, r.requested_by, "
    "r.requested_at, "
    "d.approved, d.decided_by, r.kind, r.password_hash FROM staff_permission_request r LEFT JOIN "
    "staff_permission_decision d ON "
    "d.request_id = r.request_id ";

PermissionRequest ReadRequest(const Statement& row) {
  PermissionRequest r;
  r.request_id = row.ColumnInt(0);
  r.user_id = row.ColumnText(1);
  r.add = PermissionsOfList(row.ColumnText(2));
  r.remove = PermissionsOfList(row.ColumnText(3));
  r.requested_by = row.ColumnText(4);
  r.requested_at = row.ColumnText(5);
  if (!row.ColumnIsNull(6)) r.approved = row.ColumnInt(6) != 0;
  if (!row.ColumnIsNull(7)) r.decided_by = row.ColumnText(7);
  r.kind = static_cast<StaffRequestKind>(row.ColumnInt(8));
  r.password_hash = row.ColumnText(9);
  return r;
}

}  // namespace

int64_t SqliteStaffDirectory::AddPermissionRequest(const PermissionRequest& r) {
  db_.Prepare(
         "INSERT INTO staff_permission_request(user_id, add_permissions, remove_permissions, "
         "requested_by, kind, "
         "password_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      ->Bind(1, r.user_id)
      .Bind(2, PermissionList(r.add))
      .Bind(3, PermissionList(r.remove))
      .Bind(4, r.requested_by)
      .Bind(5, static_cast<int64_t>(r.kind))
      .Bind(6, r.password_hash)
      .Run();
  return db_.LastInsertRowId();
}

std::optional<PermissionRequest> SqliteStaffDirectory::FindPermissionRequest(int64_t request_id) {
  auto row = db_.Prepare(std::string(kSelectRequest) + "WHERE r.request_id = ?1");
  row->Bind(1, request_id);
  if (!row->Step()) return std::nullopt;
  return ReadRequest(*row);
}

std::vector<PermissionRequest> SqliteStaffDirectory::OpenPermissionRequests() {
  auto rows =
      db_.Prepare(std::string(kSelectRequest) + "WHERE d.request_id IS NULL ORDER BY r.request_id");
  std::vector<PermissionRequest> open;
  while (rows->Step()) open.push_back(ReadRequest(*rows));
  return open;
}

void SqliteStaffDirectory::DecidePermissionRequest(int64_t request_id,
                                                   const std::string& decided_by, bool approved) {
  db_.Prepare(
         "INSERT INTO staff_permission_decision(request_id, decided_by, approved) VALUES (?1, ?2, "
         "?3)")
      ->Bind(1, request_id)
      .Bind(2, decided_by)
      .Bind(3, approved ? 1 : 0)
      .Run();
}

Argon2PasswordHasher::Argon2PasswordHasher() {
  if (sodium_init() < 0) throw StorageError("storage.failure", "libsodium could not start");
}

std::string Argon2PasswordHasher::Hash(const std::string& password) {
  char encoded[crypto_pwhash_STRBYTES];
  constexpr unsigned long long kPasses = 2;
  constexpr std::size_t kMemory = 19u * 1024u * 1024u;
  if (crypto_pwhash_str_alg(encoded, password.data(), password.size(), kPasses, kMemory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw StorageError("storage.failure", "out of memory hashing a password");
  }
  return encoded;
}

bool Argon2PasswordHasher::Verify(const std::string& encoded, const std::string& password) {
  if (encoded.empty() || encoded.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

void Argon2PasswordHasher::VerifyNone(const std::string& password) {
  // A hash of a value no one types, made once per process with the same parameters as every
  // stored one, so the check costs what a real one costs.
  static const std::string kNobody = Hash("jrr: no such user, no such password");
  (void)Verify(kNobody, password);
}

}  // namespace jrr
