// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/core/write_queue.h"

#include "jrr/domain/core/storage_error.h"

namespace jrr {

WriteQueue::WriteQueue(const std::string& path)
    : db_(path, DatabaseOptions{.create_if_missing = false}), writer_([this] { Run(); }) {}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_writer_.notify_all();
  writer_.join();
}

WriteQueue::Deferred& WriteQueue::ThreadDeferred() {
  static thread_local Deferred deferred;
  return deferred;
}

std::shared_ptr<WriteQueue::Job> WriteQueue::Enqueue(std::function<void(Database&)> write) {
  auto job = std::make_shared<Job>();
  job->write = std::move(write);
  std::lock_guard lock(mutex_);
  if (stopping_) throw StorageError("storage.failure", "the write queue has stopped");
  queue_.push_back(job);
  wake_writer_.notify_one();
  return job;
}

void WriteQueue::Await(const std::shared_ptr<Job>& job) {
  std::unique_lock lock(mutex_);
  wake_waiters_.wait(lock, [&] { return job->done; });
}

void WriteQueue::Submit(std::function<void(Database&)> write) {
  auto job = Enqueue(std::move(write));
  Await(job);
  Settle();  // this thread's deferred writes were queued before `job`: already done
  if (job->failure) std::rethrow_exception(job->failure);
}

void WriteQueue::Defer(std::function<void(Database&)> write) {
  ThreadDeferred().emplace_back(this, Enqueue(std::move(write)));
}

void WriteQueue::Settle() {
  Deferred& all = ThreadDeferred();
  std::exception_ptr failure;
  for (const auto& [queue, job] : all) {
    if (queue != this) continue;
    Await(job);
    if (job->failure && !failure) failure = job->failure;
  }
  std::erase_if(all, [this](const auto& entry) { return entry.first == this; });
  if (failure) std::rethrow_exception(failure);
}

bool WriteQueue::RunBatch(std::deque<std::shared_ptr<Job>>& batch) {
  try {
    Transaction transaction(db_);
    for (const auto& job : batch) job->write(db_);
    transaction.Commit();
    return true;
  } catch (...) {
    if (batch.size() == 1) batch.front()->failure = std::current_exception();
    return false;
  }
}

void WriteQueue::Run() {
  for (;;) {
    std::deque<std::shared_ptr<Job>> batch;
    {
      std::unique_lock lock(mutex_);
      wake_writer_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, nothing left
      batch.swap(queue_);
    }
    if (!RunBatch(batch) && batch.size() > 1) {
      // Something in the batch failed and it was rolled back: run each write alone, so only the
      // write that fails reports a failure.
      for (auto& job : batch) {
        std::deque<std::shared_ptr<Job>> one{job};
        RunBatch(one);
      }
    }
    {
      std::lock_guard lock(mutex_);
      for (auto& job : batch) job->done = true;
    }
    wake_waiters_.notify_all();
  }
}

}  // namespace jrr
