// SPDX-License-Identifier: Apache-2.0
//
// WriteQueue — group commit for the server's small writes (アクセスログ entries, search history).
// Each request hands its write to the queue and waits; one writer thread runs every write that is
// waiting in a single transaction and one synchronous commit, then wakes their requests. So a
// request still returns only after its write is on disk (nothing is shown before it is logged),
// but sixteen concurrent requests share one fsync instead of queueing for sixteen.
//
// A write that need not hold its request by itself (a search-history row) is deferred: it is queued
// without waiting and rides in the commit the same request's next Submit() waits for — so a search
// waits for one commit, not two. Its failure is not lost: that Submit(), or Settle(), throws it.
//
// If the transaction fails, every write in it fails: each waiting Submit() throws StorageError and
// nothing of the batch is kept (a write that throws rolls back its batch too; its neighbours are
// retried alone, so one bad write cannot take others down).
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "jrr/persistence/core/database.h"

namespace jrr {

class WriteQueue {
 public:
  explicit WriteQueue(const std::string& path);
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  // Runs `write` inside the next group transaction; returns once it is committed. Throws what
  // `write` threw, or StorageError when the commit failed.
  // Precondition: the calling thread holds no Transaction on the same register file — the group
  // transaction needs that file's writer mutex (database.h), so waiting here while holding it
  // would never end. Reading requests log after their reads, outside any transaction.
  // A failure of a write this thread deferred on this queue is thrown here too (after this write
  // is committed, so both are settled).
  void Submit(std::function<void(Database&)> write);

  // Queues `write` (which must own what it writes) for the next group transaction and returns at
  // once. It is committed by the time this thread's next Submit() on this queue returns (the
  // queue runs in order); that Submit(), or Settle(), throws its failure.
  void Defer(std::function<void(Database&)> write);

  // Waits until every write this thread deferred on this queue is committed; throws the first
  // failure among them. Returns at once when there is none.
  void Settle();

 private:
  struct Job {
    std::function<void(Database&)> write;
    std::exception_ptr failure;
    bool done = false;
  };
  using Deferred = std::vector<std::pair<const WriteQueue*, std::shared_ptr<Job>>>;
  // This thread's deferred writes, of every queue (tests open several).
  static Deferred& ThreadDeferred();
  std::shared_ptr<Job> Enqueue(std::function<void(Database&)> write);
  void Await(const std::shared_ptr<Job>& job);
  void Run();
  bool RunBatch(std::deque<std::shared_ptr<Job>>& batch);

  Database db_;
  std::mutex mutex_;
  std::condition_variable wake_writer_;
  std::condition_variable wake_waiters_;
  std::deque<std::shared_ptr<Job>> queue_;
  bool stopping_ = false;
  std::thread writer_;
};

}  // namespace jrr
