// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/seals/seal_certificate.h"

#include "jrr/domain/core/japanese_date.h"
#include "jrr/forms/certificates/certificate_layout.h"

namespace jrr::forms {
namespace {

PlacedText At(std::string field, Box box, FontRole font, double size, std::string text,
              Align align = Align::kLeft) {
  return TextAt(std::move(field), "", box, font, size, std::move(text), align);
}

}  // namespace

std::vector<Sheet> FillSealCertificate(const SealCertificatePlan& plan) {
  const ResidentRecord& p = plan.content.person;
  const SealRegistration& reg = plan.content.registration;
  Sheet sheet;
  sheet.texts.push_back(
      At("title", {15, 18, 180, 12}, FontRole::kGothic, 18, "印鑑登録証明書", Align::kCenter));
  // The impression, centred in its frame at actual size.
  const Box& f = kImpressionFrame;
  for (const Rule& r :
       {Rule{f.x, f.y, f.x + f.w, f.y, 0.4}, Rule{f.x, f.y + f.h, f.x + f.w, f.y + f.h, 0.4},
        Rule{f.x, f.y, f.x, f.y + f.h, 0.4}, Rule{f.x + f.w, f.y, f.x + f.w, f.y + f.h, 0.4}}) {
    sheet.rules.push_back(r);
  }
  sheet.texts.push_back(
      At("impression.label", {f.x, f.y - 6, f.w, 5}, FontRole::kGothic, 8, "印影", Align::kCenter));
  sheet.image =
      Box{f.x + (f.w - plan.impression_width_mm) / 2, f.y + (f.h - plan.impression_height_mm) / 2,
          plan.impression_width_mm, plan.impression_height_mm};
  sheet.image_png = plan.content.impression_png;
  // The registered items.
  double y = f.y;
  auto row = [&](const char* field, const char* label, std::string value) {
    sheet.texts.push_back(At(std::string(field) + ".label", {80, y, 28, 9}, FontRole::kGothic, 8,
                             label, Align::kCenter));
    sheet.texts.push_back(At(field, {108, y, 87, 9}, FontRole::kMincho, 11, std::move(value)));
    sheet.rules.push_back({80, y + 9, 195, y + 9, 0.15});
    y += 10;
  };
  row("seal.name", "氏名", p.DisplayName());
  if (reg.name_form == SealNameForm::kFormerSurname)
    row("seal.former_surname", "旧氏", p.former_surname);
  if (reg.name_form == SealNameForm::kCommonName) row("seal.common_name", "通称", p.common_name);
  if (reg.name_form == SealNameForm::kKatakana)
    row("seal.katakana", "カタカナ表記", reg.registered_name);
  row("seal.birth", "生年月日", BirthDateText(p));
  if (plan.print_sex) row("seal.sex", "性別", p.sex == Sex::kMale ? "男" : "女");
  row("seal.address", "住所", p.address.Printed());
  // Authentication.
  sheet.texts.push_back(At("footer.certification", {15, 110, 180, 8}, FontRole::kMincho, 11,
                           "この写しは、登録されている印影と相違ないことを証明する。"));
  sheet.texts.push_back(At("footer.issue_date", {15, 120, 80, 7}, FontRole::kMincho, 10.5,
                           FormatWareki(plan.issue_date)));
  if (!plan.acting_for.empty()) {
    sheet.texts.push_back(
        At("footer.certifier_acting", {15, 129, 135, 7}, FontRole::kMincho, 10.5, plan.acting_for));
  }
  sheet.texts.push_back(At("footer.certifier", {15, 137, 135, 8}, FontRole::kMincho, 12,
                           plan.certifier_title + "\u3000" + plan.certifier_name));
  sheet.seal = Box{160, 116, 21, 21};
  sheet.seal_text = plan.seal_text;
  sheet.texts.push_back(At("footer.seal_note", {150, 138, 45, 5}, FontRole::kGothic, 7,
                           "この印は黒色です", Align::kCenter));
  sheet.texts.push_back(At("number", CertificatePage().number, FontRole::kGothic, 7.5,
                           "発行番号 " + plan.number.Text(1, 1), Align::kRight));
  return {sheet};
}

}  // namespace jrr::forms

#include "jrr/forms/seals/seal_inquiry.h"

namespace jrr::forms {

std::vector<Sheet> FillSealInquiry(const SealInquiryPlan& plan) {
  const ResidentRecord& p = plan.person;
  const SealRegistration& reg = plan.registration;
  Sheet sheet;
  auto text = [&](const char* field, Box box, FontRole font, double size, std::string value,
                  Align align = Align::kLeft) {
    sheet.texts.push_back(At(field, box, font, size, std::move(value), align));
  };
  text("inquiry.sent", {120, 15, 75, 6}, FontRole::kMincho, 10, FormatWareki(plan.sent_on),
       Align::kRight);
  text("inquiry.address", {15, 25, 150, 7}, FontRole::kMincho, 11, p.address.Printed());
  text("inquiry.name", {15, 33, 150, 8}, FontRole::kMincho, 13,
       p.DisplayName() + "\u3000様（親展）");
  text("inquiry.from", {100, 44, 95, 7}, FontRole::kMincho, 11,
       plan.municipality_title + "\u3000" + plan.certifier_name, Align::kRight);
  text("title", {15, 58, 180, 10}, FontRole::kGothic, 16, "印鑑登録照会書", Align::kCenter);
  const std::string deadline =
      reg.inquiry_deadline ? FormatWareki(*reg.inquiry_deadline) : std::string();
  const std::string lines[] = {
      FormatWareki(reg.applied_on) + "に、あなたの印鑑登録の申請がありました。",
      "ご本人が申請したものであるかを確認するため、この照会書をお送りしています。",
      "ご本人の申請であれば、下の回答書に記入し、登録する印鑑と本人確認書類を持って",
      deadline + "までに窓口へお越しください。期限を過ぎると申請は無効になります。",
      "お心当たりのない場合は、至急ご連絡ください。",
  };
  double y = 74;
  for (const std::string& line : lines) {
    text("inquiry.body", {20, y, 170, 7}, FontRole::kMincho, 11, line);
    y += 8;
  }
  sheet.rules.push_back({15, 130, 195, 130, 0.2});
  text("reply.title", {15, 138, 180, 10}, FontRole::kGothic, 15, "印鑑登録回答書", Align::kCenter);
  text("reply.body", {20, 154, 170, 7}, FontRole::kMincho, 11,
       "上記の印鑑登録の申請は、私が申請したものに相違ありません。");
  text("reply.number", {20, 166, 170, 7}, FontRole::kGothic, 10,
       "受付番号 " + std::to_string(reg.registration_id));
  text("reply.signature", {20, 178, 170, 7}, FontRole::kMincho, 11,
       "回答日　　　年　　月　　日　　氏名（自署）");
  text("reply.seal", {150, 192, 40, 7}, FontRole::kMincho, 11, "登録する印", Align::kCenter);
  for (const Rule& r : {Rule{150, 200, 190, 200, 0.3}, Rule{150, 240, 190, 240, 0.3},
                        Rule{150, 200, 150, 240, 0.3}, Rule{190, 200, 190, 240, 0.3}}) {
    sheet.rules.push_back(r);
  }
  return {sheet};
}

}  // namespace jrr::forms
