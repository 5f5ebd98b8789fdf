// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/register/migrations.h"

#include <array>
#include <string>
#include <vector>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"
#include "jrr/persistence/records/sqlite_search_index.h"

namespace jrr::embedded {
std::string_view schema_0001_register_sql();
std::string_view schema_0002_resident_register_sql();
std::string_view schema_0003_pending_change_sql();
std::string_view schema_0004_resident_record_code_pool_sql();
std::string_view schema_0005_lookup_indexes_sql();
std::string_view schema_0006_edit_lease_sql();
std::string_view schema_0007_address_dictionary_sql();
std::string_view schema_0008_register_settings_sql();
std::string_view schema_0009_change_supersedes_sql();
std::string_view schema_0010_remarks_memos_sql();
std::string_view schema_0011_audit_log_sql();
std::string_view schema_0012_protection_sql();
std::string_view schema_0013_search_index_sql();
std::string_view schema_0014_staff_sql();
std::string_view schema_0015_issuance_sql();
std::string_view schema_0016_household_order_sql();
std::string_view schema_0017_seal_registration_sql();
std::string_view schema_0018_fuhyo_sql();
std::string_view schema_0019_fuhyo_issuance_sql();
std::string_view schema_0020_fuhyo_kana_protection_sql();
std::string_view schema_0021_fuhyo_event_index_sql();
std::string_view schema_0022_api_token_sql();
std::string_view schema_0023_change_on_request_sql();
std::string_view schema_0024_last_registered_address_sql();
std::string_view schema_0025_cs_exchange_sql();
std::string_view schema_0026_search_text_distinct_sql();
std::string_view schema_0027_banchi_master_sql();
std::string_view schema_0028_search_key_number_kinds_sql();
std::string_view schema_0029_fuhyo_member_split_sql();
std::string_view schema_0030_staff_security_sql();
std::string_view schema_0031_resident_domicile_name_sql();
std::string_view schema_0032_undated_member_by_name_key_sql();
std::string_view schema_0033_kana_fold_chi_tsu_sql();
}  // namespace jrr::embedded

namespace jrr {
namespace {

void SplitFuhyoMembersStep(Database& db) { SplitMergedFuhyoMembers(db); }
void BackfillSearchIndexStep(Database& db) { BackfillSearchIndex(db); }

}  // namespace

std::span<const Migration> AllMigrations() {
  static const std::array kMigrations = {
      Migration{1, "register", embedded::schema_0001_register_sql()},
      Migration{2, "resident_register", embedded::schema_0002_resident_register_sql()},
      Migration{3, "pending_change", embedded::schema_0003_pending_change_sql()},
      Migration{4, "resident_record_code_pool",
                embedded::schema_0004_resident_record_code_pool_sql()},
      Migration{5, "lookup_indexes", embedded::schema_0005_lookup_indexes_sql()},
      Migration{6, "edit_lease", embedded::schema_0006_edit_lease_sql()},
      Migration{7, "address_dictionary", embedded::schema_0007_address_dictionary_sql()},
      Migration{8, "register_settings", embedded::schema_0008_register_settings_sql()},
      Migration{9, "change_supersedes", embedded::schema_0009_change_supersedes_sql()},
      Migration{10, "remarks_memos", embedded::schema_0010_remarks_memos_sql()},
      Migration{11, "audit_log", embedded::schema_0011_audit_log_sql()},
      Migration{12, "protection", embedded::schema_0012_protection_sql()},
      Migration{13, "search_index", embedded::schema_0013_search_index_sql(),
                BackfillSearchIndexStep},
      Migration{14, "staff", embedded::schema_0014_staff_sql()},
      Migration{15, "issuance", embedded::schema_0015_issuance_sql()},
      Migration{16, "household_order", embedded::schema_0016_household_order_sql()},
      Migration{17, "seal_registration", embedded::schema_0017_seal_registration_sql()},
      Migration{18, "fuhyo", embedded::schema_0018_fuhyo_sql()},
      Migration{19, "fuhyo_issuance", embedded::schema_0019_fuhyo_issuance_sql()},
      Migration{20, "fuhyo_kana_protection", embedded::schema_0020_fuhyo_kana_protection_sql()},
      Migration{21, "fuhyo_event_index", embedded::schema_0021_fuhyo_event_index_sql()},
      Migration{22, "api_token", embedded::schema_0022_api_token_sql()},
      Migration{23, "change_on_request", embedded::schema_0023_change_on_request_sql()},
      Migration{24, "last_registered_address", embedded::schema_0024_last_registered_address_sql()},
      Migration{25, "cs_exchange", embedded::schema_0025_cs_exchange_sql()},
      Migration{26, "search_text_distinct", embedded::schema_0026_search_text_distinct_sql()},
      Migration{27, "banchi_master", embedded::schema_0027_banchi_master_sql()},
      Migration{28, "search_key_number_kinds", embedded::schema_0028_search_key_number_kinds_sql()},
      Migration{29, "fuhyo_member_split", embedded::schema_0029_fuhyo_member_split_sql(),
                SplitFuhyoMembersStep},
      Migration{30, "staff_security", embedded::schema_0030_staff_security_sql()},
      Migration{31, "resident_domicile_name", embedded::schema_0031_resident_domicile_name_sql()},
      Migration{32, "undated_member_by_name_key",
                embedded::schema_0032_undated_member_by_name_key_sql()},
      Migration{33, "kana_fold_chi_tsu", embedded::schema_0033_kana_fold_chi_tsu_sql(),
                RebuildKanaKeys},
  };
  return kMigrations;
}

int LatestSchemaVersion() { return AllMigrations().back().version; }

int SchemaVersion(Database& db) { return static_cast<int>(db.QueryInt("PRAGMA user_version")); }

void Migrate(Database& db) {
  const int current = SchemaVersion(db);
  if (current > LatestSchemaVersion()) {
    throw StorageError("storage.schema_too_new",
                       "database " + db.path() + " has schema version " + std::to_string(current) +
                           ", newer than this build's " + std::to_string(LatestSchemaVersion()));
  }
  if (current == LatestSchemaVersion()) return;
  // Every pending migration in one transaction: a register is upgraded whole or not at all. The
  // code steps (backfills) run after all the SQL, because they read and write through today's
  // codec, which knows the columns the later migrations add.
  Transaction transaction(db);
  std::vector<const Migration*> steps;
  for (const Migration& migration : AllMigrations()) {
    if (migration.version <= current) continue;
    db.Execute(migration.sql);
    if (migration.step != nullptr) steps.push_back(&migration);
    auto record = db.Prepare("INSERT INTO schema_migration(version, name) VALUES (?1, ?2)");
    record->Bind(1, migration.version).Bind(2, migration.name).Run();
  }
  for (const Migration* migration : steps) migration->step(db);
  db.Execute("PRAGMA user_version = " + std::to_string(LatestSchemaVersion()));
  transaction.Commit();
}

}  // namespace jrr
