// SPDX-License-Identifier: Apache-2.0
//
// Database — one SQLite connection, opened with the settings every jrr register uses:
//   journal_mode=WAL   readers never block the writer, and a crash loses no committed 異動;
//   synchronous=FULL   a commit is on disk when Commit() returns (the register's truth is its
//                      history: no acknowledged 異動 may be lost);
//   foreign_keys=ON    references are checked by SQLite as well as by the domain;
//   busy_timeout       a writer waits for another instead of failing at once;
//   page_size=8192     for a register created here (an existing file keeps its own): a 4 KiB
//                      page made a large bulk load spend much of its time in the kernel writing
//                      pages, and 8 KiB cost a committed 転居 little (docs/performance.md).
//
// Thread safety: a Database is used by one thread at a time (ConnectionPool hands them out).
// Errors: every failure throws StorageError (ConstraintViolation for constraints).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace jrr {

struct DatabaseOptions {
  bool create_if_missing = true;
  bool read_only = false;
  int busy_timeout_ms = 5000;
};

class Database;

// A prepared statement. Bind parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
 public:
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, std::string_view text);
  // Binds without copying: `text` must stay unchanged until the statement is reset or bound
  // again (for loops over text that outlives them, such as a bulk insert's interned values).
  Statement& BindUnowned(int index, std::string_view text);
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const std::string& text) {
    return Bind(index, std::string_view(text));
  }
  Statement& BindNull(int index);
  Statement& Bind(int index, const std::optional<std::string>& text);
  Statement& BindDouble(int index, double value);
  Statement& BindBlob(int index, std::string_view bytes);  // binary, not text

  // Runs one step. True when a row is ready to read; false when the statement is done.
  bool Step();
  // Steps to completion, expecting no row (INSERT, UPDATE, DDL).
  void Run();

  int64_t ColumnInt(int column) const;
  std::string ColumnText(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;

  // Resets for another execution and clears the bindings.
  void Reset();

 private:
  friend class Database;
  Statement(Database& db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  void Check(int rc) const;

  Database& db_;
  sqlite3_stmt* stmt_;
  bool in_use_ = false;
  friend class StatementLease;
};

// A cached statement handed out by Database::Prepare; resets it when it goes out of scope.
class StatementLease {
 public:
  explicit StatementLease(Statement& statement);
  StatementLease(const StatementLease&) = delete;
  StatementLease& operator=(const StatementLease&) = delete;
  ~StatementLease();
  Statement* operator->() { return &statement_; }
  Statement& operator*() { return statement_; }

 private:
  Statement& statement_;
};

class Database {
 public:
  // Opens (or creates) the file at `path` and applies the settings above. Does not migrate.
  explicit Database(const std::string& path, const DatabaseOptions& options = {});
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more SQL statements that return no rows.
  void Execute(std::string_view sql);

  // A cached prepared statement for `sql`. The cache is keyed by the SQL text; the set of texts
  // is fixed in code, so it stays small. Preparing a text whose statement is still leased (a
  // nested use of the same query) throws std::logic_error: it is a programmer error.
  StatementLease Prepare(std::string_view sql);

  // A single integer from a one-row query such as "PRAGMA user_version".
  int64_t QueryInt(std::string_view sql);
  // The same with one integer bound to ?1: the text stays constant, so the cache keeps one
  // statement (an id pasted into the text would cache a statement per id, without bound).
  int64_t QueryInt(std::string_view sql, int64_t parameter);
  // How many statements the cache holds: a long-running server must not grow it per row.
  std::size_t CachedStatements() const { return cache_.size(); }

  // A transaction (or savepoint) is open on this connection.
  bool InTransaction() const;
  int64_t LastInsertRowId() const;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  int64_t Changes() const;
  const std::string& path() const { return path_; }
  std::string JournalMode();

  sqlite3* handle() const { return db_; }
  [[noreturn]] void ThrowError(int rc, std::string_view context) const;

  // A load that is all or nothing — thrown away whole if any part fails, as the sample town's
  // history is — has no use for the savepoints nested Transactions open: each costs two
  // statements and a copy of every page it touches first. While this is on, a nested Transaction
  // opens none; one that ends without Commit cannot undo its writes, so it marks the load broken,
  // and the loader must check LoadBroken and throw the load away.
  void SetAllOrNothingLoad(bool on) { all_or_nothing_load_ = on; }
  bool LoadBroken() const { return load_broken_; }

 private:
  // Looked up by string_view without building a std::string (heterogeneous lookup).
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };
  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, std::unique_ptr<Statement>, SqlHash, std::equal_to<>> cache_;
  // Where Prepare last found a text given at this address: most callers pass the same static
  // string every time, and comparing it with the cached text costs less than hashing it
  // (InsertVersionRow's is 2.5 KB, prepared 2.2 million times for a million residents). Used only
  // when the text compares equal, so a reused buffer holding another text just misses.
  struct RecentText {
    const char* data = nullptr;
    const std::string* text = nullptr;  // the key in cache_ (nodes do not move)
    Statement* statement = nullptr;
  };
  std::array<RecentText, 64> recent_{};
  bool all_or_nothing_load_ = false;
  bool load_broken_ = false;
  friend class Transaction;
};

// Inserts `count` rows, up to `per_statement` of them to one statement `head` (up to VALUES)
// followed by that many copies of `row` ("(?, ?)"): a loader of many rows pays the statement's
// run once per batch instead of once per row. bind(statement, first, i) binds row i's values from
// parameter `first` on. Returns the rows inserted (an OR IGNORE head may insert fewer).
int64_t InsertRows(Database& db, std::string_view head, std::string_view row, std::size_t count,
                   std::size_t per_statement,
                   const std::function<void(Statement&, int first, std::size_t i)>& bind);

// BEGIN IMMEDIATE … COMMIT. The destructor rolls back unless Commit() ran, so an exception or an
// early return never leaves half a 異動 behind. IMMEDIATE takes the write lock at once, so two
// writers serialise at BEGIN (waiting up to busy_timeout) rather than failing at COMMIT.
// Inside a transaction that is already open (a bulk load grouping many 異動), it is a SAVEPOINT:
// all or nothing still holds for its own part.
// Writers of one process (the server's request threads) first queue on a mutex per register
// file, so they take turns in order instead of meeting SQLite's busy handler, whose sleeps grow to
// 100 ms and make the latency tail; another process (the CLI) still waits through busy_timeout.
// So one thread must not begin a transaction on a second connection to the same file while it
// holds one: it would wait for itself.
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void Commit();

 private:
  std::unique_lock<std::mutex> writer_;  // declared first: released after the rollback below
  Database& db_;
  bool nested_ = false;
  bool elided_ = false;  // nested in an all-or-nothing load: no savepoint
  bool done_ = false;
};

// The current time as the log writes it: UTC, "2026-11-27T19:34:46.123Z". The rows a 異動 writes
// (its change record, 附票 rows and notices) bind it rather than leave their recorded_at or
// created_at column to its default, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'): the same text, at a
// fraction of the cost (docs/performance.md).
std::string UtcTimestampNow();

}  // namespace jrr
