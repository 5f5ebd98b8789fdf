// SPDX-License-Identifier: Apache-2.0
//
// ConnectionPool — a fixed set of Database connections to one file, shared by the server's
// request threads. A thread borrows one for the length of a request and gives it back when the
// lease ends. Thread-safe.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "jrr/persistence/core/database.h"

namespace jrr {

class ConnectionPool {
 public:
  // Opens `size` connections to `path` (which must already be migrated). Throws StorageError.
  ConnectionPool(const std::string& path, std::size_t size, const DatabaseOptions& options = {});

  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Database> db) : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Database& operator*() { return *db_; }
    Database* operator->() { return db_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Database> db_;
  };

  // Waits until a connection is free.
  Lease Acquire();

 private:
  void Release(std::unique_ptr<Database> db);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Database>> idle_;
};

}  // namespace jrr
