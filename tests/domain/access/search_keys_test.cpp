// SPDX-License-Identifier: Apache-2.0
// 検索キー: SearchKeysAddedBy gives, together with the first version's keys, every key a person's
// versions hold — what a bulk loader relies on when it builds the keys of what changed only.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "jrr/domain/records/resident_search.h"

namespace jrr {
namespace {

ResidentRecord Person() {
  ResidentRecord r;
  r.addressee_number = "0000000019";
  r.household_number = "0000000027";
  r.status = ResidentStatus::kResident;
  r.family_name = "髙橋";
  r.given_name = "一郎";
  r.family_kana = "タカハシ";
  r.given_kana = "イチロウ";
  r.birth_date = ExactRecordedDate({1980, 5, 1});
  r.address.text = "架空県架空市桜町二丁目";
  r.address.banchi = "23番7号";
  r.address.address_code = "99000001002";
  r.resident_record_code = "65049001660";
  return r;
}

using Keys = std::set<std::pair<int, std::string>>;

Keys AsSet(const std::vector<SearchKey>& keys) {
  Keys set;
  for (const SearchKey& k : keys) set.emplace(static_cast<int>(k.kind), k.value);
  return set;
}

struct Change {
  const char* what;
  std::function<void(ResidentRecord&)> apply;
  std::vector<SearchKeyKind> kinds_built;  // the kinds SearchKeysAddedBy builds for it
};

// REQ: JK-2.1.3
TEST(SearchKeysAddedBy, ThePersonsKeysOverAllVersionsAreTheFirstsAndWhatEachChangeAdded) {
  using K = SearchKeyKind;
  const std::vector<Change> changes = {
      {"転居: the address only",
       [](ResidentRecord& r) {
         r.address.banchi = "5番地";
         r.address.katagaki = "架空荘101";
       },
       {K::kAddress, K::kKatagaki}},
      {"nothing a key is made of (続柄)",
       [](ResidentRecord& r) { r.relationship = RelationshipToHead{}; },
       {}},
      {"旧氏 recorded",
       [](ResidentRecord& r) {
         r.former_surname = "齋藤";
         r.former_surname_kana = "サイトウ";
       },
       {K::kKanjiName, K::kKanjiFamily, K::kKanaName, K::kKanaFamily}},
      {"氏 changed (婚姻)",
       [](ResidentRecord& r) {
         r.family_name = "山﨑";
         r.family_kana = "ヤマサキ";
       },
       {K::kKanaName, K::kKanaFamily, K::kKanjiName, K::kKanjiFamily}},
      {"名 changed: 旧氏+名 changes too",
       [](ResidentRecord& r) { r.given_name = "壱郎"; },
       {K::kKanjiName, K::kKanjiGiven}},
      {"住所コード",
       [](ResidentRecord& r) { r.address.address_code = "99000001003"; },
       {K::kAddressCode}},
      {"転出 → 除票",
       [](ResidentRecord& r) {
         r.status = ResidentStatus::kRemoved;
         r.removal = RemovalItems{};
         r.removal->reason = ChangeReason::kDomesticMoveOut;
       },
       {K::kRemovalReason}},
  };
  ResidentRecord version = Person();
  Keys every = AsSet(SearchKeysOf(version));
  Keys collected = every;
  for (const Change& change : changes) {
    SCOPED_TRACE(change.what);
    ResidentRecord next = version;
    change.apply(next);
    const auto added = SearchKeysAddedBy(version, next);
    std::set<K> built;
    for (const SearchKey& k : added) built.insert(k.kind);
    EXPECT_EQ(built, std::set<K>(change.kinds_built.begin(), change.kinds_built.end()));
    const Keys all_of_next = AsSet(SearchKeysOf(next));
    for (const auto& key : AsSet(added))
      EXPECT_TRUE(all_of_next.count(key)) << key.second;  // nothing invented
    every.insert(all_of_next.begin(), all_of_next.end());
    const Keys more = AsSet(added);
    collected.insert(more.begin(), more.end());
    EXPECT_EQ(collected, every);  // nothing of the new version missed
    version = next;
  }
}

// REQ: JK-2.1.3
TEST(SearchKeysAddedBy, KeepsToTheKindsAsked) {
  ResidentRecord before = Person();
  ResidentRecord after = before;
  after.family_name = "高橋";
  after.household_number = "0000000035";
  const std::vector<SearchKeyKind> only = {SearchKeyKind::kKanjiFamily};
  const auto added = SearchKeysAddedBy(before, after, &only);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].kind, SearchKeyKind::kKanjiFamily);
  EXPECT_TRUE(SearchKeysAddedBy(before, before).empty());
}

}  // namespace
}  // namespace jrr
