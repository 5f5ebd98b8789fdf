// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/core/database.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

// JRR_SQL_PROFILE=FILE: every statement's total time and count, written to FILE when the process
// ends, slowest first — where a load or a request spends its time in SQLite (docs/performance.md).
class SqlProfile {
 public:
  static SqlProfile* Get() {
    static SqlProfile* profile = [] {
      const char* path = std::getenv("JRR_SQL_PROFILE");
      return path != nullptr && *path != '\0' ? new SqlProfile(path) : nullptr;
    }();
    return profile;
  }
  static int Trace(unsigned, void*, void* statement, void* nanoseconds) {
    SqlProfile* self = Get();
    const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
    std::lock_guard lock(self->mutex_);
    Entry& e = self->entries_[sql != nullptr ? sql : "?"];
    e.count += 1;
    e.nanoseconds += *static_cast<sqlite3_int64*>(nanoseconds);
    return 0;
  }

 private:
  struct Entry {
    int64_t count = 0;
    int64_t nanoseconds = 0;
  };
  explicit SqlProfile(std::string path) : path_(std::move(path)) {
    std::atexit([] { Get()->Write(); });
  }
  void Write() {
    std::lock_guard lock(mutex_);
    std::vector<std::pair<std::string, Entry>> rows(entries_.begin(), entries_.end());
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
      return a.second.nanoseconds > b.second.nanoseconds;
    });
    std::ofstream out(path_);
    out << "seconds\tcount\tus_each\tsql\n";
    for (const auto& [sql, e] : rows) {
      out << e.nanoseconds / 1e9 << '\t' << e.count << '\t'
          << (e.nanoseconds / 1e3) / static_cast<double>(e.count) << '\t' << sql.substr(0, 300)
          << '\n';
    }
  }
  std::string path_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

// Process-wide settings, applied once before the first connection opens (sqlite3_config must
// precede sqlite3_initialize). Memory statistics are off: jrr never reads sqlite3_status, and with
// them on every allocation SQLite makes takes one process-wide mutex — a measurable share of a
// bulk load, and a point where the server's request threads meet for nothing.
void ConfigureSqliteOnce() {
  static std::once_flag once;
  std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

}  // namespace

void Database::ThrowError(int rc, std::string_view context) const {
  std::string message(context);
  message += ": ";
  message += db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
  throw StorageError("storage.failure", message);
}

Database::Database(const std::string& path, const DatabaseOptions& options) : path_(path) {
  ConfigureSqliteOnce();
  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create_if_missing && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    const std::string message = "cannot open database " + path + ": " +
                                (db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StorageError("storage.failure", message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, options.busy_timeout_ms);
  if (SqlProfile::Get() != nullptr)
    sqlite3_trace_v2(db_, SQLITE_TRACE_PROFILE, &SqlProfile::Trace, nullptr);
  try {
    if (!options.read_only) {
      // Before WAL: a WAL file's page size is fixed once it exists; on an existing file a no-op.
      Execute("PRAGMA page_size=8192");
      // The result of journal_mode is the mode now in force; a file on a filesystem without
      // shared memory would stay in rollback mode, which we do not accept silently.
      const std::string mode = JournalMode();
      if (mode != "wal") {
        Execute("PRAGMA journal_mode=WAL");
        if (JournalMode() != "wal" && path != ":memory:") {
          throw StorageError("storage.failure", "cannot switch " + path + " to WAL journal mode");
        }
      }
    }
    Execute("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  } catch (...) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

Database::~Database() {
  cache_.clear();  // finalize statements before closing
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

std::string Database::JournalMode() {
  auto statement = Prepare("PRAGMA journal_mode");
  statement->Step();
  return statement->ColumnText(0);
}

void Database::Execute(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    const std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
    throw StorageError("storage.failure", message);
  }
}

StatementLease Database::Prepare(std::string_view sql) {
  RecentText& recent =
      recent_[(reinterpret_cast<std::uintptr_t>(sql.data()) >> 3) % recent_.size()];
  Statement* statement = nullptr;
  if (recent.data == sql.data() && recent.text != nullptr && *recent.text == sql) {
    statement = recent.statement;
  } else {
    auto found = cache_.find(sql);
    if (found == cache_.end()) {
      sqlite3_stmt* stmt = nullptr;
      const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
      if (rc != SQLITE_OK) ThrowError(rc, "prepare");
      found =
          cache_.emplace(std::string(sql), std::unique_ptr<Statement>(new Statement(*this, stmt)))
              .first;
    }
    statement = found->second.get();
    recent = {sql.data(), &found->first, statement};
  }
  if (statement->in_use_) {
    throw std::logic_error("statement prepared again while still in use: " + std::string(sql));
  }
  return StatementLease(*statement);
}

int64_t Database::QueryInt(std::string_view sql) {
  auto statement = Prepare(sql);
  if (!statement->Step()) throw StorageError("storage.failure", "query returned no row");
  return statement->ColumnInt(0);
}

int64_t Database::QueryInt(std::string_view sql, int64_t parameter) {
  auto statement = Prepare(sql);
  statement->Bind(1, parameter);
  if (!statement->Step()) throw StorageError("storage.failure", "query returned no row");
  return statement->ColumnInt(0);
}

bool Database::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

int64_t Database::LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int64_t Database::Changes() const { return sqlite3_changes64(db_); }

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Check(int rc) const {
  if (rc != SQLITE_OK) db_.ThrowError(rc, "bind");
}

Statement& Statement::Bind(int index, int64_t value) {
  Check(sqlite3_bind_int64(stmt_, index, value));
  return *this;
}

Statement& Statement::Bind(int index, std::string_view text) {
  Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindUnowned(int index, std::string_view text) {
  Check(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8));
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  Check(sqlite3_bind_double(stmt_, index, value));
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  Check(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int index) {
  Check(sqlite3_bind_null(stmt_, index));
  return *this;
}

Statement& Statement::Bind(int index, const std::optional<std::string>& text) {
  return text ? Bind(index, std::string_view(*text)) : BindNull(index);
}

bool Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  db_.ThrowError(rc, "step");
}

void Statement::Run() {
  while (Step()) {
  }
}

int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::ColumnText(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  const int bytes = sqlite3_column_bytes(stmt_, column);
  return text == nullptr
             ? std::string()
             : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(bytes));
}

double Statement::ColumnDouble(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::ColumnBlob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return bytes == nullptr
             ? std::string()
             : std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

StatementLease::StatementLease(Statement& statement) : statement_(statement) {
  statement_.in_use_ = true;
}

StatementLease::~StatementLease() {
  statement_.Reset();
  statement_.in_use_ = false;
}

int64_t InsertRows(Database& db, std::string_view head, std::string_view row, std::size_t count,
                   std::size_t per_statement,
                   const std::function<void(Statement&, int, std::size_t)>& bind) {
  const int per_row = static_cast<int>(std::count(row.begin(), row.end(), '?'));
  auto sql_for = [&](std::size_t rows) {
    std::string sql(head);
    for (std::size_t i = 0; i < rows; ++i) {
      if (i > 0) sql += ", ";
      sql += row;
    }
    return sql;
  };
  const std::string full = sql_for(per_statement);
  int64_t inserted = 0;
  for (std::size_t at = 0; at < count; at += per_statement) {
    const std::size_t rows = std::min(per_statement, count - at);
    auto insert = db.Prepare(rows == per_statement ? full : sql_for(rows));
    for (std::size_t i = 0; i < rows; ++i) bind(*insert, 1 + static_cast<int>(i) * per_row, at + i);
    insert->Run();
    inserted += db.Changes();
  }
  return inserted;
}

namespace {

// One mutex per register file for the writers of this process (see Transaction).
std::mutex& WriterMutex(const std::string& path) {
  static std::mutex guard;
  static std::map<std::string, std::unique_ptr<std::mutex>> mutexes;
  std::lock_guard lock(guard);
  auto& slot = mutexes[path];
  if (!slot) slot = std::make_unique<std::mutex>();
  return *slot;
}

}  // namespace

Transaction::Transaction(Database& db)
    : db_(db), nested_(sqlite3_get_autocommit(db.handle()) == 0) {
  if (!nested_) writer_ = std::unique_lock(WriterMutex(db.path()));
  elided_ = nested_ && db.all_or_nothing_load_;
  if (elided_) return;
  // Cached statements rather than Execute, which parses the text every time: every 異動 and every
  // log entry opens one of these (a bulk load of a million residents opens some three million).
  db_.Prepare(nested_ ? "SAVEPOINT jrr_transaction" : "BEGIN IMMEDIATE")->Run();
}

Transaction::~Transaction() {
  if (elided_) {
    if (!done_) db_.load_broken_ = true;  // its writes stay: the load must be thrown away
    return;
  }
  if (!done_) {
    // A rollback cannot usefully fail here; if the connection is broken the next use reports it.
    sqlite3_exec(db_.handle(),
                 nested_ ? "ROLLBACK TO jrr_transaction; RELEASE jrr_transaction" : "ROLLBACK",
                 nullptr, nullptr, nullptr);
  }
}

void Transaction::Commit() {
  if (!elided_) db_.Prepare(nested_ ? "RELEASE jrr_transaction" : "COMMIT")->Run();
  done_ = true;
}

std::string UtcTimestampNow() {
  const auto now = std::chrono::system_clock::now();
  const int64_t millis_since_epoch =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const int64_t second = millis_since_epoch / 1000;
  const int millis = static_cast<int>(millis_since_epoch % 1000);
  // Every 異動 stamps several rows with this (its change record, its notices, the log); the date
  // and time of day are formatted once a second per thread, the milliseconds each call.
  thread_local int64_t formatted_second = -1;
  thread_local char text[64] = "0000-00-00T00:00:00.000Z";
  if (second != formatted_second) {
    const std::time_t seconds = static_cast<std::time_t>(second);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.000Z", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
    formatted_second = second;
  }
  text[20] = static_cast<char>('0' + millis / 100);
  text[21] = static_cast<char>('0' + millis / 10 % 10);
  text[22] = static_cast<char>('0' + millis % 10);
  return std::string(text, 24);
}

}  // namespace jrr
