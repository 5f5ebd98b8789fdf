// SPDX-License-Identifier: Apache-2.0
//
// 異動 on a real register file (bench_register.h): the as-of view of one person (target ≤ 1 ms)
// and a 転居 of a four-person household committed with synchronous=FULL (target p50 ≤ 3 ms),
// plus peak memory; a 出生 that draws a 住民票コード from the pool; a backup of the register while 転居 run, and their latency meanwhile.
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <thread>
#include <vector>

#include "bench_register.h"
#include "jrr/domain/records/resident_changes.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/register/register_backup.h"

namespace {

using namespace jrr;         // NOLINT: benchmark file
using namespace jrr::bench;  // NOLINT: benchmark file

void BM_AsOfViewOfOnePerson(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path);
  SqliteResidentRepository residents(db);
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> pick(0, reg.households.size() - 1);
  for (auto _ : state) {
    const std::string& atena = reg.households[pick(random)][1];
    auto record = residents.AsOf(atena, AsOfQuery{CalendarDate{2026, 11, 1}, std::nullopt});
    benchmark::DoNotOptimize(record);
  }
  state.counters["residents"] = static_cast<double>(reg.residents);
}
BENCHMARK(BM_AsOfViewOfOnePerson)->Unit(benchmark::kMicrosecond);

// The commits of a manual-time benchmark: each one timed, its latency kept for the percentiles.
class CommitTimes {
 public:
  // Runs `commit` (returning a Result) as one timed iteration; false (and the benchmark skipped
  // with the rule id) when it was refused.
  template <class Commit>
  bool Time(benchmark::State& state, Commit&& commit) {
    const auto start = std::chrono::steady_clock::now();
    auto outcome = commit();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!outcome) {
      state.SkipWithError(outcome.error().rule_id.c_str());
      return false;
    }
    micros_.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
    state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
    return true;
  }
  // p50_us and p99_us of the commits timed.
  void Report(benchmark::State& state) {
    std::sort(micros_.begin(), micros_.end());
    if (micros_.empty()) return;
    state.counters["p50_us"] = micros_[micros_.size() / 2];
    state.counters["p99_us"] = micros_[micros_.size() * 99 / 100];
  }

 private:
  std::vector<double> micros_;
};

// Each iteration is one committed 転居 of a whole four-person household (four new versions, one
// change record, synchronous=FULL). Reports the median and p99 of the individual commits.
void BM_WithinMoveOfFourCommitted(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path);  // opened with synchronous=FULL
  SqliteResidentRepository residents(db);
  SqliteAddressDictionary dictionary(db);  // as the CLI does: 転居先 resolved by 住所コード
  ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"},
                          &dictionary);
  CommitTimes times;
  std::size_t next = 0;
  int round = 0;
  for (auto _ : state) {
    WithinMoveCommand move;
    move.input.event_date = *ParseDate("2026-11-20");
    move.input.notification_date = CalendarDate{2026, 11, 21};
    move.input.acknowledged_alerts = {"change.head_leaving_household",
                                      "change.sole_member_becomes_head"};
    move.movers = reg.households[next];
    move.new_address = Address{"99000001002",
                               "架空県架空市桜町二丁目",
                               std::to_string(round) + "番" + std::to_string(next) + "号",
                               "",
                               "9990001",
                               false};
    if (!times.Time(state, [&] { return changes.WithinMove(move); })) return;
    if (++next == reg.households.size()) {
      next = 0;
      ++round;
    }
  }
  times.Report(state);
  state.counters["peak_rss_MiB"] = PeakRssMiB();
}
BENCHMARK(BM_WithinMoveOfFourCommitted)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(2000);

// Each iteration is one committed 出生 into a household: one new version, and — when the register
// holds a 住民票コード pool, as the sample town does — a code drawn from it at random and the
// pool's low-water check (JK-4.3.1). Reports the median and p99 of the individual commits.
void BM_BirthWithCodeDrawCommitted(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path);
  SqliteResidentRepository residents(db);
  ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"}, nullptr);
  const bool pool = db.QueryInt("SELECT count(*) FROM resident_record_code_pool") > 0;
  CommitTimes times;
  std::size_t next = 0;
  for (auto _ : state) {
    BirthCommand birth;
    birth.input.event_date = *ParseDate("2026-11-20");
    birth.input.notification_date = CalendarDate{2026, 11, 21};
    const ResidentRecord parent = *residents.Latest(reg.households[next][0]);
    birth.household_number = parent.household_number;
    birth.child.domicile = parent.domicile;
    birth.child.family_name = "試験";
    birth.child.given_name = "花子" + std::to_string(next);
    birth.child.family_kana = "シケン";
    birth.child.given_kana = "ハナコ" + KanaOf(static_cast<int>(next));
    birth.child.birth_date = *ParseDate("2026-11-20");
    birth.child.sex = Sex::kFemale;
    birth.child.relationship = *ParseRelationship("子");
    if (!times.Time(state, [&] { return changes.Birth(birth); })) return;
    next = (next + 1) % reg.households.size();
  }
  times.Report(state);
  state.counters["code_pool"] = pool ? 1 : 0;
}
BENCHMARK(BM_BirthWithCodeDrawCommitted)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(200);

}  // namespace

namespace {

using namespace jrr;         // NOLINT: benchmark file
using namespace jrr::bench;  // NOLINT: benchmark file

// `jrr backup` of the register while a clerk keeps recording 転居 (one per ~20 ms, like a busy
// counter): how long the backup takes, and the 転居 commit latency before and during it.
void BM_BackupWhileMoving(benchmark::State& state) {
  const Register& reg = TheRegister();
  const std::string target = reg.path + ".backup";
  for (auto _ : state) {
    std::atomic<bool> stop{false};
    std::atomic<bool> backing_up{false};
    std::vector<double> before, during;
    std::thread clerk([&] {
      Database db(reg.path);
      SqliteResidentRepository residents(db);
      ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"});
      for (std::size_t next = reg.households.size() / 2; !stop.load(); ++next) {
        WithinMoveCommand move;
        move.input.event_date = *ParseDate("2026-11-20");
        move.input.notification_date = CalendarDate{2026, 11, 21};
        move.movers = reg.households[next % reg.households.size()];
        move.new_address =
            Address{"", "架空県架空市桜町三丁目", std::to_string(next) + "番地", "", "", false};
        const bool during_backup = backing_up.load();
        const auto start = std::chrono::steady_clock::now();
        auto outcome = changes.WithinMove(move);
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        if (outcome) (during_backup ? during : before).push_back(ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
    });
    std::this_thread::sleep_for(std::chrono::seconds(3));  // latency without a backup
    std::filesystem::remove(target);
    Database source(reg.path);
    backing_up = true;
    const auto start = std::chrono::steady_clock::now();
    auto copied = BackupRegister(source, target);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    backing_up = false;
    stop = true;
    clerk.join();
    if (!copied) {
      state.SkipWithError(copied.error().rule_id.c_str());
      return;
    }
    state.SetIterationTime(seconds);
    auto percentile = [](std::vector<double> v, double p) {
      if (v.empty()) return 0.0;
      std::sort(v.begin(), v.end());
      return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
    };
    state.counters["backup_s"] = seconds;
    state.counters["backup_MiB"] = static_cast<double>(copied->bytes) / (1024.0 * 1024.0);
    state.counters["moves_during"] = static_cast<double>(during.size());
    state.counters["move_p50_ms_before"] = percentile(before, 0.5);
    state.counters["move_p50_ms_during"] = percentile(during, 0.5);
    state.counters["move_p99_ms_during"] = percentile(during, 0.99);
    state.counters["move_max_ms_during"] = percentile(during, 1.0);
    std::filesystem::remove(target);
  }
}
BENCHMARK(BM_BackupWhileMoving)->UseManualTime()->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
