// SPDX-License-Identifier: Apache-2.0
//
// jrr seal: 印鑑登録 from application to certificate and 廃止 (issue 8), through SealDesk.
#include <fstream>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/forms/seals/seal_image.h"
#include "seal_services.h"

namespace jrr::cli {
namespace {

void Print(std::ostream& out, const SealRegistration& r) {
  out << "受付 " << r.registration_id << "  " << SealStateNameJa(r.state);
  if (!r.registration_number.empty())
    out << "  登録番号 " << r.registration_number << "  登録証 " << r.card_number;
  out << "  宛名番号 " << r.addressee_number << "  印影 " << SealNameFormNameJa(r.name_form) << "「"
      << r.registered_name << "」 " << std::fixed;
  out.precision(1);
  out << r.impression.smallest_square_mm << "mm  申請 " << FormatWareki(r.applied_on);
  if (r.inquiry_deadline && r.state == SealState::kInquiry)
    out << "  回答期限 " << FormatWareki(*r.inquiry_deadline);
  if (r.registered_on) out << "  登録 " << FormatWareki(*r.registered_on);
  if (r.ended_on) out << "  " << r.end_reason << " " << FormatWareki(*r.ended_on);
  out << "\n";
}

bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(file);
}

// The registration a step left, after what the step did.
int Done(const Result<SealRegistration>& r, const std::string& message, std::ostream& out,
         std::ostream& err) {
  if (!r) return PrintError(err, r.error());
  out << message << "\n";
  Print(out, *r);
  return kOk;
}

// A synthetic impression for trying the commands (nothing is read or written in a register).
int SampleImage(const Args& args, std::ostream& out, std::ostream& err) {
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
  if (!WriteFile(args.Option("out"),
                 forms::DrawSampleImpression(diameter, dpi, args.Option("text", "架空"), rotate))) {
    err << "エラー: 書き込めません: " << args.Option("out") << "\n";
    return kStorage;
  }
  out << "印影の見本を書き出しました: " << args.Option("out") << "（直径 " << diameter << "mm、"
      << dpi << "dpi）\n";
  return kOk;
}

// 印鑑登録申請 (印鑑条例): registered at once, or 照会中 until the 回答書.
int Apply(const Args& args, Database& db, const Viewer& viewer, std::ostream& out,
          std::ostream& err) {
  if (args.Option("person").empty()) {
    err << "エラー: --person 宛名番号 と --image 印影の画像（PNG/JPEG）を指定してください。\n";
    return kUsage;
  }
  app::SealApplicationInput in;
  in.person = args.Option("person");
  if (int read = ReadInputFile(args.Option("image"), 16u << 20, in.image, err); read != kOk)
    return read;
  auto dpi = ParseDpi(args.Option("dpi"));
  if (!dpi) return PrintError(err, dpi.error());
  in.dpi = *dpi;
  in.name_form = args.Option("name-form", "full");
  in.route = args.Option("route", "photo-id");
  in.id_document = args.Option("id-document");
  in.guarantor = args.Option("guarantor");
  in.agent = args.flags.contains("agent");
  in.guardian = args.flags.contains("guardian");
  in.material_attested = args.Option("attest").find("material") != std::string::npos;
  in.legibility_attested = args.Option("attest").find("legibility") != std::string::npos;
  auto applied = app::ApplyForSeal(db, viewer, in);
  if (!applied) return PrintError(err, applied.error());
  return Done(applied,
              applied->Active()
                  ? "印鑑を登録しました（即日登録）。印鑑登録証を交付してください。"
                  : "照会中として受け付けました。照会書を送付してください（jrr seal inquiry）。",
              out, err);
}

// The 照会書 of an application, or the 印鑑登録証明書 of a registration, as PDF.
int Paper(const Args& args, Database& db, const Viewer& viewer, const std::string& action,
          const std::string& key, std::ostream& out, std::ostream& err) {
  if (args.Option("out").empty() || (action == "certificate" && args.Option("card").empty())) {
    err << "エラー: "
        << (action == "certificate" ? "--person 宛名番号、--card 印鑑登録証の番号、" : "")
        << "--out FILE.pdf を指定してください。\n";
    return kUsage;
  }
  Result<std::string> pdf = std::string();
  if (action == "inquiry") {
    int64_t id = 0;
    try {
      id = std::stoll(key);
    } catch (const std::logic_error&) {
      return PrintError(err, MakeError(ErrorCode::kNotFound, "seal.not_found", key));
    }
    pdf = app::SealInquiryPdf(db, viewer, id, Acknowledged(args));
  } else {
    pdf = app::SealCertificatePdf(db, viewer, args.Option("card"), args.Option("person"),
                                  args.Option("printer"), Acknowledged(args));
  }
  if (!pdf) return PrintError(err, pdf.error());
  if (!WriteFile(args.Option("out"), *pdf)) {
    err << "エラー: " << args.Option("out") << " に書き込めません。\n";
    return kStorage;
  }
  out << (action == "inquiry" ? "照会書を書き出しました: " : "印鑑登録証明書を発行しました: ")
      << args.Option("out") << "\n";
  return kOk;
}

}  // namespace

int SealCommand(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  if (action == "sample-image") return SampleImage(args, out, err);
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  auto done = [&](const Result<SealRegistration>& r, const std::string& message) {
    return Done(r, message, out, err);
  };
  const std::string key = args.positional.size() > 1 ? args.positional[1] : std::string();

  if (action == "apply") return Apply(args, **db, *viewer, out, err);
  if (action == "answer")
    return done(app::SealStep(**db, *viewer, "answer", key, ""),
                "回答書を受け付け、印鑑を登録しました。");
  if (action == "withdraw") {
    return done(app::SealStep(**db, *viewer, "withdraw", key, args.Option("reason")),
                "申請を取り下げました。");
  }
  if (action == "lost")
    return done(app::SealStep(**db, *viewer, "lost", key, ""),
                "亡失届を受け付け、登録を廃止しました。");
  if (action == "abolish") {
    return done(app::SealStep(**db, *viewer, "abolish", key, ""),
                "廃止申請を受け付け、登録を廃止しました。");
  }
  if (action == "show") {
    auto entries = app::SealEntries(**db, *viewer, args.Option("person"));
    if (!entries) return PrintError(err, entries.error());
    for (const SealRegistration& r : *entries) Print(out, r);
    out << "印鑑登録原票 " << entries->size() << " 件\n";
    return kOk;
  }
  if (action == "inquiry" || action == "certificate")
    return Paper(args, **db, *viewer, action, key, out, err);
  err << "エラー: seal の操作は apply, answer, withdraw, inquiry, lost, abolish, show, "
         "certificate, sample-image です。\n";
  return kUsage;
}

}  // namespace jrr::cli
