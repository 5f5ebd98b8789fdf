// SPDX-License-Identifier: Apache-2.0
//
// WriteQueue: log entries of concurrent requests committed in groups — every one present once,
// the chain intact, and a failing write reported to its own caller only.
#include "jrr/persistence/core/write_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/records/queued_search_history.h"
#include "jrr/persistence/security/queued_audit_log.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

class WriteQueueTest : public RegisterFixture {};

// REQ: JK-10.2
TEST_F(WriteQueueTest, ConcurrentEntriesAreAllCommittedAndTheChainHolds) {
  WriteQueue queue(path_);
  constexpr int kThreads = 8;
  constexpr int kEach = 100;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      Database reader(path_);
      QueuedAuditLog log(queue, reader);
      for (int i = 0; i < kEach; ++i) {
        AuditEvent view;
        view.operator_id = "clerk" + std::to_string(t);
        view.function = "照会";
        view.targets = {std::to_string(1000000000 + t * 1000 + i)};
        log.Record(view);  // returns only once committed
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(Count("audit_entry"), kThreads * kEach);
  const AuditVerification verified = VerifyAuditLog(*db_);
  EXPECT_TRUE(verified.ok) << verified.problem;
  EXPECT_EQ(db_->QueryInt("SELECT count(DISTINCT operator_id) FROM audit_entry"), kThreads);
}

// REQ: JK-10.2
TEST_F(WriteQueueTest, AFailingWriteFailsAloneAndIsNotKept) {
  WriteQueue queue(path_);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      try {
        queue.Submit([t](Database& db) {
          db.Execute("INSERT INTO search_history(operator_id, query_text, hits) VALUES ('q" +
                     std::to_string(t) + "', 'kana=ア', 1)");
          if (t == 3) db.Execute("INSERT INTO no_such_table VALUES (1)");  // fails
        });
      } catch (const StorageError&) {
        ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 1);
  EXPECT_EQ(Count("search_history"), 5);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_history WHERE operator_id = 'q3'"), 0);
}

// A deferred write (a search-history row) rides in the commit its thread's next Submit() waits
// for; its failure is thrown there (or by Settle()), to that thread only.
// REQ: JK-10.2, JK-2.1.1
TEST_F(WriteQueueTest, ADeferredWriteIsCommittedWithTheNextSubmitAndItsFailureIsThrownThere) {
  WriteQueue queue(path_);
  auto row = [](const std::string& who) {
    return [who](Database& db) {
      db.Execute("INSERT INTO search_history(operator_id, query_text, hits) VALUES ('" + who +
                 "', 'kana=ア', 1)");
    };
  };
  queue.Defer(row("deferred"));
  queue.Submit(row("submitted"));
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_history WHERE operator_id = 'deferred'"), 1)
      << "committed by the time the next Submit returns";
  // A failing deferred write: the next Submit commits its own write, then throws the failure.
  queue.Defer([](Database& db) { db.Execute("INSERT INTO no_such_table VALUES (1)"); });
  EXPECT_THROW(queue.Submit(row("after-failure")), StorageError);
  EXPECT_EQ(
      db_->QueryInt("SELECT count(*) FROM search_history WHERE operator_id = 'after-failure'"), 1);
  EXPECT_NO_THROW(queue.Submit(row("clean"))) << "a failure is thrown once";
  // Settle() without a Submit: waits for the deferred write, throws its failure; another thread's
  // Submit never sees this thread's failure.
  queue.Defer([](Database& db) { db.Execute("INSERT INTO no_such_table VALUES (2)"); });
  std::thread other([&] { EXPECT_NO_THROW(queue.Submit(row("other-thread"))); });
  other.join();
  EXPECT_THROW(queue.Settle(), StorageError);
  EXPECT_NO_THROW(queue.Settle());
  queue.Defer(row("settled"));
  queue.Settle();
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_history WHERE operator_id = 'settled'"), 1);
}

}  // namespace
}  // namespace jrr::testing
