// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/register/register_backup.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/register/migrations.h"

namespace jrr {
namespace {

// Copies every page of `from` into `to` in one step: one read transaction on `from`, so the copy
// is a single consistent snapshot even while other connections write (WAL).
void CopyDatabase(Database& from, Database& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
  if (backup == nullptr) to.ThrowError(sqlite3_errcode(to.handle()), "backup init");
  int rc = SQLITE_OK;
  // A writer holding the lock at the moment we start makes the step return BUSY/LOCKED; the
  // snapshot is then simply taken a moment later.
  for (int attempt = 0; attempt < 200; ++attempt) {
    rc = sqlite3_backup_step(backup, -1);
    if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
    sqlite3_sleep(25);
  }
  const int finished = sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) to.ThrowError(rc, "backup step");
  if (finished != SQLITE_OK) to.ThrowError(finished, "backup finish");
}

void RemoveWithSidecars(const std::string& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ignored);
  }
}

}  // namespace

Result<BackupCheck> CheckRegisterFile(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return MakeError(ErrorCode::kNotFound, "backup.not_a_register", "no file");
  }
  BackupCheck check;
  check.bytes = static_cast<int64_t>(std::filesystem::file_size(path, error));
  try {
    Database db(path, DatabaseOptions{.create_if_missing = false, .read_only = true});
    {
      auto integrity = db.Prepare("PRAGMA integrity_check");
      if (!integrity->Step() || integrity->ColumnText(0) != "ok") {
        return MakeError(ErrorCode::kRuleViolation, "backup.integrity_failed",
                         integrity->ColumnIsNull(0) ? "" : integrity->ColumnText(0));
      }
    }
    check.schema_version = SchemaVersion(db);
    if (check.schema_version < 11 || check.schema_version > LatestSchemaVersion()) {
      return MakeError(ErrorCode::kRuleViolation, "backup.not_a_register",
                       "schema version " + std::to_string(check.schema_version));
    }
    check.audit = VerifyAuditLog(db);
    if (!check.audit.ok) {
      return MakeError(
          ErrorCode::kRuleViolation, "backup.audit_broken",
          "entry " + std::to_string(check.audit.first_bad_sequence) + ": " + check.audit.problem);
    }
  } catch (const StorageError& e) {
    // Not an SQLite file at all, or one SQLite cannot read.
    return MakeError(ErrorCode::kRuleViolation, "backup.not_a_register", e.what());
  }
  return check;
}

Result<BackupCheck> BackupRegister(Database& source, const std::string& target_path) {
  std::error_code error;
  if (std::filesystem::exists(target_path, error)) {
    return MakeError(ErrorCode::kConflict, "backup.target_exists", "the backup file exists");
  }
  const std::string partial = target_path + ".partial";
  RemoveWithSidecars(partial);
  {
    Database copy(partial);
    CopyDatabase(source, copy);
    // A backup is one self-contained file: no WAL beside it.
    copy.Execute("PRAGMA journal_mode=DELETE");
  }
  auto checked = CheckRegisterFile(partial);
  if (!checked) {
    RemoveWithSidecars(partial);
    return checked.error();
  }
  std::filesystem::rename(partial, target_path);
  RemoveWithSidecars(partial);
  return checked;
}

Result<BackupCheck> RestoreRegister(const std::string& backup_path, const std::string& target_path,
                                    bool force, const std::string& keep_path) {
  auto checked = CheckRegisterFile(backup_path);
  if (!checked) return checked.error();
  std::error_code error;
  if (std::filesystem::exists(target_path, error)) {
    if (!force) {
      return MakeError(ErrorCode::kConflict, "restore.target_exists", "the register file exists");
    }
    if (std::filesystem::exists(keep_path, error)) {
      return MakeError(ErrorCode::kConflict, "backup.target_exists", "the keep file exists");
    }
    // The current content is kept as a checked backup when it is sound; a damaged register is
    // exactly what one restores over, so then its bytes are kept as they are.
    bool kept = false;
    try {
      Database current(target_path, DatabaseOptions{.create_if_missing = false});
      kept = BackupRegister(current, keep_path).has_value();
    } catch (const StorageError&) {
    }
    if (!kept) {
      RemoveWithSidecars(keep_path + ".partial");
      for (const char* suffix : {"", "-wal"}) {
        if (std::filesystem::exists(target_path + suffix, error)) {
          std::filesystem::copy_file(target_path + suffix, keep_path + suffix);
        }
      }
    }
    // Kept: the restore starts from an empty file, so nothing of a damaged one can survive.
    RemoveWithSidecars(target_path);
  }
  {
    Database backup(backup_path, DatabaseOptions{.create_if_missing = false, .read_only = true});
    Database target(target_path);
    CopyDatabase(backup, target);
    target.Execute("PRAGMA journal_mode=WAL");
  }
  return CheckRegisterFile(target_path);
}

}  // namespace jrr
