// SPDX-License-Identifier: Apache-2.0
//
// SearchIndex and SearchHistory on SQLite (schema 0013, 0026).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jrr/domain/records/resident_search.h"
#include "jrr/persistence/core/database.h"

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
  std::vector<SearchHistoryEntry> Recent(const std::string& operator_id,
                                         std::size_t limit) override;
  std::optional<SearchHistoryEntry> Get(int64_t search_id) override;

 private:
  Database& db_;
};

// Adds the keys of one version (SearchKeysOf; of the kinds `only` names, when given) that the index
// does not hold yet. Called by InsertVersionRow, inside the 異動's transaction.
void IndexVersion(Database& db, const ResidentRecord& version,
                  const std::vector<SearchKeyKind>* only = nullptr);

// Migration 13's step: indexes every version already in the register (the kinds `only` names,
// when given).
void BackfillSearchIndex(Database& db, const std::vector<SearchKeyKind>* only = nullptr);

// Migration 33's step: the kana keys (氏名カナ, 氏カナ, 名カナ) of every version, after its SQL
// removed those built with the earlier fold.
void RebuildKanaKeys(Database& db);

// The search index of a bulk load, collected from the versions as the loader writes them
// (InsertVersionRow with index = false) and inserted once, in key order, at the end: the same
// search_key and search_text rows IndexVersion would have written version by version. Values and people are interned while collecting, so a waiting key is 8 bytes, not
// a string (a 1,000,000 town gives about 30 M keys before duplicates go). Not thread-safe.
class BulkSearchIndex {
 public:
  // `previous` is the person's version before `version`, if there is one; it must have been
  // added before. Then only the keys whose inputs changed are built (SearchKeysAddedBy).
  void Add(const ResidentRecord& version, const ResidentRecord* previous = nullptr);
  // Takes in what `other` collected (a loader's second thread may collect part of the keys):
  // the rows then written are those of one index that had collected both. Before Sort, on both.
  void Merge(BulkSearchIndex&& other);
  // Puts what was collected in key order, without the database: a loader can do it while its
  // last versions are still being written. Write does it if it was not done.
  void Sort();
  // Inserts the search_key rows collected, in key order; call once, inside a transaction. `db`
  // can be another file of the same schema, whose search_key is then copied into the register.
  void InsertKeys(Database& db);
  // Inserts the trigram index's rows (search_text): each distinct value of a text kind once, in
  // key order, as migration 0026 builds it from search_key. After Sort; inside a transaction.
  void InsertTextValues(Database& db);

 private:
  struct
      KeysTable;  // the virtual table InsertKeys reads the keys through (sqlite_search_index.cpp)
  friend struct KeysTable;
  // Strings looked up as views, so a value already seen (nearly all of them) costs no copy.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Ids = std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>>;
  static uint32_t Intern(Ids& ids, std::vector<const std::string*>& names, std::string_view text);
  // Interned strings laid out one after another in rank order once sorted, so that the rows
  // InsertKeys hands out read memory in sequence rather than chasing a pointer each.
  struct Packed {
    std::string bytes;
    std::vector<uint64_t> ends;  // the end of rank r's text in `bytes`; it starts at ends[r - 1]
    std::string_view At(uint32_t rank) const {
      const uint64_t begin = rank == 0 ? 0 : ends[rank - 1];
      return std::string_view(bytes).substr(begin, ends[rank] - begin);
    }
  };
  // A key is value << kPersonBits | person. The person is the 宛名番号's own value while every
  // number seen has the issued form (ten digits, which sort as their values do): looking each of a
  // million people up in a map cost more than building their keys. The first number of another
  // form turns every person into an interned id (GeneralizePeople).
  static constexpr int kPersonBits = 34;  // 10^10 < 2^34
  static constexpr uint64_t kPersonMask = (uint64_t{1} << kPersonBits) - 1;
  uint64_t PersonOf(std::string_view addressee_number);
  // value << kPersonBits | person; throws std::length_error when the value id does not fit.
  static uint64_t Key(uint64_t value, uint64_t person);
  void GeneralizePeople();
  // kind as one byte, then the value: ordered as SQLite orders (kind, value).
  Ids value_ids_;
  std::vector<const std::string*> values_;
  bool people_interned_ = false;  // persons are ids into people_, not numbers
  Ids person_ids_;
  std::vector<const std::string*> people_;
  std::string scratch_;         // the value being looked up
  std::vector<uint64_t> keys_;  // value id, person; after Sort, ranks in key order
  Packed sorted_values_;        // after Sort: by rank
  Packed sorted_people_;        // after Sort, when people_interned_: by rank
  bool sorted_ = false;
};

}  // namespace jrr
