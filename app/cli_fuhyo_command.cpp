// SPDX-License-Identifier: Apache-2.0
//
// jrr fuhyo: 戸籍の附票 (issue 7) — search and show, 戸籍 events entered by staff, and the notices:
// the outbox delivered through the file-drop adapter, the inbox imported from it.
//
// File-drop adapter: a directory shared by the municipalities' systems; a notice for a 本籍地 is the
// file DIR/<本籍地>/<notice id>.fuhyo (written to a temporary name, then renamed, so a reader never
// sees half a file); the 本籍地 imports its own folder and moves each file it handled to done/.
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "cli_support.h"
#include "fuhyo_services.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/fuhyo/fuhyo_event.h"
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/web/fuhyo/fuhyo_request.h"

namespace jrr::cli {
namespace {

void PrintFuhyo(std::ostream& out, const Fuhyo& f, bool members) {
  out << "附票 " << f.fuhyo_id << "  " << FuhyoStateNameJa(f.state) << "  本籍 "
      << f.koseki.domicile << "  筆頭者 " << f.koseki.head_of_family << "  記載者 "
      << f.members.size() << " 人\n";
  if (!members) return;
  for (const FuhyoMember& m : f.members) {
    out << "  " << m.member_id << "  " << m.DisplayName();
    if (!m.family_kana.empty() || !m.given_kana.empty())
      out << "（" << m.family_kana << "　" << m.given_kana << "）";
    if (m.birth_date) out << "  " << FormatWareki(*m.birth_date) << "生";
    if (m.sex) out << "  " << (*m.sex == Sex::kMale ? "男" : "女");
    if (!m.resident_record_code.empty()) out << "  住民票コード " << m.resident_record_code;
    if (!m.overseas_voter_municipality.empty())
      out << "  在外選挙人（" << m.overseas_voter_municipality << "）";
    if (m.removed) {
      out << "  【消除 " << m.removal_reason;
      if (m.removed_on) out << " " << FormatWareki(*m.removed_on);
      out << "】";
    }
    if (m.protected_until) out << "  【支援措置 〜" << FormatWareki(*m.protected_until) << "】";
    out << "\n";
    for (const FuhyoAddress& a : m.addresses) {
      out << "      " << FormatWareki(a.since) << "  " << (a.abroad ? "国外転出者" : a.address)
          << "  （" << a.source << "）\n";
    }
  }
}

void PrintNotices(std::ostream& out, const std::vector<FuhyoNoticeEntry>& entries, bool outbox) {
  for (const FuhyoNoticeEntry& e : entries) {
    out << e.notice_id << (outbox ? "  → " : "  ← ") << e.counterpart << "  " << e.state;
    if (outbox && e.failures > 0) out << "  失敗 " << e.failures << " 回";
    if (!e.detail.empty()) out << (outbox ? "  " : "  返信: ") << e.detail;
    out << "\n";
  }
  out << (outbox ? "送付通知 " : "受信通知 ") << entries.size() << " 件\n";
}

// 附票の記載事項の追加 for a register whose history predates the amendments (a migration).
int AmendItems(const Args& args, Database& db, const Viewer& viewer, std::ostream& out,
               std::ostream& err) {
  CalendarDate day = viewer.today;
  if (!args.Option("on").empty()) {
    auto parsed = ParseCalendarDate(args.Option("on"));
    if (!parsed) return PrintError(err, parsed.error());
    day = *parsed;
  }
  Transaction change(db);
  const int added = AddFuhyoItemsInForce(db, day);
  AuditEvent event = EventBy(viewer, AuditAction::kChange, "附票の記載事項の追加");
  event.detail = "members=" + std::to_string(added) + " on=" + ToIsoString(day);
  SqliteAuditLog(db).Record(event);
  change.Commit();
  out << "附票の記載事項（生年月日・性別・住民票コード）を " << added << " 人に追加しました（"
      << FormatWareki(day) << "現在）。\n";
  return kOk;
}

// 住基法第17条: each member is one person. Lists any member whose versions name several.
int Verify(Database& db, const Viewer& viewer, std::ostream& out, std::ostream& err) {
  if (Status ok = Authorize(viewer, Permission::kView); !ok) return PrintError(err, ok.error());
  const std::vector<FuhyoMemberProblem> problems = VerifyFuhyoMembers(db);
  AuditEvent event = EventBy(viewer, AuditAction::kView, "附票記載者の検査");
  event.detail = "problems=" + std::to_string(problems.size());
  SqliteAuditLog(db).Record(event);
  for (const FuhyoMemberProblem& p : problems) {
    out << "附票 " << p.fuhyo_id << "  記載者 " << p.member_id << "  " << p.people
        << " 人: " << p.names << "\n";
  }
  if (!problems.empty()) {
    err << "エラー: 一つの記載者に複数の人が記載されています（" << problems.size()
        << " 件） [fuhyo.member_merged]\n";
    return kRuleError;
  }
  out << "附票記載者の検査: どの記載者も一人で一記載者です。\n";
  return kOk;
}

// Notices dropped in the shared folder for this municipality, each applied once.
int Import(const Args& args, Database& db, const Viewer& viewer, std::ostream& out,
           std::ostream& err) {
  const std::filesystem::path dir =
      std::filesystem::path(args.Option("from")) / RoutedMunicipalityOf(db).name;
  if (args.Option("from").empty()) {
    err << "エラー: --from 共有フォルダ を指定してください。\n";
    return kUsage;
  }
  int applied = 0, refused = 0, replies = 0, duplicates = 0;
  for (const DroppedMessage& message : DroppedMessages(dir, ".fuhyo")) {
    const std::filesystem::path& path = message.path;
    auto received = ReceiveFuhyoNotice(db, message.body, viewer.today);
    if (!received) {
      ++refused;
      err << path.filename().string() << ": " << received.error().rule_id << "\n";
      continue;  // left in place for a person to look at
    }
    if (received->duplicate) {
      ++duplicates;
    } else if (received->outcome == "applied") {
      ++applied;
    } else if (received->outcome == "reply") {
      ++replies;  // a 本籍地 refused one of our notices: the 住民票 needs a look
      out << path.filename().string() << ": " << received->reply << "\n";
    } else {
      ++refused;
      out << path.filename().string() << ": " << received->reply << "\n";
    }
    MessageHandled(message);
  }
  out << "反映 " << applied << " 件、不一致で返送 " << refused << " 件、本籍地からの不一致の通知 "
      << replies << " 件、受信済み " << duplicates << " 件\n";
  return kOk;
}

// 戸籍の附票の写し (第20条): the requester's right, 支援措置 through the gate, 交付履歴, PDF.
int Copy(const Args& args, Database& db, const Viewer& viewer, const std::string& key,
         std::ostream& out, std::ostream& err) {
  auto request = web::DecodeFuhyoCopyRequest(OptionParameters(args, {{"id", key}}));
  if (!request) return PrintError(err, request.error());
  if (args.Option("out").empty()) {
    err << "エラー: --out FILE.pdf を指定してください。\n";
    return kUsage;
  }
  auto copy = app::FuhyoCopyPdf(db, viewer, *request, args.Option("printer"));
  if (!copy) return PrintError(err, copy.error());
  std::ofstream file(args.Option("out"), std::ios::binary | std::ios::trunc);
  file.write(copy->pdf.data(), static_cast<std::streamsize>(copy->pdf.size()));
  if (!file) return kStorage;
  out << "戸籍の附票の写しを発行しました: " << args.Option("out") << "（発行番号 "
      << copy->issue_number << "）\n";
  return kOk;
}

}  // namespace

int FuhyoCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  const std::string key = args.positional.size() > 1 ? args.positional[1] : std::string();
  auto desk = [&](auto use) { return app::WithFuhyoDesk(**db, *viewer, use); };

  if (action == "search") {
    auto found = desk([&](FuhyoDesk& d) { return d.Search(key); });
    if (!found) return PrintError(err, found.error());
    for (const Fuhyo& f : *found) PrintFuhyo(out, f, false);
    out << "該当 " << found->size() << " 件\n";
    return kOk;
  }
  if (action == "show") {
    int64_t id = 0;
    try {
      id = std::stoll(key);
    } catch (const std::logic_error&) {
    }
    auto f = desk([&](FuhyoDesk& d) { return d.Get(id); });
    if (!f) return PrintError(err, f.error());
    PrintFuhyo(out, *f, true);
    return kOk;
  }
  if (action == "event") {
    // 戸籍 events entered by staff (there is no 戸籍 system here), 職権修正 and 支援措置.
    auto event = web::DecodeFuhyoEvent(OptionParameters(args, {{"id", key}}));
    if (!event) return PrintError(err, event.error());
    auto f = desk([&](FuhyoDesk& d) { return d.Record(*event); });
    if (!f) return PrintError(err, f.error());
    out << "記録しました（" << FuhyoEventNameJa(event->kind) << "）。\n";
    PrintFuhyo(out, *f, false);
    return kOk;
  }
  if (action == "outbox" || action == "inbox") {
    const bool outbox = action == "outbox";
    auto entries = desk([&](FuhyoDesk& d) { return d.Notices(outbox); });
    if (!entries) return PrintError(err, entries.error());
    PrintNotices(out, *entries, outbox);
    return kOk;
  }
  if (action == "amend-items") return AmendItems(args, **db, *viewer, out, err);
  if (action == "verify") return Verify(**db, *viewer, out, err);
  if (action == "deliver")
    return DeliverToFolder(args, **db, OutboxFamily::kFuhyo, ".fuhyo", "送付", out, err);
  if (action == "import") return Import(args, **db, *viewer, out, err);
  if (action == "copy") return Copy(args, **db, *viewer, key, out, err);
  err << "エラー: fuhyo の操作は search, show, event, outbox, deliver, import, inbox, copy, "
         "amend-items です。\n";
  return kUsage;
}

}  // namespace jrr::cli
