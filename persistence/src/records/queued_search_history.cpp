// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/queued_search_history.h"

#include "jrr/persistence/records/sqlite_search_index.h"

namespace jrr {

void QueuedSearchHistory::Record(const SearchHistoryEntry& entry) {
  // Deferred: the request's アクセスログ entry, written next, waits for the commit carrying both.
  queue_.Defer([entry](Database& db) { SqliteSearchHistory(db).Record(entry); });
}

std::vector<SearchHistoryEntry> QueuedSearchHistory::Recent(const std::string& operator_id,
                                                            std::size_t limit) {
  return SqliteSearchHistory(reader_).Recent(operator_id, limit);
}

std::optional<SearchHistoryEntry> QueuedSearchHistory::Get(int64_t search_id) {
  return SqliteSearchHistory(reader_).Get(search_id);
}

}  // namespace jrr
