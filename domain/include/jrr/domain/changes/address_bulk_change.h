// SPDX-License-Identifier: Apache-2.0
//
// 住所一括変更 — AddressBulkChange (JK-9.7): a 住居表示の実施, 区画整理 or 地番・町字 change, given as
// a CSV file (JK-10.8), becomes one 異動 per row, each in its own transaction: a household's
// address (AddressRenamingCommand, 軽微な修正) or a person's 本籍 (DomicileRenamingCommand,
// 職権修正). 仮処理 checks every row and writes nothing (ChangeDesk::Check); 本処理 records them
// (ChangeDesk::Record). A row that no longer describes the register — a member living elsewhere
// now, a 転出予定者, a 本籍 changed since the list was drawn — is left out with its rule id, and
// the others go ahead; the result list says which.
//
// The two CSV layouts, told apart by the header row:
//   世帯番号,変更前住所,変更前番地,変更後住所コード,変更後住所,変更後番地[,変更後方書]
//   宛名番号,変更前本籍,変更後本籍
// 変更後住所コード may be empty (the 住所 is then taken as typed, or found in the address dictionary).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/changes/change_desk.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_changes.h"

namespace jrr {

struct BulkRow {
  int line = 0;     // in the file, 1 = the header
  std::string key;  // 世帯番号 or 宛名番号
  AnyChangeCommand command;
};

// `input` gives the 異動日 (the day the new names take effect) and 届出日 to every row; `cause`
// (住居表示の実施 …) goes into each 留意事項. Errors: csv.malformed, bulk.unknown_layout,
// bulk.bad_row (the line number in the detail) — a file with a bad row is refused whole, before
// anything is checked.
Result<std::vector<BulkRow>> ParseBulkRenaming(std::string_view csv, const ChangeInput& input,
                                               const std::string& cause);

struct BulkResult {
  int line = 0;
  std::string key;
  bool done = false;    // checked (仮処理) or recorded (本処理)
  std::string rule_id;  // why the row was left out
  std::string message_ja;
  int persons = 0;                   // versions the 異動 writes
  std::optional<int64_t> change_id;  // 本処理
};

// Runs every row through `desk`: `apply` false is the 仮処理 (nothing written), true the 本処理.
std::vector<BulkResult> RunBulkRenaming(ChangeDesk& desk, const std::vector<BulkRow>& rows,
                                        bool apply);

// The result list (処理結果一覧) as CSV: 行,キー,結果,対象者数,異動番号,規則,理由.
std::string BulkResultCsv(const std::vector<BulkResult>& results, bool apply);

}  // namespace jrr
