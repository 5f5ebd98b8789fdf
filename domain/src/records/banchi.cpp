// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/banchi.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

// Separators between the numbers: they carry no meaning of their own once the numbers are read.
bool IsSeparator(char32_t c) {
  switch (c) {
    case U'番':
    case U'地':
    case U'号':
    case U'の':
    case U'ノ':
    case U'之':
    case U'-':
    case U'－':
    case U'‐':
    case U'ー':
    case U'−':
    case U'―':
    case U' ':
    case U'\u3000':
    case U'.':
    case U'．':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string BanchiCode::SortKey() const {
  std::string key;
  for (long n : numbers) {
    char part[16];
    std::snprintf(part, sizeof part, "%09ld", n);
    if (!key.empty()) key += '.';
    key += part;
  }
  if (!rest.empty()) key += (key.empty() ? "" : "~") + rest;
  return key;
}

BanchiCode ParseBanchi(std::string_view banchi) {
  BanchiCode code;
  if (!CheckText(banchi, {.max_bytes = 1024, .allow_empty = true})) {
    code.rest = std::string(banchi);  // not text we can read: kept whole, sorted by itself
    return code;
  }
  const std::u32string text = DecodeUtf8(banchi);
  if (text.find(U'号') != std::u32string::npos && text.find(U"番地") == std::u32string::npos) {
    code.residence_indication = true;
  }
  std::u32string rest;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    if (DecimalDigitValue(c) >= 0) {
      long value = 0;
      int digits = 0;
      while (i < text.size() && DecimalDigitValue(text[i]) >= 0) {
        if (++digits <= 9) value = value * 10 + DecimalDigitValue(text[i]);
        ++i;
      }
      code.numbers.push_back(value);
    } else if (IsKanjiNumeral(c)) {
      const std::size_t start = i;
      while (i < text.size() && IsKanjiNumeral(text[i])) ++i;
      code.numbers.push_back(KanjiNumeralValue(std::u32string_view(text).substr(start, i - start)));
    } else {
      if (!IsSeparator(c)) rest += c;
      ++i;
    }
  }
  code.rest = EncodeUtf8(rest);
  return code;
}

void SortInAddressOrder(std::vector<ResidentRecord>& records, std::size_t limit) {
  // The key of each record once, not once per comparison.
  std::vector<std::pair<std::string, std::size_t>> keys;
  keys.reserve(records.size());
  for (std::size_t i = 0; i < records.size(); ++i)
    keys.emplace_back(ParseBanchi(records[i].address.banchi).SortKey(), i);
  std::vector<std::size_t> order(records.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    const ResidentRecord& a = records[x];
    const ResidentRecord& b = records[y];
    return std::tie(a.address.address_code, a.address.text, keys[x].first, a.address.katagaki,
                    a.household_number, a.addressee_number) <
           std::tie(b.address.address_code, b.address.text, keys[y].first, b.address.katagaki,
                    b.household_number, b.addressee_number);
  });
  std::vector<ResidentRecord> sorted;
  sorted.reserve(std::min(limit, records.size()));
  for (std::size_t i = 0; i < order.size() && i < limit; ++i)
    sorted.push_back(std::move(records[order[i]]));
  records = std::move(sorted);
}

}  // namespace jrr
