// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/changes/address_bulk_change.h"

#include <algorithm>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

const std::vector<std::string> kAddressHeader = {"世帯番号",         "変更前住所", "変更前番地",
                                                 "変更後住所コード", "変更後住所", "変更後番地"};
const std::vector<std::string> kDomicileHeader = {"宛名番号", "変更前本籍", "変更後本籍"};

Error BadRow(int line, const std::string& why) {
  return MakeError(ErrorCode::kInvalidInput, "bulk.bad_row", std::to_string(line) + "行目: " + why);
}

}  // namespace

Result<std::vector<BulkRow>> ParseBulkRenaming(std::string_view csv, const ChangeInput& input,
                                               const std::string& cause) {
  csv = WithoutBom(csv);
  if (auto ok = CheckText(
          csv, {.max_bytes = 64 * 1024 * 1024, .allow_empty = true, .allow_newlines = true});
      !ok) {
    return ok.error();
  }
  auto table = ParseCsv(csv);
  if (!table) return table.error();
  if (table->empty()) return MakeError(ErrorCode::kInvalidInput, "bulk.unknown_layout", "empty");
  const std::vector<std::string>& header = table->front();
  const bool address = header.size() >= kAddressHeader.size() &&
                       std::equal(kAddressHeader.begin(), kAddressHeader.end(), header.begin());
  const bool domicile = header == kDomicileHeader;
  const bool with_katagaki = address && header.size() == 7 && header[6] == "変更後方書";
  if ((!address && !domicile) || (address && header.size() != 6 && !with_katagaki)) {
    return MakeError(ErrorCode::kInvalidInput, "bulk.unknown_layout", "header");
  }
  std::vector<BulkRow> rows;
  for (std::size_t i = 1; i < table->size(); ++i) {
    const std::vector<std::string>& f = (*table)[i];
    const int line = static_cast<int>(i) + 1;
    if (f.size() != header.size()) return BadRow(line, "列の数が見出しと違います");
    for (const std::string& value : f) {
      if (auto ok = CheckText(value, {.max_bytes = 1024, .allow_empty = true}); !ok)
        return BadRow(line, ok.error().rule_id);
    }
    if (f[0].empty()) return BadRow(line, header[0] + "が空です");
    if (address) {
      AddressRenamingCommand c;
      c.input = input;
      c.household_number = f[0];
      c.before = Address{"", f[1], f[2], "", "", false};
      c.after = Address{f[3], f[4], f[5], with_katagaki ? f[6] : "", "", false};
      c.cause = cause;
      if (c.before.text.empty() || (c.after.text.empty() && c.after.address_code.empty())) {
        return BadRow(line, "変更前または変更後の住所が空です");
      }
      rows.push_back({line, f[0], c});
    } else {
      DomicileRenamingCommand c;
      c.input = input;
      c.addressee_number = f[0];
      c.before = f[1];
      c.after = f[2];
      c.cause = cause;
      if (c.before.empty() || c.after.empty())
        return BadRow(line, "変更前または変更後の本籍が空です");
      rows.push_back({line, f[0], c});
    }
  }
  return rows;
}

// IMP: JK-9.7
std::vector<BulkResult> RunBulkRenaming(ChangeDesk& desk, const std::vector<BulkRow>& rows,
                                        bool apply) {
  std::vector<BulkResult> results;
  for (const BulkRow& row : rows) {
    BulkResult r;
    r.line = row.line;
    r.key = row.key;
    auto outcome = apply ? desk.Record(row.command) : desk.Check(row.command);
    if (outcome) {
      r.done = true;
      r.persons = static_cast<int>(outcome->versions.size());
      if (apply) r.change_id = outcome->change.change_id;
    } else {
      r.rule_id = outcome.error().rule_id;
      r.message_ja = MessageJa(outcome.error());
    }
    results.push_back(std::move(r));
  }
  return results;
}

std::string BulkResultCsv(const std::vector<BulkResult>& results, bool apply) {
  std::string out = "行,キー,結果,対象者数,異動番号,規則,理由\n";
  for (const BulkResult& r : results) {
    out += std::to_string(r.line) + "," + CsvField(r.key) + "," +
           (r.done ? (apply ? "更新" : "更新可") : "除外") + "," + std::to_string(r.persons) + "," +
           (r.change_id ? std::to_string(*r.change_id) : std::string()) + "," +
           CsvField(r.rule_id) + "," + CsvField(r.message_ja) + "\n";
  }
  return out;
}

}  // namespace jrr
