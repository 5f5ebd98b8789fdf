// SPDX-License-Identifier: Apache-2.0
//
// 異動 on a real register file: the as-of view of one person (target ≤ 1 ms) and a 転居 of a
// four-person household committed with synchronous=FULL (target p50 ≤ 3 ms), plus peak memory.
//
// The register is either a copy of JRR_BENCH_DB (a register from `jrr sample`, e.g. the
// 1,000,000-resident town; its four-person households are the 転居 targets), or, without it, built
// here before timing with households of four through the repository's own Append
// (synchronous=OFF while building only), JRR_BENCH_RESIDENTS of them (default 100,000).
#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <vector>

#include "jrr/domain/resident_changes.h"
#include "jrr/persistence/database.h"
#include "jrr/persistence/migrations.h"
#include "jrr/persistence/sqlite_address_dictionary.h"
#include "jrr/persistence/sqlite_municipality_repository.h"
#include "jrr/persistence/sqlite_resident_repository.h"

namespace {

using namespace jrr;  // NOLINT: benchmark file

struct Register {
  std::string path;
  std::vector<std::vector<std::string>> households;  // 宛名番号 of each household's members
  int64_t residents = 0;
};

int ResidentsWanted() {
  const char* env = std::getenv("JRR_BENCH_RESIDENTS");
  return env != nullptr ? std::max(4, std::atoi(env)) : 100000;
}

NewPerson Member(int i, const char* relationship) {
  NewPerson p;
  p.family_name = "試験";
  p.given_name = "太郎" + std::to_string(i);
  p.family_kana = "シケン";
  p.given_kana = "タロウ";
  p.birth_date = *ParseDate("1980-04-01");
  p.sex = i % 2 == 0 ? Sex::kMale : Sex::kFemale;
  p.relationship = *ParseRelationship(relationship);
  p.domicile = Domicile{Domicile::State::kUnknown, "", ""};
  return p;
}

Register CopyOfGenerated(const char* source) {
  Register r;
  r.path = (std::filesystem::temp_directory_path() /
            ("jrr-bench-" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(r.path);
  std::filesystem::copy_file(source, r.path);
  Database db(r.path);
  auto households = db.Prepare(
      "SELECT v.household_number, group_concat(v.addressee_number) FROM resident_version v "
      "WHERE v.status = 1 AND v.history_number = (SELECT max(w.history_number) FROM resident_version w "
      "WHERE w.addressee_number = v.addressee_number) GROUP BY v.household_number "
      "HAVING count(*) = 4 ORDER BY v.household_number LIMIT 5000");
  while (households->Step()) {
    std::vector<std::string> members;
    const std::string list = households->ColumnText(1);
    for (std::size_t start = 0; start <= list.size();) {
      const std::size_t comma = std::min(list.find(',', start), list.size());
      members.push_back(list.substr(start, comma - start));
      start = comma + 1;
    }
    r.households.push_back(members);
  }
  r.residents = CountRegister(db).residents;
  return r;
}

const Register& TheRegister() {
  static const Register reg = [] {
    if (const char* source = std::getenv("JRR_BENCH_DB")) return CopyOfGenerated(source);
    Register r;
    r.path = (std::filesystem::temp_directory_path() /
              ("jrr-bench-" + std::to_string(getpid()) + ".db")).string();
    std::filesystem::remove(r.path);
    Database db(r.path);
    Migrate(db);
    SqliteMunicipalityRepository municipality(db);
    (void)InitializeRegister(municipality, "990001", "架空市");
    db.Execute("PRAGMA synchronous=OFF");  // building only; timing reopens with FULL
    SqliteResidentRepository residents(db);
    ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"});
    const int households = ResidentsWanted() / 4;
    for (int h = 0; h < households; ++h) {
      MoveInCommand c;
      c.input.event_date = *ParseDate("2026-10-01");
      c.input.notification_date = CalendarDate{2026, 10, 2};
      c.persons = {Member(h * 4, "世帯主"), Member(h * 4 + 1, "妻"), Member(h * 4 + 2, "子"),
                   Member(h * 4 + 3, "子")};
      c.new_address = Address{"", "架空県架空市桜町一丁目", std::to_string(h) + "番1号", "", "", false};
      auto outcome = changes.MoveIn(c);
      if (!outcome) std::abort();
      std::vector<std::string> members;
      for (const auto& v : outcome->versions) members.push_back(v.addressee_number);
      r.households.push_back(members);
    }
    r.residents = static_cast<int64_t>(r.households.size()) * 4;
    return r;
  }();
  // The register is a scratch copy (a 1M-resident town is several GB): remove it, and its WAL
  // files, when the benchmark program ends.
  struct RemoveOnExit {
    std::string path;
    ~RemoveOnExit() {
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
    }
  };
  static const RemoveOnExit remove_on_exit{reg.path};
  return reg;
}

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

// Each iteration is one committed 転居 of a whole four-person household (four new versions, one
// change record, synchronous=FULL). Reports the median and p99 of the individual commits.
void BM_WithinMoveOfFourCommitted(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path);  // opened with synchronous=FULL
  SqliteResidentRepository residents(db);
  SqliteAddressDictionary dictionary(db);  // as the CLI does: 転居先 resolved by 住所コード
  ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"}, &dictionary);
  std::vector<double> micros;
  std::size_t next = 0;
  int round = 0;
  for (auto _ : state) {
    WithinMoveCommand move;
    move.input.event_date = *ParseDate("2026-11-20");
    move.input.notification_date = CalendarDate{2026, 11, 21};
    move.input.acknowledged_alerts = {"change.head_leaving_household", "change.sole_member_becomes_head"};
    move.movers = reg.households[next];
    move.new_address = Address{"99000001002", "架空県架空市桜町二丁目", std::to_string(round) + "番" +
                               std::to_string(next) + "号", "", "9990001", false};
    const auto start = std::chrono::steady_clock::now();
    auto outcome = changes.WithinMove(move);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!outcome) {
      state.SkipWithError(outcome.error().rule_id.c_str());
      return;
    }
    micros.push_back(std::chrono::duration<double, std::micro>(elapsed).count());
    state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
    if (++next == reg.households.size()) {
      next = 0;
      ++round;
    }
  }
  std::sort(micros.begin(), micros.end());
  if (!micros.empty()) {
    state.counters["p50_us"] = micros[micros.size() / 2];
    state.counters["p99_us"] = micros[micros.size() * 99 / 100];
  }
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = static_cast<double>(usage.ru_maxrss) / 1024.0;
}
BENCHMARK(BM_WithinMoveOfFourCommitted)->UseManualTime()->Unit(benchmark::kMicrosecond)->Iterations(2000);

}  // namespace
