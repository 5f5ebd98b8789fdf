// SPDX-License-Identifier: Apache-2.0
//
// AuditLog on SQLite (schema 0011) and the verification of its hash chain.
//
// Record() appends inside the caller's transaction when one is open (Transaction nests as a
// SAVEPOINT), so a 異動 and its log entry commit together or not at all; otherwise it is its own
// transaction. The chain head is read under the write lock, so concurrent writers never fork it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "jrr/domain/security/audit_log.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

// Lower-case hex SHA-256 of `data` (libsodium): the log's chain and the API tokens' stored form.
std::string Sha256Hex(std::string_view data);

class SqliteAuditLog final : public AuditLog {
 public:
  using Clock = std::function<std::string()>;
  explicit SqliteAuditLog(Database& db, Clock clock = UtcTimestampNow)
      : db_(db), clock_(std::move(clock)) {}
  void Record(const AuditEvent& event) override;
  std::vector<AuditEntry> Search(const AuditQuery& query) override;

 private:
  Database& db_;
  Clock clock_;
};

// What a writer that has the log to itself for a while (a bulk load) keeps between entries: the
// chain's last entry, so as not to read it back for every entry (empty: not known yet), and, when
// `defer_targets` is set, the entries' audit_target rows, for InsertDeferredAuditTargets to write
// in key order once (placed one by one, each lands at a random place in the table's key).
struct AuditChainHead {
  int64_t sequence = 0;
  std::string hash;
  bool defer_targets = false;
  std::vector<std::pair<std::string, int64_t>> targets;  // 宛名番号, sequence
};

// Appends one entry stamped `occurred_at`; returns it with its sequence and hashes. With `head`,
// the chain continues from it when known (and it is read once when not); it then names the new entry.
AuditEntry AppendAuditEntry(Database& db, const AuditEvent& event, const std::string& occurred_at,
                            AuditChainHead* head = nullptr);

// Writes the audit_target rows `head` collected, in key order, and empties it. Inside a transaction.
void InsertDeferredAuditTargets(Database& db, AuditChainHead& head);

// Hex SHA-256 of the entry's canonical text (AuditCanonicalText).
std::string AuditEntryHash(const AuditEntry& entry);

// The result of walking the whole chain, oldest first.
struct AuditVerification {
  bool ok = true;
  int64_t entries = 0;
  int64_t head_sequence = 0;       // the last entry
  std::string head_hash;           // keep it elsewhere to detect a later rewrite of the whole log
  int64_t first_bad_sequence = 0;  // when !ok: where the chain first breaks
  std::string problem;             // English, when !ok
};

// Recomputes every hash and checks the links, the sequence (no gap, no reordering), that every
// audit_target row matches its entry, and that no entry was cut off the end (sqlite_sequence).
// Reads in one snapshot; memory stays constant whatever the length of the log.
AuditVerification VerifyAuditLog(Database& db);

}  // namespace jrr
