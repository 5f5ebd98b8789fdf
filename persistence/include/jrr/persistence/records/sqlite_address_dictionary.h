// SPDX-License-Identifier: Apache-2.0
//
// AddressDictionary on SQLite (schema 0007), and its import.
#pragma once

#include <string_view>

#include "jrr/domain/records/address_dictionary.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteAddressDictionary final : public AddressDictionary {
 public:
  explicit SqliteAddressDictionary(Database& db) : db_(db) {}
  bool Loaded() override;
  std::optional<AddressArea> Find(std::string_view address_code) override;
  // Every area as it now stands (the latest entry of each code), by code: the screens' 町字 list.
  std::vector<AddressArea> Areas();
  std::vector<KatagakiEntry> KatagakiFor(std::string_view address_code,
                                         std::string_view banchi) override;
  // 番地マスタ of a 住所コード as it now stands (the latest entry of each 番地), in the order of the
  // 番地's numeric code (JK-1.3.2: 2番地 before 10番地).
  std::vector<BanchiEntry> Banchi(std::string_view address_code);

 private:
  Database& db_;
};

struct DictionaryImport {
  int64_t areas = 0;
  int64_t katagaki = 0;
  int64_t banchi = 0;
};

// Imports a TSV of lines `area<TAB>住所コード<TAB>text<TAB>郵便番号` and
// `katagaki<TAB>住所コード<TAB>番地<TAB>方書` and `banchi<TAB>住所コード<TAB>番地<TAB>種類` (種類: 地番,
// 住居表示 or 特殊地番) (# starts a comment), all or nothing, validating each area against the
// municipality and each 方書 and 番地 against a known area.
// Errors: address.* and address.dictionary_line, with the line number in detail.
Result<DictionaryImport> ImportAddressDictionary(Database& db, std::string_view municipality_code,
                                                 std::string_view tsv);

}  // namespace jrr
