// SPDX-License-Identifier: Apache-2.0
#include "seal_services.h"

#include "certificate_services.h"
#include "jrr/forms/seals/seal_certificate.h"
#include "jrr/forms/seals/seal_image.h"
#include "jrr/forms/seals/seal_inquiry.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/seals/sqlite_seal_register.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::app {
namespace {

template <typename Use>
auto WithDesk(Database& db, const Viewer& viewer, Use use) {
  SqliteResidentRepository residents(db);
  SqliteSealRegister seals(db);
  SqliteAuditLog log(db);
  SealDesk desk(residents, seals, log, SqliteRegisterSettings(db).GetSealSettings(), viewer);
  return use(desk);
}

}  // namespace

Result<SealRegistration> ApplyForSeal(Database& db, const Viewer& viewer,
                                      const SealApplicationInput& in) {
  auto form = SealNameFormFromCode(in.name_form);
  if (!form) return MakeError(ErrorCode::kInvalidInput, "seal.unknown_name_form", in.name_form);
  SealApplication a;
  if (in.route == "photo-id")
    a.route = SealRoute::kPhotoId;
  else if (in.route == "guarantor")
    a.route = SealRoute::kGuarantor;
  else if (in.route == "inquiry")
    a.route = SealRoute::kInquiry;
  else
    return MakeError(ErrorCode::kInvalidInput, "seal.unknown_route", in.route);
  // The permission first: an image is decoded only for someone who may register it.
  if (Status ok = WithDesk(db, viewer, [&](SealDesk& desk) { return desk.MayApply(in.person); });
      !ok)
    return ok.error();
  auto measured = forms::MeasureImpression(in.image, in.dpi);
  if (!measured) return measured.error();
  a.addressee_number = in.person;
  a.name_form = *form;
  a.by_agent = in.agent;
  a.guardian_present = in.guardian;
  a.id_document = in.id_document;
  a.guarantor_registration = in.guarantor;
  a.material_attested = in.material_attested;
  a.legibility_attested = in.legibility_attested;
  a.impression = measured->measure;
  a.impression_png = measured->png;
  return WithDesk(db, viewer, [&](SealDesk& desk) { return desk.Apply(a); });
}

Result<std::string> SealCertificatePdf(Database& db, const Viewer& viewer, const std::string& card,
                                       const std::string& person, const std::string& printer,
                                       const std::vector<std::string>& acknowledged) {
  auto content = WithDesk(db, viewer, [&](SealDesk& desk) {
    return desk.ClearCertificate(card, person, acknowledged);
  });
  if (!content) return content.error();
  const CertificateSettings settings = LoadCertificateSettings(db, viewer, printer);
  const auto certifier = CertifierOn(settings.certifiers, viewer.today);
  if (!certifier)
    return MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier",
                     ToIsoString(viewer.today));
  forms::SealCertificatePlan plan;
  plan.content = *content;
  plan.impression_width_mm = content->registration.impression.width_mm;
  plan.impression_height_mm = content->registration.impression.height_mm;
  plan.issue_date = viewer.today;
  plan.certifier_title = TitleWithPrefecture(certifier->title, settings.municipality_code);
  plan.certifier_name = certifier->name;
  if (certifier->role == CertifierRole::kActing) {
    plan.acting_for =
        TitleWithPrefecture(settings.municipality_name + "長", settings.municipality_code) +
        "職務代理者";
  }
  plan.seal_text = settings.municipality_name + "長之印";
  plan.print_sex = SqliteRegisterSettings(db).GetSealSettings().print_sex;
  // Laid out before it is recorded: a character no font has stops it here.
  const std::vector<forms::Sheet> probe = forms::FillSealCertificate(plan);
  for (const forms::PlacedText& t : probe.front().texts) {
    if (!t.text.empty() && SharedPdfRenderer().Fit(t).unknown_glyphs > 0) {
      return MakeError(ErrorCode::kRuleViolation, "certificate.missing_glyph", t.field);
    }
  }
  plan.number = RecordSealIssuance(db, content->registration, viewer,
                                   IssueNumber{viewer.today, settings.municipality_name,
                                               settings.terminal_name, settings.printer_name, 0});
  return SharedPdfRenderer().RenderSheets(forms::FillSealCertificate(plan),
                                          OverflowPolicy::kToLimit, "印鑑登録証明書");
}

Result<std::string> SealInquiryPdf(Database& db, const Viewer& viewer, int64_t registration_id,
                                   const std::vector<std::string>& acknowledged) {
  auto letter = WithDesk(db, viewer, [&](SealDesk& desk) {
    return desk.ClearInquiryLetter(registration_id, acknowledged);
  });
  if (!letter) return letter.error();
  const CertificateSettings settings = LoadCertificateSettings(db, viewer, "");
  const auto certifier = CertifierOn(settings.certifiers, viewer.today);
  if (!certifier)
    return MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier",
                     ToIsoString(viewer.today));
  forms::SealInquiryPlan plan{letter->registration, letter->person,
                              TitleWithPrefecture(certifier->title, settings.municipality_code),
                              certifier->name,
                              letter->registration.inquiry_sent_on.value_or(viewer.today)};
  return SharedPdfRenderer().RenderSheets(forms::FillSealInquiry(plan), OverflowPolicy::kToLimit,
                                          "印鑑登録照会書");
}

Result<SealRegistration> SealStep(Database& db, const Viewer& viewer, const std::string& step,
                                  const std::string& key, const std::string& reason) {
  return WithDesk(db, viewer, [&](SealDesk& desk) -> Result<SealRegistration> {
    if (step == "lost") return desk.ReportLost(key);
    if (step == "abolish") return desk.Abolish(key);
    int64_t id = 0;
    try {
      id = std::stoll(key);
    } catch (const std::logic_error&) {
      return MakeError(ErrorCode::kNotFound, "seal.not_found", key);
    }
    if (step == "answer") return desk.Answer(id);
    if (step == "withdraw") return desk.Withdraw(id, reason);
    return MakeError(ErrorCode::kInvalidInput, "seal.unknown_step", step);
  });
}

Result<std::vector<SealRegistration>> SealEntries(Database& db, const Viewer& viewer,
                                                  const std::string& person) {
  return WithDesk(db, viewer, [&](SealDesk& desk) { return desk.Entries(person); });
}

}  // namespace jrr::app
