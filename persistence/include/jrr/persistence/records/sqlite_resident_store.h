// SPDX-License-Identifier: Apache-2.0
//
// The 住民記録 on SQLite (schema 0002): SqliteResidentStore. Append() is one BEGIN IMMEDIATE
// transaction that checks the read set (optimistic concurrency: no lost update), allocates 宛名番号
// and 世帯番号 for newcomers (the next issuable serial after the highest ever used, so numbers are
// never reused), and inserts the change and its versions; any failure rolls everything back.
// It records the 住民記録 alone: what a 異動 causes in 印鑑登録, 附票, 支援措置 and CS is added in the
// same transaction by SqliteResidentRepository (persistence/coupling), which every writer uses.
#pragma once

#include "jrr/domain/records/register_figures.h"
#include "jrr/domain/records/resident_repository.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/protection/sqlite_protection_register.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {

class SqliteResidentStore : public ResidentRepository {
 public:
  explicit SqliteResidentStore(Database& db) : db_(db), protections_(db) {}

  std::optional<ResidentRecord> Latest(std::string_view addressee_number) override;
  std::vector<ResidentRecord> HouseholdMembers(std::string_view household_number) override;
  std::vector<ResidentRecord> HouseholdLatest(std::string_view household_number) override;
  std::vector<ResidentRecord> ResidentsInArea(std::string_view area, std::size_t limit) override;
  Result<ChangeOutcome> Append(ChangeRecord change, std::vector<ResidentRecord> versions,
                               const std::vector<VersionStamp>& read_set) override;
  std::optional<ResidentRecord> AsOf(std::string_view addressee_number,
                                     const AsOfQuery& query) override;
  std::vector<HistoryEntry> History(std::string_view addressee_number) override;
  std::optional<int64_t> PendingChangeFor(std::string_view addressee_number) override;
  std::optional<ChangeRecord> Change(int64_t change_id) override;
  std::vector<ResidentRecord> VersionsOfChange(int64_t change_id) override;
  std::optional<ResidentRecord> Version(std::string_view addressee_number,
                                        int history_number) override;
  std::vector<ResidentRecord> FindByNumber(std::string_view number) override;
  std::optional<std::string> EditLeaseHolder(std::string_view addressee_number,
                                             int64_t now_epoch_seconds) override;
  std::vector<ResidentRecord> AwaitingMoveInNotice(CalendarDate removed_by,
                                                   std::size_t limit) override;
  std::vector<ResidentRecord> FindRemovedByBasicFacts(std::string_view family_name,
                                                      std::string_view given_name, Sex sex,
                                                      CalendarDate birth_date) override;
  std::vector<ResidentRecord> FindByBasicFacts(std::string_view family_name,
                                               std::string_view given_name, Sex sex,
                                               CalendarDate birth_date) override;
  ProtectionRegister& Protections() override { return protections_; }
  // In one query: the versions of everyone an active measure protects.
  std::vector<ProtectedPersonFacts> ProtectedPeople(CalendarDate today) override;

 protected:
  Database& db_;

 private:
  SqliteProtectionRegister protections_;
};

// The rows of one recorded 異動, as Append writes them after its checks and number allocation
// (schema 0002/0009): the change record (returns its change_id) and each version. For a bulk
// loader that has already run the same checks (the sample town); call inside a transaction.
int64_t InsertChangeRow(Database& db, const ChangeRecord& change);
// With `index` false the version is not added to the search index: a bulk loader then collects
// the keys in a BulkSearchIndex and inserts them once at the end. `keys`, when given, are the version's NameKeysOf,
// computed elsewhere (a bulk loader's other thread); otherwise they are computed here.
struct VersionNameKeys {
  std::string kana;   // resident_version.kana_key
  std::string kanji;  // resident_version.kanji_key
};
VersionNameKeys NameKeysOf(const ResidentRecord& version);
void InsertVersionRow(Database& db, const ResidentRecord& version, int64_t change_id,
                      bool index = true, const VersionNameKeys* keys = nullptr);
// The アクセスログ entry of a recorded 異動 (JK-10.2: 異動入力), written by Append in the same
// transaction; the bulk loader calls it too, after the change's versions.
// `before`, when given, holds the version each of `versions` replaced (nullopt: read it);
// `head`, when given, the log's chain head (AppendAuditEntry).
void RecordChangeInAuditLog(Database& db, const ChangeRecord& change,
                            const std::vector<ResidentRecord>& versions,
                            const std::vector<std::optional<ResidentRecord>>* before = nullptr,
                            AuditChainHead* head = nullptr);

// Counts the register (see RegisterFigures) in one scan of the latest versions.
RegisterFigures CountRegister(Database& db);

// EditLeases on SQLite (schema 0006, table edit_lease).
class SqliteEditLeases final : public EditLeases {
 public:
  explicit SqliteEditLeases(Database& db) : db_(db) {}
  Status Acquire(const std::vector<std::string>& persons, std::string_view operator_id,
                 int64_t now_epoch_seconds, int64_t ttl_seconds) override;
  void Release(const std::vector<std::string>& persons, std::string_view operator_id) override;

 private:
  Database& db_;
};

}  // namespace jrr
