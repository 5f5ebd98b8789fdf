// SPDX-License-Identifier: Apache-2.0
//
// Backup and restore of a register file (SQLite online backup API).
//
// BackupRegister copies one consistent snapshot of a register that may be in use: the copy is
// taken in a single backup step, i.e. inside one read transaction, so in WAL mode the server's
// writers go on while it runs and the copy is exactly the register as of one commit. The copy is
// written to FILE.partial, checked (PRAGMA integrity_check and the アクセスログ chain) and only
// then renamed to FILE, so a FILE that exists is always a checked backup.
//
// RestoreRegister checks a backup the same way before it touches the target, keeps the target's
// current content as a backup beside it, then copies the backup in (again with the backup API,
// so the target's WAL is handled by SQLite). Run it with the server stopped.
//
// Expected failures are values: backup.target_exists, backup.not_a_register,
// backup.integrity_failed, backup.audit_broken, restore.target_exists.
#pragma once

#include <cstdint>
#include <string>

#include "jrr/domain/core/result.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {

struct BackupCheck {
  int64_t bytes = 0;
  int schema_version = 0;
  AuditVerification audit;
};

// Checks that `path` holds a sound register: integrity_check "ok", a schema jrr knows, and an
// unbroken アクセスログ.
Result<BackupCheck> CheckRegisterFile(const std::string& path);

// Copies `source` to `target_path` (which must not exist) and checks the copy.
Result<BackupCheck> BackupRegister(Database& source, const std::string& target_path);

// Replaces `target_path` with the backup at `backup_path`. When the target exists, `force` must
// be set; its current content is first backed up to `keep_path`.
Result<BackupCheck> RestoreRegister(const std::string& backup_path, const std::string& target_path,
                                    bool force, const std::string& keep_path);

}  // namespace jrr
