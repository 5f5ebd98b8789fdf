// SPDX-License-Identifier: Apache-2.0
//
// Kana key building (target ≥ 1,000,000 names/s on one core) and, for comparison, the ICU
// Transliterator chain the table-driven key replaces, measured side by side in one run.
#include <benchmark/benchmark.h>
#include <unicode/translit.h>

#include <memory>
#include <string>
#include <vector>

#include "jrr/domain/core/name_keys.h"

namespace {

// Readings of realistic shape: full names with a space, in the three scripts people type.
std::vector<std::string> Names() {
  const char* surnames[] = {"サトウ", "スズキ",   "タカハシ", "タナカ",   "ワタナベ",
                            "イトウ", "ヤマモト", "ナカムラ", "コバヤシ", "カトウ",
                            "ヨシダ", "ヤマダ",   "ササキ",   "マツモト", "イノウエ",
                            "キムラ", "ハヤシ",   "シミズ",   "ヤマザキ", "モリ"};
  const char* given[] = {"ショウタ", "ユウキ",   "キョウコ", "ジョウジ",   "ハルト",
                         "ユイ",     "メイ",     "リョウ",   "ヴィクトル", "マリー",
                         "ソウタ",   "コウイチ", "ミツキ",   "チヅル",     "ヒナタ"};
  std::vector<std::string> names;
  for (const char* s : surnames) {
    for (const char* g : given) names.push_back(std::string(s) + "　" + g);
  }
  names.push_back("ﾔﾏﾀﾞ ﾀﾛｳ");
  names.push_back("さとう　じょうじ");
  return names;
}

void BM_KanaKey(benchmark::State& state) {
  const auto names = Names();
  std::string key;
  std::size_t i = 0;
  for (auto _ : state) {
    auto status = jrr::AppendKanaKey(names[i++ % names.size()], key);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(key.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KanaKey);

void BM_KanaKeyIcuTransliterator(benchmark::State& state) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  // The rule-based chain jrr does not use (see docs/performance.md), for comparison.
  const icu::UnicodeString rules = icu::UnicodeString::fromUTF8(
      ":: NFKC ;\n:: Hiragana-Katakana ;\n[:White_Space:] > ;\n[ー―－‐\\-] > ;\n"
      "ヴァ > バ ; ヴィ > ビ ; ヴェ > ベ ; ヴォ > ボ ; ヴ > ブ ;\n:: NFD ;\n[\\u3099\\u309A] > "
      ";\n:: NFC ;\n"
      "ァ > ア ; ィ > イ ; ゥ > ウ ; ェ > エ ; ォ > オ ; ッ > ツ ; ャ > ヤ ; ュ > ユ ; ョ > ヨ ; "
      "ヮ > ワ ;\n"
      "ヰ > イ ; ヱ > エ ; ヲ > オ ; ワ > ハ ;\n");
  std::unique_ptr<icu::Transliterator> transliterator(icu::Transliterator::createFromRules(
      "KanaKeyBench", rules, UTRANS_FORWARD, parse_error, status));
  if (U_FAILURE(status)) {
    state.SkipWithError(u_errorName(status));
    return;
  }
  const auto names = Names();
  std::size_t i = 0;
  for (auto _ : state) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(names[i++ % names.size()]);
    transliterator->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KanaKeyIcuTransliterator);

void BM_KanjiKey(benchmark::State& state) {
  const char* names[] = {"髙橋　一郎", "渡邊　花子", "齋藤　誠", "山﨑　𠮷男",
                         "葛\U000E0101飾　太郎"};
  std::size_t i = 0;
  for (auto _ : state) {
    auto key = jrr::BuildKanjiKey(names[i++ % 5]);
    benchmark::DoNotOptimize(key);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_KanjiKey);

}  // namespace
