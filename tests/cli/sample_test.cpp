// SPDX-License-Identifier: Apache-2.0
//
// The sample town (issue: sample municipality): deterministic — the same seed gives identical
// tables, row for row, apart from wall-clock stamps — and it contains what teaching and testing
// need: every 法第30条の45 category, 異体字 / non-BMP / IVS names, 旧氏, 通称, 除票 and history.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jrr/persistence/core/database.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/sample/sample_register.h"
#include "support/temp_dir.h"

namespace jrr {
namespace {

using jrr::testing::TempDir;

// Every table, every row, sorted, without the columns that hold wall-clock time.
std::string CanonicalDump(const std::string& path) {
  Database db(path, DatabaseOptions{.create_if_missing = false});
  std::vector<std::string> tables;
  {
    auto list = db.Prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    // The trigram index's own tables hold b-trees whose layout depends on insertion order (the
    // bulk path builds it in one pass); its rows are compared through search_text itself.
    while (list->Step()) {
      if (!list->ColumnText(0).starts_with("search_text_")) tables.push_back(list->ColumnText(0));
    }
  }
  std::ostringstream dump;
  {  // the schema itself: every table, index and trigger definition
    auto schema =
        db.Prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name");
    while (schema->Step()) {
      dump << schema->ColumnText(0) << '\t' << schema->ColumnText(1) << '\t'
           << schema->ColumnText(2) << '\t' << schema->ColumnText(3) << '\n';
    }
  }
  for (const std::string& table : tables) {
    std::vector<std::string> columns;
    {
      auto info = db.Prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid");
      info->Bind(1, table);
      while (info->Step()) {
        const std::string column = info->ColumnText(0);
        // Wall-clock stamps differ between runs, and so do the audit hashes that cover them.
        if (column != "recorded_at" && column != "applied_at" && column != "created_at" &&
            column != "loaded_on" && column != "occurred_at" && column != "previous_hash" &&
            column != "hash") {
          columns.push_back(column);
        }
      }
    }
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i)
      select += (i ? ", quote(" : "quote(") + columns[i] + ")";
    select += " FROM " + table + " ORDER BY 1";
    for (std::size_t i = 1; i < columns.size(); ++i) select += ", " + std::to_string(i + 1);
    auto rows = db.Prepare(select);
    dump << "## " << table << "\n";
    while (rows->Step()) {
      for (std::size_t i = 0; i < columns.size(); ++i)
        dump << rows->ColumnText(static_cast<int>(i)) << '\t';
      dump << '\n';
    }
  }
  return dump.str();
}

TEST(SampleTown, TheSameSeedGivesTheSameRegister) {
  TempDir dir;
  std::ostringstream quiet;
  const auto bulk = app::CreateSampleRegister(dir.File("a.db"), 400, 42, quiet);
  ASSERT_TRUE(bulk);
  ASSERT_TRUE(app::CreateSampleRegister(dir.File("b.db"), 400, 42, quiet));
  ASSERT_TRUE(app::CreateSampleRegister(dir.File("c.db"), 400, 43, quiet));
  const std::string a = CanonicalDump(dir.File("a.db"));
  EXPECT_GT(a.size(), 100000u);
  EXPECT_EQ(a, CanonicalDump(dir.File("b.db")));
  EXPECT_NE(a, CanonicalDump(dir.File("c.db")));
  // The bulk path writes exactly the rows the register path writes.
  const auto through_register =
      app::CreateSampleRegister(dir.File("r.db"), 400, 42, quiet, app::SamplePath::kRegister);
  ASSERT_TRUE(through_register);
  EXPECT_EQ(a, CanonicalDump(dir.File("r.db")));
  // The bulk path counts from memory what the register path counts in the file.
  EXPECT_EQ(bulk->residents, through_register->residents);
  EXPECT_EQ(bulk->removed, through_register->removed);
  EXPECT_EQ(bulk->versions, through_register->versions);
  EXPECT_GT(bulk->removed, 0);
  // Nothing is left beside the register: no side file, no unfinished build.
  for (const char* left : {"a.db.side", "a.db.building", "a.db-journal"}) {
    EXPECT_FALSE(std::filesystem::exists(dir.File(left))) << left;
  }
  auto again = app::CreateSampleRegister(dir.File("a.db"), 400, 42, quiet);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().rule_id, "sample.register_not_empty");
}

// The town is built under PATH.building and named PATH only when complete, so make run never
// serves half a town; what a killed build left behind is started afresh.
TEST(SampleTown, AppearsUnderItsNameOnlyWhenComplete) {
  TempDir dir;
  std::ostringstream quiet;
  {
    std::ofstream stale(dir.File("t.db.building"));
    stale << "what a killed build left";
  }
  auto made = app::CreateSampleRegister(dir.File("t.db"), 60, 7, quiet);
  ASSERT_TRUE(made) << made.error().rule_id;
  EXPECT_FALSE(std::filesystem::exists(dir.File("t.db.building")));
  Database db(dir.File("t.db"));
  EXPECT_EQ(db.JournalMode(), "wal");
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM resident_version"), made->versions);
}

// REQ: JK-1.1.2, JK-2.1.2, JK-1.1.7, JK-1.1.5
TEST(SampleTown, ContainsWhatTeachingAndTestingNeed) {
  TempDir dir;
  std::ostringstream quiet;
  auto summary = app::CreateSampleRegister(dir.File("t.db"), 1500, 1, quiet);
  ASSERT_TRUE(summary) << summary.error().rule_id << " " << summary.error().detail;
  // The town is topped up by whole households, so it may pass the target by less than one.
  EXPECT_GE(summary->residents, 1500);
  EXPECT_LE(summary->residents, 1500 + 6);
  EXPECT_GT(summary->removed, 100);
  Database db(dir.File("t.db"));
  EXPECT_EQ(
      db.QueryInt("SELECT count(DISTINCT foreign_category) FROM resident_version WHERE kind = 2"),
      5)
      << "every 法第30条の45 category";
  for (const char* surname : {"髙橋", "山﨑", "渡邊", "齋藤", "\U00020BB7田", "葛\U000E0100西"}) {
    auto found = db.Prepare("SELECT count(*) FROM resident_version WHERE family_name = ?1");
    found->Bind(1, surname);
    found->Step();
    EXPECT_GT(found->ColumnInt(0), 0) << surname;
  }
  EXPECT_GT(db.QueryInt("SELECT count(*) FROM resident_version WHERE former_surname <> ''"), 0);
  EXPECT_GT(db.QueryInt("SELECT count(*) FROM resident_version WHERE common_name <> ''"), 0);
  // Protection to look at (JK-3.1, 3.4), and the log of every 異動 with an intact chain.
  EXPECT_GE(db.QueryInt("SELECT count(DISTINCT measure_id) FROM support_measure_version"), 1);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM protection_block"), 1);
  EXPECT_EQ(
      db.QueryInt(
          "SELECT count(*) FROM audit_entry WHERE action = 'change' AND detail LIKE 'change_id=%'"),
      db.QueryInt("SELECT count(*) FROM change_record"));
  EXPECT_TRUE(VerifyAuditLog(db).ok);
  // 印鑑登録 for part of the adults, through the desk: each with its own 印影 (a PNG measured at
  // its resolution), none for anyone under 20 on the town's last day.
  const int64_t seals = db.QueryInt("SELECT count(*) FROM seal_version WHERE state = 2");
  EXPECT_GT(seals, 30);
  EXPECT_EQ(db.QueryInt("SELECT count(DISTINCT digest) FROM seal_version"), seals);
  EXPECT_EQ(db.QueryInt(
                "SELECT count(*) FROM seal_entry WHERE substr(impression_png, 1, 4) = X'89504E47'"),
            seals);
  EXPECT_EQ(
      db.QueryInt(
          "SELECT count(*) FROM seal_version s JOIN resident_version v ON v.addressee_number = "
          "s.addressee_number WHERE v.birth_date_sort > '2006-10-31'"),
      0);
  EXPECT_GT(db.QueryInt(
                "SELECT count(*) FROM resident_version WHERE domicile_place LIKE '架空県架空市%'"),
            0);
  EXPECT_GT(db.QueryInt("SELECT count(DISTINCT reason) FROM change_record"), 6);
  EXPECT_GT(db.QueryInt("SELECT count(*) FROM resident_version WHERE relationship = '同居人'"), 0);
  EXPECT_EQ(db.QueryInt("SELECT count(*) FROM resident_version WHERE resident_record_code = ''"),
            0);
  EXPECT_EQ(db.QueryInt(
                "SELECT count(*) FROM resident_version v WHERE v.status = 1 AND "
                "v.resident_record_code IN (SELECT w.resident_record_code FROM resident_version w "
                "WHERE w.addressee_number <> v.addressee_number)"),
            0)
      << "no 住民票コード held by two people";
}

// A row's wall-clock stamp (recorded_at, created_at, …) is what its column's default,
// strftime(…, 'now'), would have written at some moment of the build, on both paths: the 異動's
// inserts bind UtcTimestampNow instead of leaving the column to its default.
TEST(SampleTown, StampsEveryRowWithAMomentOfItsBuild) {
  TempDir dir;
  std::ostringstream quiet;
  for (const app::SamplePath how : {app::SamplePath::kBulk, app::SamplePath::kRegister}) {
    const std::string file = dir.File(how == app::SamplePath::kBulk ? "bulk.db" : "register.db");
    const std::string before = UtcTimestampNow();
    ASSERT_TRUE(app::CreateSampleRegister(file, 300, 5, quiet, how));
    const std::string after = UtcTimestampNow();
    Database db(file, DatabaseOptions{.create_if_missing = false});
    std::vector<std::pair<std::string, std::string>> stamped;  // table, column
    std::vector<std::string> defaults;
    {
      auto columns = db.Prepare(
          "SELECT m.name, c.name, c.dflt_value FROM sqlite_master m, pragma_table_info(m.name) c "
          "WHERE m.type = 'table' AND c.dflt_value LIKE '%strftime(%''now'')%' ORDER BY 1, 2");
      while (columns->Step()) {
        stamped.emplace_back(columns->ColumnText(0), columns->ColumnText(1));
        defaults.push_back(columns->ColumnText(2));
      }
    }
    ASSERT_GT(stamped.size(), 20u);
    int64_t rows_seen = 0;
    for (std::size_t i = 0; i < stamped.size(); ++i) {
      const auto& [table, column] = stamped[i];
      // The default itself, at the moments before and after the build.
      std::string earliest = defaults[i];
      std::string latest = defaults[i];
      earliest.replace(earliest.find("'now'"), 5, "?1");
      latest.replace(latest.find("'now'"), 5, "?2");
      auto outside = db.Prepare("SELECT count(*) FROM " + table + " WHERE " + column +
                                " NOT BETWEEN " + earliest + " AND " + latest);
      outside->Bind(1, before).Bind(2, after);
      ASSERT_TRUE(outside->Step());
      EXPECT_EQ(outside->ColumnInt(0), 0)
          << table << "." << column << " " << before << " .. " << after;
      rows_seen += db.QueryInt("SELECT count(*) FROM " + table);
    }
    // The tables each 異動 stamps hold rows, so the check above is not an empty one.
    for (const char* table : {"change_record", "cs_outbox", "fuhyo", "fuhyo_event",
                              "fuhyo_member_version", "fuhyo_outbox"}) {
      EXPECT_GT(db.QueryInt(std::string("SELECT count(*) FROM ") + table), 0) << table;
    }
    EXPECT_GT(rows_seen, 1000);
  }
}

}  // namespace
}  // namespace jrr
