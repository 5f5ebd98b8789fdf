// SPDX-License-Identifier: Apache-2.0
//
// 異動 on a real register file: the as-of view of one person (target ≤ 1 ms) and a 転居 of a
// four-person household committed with synchronous=FULL (target p50 ≤ 3 ms), plus peak memory.
//
// The register is built here, before timing, with households of four through the repository's
// own Append (synchronous=OFF while building only). Its size is JRR_BENCH_RESIDENTS (default
// 100,000); the 1,000,000-resident register comes from the sample-municipality generator.
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
#include "jrr/persistence/sqlite_municipality_repository.h"
#include "jrr/persistence/sqlite_resident_repository.h"

namespace {

using namespace jrr;  // NOLINT: benchmark file

struct Register {
  std::string path;
  std::vector<std::vector<std::string>> households;  // 宛名番号 of each household's members
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

const Register& TheRegister() {
  static const Register reg = [] {
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
    return r;
  }();
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
  state.counters["residents"] = static_cast<double>(reg.households.size() * 4);
}
BENCHMARK(BM_AsOfViewOfOnePerson)->Unit(benchmark::kMicrosecond);

// Each iteration is one committed 転居 of a whole four-person household (four new versions, one
// change record, synchronous=FULL). Reports the median and p99 of the individual commits.
void BM_WithinMoveOfFourCommitted(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path);  // opened with synchronous=FULL
  SqliteResidentRepository residents(db);
  ResidentChanges changes(residents, ChangeContext{{2026, 11, 27}, "bench", "本庁", "B"});
  std::vector<double> micros;
  std::size_t next = 0;
  int round = 0;
  for (auto _ : state) {
    WithinMoveCommand move;
    move.input.event_date = *ParseDate("2026-11-20");
    move.input.notification_date = CalendarDate{2026, 11, 21};
    move.movers = reg.households[next];
    move.new_address = Address{"", "架空県架空市桜町二丁目", std::to_string(round) + "番" +
                               std::to_string(next) + "号", "", "", false};
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
