// SPDX-License-Identifier: Apache-2.0
//
// jrr fuhyo: 戸籍の附票 (issue 7) — search and show, 戸籍 events entered by staff, and the notices:
// the outbox delivered through the file-drop adapter, the inbox imported from it.
//
// File-drop adapter: a directory shared by the municipalities' systems; a notice for a 本籍地 is the
// file DIR/<本籍地>/<notice id>.fuhyo (written to a temporary name, then renamed, so a reader never
// sees half a file); the 本籍地 imports its own folder and moves each file it handled to done/.
#include "cli.h"
#include "cli_support.h"

#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

#include "jrr/domain/certificate.h"
#include "jrr/domain/japanese_date.h"
#include "certificate_services.h"
#include "jrr/forms/fuhyo_copy.h"
#include "jrr/persistence/sqlite_audit_log.h"
#include "jrr/persistence/sqlite_fuhyo.h"
#include "jrr/persistence/sqlite_issuance_log.h"
#include "jrr/persistence/sqlite_municipality_repository.h"
#include "jrr/persistence/sqlite_resident_repository.h"

namespace jrr::cli {
namespace {


void PrintFuhyo(std::ostream& out, const Fuhyo& f, bool members) {
  out << "附票 " << f.fuhyo_id << "  " << FuhyoStateNameJa(f.state) << "  本籍 " << f.koseki.domicile << "  筆頭者 "
      << f.koseki.head_of_family << "  記載者 " << f.members.size() << " 人\n";
  if (!members) return;
  for (const FuhyoMember& m : f.members) {
    out << "  " << m.member_id << "  " << m.DisplayName();
    if (m.birth_date) out << "  " << FormatWareki(*m.birth_date) << "生";
    if (m.sex) out << "  " << (*m.sex == Sex::kMale ? "男" : "女");
    if (!m.resident_record_code.empty()) out << "  住民票コード " << m.resident_record_code;
    if (m.removed) {
      out << "  【消除 " << m.removal_reason;
      if (m.removed_on) out << " " << FormatWareki(*m.removed_on);
      out << "】";
    }
    out << "\n";
    for (const FuhyoAddress& a : m.addresses) {
      out << "      " << FormatWareki(a.since) << "  " << (a.abroad ? "国外転出者" : a.address) << "  （" << a.source
          << "）\n";
    }
  }
}


}  // namespace

int FuhyoCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto clerk = ClerkContext(args, **db);
  if (!clerk) return PrintError(err, clerk.error());
  SqliteFuhyoRegister fuhyo(**db);
  const std::string key = args.positional.size() > 1 ? args.positional[1] : std::string();
  // The 附票 the second argument names, or nullopt.
  auto named = [&]() -> std::optional<Fuhyo> {
    try {
      return fuhyo.Get(std::stoll(key));
    } catch (const std::logic_error&) {
      return std::nullopt;
    }
  };

  if (action == "search") {
    const auto found = fuhyo.Search(key);
    LogAccess(*clerk, **db, AuditAction::kSearch, "附票の検索", {}, false, "hits=" + std::to_string(found.size()));
    for (const Fuhyo& f : found) PrintFuhyo(out, f, false);
    out << "該当 " << found.size() << " 件\n";
    return kOk;
  }
  if (action == "show") {
    std::optional<Fuhyo> f = named();
    if (!f) return PrintError(err, MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", key));
    LogAccess(*clerk, **db, AuditAction::kView, "附票の照会", {}, false, "fuhyo=" + key);
    PrintFuhyo(out, *f, true);
    return kOk;
  }
  if (action == "event") {
    // 戸籍 events entered by staff (there is no 戸籍 system here): 編製, 入籍, 除籍, 死亡, 転籍.
    const std::string kind = args.Option("kind");
    const std::string reason = args.Option("reason", kind == "hensei" ? "編製" : "");
    auto on = ParseCalendarDate(args.Option("on"));
    if (!on) return PrintError(err, on.error());
    if (reason.empty()) return PrintError(err, MakeError(ErrorCode::kRuleViolation, "fuhyo.reason_required"));
    Transaction change(**db);
    std::string detail;
    if (kind == "hensei") {
      const KosekiKey koseki{args.Option("domicile"), args.Option("head")};
      if (koseki.domicile.empty() || koseki.head_of_family.empty()) {
        err << "エラー: --domicile 本籍 と --head 筆頭者 を指定してください。\n";
        return kUsage;
      }
      if (!DomicileIsIn(Domicile{Domicile::State::kRecorded, koseki.domicile, ""}, OurMunicipalityName(**db))) {
        return PrintError(err, MakeError(ErrorCode::kRuleViolation, "fuhyo.not_ours", koseki.domicile));
      }
      detail = "fuhyo=" + std::to_string(fuhyo.Create(koseki, *on));
    } else {
      std::optional<Fuhyo> f = named();
      if (!f || f->state != FuhyoState::kCurrent) {
        return PrintError(err, MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", key));
      }
      if (kind == "nyuseki") {
        FuhyoMember m;
        m.family_name = args.Option("family");
        m.given_name = args.Option("given");
        auto birth = ParseCalendarDate(args.Option("birth"));
        if (!birth || m.family_name.empty()) {
          err << "エラー: --family 氏 --given 名 --birth 生年月日 --sex male|female を指定してください。\n";
          return kUsage;
        }
        m.birth_date = *birth;
        m.sex = args.Option("sex") == "female" ? Sex::kFemale : Sex::kMale;
        detail = "member=" + std::to_string(fuhyo.SaveMember(f->fuhyo_id, m, "入籍: " + reason));
        if (!args.Option("address").empty()) {
          fuhyo.AddAddress(std::stoll(detail.substr(7)), FuhyoAddress{args.Option("address"), false, *on,
                                                                      "入籍: " + reason, clerk->today});
        }
      } else if (kind == "joseki" || kind == "shibou") {
        int64_t member_id = 0;
        try {
          member_id = std::stoll(args.Option("member"));
        } catch (const std::logic_error&) {
        }
        auto m = std::find_if(f->members.begin(), f->members.end(),
                              [&](const FuhyoMember& x) { return x.member_id == member_id && !x.removed; });
        if (m == f->members.end()) return PrintError(err, MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found"));
        m->removed = true;
        m->removal_reason = (kind == "shibou" ? "死亡: " : "除籍: ") + reason;
        m->removed_on = *on;
        fuhyo.SaveMember(f->fuhyo_id, *m, m->removal_reason);
        // Everyone gone: the 附票 becomes a 除票 (第21条).
        if (std::all_of(f->members.begin(), f->members.end(), [](const FuhyoMember& x) { return x.removed; })) {
          fuhyo.SetState(f->fuhyo_id, FuhyoState::kClosed, *on, "全員除籍");
        }
        detail = "member=" + std::to_string(member_id);
      } else if (kind == "tenseki") {
        fuhyo.SetState(f->fuhyo_id, FuhyoState::kClosed, *on, "転籍: " + reason);
        detail = "fuhyo=" + key;
      } else {
        err << "エラー: --kind は hensei, nyuseki, joseki, shibou, tenseki のいずれかです。\n";
        return kUsage;
      }
    }
    LogAccess(*clerk, **db, AuditAction::kChange, "戸籍の異動（附票）", {}, false, kind + " " + detail);
    change.Commit();
    out << "記録しました（" << kind << " " << detail << "）。\n";
    return kOk;
  }
  if (action == "outbox" || action == "inbox") {
    auto rows = (**db).Prepare(
        action == "outbox"
            ? "SELECT o.notice_id, o.to_municipality, (SELECT count(*) FROM fuhyo_delivery d WHERE d.notice_id = "
              "o.notice_id AND d.delivered = 1), (SELECT count(*) FROM fuhyo_delivery d WHERE d.notice_id = "
              "o.notice_id AND d.delivered = 0) FROM fuhyo_outbox o ORDER BY o.created_at, o.notice_id"
            : "SELECT notice_id, from_municipality, outcome, reply FROM fuhyo_inbox ORDER BY received_at, notice_id");
    int count = 0;
    while (rows->Step()) {
      ++count;
      if (action == "outbox") {
        const bool delivered = rows->ColumnInt(2) > 0;
        const int64_t failures = rows->ColumnInt(3);
        out << rows->ColumnText(0) << "  → " << rows->ColumnText(1) << "  "
            << (delivered ? "送付済み" : failures >= kMaxDeliveryAttempts ? "送付不能（要確認）" : "未送付")
            << (failures > 0 ? "  失敗 " + std::to_string(failures) + " 回" : "") << "\n";
      } else {
        out << rows->ColumnText(0) << "  ← " << rows->ColumnText(1) << "  " << rows->ColumnText(2)
            << (rows->ColumnText(3).empty() ? "" : "  返信: " + rows->ColumnText(3)) << "\n";
      }
    }
    out << (action == "outbox" ? "送付通知 " : "受信通知 ") << count << " 件\n";
    return kOk;
  }
  if (action == "deliver") {
    const std::filesystem::path dir = args.Option("to");
    if (dir.empty()) {
      err << "エラー: --to 共有フォルダ を指定してください。\n";
      return kUsage;
    }
    const auto report = DeliverFuhyoOutbox(
        **db, [&dir](const std::string& to, const std::string& id, const std::string& body, std::string& detail) {
          std::error_code ec;
          std::filesystem::create_directories(dir / to, ec);
          const auto final_path = dir / to / (id + ".fuhyo");
          const auto temporary = dir / to / ("." + id + ".tmp");
          {
            std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
            file << body;
            if (!file) {
              detail = "cannot write " + temporary.string();
              return false;
            }
          }
          std::filesystem::rename(temporary, final_path, ec);
          if (ec) detail = ec.message();
          return !ec;
        });
    out << "送付 " << report.delivered << " 件、失敗 " << report.failed << " 件";
    if (!report.dead_letters.empty()) out << "、送付不能 " << report.dead_letters.size() << " 件（jrr fuhyo outbox）";
    out << "\n";
    return report.failed > 0 ? kStorage : kOk;
  }
  if (action == "import") {
    const std::filesystem::path dir = std::filesystem::path(args.Option("from")) / OurMunicipalityName(**db);
    if (args.Option("from").empty()) {
      err << "エラー: --from 共有フォルダ を指定してください。\n";
      return kUsage;
    }
    int applied = 0, refused = 0, duplicates = 0;
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".fuhyo") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::filesystem::create_directories(dir / "done", ec);
    for (const auto& path : files) {
      std::ifstream file(path, std::ios::binary);
      const std::string body((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
      auto received = ReceiveFuhyoNotice(**db, body);
      if (!received) {
        ++refused;
        err << path.filename().string() << ": " << received.error().rule_id << "\n";
        continue;  // left in place for a person to look at
      }
      if (received->duplicate) {
        ++duplicates;
      } else if (received->outcome == "applied") {
        ++applied;
      } else {
        ++refused;
        out << path.filename().string() << ": " << received->reply << "\n";
      }
      std::filesystem::rename(path, dir / "done" / path.filename(), ec);
    }
    out << "反映 " << applied << " 件、不一致で返送 " << refused << " 件、受信済み " << duplicates << " 件\n";
    return kOk;
  }
  if (action == "copy") {
    // 戸籍の附票の写し (第20条): the requester's right, 支援措置 through the gate, 交付履歴, PDF.
    std::optional<Fuhyo> f = named();
    if (!f) return PrintError(err, MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", key));
    auto requester = FuhyoRequesterFromCode(args.Option("requester", "self"));
    if (!requester) return PrintError(err, requester.error());
    const std::string with = args.Option("with");
    const bool koseki = with.find("honseki") != std::string::npos;
    const bool code = with.find("jumin-code") != std::string::npos;
    const bool voter = with.find("zaigai") != std::string::npos;
    if (Status ok = CheckFuhyoCopyRequest(*requester, args.Option("purpose"), code); !ok) return PrintError(err, ok.error());
    if (args.Option("out").empty()) {
      err << "エラー: --out FILE.pdf を指定してください。\n";
      return kUsage;
    }
    if (!args.Option("members").empty()) {
      std::vector<FuhyoMember> chosen;
      std::istringstream in(args.Option("members"));
      for (std::string id; std::getline(in, id, ',');) {
        auto m = std::find_if(f->members.begin(), f->members.end(),
                              [&](const FuhyoMember& x) { return std::to_string(x.member_id) == id; });
        if (m == f->members.end()) return PrintError(err, MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found", id));
        chosen.push_back(*m);
      }
      f->members = std::move(chosen);
    }
    // 支援措置: a member who lives here (known by the 住民票コード) passes the same gate as any
    // certificate; protection never depends on which register the paper comes from.
    auto viewer = ClerkViewer(args, **db);
    if (!viewer) return PrintError(err, viewer.error());
    SqliteResidentRepository residents(**db);
    SqliteAuditLog log(**db);
    std::vector<std::string> local;
    for (const FuhyoMember& m : f->members) {
      if (m.resident_record_code.empty()) continue;
      for (const ResidentRecord& r : residents.FindByNumber(m.resident_record_code)) local.push_back(r.addressee_number);
    }
    if (Status cleared = ResidentAccess(residents, log, *viewer).ClearForIssue(local, "戸籍の附票の写し", false, Acknowledged(args));
        !cleared) {
      return PrintError(err, cleared.error());
    }
    const CertificateSettings settings = app::LoadCertificateSettings(**db, *viewer, args.Option("printer"));
    const auto certifier = CertifierOn(settings.certifiers, viewer->today);
    if (!certifier) return PrintError(err, MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier"));
    forms::FuhyoCopyPlan plan;
    plan.fuhyo = *f;
    plan.print_koseki = koseki;
    plan.print_code = code;
    plan.print_overseas_voter = voter;
    plan.issue_date = viewer->today;
    plan.certifier_title = TitleWithPrefecture(certifier->title, settings.municipality_code);
    plan.certifier_name = certifier->name;
    plan.seal_text = settings.municipality_name + "長之印";
    plan.number = IssueNumber{viewer->today, settings.municipality_name, settings.terminal_name, settings.printer_name, 0};
    const int sheets = static_cast<int>(forms::FillFuhyoCopy(plan).size());
    {
      Transaction record(**db);
      plan.number.serial = NextIssueSerial(**db, viewer->today, settings.terminal_name);
      std::string members;
      for (const FuhyoMember& m : f->members) members += (members.empty() ? "" : " ") + std::to_string(m.member_id);
      (**db).Prepare("INSERT INTO fuhyo_issuance(issued_at, issue_date, place, terminal, number_terminal, operator_id, "
                     "fuhyo_id, members, requester, purpose, items, sheets, serial, first_number) VALUES (?1, ?2, ?3, "
                     "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
          ->Bind(1, UtcTimestampNow()).Bind(2, ToIsoString(viewer->today)).Bind(3, viewer->place)
          .Bind(4, viewer->terminal).Bind(5, settings.terminal_name).Bind(6, viewer->operator_id).Bind(7, f->fuhyo_id)
          .Bind(8, members).Bind(9, args.Option("requester", "self")).Bind(10, args.Option("purpose")).Bind(11, with)
          .Bind(12, sheets).Bind(13, plan.number.serial).Bind(14, plan.number.Text(1, sheets))
          .Run();
      LogAccess(*clerk, **db, AuditAction::kIssue, "戸籍の附票の写し・印刷", local, false,
                "fuhyo=" + key + " sheets=" + std::to_string(sheets));
      record.Commit();
    }
    const std::string pdf = app::SharedPdfRenderer().RenderSheets(forms::FillFuhyoCopy(plan), OverflowPolicy::kToLimit,
                                                                  "戸籍の附票の写し");
    std::ofstream file(args.Option("out"), std::ios::binary | std::ios::trunc);
    file.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    if (!file) return kStorage;
    out << "戸籍の附票の写しを発行しました: " << args.Option("out") << "（発行番号 " << plan.number.Text(1, sheets) << "）\n";
    return kOk;
  }
  err << "エラー: fuhyo の操作は search, show, event, outbox, deliver, import, inbox, copy です。\n";
  return kUsage;
}

}  // namespace jrr::cli
