// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_pending_change_repository.h"

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

constexpr const char* kSelectOpen =
    "SELECT p.pending_id, p.kind, p.command_json, p.summary, p.entered_on, p.operator_id, "
    "p.place, p.terminal FROM pending_change p WHERE NOT EXISTS "
    "(SELECT 1 FROM pending_decision d WHERE d.pending_id = p.pending_id)";

PendingChange ReadPending(Database& db, const Statement& row) {
  PendingChange p;
  p.pending_id = row.ColumnInt(0);
  p.kind = row.ColumnText(1);
  p.command_json = row.ColumnText(2);
  p.summary = row.ColumnText(3);
  auto entered = ParseIsoDate(row.ColumnText(4));
  if (!entered) throw StorageError("storage.failure", "undecodable pending entry date");
  p.entered_on = *entered;
  p.operator_id = row.ColumnText(5);
  p.place = row.ColumnText(6);
  p.terminal = row.ColumnText(7);
  auto persons = db.Prepare(
      "SELECT addressee_number FROM pending_person WHERE pending_id = ?1 "
      "ORDER BY addressee_number");
  persons->Bind(1, p.pending_id);
  while (persons->Step()) p.persons.push_back(persons->ColumnText(0));
  return p;
}

}  // namespace

PendingChange SqlitePendingChangeRepository::Add(PendingChange pending) {
  Transaction transaction(db_);
  auto insert = db_.Prepare(
      "INSERT INTO pending_change(kind, command_json, summary, entered_on, operator_id, place, "
      "terminal) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  insert->Bind(1, pending.kind)
      .Bind(2, pending.command_json)
      .Bind(3, pending.summary)
      .Bind(4, ToIsoString(pending.entered_on))
      .Bind(5, pending.operator_id)
      .Bind(6, pending.place)
      .Bind(7, pending.terminal);
  insert->Run();
  pending.pending_id = db_.LastInsertRowId();
  for (const std::string& atena : pending.persons) {
    auto person =
        db_.Prepare("INSERT INTO pending_person(addressee_number, pending_id) VALUES (?1, ?2)");
    person->Bind(1, atena).Bind(2, pending.pending_id).Run();
  }
  AuditEvent event;
  event.action = AuditAction::kProvisionalChange;
  event.operator_id = pending.operator_id;
  event.terminal = pending.terminal;
  event.place = pending.place;
  event.function = pending.kind;
  event.targets = pending.persons;
  event.detail = "pending_id=" + std::to_string(pending.pending_id);
  AppendAuditEntry(db_, event, UtcTimestampNow());
  transaction.Commit();
  return pending;
}

std::vector<PendingChange> SqlitePendingChangeRepository::ListOpen() {
  std::vector<PendingChange> open;
  std::vector<int64_t> ids;
  {
    auto list = db_.Prepare(std::string(kSelectOpen) + " ORDER BY p.pending_id");
    while (list->Step()) ids.push_back(list->ColumnInt(0));
  }
  for (int64_t id : ids) {
    auto one = GetOpen(id);
    if (one) open.push_back(std::move(one).value());
  }
  return open;
}

Result<PendingChange> SqlitePendingChangeRepository::GetOpen(int64_t pending_id) {
  auto row = db_.Prepare(std::string(kSelectOpen) + " AND p.pending_id = ?1");
  row->Bind(1, pending_id);
  if (!row->Step()) {
    return MakeError(ErrorCode::kNotFound, "pending.not_open",
                     "仮登録 " + std::to_string(pending_id) + " is unknown or already decided");
  }
  return ReadPending(db_, *row);
}

Status SqlitePendingChangeRepository::Withdraw(int64_t pending_id, const ChangeContext& by) {
  Transaction transaction(db_);
  auto open = GetOpen(pending_id);
  if (!open) return open.error();
  auto insert = db_.Prepare(
      "INSERT INTO pending_decision(pending_id, decision, change_id) VALUES (?1, 'withdrawn', "
      "NULL)");
  insert->Bind(1, pending_id).Run();
  AuditEvent event;
  event.action = AuditAction::kWithdrawal;
  event.operator_id = by.operator_id;
  event.terminal = by.terminal;
  event.place = by.place;
  event.function = "仮登録取消";
  event.targets = open->persons;
  event.detail = "pending_id=" + std::to_string(pending_id);
  AppendAuditEntry(db_, event, UtcTimestampNow());
  transaction.Commit();
  return {};
}

}  // namespace jrr
