// SPDX-License-Identifier: Apache-2.0
//
// jrr seal: 印鑑登録 from application to certificate and 廃止 (issue 8), through SealDesk.
#include "cli.h"
#include "cli_support.h"

#include <fstream>
#include <ostream>
#include <sstream>

#include "certificate_services.h"
#include "jrr/domain/japanese_date.h"
#include "jrr/forms/seal_certificate.h"
#include "jrr/forms/seal_image.h"
#include "jrr/forms/seal_inquiry.h"
#include "jrr/persistence/sqlite_audit_log.h"
#include "jrr/persistence/sqlite_resident_repository.h"
#include "jrr/persistence/sqlite_seal_register.h"

namespace jrr::cli {
namespace {

std::string_view StateJa(SealState s) {
  switch (s) {
    case SealState::kInquiry: return "照会中";
    case SealState::kActive: return "登録";
    case SealState::kEnded: return "廃止";
    case SealState::kWithdrawn: return "取下げ・期限切れ";
  }
  return {};
}

void Print(std::ostream& out, const SealRegistration& r) {
  out << "受付 " << r.registration_id << "  " << StateJa(r.state);
  if (!r.registration_number.empty()) out << "  登録番号 " << r.registration_number << "  登録証 " << r.card_number;
  out << "  宛名番号 " << r.addressee_number << "  印影 " << SealNameFormNameJa(r.name_form) << "「"
      << r.registered_name << "」 " << std::fixed;
  out.precision(1);
  out << r.impression.smallest_square_mm << "mm  申請 " << FormatWareki(r.applied_on);
  if (r.inquiry_deadline && r.state == SealState::kInquiry) out << "  回答期限 " << FormatWareki(*r.inquiry_deadline);
  if (r.registered_on) out << "  登録 " << FormatWareki(*r.registered_on);
  if (r.ended_on) out << "  " << r.end_reason << " " << FormatWareki(*r.ended_on);
  out << "\n";
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(file);
}

}  // namespace

int SealCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  if (action == "sample-image") {
    // A synthetic impression for trying the commands (nothing is read or written in a register).
    double diameter = 15, dpi = 600, rotate = 0;
    try {
      diameter = std::stod(args.Option("diameter", "15"));
      dpi = std::stod(args.Option("dpi", "600"));
      rotate = std::stod(args.Option("rotate", "0"));
    } catch (const std::logic_error&) {
      err << "エラー: --diameter, --dpi, --rotate は数値です。\n";
      return kUsage;
    }
    if (args.Option("out").empty()) {
      err << "エラー: --out FILE.png を指定してください。\n";
      return kUsage;
    }
    if (!WriteFile(args.Option("out"), forms::DrawSampleImpression(diameter, dpi, args.Option("text", "架空"), rotate))) {
      err << "エラー: 書き込めません: " << args.Option("out") << "\n";
      return kStorage;
    }
    out << "印影の見本を書き出しました: " << args.Option("out") << "（直径 " << diameter << "mm、" << dpi << "dpi）\n";
    return kOk;
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteResidentRepository residents(**db);
  SqliteSealRegister seals(**db);
  SqliteAuditLog log(**db);
  SealDesk desk(residents, seals, log, SealSettings{}, *viewer);
  auto id_of = [&](std::size_t index) -> std::optional<int64_t> {
    if (args.positional.size() <= index) return std::nullopt;
    try {
      return std::stoll(args.positional[index]);
    } catch (const std::logic_error&) {
      return std::nullopt;
    }
  };
  auto done = [&](const Result<SealRegistration>& r, const char* message) {
    if (!r) return PrintError(err, r.error());
    out << message << "\n";
    Print(out, *r);
    return static_cast<int>(kOk);
  };

  if (action == "apply") {
    std::ifstream file(args.Option("image"), std::ios::binary);
    if (args.Option("person").empty() || !file) {
      err << "エラー: --person 宛名番号 と --image 印影の画像（PNG/JPEG）を指定してください。\n";
      return kUsage;
    }
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    double dpi = 0;
    try {
      dpi = std::stod(args.Option("dpi", "0"));
    } catch (const std::logic_error&) {
    }
    auto measured = forms::MeasureImpression(bytes, dpi);
    if (!measured) return PrintError(err, measured.error());
    SealApplication a;
    a.addressee_number = args.Option("person");
    auto form = SealNameFormFromCode(args.Option("name-form", "full"));
    if (!form) {
      err << "エラー: --name-form は full, surname, given, former, common, katakana, alphabet のいずれかです。\n";
      return kUsage;
    }
    a.name_form = *form;
    const std::string route = args.Option("route", "photo-id");
    if (route == "photo-id") a.route = SealRoute::kPhotoId;
    else if (route == "guarantor") a.route = SealRoute::kGuarantor;
    else if (route == "inquiry") a.route = SealRoute::kInquiry;
    else {
      err << "エラー: --route は photo-id, guarantor, inquiry のいずれかです。\n";
      return kUsage;
    }
    a.by_agent = args.flags.contains("agent");
    a.guardian_present = args.flags.contains("guardian");
    a.id_document = args.Option("id-document");
    a.guarantor_registration = args.Option("guarantor");
    const std::string attest = args.Option("attest");
    a.material_attested = attest.find("material") != std::string::npos;
    a.legibility_attested = attest.find("legibility") != std::string::npos;
    a.impression = measured->measure;
    a.impression_png = measured->png;
    auto applied = desk.Apply(a);
    if (!applied) return PrintError(err, applied.error());
    out << (applied->Active() ? "印鑑を登録しました（即日登録）。印鑑登録証を交付してください。"
                              : "照会中として受け付けました。照会書を送付してください（jrr seal inquiry）。")
        << "\n";
    Print(out, *applied);
    return kOk;
  }
  if (action == "answer") {
    const auto id = id_of(1);
    if (!id) return PrintError(err, MakeError(ErrorCode::kNotFound, "seal.not_found", ""));
    return done(desk.Answer(*id), "回答書を受け付け、印鑑を登録しました。");
  }
  if (action == "withdraw") {
    const auto id = id_of(1);
    if (!id) return PrintError(err, MakeError(ErrorCode::kNotFound, "seal.not_found", ""));
    return done(desk.Withdraw(*id, args.Option("reason")), "申請を取り下げました。");
  }
  if (action == "lost" || action == "abolish") {
    if (args.positional.size() < 2) {
      err << "使い方: jrr seal --db PATH " << action << " 登録番号\n";
      return kUsage;
    }
    return action == "lost" ? done(desk.ReportLost(args.positional[1]), "亡失届を受け付け、登録を廃止しました。")
                            : done(desk.Abolish(args.positional[1]), "廃止申請を受け付け、登録を廃止しました。");
  }
  if (action == "show") {
    auto entries = desk.Entries(args.Option("person"));
    if (!entries) return PrintError(err, entries.error());
    for (const SealRegistration& r : *entries) Print(out, r);
    out << "印鑑登録原票 " << entries->size() << " 件\n";
    return kOk;
  }
  const auto settings = app::LoadCertificateSettings(**db, *viewer, args.Option("printer"));
  const auto certifier = CertifierOn(settings.certifiers, viewer->today);
  if (action == "inquiry") {
    if (args.Option("out").empty()) {
      err << "エラー: --out FILE.pdf を指定してください。\n";
      return kUsage;
    }
    const auto id = id_of(1);
    if (!id) return PrintError(err, MakeError(ErrorCode::kNotFound, "seal.not_found", args.positional.size() > 1 ? args.positional[1] : ""));
    auto letter = desk.ClearInquiryLetter(*id, Acknowledged(args));
    if (!letter) return PrintError(err, letter.error());
    if (!certifier) return PrintError(err, MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier"));
    forms::SealInquiryPlan plan{letter->registration, letter->person,
                                TitleWithPrefecture(certifier->title, settings.municipality_code), certifier->name,
                                letter->registration.inquiry_sent_on.value_or(viewer->today)};
    if (!WriteFile(args.Option("out"), app::SharedPdfRenderer().RenderSheets(forms::FillSealInquiry(plan),
                                                                              OverflowPolicy::kToLimit, "印鑑登録照会書"))) {
      return kStorage;
    }
    out << "照会書を書き出しました: " << args.Option("out") << "\n";
    return kOk;
  }
  if (action == "certificate") {
    if (args.Option("out").empty() || args.Option("card").empty()) {
      err << "エラー: --person 宛名番号、--card 印鑑登録証の番号、--out FILE.pdf を指定してください。\n";
      return kUsage;
    }
    auto content = desk.ClearCertificate(args.Option("card"), args.Option("person"), Acknowledged(args));
    if (!content) return PrintError(err, content.error());
    if (!certifier) return PrintError(err, MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier"));
    forms::SealCertificatePlan plan;
    plan.content = *content;
    plan.impression_width_mm = content->registration.impression.width_mm;
    plan.impression_height_mm = content->registration.impression.height_mm;
    plan.issue_date = viewer->today;
    plan.certifier_title = TitleWithPrefecture(certifier->title, settings.municipality_code);
    plan.certifier_name = certifier->name;
    if (certifier->role == CertifierRole::kActing) {
      plan.acting_for = TitleWithPrefecture(settings.municipality_name + "長", settings.municipality_code) + "職務代理者";
    }
    plan.seal_text = settings.municipality_name + "長之印";
    plan.print_sex = SealSettings{}.print_sex;
    // Laid out before it is recorded: a character no font has stops it here.
    const std::vector<forms::Sheet> probe = forms::FillSealCertificate(plan);
    for (const forms::PlacedText& t : probe.front().texts) {
      if (!t.text.empty() && app::SharedPdfRenderer().Fit(t).unknown_glyphs > 0) {
        return PrintError(err, MakeError(ErrorCode::kRuleViolation, "certificate.missing_glyph", t.field));
      }
    }
    plan.number = RecordSealIssuance(**db, content->registration, *viewer,
                                     IssueNumber{viewer->today, settings.municipality_name, settings.terminal_name,
                                                 settings.printer_name, 0});
    const std::string pdf =
        app::SharedPdfRenderer().RenderSheets(forms::FillSealCertificate(plan), OverflowPolicy::kToLimit, "印鑑登録証明書");
    if (!WriteFile(args.Option("out"), pdf)) {
      err << "エラー: " << args.Option("out") << " に書き込めません（交付は記録済みです）。\n";
      return kStorage;
    }
    out << "印鑑登録証明書を発行しました: " << args.Option("out") << "\n  発行番号 " << plan.number.Text(1, 1) << "\n";
    return kOk;
  }
  err << "エラー: seal の操作は apply, answer, withdraw, inquiry, lost, abolish, show, certificate, sample-image です。\n";
  return kUsage;
}

}  // namespace jrr::cli
