// SPDX-License-Identifier: Apache-2.0
//
// QueuedSearchHistory — the 検索履歴 written through the server's WriteQueue (deferred to ride in
// the commit of the request's アクセスログ entry), read on the request's own connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/records/resident_search.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/write_queue.h"

namespace jrr {

// SearchHistory whose Record goes through a WriteQueue.
class QueuedSearchHistory final : public SearchHistory {
 public:
  QueuedSearchHistory(WriteQueue& queue, Database& reader) : queue_(queue), reader_(reader) {}
  void Record(const SearchHistoryEntry& entry) override;
  std::vector<SearchHistoryEntry> Recent(const std::string& operator_id,
                                         std::size_t limit) override;
  std::optional<SearchHistoryEntry> Get(int64_t search_id) override;

 private:
  WriteQueue& queue_;
  Database& reader_;
};

}  // namespace jrr
