// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/protection/sqlite_protection_register.h"

#include "core/day_codec.h"
#include "jrr/domain/core/storage_error.h"

namespace jrr {
namespace {

constexpr const char* kSelectBlock =
    "SELECT b.block_id, b.addressee_number, b.household_number, b.operation, b.level, "
    "b.start_date, "
    "b.end_date, b.reason, e.ended_on, b.operator_id FROM protection_block b "
    "LEFT JOIN protection_block_end e ON e.block_id = b.block_id";

CalendarDate RequiredDay(const Statement& row, int column) {
  auto day = codec::DecodeDay(row, column);
  if (!day) throw StorageError("storage.failure", "undecodable protection date");
  return *day;
}

Block ReadBlock(const Statement& row) {
  Block b;
  b.block_id = row.ColumnInt(0);
  b.addressee_number = row.ColumnText(1);
  b.household_number = row.ColumnText(2);
  b.operation = static_cast<GuardedOperation>(row.ColumnInt(3));
  b.level = static_cast<BlockLevel>(row.ColumnInt(4));
  b.start = RequiredDay(row, 5);
  b.end = codec::DecodeDay(row, 6);
  b.reason = row.ColumnText(7);
  b.ended_on = codec::DecodeDay(row, 8);
  b.operator_id = row.ColumnText(9);
  return b;
}

void BindDay(Statement& statement, int index, const std::optional<CalendarDate>& day) {
  statement.Bind(index, codec::EncodeDay(day));
}

}  // namespace

std::vector<Block> SqliteProtectionRegister::BlocksFor(std::string_view addressee_number,
                                                       std::string_view household_number) {
  auto rows = db_.Prepare(std::string(kSelectBlock) +
                          " WHERE (?1 <> '' AND b.addressee_number = ?1) OR "
                          "(?2 <> '' AND b.household_number = ?2) ORDER BY b.block_id");
  rows->Bind(1, addressee_number).Bind(2, household_number);
  std::vector<Block> blocks;
  while (rows->Step()) blocks.push_back(ReadBlock(*rows));
  return blocks;
}

std::optional<Block> SqliteProtectionRegister::GetBlock(int64_t block_id) {
  auto row = db_.Prepare(std::string(kSelectBlock) + " WHERE b.block_id = ?1");
  row->Bind(1, block_id);
  if (!row->Step()) return std::nullopt;
  return ReadBlock(*row);
}

Block SqliteProtectionRegister::AddBlock(Block block) {
  Transaction transaction(db_);
  auto insert = db_.Prepare(
      "INSERT INTO protection_block(addressee_number, household_number, operation, level, "
      "start_date, end_date, reason, operator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  insert->Bind(1, block.addressee_number)
      .Bind(2, block.household_number)
      .Bind(3, static_cast<int>(block.operation))
      .Bind(4, static_cast<int>(block.level))
      .Bind(5, ToIsoString(block.start));
  BindDay(*insert, 6, block.end);
  insert->Bind(7, block.reason).Bind(8, block.operator_id);
  insert->Run();
  block.block_id = db_.LastInsertRowId();
  transaction.Commit();
  return block;
}

Status SqliteProtectionRegister::EndBlock(int64_t block_id, CalendarDate on,
                                          const std::string& operator_id) {
  Transaction transaction(db_);
  auto block = GetBlock(block_id);
  if (!block || block->ended_on) {
    return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  }
  auto insert = db_.Prepare(
      "INSERT INTO protection_block_end(block_id, ended_on, operator_id) VALUES (?1, ?2, ?3)");
  insert->Bind(1, block_id).Bind(2, ToIsoString(on)).Bind(3, operator_id).Run();
  transaction.Commit();
  return {};
}

std::vector<TemporaryRelease> SqliteProtectionRegister::ReleasesFor(std::string_view operator_id,
                                                                    int64_t now_epoch_seconds) {
  auto rows = db_.Prepare(
      "SELECT release_id, block_id, measure_id, granted_to, granted_by, until_epoch, reason "
      "FROM protection_release WHERE granted_to = ?1 AND until_epoch > ?2 ORDER BY release_id");
  rows->Bind(1, operator_id).Bind(2, now_epoch_seconds);
  std::vector<TemporaryRelease> releases;
  while (rows->Step()) {
    TemporaryRelease r;
    r.release_id = rows->ColumnInt(0);
    if (!rows->ColumnIsNull(1)) r.block_id = rows->ColumnInt(1);
    if (!rows->ColumnIsNull(2)) r.measure_id = rows->ColumnInt(2);
    r.granted_to = rows->ColumnText(3);
    r.granted_by = rows->ColumnText(4);
    r.until_epoch_seconds = rows->ColumnInt(5);
    r.reason = rows->ColumnText(6);
    releases.push_back(std::move(r));
  }
  return releases;
}

TemporaryRelease SqliteProtectionRegister::AddRelease(TemporaryRelease release) {
  Transaction transaction(db_);
  auto insert = db_.Prepare(
      "INSERT INTO protection_release(block_id, measure_id, granted_to, granted_by, until_epoch, "
      "reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (release.block_id)
    insert->Bind(1, *release.block_id);
  else
    insert->BindNull(1);
  if (release.measure_id)
    insert->Bind(2, *release.measure_id);
  else
    insert->BindNull(2);
  insert->Bind(3, release.granted_to)
      .Bind(4, release.granted_by)
      .Bind(5, release.until_epoch_seconds)
      .Bind(6, release.reason);
  insert->Run();
  release.release_id = db_.LastInsertRowId();
  transaction.Commit();
  return release;
}

SupportMeasure SqliteProtectionRegister::ReadMeasure(int64_t measure_id, int version) {
  auto row = db_.Prepare(
      "SELECT applicant, kind, state, provisional_start, start_date, end_date, ended_on, "
      "end_reason, "
      "restrict_inspection, restrict_copies, restrict_fuhyo, contact, perpetrator_name, "
      "perpetrator_addressee_number, perpetrator_birth_date, perpetrator_sex, perpetrator_address, "
      "perpetrator_other, transferred_to, transferred_on, original_municipality, received_on, "
      "no_need_notified_on, operator_id FROM support_measure_version "
      "WHERE measure_id = ?1 AND version = ?2");
  row->Bind(1, measure_id).Bind(2, version);
  if (!row->Step()) throw StorageError("storage.failure", "support measure version missing");
  SupportMeasure m;
  m.measure_id = measure_id;
  m.version = version;
  m.applicant = row->ColumnText(0);
  m.kind = static_cast<SupportKind>(row->ColumnInt(1));
  m.state = static_cast<SupportState>(row->ColumnInt(2));
  m.provisional_start = codec::DecodeDay(*row, 3);
  m.start = codec::DecodeDay(*row, 4);
  m.end = codec::DecodeDay(*row, 5);
  m.ended_on = codec::DecodeDay(*row, 6);
  m.end_reason = row->ColumnText(7);
  m.restrict_inspection = row->ColumnInt(8) != 0;
  m.restrict_copies = row->ColumnInt(9) != 0;
  m.restrict_fuhyo = row->ColumnInt(10) != 0;
  m.contact = row->ColumnText(11);
  m.perpetrator_name = row->ColumnText(12);
  m.perpetrator_addressee_number = row->ColumnText(13);
  m.perpetrator_birth_date = row->ColumnText(14);
  m.perpetrator_sex = row->ColumnText(15);
  m.perpetrator_address = row->ColumnText(16);
  m.perpetrator_other = row->ColumnText(17);
  m.transferred_to = row->ColumnText(18);
  m.transferred_on = codec::DecodeDay(*row, 19);
  m.original_municipality = row->ColumnText(20);
  m.received_on = codec::DecodeDay(*row, 21);
  m.no_need_notified_on = codec::DecodeDay(*row, 22);
  m.operator_id = row->ColumnText(23);
  auto people = db_.Prepare(
      "SELECT addressee_number, relation FROM support_measure_person "
      "WHERE measure_id = ?1 AND version = ?2 AND role = 'co_protected' ORDER BY rowid");
  people->Bind(1, measure_id).Bind(2, version);
  while (people->Step()) m.co_protected.push_back({people->ColumnText(0), people->ColumnText(1)});
  return m;
}

std::optional<SupportMeasure> SqliteProtectionRegister::GetMeasure(int64_t measure_id) {
  int version = 0;
  {
    auto latest =
        db_.Prepare("SELECT max(version) FROM support_measure_version WHERE measure_id = ?1");
    latest->Bind(1, measure_id);
    latest->Step();
    if (latest->ColumnIsNull(0)) return std::nullopt;
    version = static_cast<int>(latest->ColumnInt(0));
  }
  return ReadMeasure(measure_id, version);
}

std::vector<SupportMeasure> SqliteProtectionRegister::MeasureHistory(int64_t measure_id) {
  std::vector<int> versions;
  {
    auto rows = db_.Prepare(
        "SELECT version FROM support_measure_version WHERE measure_id = ?1 ORDER BY version");
    rows->Bind(1, measure_id);
    while (rows->Step()) versions.push_back(static_cast<int>(rows->ColumnInt(0)));
  }
  std::vector<SupportMeasure> history;
  for (int v : versions) history.push_back(ReadMeasure(measure_id, v));
  return history;
}

std::vector<SupportMeasure> SqliteProtectionRegister::MeasuresFor(
    std::string_view addressee_number) {
  std::vector<int64_t> ids;
  {
    auto rows = db_.Prepare(
        "SELECT DISTINCT measure_id FROM support_measure_person WHERE addressee_number = ?1 "
        "ORDER BY measure_id");
    rows->Bind(1, addressee_number);
    while (rows->Step()) ids.push_back(rows->ColumnInt(0));
  }
  std::vector<SupportMeasure> measures;
  for (int64_t id : ids) {
    auto latest = GetMeasure(id);
    // A person dropped from a later version is no longer protected by it.
    if (latest && latest->Protects(addressee_number)) measures.push_back(std::move(*latest));
  }
  return measures;
}

std::vector<std::string> SqliteProtectionRegister::ProtectedPersons() {
  // The latest version of each measure not ended (state 4), and the people it names.
  auto rows = db_.Prepare(
      "SELECT DISTINCT p.addressee_number FROM support_measure_version v JOIN "
      "support_measure_person p ON "
      "p.measure_id = v.measure_id AND p.version = v.version WHERE v.state <> 4 AND v.version = "
      "(SELECT max(w.version) FROM support_measure_version w WHERE w.measure_id = v.measure_id) "
      "ORDER BY p.addressee_number");
  std::vector<std::string> persons;
  while (rows->Step()) persons.push_back(rows->ColumnText(0));
  return persons;
}

Result<SupportMeasure> SqliteProtectionRegister::SaveMeasure(SupportMeasure m) {
  Transaction transaction(db_);
  if (m.measure_id == 0) {
    m.measure_id =
        db_.QueryInt("SELECT coalesce(max(measure_id), 0) + 1 FROM support_measure_version");
    m.version = 1;
  } else {
    auto latest = GetMeasure(m.measure_id);
    if (!latest || latest->version + 1 != m.version) {
      return MakeError(ErrorCode::kConflict, "support.stale",
                       "measure " + std::to_string(m.measure_id) + " changed since it was read");
    }
  }
  auto insert = db_.Prepare(
      "INSERT INTO support_measure_version(measure_id, version, applicant, kind, state, "
      "provisional_start, start_date, end_date, ended_on, end_reason, restrict_inspection, "
      "restrict_copies, restrict_fuhyo, contact, perpetrator_name, perpetrator_addressee_number, "
      "perpetrator_birth_date, perpetrator_sex, perpetrator_address, perpetrator_other, "
      "transferred_to, transferred_on, original_municipality, received_on, no_need_notified_on, "
      "operator_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
      "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)");
  insert->Bind(1, m.measure_id)
      .Bind(2, m.version)
      .Bind(3, m.applicant)
      .Bind(4, static_cast<int>(m.kind))
      .Bind(5, static_cast<int>(m.state));
  BindDay(*insert, 6, m.provisional_start);
  BindDay(*insert, 7, m.start);
  BindDay(*insert, 8, m.end);
  BindDay(*insert, 9, m.ended_on);
  insert->Bind(10, m.end_reason)
      .Bind(11, m.restrict_inspection ? 1 : 0)
      .Bind(12, m.restrict_copies ? 1 : 0)
      .Bind(13, m.restrict_fuhyo ? 1 : 0)
      .Bind(14, m.contact)
      .Bind(15, m.perpetrator_name)
      .Bind(16, m.perpetrator_addressee_number)
      .Bind(17, m.perpetrator_birth_date)
      .Bind(18, m.perpetrator_sex)
      .Bind(19, m.perpetrator_address)
      .Bind(20, m.perpetrator_other)
      .Bind(21, m.transferred_to);
  BindDay(*insert, 22, m.transferred_on);
  insert->Bind(23, m.original_municipality);
  BindDay(*insert, 24, m.received_on);
  BindDay(*insert, 25, m.no_need_notified_on);
  insert->Bind(26, m.operator_id);
  insert->Run();
  auto person = [&](const std::string& atena, const char* role, const std::string& relation) {
    auto row = db_.Prepare(
        "INSERT OR IGNORE INTO support_measure_person(measure_id, version, addressee_number, role, "
        "relation) VALUES (?1, ?2, ?3, ?4, ?5)");
    row->Bind(1, m.measure_id)
        .Bind(2, m.version)
        .Bind(3, atena)
        .Bind(4, role)
        .Bind(5, relation)
        .Run();
  };
  person(m.applicant, "applicant", "");
  for (const auto& c : m.co_protected) person(c.addressee_number, "co_protected", c.relation);
  transaction.Commit();
  return m;
}

}  // namespace jrr
