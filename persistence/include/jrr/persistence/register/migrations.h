// SPDX-License-Identifier: Apache-2.0
//
// Versioned schema migrations. Each is an SQL file under persistence/schema/ (embedded at build
// time). The missing ones are applied in order in one transaction, with their rows in
// schema_migration and PRAGMA user_version, so a register is upgraded whole or not at all. A
// database written by a newer jrr (user_version above the newest
// migration known here) is refused before anything is touched.
#pragma once

#include <span>
#include <string_view>

#include "jrr/persistence/core/database.h"

namespace jrr {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
  // Work SQL cannot do (keys computed by the domain): run in the same transaction after the SQL of
  // every pending migration, since it reads and writes with today's codec.
  void (*step)(Database&) = nullptr;
};

// All migrations this build knows, in order; versions are 1, 2, 3, … without gaps.
std::span<const Migration> AllMigrations();

// The newest version this build knows.
int LatestSchemaVersion();

// The database's version (PRAGMA user_version; 0 for a new file).
int SchemaVersion(Database& db);

// Applies every missing migration. Throws StorageError with rule storage.schema_too_new when the
// database is newer than this build, and StorageError for any failure (then nothing of this
// upgrade stays: the register keeps the version it had).
void Migrate(Database& db);

}  // namespace jrr
