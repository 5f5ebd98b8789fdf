// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録証明書 — the page: the 印影 at its actual size in a framed box, the registered name
// (氏名, or 旧氏 / 通称 / カタカナ as registered), 生年月日, 性別 (a setting), 住所, the 認証文, the
// date, the certifier and the 公印, and the 発行番号. Pure filling, like FillCertificate.
#pragma once

#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

struct SealCertificatePlan {
  SealCertificateContent content;
  double impression_width_mm = 0;  // the stored impression's size (ImpressionMeasure)
  double impression_height_mm = 0;
  CalendarDate issue_date;
  std::string certifier_title;  // with the prefecture
  std::string certifier_name;
  std::string acting_for;  // 「…長職務代理者」 when the acting official certifies
  std::string seal_text;
  IssueNumber number;
  bool print_sex = true;
};

inline constexpr Box kImpressionFrame{20, 42, 50, 50};  // mm; holds any registrable impression

std::vector<Sheet> FillSealCertificate(const SealCertificatePlan& plan);

}  // namespace jrr::forms
