// SPDX-License-Identifier: Apache-2.0
//
// AuditHeadJournal — signed heads of the アクセスログ kept outside the register file (JK-10.2).
//
// The log's hash chain shows any edit, deletion or reordering of entries, and a cut-off tail as
// long as sqlite_sequence still remembers the highest entry. Whoever cuts the tail and lowers
// sqlite_sequence too leaves a shorter chain that is whole. To find that, the head (the last
// entry's sequence and hash) is recorded from time to time in a journal beside the register,
// `<register>.audit-heads`, one line a head, each line signed with HMAC-SHA256 under a key of the
// register, `<register>.audit-key` (32 random bytes, created with mode 0600 on first use). A log
// that no longer holds the newest signed head (a lower sequence, or another hash there) was cut.
//
// What it holds against: someone who can change the register file but cannot write the key (a
// tool run on the database alone, a copy taken and edited). Whoever holds the key too can forge
// a lower head; against that, keep the head `jrr audit verify` prints somewhere else and check it
// with --expect-head. A journal that is missing is reported, not treated as an error (a register
// from before it existed has none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "jrr/domain/core/result.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

struct AuditHead {
  int64_t sequence = 0;
  std::string hash;
  std::string recorded_at;  // UTC
};

class AuditHeadJournal {
 public:
  // The journal and key beside the register file at `register_path`.
  explicit AuditHeadJournal(const std::string& register_path);

  // Appends the log's current head, signed, and returns its sequence (0 when the log is empty:
  // nothing is written). `db` may be a copy of the register (a backup just taken): its head is a
  // head of this register's chain too. Throws StorageError when the journal or the key cannot be
  // written.
  int64_t Record(Database& db);

  // The newest head the journal holds, after checking every line's signature; nullopt when there
  // is no journal (or it is empty). Errors: audit.head_signature (a line that is not what the key
  // signed: edited, forged, or signed with another key).
  Result<std::optional<AuditHead>> Newest() const;

  // Newest(), and that the log still holds it: error audit.head_missing otherwise.
  Result<std::optional<AuditHead>> Check(Database& db) const;

  // Writes the journal and key of a copy of the register (a backup) at `copy_path`: the key and
  // this journal's lines up to `up_to_sequence` (the copy's head; later ones describe entries the
  // copy does not hold), so the copy can be checked on its own.
  void CopyTo(const std::string& copy_path, int64_t up_to_sequence) const;

  const std::string& path() const { return journal_; }

 private:
  std::string Key(bool create) const;
  std::string journal_;
  std::string key_;
};

}  // namespace jrr
