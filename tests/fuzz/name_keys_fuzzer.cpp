// SPDX-License-Identifier: Apache-2.0
//
// Names as typed: the kana and kanji search keys (ICU), the text checks, 続柄 and 番地. A key
// built once is built the same from itself (keys are fixed points).
#include "fuzz_input.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/records/banchi.h"
#include "jrr/domain/records/relationship.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = jrr::fuzz::Text(data, size);
  if (auto checked = jrr::CheckText(text)) (void)jrr::DecodeUtf8(text);
  if (auto key = jrr::BuildKanaKey(text); key && !key->empty()) {
    auto again = jrr::BuildKanaKey(*key);
    jrr::fuzz::Require(again && *again == *key, "a kana key is its own key");
  }
  if (auto key = jrr::BuildKanjiKey(text); key && !key->empty()) {
    auto again = jrr::BuildKanjiKey(*key);
    jrr::fuzz::Require(again && *again == *key, "a kanji key is its own key");
  }
  (void)jrr::CheckStatutoryFurigana(text);
  if (auto relationship = jrr::ParseRelationship(text)) {
    auto again = jrr::ParseRelationship(relationship->Text());
    jrr::fuzz::Require(again && again->Text() == relationship->Text(),
                       "a 続柄 prints as text that reads back");
  }
  (void)jrr::ParseBanchi(text);
  return 0;
}
