// SPDX-License-Identifier: Apache-2.0
//
// Defect: plain `jrr audit verify` missed a cut-off tail of the アクセスログ when whoever cut it also
// lowered sqlite_sequence: only `--expect-head` caught it, and the documentation claimed more. Now
// every verify, backup and server start records the head it saw, signed, in a journal outside the
// register file, and plain verify compares the log with the newest signed head it finds there.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "jrr/persistence/core/database.h"
#include "support/cli_runner.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

class AuditHead : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    std::ofstream(dir_.File("f.json")) << kTwoHouseholds;
    ASSERT_EQ(RunCli({"apply", "--db", db_, dir_.File("f.json")}).status, 0);
    for (int i = 0; i < 5; ++i) ASSERT_EQ(RunCli({"show", "--db", db_, "0000000019"}).status, 0);
  }
  // Cuts every entry after `keep` and lowers sqlite_sequence to match, as a careful intruder would.
  void CutAfter(int64_t keep) {
    Database db(db_, DatabaseOptions{.create_if_missing = false});
    db.Execute("DROP TRIGGER audit_entry_no_delete");
    db.Execute("DROP TRIGGER audit_target_no_delete");
    db.Execute("DELETE FROM audit_target WHERE sequence > " + std::to_string(keep));
    db.Execute("DELETE FROM audit_entry WHERE sequence > " + std::to_string(keep));
    db.Execute("UPDATE sqlite_sequence SET seq = " + std::to_string(keep) +
               " WHERE name = 'audit_entry'");
  }
  TempDir dir_;
  std::string db_;
};

// REQ: JK-10.2
TEST_F(AuditHead, PlainVerifyFindsATailCutBelowASignedHead) {
  auto first = RunCli({"audit", "--db", db_, "verify"});
  ASSERT_EQ(first.status, 0) << first.err;
  const int64_t head = QueryInt(db_, "SELECT max(sequence) FROM audit_entry");
  for (int i = 0; i < 3; ++i) ASSERT_EQ(RunCli({"show", "--db", db_, "0000000027"}).status, 0);
  CutAfter(head - 3);
  auto cut = RunCli({"audit", "--db", db_, "verify"});
  EXPECT_EQ(cut.status, 1) << cut.out << cut.err;
  EXPECT_NE(cut.err.find("audit.head_missing"), std::string::npos) << cut.err;
}

// The journal is signed: writing a lower head into it is found, and so is its absence.
// REQ: JK-10.2
TEST_F(AuditHead, TheHeadJournalIsSignedAndItsLossIsReported) {
  ASSERT_EQ(RunCli({"audit", "--db", db_, "verify"}).status, 0);
  const std::string journal = db_ + ".audit-heads";
  ASSERT_TRUE(std::filesystem::exists(journal));
  {
    std::ofstream forged(journal, std::ios::app);
    forged << "1\t0000000000000000000000000000000000000000000000000000000000000000\t2026-12-06T00:"
              "00:00Z\tforged\n";
  }
  auto forged = RunCli({"audit", "--db", db_, "verify"});
  EXPECT_EQ(forged.status, 1) << forged.out << forged.err;
  EXPECT_NE(forged.err.find("audit.head_signature"), std::string::npos) << forged.err;
  std::filesystem::remove(journal);
  auto missing = RunCli({"audit", "--db", db_, "verify"});
  EXPECT_EQ(missing.status, 0) << missing.err;
  EXPECT_NE(missing.out.find("署名された先頭の記録がありません"), std::string::npos) << missing.out;
}

// A backup carries the head it was taken at, signed: a register restored from it and cut is found.
// REQ: JK-10.2
TEST_F(AuditHead, ABackupCarriesItsSignedHead) {
  const std::string backup = dir_.File("backup.db");
  ASSERT_EQ(RunCli({"backup", "--db", db_, "--to", backup}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(backup + ".audit-heads"));
  auto checked = RunCli({"audit", "--db", backup, "verify"});
  EXPECT_EQ(checked.status, 0) << checked.err;
  EXPECT_NE(checked.out.find("署名された先頭の記録（"), std::string::npos) << checked.out;
  // Cut in the copy below the head it was taken at: found there too.
  const int64_t head = QueryInt(backup, "SELECT max(sequence) FROM audit_entry");
  {
    Database db(backup, DatabaseOptions{.create_if_missing = false});
    db.Execute("DROP TRIGGER audit_entry_no_delete");
    db.Execute("DROP TRIGGER audit_target_no_delete");
    db.Execute("DELETE FROM audit_target WHERE sequence > " + std::to_string(head - 4));
    db.Execute("DELETE FROM audit_entry WHERE sequence > " + std::to_string(head - 4));
    db.Execute("UPDATE sqlite_sequence SET seq = " + std::to_string(head - 4) +
               " WHERE name = 'audit_entry'");
  }
  auto cut = RunCli({"audit", "--db", backup, "verify"});
  EXPECT_EQ(cut.status, 1) << cut.out;
  EXPECT_NE(cut.err.find("audit.head_missing"), std::string::npos) << cut.err;
}

}  // namespace
}  // namespace jrr::testing
