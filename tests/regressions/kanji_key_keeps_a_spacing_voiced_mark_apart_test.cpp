// SPDX-License-Identifier: Apache-2.0
//
// Defect (found by tests/fuzz/name_keys_fuzzer): the kanji search key normalized a name and then
// dropped its spaces, so a spacing 濁点 (゛, which NFKC writes as a space and a combining mark)
// left a mark that never joined its letter: 「ホ゛」 did not find 「ボ」, and a key was not its own key.
#include <gtest/gtest.h>

#include "jrr/domain/core/name_keys.h"

namespace jrr::testing {
namespace {

// REQ: JK-2.1.2
TEST(KanjiKeyVoicedMark, ASpacingVoicedMarkJoinsItsLetter) {
  EXPECT_EQ(*BuildKanjiKey("ホ゛"), *BuildKanjiKey("ボ"));
  EXPECT_EQ(*BuildKanjiKey("ハ゜ン"), *BuildKanjiKey("パン"));
  for (const char* text : {"ホ゛", "渡邊　一郎", "ﾎﾞ ﾀﾝ", "ヴ ィ"}) {
    const std::string key = *BuildKanjiKey(text);
    EXPECT_EQ(*BuildKanjiKey(key), key) << text << ": a key is its own key";
  }
}

}  // namespace
}  // namespace jrr::testing
