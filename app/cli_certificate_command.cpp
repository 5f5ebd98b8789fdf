// SPDX-License-Identifier: Apache-2.0
//
// jrr certificate: 証明書の発行 (JK-5.1–5.8, 9.5) through CertificateDesk, the 交付履歴
// (JK-1.3.8) and the record of a certificate destroyed after a mistaken issue (処分).
#include <cstdio>
#include <fstream>
#include <ostream>
#include <sstream>

#include "certificate_services.h"
#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/forms/certificates/certificate_fill.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/web/certificates/certificate_request.h"

namespace jrr::cli {
namespace {

void PrintRecord(std::ostream& out, const IssuanceRecord& r) {
  out << r.issuance_id << "  " << r.issued_at << "  " << CertificateKindNameJa(r.kind) << "  "
      << RequesterNameJa(r.requester) << "  " << r.copies << "部×" << r.sheets << "枚  対象";
  for (const std::string& t : r.targets) out << " " << t;
  out << "  記載事項";
  if (r.items.empty()) out << " 基本のみ";
  for (OptionalItem item : r.items) out << " " << OptionalItemNameJa(item);
  out << "  " << r.place << "/" << r.terminal << "/" << r.operator_id << (r.seal ? "  公印" : "")
      << (r.individual_number ? "  個人番号あり" : "");
  if (r.disposed_at) {
    out << "  【処分 " << *r.disposed_at << " " << r.disposed_by << " 理由: " << r.disposal_reason
        << "】";
  }
  out << "\n";
  for (const std::string& number : r.numbers) out << "    発行番号 " << number << "\n";
}

// 交付履歴 (JK-1.3.8, JK-2.2.2): the latest issues, of one person with --person.
int History(const Args& args, Database& db, SqliteIssuanceLog& issuance, std::ostream& out) {
  // The 交付履歴 names people: reading it is a view of them, logged (JK-10.2).
  std::optional<std::string> person;
  if (args.options.contains("person")) person = args.Option("person");
  const auto records = issuance.Recent(person, 100);
  std::vector<std::string> targets;
  for (const IssuanceRecord& r : records)
    targets.insert(targets.end(), r.targets.begin(), r.targets.end());
  auto clerk = ClerkContext(args, db);
  LogAccess(*clerk, db, AuditAction::kView, "交付履歴", targets);
  for (const IssuanceRecord& r : records) PrintRecord(out, r);
  out << "交付履歴 " << records.size() << " 件\n";
  return kOk;
}

// 証明書の処分: an issued certificate recorded as disposed of, with the reason.
int Dispose(const Args& args, Database& db, const Viewer& viewer, SqliteIssuanceLog& issuance,
            std::ostream& out, std::ostream& err) {
  if (args.positional.size() < 2 || args.Option("reason").empty()) {
    err << "使い方: jrr certificate --db PATH dispose 交付番号 --reason 理由\n";
    return kUsage;
  }
  if (Status allowed = Authorize(viewer, Permission::kIssue); !allowed)
    return PrintError(err, allowed.error());
  int64_t id = 0;
  try {
    id = std::stoll(args.positional[1]);
  } catch (const std::logic_error&) {
    return PrintError(err,
                      MakeError(ErrorCode::kNotFound, "issuance.not_found", args.positional[1]));
  }
  if (Status disposed = issuance.Dispose(id, viewer.operator_id, args.Option("reason"));
      !disposed) {
    return PrintError(err, disposed.error());
  }
  auto clerk = ClerkContext(args, db);
  LogAccess(*clerk, db, AuditAction::kIssue, "証明書の処分", issuance.Get(id)->targets, false,
            "issuance=" + std::to_string(id));
  out << "交付番号 " << id << " を処分済みとして記録しました。\n";
  return kOk;
}

// 世帯員の並び順 (JK-5.2): show the household's order, or set it with --members.
int Order(const Args& args, Database& db, const Viewer& viewer, std::ostream& out,
          std::ostream& err) {
  // 世帯員の並び順 (JK-5.2): show the household's order, or set it with --members.
  if (args.positional.size() < 2) {
    err << "使い方: jrr certificate --db PATH order 世帯番号 [--members 宛名番号,…]\n";
    return kUsage;
  }
  const std::string household = args.positional[1];
  SqliteResidentRepository residents(db);
  std::vector<ResidentRecord> members = residents.HouseholdMembers(household);
  if (members.empty())
    return PrintError(err,
                      MakeError(ErrorCode::kNotFound, "change.household_not_found", household));
  SqliteHouseholdOrder orders(db);
  SqliteAuditLog order_log(db);
  auto clerk = ClerkContext(args, db);
  if (args.options.contains("members")) {
    if (Status allowed = Authorize(viewer, Permission::kSettings); !allowed)
      return PrintError(err, allowed.error());
    std::vector<std::string> order;
    std::istringstream in(args.Option("members"));
    for (std::string atena; std::getline(in, atena, ',');) {
      if (!atena.empty()) order.push_back(atena);
    }
    if (Status ok = CheckHouseholdOrder(members, order); !ok) return PrintError(err, ok.error());
    Transaction change(db);
    orders.Set(household, order, viewer.operator_id);
    LogAccess(*clerk, db, AuditAction::kSettingsChange, "世帯員の並び順", order);
    change.Commit();
  }
  const auto stored = orders.Get(household);
  out << (stored ? "設定された並び順（以後の転入者等は末尾）:\n"
                 : "標準の並び順（JK-5.2 の順位）:\n");
  // Each person shown is looked at through the gate (照会: logged, 照会抑止 applies).
  ResidentAccess access(residents, order_log, viewer);
  for (const ResidentRecord& r : OrderWithStored(members, stored)) {
    auto seen = access.View(r.addressee_number, AsOfQuery{}, Acknowledged(args), "世帯員の並び順");
    out << "  " << r.addressee_number << "  "
        << (seen ? seen->record.DisplayName() + "  " + seen->record.relationship.Text()
                 : "（表示できません: " + seen.error().rule_id + "）")
        << "\n";
  }
  return kOk;
}

// 証明発行 (JK-5.1 items, JK-5.5 numbers): the certificate as PDF with its 交付履歴 and 発行番号; with `layout`, only the
// layout dump of what would print.
int Issue(const Args& args, Database& db, const Viewer& viewer, SqliteIssuanceLog& issuance,
          bool layout_only, std::ostream& out, std::ostream& err) {
  auto request = web::DecodeCertificateRequest(OptionParameters(args));
  if (!request) return PrintError(err, request.error());
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  SqliteHouseholdOrder orders(db);
  CertificateDesk desk(residents, log, issuance, app::SharedPdfRenderer(),
                       app::LoadCertificateSettings(db, viewer, args.Option("printer")), viewer,
                       &orders);
  if (layout_only) {
    // The layout dump (field, position, size, text) of what would print, for checking a form
    // without issuing it. Nothing is issued or recorded; it shows data, so it is logged as a view.
    auto plan = desk.Plan(*request);
    if (!plan) return PrintError(err, plan.error());
    std::vector<std::string> targets;
    for (const PrintedPerson& p : plan->people) targets.push_back(p.record.addressee_number);
    auto clerk = ClerkContext(args, db);
    LogAccess(*clerk, db, AuditAction::kView, "証明書レイアウト", targets,
              plan->items.contains(OptionalItem::kIndividualNumber));
    out << forms::DumpSheets(forms::FillCertificate(*plan, 0));
    return kOk;
  }
  if (args.Option("out").empty()) {
    err << "エラー: --out FILE.pdf を指定してください。\n";
    return kUsage;
  }
  // The file is made writable before anything is issued: a certificate recorded in the 交付履歴
  // and then lost for want of a place to write it would be recorded without being printed. It is
  // written beside the destination and renamed into place, so a refusal leaves an older file there
  // untouched.
  const std::string out_path = args.Option("out");
  const std::string partial = out_path + ".partial";
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) {
    err << "エラー: " << out_path << " を書き込める場所に作れません。何も発行していません。\n";
    return kStorage;
  }
  auto discard = [&file, &partial] {
    file.close();
    std::remove(partial.c_str());
  };
  Result<IssuedCertificate> issued = [&] {
    try {
      return desk.Issue(*request);
    } catch (...) {
      discard();  // nothing was issued: the failure rolled the issuance back
      throw;
    }
  }();
  if (!issued) {
    discard();
    const int status = PrintError(err, issued.error());
    if (issued.error().rule_id == rules::kCertificateOverflow) {
      err << "  文字超過リストを確認し、--acknowledge certificate.overflow "
             "を付けて発行してください。\n";
    }
    return status;
  }
  file.write(issued->pdf.data(), static_cast<std::streamsize>(issued->pdf.size()));
  file.close();
  if (!file || std::rename(partial.c_str(), out_path.c_str()) != 0) {
    err << "エラー: " << args.Option("out") << " に書き込めません（交付履歴 "
        << issued->record.issuance_id
        << " は記録済みです。jrr certificate dispose で処分を記録してください）。\n";
    return kStorage;
  }
  for (const OverflowEntry& e : issued->overflow) {
    err << "文字超過: " << e.addressee_number << " " << e.field << " 「" << e.text << "」\n";
  }
  out << CertificateKindNameJa(request->kind) << " を発行しました: " << args.Option("out")
      << "（交付番号 " << issued->record.issuance_id << "、" << request->copies << "部×"
      << issued->record.sheets << "枚）\n";
  for (const std::string& number : issued->record.numbers) out << "  発行番号 " << number << "\n";
  return kOk;
}

}  // namespace

int CertificateCommand(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteIssuanceLog issuance(**db);
  const std::string action = args.positional.empty() ? "issue" : args.positional[0];
  if (action == "history") return History(args, **db, issuance, out);
  if (action == "dispose") return Dispose(args, **db, *viewer, issuance, out, err);
  if (action == "order") return Order(args, **db, *viewer, out, err);
  if (action == "issue" || action == "layout")
    return Issue(args, **db, *viewer, issuance, action == "layout", out, err);
  err << "エラー: 知らない操作です: " << action << "（issue, layout, history, dispose, order）\n";
  return kUsage;
}

}  // namespace jrr::cli
