// SPDX-License-Identifier: Apache-2.0
//
// jrr bulk-rename: 住所一括変更 (JK-9.7) from a CSV file — 仮処理 by default (every row checked,
// nothing written), 本処理 with --apply (each row one 異動 in its own transaction). Prints the
// result list (処理結果一覧) as CSV, or writes it to --out.
#include <fstream>
#include <ostream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/changes/address_bulk_change.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::cli {

int BulkRename(const Args& args, std::ostream& out, std::ostream& err) {
  std::string csv;
  if (int read = ReadInputFile(args.Option("csv"), 64u << 20, csv, err); read != kOk) return read;
  auto on = DateOption(args, "on");
  if (!on) return PrintError(err, on.error());
  if (!*on) {
    err << "エラー: --on 実施日（異動日） を指定してください。\n";
    return kUsage;
  }
  auto notified = DateOption(args, "notified");
  if (!notified) return PrintError(err, notified.error());
  ChangeInput input;
  input.event_date = ExactRecordedDate(**on);
  input.notification_date = *notified;
  auto rows = ParseBulkRenaming(csv, input, args.Option("cause"));
  if (!rows) return PrintError(err, rows.error());

  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteResidentRepository residents(**db);
  SqliteAddressDictionary dictionary(**db);
  SqlitePendingChangeRepository pending(**db);
  SqliteAuditLog log(**db);
  SqliteChangeEffectFacts effects(**db);
  ChangeDesk desk(residents, pending, &dictionary, log, *viewer, effects);
  const bool apply = args.flags.contains("apply");
  const auto results = RunBulkRenaming(desk, *rows, apply);
  const std::string list = BulkResultCsv(results, apply);
  if (!args.Option("out").empty()) {
    std::ofstream(args.Option("out"), std::ios::binary | std::ios::trunc) << list;
  } else {
    out << list;
  }
  int done = 0;
  for (const BulkResult& r : results) done += r.done ? 1 : 0;
  err << (apply ? "本処理: 更新 " : "仮処理（記録していません）: 更新可 ") << done << " 件、除外 "
      << results.size() - static_cast<std::size_t>(done) << " 件\n";
  return kOk;
}

}  // namespace jrr::cli
