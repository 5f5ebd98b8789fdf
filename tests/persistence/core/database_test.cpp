// SPDX-License-Identifier: Apache-2.0
//
// The SQLite wrapper and migrations, on real files: settings, caching, transactions, close and
// reopen, and refusing a database from a newer jrr.
#include "jrr/persistence/core/database.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/core/connection_pool.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/register/migrations.h"
#include "support/temp_dir.h"

namespace jrr {
namespace {

using jrr::testing::TempDir;

TEST(Database, OpensWithTheRegisterSettings) {
  TempDir dir;
  Database db(dir.File("r.db"));
  EXPECT_EQ(db.JournalMode(), "wal");
  EXPECT_EQ(db.QueryInt("PRAGMA synchronous"), 2);  // FULL
  EXPECT_EQ(db.QueryInt("PRAGMA foreign_keys"), 1);
  EXPECT_EQ(db.QueryInt("PRAGMA busy_timeout"), 5000);
  EXPECT_EQ(db.QueryInt("PRAGMA page_size"), 8192);
}

// A register created before 8 KiB pages keeps its 4 KiB ones: a WAL file's page size is fixed.
TEST(Database, AnExistingRegisterKeepsItsPageSize) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(raw, "PRAGMA page_size=4096; PRAGMA journal_mode=WAL; CREATE TABLE t(x);",
                     nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(raw);
  }
  Database db(path);
  EXPECT_EQ(db.QueryInt("PRAGMA page_size"), 4096);
  db.Execute("INSERT INTO t VALUES (1)");
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 1);
}

TEST(Database, StatementsAreCachedAndNestedUseIsRefused) {
  TempDir dir;
  Database db(dir.File("r.db"));
  db.Execute("CREATE TABLE t(x INTEGER)");
  for (int i = 0; i < 3; ++i) db.Prepare("INSERT INTO t VALUES (?1)")->Bind(1, i).Run();
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 3);
  auto outer = db.Prepare("SELECT x FROM t ORDER BY x");
  ASSERT_TRUE(outer->Step());
  EXPECT_THROW(db.Prepare("SELECT x FROM t ORDER BY x"), std::logic_error);
}

// Prepare remembers where it last found a text, and compares before trusting that: a buffer
// reused for another text of the same length gets that text's statement, not the remembered one.
TEST(Database, ARememberedTextIsComparedBeforeItsStatementIsUsed) {
  TempDir dir;
  Database db(dir.File("r.db"));
  const std::size_t cached = db.CachedStatements();
  std::string sql = "SELECT 11";
  EXPECT_EQ(db.QueryInt(sql), 11);
  const char* const where = sql.data();
  sql[8] = '2';  // "SELECT 12", in the same buffer
  ASSERT_EQ(sql.data(), where);
  EXPECT_EQ(db.QueryInt(sql), 12);
  sql[8] = '1';
  EXPECT_EQ(db.QueryInt(sql), 11);
  EXPECT_EQ(db.QueryInt(std::string("SELECT 11")), 11);  // another buffer, the same text
  EXPECT_EQ(db.CachedStatements(), cached + 2);
}

// A statement whose text carried an id was cached once per id: a server recording 附票 and 印鑑
// versions for a year grew its cache (and memory) without bound. Ids are bound, so the cache keeps
// one statement per query whatever the rows.
TEST(Database, TheStatementCacheDoesNotGrowWithTheRows) {
  TempDir dir;
  Database db(dir.File("r.db"));
  Migrate(db);
  SqliteFuhyoRegister fuhyo(db);
  const int64_t id =
      fuhyo.Create(KosekiKey{"架空県架空市本町一丁目1番地", "架空　一郎"}, {2020, 1, 1});
  auto save_members = [&](int first, int count) {
    for (int i = first; i < first + count; ++i) {
      FuhyoMember m;
      m.family_name = "架空";
      m.given_name = "名" + std::to_string(i);
      const int64_t member = fuhyo.SaveMember(id, m, "test");
      m.member_id = member;
      m.given_name += "（更正）";
      fuhyo.SaveMember(id, m, "test");  // a second version: the max(version) query
      fuhyo.AddAddress(
          member, FuhyoAddress{"架空市本町一丁目2番地", false, {2020, 1, 1}, "test", {2020, 1, 1}});
    }
  };
  save_members(0, 3);
  const std::size_t cached = db.CachedStatements();
  save_members(3, 50);
  EXPECT_EQ(db.CachedStatements(), cached);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM fuhyo_member_version WHERE member_id = ?1", 53), 2);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM fuhyo_address"), 53);
}

TEST(Database, TransactionRollsBackUnlessCommitted) {
  TempDir dir;
  Database db(dir.File("r.db"));
  db.Execute("CREATE TABLE t(x INTEGER NOT NULL UNIQUE)");
  {
    Transaction tx(db);
    db.Prepare("INSERT INTO t VALUES (1)")->Run();
  }  // no Commit: rolled back
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 0);
  try {
    Transaction tx(db);
    db.Prepare("INSERT INTO t VALUES (1)")->Run();
    db.Prepare("INSERT INTO t VALUES (1)")->Run();  // UNIQUE: throws, unwinding rolls back
    tx.Commit();
    FAIL() << "expected a ConstraintViolation";
  } catch (const ConstraintViolation&) {
  }
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 0) << "no half-written transaction";
  {
    Transaction tx(db);
    db.Prepare("INSERT INTO t VALUES (2)")->Run();
    tx.Commit();
  }
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 1);
}

// An all-or-nothing load (the sample town's history) opens no savepoints for nested
// transactions; one that ends without Commit cannot be undone, so the load is marked broken.
TEST(Database, AnAllOrNothingLoadSkipsNestedSavepointsAndReportsAnUnfinishedOne) {
  TempDir dir;
  Database db(dir.File("r.db"));
  db.Execute("CREATE TABLE t(x INTEGER NOT NULL UNIQUE)");
  {
    Transaction outer(db);
    {
      Transaction nested(db);  // a savepoint: undone below
      db.Prepare("INSERT INTO t VALUES (1)")->Run();
    }
    EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 0);
    db.SetAllOrNothingLoad(true);
    {
      Transaction nested(db);
      db.Prepare("INSERT INTO t VALUES (2)")->Run();
      nested.Commit();
    }
    EXPECT_FALSE(db.LoadBroken());
    {
      Transaction nested(db);  // no savepoint: its row stays, and the load is broken
      db.Prepare("INSERT INTO t VALUES (3)")->Run();
    }
    EXPECT_TRUE(db.LoadBroken());
    EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 2);
    db.SetAllOrNothingLoad(false);
  }  // the outer transaction was not committed: the whole load is gone
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 0);
  {
    Transaction top(db);  // a top-level transaction is never elided
    EXPECT_TRUE(db.InTransaction());
  }
}

TEST(Database, InsertRowsWritesEveryRowInBatchesAndCountsWhatWentIn) {
  TempDir dir;
  Database db(dir.File("r.db"));
  db.Execute("CREATE TABLE t(x INTEGER NOT NULL UNIQUE, y TEXT NOT NULL)");
  const std::vector<std::pair<int, std::string>> rows = {
      {1, "a"}, {2, "b"}, {2, "dup"}, {3, "c"}, {4, "d"}};
  const int64_t added =
      InsertRows(db, "INSERT OR IGNORE INTO t(x, y) VALUES ", "(?, ?)", rows.size(), 2,
                 [&](Statement& insert, int first, std::size_t i) {
                   insert.Bind(first, static_cast<int64_t>(rows[i].first))
                       .BindUnowned(first + 1, rows[i].second);
                 });
  EXPECT_EQ(added, 4);  // two full batches and one of a single row; the duplicate ignored
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM t"), 4);
  EXPECT_EQ(db.QueryInt("SELECT x FROM t WHERE y = 'd'"), 4);
  EXPECT_EQ(InsertRows(db, "INSERT INTO t(x, y) VALUES ", "(?, ?)", 0, 2,
                       [](Statement&, int, std::size_t) {}),
            0);
}

TEST(Database, InfrastructureFailuresThrowStorageError) {
  TempDir dir;
  EXPECT_THROW(Database(dir.File("missing/nested/r.db")), StorageError);
  EXPECT_THROW(Database(dir.File("absent.db"), DatabaseOptions{.create_if_missing = false}),
               StorageError);
  Database db(dir.File("r.db"));
  EXPECT_THROW(db.Execute("SELECT * FROM no_such_table"), StorageError);
  EXPECT_THROW(db.Prepare("NOT SQL"), StorageError);
}

TEST(Migrations, ApplyOnceAndSurviveCloseAndReopen) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  {
    Database db(path);
    EXPECT_EQ(SchemaVersion(db), 0);
    Migrate(db);
    EXPECT_EQ(SchemaVersion(db), LatestSchemaVersion());
    Migrate(db);  // idempotent
    EXPECT_EQ(db.QueryInt("SELECT count(*) FROM schema_migration"), LatestSchemaVersion());
    SqliteMunicipalityRepository repository(db);
    ASSERT_TRUE(InitializeRegister(repository, "990001", "架空市"));
  }
  {
    Database db(path);
    EXPECT_EQ(SchemaVersion(db), LatestSchemaVersion());
    SqliteMunicipalityRepository repository(db);
    auto municipality = repository.Get();
    ASSERT_TRUE(municipality);
    EXPECT_EQ(municipality->name, "架空市");
    EXPECT_EQ(municipality->code.digits(), "990001");
    auto check = db.Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(check->Step());
    EXPECT_EQ(check->ColumnText(0), "ok");
  }
}

// An upgrade is whole or nothing: when a later migration fails, the earlier ones of the same
// upgrade are rolled back and the register keeps the version it had (nothing half-written).
// REQ: JK-1.2.1
TEST(Migrations, AFailingUpgradeLeavesTheRegisterAsItWas) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  Database db(path);
  Migrate(db);
  // Back to version 22 with 0023 undone but 0024's column still there, so 0024 must fail.
  db.Execute(
      "ALTER TABLE change_record DROP COLUMN on_request; "
      "DELETE FROM schema_migration WHERE version >= 23; PRAGMA user_version = 22;");
  EXPECT_THROW(Migrate(db), StorageError);
  EXPECT_EQ(SchemaVersion(db), 22);
  EXPECT_EQ(
      db.QueryInt(
          "SELECT count(*) FROM pragma_table_info('change_record') WHERE name = 'on_request'"),
      0)
      << "0023, applied before 0024 failed, is rolled back with it";
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM schema_migration WHERE version >= 23"), 0);
}

TEST(Migrations, RefuseADatabaseFromANewerJrr) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  {
    Database db(path);
    Migrate(db);
    db.Execute("PRAGMA user_version = " + std::to_string(LatestSchemaVersion() + 1));
  }
  Database db(path);
  try {
    Migrate(db);
    FAIL() << "expected storage.schema_too_new";
  } catch (const StorageError& e) {
    EXPECT_EQ(e.rule_id(), "storage.schema_too_new");
  }
  EXPECT_EQ(SchemaVersion(db), LatestSchemaVersion() + 1) << "nothing was touched";
}

TEST(MunicipalityRepository, IsSetOnceAndNeverUpdatedInPlace) {
  TempDir dir;
  Database db(dir.File("r.db"));
  Migrate(db);
  SqliteMunicipalityRepository repository(db);
  auto missing = repository.Get();
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().rule_id, "register.not_initialized");
  ASSERT_TRUE(InitializeRegister(repository, "990001", "架空市"));
  auto again = InitializeRegister(repository, "131016", "千代田区");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().rule_id, "register.already_initialized");
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_THROW(db.Execute("UPDATE municipality SET name = '別の市'"), StorageError);
  EXPECT_THROW(db.Execute("DELETE FROM municipality"), StorageError);
  EXPECT_EQ(repository.Get()->name, "架空市");
}

TEST(ConnectionPool, ServesConcurrentReadersAndWriters) {
  TempDir dir;
  const std::string path = dir.File("r.db");
  {
    Database db(path);
    Migrate(db);
    db.Execute("CREATE TABLE counter(n INTEGER NOT NULL)");
  }
  ConnectionPool pool(path, 3);
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&pool] {
      for (int i = 0; i < 20; ++i) {
        auto db = pool.Acquire();
        Transaction tx(*db);
        db->Prepare("INSERT INTO counter VALUES (1)")->Run();
        tx.Commit();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto db = pool.Acquire();
  EXPECT_EQ(db->QueryInt("SELECT count(*) FROM counter"), 120);
}

}  // namespace
}  // namespace jrr
