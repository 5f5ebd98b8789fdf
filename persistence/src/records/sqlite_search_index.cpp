// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_search_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "records/resident_version_codec.h"

namespace jrr {

namespace {

// The kinds resident_version answers through its own columns and indexes rather than search_key
// (schema 0028): every version is a row there, so a former value is found just as in search_key.
// 在留カード番号 stays in search_key: it is two columns, one of them unindexed.
std::optional<std::string_view> VersionColumnOf(SearchKeyKind kind) {
  switch (kind) {
    case SearchKeyKind::kBirthDate:
      return "birth_date_sort";  // resident_version_basic_facts
    case SearchKeyKind::kAddresseeNumber:
      return "addressee_number";  // the primary key
    case SearchKeyKind::kHouseholdNumber:
      return "household_number";
    case SearchKeyKind::kResidentRecordCode:
      return "resident_record_code";
    case SearchKeyKind::kIndividualNumber:
      return "individual_number";
    default:
      return std::nullopt;
  }
}

}  // namespace

void IndexVersion(Database& db, const ResidentRecord& version,
                  const std::vector<SearchKeyKind>* only) {
  for (const SearchKey& key : SearchKeysOf(version, only)) {
    if (VersionColumnOf(key.kind)) continue;
    {
      auto insert = db.Prepare(
          "INSERT OR IGNORE INTO search_key(kind, value, addressee_number) VALUES (?1, ?2, ?3)");
      insert->Bind(1, static_cast<int>(key.kind))
          .Bind(2, key.value)
          .Bind(3, version.addressee_number);
      insert->Run();
    }
    // An earlier version had it: indexed once. Codes, numbers and dates match whole or by prefix
    // only, so only text kinds go into the trigram index — each distinct value once (schema 0026):
    // when someone else has it already, it is there.
    if (db.Changes() == 0 || !IsTextKind(key.kind)) continue;
    {
      auto shared = db.Prepare(
          "SELECT 1 FROM search_key WHERE kind = ?1 AND value = ?2 AND addressee_number <> ?3 "
          "LIMIT 1");
      shared->Bind(1, static_cast<int>(key.kind))
          .Bind(2, key.value)
          .Bind(3, version.addressee_number);
      if (shared->Step()) continue;
    }
    auto text = db.Prepare("INSERT INTO search_text(value, kind) VALUES (?1, ?2)");
    text->Bind(1, key.value).Bind(2, static_cast<int>(key.kind));
    text->Run();
  }
}

void BackfillSearchIndex(Database& db, const std::vector<SearchKeyKind>* only) {
  // Oldest first, as the 異動 wrote them, so the trigram rows come in the same order as for a
  // register indexed from the start.
  auto rows = db.Prepare("SELECT " + codec::QualifiedVersionColumns() +
                         " FROM resident_version v ORDER BY v.change_id, v.addressee_number");
  while (rows->Step()) IndexVersion(db, codec::ReadVersion(*rows), only);
}

void RebuildKanaKeys(Database& db) {
  static const std::vector<SearchKeyKind> kKana = {
      SearchKeyKind::kKanaName, SearchKeyKind::kKanaFamily, SearchKeyKind::kKanaGiven};
  BackfillSearchIndex(db, &kKana);
}

uint64_t BulkSearchIndex::Key(uint64_t value, uint64_t person) {
  if (value >> (64 - kPersonBits) != 0)
    throw std::length_error("bulk search index: too many distinct values");
  return value << kPersonBits | person;
}

uint32_t BulkSearchIndex::Intern(Ids& ids, std::vector<const std::string*>& names,
                                 std::string_view text) {
  if (auto found = ids.find(text); found != ids.end()) return found->second;
  auto [it, added] = ids.emplace(std::string(text), static_cast<uint32_t>(names.size()));
  names.push_back(&it->first);  // node keys do not move when the map grows
  return it->second;
}

void BulkSearchIndex::Add(const ResidentRecord& version, const ResidentRecord* previous) {
  // The kinds search_key holds; the others are answered from resident_version's own columns.
  static const std::vector<SearchKeyKind> kStored = [] {
    std::vector<SearchKeyKind> kinds;
    for (int k = static_cast<int>(SearchKeyKind::kKanaName);
         k <= static_cast<int>(SearchKeyKind::kRemovalReason); ++k) {
      if (!VersionColumnOf(static_cast<SearchKeyKind>(k)))
        kinds.push_back(static_cast<SearchKeyKind>(k));
    }
    return kinds;
  }();
  const auto keys = previous != nullptr ? SearchKeysAddedBy(*previous, version, &kStored)
                                        : SearchKeysOf(version, &kStored);
  if (keys.empty()) return;
  const uint64_t person = PersonOf(version.addressee_number);
  for (const SearchKey& key : keys) {
    scratch_.assign(1, static_cast<char>(key.kind));
    scratch_ += key.value;
    keys_.push_back(Key(Intern(value_ids_, values_, scratch_), person));
  }
}

namespace {

std::optional<uint64_t> IssuedNumberValue(std::string_view number) {
  if (number.size() != 10) return std::nullopt;
  uint64_t value = 0;
  for (char c : number) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

std::string IssuedNumberText(uint64_t value) {
  std::string text(10, '0');
  for (int i = 9; i >= 0; --i, value /= 10)
    text[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
  return text;
}

}  // namespace

uint64_t BulkSearchIndex::PersonOf(std::string_view addressee_number) {
  if (!people_interned_) {
    if (auto value = IssuedNumberValue(addressee_number)) return *value;
    GeneralizePeople();
  }
  return Intern(person_ids_, people_, addressee_number);
}

void BulkSearchIndex::GeneralizePeople() {
  for (uint64_t& key : keys_) {
    const uint64_t person = Intern(person_ids_, people_, IssuedNumberText(key & kPersonMask));
    key = (key & ~kPersonMask) | person;
  }
  people_interned_ = true;
}

void BulkSearchIndex::Merge(BulkSearchIndex&& other) {
  if (sorted_ || other.sorted_) throw std::logic_error("bulk search index: merged after sorting");
  std::vector<uint64_t> value_of(other.values_.size());  // other's value id -> ours
  for (std::size_t id = 0; id < other.values_.size(); ++id)
    value_of[id] = Intern(value_ids_, values_, *other.values_[id]);
  if (other.people_interned_ && !people_interned_) GeneralizePeople();
  keys_.reserve(keys_.size() + other.keys_.size());
  for (const uint64_t key : other.keys_) {
    uint64_t person = key & kPersonMask;
    if (other.people_interned_) {
      person = Intern(person_ids_, people_, *other.people_[person]);
    } else if (people_interned_) {
      person = Intern(person_ids_, people_, IssuedNumberText(person));
    }
    keys_.push_back(Key(value_of[key >> kPersonBits], person));
  }
  std::vector<uint64_t>().swap(other.keys_);
}

void BulkSearchIndex::Sort() {
  if (sorted_) return;
  // Ids become ranks in SQLite's order (BINARY collation is byte order, as std::string's), so
  // sorting the 64-bit keys sorts the rows by (kind, value, addressee_number): each insert then
  // lands at the end of the b-tree.
  auto ranks = [](const std::vector<const std::string*>& names, Packed& packed) {
    std::vector<uint32_t> order(names.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return *names[a] < *names[b]; });
    std::vector<uint32_t> rank(names.size());
    packed.ends.reserve(order.size());
    for (uint32_t r = 0; r < order.size(); ++r) {
      rank[order[r]] = r;
      packed.bytes += *names[order[r]];
      packed.ends.push_back(packed.bytes.size());
    }
    return rank;
  };
  const auto value_rank = ranks(values_, sorted_values_);
  // Issued numbers already sort as their text does; interned ids need ranks.
  const auto person_rank =
      people_interned_ ? ranks(people_, sorted_people_) : std::vector<uint32_t>();
  for (uint64_t& key : keys_) {
    const uint64_t person = people_interned_ ? person_rank[key & kPersonMask] : key & kPersonMask;
    key = static_cast<uint64_t>(value_rank[key >> kPersonBits]) << kPersonBits | person;
  }
  std::sort(keys_.begin(), keys_.end());
  keys_.erase(std::unique(keys_.begin(), keys_.end()), keys_.end());
  sorted_ = true;
}

// The sorted keys as a read-only, eponymous virtual table (kind, value, addressee_number), so that
// one INSERT … SELECT writes them all: a statement run per row (bind three values, step, reset)
// cost about as much as the row's place in the b-tree. Registered on the connection for the one
// statement and dropped after it; the interned strings are handed to SQLite without a copy.
struct BulkSearchIndex::KeysTable {
  sqlite3_vtab base{};
  const BulkSearchIndex* index = nullptr;
  struct Cursor {
    sqlite3_vtab_cursor base{};
    std::size_t at = 0;
  };
  static constexpr const char* kName = "jrr_bulk_search_keys";

  static int Connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out, char**) {
    const int rc =
        sqlite3_declare_vtab(db, "CREATE TABLE x(kind INTEGER, value TEXT, addressee_number TEXT)");
    if (rc != SQLITE_OK) return rc;
    auto* table = new KeysTable;
    table->index = static_cast<const BulkSearchIndex*>(aux);
    *out = &table->base;
    return SQLITE_OK;
  }
  static int Disconnect(sqlite3_vtab* table) {
    delete reinterpret_cast<KeysTable*>(table);
    return SQLITE_OK;
  }
  static int BestIndex(sqlite3_vtab* table, sqlite3_index_info* info) {
    const auto rows = static_cast<double>(reinterpret_cast<KeysTable*>(table)->index->keys_.size());
    info->estimatedCost = rows;
    info->estimatedRows = static_cast<sqlite3_int64>(rows);
    return SQLITE_OK;
  }
  static int Open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
    *out = &(new Cursor)->base;
    return SQLITE_OK;
  }
  static int Close(sqlite3_vtab_cursor* cursor) {
    delete reinterpret_cast<Cursor*>(cursor);
    return SQLITE_OK;
  }
  static int Filter(sqlite3_vtab_cursor* cursor, int, const char*, int, sqlite3_value**) {
    reinterpret_cast<Cursor*>(cursor)->at = 0;
    return SQLITE_OK;
  }
  static int Next(sqlite3_vtab_cursor* cursor) {
    ++reinterpret_cast<Cursor*>(cursor)->at;
    return SQLITE_OK;
  }
  static const BulkSearchIndex& IndexOf(sqlite3_vtab_cursor* cursor) {
    return *reinterpret_cast<KeysTable*>(cursor->pVtab)->index;
  }
  static int Eof(sqlite3_vtab_cursor* cursor) {
    return reinterpret_cast<Cursor*>(cursor)->at >= IndexOf(cursor).keys_.size() ? 1 : 0;
  }
  static int Column(sqlite3_vtab_cursor* cursor, sqlite3_context* context, int column) {
    const BulkSearchIndex& index = IndexOf(cursor);
    const uint64_t key = index.keys_[reinterpret_cast<Cursor*>(cursor)->at];
    if (column == 0 || column == 1) {
      const std::string_view value =
          index.sorted_values_.At(static_cast<uint32_t>(key >> kPersonBits));
      if (column == 0) {
        sqlite3_result_int(context, static_cast<unsigned char>(value[0]));
      } else {
        sqlite3_result_text64(context, value.data() + 1, value.size() - 1, SQLITE_STATIC,
                              SQLITE_UTF8);
      }
    } else {
      const uint64_t person = key & kPersonMask;
      if (index.people_interned_) {
        const std::string_view text = index.sorted_people_.At(static_cast<uint32_t>(person));
        sqlite3_result_text64(context, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
      } else {
        const std::string text =
            IssuedNumberText(person);  // short: no allocation; SQLite copies it
        sqlite3_result_text64(context, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
      }
    }
    return SQLITE_OK;
  }
  static int Rowid(sqlite3_vtab_cursor* cursor, sqlite3_int64* rowid) {
    *rowid = static_cast<sqlite3_int64>(reinterpret_cast<Cursor*>(cursor)->at);
    return SQLITE_OK;
  }
  static const sqlite3_module& Module() {
    static const sqlite3_module module = [] {
      sqlite3_module m{};
      m.xConnect = Connect;  // no xCreate: eponymous only, nothing is stored in the schema
      m.xBestIndex = BestIndex;
      m.xDisconnect = Disconnect;
      m.xDestroy = Disconnect;
      m.xOpen = Open;
      m.xClose = Close;
      m.xFilter = Filter;
      m.xNext = Next;
      m.xEof = Eof;
      m.xColumn = Column;
      m.xRowid = Rowid;
      return m;
    }();
    return module;
  }
};

void BulkSearchIndex::InsertKeys(Database& db) {
  Sort();
  const int rc =
      sqlite3_create_module_v2(db.handle(), KeysTable::kName, &KeysTable::Module(), this, nullptr);
  if (rc != SQLITE_OK) db.ThrowError(rc, "register the bulk key table");
  struct Unregister {
    Database& db;
    ~Unregister() {
      sqlite3_create_module_v2(db.handle(), KeysTable::kName, nullptr, nullptr, nullptr);
    }
  } unregister{db};
  db.Execute(std::string("INSERT INTO search_key(kind, value, addressee_number) "
                         "SELECT kind, value, addressee_number FROM ") +
             KeysTable::kName);
  std::vector<uint64_t>().swap(keys_);
}

void BulkSearchIndex::InsertTextValues(Database& db) {
  Sort();
  auto insert = db.Prepare("INSERT INTO search_text(value, kind) VALUES (?1, ?2)");
  for (uint32_t rank = 0; rank < sorted_values_.ends.size(); ++rank) {
    const std::string_view value = sorted_values_.At(rank);
    const auto kind = static_cast<SearchKeyKind>(static_cast<unsigned char>(value[0]));
    if (!IsTextKind(kind)) continue;
    insert->Bind(1, value.substr(1)).Bind(2, static_cast<int>(kind));
    insert->Run();
    insert->Reset();
  }
}

std::vector<std::string> SqliteSearchIndex::Find(SearchKeyKind kind, const std::string& value,
                                                 MatchMode mode, std::size_t limit) {
  std::vector<std::string> found;
  const int k = static_cast<int>(kind);
  const auto cap = static_cast<int64_t>(limit);
  if (const auto column = VersionColumnOf(kind); column && mode != MatchMode::kContains) {
    // Codes, numbers and dates: the column's own index, exact or by prefix. The partial index on
    // 個人番号 covers only filled-in values; saying so lets the planner use it.
    std::string sql = "SELECT DISTINCT addressee_number FROM resident_version WHERE ";
    sql += column.value();
    sql += mode == MatchMode::kExact ? " = ?1" : " >= ?1 AND " + std::string(*column) + " < ?2";
    if (kind == SearchKeyKind::kIndividualNumber) sql += " AND individual_number <> ''";
    sql += " LIMIT ?3";
    auto rows = db_.Prepare(sql);
    rows->Bind(1, value).Bind(2, value + "\xFF").Bind(3, cap);
    while (rows->Step()) found.push_back(rows->ColumnText(0));
    return found;
  }
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
        "SELECT DISTINCT k.addressee_number FROM search_text t JOIN search_key k ON k.kind = ?2 "
        "AND "
        "k.value = t.value WHERE search_text MATCH ?1 AND t.kind = ?2 LIMIT ?3");
    rows->Bind(1, "value : " + phrase).Bind(2, k).Bind(3, cap);
    while (rows->Step()) found.push_back(rows->ColumnText(0));
  }
  return found;
}

void SqliteSearchHistory::Record(const SearchHistoryEntry& entry) {
  auto insert =
      db_.Prepare("INSERT INTO search_history(operator_id, query_text, hits) VALUES (?1, ?2, ?3)");
  insert->Bind(1, entry.operator_id).Bind(2, entry.query_text).Bind(3, entry.hits).Run();
}

namespace {
SearchHistoryEntry ReadEntry(const Statement& row) {
  return SearchHistoryEntry{row.ColumnInt(0), row.ColumnText(1), row.ColumnText(2),
                            row.ColumnText(3), row.ColumnInt(4)};
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
