// SPDX-License-Identifier: Apache-2.0
//
// `jrr backup`, `jrr restore` and `jrr audit`: a backup taken while 異動 are being written is a
// consistent register; nothing unchecked is ever restored; tampering is reported by the CLI.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "jrr/domain/security/audit_analysis.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/cli_runner.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

// Moves in one fictional person per call, each its own 異動 (own connection, own transaction); the
// n-th is born on the n-th day after 1990-01-01, so no two are one person of one 戸籍 (住基法第17条).
class Writer {
 public:
  explicit Writer(const std::string& path) : db_(path) {}
  bool MoveInOne(int n) {
    SqliteResidentRepository residents(db_);
    MoveInCommand command;
    command.input = Input("2026-11-01", "2026-11-02");
    char birth[32];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", 1990 + n / 336, n / 28 % 12 + 1,
                  n % 28 + 1);
    command.persons = {Person("架空", "太郎", "カクウ", "タロウ", birth, Sex::kMale, "世帯主")};
    command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
    command.new_address = TownAddress((std::to_string(n % 50 + 1) + "番").c_str());
    return ResidentChanges(residents, ChangeContext{CalDay("2026-11-27"), "writer", "本庁", "T01"})
        .MoveIn(command)
        .has_value();
  }

 private:
  Database db_;
};

int64_t QueryInt(const std::string& path, const std::string& sql) {
  Database db(path, DatabaseOptions{.create_if_missing = false, .read_only = true});
  return db.QueryInt(sql);
}

class BackupCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("register.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
  }
  TempDir dir_;
  std::string db_;
};

// A backup taken in the middle of a stream of 異動 holds exactly the 異動 committed before it:
// each complete (its versions and its log entry), none partial, log chain intact.
// REQ: JK-10.2
TEST_F(BackupCliTest, BackupTakenUnderWriteLoadRestoresToAConsistentRegister) {
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged{0};
  std::thread writer([&] {
    Writer w(db_);
    for (int n = 0; !stop.load(); ++n) {
      if (w.MoveInOne(n)) acknowledged.fetch_add(1);
    }
  });
  while (acknowledged.load() < 20) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::vector<std::string> backups;
  std::vector<int> acknowledged_before;
  for (int i = 0; i < 3; ++i) {
    acknowledged_before.push_back(acknowledged.load());
    const std::string file = dir_.File("backup" + std::to_string(i) + ".db");
    const auto made = RunCli({"backup", "--db", db_, "--to", file});
    ASSERT_EQ(made.status, 0) << made.err;
    EXPECT_NE(made.out.find("integrity_check ok"), std::string::npos);
    backups.push_back(file);
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
  }
  stop = true;
  writer.join();
  const int64_t total = QueryInt(db_, "SELECT count(*) FROM change_record");
  int64_t previous = 0;
  for (std::size_t i = 0; i < backups.size(); ++i) {
    const std::string restored = dir_.File("restored" + std::to_string(i) + ".db");
    const auto back = RunCli({"restore", "--from", backups[i], "--db", restored});
    ASSERT_EQ(back.status, 0) << back.err;
    const int64_t changes = QueryInt(restored, "SELECT count(*) FROM change_record");
    EXPECT_GE(changes, acknowledged_before[i]);  // everything acknowledged before it started
    EXPECT_GE(changes, previous);                // later backups hold more
    EXPECT_LE(changes, total);
    previous = changes;
    // Each 異動 complete: one version and one log entry per change, ids without a gap.
    EXPECT_EQ(QueryInt(restored, "SELECT count(*) FROM resident_version"), changes);
    EXPECT_EQ(QueryInt(restored, "SELECT count(*) FROM audit_entry WHERE action = 'change'"),
              changes);
    EXPECT_EQ(QueryInt(restored, "SELECT max(change_id) FROM change_record"), changes);
    EXPECT_EQ(QueryInt(restored, "PRAGMA user_version"), QueryInt(db_, "PRAGMA user_version"));
    EXPECT_EQ(RunCli({"audit", "--db", restored, "verify"}).status, 0);
  }
  EXPECT_GT(total, previous);  // the writer went on after the last backup
}

// REQ: JK-10.2
TEST_F(BackupCliTest, RefusesToOverwriteAndNeverRestoresAnUncheckedFile) {
  {
    Writer w(db_);
    ASSERT_TRUE(w.MoveInOne(1));
  }
  const std::string backup = dir_.File("b.db");
  ASSERT_EQ(RunCli({"backup", "--db", db_, "--to", backup}).status, 0);
  auto again = RunCli({"backup", "--db", db_, "--to", backup});
  EXPECT_EQ(again.status, 1);
  EXPECT_NE(again.err.find("backup.target_exists"), std::string::npos);
  EXPECT_EQ(RunCli({"backup", "--db", db_}).status, 2);  // --to is required

  // Restoring over an existing register needs --force, and keeps what was there.
  auto over = RunCli({"restore", "--from", backup, "--db", db_});
  EXPECT_EQ(over.status, 1);
  EXPECT_NE(over.err.find("restore.target_exists"), std::string::npos);
  {
    Writer w(db_);
    ASSERT_TRUE(w.MoveInOne(2));  // a 異動 after the backup: gone after the restore, but kept
  }
  auto forced = RunCli({"restore", "--from", backup, "--db", db_, "--force"});
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM change_record"), 1);
  int kept = 0;
  for (const auto& file : std::filesystem::directory_iterator(dir_.File(""))) {
    const std::string name = file.path().filename().string();
    // The kept register (its signed heads are kept beside it, as .audit-heads).
    if (name.starts_with("register.db.before-restore-") && !name.ends_with("-wal") &&
        !name.ends_with("-shm") && !name.ends_with(".audit-heads")) {
      ++kept;
      EXPECT_EQ(QueryInt(file.path().string(), "SELECT count(*) FROM change_record"), 2);
    }
  }
  EXPECT_EQ(kept, 1);

  // Not a register, a damaged file, a tampered log: refused before anything is touched.
  const std::string garbage = dir_.File("garbage.db");
  std::ofstream(garbage) << std::string(8192, 'x');
  auto bad = RunCli({"restore", "--from", garbage, "--db", dir_.File("new.db")});
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.err.find("backup.not_a_register"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("new.db")));
  EXPECT_EQ(RunCli({"restore", "--from", dir_.File("none.db"), "--db", dir_.File("new.db")}).status,
            1);

  const std::string tampered = dir_.File("tampered.db");
  std::filesystem::copy_file(backup, tampered);
  {
    Database db(tampered);
    db.Execute("DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET operator_id = 'ghost'");
  }
  auto refused = RunCli({"restore", "--from", tampered, "--db", dir_.File("new.db")});
  EXPECT_EQ(refused.status, 1);
  EXPECT_NE(refused.err.find("backup.audit_broken"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_.File("new.db")));
}

// REQ: JK-10.2
TEST_F(BackupCliTest, AuditVerifyAndSearchFromTheCommandLine) {
  {
    Writer w(db_);
    ASSERT_TRUE(w.MoveInOne(1));
    ASSERT_TRUE(w.MoveInOne(2));
  }
  ASSERT_EQ(RunCli({"show", "--db", db_, "--operator", "clerk07", "0000000019"}).status, 0);
  ASSERT_EQ(RunCli({"show", "--db", db_, "--operator", "clerk07", "--json", "0000000027"}).status,
            0);
  const auto verified = RunCli({"audit", "--db", db_, "verify"});
  ASSERT_EQ(verified.status, 0) << verified.err;
  EXPECT_NE(verified.out.find("4 件"), std::string::npos);

  auto by_person = RunCli({"audit", "--db", db_, "search", "--resident", "0000000019"});
  ASSERT_EQ(by_person.status, 0);
  EXPECT_NE(by_person.out.find("該当 2 件"), std::string::npos);  // its 転入 and the view
  auto by_operator = RunCli({"audit", "--db", db_, "search", "--operator", "clerk07", "--json"});
  ASSERT_EQ(by_operator.status, 0);
  EXPECT_NE(by_operator.out.find("\"function\":\"show --json\""), std::string::npos);
  // Nobody here has a 個人番号, so no view touched one.
  EXPECT_EQ(by_operator.out.find("\"individual_number\":true"), std::string::npos);
  EXPECT_EQ(std::count(by_operator.out.begin(), by_operator.out.end(), '\n'), 2);
  EXPECT_EQ(RunCli({"audit", "--db", db_, "search", "--action", "bogus"}).status, 1);
  EXPECT_EQ(RunCli({"audit", "--db", db_, "search", "--from", "明日"}).status, 1);
  EXPECT_EQ(RunCli({"audit", "--db", db_, "rewrite"}).status, 2);
  // Looking at the log is itself logged: the searches above added their entries.
  auto looked = RunCli({"audit", "--db", db_, "search", "--action", "view"});
  EXPECT_NE(looked.out.find("アクセスログの検索"), std::string::npos) << looked.out;
  const auto verified_again = RunCli({"audit", "--db", db_, "verify"});
  ASSERT_EQ(verified_again.status, 0) << verified_again.err;
  const std::string head = verified_again.out.substr(verified_again.out.find("head ") + 5);
  EXPECT_EQ(
      RunCli({"audit", "--db", db_, "verify", "--expect-head", head.substr(0, head.find('\n'))})
          .status,
      0);
  EXPECT_EQ(RunCli({"audit", "--db", db_, "verify", "--expect-head", "nonsense"}).status, 2);

  // Someone rewrites the last entry and recomputes its hash: the chain is intact, the head kept
  // elsewhere is not.
  {
    Database db(db_);
    db.Execute("DROP TRIGGER audit_entry_no_update");
    AuditEntry last = SqliteAuditLog(db).Search(AuditQuery{})[0];
    last.event.operator_id = "ghost";
    auto rewrite =
        db.Prepare("UPDATE audit_entry SET operator_id = 'ghost', hash = ?1 WHERE sequence = ?2");
    rewrite->Bind(1, AuditEntryHash(last)).Bind(2, last.sequence).Run();
  }
  // Plain verify finds it too now: the head signed at the last verify is no longer in the log.
  auto rewritten = RunCli({"audit", "--db", db_, "verify"});
  EXPECT_EQ(rewritten.status, 1);
  EXPECT_NE(rewritten.err.find("audit.head_missing"), std::string::npos) << rewritten.err;
  auto moved =
      RunCli({"audit", "--db", db_, "verify", "--expect-head", head.substr(0, head.find('\n'))});
  EXPECT_EQ(moved.status, 1);
  EXPECT_NE(moved.err.find("audit.head_missing"), std::string::npos) << moved.err;
  // An edit in the middle breaks the chain for everyone.
  {
    Database db(db_);
    db.Execute("UPDATE audit_entry SET detail = 'x' WHERE sequence = 2");
  }
  auto broken = RunCli({"audit", "--db", db_, "verify"});
  EXPECT_EQ(broken.status, 1);
  EXPECT_NE(broken.err.find("audit.chain_broken"), std::string::npos);
  EXPECT_NE(broken.out.find("2 番で異常"), std::string::npos);
}

// REQ: JK-10.2
TEST_F(BackupCliTest, AnalysisReportsFromTheCommandLine) {
  {
    Writer w(db_);
    ASSERT_TRUE(w.MoveInOne(1));
  }
  ASSERT_EQ(
      RunCli({"search", "--db", db_, "--operator", "clerk03", "--atena", "0000000019"}).status, 0);
  ASSERT_EQ(
      RunCli({"search", "--db", db_, "--operator", "clerk03", "--kana", "カクウ タロウ"}).status,
      0);
  // The entries were just written: a period around today, Japan time (robust at midnight).
  const CalendarDate now = JapanTimeOf(UtcTimestampNow())->day;
  const std::string from = ToIsoString(PreviousDay(now));
  const std::string to = ToIsoString(NextDay(now));
  auto by_number =
      RunCli({"audit", "--db", db_, "report", "by-number", "--from", from, "--to", to});
  ASSERT_EQ(by_number.status, 0) << by_number.err;
  EXPECT_NE(by_number.out.find("該当 1 件"), std::string::npos) << by_number.out;
  auto mass = RunCli({"audit", "--db", db_, "report", "mass-search", "--from", from, "--to", to,
                      "--threshold", "2"});
  EXPECT_NE(mass.out.find("clerk03"), std::string::npos) << mass.out;
  EXPECT_EQ(RunCli({"audit", "--db", db_, "report", "mass-search", "--from", from, "--to", to,
                    "--threshold", "3"})
                .out.find("clerk03"),
            std::string::npos);
  EXPECT_EQ(RunCli({"audit", "--db", db_, "report", "logins", "--from", from, "--to", to}).status,
            0);
  EXPECT_EQ(
      RunCli({"audit", "--db", db_, "report", "after-hours", "--from", from, "--to", to}).status,
      0);
  auto nonsense = RunCli({"audit", "--db", db_, "report", "nonsense", "--from", from, "--to", to});
  EXPECT_EQ(nonsense.status, 1);
  EXPECT_NE(nonsense.err.find("[audit.unknown_report]"), std::string::npos) << nonsense.err;
  EXPECT_EQ(RunCli({"audit", "--db", db_, "report", "logins"}).status, 2);  // no period
}

}  // namespace
}  // namespace jrr::testing
