// SPDX-License-Identifier: Apache-2.0
//
// jrr sample: creates a new register for the fictional municipality 架空市 (990001) and fills it
// with the sample town (domain/sample_town.h): address dictionary, certifier and input place,
// 住民票コード pool, and ten years of 異動.
#include "sample_command.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <thread>
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
#include "jrr/domain/seal_desk.h"
#include "jrr/forms/seal_image.h"
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
// The town's "today": the processing day of its last 異動.
CalendarDate SampleToday(Database& db) {
  auto last = db.Prepare("SELECT max(processing_date) FROM change_record");
  last->Step();
  return *ParseIsoDate(last->ColumnIsNull(0) ? std::string("2026-11-27") : last->ColumnText(0));
}

Status AddSampleProtections(Database& db) {
  const CalendarDate today = SampleToday(db);
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

// 印鑑登録 for part of the town's adults (issue 9; JK-印鑑 module, docs/seal_registration.md):
// every `every`-th living resident aged 20 or more, not 成年被後見人, at most `most` of them,
// registered in person with a photo ID, each with a round 印影 of their 氏 drawn for them at
// 200 dpi — a different size and tilt each, so impressions rarely share pixels (the desk refuses an
// exact duplicate; that person then goes without). Through the 印鑑登録 desk itself, so every rule
// and log entry is the counter's. Chosen by 宛名番号 order and drawn from `seed`, so the same seed
// gives the same registrations. Drawing and measuring an impression costs a few milliseconds,
// hence the cap.
Status AddSampleSeals(Database& db, uint64_t seed, int every, int most) {
  const CalendarDate today = SampleToday(db);
  const CalendarDate adult_since{today.year - 20, today.month, std::min(today.day, 28)};
  std::vector<std::pair<std::string, std::string>> adults;  // 宛名番号, 氏
  {
    auto rows = db.Prepare(
        "SELECT v.addressee_number, v.family_name FROM resident_version v WHERE v.status = 1 AND "
        "v.adult_ward = 0 AND v.birth_date_sort <= ?1 AND v.history_number = (SELECT max(w.history_number) "
        "FROM resident_version w WHERE w.addressee_number = v.addressee_number) ORDER BY v.addressee_number");
    rows->Bind(1, ToIsoString(adult_since));
    while (rows->Step()) adults.emplace_back(rows->ColumnText(0), rows->ColumnText(1));
  }
  Viewer sample{"sample", "本庁", "SAMPLE", AllPermissions(), today, 0};
  SqliteResidentRepository residents(db);
  SqliteSealRegister seals(db);
  SqliteAuditLog log(db);
  SealDesk desk(residents, seals, log, SqliteRegisterSettings(db).GetSealSettings(), sample);
  SampleRandom random(seed ^ 0x5345414C5F5F5F5FULL);
  int drawn = 0;
  for (std::size_t i = 0; i < adults.size() && drawn < most; i += static_cast<std::size_t>(every), ++drawn) {
    const auto& [person, family_name] = adults[i];
    const double diameter = 10.0 + static_cast<double>(random.Below(80)) / 10.0;  // 10.0–17.9 mm
    const double tilt = static_cast<double>(random.Below(3600)) / 10.0;
    auto measured = forms::MeasureImpression(forms::DrawSampleImpression(diameter, 200, family_name, tilt), 200);
    if (!measured) return measured.error();
    SealApplication a;
    a.addressee_number = person;
    a.route = SealRoute::kPhotoId;
    a.id_document = "運転免許証";
    a.material_attested = true;
    a.legibility_attested = true;
    a.impression = measured->measure;
    a.impression_png = measured->png;
    if (auto registered = desk.Apply(a); !registered) {
      if (registered.error().rule_id == "seal.duplicate") continue;
      return registered.error();
    }
  }
  return {};
}

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

// A failed build leaves what it committed; the group in progress, if any, goes.
void RollBackIfOpen(Database& db) {
  if (db.InTransaction()) db.Execute("ROLLBACK");
}

void RemoveSideFile(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

// The file beside a register into which the generator's core writes, once the town is made, the
// rows that need no 異動 order (the search keys) while the writer thread finishes the history: a
// register of the same schema, so that CopySideRows's INSERT … SELECT moves whole records into
// the empty table without decoding them.
struct SideFile {
  // A file left by a run that was killed is stale: it starts afresh.
  explicit SideFile(const std::string& path) : db((RemoveSideFile(path), path)) {
    Migrate(db);
    db.Execute("PRAGMA synchronous=OFF");
    db.Execute("PRAGMA cache_size=-262144");  // 256 MiB, for this build only
  }
  Database db;
};

// Copies the side file's search keys into the register's empty search_key (SQLite's transfer of a
// whole table into an empty one of the same definition), adds the trigram index's values from `keys`,
// and removes the side file.
void CopySideRows(Database& db, const std::string& side_path, BulkSearchIndex& keys) {
  db.Prepare("ATTACH DATABASE ?1 AS side")->Bind(1, side_path).Run();
  {
    Transaction copy(db);
    db.Execute("INSERT INTO main.search_key SELECT * FROM side.search_key");
    keys.InsertTextValues(db);
    copy.Commit();
  }
  db.Execute("DETACH DATABASE side");
  RemoveSideFile(side_path);
}

// The bulk path's second core: the generator hands each recorded 異動 over and goes on with the
// next, while this thread writes them, in the same order, with the inserts Append makes (and the
// couplings it runs in the same transaction). Commit points travel in the same queue, so a commit
// always falls between two 異動 (every kCommitPointsPerCommit-th point the generator offers). A
// failure stops the writing; the rest of the queue is drained so the generator never blocks, and
// Finish rethrows it (the caller rolls back the open group, as the one-thread path does).
class BulkWriter {
 public:
  // `keys` is filled on the generator's thread, `fuhyo` on the writer's; both outlive the writer.
  // `finish` runs on the writer's thread once every 異動 is written and committed, while the
  // generator's thread fills the side file: the work that needs the history alone.
  BulkWriter(Database& db, BulkSearchIndex& keys, FuhyoWorkingSet& fuhyo, std::function<Status()> finish)
      : db_(db), keys_(keys), fuhyo_(fuhyo), finish_(std::move(finish)), thread_([this] { Run(); }) {}
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;
  ~BulkWriter() {
    if (thread_.joinable()) {
      Close(false);
      thread_.join();
    }
  }

  // On the generator's thread: the search keys are collected here, which balances the two cores.
  // `before`: what InMemoryResidentRepository handed over, so the writer need not read it back.
  void Push(const ChangeOutcome& outcome, std::vector<std::optional<ResidentRecord>> before) {
    for (const ResidentRecord& v : outcome.versions) keys_.Add(v);
    Hand(Item{outcome, std::move(before)});
  }
  void CommitPoint() { Hand(Item{std::nullopt, {}}); }

  // On the generator's thread, once the town is made (`generated`: without an error): the writer
  // finishes the queue — then, if generated, commits and runs `finish` — while this thread writes
  // the search keys into `side`, a file of the register's schema
  // (CopySideRows then copies them in). Waits for the writer; rethrows its failure. Without
  // `generated`, the last group is left uncommitted for the caller to roll back.
  Status Finish(Database& side, bool generated) {
    Close(generated);
    try {
      Transaction transaction(side);
      keys_.InsertKeys(side);
      transaction.Commit();
    } catch (...) {
      thread_.join();
      throw;
    }
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
    return finished_;
  }

 private:
  struct Item {
    std::optional<ChangeOutcome> outcome;  // none: commit here
    std::vector<std::optional<ResidentRecord>> before;
  };
  static constexpr std::size_t kBatch = 64;
  static constexpr std::size_t kMaxQueued = 64;  // batches: bounds the memory the queue holds
  // A commit writes every page the group dirtied; pages of the history's indexes are dirtied again
  // by the next group, so larger groups write less (measured: 1,585 commits of a 1M town, 12 s).
  static constexpr int kCommitPointsPerCommit = 16;

  void Hand(Item item) {
    batch_.push_back(std::move(item));
    if (batch_.size() >= kBatch) Flush();
  }
  void Flush() {
    if (batch_.empty()) return;
    std::unique_lock lock(mutex_);
    space_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
    queue_.push_back(std::move(batch_));
    batch_.clear();
    ready_.notify_one();
  }
  void Close(bool finish) {
    Flush();
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      run_finish_ = finish;
    }
    ready_.notify_one();
  }

  void Run() {
    for (;;) {
      std::vector<Item> items;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return closed_ || !queue_.empty(); });
        if (queue_.empty()) break;
        items = std::move(queue_.front());
        queue_.pop_front();
      }
      space_.notify_one();
      if (failure_) continue;
      try {
        for (const Item& item : items) {
          if (item.outcome) {
            Write(*item.outcome, item.before);
          } else if (++commit_points_ % kCommitPointsPerCommit == 0) {
            db_.Execute("COMMIT");
            db_.Execute("BEGIN IMMEDIATE");
          }
        }
      } catch (...) {
        failure_ = std::current_exception();
      }
    }
    if (failure_ || !run_finish_) return;  // run_finish_ was set before closed_, under the lock
    try {
      db_.Execute("COMMIT");
      finished_ = finish_();
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  void Write(const ChangeOutcome& outcome, const std::vector<std::optional<ResidentRecord>>& before) {
    if (InsertChangeRow(db_, outcome.change) != outcome.change.change_id) {
      throw StorageError("storage.failure", "bulk load out of step with the change ids");
    }
    for (const ResidentRecord& v : outcome.versions) {
      InsertVersionRow(db_, v, outcome.change.change_id, /*index=*/false);
    }
    RecordChangeInAuditLog(db_, outcome.change, outcome.versions, &before);
    // What Append does in the same transaction: the couplings to 印鑑登録, 戸籍の附票 and the CS.
    ApplySealEffects(db_, outcome);
    ApplyFuhyoEffects(db_, outcome, &before, &fuhyo_);
    if (auto sent = ApplyCsEffects(db_, outcome); !sent) throw StorageError("storage.failure", sent.error().rule_id);
  }

  Database& db_;
  BulkSearchIndex& keys_;   // the generator's side
  FuhyoWorkingSet& fuhyo_;  // the writer's: the town's current 附票, as written
  std::vector<Item> batch_;  // the generator's side
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable space_;
  std::deque<std::vector<Item>> queue_;
  bool closed_ = false;
  std::function<Status()> finish_;
  bool run_finish_ = false;     // set with closed_
  std::exception_ptr failure_;  // set by the writer thread; read after join
  Status finished_;             // finish_'s, read after join
  int commit_points_ = 0;       // the writer thread's
  std::thread thread_;          // last: starts once the members above exist
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
  // JRR_SAMPLE_PHASES=1: when each phase of the build ended, in seconds from the start, for
  // docs/performance.md (like JRR_SQL_PROFILE, a measuring aid; off by default).
  const bool show_phases = std::getenv("JRR_SAMPLE_PHASES") != nullptr;
  auto phase = [&](const char* name) {
    if (!show_phases) return;
    progress << "  " << name << ": "
             << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() << " s\n"
             << std::flush;
  };
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
  // Bulk: the same 異動 checked in memory; a second thread writes each with Append's own inserts.
  BulkSearchIndex bulk_keys;
  FuhyoWorkingSet bulk_fuhyo;
  std::optional<BulkWriter> writer;  // after what it uses: joined before they go
  InMemoryResidentRepository memory_repository(
      [&writer](const ChangeOutcome& outcome, std::vector<std::optional<ResidentRecord>>& before) {
        writer->Push(outcome, std::move(before));
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
  // What needs the history alone: its indexes back (AddSampleProtections looks people up by
  // household), a few 支援措置, and the 2022 and 2024 amendments' items, recorded 職権 for the members
  // then on the town's 附票 (a fixed date, so a seed still fixes the town). In bulk, the writer's
  // thread does it while this one writes the side file.
  std::vector<std::string> pool;  // filled once the town is made, before finish_history runs
  constexpr int kSealEvery = 10;   // one adult in ten holds a registered seal,
  constexpr int kSealMost = 1000;  // up to 1,000 of them (a few ms each)
  auto finish_history = [&]() -> Status {
    phase("history written");
    if (auto ok = ImportResidentRecordCodes(db, pool); !ok) return ok.error();
    // The sorter of CREATE INDEX may use a second core.
    db.Execute("PRAGMA threads=2");
    for (const std::string& sql : deferred_indexes) db.Execute(sql);
    phase("indexes built");
    if (auto ok = AddSampleProtections(db); !ok) return ok.error();
    if (auto ok = AddSampleSeals(db, seed, kSealEvery, kSealMost); !ok) return ok.error();
    Transaction amendments(db);
    AddFuhyoItemsInForce(db, kResidentCodeSince, how == SamplePath::kBulk ? &bulk_fuhyo : nullptr);
    amendments.Commit();
    phase("protections and 附票 items added");
    return {};
  };
  // Groups of 異動 share one commit (each is still all or nothing, as a savepoint).
  db.Execute("BEGIN IMMEDIATE");
  if (how == SamplePath::kBulk) writer.emplace(db, bulk_keys, bulk_fuhyo, [&] { return finish_history(); });
  options.progress = [&](int64_t done, int64_t target) {
    if (writer) {
      writer->CommitPoint();
    } else {
      db.Execute("COMMIT");
      db.Execute("BEGIN IMMEDIATE");
    }
    if (!terminal) return;
    const int64_t percent = target > 0 ? std::min<int64_t>(100, done * 100 / target) : 100;
    progress << "\r  [" << std::string(static_cast<std::size_t>(percent / 5), '#')
             << std::string(static_cast<std::size_t>(20 - percent / 5), '.') << "] " << done << " 人"
             << std::flush;
  };
  auto report = BuildSampleTown(residents_repository, &dictionary, *lists, options);
  phase("generated (bulk: the writer may still be behind)");
  if (terminal) progress << "\r" << std::string(60, ' ') << "\r" << std::flush;
  // The pool: every code handed out, and spares for the clerks' own 異動 (JK-4.3.1).
  if (report) {
    pool = report->codes_used;
    SampleRandom spare_random(seed ^ 0x73706172655F5F5FULL);
    std::unordered_set<std::string> seen(pool.begin(), pool.end());
    while (pool.size() < report->codes_used.size() + static_cast<std::size_t>(residents / 10 + 100)) {
      std::string code = SampleResidentRecordCode(spare_random);
      if (seen.insert(code).second) pool.push_back(code);
    }
  }
  const std::string side_path = path + ".side";
  if (writer) {
    Status finished;
    try {
      SideFile side(side_path);
      finished = writer->Finish(side.db, report.has_value());
    } catch (...) {
      writer.reset();
      RollBackIfOpen(db);
      RemoveSideFile(side_path);
      throw;
    }
    writer.reset();
    phase("side file written");
    if (!finished || !report) {
      RollBackIfOpen(db);
      RemoveSideFile(side_path);
      return !report ? report.error() : finished.error();
    }
    CopySideRows(db, side_path, bulk_keys);
    phase("search keys copied");
  } else {
    if (!report) {
      db.Execute("ROLLBACK");
      return report.error();
    }
    db.Execute("COMMIT");
    if (auto ok = finish_history(); !ok) return ok.error();
  }
  db.Execute("PRAGMA synchronous=FULL");
  db.Execute("PRAGMA wal_checkpoint(TRUNCATE)");
  phase("checkpointed");

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
