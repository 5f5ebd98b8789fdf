// SPDX-License-Identifier: Apache-2.0
//
// jrr block, jrr support: 抑止 (JK-3.1) and 支援措置 (JK-3.4, 1.1.16) through ProtectionDesk.
#include <memory>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/persistence/protection/sqlite_protection_register.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/persistence/security/sqlite_staff_directory.h"
#include "jrr/web/protection/protection_request.h"

namespace jrr::cli {
namespace {

Result<int64_t> Number(const Args& args, const char* rule) {
  if (args.positional.size() < 2) return MakeError(ErrorCode::kNotFound, rule, "no number");
  try {
    std::size_t used = 0;
    const long long n = std::stoll(args.positional[1], &used);
    if (used == args.positional[1].size() && n > 0) return static_cast<int64_t>(n);
  } catch (const std::logic_error&) {
  }
  return MakeError(ErrorCode::kNotFound, rule, "not a number: " + args.positional[1]);
}

Result<int> Minutes(const Args& args) {
  try {
    std::size_t used = 0;
    const std::string text = args.Option("minutes", "30");
    const int minutes = std::stoi(text, &used);
    if (used == text.size()) return minutes;
  } catch (const std::logic_error&) {
  }
  return MakeError(ErrorCode::kInvalidInput, "protection.release_minutes", args.Option("minutes"));
}

std::string Day(const std::optional<CalendarDate>& d) { return d ? FormatWareki(*d) : "—"; }

void PrintBlock(std::ostream& out, const Block& b, CalendarDate today) {
  out << "抑止 " << b.block_id << "  "
      << (b.addressee_number.empty() ? "世帯 " + b.household_number : "住民 " + b.addressee_number)
      << "  "
      << (b.operation == GuardedOperation::kChange  ? "異動"
          : b.operation == GuardedOperation::kIssue ? "証明"
                                                    : "照会")
      << "  " << (b.level == BlockLevel::kError ? "エラー" : "アラート") << "  " << Day(b.start)
      << "〜" << Day(b.end) << "  "
      << (b.ended_on               ? "解除（" + FormatWareki(*b.ended_on) + "）"
          : BlockApplies(b, today) ? "有効"
                                   : "開始前")
      << "\n";
}

void PrintMeasure(std::ostream& out, const SupportMeasure& m, bool details) {
  out << "支援措置 " << m.measure_id << "（版 " << m.version << "）  " << SupportStateJa(m.state)
      << "  区分 " << SupportKindName(m.kind) << "  申出者 " << m.applicant;
  for (const auto& c : m.co_protected)
    out << "  併せて " << c.addressee_number << "（" << c.relation << "）";
  out << "\n  期間 " << Day(m.start) << "〜" << Day(m.end);
  if (m.provisional_start) out << "  仮支援措置開始 " << Day(m.provisional_start);
  if (m.ended_on) out << "  終了 " << Day(m.ended_on) << " " << m.end_reason;
  out << "\n";
  if (!details) return;
  out << "  支援を求める事務: " << (m.restrict_inspection ? "閲覧 " : "")
      << (m.restrict_copies ? "写しの交付 " : "") << (m.restrict_fuhyo ? "附票の写しの交付" : "")
      << "\n"
      << "  連絡先: " << m.contact << "\n"
      << "  加害者: " << m.perpetrator_name << " " << m.perpetrator_addressee_number << " "
      << m.perpetrator_address << " " << m.perpetrator_other << "\n"
      << "  記録した職員: " << m.operator_id << "\n";
}

// What a protection command works with: the register, the clerk, and the desk over them.
struct DeskSession {
  std::unique_ptr<Database> db;
  Viewer viewer;
  std::unique_ptr<SqliteProtectionRegister> protections;
  std::unique_ptr<SqliteAuditLog> log;
  std::unique_ptr<SqliteStaffDirectory> staff;
  std::unique_ptr<ProtectionDesk> desk;
};

Result<DeskSession> OpenDesk(const Args& args) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return db.error();
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return viewer.error();
  DeskSession session{std::move(*db), *viewer, nullptr, nullptr, nullptr, nullptr};
  session.protections = std::make_unique<SqliteProtectionRegister>(*session.db);
  session.log = std::make_unique<SqliteAuditLog>(*session.db);
  session.staff = std::make_unique<SqliteStaffDirectory>(*session.db);
  session.desk = std::make_unique<ProtectionDesk>(*session.protections, *session.log,
                                                  session.viewer, session.staff.get());
  return session;
}

}  // namespace

int BlockCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& verb = args.positional[0];
  auto session = OpenDesk(args);
  if (!session) return PrintError(err, session.error());
  ProtectionDesk& desk = *session->desk;
  const Viewer* viewer = &session->viewer;
  if (verb == "add") {
    auto block = web::DecodeBlock(OptionParameters(args), viewer->today);
    if (!block) return PrintError(err, block.error());
    auto added = desk.AddBlock(*block);
    if (!added) return PrintError(err, added.error());
    out << "抑止を設定しました。\n";
    PrintBlock(out, *added, viewer->today);
    return kOk;
  }
  if (verb == "end" || verb == "release") {
    auto id = Number(args, "protection.not_found");
    if (!id) return PrintError(err, id.error());
    if (verb == "end") {
      if (auto ok = desk.EndBlock(*id); !ok) return PrintError(err, ok.error());
      out << "抑止 " << *id << " を解除しました。\n";
      return kOk;
    }
    auto minutes = Minutes(args);
    if (!minutes) return PrintError(err, minutes.error());
    auto release =
        desk.ReleaseBlock(*id, args.Option("to-operator"), *minutes, args.Option("reason"));
    if (!release) return PrintError(err, release.error());
    out << "抑止 " << *id << " を " << release->granted_to << " に " << *minutes
        << " 分間一時解除しました（その後は自動で抑止に戻ります）。\n";
    return kOk;
  }
  if (verb == "list") {
    if (args.Option("person").empty() == args.Option("household").empty()) {
      err << "エラー: --person か --household のどちらかを指定してください。\n";
      return kUsage;
    }
    const auto blocks = desk.BlocksFor(args.Option("person"), args.Option("household"));
    if (!blocks) return PrintError(err, blocks.error());
    for (const Block& b : *blocks) PrintBlock(out, b, viewer->today);
    out << "抑止 " << blocks->size() << " 件\n";
    return kOk;
  }
  err << "エラー: add, end, release, list のいずれかを指定してください。\n";
  return kUsage;
}

int SupportCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& verb = args.positional[0];
  auto session = OpenDesk(args);
  if (!session) return PrintError(err, session.error());
  ProtectionDesk& desk = *session->desk;
  const Viewer* viewer = &session->viewer;
  auto from = DateOption(args, "from");
  if (!from) return PrintError(err, from.error());
  auto to = DateOption(args, "to");
  if (!to) return PrintError(err, to.error());
  auto print = [&](const Result<SupportMeasure>& m, const char* done) -> int {
    if (!m) return PrintError(err, m.error());
    out << done << "\n";
    PrintMeasure(out, *m, false);
    for (const std::string& alert : SupportAlerts(*m, viewer->today)) PrintNotices(err, {alert});
    return kOk;
  };
  if (verb == "add") {
    auto m = web::DecodeSupportMeasure(OptionParameters(args), viewer->today);
    if (!m) return PrintError(err, m.error());
    return print(desk.Register(*m), "支援措置を登録しました。");
  }
  if (verb == "list") {
    if (args.positional.size() != 2) {
      err << "エラー: 宛名番号を指定してください。\n";
      return kUsage;
    }
    auto measures = desk.MeasuresFor(args.positional[1]);
    if (!measures) return PrintError(err, measures.error());
    for (const SupportMeasure& m : *measures) PrintMeasure(out, m, false);
    out << "支援措置 " << measures->size() << " 件\n";
    return kOk;
  }
  auto id = Number(args, "support.not_found");
  if (!id) return PrintError(err, id.error());
  if (verb == "start") {
    if (!*from) {
      err << "エラー: --from（支援措置の開始年月日）を指定してください。\n";
      return kUsage;
    }
    return print(desk.Start(*id, **from, *to), "支援措置を開始しました。");
  }
  if (verb == "extend") return print(desk.Extend(*id), "支援措置を延長しました。");
  if (verb == "end") return print(desk.End(*id, args.Option("reason")), "支援措置を終了しました。");
  if (verb == "release") {
    auto minutes = Minutes(args);
    if (!minutes) return PrintError(err, minutes.error());
    auto release =
        desk.ReleaseForIssue(*id, args.Option("to-operator"), *minutes, args.Option("reason"));
    if (!release) return PrintError(err, release.error());
    out << "支援措置 " << *id << " の交付制限を " << release->granted_to << " に " << *minutes
        << " 分間解除しました（審査済みの1件の交付のため）。\n";
    return kOk;
  }
  if (verb == "show") {
    auto history = desk.Details(*id);
    if (!history) return PrintError(err, history.error());
    for (const SupportMeasure& m : *history) PrintMeasure(out, m, true);
    return kOk;
  }
  err << "エラー: add, start, extend, end, release, show, list のいずれかを指定してください。\n";
  return kUsage;
}

}  // namespace jrr::cli
