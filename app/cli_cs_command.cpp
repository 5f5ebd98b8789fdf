// SPDX-License-Identifier: Apache-2.0
//
// jrr cs: CS連携 — the 転出証明書情報 of 特例転出 and the 転入通知 exchanged with other municipalities
// (cs_message.h), through the file-drop adapter of cli_support.h (extension .cs) standing in for
// the 住基ネット CS.
#include <ostream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/cs/sqlite_cs_exchange.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::cli {
namespace {

void PrintEntry(std::ostream& out, const CsEntry& e, bool outbox) {
  out << e.notice_id << (outbox ? "  → " : "  ← ") << e.counterpart << "  " << CsKindNameJa(e.kind)
      << "  ";
  if (outbox) {
    out << e.state;
    if (e.failures > 0) out << "  失敗 " << e.failures << " 回";
  } else {
    out << CsInboxStateJa(e);
  }
  if (e.change_id) out << "  異動 " << *e.change_id;
  out << "\n";
  if (!outbox && e.kind == CsKind::kMoveOutInformation) {
    if (auto info = DecodeMoveOutData(e.body)) {
      for (const MoveOutPerson& p : info->persons) {
        out << "    " << p.family_name << "　" << p.given_name << "  " << p.birth_text << "\n";
      }
    }
  }
}

}  // namespace

int CsCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  // The messages carry residents' items: the 異動入力 permission sends and receives them.
  if (auto allowed = Authorize(*viewer, Permission::kChange); !allowed)
    return PrintError(err, allowed.error());
  SqliteCsStore store(**db);
  SqliteResidentRepository residents(**db);
  SqliteAuditLog log(**db);
  CsDesk desk(store, residents, log, *viewer);

  if (action == "outbox" || action == "inbox") {
    const bool outbox = action == "outbox";
    auto entries = desk.Messages(outbox, args.flags.contains("waiting"));
    if (!entries) return PrintError(err, entries.error());
    for (const CsEntry& e : *entries) PrintEntry(out, e, outbox);
    out << (outbox ? "送信 " : "受信 ") << entries->size() << " 件\n";
    return kOk;
  }
  if (action == "deliver")
    return DeliverToFolder(args, **db, OutboxFamily::kCs, ".cs", "送信", out, err);
  if (action == "import") {
    if (args.Option("from").empty()) {
      err << "エラー: --from 共有フォルダ を指定してください。\n";
      return kUsage;
    }
    const std::filesystem::path dir =
        std::filesystem::path(args.Option("from")) / RoutedMunicipalityOf(**db).name;
    int waiting = 0, applied = 0, refused = 0, duplicates = 0;
    for (const DroppedMessage& message : DroppedMessages(dir, ".cs")) {
      auto received = desk.Receive(message.body);
      if (!received) {
        ++refused;
        err << message.path.filename().string() << ": " << received.error().rule_id << "\n";
        continue;  // left in place for a person to look at
      }
      if (received->duplicate) {
        ++duplicates;
      } else if (received->outcome == kCsReceived) {
        ++waiting;
      } else if (received->outcome == kCsApplied) {
        ++applied;
      } else {
        ++refused;  // 転入通知情報取込エラー: kept in the inbox for a clerk (jrr cs inbox)
        const RuleInfo* rule = FindRule(received->outcome);
        out << message.path.filename().string() << ": " << received->outcome << "（"
            << (rule ? rule->message_ja : std::string_view()) << "）\n";
      }
      MessageHandled(message);
    }
    out << "転出証明書情報 " << waiting << " 件（特例転入の処理待ち）、転入通知の反映 " << applied
        << " 件、取込エラー " << refused << " 件、受信済み " << duplicates << " 件\n";
    return kOk;
  }
  err << "エラー: cs の操作は outbox, inbox, deliver, import です。\n";
  return kUsage;
}

}  // namespace jrr::cli
