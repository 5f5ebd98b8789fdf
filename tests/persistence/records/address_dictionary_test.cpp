// SPDX-License-Identifier: Apache-2.0
//
// 住所辞書 and 方書 master (JK-1.3.2–1.3.4, 4.0.7) on a real register, with the shipped fictional
// dictionary of 架空市.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

std::string SampleDictionary() {
  std::ifstream file(std::string(JRR_SOURCE_DIR) + "/sample_data/kakuu_address_dictionary.tsv");
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

class AddressDictionaryTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    dictionary_ = std::make_unique<SqliteAddressDictionary>(*db_);
  }
  ResidentChanges WithDictionary() {
    return ResidentChanges(*repository_,
                           ChangeContext{CalDay("2026-11-27"), "clerk01", "本庁", "T01"},
                           dictionary_.get());
  }
  // Each call a new person (born a day later than the last), so no two are one person of one 戸籍.
  MoveInCommand MoveInAt(Address address) {
    MoveInCommand c;
    c.input = Input("2026-11-01", "2026-11-02");
    const std::string birth = "1989-01-" + std::to_string(10 + people_++);
    c.persons = {
        Person("住所", "辞書", "ジュウショ", "ジショ", birth.c_str(), Sex::kMale, "世帯主")};
    c.new_address = address;
    return c;
  }
  std::unique_ptr<SqliteAddressDictionary> dictionary_;
  int people_ = 0;
};

// REQ: JK-1.3.3, JK-1.3.4, JK-4.0.7
TEST_F(AddressDictionaryTest, TheShippedDictionaryLoadsAndOffersKatagaki) {
  EXPECT_FALSE(dictionary_->Loaded());
  auto imported = ImportAddressDictionary(*db_, "990001", SampleDictionary());
  ASSERT_TRUE(imported) << imported.error().rule_id << " " << imported.error().detail;
  EXPECT_EQ(imported->areas, 7);
  EXPECT_EQ(imported->katagaki, 4);
  EXPECT_TRUE(dictionary_->Loaded());
  EXPECT_EQ(dictionary_->Find("99000001001")->text, "架空県架空市桜町一丁目");
  const auto candidates = dictionary_->KatagakiFor("99000001001", "1番2号");
  ASSERT_EQ(candidates.size(), 2u);
  EXPECT_EQ(candidates[0].katagaki, "さくらハイツ");
}

// 番地マスタ: each 番地 with its kind, listed in the order of its numeric code; a later row
// corrects an earlier one.
// REQ: JK-1.3.2
TEST_F(AddressDictionaryTest, BanchiMasterListsInNumericOrder) {
  auto imported = ImportAddressDictionary(*db_, "990001", SampleDictionary());
  ASSERT_TRUE(imported) << imported.error().rule_id;
  EXPECT_EQ(imported->banchi, 6);
  auto kinds = [this](const char* code) {
    std::vector<std::string> out;
    for (const BanchiEntry& b : dictionary_->Banchi(code))
      out.push_back(b.banchi + ":" + std::string(BanchiKindCode(b.kind)));
    return out;
  };
  EXPECT_EQ(kinds("99000001001"),
            (std::vector<std::string>{"1番:block", "2番:block", "10番:block"}));
  EXPECT_EQ(kinds("99000003000"), (std::vector<std::string>{"1024番地:lot", "甲1025番地:special"}));
  ASSERT_TRUE(ImportAddressDictionary(*db_, "990001", "banchi\t99000003000\t1024番地\t特殊地番\n"));
  EXPECT_EQ(kinds("99000003000"),
            (std::vector<std::string>{"1024番地:special", "甲1025番地:special"}));
  EXPECT_TRUE(kinds("99000002002").empty());
}

// REQ: JK-1.3.3
TEST_F(AddressDictionaryTest, ImportIsValidatedAndAllOrNothing) {
  const std::pair<const char*, const char*> bad[] = {
      {"area\t1310100100\t東京都千代田区\t1000001\n", "address.code_invalid"},
      {"area\t13101001001\t東京都千代田区千代田\t1000001\n", "address.outside_municipality"},
      {"area\t99000009000\t架空県架空市大字新町\t999-0009\n", "address.postal_code_invalid"},
      {"area\t99000009000\t架空県架空市大字新町\n", "address.dictionary_line"},
      {"katagaki\t99000009999\t1番\tどこか荘\n", "address.unknown_code"},
      {"area\t99000009000\t架空県架空市大字新町\t9990009\nkatagaki\t99000009000\t1番\t\n",
       "address.dictionary_line"},
      {"banchi\t99000009999\t1番地\t地番\n", "address.unknown_code"},
      {"area\t99000009000\t架空県架空市大字新町\t9990009\nbanchi\t99000009000\t1番地\t番地\n",
       "address.dictionary_line"},
      {"area\t99000009000\t架空県架空市大字新町\t9990009\nbanchi\t99000009000\t\t地番\n",
       "address.dictionary_line"},
  };
  for (const auto& [tsv, rule] : bad) {
    auto imported = ImportAddressDictionary(*db_, "990001", tsv);
    ASSERT_FALSE(imported) << tsv;
    EXPECT_EQ(imported.error().rule_id, rule) << tsv;
  }
  EXPECT_FALSE(dictionary_->Loaded()) << "nothing of a refused file is kept";
}

// REQ: JK-1.3.3, JK-1.1.17
TEST_F(AddressDictionaryTest, AddressesInTheMunicipalityComeFromTheDictionary) {
  // Without a dictionary an address is kept as typed (teaching, demos).
  EXPECT_TRUE(WithDictionary().MoveIn(MoveInAt(TownAddress("1番1号"))));
  ASSERT_TRUE(ImportAddressDictionary(*db_, "990001", SampleDictionary()));
  auto typed = WithDictionary().MoveIn(
      MoveInAt(Address{"", "架空県架空市桜町一丁目", "2番2号", "", "", false}));
  ASSERT_FALSE(typed);
  EXPECT_EQ(typed.error().rule_id, "address.code_required");
  auto unknown =
      WithDictionary().MoveIn(MoveInAt(Address{"99000009999", "", "2番2号", "", "", false}));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().rule_id, "address.unknown_code");
  auto coded = WithDictionary().MoveIn(
      MoveInAt(Address{"99000002001", "", "5番10号", "若葉台団地3号棟", "", false}));
  ASSERT_TRUE(coded) << coded.error().rule_id;
  const Address& address = coded->versions[0].address;
  EXPECT_EQ(address.text, "架空県架空市若葉台一丁目") << "text from the dictionary";
  EXPECT_EQ(address.postal_code, "9990002");
  EXPECT_EQ(address.Printed(), "架空県架空市若葉台一丁目5番10号\u3000若葉台団地3号棟");
  // 転居 too.
  WithinMoveCommand move;
  move.input = Input("2026-11-20", "2026-11-21");
  move.movers = {coded->versions[0].addressee_number};
  move.new_address = Address{"", "どこか", "1番", "", "", false};
  EXPECT_EQ(WithDictionary().WithinMove(move).error().rule_id, "address.code_required");
  move.new_address = Address{"99000003000", "", "1024番地", "みなと寮", "", false};
  auto moved = WithDictionary().WithinMove(move);
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->versions[0].address.text, "架空県架空市大字みなと");
}

}  // namespace
}  // namespace jrr
