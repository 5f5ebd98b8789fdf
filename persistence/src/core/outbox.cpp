// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/core/outbox.h"

namespace jrr {

int64_t NextOutboxRow(Database& db, OutboxFamily family) {
  return db.QueryInt(family == OutboxFamily::kCs
                         ? "SELECT coalesce(max(rowid), 0) + 1 FROM cs_outbox"
                         : "SELECT coalesce(max(rowid), 0) + 1 FROM fuhyo_outbox");
}

DeliveryReport DeliverOutbox(Database& db, OutboxFamily family, const OutboxTransport& transport) {
  const std::string outbox = family == OutboxFamily::kCs ? "cs_outbox" : "fuhyo_outbox";
  const std::string delivery = family == OutboxFamily::kCs ? "cs_delivery" : "fuhyo_delivery";
  DeliveryReport report;
  auto pending = db.Prepare(
      "SELECT o.notice_id, o.to_municipality, o.body, (SELECT count(*) FROM " + delivery +
      " d WHERE d.notice_id = o.notice_id AND d.delivered = 0) FROM " + outbox +
      " o WHERE NOT EXISTS (SELECT 1 FROM " + delivery +
      " d WHERE d.notice_id = o.notice_id AND d.delivered = 1) ORDER BY o.created_at, o.notice_id");
  struct Item {
    std::string id, to, body;
    int64_t failures;
  };
  std::vector<Item> items;
  while (pending->Step()) {
    items.push_back({pending->ColumnText(0), pending->ColumnText(1), pending->ColumnText(2),
                     pending->ColumnInt(3)});
  }
  for (const Item& item : items) {
    if (item.failures >= kMaxDeliveryAttempts) {
      report.dead_letters.push_back(item.id);
      continue;
    }
    std::string detail;
    const bool ok = transport(item.to, item.id, item.body, detail);
    db.Prepare("INSERT INTO " + delivery +
               "(notice_id, attempted_at, delivered, detail) VALUES (?1, ?2, ?3, ?4)")
        ->Bind(1, item.id)
        .Bind(2, UtcTimestampNow())
        .Bind(3, ok ? 1 : 0)
        .Bind(4, detail)
        .Run();
    if (ok) {
      ++report.delivered;
    } else {
      ++report.failed;
      if (item.failures + 1 >= kMaxDeliveryAttempts) report.dead_letters.push_back(item.id);
    }
  }
  return report;
}

}  // namespace jrr
