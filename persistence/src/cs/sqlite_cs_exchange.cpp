// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/cs/sqlite_cs_exchange.h"

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/domain/records/resident_changes.h"
#include "jrr/domain/records/resident_repository.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

constexpr std::string_view kInboxOperator = "cs-inbox";

CsKind KindOf(const std::string& code) {
  return code == CsKindCode(CsKind::kMoveInNotice) ? CsKind::kMoveInNotice
                                                   : CsKind::kMoveOutInformation;
}

// The outbox's next rowid, which the message id carries: max(rowid) is one index step; ids stay
// unique among registers by the sender's name.
int64_t NextOutboxRow(Database& db) {
  return db.QueryInt("SELECT coalesce(max(rowid), 0) + 1 FROM cs_outbox");
}

}  // namespace

void QueueCsMessage(Database& db, const std::string& ours, CsKind kind, const std::string& to,
                    int64_t change_id, std::string payload, CsWorkingSet* working) {
  // A working set counts instead (the rows it numbers get exactly those rowids: nobody else inserts).
  if (working != nullptr && working->next_row == 0) working->next_row = NextOutboxRow(db);
  const int64_t row = working == nullptr ? NextOutboxRow(db) : working->next_row++;
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

// The 除票 a 転入通知 names: by 住民票コード, else by 氏名・性別・生年月日; a 転出 awaiting its notice.
Result<std::string> FindMover(ResidentRepository& residents, const MoveInNoticePerson& p) {
  auto awaiting = [](const ResidentRecord& r) {
    return r.status == ResidentStatus::kRemoved && r.removal && !r.removal->move_in_notice_date &&
           r.removal->reason == ChangeReason::kDomesticMoveOut;
  };
  std::vector<ResidentRecord> found;
  if (!p.resident_record_code.empty()) {
    for (ResidentRecord& r : residents.FindByNumber(p.resident_record_code)) {
      if (r.resident_record_code == p.resident_record_code && awaiting(r))
        found.push_back(std::move(r));
    }
  }
  if (found.empty() && p.birth_date && !p.family_name.empty()) {
    for (ResidentRecord& r :
         residents.FindRemovedByBasicFacts(p.family_name, p.given_name, p.sex, *p.birth_date)) {
      if (awaiting(r)) found.push_back(std::move(r));
    }
  }
  if (found.empty())
    return MakeError(ErrorCode::kRuleViolation, "cs.person_not_found", p.resident_record_code);
  if (found.size() > 1)
    return MakeError(ErrorCode::kRuleViolation, "cs.person_ambiguous", p.resident_record_code);
  return found.front().addressee_number;
}

// 転入通知の受理 (JK-4.1.3.1.2) of one notice, as a 異動 by the CS inbox. Returns the 異動 or the
// rule id that refused it.
Result<ChangeOutcome> ApplyMoveInNotice(ResidentRepository& residents, const CsMessage& message,
                                        CalendarDate today, int64_t now_epoch_seconds) {
  auto notice = DecodeMoveInNotice(message.payload);
  if (!notice) return notice.error();
  MoveInNoticeCommand command;
  command.input.event_date = ExactRecordedDate(notice->moved_in);
  command.input.notification_date = notice->notified;
  command.input.note = "CS から受信した転入通知（" + message.id + "）";
  command.confirmed_destination.text = notice->address;
  command.confirmed_destination.address_code = notice->address_code;
  for (const MoveInNoticePerson& p : notice->persons) {
    auto atena = FindMover(residents, p);
    if (!atena) return atena.error();
    command.persons.push_back(*atena);
  }
  ResidentChanges changes(
      residents, ChangeContext{today, std::string(kInboxOperator), "CS", "CS", now_epoch_seconds});
  return changes.MoveInNotice(command);
}

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

Result<CsReceipt> ReceiveCsMessage(Database& db, ResidentRepository& residents,
                                   std::string_view body, CalendarDate today,
                                   int64_t now_epoch_seconds) {
  auto message = DecodeCsMessage(body);
  if (!message) return message.error();
  const std::string ours = OurMunicipalityName(db);
  if (message->to != ours) return MakeError(ErrorCode::kRuleViolation, "cs.not_ours", message->to);
  CsReceipt receipt{message->id, message->kind, false, {}, std::nullopt};
  Transaction transaction(db);
  auto seen = db.Prepare("SELECT outcome, change_id FROM cs_inbox WHERE notice_id = ?1");
  seen->Bind(1, message->id);
  if (seen->Step()) {
    receipt.duplicate = true;
    receipt.outcome = seen->ColumnText(0);
    if (!seen->ColumnIsNull(1)) receipt.change_id = seen->ColumnInt(1);
    return receipt;
  }
  if (message->kind == CsKind::kMoveOutInformation) {
    auto readable = DecodeMoveOutData(message->payload);
    receipt.outcome = readable ? std::string(kCsReceived) : readable.error().rule_id;
  } else {
    auto recorded = ApplyMoveInNotice(residents, *message, today, now_epoch_seconds);
    if (recorded) {
      receipt.outcome = kCsApplied;
      receipt.change_id = recorded->change.change_id;
    } else {
      receipt.outcome = recorded.error().rule_id;
    }
  }
  auto insert = db.Prepare(
      "INSERT INTO cs_inbox(notice_id, kind, from_municipality, body, outcome, change_id) VALUES "
      "(?1, ?2, ?3, ?4, ?5, ?6)");
  insert->Bind(1, message->id)
      .Bind(2, CsKindCode(message->kind))
      .Bind(3, message->from)
      .Bind(4, message->payload)
      .Bind(5, receipt.outcome);
  if (receipt.change_id) {
    insert->Bind(6, *receipt.change_id);
  } else {
    insert->BindNull(6);
  }
  insert->Run();
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = std::string(kInboxOperator);
  event.function = std::string(CsKindNameJa(message->kind)) + "の受信";
  event.outcome =
      receipt.outcome == kCsReceived || receipt.outcome == kCsApplied ? "ok" : receipt.outcome;
  event.detail = "notice=" + message->id;
  SqliteAuditLog(db).Record(event);
  transaction.Commit();
  return receipt;
}

Result<std::vector<CsEntry>> ListCsMessages(Database& db, AuditLog& log, const Viewer& viewer,
                                            bool outbox, bool waiting) {
  if (Status ok = Authorize(viewer, Permission::kChange); !ok) return ok.error();
  auto entries = outbox ? CsOutbox(db, 200) : CsInbox(db, 200, waiting);
  AuditEvent event =
      EventBy(viewer, AuditAction::kView, outbox ? "CS連携（送信）" : "CS連携（受信）");
  event.detail = "rows=" + std::to_string(entries.size());
  log.Record(event);
  return entries;
}

Result<CsReceipt> ReceiveCsMessageAs(Database& db, ResidentRepository& residents,
                                     const Viewer& viewer, std::string_view body) {
  if (Status ok = Authorize(viewer, Permission::kChange); !ok) return ok.error();
  return ReceiveCsMessage(db, residents, body, viewer.today, viewer.now_epoch_seconds);
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
