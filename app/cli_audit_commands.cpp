// SPDX-License-Identifier: Apache-2.0
//
// jrr audit, backup, restore: the アクセスログ (JK-10.2) and keeping the register safe.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <limits>
#include <ostream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/security/audit_analysis.h"
#include "jrr/domain/security/audit_desk.h"
#include "jrr/persistence/register/register_backup.h"
#include "jrr/persistence/security/audit_head_journal.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/security/audit_json.h"

namespace jrr::cli {
namespace {

// The clerk looking at the log: --operator is a search condition here, so the viewer is the
// register administrator at the given place and terminal.
Result<Viewer> AuditViewer(const Args& args, Database& db) {
  Args clerk = args;
  clerk.options.erase("operator");
  return ClerkViewer(clerk, db);
}

int Verify(const Args& args, Database& db, std::ostream& out, std::ostream& err) {
  const AuditVerification result = VerifyAuditLog(db);
  if (!result.ok) {
    out << "アクセスログ: " << result.entries << " 件目まで正常、" << result.first_bad_sequence
        << " 番で異常\n";
    return PrintError(err, MakeError(ErrorCode::kRuleViolation, "audit.chain_broken",
                                     "entry " + std::to_string(result.first_bad_sequence) + ": " +
                                         result.problem));
  }
  // The chain is whole; and it still holds the newest head signed outside the register (a tail
  // cut together with sqlite_sequence leaves a whole but shorter chain).
  AuditHeadJournal journal(db.path());
  auto signed_head = journal.Check(db);
  if (!signed_head) {
    out << "アクセスログ: " << result.entries
        << " 件、連鎖は正常ですが、署名された先頭の記録と一致しません\n";
    return PrintError(err, signed_head.error());
  }
  out << "アクセスログ: " << result.entries << " 件、改ざんは見つかりませんでした。\n"
      << "head " << result.head_sequence << ":" << result.head_hash << "\n";
  if (*signed_head) {
    out << "署名された先頭の記録（" << (*signed_head)->sequence << " 番、"
        << (*signed_head)->recorded_at << "）を含んでいます。\n";
  } else {
    out << "署名された先頭の記録がありません（" << journal.path()
        << "）。末尾の切取りは sqlite_sequence と --expect-head でのみ確かめられます。\n";
  }
  journal.Record(db);  // this head, signed, for the next verify
  if (args.options.contains("expect-head")) {
    // The head kept from an earlier run must still be in the chain, at the same place.
    const std::string expected = args.Option("expect-head");
    const auto colon = expected.find(':');
    int64_t sequence = 0;
    try {
      sequence = colon == std::string::npos ? 0 : std::stoll(expected.substr(0, colon));
    } catch (const std::logic_error&) {
      sequence = 0;
    }
    if (sequence <= 0) {
      err << "エラー: --expect-head は 番号:ハッシュ の形で指定してください。\n";
      return kUsage;
    }
    auto row = db.Prepare("SELECT hash FROM audit_entry WHERE sequence = ?1");
    row->Bind(1, sequence);
    if (!row->Step() || row->ColumnText(0) != expected.substr(colon + 1)) {
      return PrintError(err, MakeError(ErrorCode::kRuleViolation, "audit.head_mismatch",
                                       "entry " + std::to_string(sequence)));
    }
    out << "控えの head（" << sequence << " 番）と一致しました。\n";
  }
  return kOk;
}

void PrintEntry(std::ostream& out, const AuditEntry& e) {
  std::string targets;
  for (const std::string& t : e.event.targets) targets += (targets.empty() ? "" : " ") + t;
  out << e.sequence << "\t" << e.occurred_at << "\t" << AuditActionName(e.event.action) << "\t"
      << e.event.operator_id << "\t" << e.event.terminal << "\t" << e.event.function << "\t"
      << targets << "\t" << (e.event.individual_number ? "個人番号あり" : "-") << "\t"
      << e.event.outcome << "\t" << e.event.detail << "\n";
}

int Search(const Args& args, Database& db, std::ostream& out, std::ostream& err) {
  AuditQuery query;
  if (args.options.contains("resident")) query.addressee_number = args.Option("resident");
  if (args.options.contains("operator")) query.operator_id = args.Option("operator");
  if (args.options.contains("action")) {
    query.action = AuditActionFromName(args.Option("action"));
    if (!query.action) {
      return PrintError(
          err, MakeError(ErrorCode::kInvalidInput, "audit.invalid_action", args.Option("action")));
    }
  }
  for (const char* name : {"from", "to"}) {
    auto date = DateOption(args, name);
    if (!date) return PrintError(err, date.error());
    if (!*date) continue;
    // --to names the last day searched; the query's bound is exclusive.
    const CalendarDate bound = std::string(name) == "to" ? NextDay(**date) : **date;
    (std::string(name) == "to" ? query.to : query.from) = ToIsoString(bound);
  }
  if (args.options.contains("limit")) {
    try {
      query.limit = std::stoul(args.Option("limit"));
    } catch (const std::logic_error&) {
      query.limit = 0;
    }
    if (query.limit == 0 || query.limit > 1000000) {
      err << "エラー: --limit は 1〜1000000 の数で指定してください。\n";
      return kUsage;
    }
  }
  auto viewer = AuditViewer(args, db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteAuditLog log(db);
  auto found = AuditDesk(log, *viewer).Search(query);
  if (!found) return PrintError(err, found.error());
  const std::vector<AuditEntry>& entries = *found;
  for (const AuditEntry& e : entries) {
    if (args.flags.contains("json")) {
      out << web::EncodeAuditEntry(e) << "\n";
      continue;
    }
    PrintEntry(out, e);
  }
  if (!args.flags.contains("json")) out << "該当 " << entries.size() << " 件\n";
  return kOk;
}

// The analysis lists of JK-10.2 over a period (Japan-time days, --to inclusive).
int Report(const Args& args, Database& db, std::ostream& out, std::ostream& err) {
  if (args.positional.size() != 2) {
    err << "エラー: after-hours, login-failures, logins, mass-search, by-number "
           "のいずれかを指定してください。\n";
    return kUsage;
  }
  auto from = DateOption(args, "from");
  if (!from) return PrintError(err, from.error());
  auto to = DateOption(args, "to");
  if (!to) return PrintError(err, to.error());
  if (!*from || !*to) {
    err << "エラー: --from と --to を指定してください。\n";
    return kUsage;
  }
  int64_t threshold = 100;
  try {
    threshold = std::stoll(args.Option("threshold", "100"));
  } catch (const std::logic_error&) {
    threshold = 0;
  }
  if (threshold < 1) {
    err << "エラー: --threshold は 1 以上の数で指定してください。\n";
    return kUsage;
  }
  auto viewer = AuditViewer(args, db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteAuditLog log(db);
  auto report = AuditDesk(log, *viewer).Report(args.positional[1], **from, **to, threshold);
  if (!report) return PrintError(err, report.error());
  for (const AuditEntry& e : report->entries) PrintEntry(out, e);
  for (const OperatorCount& c : report->counts) {
    out << c.operator_id << "\t" << (c.day.empty() ? "" : c.day + "\t") << c.count << " 回"
        << (report->kind == "mass-search" ? "\t該当者計 " + std::to_string(c.hits) + " 人" : "")
        << "\n";
  }
  out << "該当 " << report->entries.size() + report->counts.size() << " 件\n";
  return kOk;
}

}  // namespace

int Audit(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& verb = args.positional[0];
  if (verb != "verify" && verb != "search" && verb != "report") {
    err << "エラー: verify, search, report のいずれかを指定してください。\n";
    return kUsage;
  }
  if (verb != "report" && args.positional.size() != 1) {
    err << "エラー: 引数の数が正しくありません。\n";
    return kUsage;
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  if (verb == "report") return Report(args, **db, out, err);
  return verb == "verify" ? Verify(args, **db, out, err) : Search(args, **db, out, err);
}

int Backup(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto clerk = ClerkContext(args, **db);
  if (!clerk) return PrintError(err, clerk.error());
  // Logged first, so the backup carries the record of its own making.
  LogAccess(*clerk, **db, AuditAction::kExport, "backup");
  const auto started = std::chrono::steady_clock::now();
  auto copied = BackupRegister(**db, args.Option("to"));
  if (!copied) return PrintError(err, copied.error());
  // The head the backup holds, signed, kept with the register and with the copy.
  AuditHeadJournal journal((*db)->path());
  {
    Database copy(args.Option("to"),
                  DatabaseOptions{.create_if_missing = false, .read_only = true});
    journal.CopyTo(args.Option("to"), journal.Record(copy));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  out << "バックアップを作成しました: " << args.Option("to") << "（" << copied->bytes << " バイト、"
      << seconds << " 秒、integrity_check ok、アクセスログ " << copied->audit.entries
      << " 件正常）\n";
  return kOk;
}

int Restore(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string target = args.Option("db");
  // The kept copy is named by the time of the restore, which never repeats within a second.
  std::string stamp = UtcTimestampNow();
  for (char& c : stamp) {
    if (c == ':' || c == '.') c = '-';
  }
  const std::string keep = target + ".before-restore-" + stamp;
  auto restored = RestoreRegister(args.Option("from"), target, args.flags.contains("force"), keep);
  if (!restored) return PrintError(err, restored.error());
  // The signed heads go with the log they describe: the backup's, or none (the register's old
  // journal is kept beside the old contents).
  const AuditHeadJournal backup_heads(args.Option("from"));
  std::error_code moved;
  if (std::filesystem::exists(target + ".audit-heads")) {
    std::filesystem::rename(target + ".audit-heads", keep + ".audit-heads", moved);
  }
  if (std::filesystem::exists(args.Option("from") + ".audit-key")) {
    backup_heads.CopyTo(target, std::numeric_limits<int64_t>::max());
  }
  auto db = OpenRegister(target);
  if (!db) return PrintError(err, db.error());
  auto clerk = ClerkContext(args, **db);
  if (!clerk) return PrintError(err, clerk.error());
  LogAccess(*clerk, **db, AuditAction::kBatch, "restore");
  out << "バックアップから戻しました: " << target << "（アクセスログ " << restored->audit.entries
      << " 件正常）\n";
  if (std::filesystem::exists(keep)) out << "元の内容は " << keep << " に残しました。\n";
  return kOk;
}

}  // namespace jrr::cli
