// SPDX-License-Identifier: Apache-2.0
//
// 番地・枝番等コード — BanchiCode (JK-1.3.2): the numbers of a 番地 as written, so addresses sort
// as numbers do (2番 before 10番, which text order gets wrong). A 番地 is kept as the text the
// clerk typed (Address::banchi); the code is derived from it, never stored apart from it, so the
// two cannot disagree.
//
// Read: 地番 (「123番地の4」「123番地4」), 住居表示 (「3番4号」: 街区符号, 住居番号), hyphenated forms
// (「12-3-405」), full-width digits and kanji numerals (「千二百三番地」), and a room number after the
// last separator. What is not a number — a 特殊地番 such as 「甲」「乙」「無番地」, a building letter —
// is kept in `rest` and sorts after the numbers.
//
// Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/records/resident_record.h"

namespace jrr {

struct BanchiCode {
  // In order: 番地 (or 街区符号), 枝番 (or 住居番号), 小枝番, 部屋番号 — as many as are written.
  std::vector<long> numbers;
  std::string rest;                   // the non-numeric part, in order, without separators
  bool residence_indication = false;  // 住居表示 (…番…号) rather than 地番 (…番地)

  // A key that sorts as the numbers do: each number in 9 digits, then the rest. Empty for an
  // empty 番地.
  std::string SortKey() const;
};

BanchiCode ParseBanchi(std::string_view banchi);

// Sorts `records` into 住所順, the order of lists by address (閲覧用一部の写し, JK-9.5): 住所コード,
// 町字, 番地 by its code, 方書, 世帯番号, 宛名番号; keeps the first `limit`.
void SortInAddressOrder(std::vector<ResidentRecord>& records, std::size_t limit);

}  // namespace jrr
