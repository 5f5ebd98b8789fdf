// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_address_dictionary.h"

#include <algorithm>
#include <vector>

#include "jrr/domain/core/text.h"
#include "jrr/domain/records/banchi.h"

namespace jrr {

bool SqliteAddressDictionary::Loaded() {
  return db_.QueryInt("SELECT EXISTS (SELECT 1 FROM address_area)") != 0;
}

std::optional<AddressArea> SqliteAddressDictionary::Find(std::string_view address_code) {
  auto statement = db_.Prepare(
      "SELECT address_code, text, postal_code FROM address_area WHERE address_code = ?1 "
      "ORDER BY entry_id DESC LIMIT 1");
  statement->Bind(1, address_code);
  if (!statement->Step()) return std::nullopt;
  return AddressArea{statement->ColumnText(0), statement->ColumnText(1), statement->ColumnText(2)};
}

std::vector<AddressArea> SqliteAddressDictionary::Areas() {
  auto statement = db_.Prepare(
      "SELECT a.address_code, a.text, a.postal_code FROM address_area a WHERE a.entry_id = (SELECT "
      "max(b.entry_id) "
      "FROM address_area b WHERE b.address_code = a.address_code) ORDER BY a.address_code");
  std::vector<AddressArea> areas;
  while (statement->Step()) {
    areas.push_back(
        AddressArea{statement->ColumnText(0), statement->ColumnText(1), statement->ColumnText(2)});
  }
  return areas;
}

std::vector<KatagakiEntry> SqliteAddressDictionary::KatagakiFor(std::string_view address_code,
                                                                std::string_view banchi) {
  auto statement = db_.Prepare(
      "SELECT DISTINCT katagaki FROM katagaki_master WHERE address_code = ?1 AND banchi = ?2 "
      "ORDER BY katagaki");
  statement->Bind(1, address_code).Bind(2, banchi);
  std::vector<KatagakiEntry> entries;
  while (statement->Step()) {
    entries.push_back({std::string(address_code), std::string(banchi), statement->ColumnText(0)});
  }
  return entries;
}

std::vector<BanchiEntry> SqliteAddressDictionary::Banchi(std::string_view address_code) {
  auto statement = db_.Prepare(
      "SELECT b.banchi, b.kind FROM banchi_master b WHERE b.address_code = ?1 AND b.entry_id = "
      "(SELECT max(c.entry_id) "
      "FROM banchi_master c WHERE c.address_code = b.address_code AND c.banchi = b.banchi)");
  statement->Bind(1, address_code);
  std::vector<std::pair<std::string, BanchiEntry>> keyed;
  while (statement->Step()) {
    BanchiEntry e{std::string(address_code), statement->ColumnText(0),
                  BanchiKindFromName(statement->ColumnText(1)).value_or(BanchiKind::kLot)};
    keyed.emplace_back(ParseBanchi(e.banchi).SortKey(), std::move(e));
  }
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<BanchiEntry> entries;
  for (auto& [key, e] : keyed) entries.push_back(std::move(e));
  return entries;
}

Result<DictionaryImport> ImportAddressDictionary(Database& db, std::string_view municipality_code,
                                                 std::string_view tsv) {
  auto bad_line = [](int line, Error error) {
    error.detail = "line " + std::to_string(line) + ": " + error.detail;
    return error;
  };
  std::vector<AddressArea> areas;
  std::vector<KatagakiEntry> katagaki;
  std::vector<BanchiEntry> banchi;
  for (const DataLine& data_line : DataLines(tsv)) {
    const int line_number = data_line.number;
    if (auto ok = CheckText(data_line.text, {.max_bytes = 1000, .allow_newlines = true}); !ok) {
      return bad_line(line_number, ok.error());
    }
    const auto views = SplitTabs(data_line.text);
    const std::vector<std::string> fields(views.begin(), views.end());
    if (fields.size() != 4 ||
        (fields[0] != "area" && fields[0] != "katagaki" && fields[0] != "banchi")) {
      return bad_line(line_number, MakeError(ErrorCode::kInvalidInput, "address.dictionary_line",
                                             "expected area|katagaki|banchi and three fields"));
    }
    if (fields[0] == "banchi") {
      const auto kind = BanchiKindFromName(fields[3]);
      if (!kind || fields[2].empty()) {
        return bad_line(line_number,
                        MakeError(ErrorCode::kInvalidInput, "address.dictionary_line",
                                  "banchi needs a 番地 and 地番, 住居表示 or 特殊地番"));
      }
      banchi.push_back({fields[1], fields[2], *kind});
      continue;
    }
    if (fields[0] == "area") {
      AddressArea area{fields[1], fields[2], fields[3]};
      if (auto ok = ValidateArea(area, municipality_code); !ok)
        return bad_line(line_number, ok.error());
      areas.push_back(area);
    } else {
      if (fields[3].empty()) {
        return bad_line(line_number, MakeError(ErrorCode::kInvalidInput, "address.dictionary_line",
                                               "empty 方書"));
      }
      katagaki.push_back({fields[1], fields[2], fields[3]});
    }
  }
  Transaction transaction(db);
  for (const AddressArea& area : areas) {
    auto insert =
        db.Prepare("INSERT INTO address_area(address_code, text, postal_code) VALUES (?1, ?2, ?3)");
    insert->Bind(1, area.address_code).Bind(2, area.text).Bind(3, area.postal_code).Run();
  }
  SqliteAddressDictionary dictionary(db);
  for (const KatagakiEntry& entry : katagaki) {
    if (!dictionary.Find(entry.address_code)) {
      return MakeError(ErrorCode::kRuleViolation, "address.unknown_code",
                       "方書 for unknown 住所コード " + entry.address_code);
    }
    auto insert = db.Prepare(
        "INSERT INTO katagaki_master(address_code, banchi, katagaki) VALUES (?1, ?2, ?3)");
    insert->Bind(1, entry.address_code).Bind(2, entry.banchi).Bind(3, entry.katagaki).Run();
  }
  for (const BanchiEntry& entry : banchi) {
    if (!dictionary.Find(entry.address_code)) {
      return MakeError(ErrorCode::kRuleViolation, "address.unknown_code",
                       "番地 for unknown 住所コード " + entry.address_code);
    }
    db.Prepare("INSERT INTO banchi_master(address_code, banchi, kind) VALUES (?1, ?2, ?3)")
        ->Bind(1, entry.address_code)
        .Bind(2, entry.banchi)
        .Bind(3, BanchiKindCode(entry.kind))
        .Run();
  }
  transaction.Commit();
  return DictionaryImport{static_cast<int64_t>(areas.size()), static_cast<int64_t>(katagaki.size()),
                          static_cast<int64_t>(banchi.size())};
}

}  // namespace jrr
