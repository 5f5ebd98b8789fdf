// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/core/connection_pool.h"

namespace jrr {

ConnectionPool::ConnectionPool(const std::string& path, std::size_t size,
                               const DatabaseOptions& options) {
  for (std::size_t i = 0; i < size; ++i) idle_.push_back(std::make_unique<Database>(path, options));
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  std::unique_ptr<Database> db = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(db));
}

void ConnectionPool::Release(std::unique_ptr<Database> db) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(db));
  }
  available_.notify_one();
}

ConnectionPool::Lease::~Lease() {
  if (db_ != nullptr) pool_->Release(std::move(db_));
}

}  // namespace jrr
