// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/sqlite_search_index.h"

#include <algorithm>

#include "resident_version_codec.h"

namespace jrr {

void IndexVersion(Database& db, const ResidentRecord& version) {
  for (const SearchKey& key : SearchKeysOf(version)) {
    {
      auto insert = db.Prepare(
          "INSERT OR IGNORE INTO search_key(kind, value, addressee_number) VALUES (?1, ?2, ?3)");
      insert->Bind(1, static_cast<int>(key.kind)).Bind(2, key.value).Bind(3, version.addressee_number);
      insert->Run();
    }
    // An earlier version had it: indexed once. Codes, numbers and dates match whole or by prefix
    // only, so only text kinds go into the trigram index — each distinct value once (schema 0026):
    // when someone else has it already, it is there.
    if (db.Changes() == 0 || !IsTextKind(key.kind)) continue;
    {
      auto shared = db.Prepare(
          "SELECT 1 FROM search_key WHERE kind = ?1 AND value = ?2 AND addressee_number <> ?3 LIMIT 1");
      shared->Bind(1, static_cast<int>(key.kind)).Bind(2, key.value).Bind(3, version.addressee_number);
      if (shared->Step()) continue;
    }
    auto text = db.Prepare("INSERT INTO search_text(value, kind) VALUES (?1, ?2)");
    text->Bind(1, key.value).Bind(2, static_cast<int>(key.kind));
    text->Run();
  }
}

void BackfillSearchIndex(Database& db) {
  // Oldest first, as the 異動 wrote them, so the trigram rows come in the same order as for a
  // register indexed from the start.
  auto rows = db.Prepare("SELECT " + codec::QualifiedVersionColumns() +
                         " FROM resident_version v ORDER BY v.change_id, v.addressee_number");
  while (rows->Step()) IndexVersion(db, codec::ReadVersion(*rows));
}

void BuildSearchIndexInBulk(Database& db) {
  db.Execute("CREATE TEMP TABLE bulk_search_key(kind INTEGER, value TEXT, addressee_number TEXT)");
  {
    auto rows = db.Prepare("SELECT " + codec::QualifiedVersionColumns() +
                           " FROM resident_version v ORDER BY v.addressee_number, v.history_number");
    std::string person;
    std::vector<SearchKey> seen;  // this person's keys so far
    while (rows->Step()) {
      const ResidentRecord version = codec::ReadVersion(*rows);
      if (version.addressee_number != person) {
        person = version.addressee_number;
        seen.clear();
      }
      for (SearchKey& key : SearchKeysOf(version)) {
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
        auto insert = db.Prepare("INSERT INTO temp.bulk_search_key VALUES (?1, ?2, ?3)");
        insert->Bind(1, static_cast<int>(key.kind)).Bind(2, key.value).Bind(3, person).Run();
        seen.push_back(std::move(key));
      }
    }
  }
  db.Execute(
      "INSERT OR IGNORE INTO search_key(kind, value, addressee_number) "
      "SELECT kind, value, addressee_number FROM temp.bulk_search_key ORDER BY 1, 2, 3");
  std::string text_kinds;
  for (int kind = 1; kind <= 16; ++kind) {
    if (!IsTextKind(static_cast<SearchKeyKind>(kind))) continue;
    text_kinds += (text_kinds.empty() ? "" : ", ") + std::to_string(kind);
  }
  db.Execute("INSERT INTO search_text(value, kind) SELECT value, kind FROM (SELECT DISTINCT value, kind "
             "FROM search_key WHERE kind IN (" + text_kinds + ")) ORDER BY kind, value");
  db.Execute("DROP TABLE temp.bulk_search_key");
}

std::vector<std::string> SqliteSearchIndex::Find(SearchKeyKind kind, const std::string& value,
                                                  MatchMode mode, std::size_t limit) {
  std::vector<std::string> found;
  const int k = static_cast<int>(kind);
  const auto cap = static_cast<int64_t>(limit);
  if (mode == MatchMode::kExact) {
    auto rows = db_.Prepare(
        "SELECT addressee_number FROM search_key WHERE kind = ?1 AND value = ?2 LIMIT ?3");
    rows->Bind(1, k).Bind(2, value).Bind(3, cap);
    while (rows->Step()) found.push_back(rows->ColumnText(0));
  } else if (mode == MatchMode::kPrefix) {
    // A range on the primary key: every value that starts with `value`. 0xFF never occurs in
    // UTF-8, so value + "\xFF" is above all of them.
    auto rows = db_.Prepare(
        "SELECT DISTINCT addressee_number FROM search_key WHERE kind = ?1 AND value >= ?2 "
        "AND value < ?3 LIMIT ?4");
    rows->Bind(1, k).Bind(2, value).Bind(3, value + "\xFF").Bind(4, cap);
    while (rows->Step()) found.push_back(rows->ColumnText(0));
  } else {
    // 部分一致: the trigram index, with the value as one quoted phrase.
    std::string phrase = "\"";
    for (char c : value) phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
    phrase += '"';
    // The values that contain it, then their people through search_key's primary key.
    auto rows = db_.Prepare(
        "SELECT DISTINCT k.addressee_number FROM search_text t JOIN search_key k ON k.kind = ?2 AND "
        "k.value = t.value WHERE search_text MATCH ?1 AND t.kind = ?2 LIMIT ?3");
    rows->Bind(1, "value : " + phrase).Bind(2, k).Bind(3, cap);
    while (rows->Step()) found.push_back(rows->ColumnText(0));
  }
  return found;
}

void SqliteSearchHistory::Record(const SearchHistoryEntry& entry) {
  auto insert = db_.Prepare(
      "INSERT INTO search_history(operator_id, query_text, hits) VALUES (?1, ?2, ?3)");
  insert->Bind(1, entry.operator_id).Bind(2, entry.query_text).Bind(3, entry.hits).Run();
}

namespace {
SearchHistoryEntry ReadEntry(const Statement& row) {
  return SearchHistoryEntry{row.ColumnInt(0), row.ColumnText(1), row.ColumnText(2), row.ColumnText(3),
                            row.ColumnInt(4)};
}
}  // namespace

std::vector<SearchHistoryEntry> SqliteSearchHistory::Recent(const std::string& operator_id,
                                                            std::size_t limit) {
  auto rows = db_.Prepare(
      "SELECT search_id, operator_id, searched_at, query_text, hits FROM search_history "
      "WHERE operator_id = ?1 ORDER BY search_id DESC LIMIT ?2");
  rows->Bind(1, operator_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<SearchHistoryEntry> entries;
  while (rows->Step()) entries.push_back(ReadEntry(*rows));
  return entries;
}

std::optional<SearchHistoryEntry> SqliteSearchHistory::Get(int64_t search_id) {
  auto row = db_.Prepare(
      "SELECT search_id, operator_id, searched_at, query_text, hits FROM search_history "
      "WHERE search_id = ?1");
  row->Bind(1, search_id);
  if (!row->Step()) return std::nullopt;
  return ReadEntry(*row);
}

}  // namespace jrr
