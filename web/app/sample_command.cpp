// SPDX-License-Identifier: Apache-2.0
//
// jrr sample: creates a new register for the fictional municipality 架空市 (990001) and fills it
// with the sample town (domain/sample_town.h): address dictionary, certifier and input place,
// 住民票コード pool, and ten years of 異動.
#include "sample_command.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>
#include <ostream>

#include "jrr/domain/in_memory_resident_repository.h"
#include "jrr/domain/rule_catalog.h"
#include "jrr/domain/storage_error.h"
#include "jrr/domain/sample_town.h"
#include "jrr/persistence/sqlite_cs_exchange.h"
#include "jrr/persistence/sqlite_fuhyo.h"
#include "jrr/persistence/sqlite_seal_register.h"
#include "jrr/persistence/migrations.h"
#include "jrr/persistence/resident_record_code_pool.h"
#include "jrr/persistence/sqlite_address_dictionary.h"
#include "jrr/persistence/sqlite_municipality_repository.h"
#include "jrr/persistence/sqlite_register_settings.h"
#include "jrr/domain/resident_access.h"
#include "jrr/persistence/sqlite_audit_log.h"
#include "jrr/persistence/sqlite_protection_register.h"
#include "jrr/persistence/sqlite_resident_repository.h"
#include "jrr/persistence/sqlite_search_index.h"

namespace jrr::embedded {
std::string_view sample_surnames_tsv();
std::string_view sample_given_names_tsv();
std::string_view sample_foreign_names_tsv();
std::string_view sample_address_dictionary_tsv();
}  // namespace jrr::embedded

namespace jrr::app {

namespace {

// A few 支援措置 and 抑止 so the town shows what protection looks like (JK-3.1, 3.4): about one
// household in a thousand where a 妻 asked for a 支援措置 with her children (one of them still a
// 仮支援措置), and one household under a 照会 アラート. Chosen by 宛名番号 order, so the same seed
// gives the same town; the people, like everyone in the town, are fictional.
Status AddSampleProtections(Database& db) {
  const std::string processed = [&] {
    auto last = db.Prepare("SELECT max(processing_date) FROM change_record");
    last->Step();
    return last->ColumnIsNull(0) ? std::string("2026-11-27") : last->ColumnText(0);
  }();
  const CalendarDate today = *ParseIsoDate(processed);
  Viewer sample{"sample", "本庁", "SAMPLE", AllPermissions(), today, 0};
  SqliteProtectionRegister protections(db);
  SqliteAuditLog log(db);
  ProtectionDesk desk(protections, log, sample);
  std::vector<std::pair<std::string, std::string>> wives;  // 宛名番号, 世帯番号
  {
    auto rows = db.Prepare(
        "SELECT v.addressee_number, v.household_number FROM resident_version v WHERE v.status = 1 "
        "AND v.relationship = '妻' AND v.history_number = (SELECT max(w.history_number) FROM "
        "resident_version w WHERE w.addressee_number = v.addressee_number) ORDER BY v.addressee_number");
    while (rows->Step()) wives.emplace_back(rows->ColumnText(0), rows->ColumnText(1));
  }
  if (wives.empty()) return {};
  const std::size_t measures = std::max<std::size_t>(1, wives.size() / 500);
  const std::size_t step = wives.size() / measures;
  for (std::size_t n = 0; n < measures; ++n) {
    const auto& [wife, household] = wives[n * step];
    SupportMeasure m;
    m.applicant = wife;
    auto children = db.Prepare(
        "SELECT v.addressee_number FROM resident_version v WHERE v.household_number = ?1 AND "
        "v.status = 1 AND v.relationship = '子' AND v.history_number = (SELECT max(w.history_number) "
        "FROM resident_version w WHERE w.addressee_number = v.addressee_number) ORDER BY 1");
    children->Bind(1, household);
    while (children->Step()) m.co_protected.push_back({children->ColumnText(0), "子"});
    m.kind = SupportKind::kDomesticViolence;
    m.state = n % 3 == 2 ? SupportState::kProvisional : SupportState::kInForce;
    m.start = today;
    m.perpetrator_name = "（架空の加害者）";
    m.perpetrator_other = "サンプルデータ";
    if (auto added = desk.Register(m); !added) return added.error();
  }
  Block block;
  block.household_number = wives.back().second;
  block.operation = GuardedOperation::kView;
  block.level = BlockLevel::kAlert;
  block.start = today;
  block.reason = "サンプル: 照会時に確認を求める";
  if (auto added = desk.AddBlock(block); !added) return added.error();
  return {};
}

}  // namespace

namespace {

// The town's own dictionary, in memory, for the bulk path: the same areas the file holds.
class ListDictionary final : public AddressDictionary {
 public:
  explicit ListDictionary(const std::vector<AddressArea>& areas) {
    for (const AddressArea& area : areas) areas_[area.address_code] = area;
  }
  bool Loaded() override { return true; }
  std::optional<AddressArea> Find(std::string_view code) override {
    auto it = areas_.find(std::string(code));
    return it == areas_.end() ? std::nullopt : std::optional<AddressArea>(it->second);
  }
  std::vector<KatagakiEntry> KatagakiFor(std::string_view, std::string_view) override { return {}; }

 private:
  std::unordered_map<std::string, AddressArea> areas_;
};

}  // namespace

Result<SampleSummary> CreateSampleRegister(const std::string& path, int residents, uint64_t seed,
                                           std::ostream& progress, SamplePath how) {
  if (std::filesystem::exists(path)) {
    return MakeError(ErrorCode::kConflict, "sample.register_not_empty", path + " exists");
  }
  auto lists = ParseSampleLists(embedded::sample_surnames_tsv(), embedded::sample_given_names_tsv(),
                                embedded::sample_foreign_names_tsv(),
                                embedded::sample_address_dictionary_tsv());
  if (!lists) return lists.error();
  const auto started = std::chrono::steady_clock::now();
  if (std::filesystem::path(path).has_parent_path()) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  }
  Database db(path);
  Migrate(db);
  SqliteMunicipalityRepository municipality(db);
  if (auto ok = InitializeRegister(municipality, "990001", "架空市"); !ok) return ok.error();
  if (auto ok = ImportAddressDictionary(db, "990001", embedded::sample_address_dictionary_tsv()); !ok) {
    return ok.error();
  }
  SqliteRegisterSettings settings(db);
  settings.AddPlace({"HONCHO", "本庁"});
  settings.AddCertifier({CertifierRole::kMayor, "架空市長", "架空　太郎", {2016, 4, 1}, std::nullopt});

  // The town is built in one go: durability per 異動 is pointless while generating (a failed run
  // is simply deleted), so the build runs with synchronous=OFF and the file is synced at the end.
  db.Execute("PRAGMA synchronous=OFF");
  // The indexes of resident_version are written in random order; with SQLite's default 2 MB page
  // cache a large town would spend its time re-reading index pages.
  db.Execute("PRAGMA cache_size=-524288");  // 512 MiB, for this build only
  SqliteResidentRepository register_repository(db);
  SqliteAddressDictionary register_dictionary(db);
  // Bulk: the same 異動 checked in memory, each written with Append's own inserts.
  InMemoryResidentRepository memory_repository([&db](const ChangeOutcome& outcome) {
    if (InsertChangeRow(db, outcome.change) != outcome.change.change_id) {
      throw StorageError("storage.failure", "bulk load out of step with the change ids");
    }
    for (const ResidentRecord& v : outcome.versions) {
      InsertVersionRow(db, v, outcome.change.change_id, /*index=*/false);
    }
    RecordChangeInAuditLog(db, outcome.change, outcome.versions);
    // What Append does in the same transaction: the couplings to 印鑑登録 and 戸籍の附票.
    ApplySealEffects(db, outcome);
    ApplyFuhyoEffects(db, outcome);
    if (auto sent = ApplyCsEffects(db, outcome); !sent) throw StorageError("storage.failure", sent.error().rule_id);
  });
  ListDictionary memory_dictionary(lists->areas);
  ResidentRepository& residents_repository =
      how == SamplePath::kBulk ? static_cast<ResidentRepository&>(memory_repository) : register_repository;
  AddressDictionary& dictionary =
      how == SamplePath::kBulk ? static_cast<AddressDictionary&>(memory_dictionary) : register_dictionary;
  SampleOptions options;
  options.residents = residents;
  options.seed = seed;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  // In bulk, reads are served from memory, so the secondary indexes of the history are not needed
  // while loading: they are dropped and rebuilt once at the end from their own definitions (a sort
  // instead of millions of random B-tree inserts). The schema ends up identical.
  std::vector<std::string> deferred_indexes;
  if (how == SamplePath::kBulk) {
    std::vector<std::string> names;
    {
      auto list = db.Prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND "
          "tbl_name IN ('resident_version', 'change_record') ORDER BY name");
      while (list->Step()) {
        names.push_back(list->ColumnText(0));
        deferred_indexes.push_back(list->ColumnText(1));
      }
    }
    for (const std::string& name : names) db.Execute("DROP INDEX " + name);
  }
  // Groups of 異動 share one commit (each is still all or nothing, as a savepoint).
  db.Execute("BEGIN IMMEDIATE");
  options.progress = [&](int64_t done, int64_t target) {
    db.Execute("COMMIT");
    db.Execute("BEGIN IMMEDIATE");
    if (!terminal) return;
    const int64_t percent = target > 0 ? std::min<int64_t>(100, done * 100 / target) : 100;
    progress << "\r  [" << std::string(static_cast<std::size_t>(percent / 5), '#')
             << std::string(static_cast<std::size_t>(20 - percent / 5), '.') << "] " << done << " 人"
             << std::flush;
  };
  auto report = BuildSampleTown(residents_repository, &dictionary, *lists, options);
  if (terminal) progress << "\r" << std::string(60, ' ') << "\r" << std::flush;
  if (!report) {
    db.Execute("ROLLBACK");
    return report.error();
  }
  db.Execute("COMMIT");
  // The pool: every code handed out, and spares for the clerks' own 異動 (JK-4.3.1).
  std::vector<std::string> pool = report->codes_used;
  SampleRandom spare_random(seed ^ 0x73706172655F5F5FULL);
  std::unordered_set<std::string> seen(pool.begin(), pool.end());
  while (pool.size() < report->codes_used.size() + static_cast<std::size_t>(residents / 10 + 100)) {
    std::string code = SampleResidentRecordCode(spare_random);
    if (seen.insert(code).second) pool.push_back(code);
  }
  if (auto ok = ImportResidentRecordCodes(db, pool); !ok) return ok.error();
  if (how == SamplePath::kBulk) {
    Transaction indexing(db);
    BuildSearchIndexInBulk(db);
    indexing.Commit();
  }
  for (const std::string& sql : deferred_indexes) db.Execute(sql);
  // After the indexes are back: it looks people up by household.
  if (auto ok = AddSampleProtections(db); !ok) return ok.error();
  {
    // The 2022 and 2024 amendments' items, recorded 職権 for the members then on the town's 附票
    // (a fixed date, so a seed still fixes the town).
    Transaction amendments(db);
    AddFuhyoItemsInForce(db, kResidentCodeSince);
    amendments.Commit();
  }
  db.Execute("PRAGMA synchronous=FULL");
  db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");

  SampleSummary summary;
  summary.changes = report->changes;
  const RegisterFigures figures = CountRegister(db);
  summary.residents = figures.residents;
  summary.removed = figures.removed;
  summary.versions = db.QueryInt("SELECT count(*) FROM resident_version");
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace jrr::app
