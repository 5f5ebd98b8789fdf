// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/security/queued_audit_log.h"

#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {

void QueuedAuditLog::Record(const AuditEvent& event) {
  const std::string at = UtcTimestampNow();
  queue_.Submit([&event, &at](Database& db) { AppendAuditEntry(db, event, at); });
}

std::vector<AuditEntry> QueuedAuditLog::Search(const AuditQuery& query) {
  return SqliteAuditLog(reader_).Search(query);
}

}  // namespace jrr
