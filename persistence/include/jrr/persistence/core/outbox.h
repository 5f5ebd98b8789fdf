// SPDX-License-Identifier: Apache-2.0
//
// Outbox delivery: the notices this register owes other municipalities are written to an
// append-only outbox in the transaction that caused them (附票記載事項通知, CS messages), and
// handed to a transport later. Every attempt is recorded; a notice that failed
// kMaxDeliveryAttempts times is dead-lettered — listed for a person, never retried again.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "jrr/persistence/core/database.h"

namespace jrr {

inline constexpr int kMaxDeliveryAttempts = 5;

// Which outbox: the tables <family>_outbox and <family>_delivery (schema 0018, 0025).
enum class OutboxFamily { kFuhyo, kCs };

// The transport: true when the notice was handed over; `detail` says why not.
using OutboxTransport =
    std::function<bool(const std::string& to_municipality, const std::string& notice_id,
                       const std::string& body, std::string& detail)>;

struct DeliveryReport {
  int delivered = 0;
  int failed = 0;
  std::vector<std::string> dead_letters;  // notice ids past kMaxDeliveryAttempts
};

// The outbox's next rowid, which a notice id carries: max(rowid) is one index step, where a count
// would read the whole outbox for every notice.
int64_t NextOutboxRow(Database& db, OutboxFamily family);

// Hands every undelivered notice, oldest first, to `transport`.
DeliveryReport DeliverOutbox(Database& db, OutboxFamily family, const OutboxTransport& transport);

}  // namespace jrr
