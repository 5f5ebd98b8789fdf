// SPDX-License-Identifier: Apache-2.0
//
// 検索 (JK-2.1): every key of JK-2.1.3, over former names and addresses and 除票, exact, prefix
// and partial matching, several conditions at once, marks for 支援措置 and 仮登録, the user's
// history, and the index (no scan of the register).
#include <gtest/gtest.h>

#include <algorithm>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/records/pending_changes.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/older_schema.h"
#include "support/register_fixture.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

class SearchTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    // 架空 一郎 (世帯主), 花子 (妻, 旧氏 山﨑), 次郎 (子) at 桜町一丁目1番2号 さくら荘101.
    family_ = MoveInFamily();
    head_ = family_.versions[0].addressee_number;
    wife_ = family_.versions[1].addressee_number;
    child_ = family_.versions[2].addressee_number;
    CorrectionCommand former;
    former.input = Input("2026-11-01", "2026-11-01");
    former.reason = ChangeReason::kCorrectionExOfficio;
    former.addressee_number = head_;
    former.individual_number = "123456789018";
    ASSERT_TRUE(Changes().Correction(former));
    CorrectionCommand code;
    code.input = Input("2026-11-01", "2026-11-01");
    code.reason = ChangeReason::kCorrectionExOfficio;
    code.addressee_number = wife_;
    code.resident_record_code = "12345678903";
    ASSERT_TRUE(Changes().Correction(code));
    // The family moves; the old address must still find them.
    WithinMoveCommand move;
    move.input = Input("2026-11-10", "2026-11-12");
    move.movers = {head_, wife_, child_};
    move.new_address =
        Address{"99000100200", "架空県架空市桜町二丁目", "5番6号", "", "9990002", false};
    ASSERT_TRUE(Changes().WithinMove(move));
    // A second household: 髙橋 (はしご高) who later died — a 除票.
    MoveInCommand other;
    other.input = Input("2026-10-01", "2026-10-05");
    other.persons = {
        Person("髙橋", "ヂロウ", "タカハシ", "ヂロウ", "平成2年2月2日", Sex::kMale, "世帯主")};
    other.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
    other.new_address = TownAddress("7番8号", "コーポ架空202");
    auto moved_in = Changes("2026-10-05").MoveIn(other);
    ASSERT_TRUE(moved_in);
    takahashi_ = moved_in->versions[0].addressee_number;
    DeathCommand death;
    death.input = Input("2026-11-20", "2026-11-21");
    death.addressee_number = takahashi_;
    ASSERT_TRUE(Changes().Death(death));
    log_ = std::make_unique<SqliteAuditLog>(*db_);
    index_ = std::make_unique<SqliteSearchIndex>(*db_);
    history_ = std::make_unique<SqliteSearchHistory>(*db_);
  }
  Viewer Clerk(std::set<Permission> permissions = AllPermissions()) {
    return Viewer{"clerk01",    "本庁", "T01", std::move(permissions), CalDay("2026-11-27"),
                  1'800'000'000};
  }
  Result<SearchResult> Run(const SearchQuery& q, Viewer viewer) {
    return ResidentAccess(*repository_, *log_, viewer).Search(q, *index_, *history_);
  }
  std::vector<std::string> Found(const SearchQuery& q) {
    auto result = Run(q, Clerk());
    EXPECT_TRUE(result) << (result ? "" : result.error().rule_id);
    std::vector<std::string> atenas;
    if (result) {
      for (const SearchHit& h : result->hits) atenas.push_back(h.record.addressee_number);
    }
    return atenas;
  }

  ChangeOutcome family_;
  std::string head_, wife_, child_, takahashi_;
  std::unique_ptr<SqliteAuditLog> log_;
  std::unique_ptr<SqliteSearchIndex> index_;
  std::unique_ptr<SqliteSearchHistory> history_;
};

struct Case {
  const char* name;
  std::function<void(SearchQuery&)> set;
  std::vector<int> expected;  // indexes into {head, wife, child, takahashi}
};

// REQ: JK-2.1.3, JK-2.1.2
TEST_F(SearchTest, EveryKeyFindsTheRightPeople) {
  const std::vector<std::string> people = {head_, wife_, child_, takahashi_};
  const std::vector<Case> cases = {
      {"kana full name", [](SearchQuery& q) { q.kana = "カクウイチロウ"; }, {0}},
      {"kana, half-width and small kana folded", [](SearchQuery& q) { q.kana = "ｶｸｳ ｲﾁﾛｳ"; }, {0}},
      {"kana 氏 and 名 apart", [](SearchQuery& q) { q.kana = "カクウ　ハナコ"; }, {1}},
      {"kana ヂ read as ジ", [](SearchQuery& q) { q.kana = "タカハシ ジロウ"; }, {3}},
      {"kana given name only", [](SearchQuery& q) { q.kana_given = "ジロウ"; }, {2, 3}},
      {"kana prefix",
       [](SearchQuery& q) {
         q.kana = "カクウ";
         q.mode = MatchMode::kPrefix;
       },
       {0, 1, 2}},
      {"kana contains",
       [](SearchQuery& q) {
         q.kana = "ハシジ";
         q.mode = MatchMode::kContains;
       },
       {3}},
      {"kanji with 異体字 (高 finds 髙)", [](SearchQuery& q) { q.name = "高橋ヂロウ"; }, {3}},
      {"kanji given name only", [](SearchQuery& q) { q.given_name = "花子"; }, {1}},
      {"kanji 氏 prefix",
       [](SearchQuery& q) {
         q.name = "架";
         q.mode = MatchMode::kPrefix;
       },
       {0, 1, 2}},
      {"birth date", [](SearchQuery& q) { q.birth_date = CalDay("1982-06-15"); }, {1}},
      {"birth date and sex",
       [](SearchQuery& q) {
         q.kana = "カクウ";
         q.mode = MatchMode::kPrefix;
         q.sex = Sex::kMale;
       },
       {0, 2}},
      {"relationship narrows",
       [](SearchQuery& q) {
         q.kana = "カクウ";
         q.mode = MatchMode::kPrefix;
         q.relationship = "子";
       },
       {2}},
      {"current address",
       [](SearchQuery& q) { q.address = "架空県架空市桜町二丁目5番6号"; },
       {0, 1, 2}},
      {"former address",
       [](SearchQuery& q) { q.address = "架空県架空市桜町一丁目1番2号"; },
       {0, 1, 2}},
      {"address contains",
       [](SearchQuery& q) {
         q.address = "7番8号";
         q.mode = MatchMode::kContains;
       },
       {3}},
      // One trigram row for the value the household shares (schema 0026); all three are found.
      {"address contains, shared",
       [](SearchQuery& q) {
         q.address = "桜町二丁目";
         q.mode = MatchMode::kContains;
       },
       {0, 1, 2}},
      {"address code", [](SearchQuery& q) { q.address_code = "99000100200"; }, {0, 1, 2}},
      {"address code prefix",
       [](SearchQuery& q) {
         q.address_code = "990001";
         q.mode = MatchMode::kPrefix;
       },
       {0, 1, 2, 3}},
      {"方書",
       [](SearchQuery& q) {
         q.katagaki = "コーポ架空";
         q.mode = MatchMode::kPrefix;
       },
       {3}},
      {"宛名番号", [this](SearchQuery& q) { q.addressee_number = wife_; }, {1}},
      {"世帯番号",
       [this](SearchQuery& q) { q.household_number = family_.versions[0].household_number; },
       {0, 1, 2}},
      {"個人番号", [](SearchQuery& q) { q.individual_number = "123456789018"; }, {0}},
      {"住民票コード", [](SearchQuery& q) { q.resident_record_code = "12345678903"; }, {1}},
      {"消除事由", [](SearchQuery& q) { q.removal_reason = ChangeReason::kDeath; }, {3}},
      {"除票 left out",
       [](SearchQuery& q) {
         q.kana_given = "ジロウ";
         q.residents_only = true;
       },
       {2}},
      {"two keys intersect",
       [](SearchQuery& q) {
         q.kana_given = "ジロウ";
         q.birth_date = CalDay("1990-02-02");
       },
       {3}},
      {"nothing", [](SearchQuery& q) { q.kana = "ソンザイシナイ"; }, {}},
  };
  for (const Case& c : cases) {
    SearchQuery q;
    c.set(q);
    std::vector<std::string> expected;
    for (int i : c.expected) expected.push_back(people[static_cast<std::size_t>(i)]);
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(Found(q), expected) << c.name;
  }  // The trigram index holds each distinct value once.
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_text"),
            db_->QueryInt(
                "SELECT count(*) FROM (SELECT DISTINCT kind, value FROM search_key WHERE kind IN "
                "(SELECT DISTINCT kind FROM search_text))"));
  EXPECT_LT(
      db_->QueryInt("SELECT count(*) FROM search_text"),
      db_->QueryInt(
          "SELECT count(*) FROM search_key WHERE kind IN (SELECT DISTINCT kind FROM search_text)"));
}

// REQ: JK-2.1.3
TEST_F(SearchTest, FormerNamesFindThePersonAndSayItWasAFormerOne) {
  // 旧氏: the wife's 旧氏 is recorded; her old surname then finds her.
  CorrectionCommand former;
  former.input = Input("2026-11-26", "2026-11-26");
  former.reason = ChangeReason::kCorrectionExOfficio;
  former.addressee_number = wife_;
  former.family_name = "山﨑";
  former.family_kana = "ヤマザキ";
  ASSERT_TRUE(Changes().Correction(former));
  SearchQuery by_old_name;
  by_old_name.kana = "カクウ ハナコ";
  auto result = Run(by_old_name, Clerk());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 1u);
  EXPECT_TRUE(result->hits[0].matched_former);
  EXPECT_EQ(result->hits[0].record.family_name, "山﨑");  // shown as she is now
  SearchQuery by_new_name;
  by_new_name.name = "山崎　花子";  // 崎 finds 﨑
  result = Run(by_new_name, Clerk());
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 1u);
  EXPECT_FALSE(result->hits[0].matched_former);
}

// REQ: JK-2.1.3, JK-2.2.4, JK-4.0.8, JK-10.3
TEST_F(SearchTest, ResultsMarkProtectionAndPendingAndRespectPermissions) {
  SupportMeasure m;
  m.applicant = wife_;
  m.state = SupportState::kInForce;
  ASSERT_TRUE(ProtectionDesk(repository_->Protections(), *log_, Clerk()).Register(m));
  SqlitePendingChangeRepository pending(*db_);
  WithinMoveCommand move;
  move.input = Input("2026-11-26", "2026-11-27");
  move.movers = {child_};
  move.new_address = TownAddress("3番3号");
  move.relationships[child_] = Rel("世帯主");
  ASSERT_TRUE(EnterProvisional(*repository_, pending,
                               ChangeContext{CalDay("2026-11-27"), "clerk02", "本庁", "T01"}, move,
                               "within_move", "{}"));
  SearchQuery q;
  q.kana = "カクウ";
  q.mode = MatchMode::kPrefix;
  std::set<Permission> clerk = {Permission::kView};
  auto result = Run(q, Clerk(clerk));
  ASSERT_TRUE(result);
  ASSERT_EQ(result->hits.size(), 3u);
  for (const SearchHit& h : result->hits) {
    EXPECT_EQ(h.protection.restricted, h.record.addressee_number == wife_);
    EXPECT_FALSE(h.protection.support_target) << "not this clerk's to know";
    EXPECT_TRUE(h.pending);  // the 仮登録 reads the whole household, so it involves all three
    EXPECT_TRUE(h.record.individual_number.empty());  // not this clerk's to see
  }
  EXPECT_EQ(result->hits[1].protection.marker, std::string(kRestrictedMarker));
  // 個人番号 as a key needs the permission; viewing needs kView.
  SearchQuery by_number;
  by_number.individual_number = "123456789018";
  EXPECT_EQ(Run(by_number, Clerk(clerk)).error().rule_id, "access.permission_denied");
  EXPECT_EQ(Run(q, Clerk({})).error().rule_id, "access.permission_denied");
}

// REQ: JK-2.1.3
TEST_F(SearchTest, RefusesSearchesThatWouldScan) {
  SearchQuery only_sex;
  only_sex.sex = Sex::kFemale;
  only_sex.relationship = "妻";
  EXPECT_EQ(Run(only_sex, Clerk()).error().rule_id, "search.no_key");
  SearchQuery short_partial;
  short_partial.kana = "カク";
  short_partial.mode = MatchMode::kContains;
  EXPECT_EQ(Run(short_partial, Clerk()).error().rule_id, "search.pattern_too_short");
  SearchQuery not_kana;
  not_kana.kana = "abc";
  EXPECT_FALSE(Run(not_kana, Clerk()));
  // The statements behind exact and prefix matching search the index; none scans a table.
  for (const char* sql : {
           "EXPLAIN QUERY PLAN SELECT addressee_number FROM search_key WHERE kind = 1 AND value = "
           "'x' LIMIT 5",
           "EXPLAIN QUERY PLAN SELECT DISTINCT addressee_number FROM search_key WHERE kind = 1 AND "
           "value >= 'x' AND value < 'y' LIMIT 5",
       }) {
    auto plan = db_->Prepare(sql);
    std::string steps;
    while (plan->Step()) steps += plan->ColumnText(3) + "\n";
    EXPECT_NE(steps.find("SEARCH search_key"), std::string::npos) << steps;
    EXPECT_EQ(steps.find("SCAN"), std::string::npos) << steps;
  }
  // Dates and numbers are answered by resident_version's own indexes (schema 0028), as the
  // statements of SqliteSearchIndex::Find put them; none scans the history either.
  for (const char* condition :
       {"birth_date_sort = ?1", "addressee_number = ?1", "household_number = ?1",
        "resident_record_code = ?1", "individual_number = ?1 AND individual_number <> ''",
        "household_number >= ?1 AND household_number < ?2"}) {
    auto plan = db_->Prepare(
        std::string(
            "EXPLAIN QUERY PLAN SELECT DISTINCT addressee_number FROM resident_version WHERE ") +
        condition + " LIMIT ?3");
    std::string steps;
    while (plan->Step()) steps += plan->ColumnText(3) + "\n";
    EXPECT_NE(steps.find("SEARCH resident_version USING"), std::string::npos) << condition << "\n"
                                                                              << steps;
    EXPECT_EQ(steps.find("SCAN"), std::string::npos) << condition << "\n" << steps;
  }
}

// REQ: JK-2.1.1, JK-10.2
TEST_F(SearchTest, HistoryCanBeRerunAndTheLogKeepsNoValues) {
  SearchQuery q;
  q.kana = "カクウ　ハナコ";
  q.birth_date = CalDay("1982-06-15");
  q.mode = MatchMode::kPrefix;
  q.residents_only = true;
  q.limit = 7;
  ASSERT_TRUE(Run(q, Clerk()));
  const auto recent = history_->Recent("clerk01", 10);
  ASSERT_EQ(recent.size(), 1u);
  EXPECT_EQ(recent[0].hits, 1);
  auto again = SearchQuery::ParseText(recent[0].query_text);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->ToText(), q.ToText());
  EXPECT_EQ(Found(*again), std::vector<std::string>{wife_});
  EXPECT_TRUE(history_->Recent("clerk09", 10).empty());
  for (const char* bad :
       {"kana", "kana=", "sex=x", "birth=2026-02-30", "limit=0", "nope=1", "removal=999"}) {
    EXPECT_EQ(SearchQuery::ParseText(bad).error().rule_id, "search.invalid_query") << bad;
  }
  SearchQuery escaped;
  escaped.katagaki = "a;b=c\\d";
  EXPECT_EQ(SearchQuery::ParseText(escaped.ToText())->katagaki, escaped.katagaki);
  // The log names the conditions and the people found — not what was typed.
  AuditQuery searches;
  searches.action = AuditAction::kSearch;
  const auto logged = log_->Search(searches);
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[1].event.detail, "conditions=kana,match,birth,residents_only,limit hits=1");
  EXPECT_EQ(logged[1].event.targets, std::vector<std::string>{wife_});
  EXPECT_EQ(logged[1].event.detail.find("ハナコ"), std::string::npos);
}

// A register whose trigram index holds a row per person (schema 0013) keeps one per distinct value
// after 0026, and 部分一致 finds the same people.
// REQ: JK-2.1.3
TEST_F(SearchTest, MigrationKeepsEachTrigramValueOnce) {
  SearchQuery q;
  q.address = "桜町二丁目";
  q.mode = MatchMode::kContains;
  const auto before = Found(q);
  db_->Execute(std::string(kUndoMigrationsFrom29) +
               "DROP TABLE search_text; "
               "CREATE VIRTUAL TABLE search_text USING fts5(value, kind UNINDEXED, "
               "addressee_number UNINDEXED, tokenize = 'trigram'); "
               "INSERT INTO search_text(value, kind, addressee_number) SELECT value, kind, "
               "addressee_number FROM search_key "
               "WHERE kind IN (1, 2, 3, 4, 5, 6, 7, 9); "
               "DROP TABLE banchi_master; DELETE FROM schema_migration WHERE version >= 26; PRAGMA "
               "user_version = 25;");
  const int64_t per_person = Count("search_text");
  Migrate(*db_);
  EXPECT_LT(Count("search_text"), per_person);
  EXPECT_EQ(Count("search_text"),
            db_->QueryInt(
                "SELECT count(*) FROM (SELECT DISTINCT kind, value FROM search_key WHERE kind IN "
                "(1, 2, 3, 4, 5, 6, 7, 9))"));
  EXPECT_EQ(Found(q), before);
  EXPECT_EQ(before.size(), 3u);
}

// REQ: JK-2.1.2
// A register written before schema 0033 holds kana keys of the earlier fold, where チ and ツ were
// keys of their own (一郎 イチロウ was イチロオ): the migration builds every kana key again, so
// チ and ヂ, ツ and ヅ find each other in it as in a new register.
TEST_F(SearchTest, KanaKeysOfTheEarlierFoldAreBuiltAgain) {
  const int64_t kana_keys =
      db_->QueryInt("SELECT count(*) FROM search_key WHERE kind IN (1, 2, 3)");
  const int64_t kana_texts =
      db_->QueryInt("SELECT count(*) FROM search_text WHERE kind IN (1, 2, 3)");
  db_->Execute(
      "DROP TRIGGER search_key_no_delete; DELETE FROM search_key WHERE kind IN (1, 2, 3); "
      "DELETE FROM search_text WHERE kind IN (1, 2, 3); "
      "CREATE TRIGGER search_key_no_delete BEFORE DELETE ON search_key BEGIN SELECT "
      "RAISE(ABORT, 'append-only'); END; "
      "INSERT INTO search_key(kind, value, addressee_number) VALUES (3, 'イチロオ', '" +
      head_ +
      "'); "
      "INSERT INTO search_text(value, kind) VALUES ('イチロオ', 3); "
      "DELETE FROM schema_migration WHERE version >= 33; PRAGMA user_version = 32;");
  Migrate(*db_);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_key WHERE value = 'イチロオ'"), 0);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_key WHERE kind IN (1, 2, 3)"), kana_keys);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM search_text WHERE kind IN (1, 2, 3)"), kana_texts);
  SearchQuery q;
  q.kana_given = "イヂロウ";
  EXPECT_EQ(Found(q), std::vector<std::string>{head_});
  q.kana_given = "チロウ";  // 次郎 ジロウ and 髙橋 ヂロウ (a 除票)
  EXPECT_EQ(Found(q).size(), 2u);
}

// Five versions, each with the one it replaced: two people sharing values, a later 転居 and 氏の変更
// that add keys, and a migrated 宛名番号 of another length among issued ones.
std::vector<std::pair<ResidentRecord, std::optional<ResidentRecord>>> KeyedVersions() {
  auto person = [](const char* number, const char* family, const char* family_kana) {
    ResidentRecord r;
    r.addressee_number = number;
    r.status = ResidentStatus::kResident;
    r.family_name = family;
    r.given_name = "一郎";
    r.family_kana = family_kana;
    r.given_kana = "イチロウ";
    r.address.text = "架空県架空市桜町一丁目";
    r.address.banchi = "1番2号";
    r.address.address_code = "99000001001";
    return r;
  };
  const ResidentRecord a = person("0000000019", "髙橋", "タカハシ");
  ResidentRecord a2 = a;
  a2.address.banchi = "3番4号";
  a2.address.katagaki = "さくら荘101";
  const ResidentRecord migrated =
      person("12345678", "齋藤", "サイトウ");  // 8 digits, from an older system
  ResidentRecord a3 = a2;
  a3.family_name = "山﨑";
  a3.family_kana = "ヤマサキ";
  a3.former_surname = "髙橋";
  a3.former_surname_kana = "タカハシ";
  const ResidentRecord b = person("0000000027", "髙橋", "タカハシ");  // shares values with a
  return {{a, std::nullopt}, {b, std::nullopt}, {a2, a}, {migrated, std::nullopt}, {a3, a2}};
}

std::vector<std::string> ThreeColumnRows(Database& db, const char* sql) {
  std::vector<std::string> out;
  auto q = db.Prepare(sql);
  while (q->Step())
    out.push_back(q->ColumnText(0) + "|" + q->ColumnText(1) + "|" + q->ColumnText(2));
  return out;
}

// What a bulk loader does with its index once every version is in: the key rows, then the
// trigram values, in one transaction.
void WriteCollected(Database& db, BulkSearchIndex& index) {
  Transaction t(db);
  index.InsertKeys(db);
  index.InsertTextValues(db);
  t.Commit();
}

constexpr const char* kKeyRows =
    "SELECT kind, value, addressee_number FROM search_key ORDER BY 1, 2, 3";
constexpr const char* kTextRows = "SELECT kind, value, '' FROM search_text ORDER BY 1, 2";

// The bulk loader's index (the sample town), collected from each version and the one it replaced,
// writes the rows IndexVersion writes version by version — also when a migrated 宛名番号 of another length turns
// up among issued ones, and when later versions only add the keys of what changed.
// REQ: JK-2.1.3
TEST(BulkSearchIndexTest, WritesTheRowsIndexVersionWrites) {
  TempDir dir;
  Database one_by_one(dir.File("a.db"));
  Database bulk(dir.File("b.db"));
  Migrate(one_by_one);
  Migrate(bulk);
  BulkSearchIndex index;
  {
    Transaction t(one_by_one);
    for (const auto& [v, previous] : KeyedVersions()) {
      IndexVersion(one_by_one, v);
      index.Add(v, previous ? &*previous : nullptr);
    }
    t.Commit();
  }
  WriteCollected(bulk, index);
  EXPECT_EQ(ThreeColumnRows(bulk, kKeyRows), ThreeColumnRows(one_by_one, kKeyRows));
  EXPECT_EQ(ThreeColumnRows(bulk, kTextRows), ThreeColumnRows(one_by_one, kTextRows));
  EXPECT_GT(ThreeColumnRows(bulk, kKeyRows).size(), 20u);
  const auto all = ThreeColumnRows(bulk, kKeyRows);
  EXPECT_TRUE(std::any_of(all.begin(), all.end(), [](const std::string& r) {
    return r.find("|12345678") != std::string::npos;
  }));
}

// The sample town's two threads each collect part of the keys (whichever has time) and merge them:
// the rows are those one index collecting every version writes, however the versions were split —
// including when only one side saw the migrated 宛名番号 (its people become interned ids there).
// REQ: JK-2.1.3
TEST(BulkSearchIndexTest, TwoHalvesMergedWriteTheRowsOfOne) {
  const std::vector<std::vector<int>> splits = {// per version: 0 this index, 1 the other
                                                {0, 0, 0, 0, 0}, {1, 1, 1, 1, 1}, {0, 1, 0, 1, 0},
                                                {1, 0, 1, 0, 1}, {0, 0, 0, 1, 1}, {1, 1, 1, 0, 0}};
  const auto versions = KeyedVersions();
  TempDir dir;
  Database whole(dir.File("whole.db"));
  Migrate(whole);
  BulkSearchIndex one;
  for (const auto& [v, previous] : versions) one.Add(v, previous ? &*previous : nullptr);
  WriteCollected(whole, one);
  for (std::size_t n = 0; n < splits.size(); ++n) {
    SCOPED_TRACE("split " + std::to_string(n));
    Database merged(dir.File("merged" + std::to_string(n) + ".db"));
    Migrate(merged);
    BulkSearchIndex mine;
    BulkSearchIndex theirs;
    for (std::size_t i = 0; i < versions.size(); ++i) {
      const auto& [v, previous] = versions[i];
      (splits[n][i] == 0 ? mine : theirs).Add(v, previous ? &*previous : nullptr);
    }
    mine.Merge(std::move(theirs));
    WriteCollected(merged, mine);
    EXPECT_EQ(ThreeColumnRows(merged, kKeyRows), ThreeColumnRows(whole, kKeyRows));
    EXPECT_EQ(ThreeColumnRows(merged, kTextRows), ThreeColumnRows(whole, kTextRows));
  }
}

// A register from before the index gets it when it is opened: the migration's step indexes
// every version already there.
// REQ: JK-2.1.3
TEST_F(SearchTest, MigrationBackfillsTheIndexOfAnOlderRegister) {
  const int64_t keys = Count("search_key");
  const int64_t texts = Count("search_text");
  ASSERT_GT(keys, 20);
  db_->Execute(
      std::string(kUndoMigrationsFrom29) +
      "DROP TABLE search_key; DROP TABLE search_text; DROP TABLE search_history; "
      "DROP TABLE staff_user_version; DROP TABLE login_attempt; "  // 14 and 15 come after; they are reapplied too
      "DROP TABLE issuance_disposal; DROP TABLE issuance_target; DROP TABLE issuance; DROP TABLE "
      "certificate_option; "
      "DROP TABLE household_order; DROP TABLE seal_issuance; DROP TABLE seal_version; DROP TABLE "
      "seal_entry; "
      "DROP TABLE fuhyo_issuance; DROP TABLE fuhyo_inbox; DROP TABLE fuhyo_delivery; DROP TABLE "
      "fuhyo_outbox; DROP TABLE fuhyo_address; "
      "DROP TABLE cs_inbox_use; DROP TABLE cs_inbox; DROP TABLE cs_delivery; DROP TABLE cs_outbox; "
      "DROP TABLE banchi_master; "
      "ALTER TABLE change_record DROP COLUMN special; ALTER TABLE change_record DROP COLUMN "
      "move_out_information; "
      "ALTER TABLE change_record DROP COLUMN on_request; ALTER TABLE resident_version DROP COLUMN "
      "last_registered_address; DROP TABLE api_token_revocation; DROP TABLE api_token; DROP TABLE "
      "fuhyo_protection; DROP TABLE fuhyo_member_version; DROP TABLE fuhyo_event; DROP TABLE "
      "fuhyo; "
      "DELETE FROM schema_migration WHERE version >= 13; PRAGMA user_version = 12;");
  Migrate(*db_);
  EXPECT_EQ(Count("search_key"), keys);
  EXPECT_EQ(Count("search_text"), texts);
  SearchQuery q;
  q.address = "架空県架空市桜町一丁目1番2号";
  EXPECT_EQ(Found(q).size(), 3u);
}

}  // namespace
}  // namespace jrr::testing
