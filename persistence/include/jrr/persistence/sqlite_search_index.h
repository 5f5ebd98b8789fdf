// SPDX-License-Identifier: Apache-2.0
//
// SearchIndex and SearchHistory on SQLite (schema 0013).
#pragma once

#include "jrr/domain/resident_search.h"
#include "jrr/persistence/database.h"

namespace jrr {

class SqliteSearchIndex final : public SearchIndex {
 public:
  explicit SqliteSearchIndex(Database& db) : db_(db) {}
  std::vector<std::string> Find(SearchKeyKind kind, const std::string& value, MatchMode mode,
                                std::size_t limit) override;

 private:
  Database& db_;
};

class SqliteSearchHistory final : public SearchHistory {
 public:
  explicit SqliteSearchHistory(Database& db) : db_(db) {}
  void Record(const SearchHistoryEntry& entry) override;
  std::vector<SearchHistoryEntry> Recent(const std::string& operator_id, std::size_t limit) override;
  std::optional<SearchHistoryEntry> Get(int64_t search_id) override;

 private:
  Database& db_;
};

// Adds the keys of one version (SearchKeysOf) that the index does not hold yet. Called by
// InsertVersionRow, inside the 異動's transaction.
void IndexVersion(Database& db, const ResidentRecord& version);

// Migration 13's step: indexes every version already in the register.
void BackfillSearchIndex(Database& db);

// The same result as indexing each version as it was written, built in one pass for a bulk load
// that wrote its versions with InsertVersionRow(…, index = false): keys are collected person by
// person (skipping those an earlier version of the same person already gave), then inserted in
// key order. Only the trigram index's internal layout differs; its rows are the same.
void BuildSearchIndexInBulk(Database& db);

}  // namespace jrr
