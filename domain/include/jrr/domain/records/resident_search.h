// SPDX-License-Identifier: Apache-2.0
//
// 検索 — SearchKey, SearchQuery, SearchIndex: finding a person by any key of JK-2.1.3, over
// every version (so former names, 旧氏, 通称 and former addresses find them) and over 除票.
//
// Every version a 異動 writes contributes its keys (SearchKeysOf); the index keeps each distinct
// (kind, value, 宛名番号) once. A query needs at least one indexed key — 性別, 続柄 and the like
// only narrow what the keys found — so no search ever scans the register.
//
// Matching: kExact compares whole keys; kPrefix (前方一致) uses the same B-tree as a range;
// kContains (部分一致) uses a trigram index and needs at least three characters of key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

enum class SearchKeyKind {
  kKanaName = 1,     // 氏名カナ (氏+名, also 旧氏+名 and 通称)
  kKanaFamily = 2,   // 氏カナ (and 旧氏カナ)
  kKanaGiven = 3,    // 名カナ
  kKanjiName = 4,    // 氏名 (漢字 with 異体字 folded; アルファベット氏名; 通称)
  kKanjiFamily = 5,  // 氏 (and 旧氏)
  kKanjiGiven = 6,   // 名
  kAddress = 7,      // 住所 (町字+番地)
  kAddressCode = 8,  // 住所コード
  kKatagaki = 9,     // 方書
  kBirthDate = 10,   // 生年月日 (internal ISO date)
  kAddresseeNumber = 11,
  kHouseholdNumber = 12,
  kResidentRecordCode = 13,
  kIndividualNumber = 14,
  kResidenceCard = 15,  // 在留カード番号 and 特別永住者証明書番号
  kRemovalReason = 16,  // 消除事由 (code), for 除票
};

struct SearchKey {
  SearchKeyKind kind;
  std::string value;
  friend bool operator==(const SearchKey&, const SearchKey&) = default;
};

// The keys of one version. Names that cannot be keyed (a kana field holding something else)
// contribute no key of that kind rather than failing the 異動. With `only`, just the keys of
// those kinds are built (a search checking a found person needs a few, not all).
std::vector<SearchKey> SearchKeysOf(const ResidentRecord& version,
                                    const std::vector<SearchKeyKind>* only = nullptr);

// The keys of `version` that `previous` — the same person's version before it — may lack: those
// built from inputs that differ between the two (a 転居 changes the address keys, not the names).
// A person's keys over all versions are the first version's SearchKeysOf and, for each later one,
// SearchKeysAddedBy: a loader that sees every version in order builds far fewer keys. Some may be
// the person's already (a name given back); the index keeps each once anyway. `only` as above.
std::vector<SearchKey> SearchKeysAddedBy(const ResidentRecord& previous,
                                         const ResidentRecord& version,
                                         const std::vector<SearchKeyKind>* only = nullptr);

// Kinds whose keys are free text, indexed for 部分一致 as well (names, address, 方書).
bool IsTextKind(SearchKeyKind kind);

enum class MatchMode { kExact, kPrefix, kContains };

// The conditions of one search; empty fields are not conditions.
struct SearchQuery {
  std::string kana;        // 氏名カナ; with a space between 氏 and 名, both parts are matched
  std::string kana_given;  // 名カナ only
  std::string name;        // 氏名 (漢字); a space splits 氏 and 名 the same way
  std::string given_name;  // 名 only
  MatchMode mode = MatchMode::kExact;  // for the name, address and 方書 conditions
  std::optional<CalendarDate> birth_date;
  std::optional<Sex> sex;
  std::string relationship;  // 続柄 as written (子, 妻, …)
  std::string address;
  std::string address_code;
  std::string katagaki;
  std::string addressee_number;
  std::string household_number;
  std::string resident_record_code;
  std::string individual_number;  // needs the 個人番号 permission
  std::string residence_card;     // 在留カード番号 or 特別永住者証明書番号
  std::optional<ChangeReason> removal_reason;
  bool residents_only = false;  // leave 除票 out
  std::size_t limit = 100;

  // A stable one-line text of the conditions (key=value;…), for the search history; ParseText
  // reads it back (search.invalid_query on anything else).
  std::string ToText() const;
  static Result<SearchQuery> ParseText(std::string_view text);
  // The condition names only (no values), for the アクセスログ.
  std::string ConditionNames() const;
};

// The index port. persistence/ implements it on SQLite.
class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Distinct 宛名番号 having a key of `kind` that matches `value`, at most `limit` of them.
  virtual std::vector<std::string> Find(SearchKeyKind kind, const std::string& value,
                                        MatchMode mode, std::size_t limit) = 0;
};

// 検索履歴 (JK-2.1.1): each user's searches, to be re-run.
struct SearchHistoryEntry {
  int64_t search_id = 0;
  std::string operator_id;
  std::string searched_at;
  std::string query_text;  // SearchQuery::ToText
  int64_t hits = 0;
};

class SearchHistory {
 public:
  virtual ~SearchHistory() = default;
  virtual void Record(const SearchHistoryEntry& entry) = 0;
  // This operator's searches, newest first.
  virtual std::vector<SearchHistoryEntry> Recent(const std::string& operator_id,
                                                 std::size_t limit) = 0;
  virtual std::optional<SearchHistoryEntry> Get(int64_t search_id) = 0;
};

}  // namespace jrr
