// SPDX-License-Identifier: Apache-2.0
//
// 住所辞書 — AddressDictionary (JK-1.3.2, 1.3.3, 1.3.4): the municipality's 町字 with their
// 11-digit 住所コード (都道府県2 + 市区町村3 + 大字3 + 小字3) and postal codes, and the 方書 master
// (building names by 住所コード and 番地). Entries are staff-maintained data.
//
// Once any area is loaded, an address in this municipality must carry a 住所コード the dictionary
// knows; its printed text and postal code come from the dictionary. A register with no dictionary
// (teaching, demos) accepts typed addresses.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

struct AddressArea {
  std::string address_code;  // 11 digits
  std::string text;          // 都道府県 + 市区町村 + 町字, as printed
  std::string postal_code;   // 7 digits
};

// 番地マスタ (JK-1.3.2): a 番地 at which an address can be set, and what kind it is.
enum class BanchiKind { kLot, kBlock, kSpecial };  // 地番, 住居表示（街区符号・住居番号）, 特殊地番
std::string_view BanchiKindCode(BanchiKind kind);    // lot, block, special
std::string_view BanchiKindNameJa(BanchiKind kind);  // 地番, 住居表示, 特殊地番
std::optional<BanchiKind> BanchiKindFromName(
    std::string_view name);  // either code or Japanese name
struct BanchiEntry {
  std::string address_code;
  std::string banchi;
  BanchiKind kind = BanchiKind::kLot;
};

struct KatagakiEntry {
  std::string address_code;
  std::string banchi;
  std::string katagaki;  // 方書
};

class AddressDictionary {
 public:
  virtual ~AddressDictionary() = default;
  // True once any area has been loaded.
  virtual bool Loaded() = 0;
  virtual std::optional<AddressArea> Find(std::string_view address_code) = 0;
  // 方書入力補助 (JK-4.0.7): the 方書 registered for this 住所コード and 番地.
  virtual std::vector<KatagakiEntry> KatagakiFor(std::string_view address_code,
                                                 std::string_view banchi) = 0;
};

// Checks an area entry: 11 ASCII digits whose first five are this municipality's code without
// its check digit, non-empty text, a 7-digit postal code. Errors: address.code_invalid,
// address.outside_municipality, address.text_required, address.postal_code_invalid.
Status ValidateArea(const AddressArea& area, std::string_view municipality_code);

// Resolves an address the clerk entered for a place in this municipality: with a dictionary
// loaded the 住所コード must be known (address.unknown_code, address.code_required) and the text
// and postal code are taken from it; without one the address is kept as typed.
Result<Address> ResolveAddress(AddressDictionary& dictionary, Address address);

}  // namespace jrr
