// SPDX-License-Identifier: Apache-2.0
//
// アクセスログ (JK-10.2): every 異動 (仮登録 and 本登録) is logged in its own transaction, the log
// is append-only, and any tampering with it is found by VerifyAuditLog.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/records/pending_changes.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

class AuditLogTest : public RegisterFixture {
 protected:
  std::vector<AuditEntry> All() {
    AuditQuery query;
    query.limit = 100000;
    return SqliteAuditLog(*db_).Search(query);
  }
  WithinMoveCommand MoveOf(const ChangeOutcome& family) {
    WithinMoveCommand move;
    move.input = Input("2026-11-20", "2026-11-25");
    for (const ResidentRecord& v : family.versions) move.movers.push_back(v.addressee_number);
    move.new_address = TownAddress("3番4号");
    return move;
  }
};

// REQ: JK-10.2
TEST_F(AuditLogTest, EveryChangeIsLoggedInItsOwnTransactionAndRefusalsAreNot) {
  const ChangeOutcome family = MoveInFamily();
  auto entries = All();
  ASSERT_EQ(entries.size(), 1u);
  const AuditEntry& entry = entries[0];
  EXPECT_EQ(entry.sequence, 1);
  EXPECT_EQ(entry.event.action, AuditAction::kChange);
  EXPECT_EQ(entry.event.operator_id, "clerk01");
  EXPECT_EQ(entry.event.place, "本庁");
  EXPECT_EQ(entry.event.terminal, "T01");
  EXPECT_EQ(entry.event.function, "国内転入");
  ASSERT_EQ(entry.event.targets.size(), 3u);
  EXPECT_EQ(entry.event.targets[0], family.versions[0].addressee_number);
  EXPECT_NE(entry.event.detail.find("change_id=" + std::to_string(family.change.change_id)),
            std::string::npos);
  EXPECT_FALSE(entry.event.individual_number);
  EXPECT_EQ(entry.occurred_at.size(), 24u);  // 2026-11-27T19:34:46.123Z
  // A refused 異動 writes neither the 異動 nor a log entry.
  WithinMoveCommand future = MoveOf(family);
  future.input = Input("2027-01-01", "2026-11-25");
  ASSERT_FALSE(Changes().WithinMove(future));
  EXPECT_EQ(All().size(), 1u);
  // The log cannot be changed through SQLite.
  EXPECT_THROW(db_->Execute("UPDATE audit_entry SET operator_id = 'x'"), StorageError);
  EXPECT_THROW(db_->Execute("DELETE FROM audit_entry"), StorageError);
  EXPECT_THROW(db_->Execute("DELETE FROM audit_target"), StorageError);
}

// REQ: JK-10.2
TEST_F(AuditLogTest, ProvisionalApprovalAndWithdrawalAreEachLogged) {
  const ChangeOutcome family = MoveInFamily();
  SqlitePendingChangeRepository pending(*db_);
  const ChangeContext clerk{CalDay("2026-11-27"), "clerk02", "支所", "T02"};
  auto entered =
      EnterProvisional(*repository_, pending, clerk, MoveOf(family), "within_move", "{}");
  ASSERT_TRUE(entered);
  ASSERT_TRUE(pending.Withdraw(entered->pending_id, clerk));
  auto again = EnterProvisional(*repository_, pending, clerk, MoveOf(family), "within_move", "{}");
  ASSERT_TRUE(again);
  ChangeContext approver{CalDay("2026-11-27"), "chief01", "本庁", "T01"};
  approver.approving_pending_id = again->pending_id;
  ASSERT_TRUE(ResidentChanges(*repository_, approver).WithinMove(MoveOf(family)));

  const auto entries = All();  // newest first
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[3].event.action, AuditAction::kProvisionalChange);
  EXPECT_EQ(entries[3].event.operator_id, "clerk02");
  EXPECT_EQ(entries[3].event.targets.size(), 3u);
  EXPECT_EQ(entries[2].event.action, AuditAction::kWithdrawal);
  EXPECT_EQ(entries[1].event.action, AuditAction::kProvisionalChange);
  EXPECT_EQ(entries[0].event.action, AuditAction::kChange);
  EXPECT_EQ(entries[0].event.operator_id, "chief01");
  EXPECT_NE(entries[0].event.detail.find("approves_pending=" + std::to_string(again->pending_id)),
            std::string::npos);
  EXPECT_TRUE(VerifyAuditLog(*db_).ok);
}

// REQ: JK-10.2
TEST_F(AuditLogTest, MarksChangesThatTouchTheIndividualNumber) {
  const ChangeOutcome family = MoveInFamily();
  CorrectionCommand number;
  number.input = Input("2026-11-27", "2026-11-27");
  number.reason = ChangeReason::kIndividualNumberEntry;
  number.addressee_number = family.versions[1].addressee_number;
  number.individual_number = "123456789018";
  auto recorded = Changes().Correction(number);
  ASSERT_TRUE(recorded) << recorded.error().rule_id;
  CorrectionCommand roll;
  roll.input = Input("2026-11-27", "2026-11-27");
  roll.addressee_number = family.versions[0].addressee_number;
  roll.on_electoral_roll = true;
  ASSERT_TRUE(Changes().Correction(roll));
  const auto entries = All();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_FALSE(entries[0].event.individual_number);
  EXPECT_TRUE(entries[1].event.individual_number);
  EXPECT_FALSE(entries[2].event.individual_number);
}

// REQ: JK-10.2
TEST_F(AuditLogTest, SearchesByResidentOperatorActionAndTime) {
  const ChangeOutcome family = MoveInFamily();
  const std::string wife = family.versions[1].addressee_number;
  const std::string child = family.versions[2].addressee_number;
  int tick = 0;
  SqliteAuditLog log(
      *db_, [&tick] { return "2026-11-2" + std::to_string(8 + tick++) + "T01:00:00.000Z"; });
  AuditEvent view;
  view.action = AuditAction::kView;
  view.operator_id = "clerk09";
  view.function = "show";
  view.targets = {wife};
  log.Record(view);  // 2026-11-28
  view.targets = {child};
  view.individual_number = true;
  log.Record(view);  // 2026-11-29
  AuditEvent denied = view;
  denied.action = AuditAction::kDenied;
  denied.outcome = "protection.blocked";
  log.Record(denied);  // 2026-11-30

  auto query = [](std::optional<std::string> person, std::optional<std::string> who,
                  std::optional<AuditAction> action = std::nullopt,
                  std::optional<std::string> from = std::nullopt,
                  std::optional<std::string> to = std::nullopt) {
    AuditQuery q;
    q.addressee_number = std::move(person);
    q.operator_id = std::move(who);
    q.action = action;
    q.from = std::move(from);
    q.to = std::move(to);
    return q;
  };
  auto count = [&](const AuditQuery& q) { return log.Search(q).size(); };
  EXPECT_EQ(count(query(wife, {})), 2u);  // the 転入 and the view
  EXPECT_EQ(count(query(child, {})), 3u);
  EXPECT_EQ(count(query("0000000000", {})), 0u);
  EXPECT_EQ(count(query({}, "clerk09")), 3u);
  EXPECT_EQ(count(query({}, "clerk01")), 1u);
  EXPECT_EQ(count(query({}, {}, AuditAction::kDenied)), 1u);
  EXPECT_EQ(count(query({}, "clerk09", {}, "2026-11-29", "2026-11-30")), 1u);
  EXPECT_EQ(count(query(child, "clerk09", AuditAction::kView)), 1u);
  AuditQuery two;
  two.limit = 2;
  EXPECT_EQ(count(two), 2u);
  EXPECT_EQ(log.Search(query(child, {}))[0].event.outcome, "protection.blocked");
}

// UtcTimestampNow formats the date and time of day once a second per thread: across second
// boundaries it still reads as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ', 'now') around it does.
// REQ: JK-10.2
TEST_F(AuditLogTest, TheTimestampReadsAsSQLiteWritesTheSameMoment) {
  auto now = db_->Prepare("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
  auto sqlite_now = [&] {
    now->Reset();
    EXPECT_TRUE(now->Step());
    return now->ColumnText(0);
  };
  std::set<std::string> seconds;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (seconds.size() < 3 && std::chrono::steady_clock::now() < give_up) {
    const std::string earliest = sqlite_now();
    const std::string stamp = UtcTimestampNow();
    const std::string latest = sqlite_now();
    ASSERT_EQ(stamp.size(), 24u) << stamp;
    ASSERT_LE(earliest, stamp);
    ASSERT_LE(stamp, latest);
    seconds.insert(stamp.substr(0, 19));
    std::this_thread::sleep_for(std::chrono::milliseconds(7));
  }
  EXPECT_GE(seconds.size(), 3u);  // two boundaries crossed
}

// The canonical text is the log's format: changing it would make every existing log fail to
// verify, so a fixed entry's hash is pinned here.
// REQ: JK-10.2
TEST(AuditCanonicalTextTest, IsStableAndCoversEveryField) {
  AuditEntry entry;
  entry.sequence = 7;
  entry.occurred_at = "2026-11-27T00:00:00.000Z";
  entry.event.action = AuditAction::kIssue;
  entry.event.operator_id = "clerk01";
  entry.event.terminal = "T01";
  entry.event.place = "本庁";
  entry.event.function = "住民票の写し";
  entry.event.targets = {"0000000019", "0000000027"};
  entry.event.individual_number = true;
  entry.event.detail = "copies=1";
  entry.previous_hash = std::string(64, 'a');
  const std::string text = AuditCanonicalText(entry);
  EXPECT_EQ(text,
            "jrr-audit-1\x1f"
            "7\x1f"
            "2026-11-27T00:00:00.000Z\x1f"
            "issue\x1f"
            "clerk01\x1f"
            "T01\x1f"
            "本庁\x1f"
            "住民票の写し\x1f"
            "0000000019 0000000027\x1f"
            "1\x1f"
            "ok\x1f"
            "copies=1\x1f" +
                std::string(64, 'a'));
  const std::string hash = AuditEntryHash(entry);
  EXPECT_EQ(hash.size(), 64u);
  // Each field changes the hash.
  const std::vector<std::function<void(AuditEntry&)>> edits = {
      [](AuditEntry& e) { e.sequence = 8; },
      [](AuditEntry& e) { e.occurred_at[18] = '1'; },
      [](AuditEntry& e) { e.event.action = AuditAction::kView; },
      [](AuditEntry& e) { e.event.operator_id = "clerk02"; },
      [](AuditEntry& e) { e.event.terminal = "T02"; },
      [](AuditEntry& e) { e.event.place = "支所"; },
      [](AuditEntry& e) { e.event.function = "除票の写し"; },
      [](AuditEntry& e) { e.event.targets.pop_back(); },
      [](AuditEntry& e) { e.event.individual_number = false; },
      [](AuditEntry& e) { e.event.outcome = "denied"; },
      [](AuditEntry& e) { e.event.detail = "copies=2"; },
      [](AuditEntry& e) { e.previous_hash[0] = 'b'; },
  };
  for (std::size_t i = 0; i < edits.size(); ++i) {
    AuditEntry changed = entry;
    edits[i](changed);
    EXPECT_NE(AuditEntryHash(changed), hash) << "edit " << i;
  }
}

// A writer with the log to itself (the sample town's bulk load) keeps the chain's head instead of
// reading it back per entry: the chain it writes is the one entries read back would give.
// REQ: JK-10.2
TEST_F(AuditLogTest, AKeptChainHeadContinuesTheChainAsReadingItBackWould) {
  AuditEvent event;
  event.action = AuditAction::kView;
  event.operator_id = "clerk01";
  event.targets = {"0000000019"};
  const AuditEntry first = AppendAuditEntry(*db_, event, "2026-11-27T00:00:00.000Z");  // read back
  AuditChainHead head;  // empty: read once
  const AuditEntry second = AppendAuditEntry(*db_, event, "2026-11-27T00:00:01.000Z", &head);
  EXPECT_EQ(second.sequence, first.sequence + 1);
  EXPECT_EQ(second.previous_hash, first.hash);
  EXPECT_EQ(head.sequence, second.sequence);
  EXPECT_EQ(head.hash, second.hash);
  const AuditEntry third =
      AppendAuditEntry(*db_, event, "2026-11-27T00:00:02.000Z", &head);  // kept
  EXPECT_EQ(third.previous_hash, second.hash);
  const AuditEntry fourth =
      AppendAuditEntry(*db_, event, "2026-11-27T00:00:03.000Z");  // read back again
  EXPECT_EQ(fourth.previous_hash, third.hash);
  EXPECT_TRUE(VerifyAuditLog(*db_).ok);
}

// The bulk loader's audit_target rows, collected and written in key order at the end, are the
// rows each entry would have written at once.
// REQ: JK-10.2
TEST_F(AuditLogTest, DeferredTargetsAreTheRowsEachEntryWouldHaveWritten) {
  auto targets = [this] {
    std::vector<std::string> rows;
    auto q = db_->Prepare("SELECT addressee_number, sequence FROM audit_target ORDER BY 1, 2");
    while (q->Step()) rows.push_back(q->ColumnText(0) + "/" + std::to_string(q->ColumnInt(1)));
    return rows;
  };
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = "clerk01";
  const std::vector<std::vector<std::string>> people = {
      {"0000000035", "0000000019"}, {"0000000019"}, {"0000000027"}};
  for (const auto& who : people) {
    event.targets = who;
    AppendAuditEntry(*db_, event, "2026-11-27T00:00:00.000Z");
  }
  const auto at_once = targets();
  ASSERT_EQ(at_once.size(), 4u);
  db_->Execute("DROP TRIGGER audit_target_no_delete; DELETE FROM audit_target;");
  AuditChainHead head;
  head.defer_targets = true;
  for (const auto& who : people) {  // the same entries again, their targets held back
    event.targets = who;
    AppendAuditEntry(*db_, event, "2026-11-27T00:00:00.000Z", &head);
  }
  EXPECT_EQ(head.targets.size(), 4u);
  Transaction t(*db_);
  InsertDeferredAuditTargets(*db_, head);
  t.Commit();
  EXPECT_TRUE(head.targets.empty());
  std::vector<std::string> expected = at_once;
  for (const auto& row : at_once) {  // the second round's sequences are three later
    const auto slash = row.find('/');
    expected.push_back(row.substr(0, slash) + "/" +
                       std::to_string(std::stoll(row.substr(slash + 1)) + 3));
  }
  std::sort(expected.begin(), expected.end());
  // The first round's rows were deleted above: only the second round's are back.
  std::vector<std::string> second(expected.begin(), expected.end());
  second.erase(std::remove_if(second.begin(), second.end(),
                              [&](const std::string& r) {
                                return std::find(at_once.begin(), at_once.end(), r) !=
                                       at_once.end();
                              }),
               second.end());
  EXPECT_EQ(targets(), second);
}

struct Tampering {
  const char* name;
  const char* sql;             // run with the protecting triggers dropped
  int64_t first_bad_sequence;  // 0: anywhere
};

class AuditTamperingTest : public AuditLogTest, public ::testing::WithParamInterface<Tampering> {};

// REQ: JK-10.2
TEST_P(AuditTamperingTest, VerifyFindsIt) {
  MoveInFamily();
  SqliteAuditLog log(*db_);
  for (int i = 0; i < 4; ++i) {
    AuditEvent view;
    view.operator_id = "clerk0" + std::to_string(i);
    view.function = "show";
    view.targets = {"0000000019"};
    log.Record(view);
  }
  const AuditVerification before = VerifyAuditLog(*db_);
  ASSERT_TRUE(before.ok) << before.problem;
  EXPECT_EQ(before.entries, 5);
  EXPECT_EQ(before.head_sequence, 5);
  db_->Execute(
      "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete; "
      "DROP TRIGGER audit_target_no_update; DROP TRIGGER audit_target_no_delete; "
      "PRAGMA foreign_keys = OFF;");  // what someone editing the file directly would do
  db_->Execute(GetParam().sql);
  const AuditVerification after = VerifyAuditLog(*db_);
  EXPECT_FALSE(after.ok) << GetParam().name;
  if (GetParam().first_bad_sequence != 0) {
    EXPECT_EQ(after.first_bad_sequence, GetParam().first_bad_sequence) << after.problem;
  }
}

INSTANTIATE_TEST_SUITE_P(
    EveryKind, AuditTamperingTest,
    ::testing::Values(
        Tampering{"edited operator",
                  "UPDATE audit_entry SET operator_id = 'nobody' WHERE sequence = 3", 3},
        Tampering{
            "edited time",
            "UPDATE audit_entry SET occurred_at = '2020-01-01T00:00:00.000Z' WHERE sequence = 2",
            2},
        Tampering{"cleared 個人番号 flag",
                  "UPDATE audit_entry SET individual_number = 1 WHERE sequence = 4", 4},
        Tampering{"edited targets", "UPDATE audit_entry SET targets = '' WHERE sequence = 5", 5},
        Tampering{"unknown action", "UPDATE audit_entry SET action = 'nothing' WHERE sequence = 2",
                  2},
        Tampering{"deleted middle entry", "DELETE FROM audit_entry WHERE sequence = 3", 3},
        Tampering{"deleted first entry", "DELETE FROM audit_entry WHERE sequence = 1", 1},
        Tampering{"cut-off tail", "DELETE FROM audit_entry WHERE sequence >= 4", 4},
        Tampering{"reordered",
                  "UPDATE audit_entry SET sequence = sequence + 100 WHERE sequence IN (2, 3);"
                  "UPDATE audit_entry SET sequence = 3 WHERE sequence = 102;"
                  "UPDATE audit_entry SET sequence = 2 WHERE sequence = 103;",
                  2},
        Tampering{"renumbered after a deletion",
                  "DELETE FROM audit_entry WHERE sequence = 2;"
                  "UPDATE audit_entry SET sequence = sequence - 1 WHERE sequence > 2;",
                  2},
        Tampering{"forged entry appended",
                  "INSERT INTO audit_entry SELECT 6, occurred_at, action, operator_id, "
                  "terminal, place, function, targets, individual_number, outcome, detail, hash, "
                  "hash FROM audit_entry WHERE sequence = 5",
                  6},
        Tampering{"person index emptied", "DELETE FROM audit_target", 0},
        Tampering{"person index redirected",
                  "UPDATE audit_target SET addressee_number = '0000000027' "
                  "WHERE sequence = 4",
                  0}),
    [](const ::testing::TestParamInfo<Tampering>& param) {
      std::string name;
      for (const char* c = param.param.name; *c != '\0'; ++c) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z')) name += *c;
      }
      return name;
    });

}  // namespace
}  // namespace jrr::testing
