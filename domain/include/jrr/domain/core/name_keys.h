// SPDX-License-Identifier: Apache-2.0
//
// 検索キー — KanaKey and KanjiKey: the fuzzy search keys of JK-2.1.2, and the check on the statutory
// 氏名の振り仮名.
//
// A key is computed from a name and stored beside it (the name itself is never changed); a search
// computes the key of what the clerk typed and compares keys. Because a key is an equivalence,
// every fuzzy rule is applied so that it stays transitive. The rules, in the order applied:
//
//   KanaKey (JK-2.1.2)
//     1. input: katakana, hiragana or half-width katakana; combining and spacing (han)dakuten;
//        anything else is refused (kana.not_kana);
//     2. both space widths, the six dash variants (ー ― － ‐ ｰ -) and ・ are dropped: spaces between
//        氏 and 名 are ignored, and the presence of a long vowel is ignored;
//     3. ヴァ ヴィ ヴ ヴェ ヴォ read as バ ビ ブ ベ ボ;
//     4. 濁音 and 半濁音 fold to 清音 (ガ→カ, パ→ハ); ヂ and ヅ are first read as ジ and ズ, which
//        they sound like, so ヂ=ジ=シ and ヅ=ズ=ス (and, as a consequence, ヂ≠チ);
//     5. small kana fold to large (ッ→ツ, ャ→ヤ, ヵ→カ); ヲ→オ, ヰ→イ, ヱ→エ, and ワ→ハ as the standard
//        asks (the particle は read as ワ);
//     6. from the second character on, ウ after an オ段 character reads as オ (サトウ = サトオ).
//     ゝゞヽヾ repeat the previous character.
//
//   KanjiKey (JK-2.1.2, 異体字)
//     ICU NFKC_Casefold (drops IVS/SVS selectors, folds width and case, maps compatibility
//     ideographs), drops white space, then folds 異体字 to 正字 from domain/data/kanji_variants.tsv.
#pragma once

#include <string>
#include <string_view>

#include "jrr/domain/core/result.h"

namespace jrr {

// The kana key of `text`, as UTF-8 katakana. Errors: text.* (see CheckText), kana.not_kana.
// An input of only spaces and dashes gives an empty key.
Result<std::string> BuildKanaKey(std::string_view text);

// As BuildKanaKey, appending to `out` (cleared first) so a caller can reuse one buffer; this is
// the bulk path measured by bench/name_keys_bench.cpp. On error `out` is left empty.
Status AppendKanaKey(std::string_view text, std::string& out);

// The kanji key of `text`. Errors: text.*.
Result<std::string> BuildKanjiKey(std::string_view text);

// The key two writings of one address share, for telling whether a print shows an address (the
// protection gate), not for search: the kanji key with kanji numerals as digits (十二 → 12), and
// without dashes (‐ ‑ ‒ – — ― − ー ｰ -) or 丁目・番地・番・号, so 一丁目2番3号 and １－２－３ are one
// key. It errs towards equal keys (12-3 and 1-23 share one), which the gate turns into a refusal,
// never into a print. Text that is not valid gives an empty key.
std::string BuildAddressKey(std::string_view text);

// 氏名の振り仮名 (戸籍法第13条第1項第2号, in force 2025-05-26): the statutory reading is written in
// katakana only — full-width katakana and ー, with small kana kept as written (キョウコ ≠ キヨウコ).
// Errors: text.*, furigana.katakana_only (with the offending character's position in detail).
Status CheckStatutoryFurigana(std::string_view text);

}  // namespace jrr
