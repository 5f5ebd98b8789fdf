// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/seals/sqlite_seal_register.h"

#include <cstdio>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

constexpr const char* kColumns =
    "v.registration_id, v.version, v.registration_number, v.card_number, v.addressee_number, "
    "v.state, v.name_form, "
    "v.registered_name, v.route, v.by_agent, v.guardian_present, v.id_document, v.guarantor, "
    "v.material_attested, "
    "v.legibility_attested, v.smallest_square_mm, v.width_mm, v.height_mm, v.digest, v.applied_on, "
    "v.inquiry_sent_on, v.inquiry_deadline, v.registered_on, v.ended_on, v.end_reason, "
    "v.operator_id";
constexpr const char* kLatest =
    " v.version = (SELECT max(w.version) FROM seal_version w WHERE w.registration_id = "
    "v.registration_id)";

CalendarDate Day(const std::string& text) {
  auto day = ParseIsoDate(text);
  if (!day) throw StorageError("storage.failure", "undecodable seal date");
  return *day;
}
std::optional<CalendarDate> MaybeDay(const Statement& s, int column) {
  if (s.ColumnIsNull(column)) return std::nullopt;
  return Day(s.ColumnText(column));
}
std::optional<std::string> MaybeText(const std::optional<CalendarDate>& day) {
  return day ? std::optional<std::string>(ToIsoString(*day)) : std::nullopt;
}

SealRegistration Read(const Statement& s) {
  SealRegistration r;
  r.registration_id = s.ColumnInt(0);
  r.version = static_cast<int>(s.ColumnInt(1));
  r.registration_number = s.ColumnText(2);
  r.card_number = s.ColumnText(3);
  r.addressee_number = s.ColumnText(4);
  r.state = static_cast<SealState>(s.ColumnInt(5));
  r.name_form = static_cast<SealNameForm>(s.ColumnInt(6));
  r.registered_name = s.ColumnText(7);
  r.route = static_cast<SealRoute>(s.ColumnInt(8));
  r.by_agent = s.ColumnInt(9) != 0;
  r.guardian_present = s.ColumnInt(10) != 0;
  r.id_document = s.ColumnText(11);
  r.guarantor_registration = s.ColumnText(12);
  r.material_attested = s.ColumnInt(13) != 0;
  r.legibility_attested = s.ColumnInt(14) != 0;
  r.impression.smallest_square_mm = s.ColumnDouble(15);
  r.impression.width_mm = s.ColumnDouble(16);
  r.impression.height_mm = s.ColumnDouble(17);
  r.impression.digest = s.ColumnText(18);
  r.applied_on = Day(s.ColumnText(19));
  r.inquiry_sent_on = MaybeDay(s, 20);
  r.inquiry_deadline = MaybeDay(s, 21);
  r.registered_on = MaybeDay(s, 22);
  r.ended_on = MaybeDay(s, 23);
  r.end_reason = s.ColumnText(24);
  r.operator_id = s.ColumnText(25);
  return r;
}

std::string Select(const std::string& where) {
  return std::string("SELECT ") + kColumns + " FROM seal_version v WHERE " + where;
}

// 登録番号: one past the highest ever written (never reused), six digits.
std::string NextNumber(Database& db, const char* column) {
  const int64_t last =
      db.QueryInt(std::string("SELECT coalesce(max(CAST(") + column +
                  " AS INTEGER)), 0) FROM seal_version WHERE " + column + " <> ''");
  std::string text = std::to_string(last + 1);
  if (text.size() < 6) text.insert(0, 6 - text.size(), '0');
  return text;
}

}  // namespace

std::optional<SealRegistration> SqliteSealRegister::Get(int64_t registration_id) {
  auto s = db_.Prepare(Select(std::string("v.registration_id = ?1 AND") + kLatest));
  s->Bind(1, registration_id);
  if (!s->Step()) return std::nullopt;
  return Read(*s);
}

std::optional<SealRegistration> SqliteSealRegister::ByNumber(std::string_view number) {
  if (number.empty()) return std::nullopt;
  auto s = db_.Prepare(Select(std::string("v.registration_number = ?1 AND") + kLatest));
  s->Bind(1, number);
  if (!s->Step()) return std::nullopt;
  return Read(*s);
}

std::vector<SealRegistration> SqliteSealRegister::ForPerson(std::string_view atena) {
  auto s = db_.Prepare(Select(std::string("v.addressee_number = ?1 AND") + kLatest +
                              " ORDER BY v.registration_id DESC"));
  s->Bind(1, atena);
  std::vector<SealRegistration> all;
  while (s->Step()) all.push_back(Read(*s));
  return all;
}

bool SqliteSealRegister::ActiveDigest(std::string_view digest) {
  auto s = db_.Prepare(Select(std::string("v.digest = ?1 AND v.state = 2 AND") + kLatest));
  s->Bind(1, digest);
  return s->Step();
}

SealRegistration SqliteSealRegister::Save(SealRegistration r, const std::string& impression_png) {
  Transaction transaction(db_);
  if (r.registration_id == 0) {
    db_.Prepare("INSERT INTO seal_entry(addressee_number, impression_png) VALUES (?1, ?2)")
        ->Bind(1, r.addressee_number)
        .BindBlob(2, impression_png)
        .Run();
    r.registration_id = db_.LastInsertRowId();
    r.version = 1;
  } else {
    r.version = static_cast<int>(
                    db_.QueryInt("SELECT max(version) FROM seal_version WHERE registration_id = ?1",
                                 r.registration_id)) +
                1;
  }
  if (r.state == SealState::kActive && r.registration_number.empty()) {
    r.registration_number = NextNumber(db_, "registration_number");
    // 印鑑登録証 numbers: K + six digits (GCC -O3 misreads assigning "K" then appending).
    r.card_number = NextNumber(db_, "substr(card_number, 2)");
    r.card_number.insert(r.card_number.begin(), 'K');
  }
  auto insert = db_.Prepare(
      "INSERT INTO seal_version(registration_id, version, registration_number, card_number, "
      "addressee_number, state, "
      "name_form, registered_name, route, by_agent, guardian_present, id_document, guarantor, "
      "material_attested, "
      "legibility_attested, smallest_square_mm, width_mm, height_mm, digest, applied_on, "
      "inquiry_sent_on, "
      "inquiry_deadline, registered_on, ended_on, end_reason, operator_id) VALUES (?1, ?2, ?3, ?4, "
      "?5, ?6, ?7, ?8, "
      "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
  insert->Bind(1, r.registration_id)
      .Bind(2, r.version)
      .Bind(3, r.registration_number)
      .Bind(4, r.card_number)
      .Bind(5, r.addressee_number)
      .Bind(6, static_cast<int>(r.state))
      .Bind(7, static_cast<int>(r.name_form))
      .Bind(8, r.registered_name)
      .Bind(9, static_cast<int>(r.route))
      .Bind(10, r.by_agent ? 1 : 0)
      .Bind(11, r.guardian_present ? 1 : 0)
      .Bind(12, r.id_document)
      .Bind(13, r.guarantor_registration)
      .Bind(14, r.material_attested ? 1 : 0)
      .Bind(15, r.legibility_attested ? 1 : 0)
      .BindDouble(16, r.impression.smallest_square_mm)
      .BindDouble(17, r.impression.width_mm)
      .BindDouble(18, r.impression.height_mm)
      .Bind(19, r.impression.digest)
      .Bind(20, ToIsoString(r.applied_on))
      .Bind(21, MaybeText(r.inquiry_sent_on))
      .Bind(22, MaybeText(r.inquiry_deadline))
      .Bind(23, MaybeText(r.registered_on))
      .Bind(24, MaybeText(r.ended_on))
      .Bind(25, r.end_reason)
      .Bind(26, r.operator_id)
      .Run();
  transaction.Commit();
  return r;
}

std::string SqliteSealRegister::ImpressionPng(int64_t registration_id) {
  auto s = db_.Prepare("SELECT impression_png FROM seal_entry WHERE registration_id = ?1");
  s->Bind(1, registration_id);
  if (!s->Step()) return {};
  return s->ColumnBlob(0);
}

void SaveSealEndedByChange(Database& db, const SealRegistration& ended,
                           const ChangeRecord& change) {
  SqliteSealRegister(db).Save(ended, {});
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = change.operator_id;
  event.terminal = change.terminal;
  event.place = change.place;
  event.function = "印鑑登録の職権抹消";
  event.targets = {ended.addressee_number};
  event.detail =
      "number=" + ended.registration_number + " change=" + std::to_string(change.change_id);
  SqliteAuditLog(db).Record(event);
}

IssueNumber RecordSealIssuance(Database& db, const SealRegistration& registration,
                               const Viewer& viewer, IssueNumber number) {
  Transaction transaction(db);
  number.serial = NextIssueSerial(db, number.date, number.terminal);
  const std::string text = number.Text(1, 1);
  db.Prepare(
        "INSERT INTO seal_issuance(issued_at, issue_date, place, terminal, number_terminal, "
        "operator_id, "
        "registration_id, addressee_number, serial, issue_number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
        "?7, ?8, ?9, ?10)")
      ->Bind(1, UtcTimestampNow())
      .Bind(2, ToIsoString(number.date))
      .Bind(3, viewer.place)
      .Bind(4, viewer.terminal)
      .Bind(5, number.terminal)
      .Bind(6, viewer.operator_id)
      .Bind(7, registration.registration_id)
      .Bind(8, registration.addressee_number)
      .Bind(9, number.serial)
      .Bind(10, text)
      .Run();
  AuditEvent event = EventBy(viewer, AuditAction::kIssue, "印鑑登録証明書・印刷");
  event.targets = {registration.addressee_number};
  event.detail = "seal_issuance=" + std::to_string(db.LastInsertRowId()) +
                 " copies=1 sheets=1 seal=1 output=pdf";
  SqliteAuditLog(db).Record(event);
  transaction.Commit();
  return number;
}

}  // namespace jrr
