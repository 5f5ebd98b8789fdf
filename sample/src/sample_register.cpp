// SPDX-License-Identifier: Apache-2.0
//
// jrr sample: creates a new register for the fictional municipality 架空市 (990001) and fills it
// with the sample town (sample/sample_town.h): address dictionary, certifier and input place,
// 住民票コード pool, and ten years of 異動.
#include "jrr/sample/sample_register.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/forms/seals/seal_image.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/change_effects_store.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/cs/sqlite_cs_exchange.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/protection/sqlite_protection_register.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/seals/sqlite_seal_register.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/sample/in_memory_resident_repository.h"
#include "jrr/sample/sample_town.h"

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

// A sample 印鑑登録 before it meets the desk: whose, and the impression drawn and measured.
struct SampleSealDraft {
  std::string addressee_number;
  forms::MeasuredImpression impression;
};

// Whom the town's 支援措置 and 印鑑登録 may go to, from each person's latest version, in 宛名番号
// order: living 妻 (with the 世帯番号) and living residents who are not 成年被後見人 and whose
// birth date is known (with 氏 and birth date; DrawSampleSeals keeps those 20 or older). Read from
// the register (ChoicesFromRegister), or in bulk from the in-memory register that produced it
// (ChoicesFromMemory) — a scan of the file's latest versions is slow for a large town;
// SampleTown.TheSameSeedGivesTheSameRegister shows both give the same town.
struct SampleChoices {
  std::vector<std::pair<std::string, std::string>> wives;  // 宛名番号, 世帯番号
  struct Adult {
    std::string addressee_number, family_name, birth;  // birth: ISO date
  };
  std::vector<Adult> candidates;
  // In bulk, drawn on the generator's thread (DrawSampleSeals), with the town's 'today'.
  std::optional<CalendarDate> today;
  std::optional<std::vector<SampleSealDraft>> seals;
  // In bulk, what AddFuhyoItemsInForce fills the 附票 from (else it reads the register).
  std::optional<FuhyoFillFacts> fuhyo_fill;
};

SampleChoices ChoicesFromRegister(Database& db) {
  SampleChoices c;
  auto rows = db.Prepare(
      "SELECT v.addressee_number, v.household_number, v.relationship, v.adult_ward, v.family_name, "
      "v.birth_date_sort FROM resident_version v WHERE v.status = 1 AND v.history_number = "
      "(SELECT max(w.history_number) FROM resident_version w WHERE w.addressee_number = "
      "v.addressee_number) "
      "ORDER BY v.addressee_number");
  while (rows->Step()) {
    if (rows->ColumnText(2) == "妻") c.wives.emplace_back(rows->ColumnText(0), rows->ColumnText(1));
    if (rows->ColumnInt(3) == 0 && !rows->ColumnIsNull(5)) {
      c.candidates.push_back({rows->ColumnText(0), rows->ColumnText(4), rows->ColumnText(5)});
    }
  }
  return c;
}

// Also counts the town (residents and 除票) in the same pass over its million records, which the
// in-memory register visits in 宛名番号 order, as ChoicesFromRegister reads them.
SampleChoices ChoicesFromMemory(const InMemoryResidentRepository& memory, SampleSummary& figures) {
  SampleChoices c;
  c.fuhyo_fill.emplace();
  c.fuhyo_fill->Reserve(memory.PeopleCount());  // an upper bound: the 除票 are not added
  memory.ForEachLatest([&](const ResidentRecord& r) {
    if (r.status != ResidentStatus::kResident) {
      ++figures.removed;
      return;
    }
    ++figures.residents;
    if (r.relationship.Text() == "妻") c.wives.emplace_back(r.addressee_number, r.household_number);
    const auto birth = r.birth_date.InternalDate();
    if (!r.adult_ward && birth)
      c.candidates.push_back({r.addressee_number, r.family_name, ToIsoString(*birth)});
    c.fuhyo_fill->Add(
        r);  // FuhyoFillFacts wants 宛名番号 order, as AddFuhyoItemsInForce reads the register
  });
  return c;
}

Status AddSampleProtections(Database& db, CalendarDate today,
                            const std::vector<std::pair<std::string, std::string>>& wives) {
  Viewer sample{"sample", "本庁", "SAMPLE", AllPermissions(), today, 0};
  SqliteProtectionRegister protections(db);
  SqliteAuditLog log(db);
  ProtectionDesk desk(protections, log, sample);
  if (wives.empty()) return {};
  const std::size_t measures = std::max<std::size_t>(1, wives.size() / 500);
  const std::size_t step = wives.size() / measures;
  for (std::size_t n = 0; n < measures; ++n) {
    const auto& [wife, household] = wives[n * step];
    SupportMeasure m;
    m.applicant = wife;
    auto children = db.Prepare(
        "SELECT v.addressee_number FROM resident_version v WHERE v.household_number = ?1 AND "
        "v.status = 1 AND v.relationship = '子' AND v.history_number = (SELECT "
        "max(w.history_number) "
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
// gives the same registrations. Drawing and measuring an impression, with the desk's own work,
// costs milliseconds a registration (docs/performance.md), hence the cap.
// The impressions first, with no register: what is drawn depends on the choices, the date and
// the seed alone (an attempt the desk refuses as a duplicate still counts), so in bulk the
// generator's thread draws them while the writer builds the history's indexes.
Result<std::vector<SampleSealDraft>> DrawSampleSeals(
    CalendarDate today, const std::vector<SampleChoices::Adult>& candidates, uint64_t seed,
    int every, int most) {
  const std::string adult_since =
      ToIsoString(CalendarDate{today.year - 20, today.month, std::min(today.day, 28)});
  std::vector<std::pair<std::string, std::string>> adults;  // 宛名番号, 氏
  for (const SampleChoices::Adult& a : candidates) {
    if (a.birth <= adult_since) adults.emplace_back(a.addressee_number, a.family_name);
  }
  SampleRandom random(seed ^ 0x5345414C5F5F5F5FULL);
  std::vector<SampleSealDraft> drafts;
  // One thread: cairo, pango and fontconfig from two threads at once drew ThreadSanitizer reports
  // inside those libraries, for a saving of under a second at a million residents.
  for (std::size_t i = 0; i < adults.size() && drafts.size() < static_cast<std::size_t>(most);
       i += static_cast<std::size_t>(every)) {
    const auto& [person, family_name] = adults[i];
    const double diameter = 10.0 + static_cast<double>(random.Below(80)) / 10.0;  // 10.0–17.9 mm
    const double tilt = static_cast<double>(random.Below(3600)) / 10.0;
    auto measured = forms::MeasureImpression(
        forms::DrawSampleImpression(diameter, 200, family_name, tilt), 200);
    if (!measured) return measured.error();
    drafts.push_back({person, std::move(*measured)});
  }
  return drafts;
}

// Then each registered in person with a photo ID through the 印鑑登録 desk; one the desk refuses
// as a duplicate impression goes without.
Status RegisterSampleSeals(Database& db, CalendarDate today,
                           const std::vector<SampleSealDraft>& drafts) {
  Viewer sample{"sample", "本庁", "SAMPLE", AllPermissions(), today, 0};
  SqliteResidentRepository residents(db);
  SqliteSealRegister seals(db);
  SqliteAuditLog log(db);
  SealDesk desk(residents, seals, log, SqliteRegisterSettings(db).GetSealSettings(), sample);
  for (const SampleSealDraft& draft : drafts) {
    SealApplication a;
    a.addressee_number = draft.addressee_number;
    a.route = SealRoute::kPhotoId;
    a.id_document = "運転免許証";
    a.material_attested = true;
    a.legibility_attested = true;
    a.impression = draft.impression.measure;
    a.impression_png = draft.impression.png;
    if (auto registered = desk.Apply(a); !registered) {
      if (registered.error().rule_id == rules::kSealDuplicate) continue;
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

// A register file and its journals, if any.
void RemoveRegisterFiles(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    std::filesystem::remove(path + suffix);
}

// One thing the writer's finishing work needs from the generator's thread once the last 異動 is
// made (the 住民票コード pool; the search keys sorted; the choices of the sample's 支援措置 and
// 印鑑登録 with the impressions drawn): the writer waits here before it uses it. Given once; the
// guard gives "abandoned" when the generator's thread leaves without giving it (an error or
// exception), so the writer never waits for ever.
class Handoff {
 public:
  void Give(bool ready) {
    {
      std::lock_guard lock(mutex_);
      if (given_) return;
      given_ = true;
      ready_ = ready;
    }
    given_changed_.notify_all();
  }
  // True once given as ready; false when abandoned.
  bool Wait() {
    std::unique_lock lock(mutex_);
    given_changed_.wait(lock, [this] { return given_; });
    return ready_;
  }
  struct Guard {
    Handoff& handoff;
    ~Guard() { handoff.Give(false); }
  };

 private:
  std::mutex mutex_;
  std::condition_variable given_changed_;
  bool given_ = false;
  bool ready_ = false;
};

// The bulk path's second core: the generator hands each recorded 異動 over and goes on with the
// next, while this thread writes them, in the same order, with the inserts Append makes (and the
// couplings it runs in the same transaction). Commit points travel in the same queue, so a commit
// always falls between two 異動 (every kCommitPointsPerCommit-th point the generator offers). A
// failure stops the writing; the rest of the queue is drained so the generator never blocks, and
// Join rethrows it (the caller rolls back the open group, as the one-thread path does).
class BulkWriter {
 public:
  // `keys` is filled on the generator's thread, `fuhyo` on the writer's; both outlive the writer.
  // `finish` runs on the writer's thread once every 異動 is written and committed: the rest of the
  // town, which the generator's thread prepares meanwhile (Handoff).
  BulkWriter(Database& db, BulkSearchIndex& keys, FuhyoWorkingSet& fuhyo,
             std::function<Status()> finish)
      : db_(db), keys_(keys), fuhyo_(fuhyo), finish_(std::move(finish)), thread_([this] {
          Run();
        }) {}
  BulkWriter(const BulkWriter&) = delete;
  BulkWriter& operator=(const BulkWriter&) = delete;
  ~BulkWriter() {
    if (thread_.joinable()) {
      Close(false);
      thread_.join();
    }
  }

  // On the generator's thread. `before`: what InMemoryResidentRepository handed over, so the
  // writer need not read it back.
  // The versions' search keys and own name keys (kana_key, kanji_key columns) are built by
  // whichever core has time: here while the writer is behind (the queue over half full: the town's
  // first year, when every 異動 is a household's 転入 and writes the most), else on the writer's
  // thread, which then waits for the generator (the later years, when the generator reads many
  // households for each 異動). Which side waits for which was measured (docs/performance.md).
  void Push(const ChangeOutcome& outcome, std::vector<std::optional<ResidentRecord>> before) {
    std::vector<VersionNameKeys> name_keys;
    if (queued_.load(std::memory_order_relaxed) >= kMaxQueued / 2) {
      name_keys.reserve(outcome.versions.size());
      for (std::size_t i = 0; i < outcome.versions.size(); ++i) {
        const ResidentRecord& v = outcome.versions[i];
        // Every earlier version of the person was added: only the keys of what changed are built.
        keys_.Add(v, i < before.size() && before[i] ? &*before[i] : nullptr);
        name_keys.push_back(NameKeysOf(v));
      }
    }
    if (!latest_processing_ || *latest_processing_ < outcome.change.processing_date) {
      latest_processing_ = outcome.change.processing_date;
    }
    Hand(Item{outcome, std::move(before), std::move(name_keys)});
  }
  // The last 処理日 handed over, as SampleToday reads it from the file (the generator's thread).
  CalendarDate LatestProcessingDate() const {
    return latest_processing_.value_or(CalendarDate{2026, 11, 27});
  }
  void CommitPoint() { Hand(Item{std::nullopt, {}, {}}); }

  // Seconds each side spent waiting for the other while the 異動 were handed over (the generator
  // for room in the queue, the writer for work): which core bounds the build. Read after Join.
  double GeneratorWaited() const {
    return std::chrono::duration<double>(generator_waited_).count();
  }
  double WriterWaited() const { return std::chrono::duration<double>(writer_waited_).count(); }

  // On the generator's thread, once the town is made (`generated`: without an error): no more 異動
  // come; the writer finishes the queue — then, if generated, commits and runs `finish`. Without
  // `generated`, the last group is left uncommitted for the caller to roll back.
  void Close(bool generated) {
    Flush();
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      run_finish_ = generated;
    }
    ready_.notify_one();
  }

  // On the generator's thread, once the town is made: waits until the writer has written every
  // 異動 and adds the search keys it built to `keys`; false when it stopped on a failure (which
  // Join rethrows).
  bool TakeWritersKeys() {
    if (!drained_.Wait()) return false;
    keys_.Merge(std::move(writers_keys_));
    return true;
  }

  // Then, on the same thread: waits for the writer (its finishing work included); rethrows its
  // failure.
  Status Join() {
    thread_.join();
    if (failure_) std::rethrow_exception(failure_);
    return finished_;
  }

 private:
  struct Item {
    std::optional<ChangeOutcome> outcome;  // none: commit here
    std::vector<std::optional<ResidentRecord>> before;
    std::vector<VersionNameKeys>
        name_keys;  // of outcome->versions; empty: the writer builds them and the search keys
  };
  static constexpr std::size_t kBatch = 64;
  static constexpr std::size_t kMaxQueued = 64;  // batches: bounds the memory the queue holds
  // A commit writes every page the group dirtied; pages of the history's indexes are dirtied again
  // by the next group, so larger groups write less (docs/performance.md).
  static constexpr int kCommitPointsPerCommit = 128;

  void Hand(Item item) {
    batch_.push_back(std::move(item));
    if (batch_.size() >= kBatch) Flush();
  }
  void Flush() {
    if (batch_.empty()) return;
    std::unique_lock lock(mutex_);
    if (queue_.size() >= kMaxQueued) {
      const auto from = std::chrono::steady_clock::now();
      space_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
      generator_waited_ += std::chrono::steady_clock::now() - from;
    }
    queue_.push_back(std::move(batch_));
    queued_.store(queue_.size(), std::memory_order_relaxed);
    batch_.clear();
    ready_.notify_one();
  }
  void Run() {
    // Each 異動 is written whole or the town is thrown away: no savepoints inside the groups.
    db_.SetAllOrNothingLoad(true);
    for (;;) {
      std::vector<Item> items;
      {
        std::unique_lock lock(mutex_);
        if (!closed_ && queue_.empty()) {
          const auto from = std::chrono::steady_clock::now();
          ready_.wait(lock, [this] { return closed_ || !queue_.empty(); });
          writer_waited_ += std::chrono::steady_clock::now() - from;
        }
        if (queue_.empty()) break;
        items = std::move(queue_.front());
        queue_.pop_front();
        queued_.store(queue_.size(), std::memory_order_relaxed);
      }
      space_.notify_one();
      if (failure_) continue;
      try {
        for (Item& item : items) {
          if (item.outcome) {
            Write(*item.outcome, item.before, item.name_keys);
          } else if (++commit_points_ % kCommitPointsPerCommit == 0) {
            db_.Execute("COMMIT");
            db_.Execute("BEGIN IMMEDIATE");
          }
        }
      } catch (...) {
        failure_ = std::current_exception();
      }
    }
    db_.SetAllOrNothingLoad(false);
    drained_.Give(!failure_);              // writers_keys_ is complete
    if (failure_ || !run_finish_) return;  // run_finish_ was set before closed_, under the lock
    try {
      InsertDeferredAuditTargets(db_, audit_head_);
      db_.Execute("COMMIT");
      finished_ = finish_();
    } catch (...) {
      failure_ = std::current_exception();
    }
  }

  // `before` is used up: the plan takes it.
  void Write(const ChangeOutcome& outcome, std::vector<std::optional<ResidentRecord>>& before,
             const std::vector<VersionNameKeys>& name_keys) {
    if (InsertChangeRow(db_, outcome.change) != outcome.change.change_id) {
      throw StorageError("storage.failure", "bulk load out of step with the change ids");
    }
    const bool keyed = !name_keys.empty();  // else built here (Push)
    for (std::size_t i = 0; i < outcome.versions.size(); ++i) {
      const ResidentRecord& v = outcome.versions[i];
      if (!keyed) writers_keys_.Add(v, i < before.size() && before[i] ? &*before[i] : nullptr);
      InsertVersionRow(db_, v, outcome.change.change_id, /*index=*/false,
                       keyed ? &name_keys[i] : nullptr);
    }
    RecordChangeInAuditLog(db_, outcome.change, outcome.versions, &before, &audit_head_);
    // What SqliteResidentRepository::Append does in the same transaction: the domain's plan of
    // what the 異動 causes (印鑑登録, 支援措置, 戸籍の附票, CS), applied by the same code.
    auto effects =
        PlanChangeEffects(outcome, ReadChangeEffectFacts(db_, outcome, &before, &effects_));
    if (!effects) throw StorageError("storage.failure", effects.error().rule_id);
    if (auto applied = ApplyChangeEffects(db_, outcome, *effects, &effects_); !applied) {
      throw StorageError("storage.failure", applied.error().rule_id);
    }
    if (db_.LoadBroken())
      throw StorageError(
          "storage.failure",
          "a part of 異動 " + std::to_string(outcome.change.change_id) + " was not completed");
  }

  Database& db_;
  // Whether the register held 印鑑登録 when the writing began. This thread is the register's only
  // writer until the history is done, so without any there is nothing for the 異動 to end, and the
  // look-up per version (2.2 million at a million residents) is skipped; the town's own seals are
  // registered after its history.
  const bool seals_registered_ = db_.QueryInt("SELECT EXISTS (SELECT 1 FROM seal_entry)") != 0;
  // Likewise 支援措置: the town's own are added after its history, so a 転出 reads none.
  const bool measures_registered_ =
      db_.QueryInt("SELECT EXISTS (SELECT 1 FROM support_measure_version)") != 0;
  // The writer's: the log has no other writer until the history is done; its audit_target rows
  // are written in key order once the last 異動 is (cheaper than millions of random inserts).
  AuditChainHead audit_head_{0, {}, /*defer_targets=*/true, {}};
  BulkSearchIndex& keys_;               // the generator's side
  BulkSearchIndex writers_keys_;        // the writer's, until drained_ is given
  Handoff drained_;                     // given by the writer once it has written every 異動
  std::atomic<std::size_t> queued_{0};  // queue_.size(), for Push to read without the lock
  FuhyoWorkingSet& fuhyo_;              // the writer's: the town's current 附票, as written
  ChangeEffectWorkingSet effects_{&fuhyo_, {}, seals_registered_, measures_registered_, {}};
  std::vector<Item> batch_;                        // the generator's side
  std::optional<CalendarDate> latest_processing_;  // the generator's side
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
  std::chrono::steady_clock::duration generator_waited_{};  // under mutex_
  std::chrono::steady_clock::duration writer_waited_{};     // under mutex_
  std::thread thread_;  // last: starts once the members above exist
};

// For JRR_SAMPLE_PHASES: the process's resident memory now and at its peak, from /proc (Linux),
// as ", rss N MB, peak N MB"; empty where /proc/self/status cannot be read. Memory is a cost of its
// own on a virtual machine whose every first touch of a page is a fault into the host.
std::string ProcessMemory() {
  std::ifstream status("/proc/self/status");
  std::string line;
  std::string now;
  std::string peak;
  auto megabytes = [](const std::string& field) {  // "VmRSS:\t  123456 kB"
    const auto digits = field.find_first_of("0123456789");
    return digits == std::string::npos ? std::string()
                                       : std::to_string(std::stoll(field.substr(digits)) / 1024);
  };
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) now = megabytes(line);
    if (line.rfind("VmHWM:", 0) == 0) peak = megabytes(line);
  }
  if (now.empty() || peak.empty()) return {};
  return ", rss " + now + " MB, peak " + peak + " MB";
}

}  // namespace

// Builds the town into `path` (a new file); CreateSampleRegister gives it its name when done.
Result<SampleSummary> BuildSampleRegister(const std::string& path, int residents, uint64_t seed,
                                          std::ostream& progress, SamplePath how) {
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
             << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
             << " s" << ProcessMemory() << "\n"
             << std::flush;
  };
  Database db(path);
  Migrate(db);
  SqliteMunicipalityRepository municipality(db);
  if (auto ok = InitializeRegister(municipality, "990001", "架空市"); !ok) return ok.error();
  if (auto ok = ImportAddressDictionary(db, "990001", embedded::sample_address_dictionary_tsv());
      !ok) {
    return ok.error();
  }
  SqliteRegisterSettings settings(db);
  settings.AddPlace({"HONCHO", "本庁"});
  settings.AddCertifier(
      {CertifierRole::kMayor, "架空市長", "架空　太郎", {2016, 4, 1}, std::nullopt});

  // The town is built in one go: durability per 異動 is pointless while generating (a failed run
  // is simply deleted), so the build runs with synchronous=OFF and the file is synced at the end.
  db.Execute("PRAGMA synchronous=OFF");
  // For the same reason the rollback journal is kept in memory instead of the write-ahead log, which
  // would write every page twice (log, then checkpoint); a failed group still rolls back, and a
  // killed build leaves only the unnamed file behind. The register returns to WAL when done.
  db.Execute("PRAGMA journal_mode=MEMORY");
  db.Execute("PRAGMA temp_store=MEMORY");
  // The indexes of resident_version are written in random order; with SQLite's default 2 MB page
  // cache a large town would spend its time re-reading index pages.
  db.Execute("PRAGMA cache_size=-524288");  // 512 MiB, for this build only
  SqliteResidentRepository register_repository(db);
  SqliteAddressDictionary register_dictionary(db);
  // Bulk: the same 異動 checked in memory; a second thread writes each with Append's own inserts.
  BulkSearchIndex bulk_keys;
  FuhyoWorkingSet bulk_fuhyo;
  bulk_fuhyo.complete = true;  // a new register: no 附票 yet
  // Bulk: given by this thread after the last 異動, in this order (the writer's thread reads each
  // after its Wait).
  Handoff pool_made;              // `pool` made
  Handoff keys_sorted;            // bulk_keys whole and sorted
  Handoff finishing_inputs;       // `choices` made
  std::vector<std::string> pool;  // filled once the town is made, before finish_history reads it
  std::optional<SampleChoices>
      choices;                       // in bulk, likewise; else finish_history reads the register
  std::optional<BulkWriter> writer;  // after what it uses: joined before they go
  auto memory_repository = std::make_unique<InMemoryResidentRepository>(
      [&writer](const ChangeOutcome& outcome, std::vector<std::optional<ResidentRecord>>& before) {
        writer->Push(outcome, std::move(before));
      });
  ListDictionary memory_dictionary(lists->areas);
  ResidentRepository& residents_repository =
      how == SamplePath::kBulk ? static_cast<ResidentRepository&>(*memory_repository)
                               : register_repository;
  AddressDictionary& dictionary = how == SamplePath::kBulk
                                      ? static_cast<AddressDictionary&>(memory_dictionary)
                                      : register_dictionary;
  SampleOptions options;
  options.residents = residents;
  options.seed = seed;
  const bool terminal = isatty(STDERR_FILENO) != 0;
  // In bulk, reads are served from memory, so the secondary indexes of the history are not needed
  // while loading: they are dropped and rebuilt once at the end from their own definitions (a sort
  // instead of millions of random B-tree inserts). The schema ends up identical.
  // Likewise the trigger that checks each version follows its person's previous one (an index
  // lookup and a trigger program per row: most of a version's insert, as measured):
  // InMemoryResidentRepository::Append refuses a version out of sequence before it is handed on,
  // and the trigger is back, from its own definition, before the register is used.
  std::vector<std::string> deferred_schema;  // indexes first, then triggers
  if (how == SamplePath::kBulk) {
    std::vector<std::string> drops;
    {
      auto list = db.Prepare(
          "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
          "tbl_name IN ('resident_version', 'change_record') AND "
          "(type = 'index' OR (type = 'trigger' AND sql LIKE '% INSERT ON %')) AND "
          // Kept while loading: partial indexes over a few rows (在留カード番号 of the town's
          // foreigners, corrections' superseded 異動) cost little per row, and rebuilding one is a
          // scan of the whole history; and the 異動 id's, whose keys
          // arrive in increasing order, so each insert lands on the last page (rebuilt, it was
          // a scan and a sort on the writer's thread after the last 異動, when that thread is
          // the one the build waits for; kept, its cost falls while the writer waits for 異動).
          "name NOT IN ('resident_version_residence_card', 'change_record_supersedes', "
          "'resident_version_change') ORDER BY type, name");
      while (list->Step()) {
        drops.push_back("DROP " + list->ColumnText(0) + " " + list->ColumnText(1));
        deferred_schema.push_back(list->ColumnText(2));
      }
    }
    for (const std::string& drop : drops) db.Execute(drop);
  }
  // What needs the history alone: the 住民票コード pool (in bulk, the search keys too), the
  // history's indexes back (AddSampleProtections looks people up by household), a few 支援措置, and
  // the 2022 and 2024 amendments' items, recorded 職権 for the members then on the town's 附票 (a
  // fixed date, so a seed still fixes the town). In bulk, the writer's thread does it while this
  // one prepares what it needs from memory (Handoff).
  constexpr int kSealEvery = 10;   // one adult in ten holds a registered seal,
  constexpr int kSealMost = 1000;  // up to 1,000 of them (a few ms each)
  auto finish_history = [&]() -> Status {
    phase("history written");
    // From here on the build appends to b-trees and scans the history; SQLite's small default
    // page cache serves that better than the large one the 異動 needed (whose dirty pages also
    // cost a first touch each), and CREATE INDEX sorts faster through temporary files than in
    // memory, where its sorter may also give part of the work to a second core (measured:
    // docs/performance.md).
    db.Execute("PRAGMA cache_size=-2000");
    db.Execute("PRAGMA temp_store=DEFAULT");
    db.Execute("PRAGMA threads=2");
    // The pool and the search keys first: they are single-threaded inserts, written while the
    // generator's thread still works on the choices and frees its memory; CREATE INDEX's sorter,
    // which can use the second core, comes after, when that core is free (measured at a million
    // residents, docs/performance.md, session 13).
    if (how == SamplePath::kBulk) {
      auto not_completed = [] {
        return MakeError(ErrorCode::kInternal, "storage.failure",
                         "the sample town was not completed");
      };
      if (!pool_made.Wait()) return not_completed();
      Transaction rows(db);
      if (auto ok = ImportResidentRecordCodes(db, pool); !ok) return ok.error();
      phase("code pool written");
      if (!keys_sorted.Wait()) return not_completed();
      bulk_keys.InsertKeys(db);
      bulk_keys.InsertTextValues(db);
      rows.Commit();
      phase("search keys written");
      for (const std::string& sql : deferred_schema) db.Execute(sql);
      phase("indexes built");
      if (!finishing_inputs.Wait()) return not_completed();
    } else {
      if (auto ok = ImportResidentRecordCodes(db, pool); !ok) return ok.error();
    }
    phase("choices received");
    if (!choices) choices = ChoicesFromRegister(db);
    const CalendarDate today =
        choices->today ? *choices->today : SampleToday(db);  // a scan of the change records
    if (!choices->seals) {
      auto drawn = DrawSampleSeals(today, choices->candidates, seed, kSealEvery, kSealMost);
      if (!drawn) return drawn.error();
      choices->seals = std::move(*drawn);
    }
    if (auto ok = AddSampleProtections(db, today, choices->wives); !ok) return ok.error();
    phase("支援措置 added");
    if (auto ok = RegisterSampleSeals(db, today, *choices->seals); !ok) return ok.error();
    phase("印鑑登録 added");
    Transaction amendments(db);
    AddFuhyoItemsInForce(db, kResidentCodeSince, how == SamplePath::kBulk ? &bulk_fuhyo : nullptr,
                         choices->fuhyo_fill ? &*choices->fuhyo_fill : nullptr);
    amendments.Commit();
    phase("附票 items added");
    return {};
  };
  // In bulk, SQLite does not check the references row by row (a probe per row of the history,
  // the log and the couplings): the rows are those the register path writes with every check on,
  // which SampleTown.TheSameSeedGivesTheSameRegister compares them with. Back on before the
  // register is handed over.
  if (how == SamplePath::kBulk) db.Execute("PRAGMA foreign_keys=OFF");
  // Groups of 異動 share one commit (each is still all or nothing, as a savepoint).
  db.Execute("BEGIN IMMEDIATE");
  if (how == SamplePath::kBulk)
    writer.emplace(db, bulk_keys, bulk_fuhyo, [&] { return finish_history(); });
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
             << std::string(static_cast<std::size_t>(20 - percent / 5), '.') << "] " << done
             << " 人" << std::flush;
  };
  // Before the writer goes: it may wait for these.
  Handoff::Guard abandon_pool_unless_given{pool_made};
  Handoff::Guard abandon_keys_unless_given{keys_sorted};
  Handoff::Guard abandon_choices_unless_given{finishing_inputs};
  auto report = BuildSampleTown(residents_repository, &dictionary, *lists, options);
  phase("generated (bulk: the writer may still be behind)");
  if (writer) writer->Close(report.has_value());
  if (terminal) progress << "\r" << std::string(60, ' ') << "\r" << std::flush;
  // The pool: every code handed out, and spares for the clerks' own 異動 (JK-4.3.1). The codes are
  // compared as numbers (eleven digits, all made here): a set of 1.5 million strings cost a second.
  if (report) {
    pool = report->codes_used;
    auto number = [](const std::string& code) {
      uint64_t n = 0;
      std::from_chars(code.data(), code.data() + code.size(), n);
      return n;
    };
    std::vector<uint64_t> handed_out;
    handed_out.reserve(pool.size());
    for (const std::string& code : pool) handed_out.push_back(number(code));
    std::sort(handed_out.begin(), handed_out.end());
    std::unordered_set<uint64_t> spares;
    SampleRandom spare_random(seed ^ 0x73706172655F5F5FULL);
    while (pool.size() <
           report->codes_used.size() + static_cast<std::size_t>(residents / 10 + 100)) {
      std::string code = SampleResidentRecordCode(spare_random);
      const uint64_t n = number(code);
      if (!std::binary_search(handed_out.begin(), handed_out.end(), n) && spares.insert(n).second) {
        pool.push_back(std::move(code));
      }
    }
  }
  // In bulk, what the finishing work and the summary need from the town is prepared here, from
  // memory, in the order the writer's thread uses it: the pool; the search keys in key order, once
  // the writer has written the last 異動 (with the part it built); the choices.
  SampleSummary summary;
  std::chrono::steady_clock::time_point
      keys_given{};  // printed with the phases once the writer is done
  std::chrono::steady_clock::time_point choices_given{};
  if (report && writer) {
    pool_made.Give(true);
    if (writer->TakeWritersKeys()) {  // else the writer failed; Join says how
      bulk_keys.Sort();
      keys_sorted.Give(true);
      keys_given = std::chrono::steady_clock::now();
      choices = ChoicesFromMemory(*memory_repository, summary);
      choices->today = writer->LatestProcessingDate();
      if (auto drawn =
              DrawSampleSeals(*choices->today, choices->candidates, seed, kSealEvery, kSealMost)) {
        choices->seals = std::move(*drawn);
      }  // else the writer draws them again and reports the error
      finishing_inputs.Give(true);
      choices_given = std::chrono::steady_clock::now();
    }
  }
  if (writer) {
    // Nothing reads the in-memory register any more: it is freed (some 3 s at a million residents)
    // while the writer's thread finishes.
    memory_repository.reset();
    Status finished;
    try {
      finished = writer->Join();
    } catch (...) {
      writer.reset();
      RollBackIfOpen(db);
      throw;
    }
    if (show_phases) {
      progress << "  generator waited for the writer " << writer->GeneratorWaited()
               << " s, writer for the generator " << writer->WriterWaited()
               << " s\n  search keys merged and sorted (generator's thread): "
               << std::chrono::duration<double>(keys_given - started).count()
               << " s\n  choices and impressions made (generator's thread): "
               << std::chrono::duration<double>(choices_given - started).count() << " s\n";
    }
    writer.reset();
    if (!finished || !report) {
      RollBackIfOpen(db);
      return !report ? report.error() : finished.error();
    }
    db.Execute("PRAGMA foreign_keys=ON");
  } else {
    if (!report) {
      db.Execute("ROLLBACK");
      return report.error();
    }
    db.Execute("COMMIT");
    if (auto ok = finish_history(); !ok) return ok.error();
  }
  db.Execute("PRAGMA synchronous=FULL");
  if (db.JournalMode() != "wal") db.Execute("PRAGMA journal_mode=WAL");
  if (db.JournalMode() != "wal")
    throw StorageError("storage.failure", "cannot return " + path + " to WAL");
  phase("checkpointed");

  summary.changes = report->changes;
  // In bulk the figures were counted in the in-memory register, which holds what was written
  // (counting the file's latest versions takes 4.7 s at a million residents).
  if (how != SamplePath::kBulk) {
    const RegisterFigures figures = CountRegister(db);
    summary.residents = figures.residents;
    summary.removed = figures.removed;
  }
  summary.versions = db.QueryInt("SELECT count(*) FROM resident_version");
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

Result<SampleSummary> CreateSampleRegister(const std::string& path, int residents, uint64_t seed,
                                           std::ostream& progress, SamplePath how) {
  if (std::filesystem::exists(path)) {
    return MakeError(ErrorCode::kConflict, "sample.register_not_empty", path + " exists");
  }
  if (std::filesystem::path(path).has_parent_path()) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  }
  // The town is built under another name and renamed when complete, so `path` never names half a
  // town (make run serves whatever data/demo.db holds); what a killed run left is started afresh.
  const std::string building = path + ".building";
  RemoveRegisterFiles(building);
  try {
    auto summary = BuildSampleRegister(building, residents, seed, progress, how);
    if (summary) {
      std::filesystem::rename(building, path);
    } else {
      RemoveRegisterFiles(building);
    }
    return summary;
  } catch (...) {
    RemoveRegisterFiles(building);
    throw;
  }
}

}  // namespace jrr::app
