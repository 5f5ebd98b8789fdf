// SPDX-License-Identifier: Apache-2.0
//
// Search keys (JK-2.1.2) and the statutory 振り仮名 (戸籍法, in force 2025-05-26).
#include "jrr/domain/core/name_keys.h"

#include <gtest/gtest.h>

#include <string>

#include "jrr/domain/core/text.h"

namespace jrr::embedded {
std::string_view kanji_variants_tsv();
}

namespace jrr {
namespace {

std::string Kana(std::string_view text) {
  auto key = BuildKanaKey(text);
  EXPECT_TRUE(key) << text << ": " << key.error().rule_id;
  return key ? *key : std::string("<error>");
}

struct KeyCase {
  const char* input;
  const char* key;
};

// REQ: JK-2.1.2
TEST(KanaKey, FoldsAsTheStandardAsks) {
  const KeyCase cases[] = {
      {"ヤマダ タロウ", "ヤマタタロオ"},
      {"やまだ　たろう", "ヤマタタロオ"},
      {"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマタタロオ"},
      {"ガッコウ", "カスコオ"},
      {"パーク", "ハク"},
      {"ｼﾞｮｰｼﾞ", "シヨシ"},
      {"ヴァイオリン", "ハイオリン"},
      {"ｳﾞｧｲｵﾘﾝ", "ハイオリン"},
      {"ゔぃくとる", "ヒクトル"},
      {"ウ\u3099ィクトル", "ヒクトル"},
      {"ヱビス ヲノ ヰノウエ", "エヒスオノイノオエ"},  // ノ is オ段, so its ウ reads オ
      {"キャサリン・ﾏﾘｰ", "キヤサリンマリ"},
      {"ワタナベ", "ハタナヘ"},
      {"ウエダ", "ウエタ"},  // ウ as the first character stays ウ
      {"サトウ", "サトオ"},
      {"ショウジ", "シヨオシ"},
      {"ゴウダ", "コオタ"},
      {"ササキ　ヽ", "ササキキ"},
      {"", ""},
      {" 　ー", ""},
  };
  for (const KeyCase& c : cases) EXPECT_EQ(Kana(c.input), c.key) << c.input;
}

// REQ: JK-2.1.2
TEST(KanaKey, PairsTheStandardTreatsAsEqualGetOneKey) {
  const std::pair<const char*, const char*> equal[] = {
      // 清音・濁音・半濁音
      {"ヂ", "ジ"},
      {"ズ", "ヅ"},
      {"チ", "ヂ"},
      {"ツ", "ヅ"},
      {"チ", "ジ"},
      {"ツ", "ズ"},
      {"ッ", "ヅ"},
      {"ミツコ", "ミヅコ"},
      {"ツヅキ", "ツツキ"},
      {"ワ", "ハ"},
      {"ヴァ", "バ"},
      {"ヴィ", "ビ"},
      {"ヴ", "ブ"},
      {"オ", "ヲ"},
      {"ヒ", "ピ"},
      {"カ", "ガ"},
      {"ハ", "パ"},
      // 拗音・促音の大小
      {"ッ", "ツ"},
      {"ャ", "ヤ"},
      {"ュ", "ユ"},
      {"ョ", "ヨ"},
      // 氏と名の間のスペース、全角・半角スペース
      {"ヤマダ タロウ", "ヤマダタロウ"},
      {"ヤマダ　タロウ", "ヤマダ タロウ"},
      // オ段 + ウ (2文字目以降)
      {"サトウ", "サトオ"},
      {"コウノ", "コオノ"},
      {"キョウコ", "キヨオコ"},
      // 長音の有無と6種のダッシュ
      {"マリー", "マリ"},
      {"マリー", "マリ―"},
      {"マリー", "マリ－"},
      {"マリー", "マリ‐"},
      {"マリー", "ﾏﾘｰ"},
      {"マリー", "マリ-"},
      // hiragana and half-width input
      {"さとう", "サトウ"},
      {"ｻﾄｳ", "サトウ"},
      {"ﾁﾞ", "ジ"},
  };
  for (const auto& [a, b] : equal) EXPECT_EQ(Kana(a), Kana(b)) << a << " vs " << b;
  const std::pair<const char*, const char*> different[] = {
      {"サトウ", "サイトウ"}, {"カ", "キ"}, {"ウエダ", "オエダ"},
      {"チ", "テ"},           {"ツ", "ト"}, {"オオノ", "オノ"},
  };
  for (const auto& [a, b] : different) EXPECT_NE(Kana(a), Kana(b)) << a << " vs " << b;
}

// REQ: JK-2.1.2
TEST(KanaKey, RefusesWhatIsNotKana) {
  const std::string huge(1 << 20, 'a');
  const std::pair<std::string, const char*> cases[] = {
      {"山田", "kana.not_kana"},
      {"ヤマダ1", "kana.not_kana"},
      {"YAMADA", "kana.not_kana"},
      {"（株）", "kana.not_kana"},
      {"ゝ", "kana.not_kana"},
      {"\xff", "text.invalid_utf8"},
      {"ヤマ\x07ダ", "text.control_char"},
      {huge, "text.too_long"},
  };
  for (const auto& [input, rule] : cases) {
    auto key = BuildKanaKey(input);
    ASSERT_FALSE(key) << input.substr(0, 20);
    EXPECT_EQ(key.error().rule_id, rule);
  }
  std::string buffer = "stale";
  EXPECT_FALSE(AppendKanaKey("山田", buffer));
  EXPECT_TRUE(buffer.empty());
}

// REQ: JK-2.1.2
TEST(KanjiKey, FoldsVariantsToTheStandardCharacter) {
  const KeyCase cases[] = {
      {"髙橋", "高橋"},           {"山﨑", "山崎"},
      {"渡邊", "渡辺"},           {"渡邉", "渡辺"},
      {"渡边", "渡辺"},           {"渡\U00028622", "渡辺"},
      {"齋藤", "斉藤"},           {"齊藤", "斉藤"},
      {"斎藤", "斉藤"},           {"濱田", "浜田"},
      {"濵田", "浜田"},           {"䕨原", "藤原"},
      {"籐原", "藤原"},           {"廣瀬", "広瀬"},
      {"澤田", "沢田"},           {"\U00020BB7野", "吉野"},
      {"葛\U000E0101飾", "葛飾"},  // IVS selector dropped in the key only
      {"\uFA19田", "神田"},        // compatibility ideograph
      {"山田　太郎", "山田太郎"}, {"ＳＭＩＴＨ John", "smithjohn"},
  };
  for (const KeyCase& c : cases) {
    auto key = BuildKanjiKey(c.input);
    ASSERT_TRUE(key) << c.input;
    EXPECT_EQ(*key, c.key) << c.input;
  }
}

// REQ: JK-2.1.2
TEST(KanjiKey, VariantTableIsWellFormed) {
  const auto lines = DataLines(embedded::kanji_variants_tsv());
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(SplitTabs(lines[0].text)[0], "variant") << "the first line names the columns";
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_GE(SplitTabs(lines[i].text).size(), 2u) << "line " << lines[i].number;
  }
  EXPECT_GE(lines.size() - 1, 40u);
  EXPECT_TRUE(BuildKanjiKey("試験"));  // loading the table does not abort
}

// Two writings of one address share a key; different addresses do not. The protection gate
// compares a print's addresses with where protected people live through this key.
// REQ: JK-3.4
TEST(AddressKey, FoldsTheWaysOneAddressIsWritten) {
  struct Same {
    const char* a;
    const char* b;
  };
  const Same same[] = {
      {"架空県架空市桜町一丁目1番2号", "架空県架空市桜町１丁目１－２"},
      {"架空県架空市桜町一丁目1番2号", "架空県架空市桜町1-1-2"},
      {"架空県架空市桜町一丁目1番地2", "架空県架空市桜町1丁目1ー2"},
      {"架空県架空市本町十二番地", "架空県架空市本町12番地"},
      {"架空県架空市本町二十番地", "架空県架空市本町20"},
      {"架空県架空市本町百五番地", "架空県架空市本町105"},
      {"架空県架空市桜町1番2号　コーポ桜101", "架空県架空市桜町1-2 コーポ桜１０１"},
      {"架空県架空市髙町3番", "架空県架空市高町3"},
      {"架空県架空市梅町二丁目12番3号", "架空県架空市梅町二丁目12の3"},
      {"架空県架空市梅町二丁目12番3号", "架空県架空市梅町２丁目１２ノ３"},
  };
  for (const Same& c : same)
    EXPECT_EQ(BuildAddressKey(c.a), BuildAddressKey(c.b)) << c.a << " / " << c.b;
  const Same different[] = {
      {"架空県架空市桜町一丁目1番2号", "架空県架空市桜町二丁目1番2号"},
      {"架空県架空市桜町1番2号", "架空県架空市桜町1番3号"},
      {"架空県架空市桜町1番2号", "架空県架空市梅町1番2号"},
      {"架空県架空市の町1番2号", "架空県架空市町1番2号"},  // a の in a name stays
  };
  for (const Same& c : different)
    EXPECT_NE(BuildAddressKey(c.a), BuildAddressKey(c.b)) << c.a << " / " << c.b;
  EXPECT_EQ(BuildAddressKey("\xe3\x82"), "")
      << "undecodable text keys as nothing rather than failing";
}

// LAW: 戸籍法第13条 (氏名の振り仮名, 2025-05-26)
TEST(StatutoryFurigana, AcceptsFullWidthKatakanaOnly) {
  for (const char* ok : {"ヤマダ", "キョウコ", "ジョージ", "ヴィクトル", "ッ"}) {
    EXPECT_TRUE(CheckStatutoryFurigana(ok)) << ok;
  }
  const std::pair<const char*, const char*> bad[] = {
      {"やまだ", "furigana.katakana_only"},  {"ﾔﾏﾀﾞ", "furigana.katakana_only"},
      {"ヤマ ダ", "furigana.katakana_only"}, {"山田", "furigana.katakana_only"},
      {"YAMADA", "furigana.katakana_only"},  {"", "text.empty"},
      {"\xe3\x82", "text.invalid_utf8"},
  };
  for (const auto& [input, rule] : bad) {
    auto status = CheckStatutoryFurigana(input);
    ASSERT_FALSE(status) << input;
    EXPECT_EQ(status.error().rule_id, rule) << input;
  }
}

}  // namespace
}  // namespace jrr
