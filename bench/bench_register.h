// SPDX-License-Identifier: Apache-2.0
//
// The register the benchmarks run on: a scratch copy of JRR_BENCH_DB (a register from
// `jrr sample`, e.g. the 1,000,000-resident town; its four-person households are the 転居
// targets), or, without it, one built here before timing with households of four through the
// repository's own Append (synchronous=OFF while building only), JRR_BENCH_RESIDENTS of them
// (default 100,000). The copy is removed when the benchmark program ends.
#pragma once

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "jrr/domain/records/resident_changes.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/register/migrations.h"

namespace jrr::bench {

struct Register {
  std::string path;
  std::vector<std::vector<std::string>> households;  // 宛名番号 of each household's members
  int64_t residents = 0;
};

inline int ResidentsWanted() {
  const char* env = std::getenv("JRR_BENCH_RESIDENTS");
  return env != nullptr ? std::max(4, std::atoi(env)) : 100000;
}

// A distinct katakana reading for each number (base 40 over ア…モ), so searches by name have
// something to tell apart in a built register.
inline std::string KanaOf(int i) {
  static const char* kDigits[] = {"ア", "イ", "ウ", "エ", "オ", "カ", "キ", "ク", "ケ", "コ",
                                  "サ", "シ", "ス", "セ", "ソ", "タ", "チ", "ツ", "テ", "ト",
                                  "ナ", "ニ", "ヌ", "ネ", "ノ", "ハ", "ヒ", "フ", "ヘ", "ホ",
                                  "マ", "ミ", "ム", "メ", "モ", "ヤ", "ユ", "ヨ", "ラ", "リ"};
  std::string kana;
  do {
    kana += kDigits[i % 40];
    i /= 40;
  } while (i > 0);
  return kana;
}

inline NewPerson Member(int i, const char* relationship) {
  NewPerson p;
  p.family_name = "試験";
  p.given_name = "太郎" + std::to_string(i);
  p.family_kana = "シケン" + KanaOf(i / 4);
  p.given_kana = "タロウ" + KanaOf(i);
  p.birth_date = *ParseDate("1980-04-01");
  p.sex = i % 2 == 0 ? Sex::kMale : Sex::kFemale;
  p.relationship = *ParseRelationship(relationship);
  p.domicile = Domicile{Domicile::State::kUnknown, "", ""};
  return p;
}

inline Register CopyOfGenerated(const char* source) {
  Register r;
  r.path =
      (std::filesystem::temp_directory_path() / ("jrr-bench-" + std::to_string(getpid()) + ".db"))
          .string();
  std::filesystem::remove(r.path);
  std::filesystem::copy_file(source, r.path);
  Database db(r.path);
  auto households = db.Prepare(
      "SELECT v.household_number, group_concat(v.addressee_number) FROM resident_version v "
      "WHERE v.status = 1 AND v.history_number = (SELECT max(w.history_number) FROM "
      "resident_version w "
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

inline const Register& TheRegister() {
  static const Register reg = [] {
    if (const char* source = std::getenv("JRR_BENCH_DB")) return CopyOfGenerated(source);
    Register r;
    r.path =
        (std::filesystem::temp_directory_path() / ("jrr-bench-" + std::to_string(getpid()) + ".db"))
            .string();
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
      c.new_address =
          Address{"", "架空県架空市桜町一丁目", std::to_string(h) + "番1号", "", "", false};
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
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path + suffix, ignored);
    }
  };
  static const RemoveOnExit remove_on_exit{reg.path};
  return reg;
}

inline double PeakRssMiB() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

}  // namespace jrr::bench
