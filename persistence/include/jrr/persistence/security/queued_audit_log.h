// SPDX-License-Identifier: Apache-2.0
//
// QueuedAuditLog — the アクセスログ written through the server's WriteQueue (group commit), read on
// the request's own connection.
#pragma once

#include <vector>

#include "jrr/domain/security/audit_log.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/write_queue.h"

namespace jrr {

// AuditLog whose Record goes through a WriteQueue; searches read on the caller's connection.
class QueuedAuditLog final : public AuditLog {
 public:
  QueuedAuditLog(WriteQueue& queue, Database& reader) : queue_(queue), reader_(reader) {}
  void Record(const AuditEvent& event) override;
  std::vector<AuditEntry> Search(const AuditQuery& query) override;

 private:
  WriteQueue& queue_;
  Database& reader_;
};

}  // namespace jrr
