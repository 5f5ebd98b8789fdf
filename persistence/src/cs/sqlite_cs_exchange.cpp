// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/cs/sqlite_cs_exchange.h"

#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

CsKind KindOf(const std::string& code) {
  return code == CsKindCode(CsKind::kMoveInNotice) ? CsKind::kMoveInNotice
                                                   : CsKind::kMoveOutInformation;
}

}  // namespace

void QueueCsMessage(Database& db, const std::string& ours, CsKind kind, const std::string& to,
                    int64_t change_id, std::string payload, CsWorkingSet* working) {
  // A working set counts instead (the rows it numbers get exactly those rowids: nobody else inserts).
  if (working != nullptr && working->next_row == 0)
    working->next_row = NextOutboxRow(db, OutboxFamily::kCs);
  const int64_t row =
      working == nullptr ? NextOutboxRow(db, OutboxFamily::kCs) : working->next_row++;
  // Ids stay unique among registers by the sender's name.
  CsMessage message{ours + "-CS-" + std::to_string(row), kind, ours, to, std::move(payload)};
  db.Prepare(
        "INSERT INTO cs_outbox(notice_id, kind, to_municipality, change_id, body, created_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      ->Bind(1, message.id)
      .Bind(2, CsKindCode(kind))
      .Bind(3, to)
      .Bind(4, change_id)
      .Bind(5, EncodeCsMessage(message))
      .Bind(6, UtcTimestampNow())
      .Run();
}

namespace {

CsEntry ReadEntry(Statement& row, bool inbox) {
  CsEntry e;
  e.notice_id = row.ColumnText(0);
  e.kind = KindOf(row.ColumnText(1));
  e.counterpart = row.ColumnText(2);
  e.recorded_at = row.ColumnText(3);
  if (!row.ColumnIsNull(4)) e.change_id = row.ColumnInt(4);
  if (inbox) {
    e.state = row.ColumnText(5);
    e.body = row.ColumnText(6);
  } else {
    e.failures = static_cast<int>(row.ColumnInt(6));
    e.state = row.ColumnInt(5) > 0                 ? "送付済み"
              : e.failures >= kMaxDeliveryAttempts ? "送付不能"
                                                   : "未送付";
  }
  return e;
}

constexpr std::string_view kInboxColumns =
    "SELECT i.notice_id, i.kind, i.from_municipality, i.received_at, coalesce(u.change_id, "
    "i.change_id), "
    "CASE WHEN u.change_id IS NOT NULL THEN 'used' ELSE i.outcome END, i.body "
    "FROM cs_inbox i LEFT JOIN cs_inbox_use u ON u.notice_id = i.notice_id ";

}  // namespace

MoveOutInformationUse MoveOutInformationState(Database& db, std::string_view notice_id) {
  MoveOutInformationUse use;
  auto received = db.Prepare("SELECT kind, outcome FROM cs_inbox WHERE notice_id = ?1");
  received->Bind(1, notice_id);
  use.received = received->Step() &&
                 received->ColumnText(0) == CsKindCode(CsKind::kMoveOutInformation) &&
                 received->ColumnText(1) == kCsReceived;
  auto used = db.Prepare("SELECT change_id FROM cs_inbox_use WHERE notice_id = ?1");
  used->Bind(1, notice_id);
  if (used->Step()) use.used_by = used->ColumnInt(0);
  return use;
}

void TakeMoveOutInformation(Database& db, const std::string& notice_id, int64_t change_id) {
  db.Prepare("INSERT INTO cs_inbox_use(notice_id, change_id) VALUES (?1, ?2)")
      ->Bind(1, notice_id)
      .Bind(2, change_id)
      .Run();
}

std::string SqliteCsStore::OurMunicipality() { return RoutedMunicipalityOf(db_).name; }

CsReceipt SqliteCsStore::ReceiveOnce(const CsMessage& message,
                                     const std::function<CsReceipt()>& receive) {
  Transaction transaction(db_);
  auto seen = db_.Prepare("SELECT outcome, change_id FROM cs_inbox WHERE notice_id = ?1");
  seen->Bind(1, message.id);
  if (seen->Step()) {
    CsReceipt receipt{message.id, message.kind, true, seen->ColumnText(0), std::nullopt};
    if (!seen->ColumnIsNull(1)) receipt.change_id = seen->ColumnInt(1);
    return receipt;
  }
  CsReceipt receipt = receive();
  auto insert = db_.Prepare(
      "INSERT INTO cs_inbox(notice_id, kind, from_municipality, body, outcome, change_id) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6)");
  insert->Bind(1, message.id)
      .Bind(2, CsKindCode(message.kind))
      .Bind(3, message.from)
      .Bind(4, message.payload)
      .Bind(5, receipt.outcome);
  if (receipt.change_id) {
    insert->Bind(6, *receipt.change_id);
  } else {
    insert->BindNull(6);
  }
  insert->Run();
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = std::string(kCsInboxOperator);
  event.function = std::string(CsKindNameJa(message.kind)) + "の受信";
  event.outcome =
      receipt.outcome == kCsReceived || receipt.outcome == kCsApplied ? "ok" : receipt.outcome;
  event.detail = "notice=" + message.id;
  SqliteAuditLog(db_).Record(event);
  transaction.Commit();
  return receipt;
}

std::vector<CsEntry> SqliteCsStore::Outbox(int limit) { return CsOutbox(db_, limit); }

std::vector<CsEntry> SqliteCsStore::Inbox(int limit, bool waiting) {
  return CsInbox(db_, limit, waiting);
}

std::vector<CsEntry> CsOutbox(Database& db, int limit) {
  auto rows = db.Prepare(
      "SELECT o.notice_id, o.kind, o.to_municipality, o.created_at, o.change_id, "
      "(SELECT count(*) FROM cs_delivery d WHERE d.notice_id = o.notice_id AND d.delivered = 1), "
      "(SELECT count(*) FROM cs_delivery d WHERE d.notice_id = o.notice_id AND d.delivered = 0) "
      "FROM cs_outbox o ORDER BY o.rowid DESC LIMIT ?1");
  rows->Bind(1, static_cast<int64_t>(limit));
  std::vector<CsEntry> entries;
  while (rows->Step()) entries.push_back(ReadEntry(*rows, false));
  return entries;
}

std::vector<CsEntry> CsInbox(Database& db, int limit, bool waiting) {
  auto rows = db.Prepare(std::string(kInboxColumns) +
                         (waiting ? "WHERE i.kind = 'move_out_information' AND i.outcome = "
                                    "'received' AND u.change_id IS NULL "
                                  : "") +
                         "ORDER BY i.rowid DESC LIMIT ?1");
  rows->Bind(1, static_cast<int64_t>(limit));
  std::vector<CsEntry> entries;
  while (rows->Step()) entries.push_back(ReadEntry(*rows, true));
  return entries;
}

std::optional<CsEntry> CsInboxMessage(Database& db, std::string_view notice_id) {
  auto row = db.Prepare(std::string(kInboxColumns) + "WHERE i.notice_id = ?1");
  row->Bind(1, notice_id);
  if (!row->Step()) return std::nullopt;
  return ReadEntry(*row, true);
}

}  // namespace jrr
