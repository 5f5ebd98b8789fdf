// SPDX-License-Identifier: Apache-2.0
//
// 検索 and アクセスログ at scale (issue 4's targets, recorded in docs/performance.md):
//  - kana search through ResidentAccess on the register of bench_register.h (the 1,000,000-
//    resident town with JRR_BENCH_DB): exact, prefix (前方一致) and partial (部分一致, trigram)
//    matching, p50/p99 per search (target p99 ≤ 5 ms), and, in the same run, the unindexed
//    LIKE scan a register without the index would need (target: the index ≥ 100× faster);
//  - VerifyAuditLog over a log of JRR_BENCH_AUDIT_ENTRIES entries (default 1,000,000; the
//    target is measured with 10,000,000): time and peak memory.
// The search benchmarks log to a null AuditLog: the appended entry is one more synchronous commit,
// measured by the 異動 benchmarks; here the search itself is timed.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <vector>

#include "bench_register.h"
#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace {

using namespace jrr;         // NOLINT: benchmark file
using namespace jrr::bench;  // NOLINT: benchmark file

class NullLog final : public AuditLog {
 public:
  void Record(const AuditEvent&) override {}
  std::vector<AuditEntry> Search(const AuditQuery&) override { return {}; }
};
class NullHistory final : public SearchHistory {
 public:
  void Record(const SearchHistoryEntry&) override {}
  std::vector<SearchHistoryEntry> Recent(const std::string&, std::size_t) override { return {}; }
  std::optional<SearchHistoryEntry> Get(int64_t) override { return std::nullopt; }
};

// Readings of real people in the register (氏カナ, 名カナ), picked at random once.
const std::vector<std::pair<std::string, std::string>>& Readings() {
  static const auto readings = [] {
    Database db(TheRegister().path, DatabaseOptions{.create_if_missing = false, .read_only = true});
    std::vector<std::pair<std::string, std::string>> picked;
    auto rows = db.Prepare(
        "SELECT family_kana, given_kana FROM resident_version WHERE family_kana <> '' AND "
        "given_kana <> '' ORDER BY random() LIMIT 2000");
    while (rows->Step()) picked.emplace_back(rows->ColumnText(0), rows->ColumnText(1));
    return picked;
  }();
  return readings;
}

std::string FirstChars(const std::string& text, std::size_t n) {
  std::size_t bytes = 0;
  for (std::size_t chars = 0; bytes < text.size() && chars < n; ++chars) {
    ++bytes;
    while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
  }
  return text.substr(0, bytes);
}

void Percentiles(benchmark::State& state, std::vector<double> ms) {
  if (ms.empty()) return;
  std::sort(ms.begin(), ms.end());
  state.counters["p50_ms"] = ms[ms.size() / 2];
  state.counters["p99_ms"] = ms[ms.size() * 99 / 100];
}

// arg 0: exact 氏名カナ; 1: 前方一致 on the first three characters of the 氏; 2: 部分一致 on three
// characters from the middle of the full reading.
void BM_KanaSearch(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path, DatabaseOptions{.create_if_missing = false, .read_only = true});
  SqliteResidentRepository residents(db);
  SqliteSearchIndex index(db);
  NullLog log;
  NullHistory history;
  ResidentAccess access(residents, log,
                        Viewer{"bench", "本庁", "B", AllPermissions(), {2026, 11, 27}, 0});
  const auto& readings = Readings();
  std::vector<double> ms;
  std::size_t next = 0;
  int64_t hits = 0;
  for (auto _ : state) {
    const auto& [family, given] = readings[next++ % readings.size()];
    SearchQuery q;
    if (state.range(0) == 0) {
      q.kana = family + given;
    } else if (state.range(0) == 1) {
      q.kana = FirstChars(family, 3);
      q.mode = MatchMode::kPrefix;
    } else {
      const std::string full = family + given;
      const std::string tail = full.substr(FirstChars(full, 1).size());
      q.kana = FirstChars(tail, 3);
      q.mode = MatchMode::kContains;
    }
    q.limit = 50;
    const auto start = std::chrono::steady_clock::now();
    auto result = access.Search(q, index, history);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    if (!result) continue;  // a reading the kana key refuses (should not happen in the town)
    hits += static_cast<int64_t>(result->hits.size());
    ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
    state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
  }
  Percentiles(state, ms);
  state.counters["hits_per_search"] =
      ms.empty() ? 0.0 : static_cast<double>(hits) / static_cast<double>(ms.size());
  state.counters["residents"] = static_cast<double>(reg.residents);
}
BENCHMARK(BM_KanaSearch)
    ->Arg(0)
    ->Arg(1)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(2000);

// The index lookup alone — the part a LIKE scan replaces: the same three kinds of query as
// BM_KanaSearch, returning 宛名番号 only (no records, no protection check), like the scan does.
void BM_KanaIndexOnly(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path, DatabaseOptions{.create_if_missing = false, .read_only = true});
  SqliteSearchIndex index(db);
  const auto& readings = Readings();
  std::vector<double> ms;
  std::size_t next = 0;
  for (auto _ : state) {
    const auto& [family, given] = readings[next++ % readings.size()];
    const std::string full = family + given;
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::string> found;
    if (state.range(0) == 0) {
      found = index.Find(SearchKeyKind::kKanaName, *BuildKanaKey(full), MatchMode::kExact, 51);
    } else {
      const std::string tail = full.substr(FirstChars(full, 1).size());
      found = index.Find(SearchKeyKind::kKanaName, *BuildKanaKey(FirstChars(tail, 3)),
                         MatchMode::kContains, 51);
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    benchmark::DoNotOptimize(found);
    ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
    state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
  }
  Percentiles(state, ms);
}
BENCHMARK(BM_KanaIndexOnly)
    ->Arg(0)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(2000);

// What a register without the index would do for the same searches: scan the versions. arg 0:
// the exact reading (no index covers 氏カナ || 名カナ, so every version is read); arg 2: the same
// three-character 部分一致 as BM_KanaSearch/2, stopping at 50 people as the search does.
void BM_KanaLikeScan(benchmark::State& state) {
  const Register& reg = TheRegister();
  Database db(reg.path, DatabaseOptions{.create_if_missing = false, .read_only = true});
  const auto& readings = Readings();
  std::vector<double> ms;
  std::size_t next = 0;
  for (auto _ : state) {
    const auto& [family, given] = readings[next++ % readings.size()];
    const std::string full = family + given;
    std::string pattern;
    if (state.range(0) == 0) {
      pattern = full;
    } else {
      pattern = "%";
      pattern += FirstChars(full.substr(FirstChars(full, 1).size()), 3);
      pattern += '%';
    }
    const auto start = std::chrono::steady_clock::now();
    auto rows = db.Prepare(
        "SELECT DISTINCT addressee_number FROM resident_version WHERE family_kana || given_kana "
        "LIKE ?1 "
        "LIMIT 50");
    rows->Bind(1, pattern);
    int64_t found = 0;
    while (rows->Step()) ++found;
    const auto elapsed = std::chrono::steady_clock::now() - start;
    benchmark::DoNotOptimize(found);
    ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count());
    state.SetIterationTime(std::chrono::duration<double>(elapsed).count());
  }
  Percentiles(state, ms);
}
BENCHMARK(BM_KanaLikeScan)
    ->Arg(0)
    ->Arg(2)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(20);

// A log of N entries (views of random people, as a busy town writes them), verified in one walk.
void BM_AuditVerify(benchmark::State& state) {
  const char* env = std::getenv("JRR_BENCH_AUDIT_ENTRIES");
  const int64_t entries = env != nullptr ? std::max<int64_t>(1, std::atoll(env)) : 1'000'000;
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("jrr-bench-audit-" + std::to_string(getpid()) + ".db"))
                               .string();
  std::filesystem::remove(path);
  {
    Database db(path);
    Migrate(db);
    db.Execute("PRAGMA synchronous=OFF");  // building only
    std::mt19937 random(7);
    AuditEvent view;
    view.operator_id = "clerk01";
    view.terminal = "T01";
    view.place = "本庁";
    view.function = "照会";
    for (int64_t done = 0; done < entries;) {
      Transaction batch(db);
      for (int i = 0; i < 100000 && done < entries; ++i, ++done) {
        view.targets = {std::to_string(1000000000 + random() % 900000000)};
        AppendAuditEntry(db, view, "2026-11-27T09:00:00.000Z");
      }
      batch.Commit();
    }
  }
  for (auto _ : state) {
    Database db(path, DatabaseOptions{.create_if_missing = false, .read_only = true});
    const auto start = std::chrono::steady_clock::now();
    const AuditVerification result = VerifyAuditLog(db);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!result.ok || result.entries != entries) {
      state.SkipWithError("verification failed");
      break;
    }
    state.SetIterationTime(seconds);
    state.counters["entries"] = static_cast<double>(result.entries);
    state.counters["entries_per_s"] = static_cast<double>(result.entries) / seconds;
  }
  state.counters["peak_rss_MiB"] = PeakRssMiB();
  state.counters["log_MiB"] =
      static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}
BENCHMARK(BM_AuditVerify)->UseManualTime()->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
