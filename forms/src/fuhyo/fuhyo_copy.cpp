// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/fuhyo/fuhyo_copy.h"

#include "jrr/domain/core/japanese_date.h"
#include "jrr/forms/certificates/certificate_layout.h"

namespace jrr::forms {
namespace {

const std::string kMark(kOmittedMark);
constexpr double kTop = 45, kBottom = 236, kRow = 6;

}  // namespace

std::vector<Sheet> FillFuhyoCopy(const FuhyoCopyPlan& plan) {
  const PageLayout& page = CertificatePage();
  const bool closed = plan.fuhyo.state == FuhyoState::kClosed;
  const bool remade = plan.fuhyo.state == FuhyoState::kRemade;
  const std::string title = closed   ? "戸籍の附票の除票の写し"
                            : remade ? "改製原附票の写し"
                                     : "戸籍の附票の写し";
  std::vector<Sheet> sheets;
  Sheet sheet;
  double y = kTop;
  auto start_sheet = [&] {
    sheet.texts.push_back(
        TextAt("title", "", page.title, FontRole::kGothic, 16, title, Align::kCenter));
    sheet.texts.push_back(
        TextAt("koseki.label", "", {15, 26, 21, 8}, FontRole::kGothic, 8, "本籍", Align::kCenter));
    sheet.texts.push_back(TextAt("koseki.domicile", "", {36, 26, 159, 8}, FontRole::kMincho, 11,
                                 plan.print_koseki ? plan.fuhyo.koseki.domicile : kMark));
    sheet.texts.push_back(TextAt("koseki.head.label", "", {15, 34, 21, 8}, FontRole::kGothic, 8,
                                 "筆頭者", Align::kCenter));
    sheet.texts.push_back(TextAt("koseki.head", "", {36, 34, 159, 8}, FontRole::kMincho, 11,
                                 plan.print_koseki ? plan.fuhyo.koseki.head_of_family : kMark));
    for (double line : {26.0, 34.0, 42.0})
      sheet.rules.push_back({15, line, 195, line, line == 34.0 ? 0.15 : 0.4});
    y = kTop;
  };
  auto next_sheet_if = [&](double needed) {
    if (y + needed <= kBottom) return;
    sheets.push_back(std::move(sheet));
    sheet = Sheet{};
    start_sheet();
  };
  start_sheet();
  for (const FuhyoMember& m : plan.fuhyo.members) {
    next_sheet_if(kRow * 3);
    const std::string id = std::to_string(m.member_id);
    std::string facts = m.birth_date ? FormatWareki(*m.birth_date) + "生" : std::string();
    if (m.sex)
      facts += std::string(facts.empty() ? "" : "　") + (*m.sex == Sex::kMale ? "男" : "女");
    sheet.rules.push_back({15, y, 195, y, 0.4});
    // 氏名の振り仮名 (from 2025-05-26) in small type above the name, as 住民票の写し print it.
    if (!m.family_kana.empty() || !m.given_kana.empty()) {
      sheet.texts.push_back(TextAt("member.kana", id, {15, y, 70, 3.5}, FontRole::kGothic, 6.5,
                                   m.family_kana + "　" + m.given_kana));
      y += 3.5;
    }
    sheet.texts.push_back(
        TextAt("member.name", id, {15, y, 70, kRow}, FontRole::kMincho, 12, m.DisplayName()));
    sheet.texts.push_back(
        TextAt("member.facts", id, {85, y, 55, kRow}, FontRole::kMincho, 9, facts));
    sheet.texts.push_back(
        TextAt("member.code", id, {140, y, 55, kRow}, FontRole::kGothic, 8.5,
               "住民票コード " + (plan.print_code ? m.resident_record_code : kMark)));
    y += kRow;
    if (m.removed) {
      sheet.texts.push_back(TextAt(
          "member.removed", id, {20, y, 175, kRow}, FontRole::kMincho, 9,
          "消除　" + m.removal_reason + (m.removed_on ? "　" + FormatWareki(*m.removed_on) : "")));
      y += kRow;
    }
    if (plan.print_overseas_voter && !m.overseas_voter_municipality.empty()) {
      sheet.texts.push_back(TextAt("member.overseas_voter", id, {20, y, 175, kRow},
                                   FontRole::kMincho, 9,
                                   "在外選挙人名簿登録　" + m.overseas_voter_municipality));
      y += kRow;
    }
    for (const FuhyoAddress& a : m.addresses) {
      next_sheet_if(kRow);
      sheet.texts.push_back(TextAt("address.text", id, {20, y, 135, kRow}, FontRole::kMincho, 9.5,
                                   a.abroad ? std::string("国外転出者") : a.address));
      sheet.texts.push_back(TextAt("address.since", id, {155, y, 40, kRow}, FontRole::kMincho, 9,
                                   FormatWareki(a.since), Align::kRight));
      sheet.rules.push_back({20, y + kRow, 195, y + kRow, 0.1});
      y += kRow;
    }
    y += 2;
  }
  sheets.push_back(std::move(sheet));
  const int total = static_cast<int>(sheets.size());
  for (int i = 0; i < total; ++i) {
    Sheet& s = sheets[static_cast<std::size_t>(i)];
    if (i + 1 == total) {
      s.texts.push_back(
          TextAt("footer.certification", "", page.certification, FontRole::kMincho, 10.5,
                 closed ? "この写しは、戸籍の附票の除票の原本と相違ないことを証明する。"
                 : remade ? "この写しは、改製原附票の原本と相違ないことを証明する。"
                          : "この写しは、戸籍の附票の原本と相違ないことを証明する。"));
      s.texts.push_back(TextAt("footer.issue_date", "", page.issue_date, FontRole::kMincho, 10.5,
                               FormatWareki(plan.issue_date)));
      s.texts.push_back(TextAt("footer.certifier", "", page.certifier, FontRole::kMincho, 12,
                               plan.certifier_title + "\u3000" + plan.certifier_name));
      s.seal = page.seal;
      s.seal_text = plan.seal_text;
      s.texts.push_back(TextAt("footer.seal_note", "", page.seal_note, FontRole::kGothic, 7,
                               "この印は黒色です", Align::kCenter));
    } else {
      s.texts.push_back(
          TextAt("continued", "", page.continued, FontRole::kGothic, 8, "（次葉あり）"));
    }
    s.texts.push_back(TextAt("number", "", page.number, FontRole::kGothic, 7.5,
                             "発行番号 " + plan.number.Text(i + 1, total), Align::kRight));
  }
  return sheets;
}

}  // namespace jrr::forms
