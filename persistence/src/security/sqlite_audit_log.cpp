// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/security/sqlite_audit_log.h"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <sstream>

#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

const std::string kGenesisHash(64, '0');

std::vector<std::string> SplitTargets(const std::string& text) {
  std::vector<std::string> targets;
  std::istringstream in(text);
  for (std::string target; in >> target;) targets.push_back(target);
  return targets;
}

std::string JoinTargets(const std::vector<std::string>& targets) {
  std::string text;
  for (const std::string& target : targets) {
    if (!text.empty()) text += ' ';
    text += target;
  }
  return text;
}

constexpr const char* kSelectEntry =
    "SELECT sequence, occurred_at, action, operator_id, terminal, place, function, targets, "
    "individual_number, outcome, detail, previous_hash, hash FROM audit_entry";

AuditEntry ReadEntry(const Statement& row) {
  AuditEntry entry;
  entry.sequence = row.ColumnInt(0);
  entry.occurred_at = row.ColumnText(1);
  const std::string action = row.ColumnText(2);
  auto parsed = AuditActionFromName(action);
  // An unknown name can only come from outside the application; VerifyAuditLog reports it.
  entry.event.action = parsed.value_or(AuditAction::kView);
  entry.event.operator_id = row.ColumnText(3);
  entry.event.terminal = row.ColumnText(4);
  entry.event.place = row.ColumnText(5);
  entry.event.function = row.ColumnText(6);
  entry.event.targets = SplitTargets(row.ColumnText(7));
  entry.event.individual_number = row.ColumnInt(8) != 0;
  entry.event.outcome = row.ColumnText(9);
  entry.event.detail = row.ColumnText(10);
  entry.previous_hash = row.ColumnText(11);
  entry.hash = row.ColumnText(12);
  return entry;
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

std::string AuditEntryHash(const AuditEntry& entry) { return Sha256Hex(AuditCanonicalText(entry)); }

AuditEntry AppendAuditEntry(Database& db, const AuditEvent& event, const std::string& occurred_at,
                            AuditChainHead* head) {
  Transaction transaction(db);
  AuditEntry entry;
  entry.event = event;
  entry.occurred_at = occurred_at;
  if (head != nullptr && !head->hash.empty()) {
    entry.sequence = head->sequence + 1;
    entry.previous_hash = head->hash;
  } else {
    auto last = db.Prepare("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1");
    if (last->Step()) {
      entry.sequence = last->ColumnInt(0) + 1;
      entry.previous_hash = last->ColumnText(1);
    } else {
      entry.sequence = 1;
      entry.previous_hash = kGenesisHash;
    }
  }
  entry.hash = AuditEntryHash(entry);
  auto insert = db.Prepare(
      "INSERT INTO audit_entry(sequence, occurred_at, action, operator_id, terminal, place, "
      "function, targets, individual_number, outcome, detail, previous_hash, hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
  insert->Bind(1, entry.sequence)
      .Bind(2, entry.occurred_at)
      .Bind(3, AuditActionName(event.action))
      .Bind(4, event.operator_id)
      .Bind(5, event.terminal)
      .Bind(6, event.place)
      .Bind(7, event.function)
      .Bind(8, JoinTargets(event.targets))
      .Bind(9, event.individual_number ? 1 : 0)
      .Bind(10, event.outcome)
      .Bind(11, event.detail)
      .Bind(12, entry.previous_hash)
      .Bind(13, entry.hash);
  insert->Run();
  for (const std::string& target : event.targets) {
    if (head != nullptr && head->defer_targets) {
      head->targets.emplace_back(target, entry.sequence);
      continue;
    }
    auto link = db.Prepare(
        "INSERT OR IGNORE INTO audit_target(addressee_number, sequence) VALUES (?1, ?2)");
    link->Bind(1, target).Bind(2, entry.sequence).Run();
  }
  transaction.Commit();
  if (head != nullptr) {
    head->sequence = entry.sequence;
    head->hash = entry.hash;
  }
  return entry;
}

void InsertDeferredAuditTargets(Database& db, AuditChainHead& head) {
  std::sort(head.targets.begin(), head.targets.end());
  head.targets.erase(std::unique(head.targets.begin(), head.targets.end()), head.targets.end());
  // Many rows to a statement: a statement run per row cost as much as the row's place in the key.
  InsertRows(
      db, "INSERT OR IGNORE INTO audit_target(addressee_number, sequence) VALUES ", "(?, ?)",
      head.targets.size(), 200, [&head](Statement& insert, int first, std::size_t i) {
        insert.BindUnowned(first, head.targets[i].first).Bind(first + 1, head.targets[i].second);
      });
  std::vector<std::pair<std::string, int64_t>>().swap(head.targets);
}

void SqliteAuditLog::Record(const AuditEvent& event) { AppendAuditEntry(db_, event, clock_()); }

std::vector<AuditEntry> SqliteAuditLog::Search(const AuditQuery& query) {
  std::string sql = kSelectEntry;
  sql += " WHERE 1";
  if (query.addressee_number) {
    sql += " AND sequence IN (SELECT sequence FROM audit_target WHERE addressee_number = ?1)";
  }
  if (query.operator_id) sql += " AND operator_id = ?2";
  if (query.action) sql += " AND action = ?3";
  if (query.from) sql += " AND occurred_at >= ?4";
  if (query.to) sql += " AND occurred_at < ?5";
  sql += " ORDER BY sequence DESC LIMIT ?6";
  auto statement = db_.Prepare(sql);
  if (query.addressee_number) statement->Bind(1, *query.addressee_number);
  if (query.operator_id) statement->Bind(2, *query.operator_id);
  if (query.action) statement->Bind(3, AuditActionName(*query.action));
  if (query.from) statement->Bind(4, *query.from);
  if (query.to) statement->Bind(5, *query.to);
  statement->Bind(6, static_cast<int64_t>(query.limit));
  std::vector<AuditEntry> entries;
  while (statement->Step()) entries.push_back(ReadEntry(*statement));
  return entries;
}

AuditVerification VerifyAuditLog(Database& db) {
  AuditVerification result;
  // One read transaction: the whole walk sees one snapshot even while the server appends.
  db.Execute("BEGIN");
  struct EndRead {
    Database& db;
    ~EndRead() {
      try {
        db.Execute("COMMIT");
      } catch (...) {
      }
    }
  } end_read{db};
  auto fail = [&result](int64_t sequence, std::string problem) {
    result.ok = false;
    result.first_bad_sequence = sequence;
    result.problem = std::move(problem);
    return result;
  };
  std::string previous = kGenesisHash;
  int64_t expected_sequence = 1;
  int64_t expected_targets = 0;  // rows audit_target must hold: distinct persons per entry
  {
    auto rows = db.Prepare(std::string(kSelectEntry) + " ORDER BY sequence");
    while (rows->Step()) {
      AuditEntry entry = ReadEntry(*rows);
      if (entry.sequence != expected_sequence) {
        return fail(expected_sequence, "entry " + std::to_string(expected_sequence) +
                                           " is missing (next is " +
                                           std::to_string(entry.sequence) + ")");
      }
      if (!AuditActionFromName(rows->ColumnText(2))) {
        return fail(entry.sequence, "unknown action name");
      }
      if (entry.previous_hash != previous) {
        return fail(entry.sequence, "the link to the previous entry is broken");
      }
      if (AuditEntryHash(entry) != entry.hash) {
        return fail(entry.sequence, "the entry's content does not match its hash");
      }
      previous = entry.hash;
      std::sort(entry.event.targets.begin(), entry.event.targets.end());
      expected_targets += std::unique(entry.event.targets.begin(), entry.event.targets.end()) -
                          entry.event.targets.begin();
      ++expected_sequence;
      ++result.entries;
    }
  }
  result.head_sequence = expected_sequence - 1;
  result.head_hash = result.head_sequence == 0 ? std::string() : previous;
  // A cut-off tail leaves the chain intact; AUTOINCREMENT remembers the highest sequence issued.
  {
    auto issued = db.Prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_entry'");
    const int64_t highest = issued->Step() ? issued->ColumnInt(0) : 0;
    if (highest != result.head_sequence) {
      return fail(result.head_sequence + 1,
                  "entries after " + std::to_string(result.head_sequence) + " were removed (" +
                      std::to_string(highest) + " were written)");
    }
  }
  // The per-person index must say exactly what the entries say.
  {
    auto orphans = db.Prepare(
        "SELECT t.sequence FROM audit_target t LEFT JOIN audit_entry e ON e.sequence = t.sequence "
        "WHERE e.sequence IS NULL OR instr(' ' || e.targets || ' ', ' ' || t.addressee_number || ' "
        "') = 0 "
        "ORDER BY t.sequence LIMIT 1");
    if (orphans->Step()) {
      return fail(orphans->ColumnInt(0), "the person index names someone the entry does not");
    }
    auto indexed = db.Prepare("SELECT count(*) FROM audit_target");
    indexed->Step();
    if (indexed->ColumnInt(0) != expected_targets) {
      return fail(0, "the person index is missing entries");
    }
  }
  return result;
}

}  // namespace jrr
