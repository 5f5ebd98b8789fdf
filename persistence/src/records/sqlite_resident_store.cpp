// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_resident_store.h"

#include <algorithm>
#include <map>

#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/records/banchi.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "records/resident_version_codec.h"

namespace jrr {
namespace {

// Appended to a WHERE on resident_version v: keeps only each person's latest version.
constexpr const char* kIsLatest =
    " AND v.history_number = (SELECT max(w.history_number) FROM resident_version w "
    "WHERE w.addressee_number = v.addressee_number)";

std::string Select(const std::string& where) {
  return "SELECT " + codec::QualifiedVersionColumns() + " FROM resident_version v " + where;
}

// The serial part of the highest issued (10-digit) number in `column` ever written, or 0. Walks
// the column's index from the top, so it costs a few steps however large the register is
// (numbers migrated from another system, of other lengths, are skipped).
uint64_t HighestSerial(Database& db, const char* column) {
  const std::string sql = std::string("SELECT ") + column + " FROM resident_version WHERE length(" +
                          column + ") = 10 ORDER BY " + column + " DESC LIMIT 1";
  auto statement = db.Prepare(sql);
  if (!statement->Step() || statement->ColumnIsNull(0)) return 0;
  const std::string highest = statement->ColumnText(0);
  return std::stoull(highest.substr(0, highest.size() - 1));
}

std::string Allocate(Database& db, const char* column, uint64_t& next_serial) {
  if (next_serial == 0) next_serial = HighestSerial(db, column) + 1;
  next_serial = NextIssuableSerial(next_serial);
  auto number = IssuedNumberDigits(next_serial++);
  if (!number) throw StorageError("storage.failure", "number space exhausted");
  return *number;
}

}  // namespace

int64_t InsertChangeRow(Database& db, const ChangeRecord& change) {
  std::string alerts;
  for (const std::string& alert : change.alerts) alerts += (alerts.empty() ? "" : ",") + alert;
  auto insert_change = db.Prepare(
      "INSERT INTO change_record(reason, event_date, event_date_sort, notification_date, "
      "processing_date, ex_officio, operator_id, place, terminal, note, alerts, "
      "supersedes_change_id, on_request, special, move_out_information, recorded_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  insert_change->Bind(1, static_cast<int>(change.reason))
      .Bind(2, codec::EncodeDate(change.event_date))
      .Bind(3, codec::EncodeDay(change.event_date.InternalDate()))
      .Bind(4, codec::EncodeDay(change.notification_date))
      .Bind(5, ToIsoString(change.processing_date))
      .Bind(6, change.ex_officio ? 1 : 0)
      .Bind(7, change.operator_id)
      .Bind(8, change.place)
      .Bind(9, change.terminal)
      .Bind(10, change.note)
      .Bind(11, alerts);
  if (change.supersedes_change_id) {
    insert_change->Bind(12, *change.supersedes_change_id);
  } else {
    insert_change->BindNull(12);
  }
  insert_change->Bind(13, change.on_request ? 1 : 0);
  insert_change->Bind(14, change.special ? 1 : 0);
  insert_change->Bind(15, change.move_out_information);
  insert_change->Bind(16, UtcTimestampNow());  // not the column default: see UtcTimestampNow
  insert_change->Run();
  return db.LastInsertRowId();
}

void RecordChangeInAuditLog(Database& db, const ChangeRecord& change,
                            const std::vector<ResidentRecord>& versions,
                            const std::vector<std::optional<ResidentRecord>>* before,
                            AuditChainHead* head) {
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = change.operator_id;
  event.terminal = change.terminal;
  event.place = change.place;
  event.function = std::string(InfoOf(change.reason).name_ja);
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const ResidentRecord& v = versions[i];
    event.targets.push_back(v.addressee_number);
    // 個人番号へのアクセス有無: the 異動 entered or changed someone's 個人番号.
    if (event.individual_number) continue;
    if (v.history_number <= 1) {
      event.individual_number = !v.individual_number.empty();
      continue;
    }
    if (before && (*before)[i]) {
      event.individual_number = (*before)[i]->individual_number != v.individual_number;
      continue;
    }
    auto previous = db.Prepare(
        "SELECT individual_number FROM resident_version "
        "WHERE addressee_number = ?1 AND history_number = ?2");
    previous->Bind(1, v.addressee_number).Bind(2, v.history_number - 1);
    event.individual_number = previous->Step() && previous->ColumnText(0) != v.individual_number;
  }
  event.detail = "change_id=" + std::to_string(change.change_id) +
                 " reason=" + std::to_string(static_cast<int>(change.reason));
  if (change.approves_pending_id) {
    event.detail += " approves_pending=" + std::to_string(*change.approves_pending_id);
  }
  AppendAuditEntry(db, event, UtcTimestampNow(), head);
}

VersionNameKeys NameKeysOf(const ResidentRecord& r) {
  // Computed once per version and stored, so search never recomputes them. Keys of 旧氏 and 通称
  // arrive with search (JK-2.1.3); these are the name's own.
  VersionNameKeys keys;
  if (auto kana = BuildKanaKey(r.family_kana + r.given_kana)) keys.kana = std::move(*kana);
  if (auto kanji = BuildKanjiKey(r.family_name + r.given_name + r.foreign.alphabet_name))
    keys.kanji = std::move(*kanji);
  return keys;
}

void InsertVersionRow(Database& db, const ResidentRecord& version, int64_t change_id, bool index,
                      const VersionNameKeys* keys) {
  static const std::string kInsert = [] {
    std::string placeholders;
    for (int i = 1; i <= codec::ResidentVersionColumnCount(); ++i) {
      placeholders += (i == 1 ? "?" : ", ?") + std::to_string(i);
    }
    return std::string("INSERT INTO resident_version(") + codec::kResidentVersionColumns +
           ") VALUES (" + placeholders + ")";
  }();
  {
    auto insert = db.Prepare(kInsert);
    codec::BindVersion(*insert, version, change_id, keys);
    insert->Run();
  }
  if (index) IndexVersion(db, version);
}

std::optional<ResidentRecord> SqliteResidentStore::Latest(std::string_view addressee_number) {
  static const std::string kSql =
      Select("WHERE v.addressee_number = ?1 ORDER BY v.history_number DESC LIMIT 1");
  auto statement = db_.Prepare(kSql);
  statement->Bind(1, addressee_number);
  if (!statement->Step()) return std::nullopt;
  return codec::ReadVersion(*statement);
}

std::vector<ResidentRecord> SqliteResidentStore::HouseholdMembers(
    std::string_view household_number) {
  // Versions that name the household and are still the person's latest, for residents only.
  static const std::string kSql =
      Select(std::string("WHERE v.household_number = ?1 AND v.status = 1") + kIsLatest +
             " ORDER BY v.addressee_number");
  auto statement = db_.Prepare(kSql);
  statement->Bind(1, household_number);
  std::vector<ResidentRecord> members;
  while (statement->Step()) members.push_back(codec::ReadVersion(*statement));
  return members;
}

std::vector<ResidentRecord> SqliteResidentStore::HouseholdLatest(
    std::string_view household_number) {
  static const std::string kSql = Select(std::string("WHERE v.household_number = ?1") + kIsLatest +
                                         " ORDER BY v.addressee_number");
  auto statement = db_.Prepare(kSql);
  statement->Bind(1, household_number);
  std::vector<ResidentRecord> members;
  while (statement->Step()) members.push_back(codec::ReadVersion(*statement));
  return members;
}

std::vector<ResidentRecord> SqliteResidentStore::ResidentsInArea(std::string_view area,
                                                                 std::size_t limit) {
  // substr() rather than LIKE: an area holding % or _ means itself.
  static const std::string kSql =
      Select(std::string("WHERE v.status = 1 AND (substr(v.address_code, 1, length(?1)) = ?1 OR "
                         "substr(v.address_text, 1, length(?1)) = ?1)") +
             kIsLatest +
             " ORDER BY v.address_code, v.address_text, v.address_banchi, v.household_number, "
             "v.addressee_number "
             "LIMIT ?2");
  // 番地 text does not sort as numbers (10番 before 2番): the rows are put in 住所順 by the 番地's
  // code (JK-1.3.2) after reading.
  auto statement = db_.Prepare(kSql);
  statement->Bind(1, area).Bind(2, static_cast<int64_t>(limit));
  std::vector<ResidentRecord> found;
  while (statement->Step()) found.push_back(codec::ReadVersion(*statement));
  SortInAddressOrder(found, limit);
  return found;
}

// IMP: JK-1.1.13, JK-1.2.1, JK-4.3.2
Result<ChangeOutcome> SqliteResidentStore::Append(ChangeRecord change,
                                                  std::vector<ResidentRecord> versions,
                                                  const std::vector<VersionStamp>& read_set) {
  Transaction transaction(db_);
  for (const VersionStamp& stamp : read_set) {
    auto latest =
        db_.Prepare("SELECT max(history_number) FROM resident_version WHERE addressee_number = ?1");
    latest->Bind(1, stamp.addressee_number);
    latest->Step();
    if (latest->ColumnInt(0) != stamp.history_number) {
      return MakeError(ErrorCode::kConflict, "change.stale",
                       "宛名番号 " + stamp.addressee_number + " changed since it was read");
    }
  }
  // Newcomers and new households get their numbers now, inside the transaction.
  std::map<std::string, std::string> assigned;
  uint64_t next_person = 0;
  uint64_t next_household = 0;
  for (ResidentRecord& v : versions) {
    if (v.addressee_number.starts_with(kNewPersonPrefix)) {
      auto [it, fresh] = assigned.try_emplace(v.addressee_number);
      if (fresh) it->second = Allocate(db_, "addressee_number", next_person);
      v.addressee_number = it->second;
    }
    if (v.household_number.starts_with(kNewHouseholdPrefix)) {
      auto [it, fresh] = assigned.try_emplace(v.household_number);
      if (fresh) it->second = Allocate(db_, "household_number", next_household);
      v.household_number = it->second;
    }
  }
  change.change_id = InsertChangeRow(db_, change);
  if (change.approves_pending_id) {
    // 本登録: the decision and the 異動 are one transaction. A 仮登録 decided meanwhile (by
    // another clerk) makes this one fail as a conflict, and nothing is written.
    auto open = db_.Prepare(
        "SELECT 1 FROM pending_change p WHERE p.pending_id = ?1 AND NOT EXISTS "
        "(SELECT 1 FROM pending_decision d WHERE d.pending_id = p.pending_id)");
    open->Bind(1, *change.approves_pending_id);
    if (!open->Step()) {
      return MakeError(
          ErrorCode::kConflict, "pending.not_open",
          "仮登録 " + std::to_string(*change.approves_pending_id) + " already decided");
    }
    auto decide = db_.Prepare(
        "INSERT INTO pending_decision(pending_id, decision, change_id) VALUES (?1, 'approved', "
        "?2)");
    decide->Bind(1, *change.approves_pending_id).Bind(2, change.change_id).Run();
  }
  bool drew_code = false;
  for (ResidentRecord& v : versions) {
    if (v.resident_record_code == kDrawResidentRecordCode) {
      // Drawn here, inside the transaction, so two clerks can never draw the same code; the
      // version inserted just below makes the code used for the next draw.
      auto code = DrawResidentRecordCode(db_);
      if (!code) return code.error();
      if (code->empty() && change.reason == ChangeReason::kResidentRecordCodeChangeRequest) {
        // No pool loaded: a 転入 may go without a code, but a 変更請求 must not take the old one
        // away and leave none (JK-4.3.2).
        return MakeError(ErrorCode::kRuleViolation, "code_pool.exhausted", "no pool loaded");
      }
      v.resident_record_code = *code;
      drew_code = drew_code || !code->empty();
    }
    InsertVersionRow(db_, v, change.change_id);
  }
  RecordChangeInAuditLog(db_, change, versions);
  ChangeOutcome outcome{std::move(change), std::move(versions), {}};
  if (drew_code && ResidentRecordCodePoolLow(db_)) outcome.notices.push_back("code_pool.low");
  transaction.Commit();
  return outcome;
}

std::optional<ResidentRecord> SqliteResidentStore::AsOf(std::string_view addressee_number,
                                                        const AsOfQuery& query) {
  // By 異動日: the latest version whose 異動 had taken effect (a 転出 dated later has not, so a
  // 転出予定者 is still a resident; a 年月日不詳 異動 counts from its 処理日). By 処理日: only the
  // versions recorded by then. An unset bound is given a date after every stored one.
  // A 異動 superseded (amended or cancelled) by one processed by `known_at` is void on this axis.
  auto statement = db_.Prepare(Select(
      "JOIN change_record c ON c.change_id = v.change_id WHERE v.addressee_number = ?1 "
      "AND coalesce(c.event_date_sort, c.processing_date) <= ?2 AND c.processing_date <= ?3 "
      "AND NOT EXISTS (SELECT 1 FROM change_record s WHERE s.supersedes_change_id = c.change_id "
      "AND s.processing_date <= ?3) "
      "ORDER BY v.history_number DESC LIMIT 1"));
  const std::string open_end = "9999-12-31";
  statement->Bind(1, addressee_number)
      .Bind(2, query.effective_on ? ToIsoString(*query.effective_on) : open_end)
      .Bind(3, query.known_at ? ToIsoString(*query.known_at) : open_end);
  if (!statement->Step()) return std::nullopt;
  return codec::ReadVersion(*statement);
}

std::optional<ChangeRecord> SqliteResidentStore::Change(int64_t change_id) {
  auto statement = db_.Prepare(std::string("SELECT ") + codec::kChangeColumns +
                               " FROM change_record WHERE change_id = ?1");
  statement->Bind(1, change_id);
  if (!statement->Step()) return std::nullopt;
  return codec::ReadChange(*statement, 0);
}

std::vector<ResidentRecord> SqliteResidentStore::VersionsOfChange(int64_t change_id) {
  auto statement =
      db_.Prepare(Select("WHERE v.change_id = ?1 ORDER BY v.addressee_number, v.history_number"));
  statement->Bind(1, change_id);
  std::vector<ResidentRecord> versions;
  while (statement->Step()) versions.push_back(codec::ReadVersion(*statement));
  return versions;
}

std::optional<ResidentRecord> SqliteResidentStore::Version(std::string_view addressee_number,
                                                           int history_number) {
  auto statement = db_.Prepare(Select("WHERE v.addressee_number = ?1 AND v.history_number = ?2"));
  statement->Bind(1, addressee_number).Bind(2, history_number);
  if (!statement->Step()) return std::nullopt;
  return codec::ReadVersion(*statement);
}

std::vector<ResidentRecord> SqliteResidentStore::FindByNumber(std::string_view number) {
  // Three indexed lookups (schema 0005), each keeping only people whose latest version holds it.
  std::vector<ResidentRecord> found;
  // The "<> ''" term lets SQLite use the partial indexes of schema 0005.
  static const std::string kSql[] = {
      Select(std::string("WHERE v.individual_number = ?1 AND v.individual_number <> ''") +
             kIsLatest),
      Select(std::string("WHERE v.resident_record_code = ?1 AND v.resident_record_code <> ''") +
             kIsLatest),
      Select(std::string("WHERE v.foreign_residence_card_number = ?1 AND "
                         "v.foreign_residence_card_number <> ''") +
             kIsLatest)};
  for (const std::string& sql : kSql) {
    auto statement = db_.Prepare(sql);
    statement->Bind(1, number);
    while (statement->Step()) {
      ResidentRecord r = codec::ReadVersion(*statement);
      const bool seen = std::any_of(found.begin(), found.end(), [&](const ResidentRecord& f) {
        return f.addressee_number == r.addressee_number;
      });
      if (!seen) found.push_back(std::move(r));
    }
  }
  return found;
}

std::vector<ResidentRecord> SqliteResidentStore::FindRemovedByBasicFacts(
    std::string_view family_name, std::string_view given_name, Sex sex, CalendarDate birth_date) {
  auto statement = db_.Prepare(Select(
      std::string("WHERE v.birth_date_sort = ?1 AND v.family_name = ?2 AND v.given_name = ?3 "
                  "AND v.sex = ?4 AND v.status = 2") +
      kIsLatest));
  statement->Bind(1, ToIsoString(birth_date))
      .Bind(2, family_name)
      .Bind(3, given_name)
      .Bind(4, static_cast<int>(sex));
  std::vector<ResidentRecord> found;
  while (statement->Step()) found.push_back(codec::ReadVersion(*statement));
  return found;
}

std::vector<ProtectedPersonFacts> SqliteResidentStore::ProtectedPeople(CalendarDate today) {
  // Each measure's latest version, when not ended (4), names its people; every version of each
  // person, oldest first, with whether any of those measures covers 閲覧.
  auto rows = db_.Prepare(
      "WITH protected(atena, inspection) AS (SELECT p.addressee_number, max(m.restrict_inspection) "
      "FROM "
      "support_measure_version m JOIN support_measure_person p ON p.measure_id = m.measure_id AND "
      "p.version = m.version "
      "WHERE m.state <> 4 AND m.version = (SELECT max(w.version) FROM support_measure_version w "
      "WHERE w.measure_id = "
      "m.measure_id) GROUP BY p.addressee_number) "
      "SELECT v.addressee_number, protected.inspection, v.status, v.address_text, "
      "v.address_banchi, v.address_katagaki, "
      "v.removal_reason, v.removal_effective, v.family_name, v.given_name, v.birth_date_sort, "
      "v.sex, "
      "v.resident_record_code, v.domicile_place, v.domicile_head, v.removal_planned_text, "
      "v.removal_planned_banchi, "
      "v.removal_planned_katagaki, v.removal_confirmed_text, v.removal_confirmed_banchi, "
      "v.removal_confirmed_katagaki "
      "FROM protected JOIN resident_version v ON "
      "v.addressee_number = protected.atena ORDER BY v.addressee_number, v.history_number");
  std::vector<ProtectedPersonFacts> people;
  ResidentRecord latest;  // the facts MoveOutPending reads, of the person's latest version so far
  auto close = [&] {
    if (people.empty()) return;
    if (latest.status == ResidentStatus::kResident || MoveOutPending(latest, today)) {
      people.back().lives_at = latest.address.Printed();
    }
    if (latest.removal) {
      for (const Address* to :
           {&latest.removal->planned_destination, &latest.removal->confirmed_destination}) {
        if (!to->text.empty()) people.back().moved_to.push_back(to->Printed());
      }
    }
  };
  while (rows->Step()) {
    const std::string atena = rows->ColumnText(0);
    if (people.empty() || people.back().addressee_number != atena) {
      close();
      people.push_back(ProtectedPersonFacts{atena, {}, {}, rows->ColumnInt(1) != 0, {}});
    }
    latest = ResidentRecord{};
    latest.status = static_cast<ResidentStatus>(rows->ColumnInt(2));
    latest.address.text = rows->ColumnText(3);
    latest.address.banchi = rows->ColumnText(4);
    latest.address.katagaki = rows->ColumnText(5);
    if (!rows->ColumnIsNull(6) && !rows->ColumnIsNull(7)) {
      latest.removal = RemovalItems{};
      latest.removal->reason = static_cast<ChangeReason>(rows->ColumnInt(6));
      latest.removal->effective = codec::DecodeDate(rows->ColumnText(7));
      for (auto [to, first] : {std::pair{&latest.removal->planned_destination, 15},
                               std::pair{&latest.removal->confirmed_destination, 18}}) {
        to->text = rows->ColumnText(first);
        to->banchi = rows->ColumnText(first + 1);
        to->katagaki = rows->ColumnText(first + 2);
      }
    }
    ProtectedPersonFacts::Version v;
    v.family_name = rows->ColumnText(8);
    v.given_name = rows->ColumnText(9);
    if (!rows->ColumnIsNull(10)) v.birth_date = ParseIsoDate(rows->ColumnText(10));
    v.sex = static_cast<Sex>(rows->ColumnInt(11));
    v.resident_record_code = rows->ColumnText(12);
    v.domicile_place = rows->ColumnText(13);
    v.domicile_head = rows->ColumnText(14);
    people.back().versions.push_back(std::move(v));
  }
  close();
  return people;
}

std::vector<ResidentRecord> SqliteResidentStore::FindByBasicFacts(std::string_view family_name,
                                                                  std::string_view given_name,
                                                                  Sex sex,
                                                                  CalendarDate birth_date) {
  auto statement = db_.Prepare(Select(std::string("WHERE v.birth_date_sort = ?1 AND v.family_name "
                                                  "= ?2 AND v.given_name = ?3 AND v.sex = ?4") +
                                      kIsLatest));
  statement->Bind(1, ToIsoString(birth_date))
      .Bind(2, family_name)
      .Bind(3, given_name)
      .Bind(4, static_cast<int>(sex));
  std::vector<ResidentRecord> found;
  while (statement->Step()) found.push_back(codec::ReadVersion(*statement));
  return found;
}

std::vector<ResidentRecord> SqliteResidentStore::AwaitingMoveInNotice(CalendarDate removed_by,
                                                                      std::size_t limit) {
  // 除票 whose 転入通知 has not come; the removal date is checked on the decoded record (the
  // column holds a RecordedDate, which may be a 不詳日).
  static const std::string kSql =
      Select(std::string("WHERE v.status = 2 AND v.removal_reason IN (21, 26) AND "
                         "v.removal_move_in_notice_date IS NULL") +
             kIsLatest);
  auto statement = db_.Prepare(kSql);
  std::vector<ResidentRecord> found;
  while (statement->Step()) {
    ResidentRecord r = codec::ReadVersion(*statement);
    if (AwaitsMoveInNotice(r, removed_by)) found.push_back(std::move(r));
  }
  SortByRemoval(found);
  if (found.size() > limit) found.resize(limit);
  return found;
}

std::optional<std::string> SqliteResidentStore::EditLeaseHolder(std::string_view addressee_number,
                                                                int64_t now_epoch_seconds) {
  auto statement = db_.Prepare(
      "SELECT operator_id FROM edit_lease WHERE addressee_number = ?1 AND expires_at > ?2");
  statement->Bind(1, addressee_number).Bind(2, now_epoch_seconds);
  if (!statement->Step()) return std::nullopt;
  return statement->ColumnText(0);
}

Status SqliteEditLeases::Acquire(const std::vector<std::string>& persons,
                                 std::string_view operator_id, int64_t now_epoch_seconds,
                                 int64_t ttl_seconds) {
  Transaction transaction(db_);
  for (const std::string& atena : persons) {
    auto holder = db_.Prepare(
        "SELECT operator_id FROM edit_lease WHERE addressee_number = ?1 AND expires_at > ?2");
    holder->Bind(1, atena).Bind(2, now_epoch_seconds);
    if (holder->Step() && holder->ColumnText(0) != operator_id) {
      return MakeError(ErrorCode::kConflict, "change.locked_by_other",
                       atena + " is being edited by " + holder->ColumnText(0));
    }
  }
  for (const std::string& atena : persons) {
    auto take = db_.Prepare(
        "INSERT INTO edit_lease(addressee_number, operator_id, expires_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT(addressee_number) DO UPDATE SET operator_id = excluded.operator_id, "
        "expires_at = excluded.expires_at");
    take->Bind(1, atena).Bind(2, operator_id).Bind(3, now_epoch_seconds + ttl_seconds).Run();
  }
  transaction.Commit();
  return {};
}

void SqliteEditLeases::Release(const std::vector<std::string>& persons,
                               std::string_view operator_id) {
  Transaction transaction(db_);
  for (const std::string& atena : persons) {
    auto release =
        db_.Prepare("DELETE FROM edit_lease WHERE addressee_number = ?1 AND operator_id = ?2");
    release->Bind(1, atena).Bind(2, operator_id).Run();
  }
  transaction.Commit();
}

std::optional<int64_t> SqliteResidentStore::PendingChangeFor(std::string_view addressee_number) {
  auto statement = db_.Prepare(
      "SELECT p.pending_id FROM pending_person p WHERE p.addressee_number = ?1 AND NOT EXISTS "
      "(SELECT 1 FROM pending_decision d WHERE d.pending_id = p.pending_id) "
      "ORDER BY p.pending_id LIMIT 1");
  statement->Bind(1, addressee_number);
  if (!statement->Step()) return std::nullopt;
  return statement->ColumnInt(0);
}

std::vector<ResidentRepository::HistoryEntry> SqliteResidentStore::History(
    std::string_view addressee_number) {
  auto statement = db_.Prepare(
      "SELECT " + codec::QualifiedVersionColumns() + ", " +
      "c.change_id, c.reason, c.event_date, c.notification_date, c.processing_date, c.ex_officio, "
      "c.operator_id, c.place, c.terminal, c.note, c.alerts, c.supersedes_change_id, c.on_request, "
      "c.special, c.move_out_information "
      "FROM resident_version v JOIN change_record c ON c.change_id = v.change_id "
      "WHERE v.addressee_number = ?1 ORDER BY v.history_number");
  statement->Bind(1, addressee_number);
  std::vector<HistoryEntry> history;
  while (statement->Step()) {
    history.push_back({codec::ReadVersion(*statement),
                       codec::ReadChange(*statement, codec::ResidentVersionColumnCount())});
  }
  return history;
}

RegisterFigures CountRegister(Database& db) {
  RegisterFigures figures;
  auto latest = db.Prepare(
      "SELECT count(*) FILTER (WHERE v.status = 1), count(*) FILTER (WHERE v.status = 1 AND v.kind "
      "= 2), "
      "count(DISTINCT CASE WHEN v.status = 1 THEN v.household_number END), "
      "count(*) FILTER (WHERE v.status = 2) FROM resident_version v WHERE 1" +
      std::string(kIsLatest));
  if (latest->Step()) {
    figures.residents = latest->ColumnInt(0);
    figures.foreign_residents = latest->ColumnInt(1);
    figures.households = latest->ColumnInt(2);
    figures.removed = latest->ColumnInt(3);
  }
  figures.changes = db.QueryInt("SELECT coalesce(max(change_id), 0) FROM change_record");
  return figures;
}

}  // namespace jrr
