// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/certificates/sqlite_issuance_log.h"

#include <sstream>

#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

std::string Join(const std::vector<std::string>& parts, char separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, separator)) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

constexpr const char* kColumns =
    "i.issuance_id, i.issued_at, i.issue_date, i.place, i.terminal, i.printer, i.operator_id, "
    "i.kind, "
    "i.requester, i.purpose, i.targets, i.items, i.copies, i.sheets, i.seal, i.individual_number, "
    "i.output, "
    "i.number_municipality, i.number_terminal, i.number_printer, i.first_serial, i.numbers, "
    "d.disposed_at, d.operator_id, d.reason";

IssuanceRecord Read(Statement& s) {
  IssuanceRecord r;
  r.issuance_id = s.ColumnInt(0);
  r.issued_at = s.ColumnText(1);
  auto day = ParseIsoDate(s.ColumnText(2));
  if (!day) throw StorageError("storage.failure", "undecodable issue date");
  r.issue_date = *day;
  r.place = s.ColumnText(3);
  r.terminal = s.ColumnText(4);
  r.printer = s.ColumnText(5);
  r.operator_id = s.ColumnText(6);
  r.kind = static_cast<CertificateKind>(s.ColumnInt(7));
  r.requester = static_cast<Requester>(s.ColumnInt(8));
  r.purpose = s.ColumnText(9);
  r.targets = Split(s.ColumnText(10), ' ');
  for (const std::string& code : Split(s.ColumnText(11), ' ')) {
    if (auto item = OptionalItemFromCode(code)) r.items.insert(*item);
  }
  r.copies = static_cast<int>(s.ColumnInt(12));
  r.sheets = static_cast<int>(s.ColumnInt(13));
  r.seal = s.ColumnInt(14) != 0;
  r.individual_number = s.ColumnInt(15) != 0;
  r.output = s.ColumnText(16);
  r.number = IssueNumber{r.issue_date, s.ColumnText(17), s.ColumnText(18), s.ColumnText(19),
                         static_cast<int>(s.ColumnInt(20))};
  r.numbers = Split(s.ColumnText(21), '\n');
  if (!s.ColumnIsNull(22)) {
    r.disposed_at = s.ColumnText(22);
    r.disposed_by = s.ColumnText(23);
    r.disposal_reason = s.ColumnText(24);
  }
  return r;
}

std::string SelectFrom(const std::string& tail) {
  return std::string("SELECT ") + kColumns +
         " FROM issuance i LEFT JOIN issuance_disposal d ON d.issuance_id = i.issuance_id " + tail;
}

}  // namespace

int NextIssueSerial(Database& db, CalendarDate day, const std::string& terminal) {
  auto last = db.Prepare(
      "SELECT max(coalesce((SELECT max(first_serial + copies - 1) FROM issuance WHERE issue_date = "
      "?1 AND "
      "number_terminal = ?2), 0), coalesce((SELECT max(serial) FROM seal_issuance WHERE issue_date "
      "= ?1 AND "
      "number_terminal = ?2), 0), coalesce((SELECT max(serial) FROM fuhyo_issuance WHERE "
      "issue_date = ?1 AND "
      "number_terminal = ?2), 0))");
  last->Bind(1, ToIsoString(day)).Bind(2, terminal);
  last->Step();
  return static_cast<int>(last->ColumnInt(0)) + 1;
}

IssuanceRecord SqliteIssuanceLog::Record(IssuanceRecord r, AuditEvent print_log,
                                         const Print& print) {
  Transaction transaction(db_);
  // Serials run per 発行年月日 and terminal; the writer lock makes the read and the insert one step.
  r.number.serial = NextIssueSerial(db_, r.issue_date, r.number.terminal);
  r.numbers.clear();
  for (int certificate = 0; certificate < r.copies; ++certificate) {
    IssueNumber number = r.number;
    number.serial += certificate;
    const int sheets = r.certificate_sheets.empty()
                           ? r.sheets
                           : r.certificate_sheets[static_cast<std::size_t>(certificate) %
                                                  r.certificate_sheets.size()];
    for (int page = 1; page <= sheets; ++page) r.numbers.push_back(number.Text(page, sheets));
  }
  r.issued_at = clock_();
  std::vector<std::string> items;
  for (OptionalItem item : r.items) items.emplace_back(OptionalItemCode(item));
  auto insert = db_.Prepare(
      "INSERT INTO issuance(issued_at, issue_date, place, terminal, printer, operator_id, kind, "
      "requester, purpose, "
      "targets, items, copies, sheets, seal, individual_number, output, number_municipality, "
      "number_terminal, "
      "number_printer, first_serial, numbers) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
      "?11, ?12, ?13, ?14, "
      "?15, ?16, ?17, ?18, ?19, ?20, ?21)");
  insert->Bind(1, r.issued_at)
      .Bind(2, ToIsoString(r.issue_date))
      .Bind(3, r.place)
      .Bind(4, r.terminal)
      .Bind(5, r.printer)
      .Bind(6, r.operator_id)
      .Bind(7, static_cast<int>(r.kind))
      .Bind(8, static_cast<int>(r.requester))
      .Bind(9, r.purpose)
      .Bind(10, Join(r.targets, ' '))
      .Bind(11, Join(items, ' '))
      .Bind(12, r.copies)
      .Bind(13, r.sheets)
      .Bind(14, r.seal ? 1 : 0)
      .Bind(15, r.individual_number ? 1 : 0)
      .Bind(16, r.output)
      .Bind(17, r.number.municipality)
      .Bind(18, r.number.terminal)
      .Bind(19, r.number.printer)
      .Bind(20, r.number.serial)
      .Bind(21, Join(r.numbers, '\n'))
      .Run();
  r.issuance_id = db_.LastInsertRowId();
  auto target =
      db_.Prepare("INSERT INTO issuance_target(issuance_id, addressee_number) VALUES (?1, ?2)");
  for (const std::string& atena : r.targets) {
    target->Bind(1, r.issuance_id).Bind(2, atena).Run();
    target->Reset();
  }
  print_log.detail = "issuance=" + std::to_string(r.issuance_id) + " " + print_log.detail +
                     " first=" + (r.numbers.empty() ? std::string() : r.numbers.front());
  SqliteAuditLog(db_, clock_).Record(print_log);
  print(r);
  transaction.Commit();
  return r;
}

std::optional<IssuanceRecord> SqliteIssuanceLog::Get(int64_t issuance_id) {
  auto statement = db_.Prepare(SelectFrom("WHERE i.issuance_id = ?1"));
  statement->Bind(1, issuance_id);
  if (!statement->Step()) return std::nullopt;
  return Read(*statement);
}

std::vector<IssuanceRecord> SqliteIssuanceLog::Recent(std::optional<std::string> addressee_number,
                                                      std::size_t limit) {
  auto statement =
      addressee_number
          ? db_.Prepare(
                SelectFrom("WHERE i.issuance_id IN (SELECT issuance_id FROM issuance_target WHERE "
                           "addressee_number = ?1) ORDER BY i.issuance_id DESC LIMIT ?2"))
          : db_.Prepare(SelectFrom("ORDER BY i.issuance_id DESC LIMIT ?2"));
  if (addressee_number) statement->Bind(1, *addressee_number);
  statement->Bind(2, static_cast<int64_t>(limit));
  std::vector<IssuanceRecord> records;
  while (statement->Step()) records.push_back(Read(*statement));
  return records;
}

Status SqliteIssuanceLog::Dispose(int64_t issuance_id, const std::string& operator_id,
                                  const std::string& reason) {
  Transaction transaction(db_);
  auto found = Get(issuance_id);
  if (!found)
    return MakeError(ErrorCode::kNotFound, "issuance.not_found", std::to_string(issuance_id));
  if (found->disposed_at)
    return MakeError(ErrorCode::kConflict, "issuance.already_disposed",
                     std::to_string(issuance_id));
  db_.Prepare(
         "INSERT INTO issuance_disposal(issuance_id, disposed_at, operator_id, reason) VALUES (?1, "
         "?2, ?3, ?4)")
      ->Bind(1, issuance_id)
      .Bind(2, clock_())
      .Bind(3, operator_id)
      .Bind(4, reason)
      .Run();
  transaction.Commit();
  return {};
}

std::optional<std::vector<std::string>> SqliteHouseholdOrder::Get(
    std::string_view household_number) {
  auto statement = db_.Prepare(
      "SELECT members FROM household_order WHERE household_number = ?1 ORDER BY entry_id DESC "
      "LIMIT 1");
  statement->Bind(1, household_number);
  if (!statement->Step()) return std::nullopt;
  return Split(statement->ColumnText(0), ' ');
}

void SqliteHouseholdOrder::Set(std::string_view household_number,
                               const std::vector<std::string>& order,
                               const std::string& operator_id) {
  db_.Prepare(
         "INSERT INTO household_order(household_number, members, operator_id) VALUES (?1, ?2, ?3)")
      ->Bind(1, household_number)
      .Bind(2, Join(order, ' '))
      .Bind(3, operator_id)
      .Run();
}

}  // namespace jrr
