// SPDX-License-Identifier: Apache-2.0
#include "fuhyo_services.h"

#include "certificate_services.h"
#include "jrr/forms/fuhyo/fuhyo_copy.h"

namespace jrr::app {

Result<IssuedFuhyoCopy> FuhyoCopyPdf(Database& db, const Viewer& viewer,
                                     const FuhyoCopyRequest& request, const std::string& printer) {
  auto content =
      WithFuhyoDesk(db, viewer, [&](FuhyoDesk& desk) { return desk.ClearCopy(request); });
  if (!content) return content.error();
  const CertificateSettings settings = LoadCertificateSettings(db, viewer, printer);
  const auto certifier = CertifierOn(settings.certifiers, viewer.today);
  if (!certifier)
    return MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier",
                     ToIsoString(viewer.today));
  forms::FuhyoCopyPlan plan;
  plan.fuhyo = content->fuhyo;
  plan.print_koseki = request.print_koseki;
  plan.print_code = request.print_code;
  plan.print_overseas_voter = request.print_overseas_voter;
  plan.issue_date = viewer.today;
  plan.certifier_title = TitleWithPrefecture(certifier->title, settings.municipality_code);
  plan.certifier_name = certifier->name;
  plan.seal_text = settings.municipality_name + "長之印";
  plan.number = IssueNumber{viewer.today, settings.municipality_name, settings.terminal_name,
                            settings.printer_name, 0};
  // Laid out before it is recorded: a character no font has stops it here, with nothing written.
  const std::vector<forms::Sheet> probe = forms::FillFuhyoCopy(plan);
  for (const forms::Sheet& sheet : probe) {
    for (const forms::PlacedText& t : sheet.texts) {
      if (!t.text.empty() && SharedPdfRenderer().Fit(t).unknown_glyphs > 0) {
        return MakeError(ErrorCode::kRuleViolation, "certificate.missing_glyph", t.field);
      }
    }
  }
  const int sheets = static_cast<int>(probe.size());
  plan.number = RecordFuhyoIssuance(db, viewer, request, *content, sheets, plan.number);
  IssuedFuhyoCopy out;
  out.sheets = sheets;
  out.issue_number = plan.number.Text(1, sheets);
  out.pdf = SharedPdfRenderer().RenderSheets(forms::FillFuhyoCopy(plan), OverflowPolicy::kToLimit,
                                             "戸籍の附票の写し");
  return out;
}

}  // namespace jrr::app
