// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票の写し / 附票の除票の写し — the page: 戸籍の表示 (or asterisks when not requested), each
// member with 生年月日, 性別, 住民票コード (on request) and the address history, the 認証文 on the last
// sheet, the certifier and the 公印, the 発行番号 on every sheet. Pure filling.
#pragma once

#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

struct FuhyoCopyPlan {
  Fuhyo fuhyo;                        // members to print only
  bool print_koseki = false;          // 本籍・筆頭者 (特別の請求)
  bool print_code = false;            // 住民票コード (特別の請求)
  bool print_overseas_voter = false;  // 在外選挙人 (特別の請求)
  CalendarDate issue_date;
  std::string certifier_title;
  std::string certifier_name;
  std::string seal_text;
  IssueNumber number;
};

std::vector<Sheet> FillFuhyoCopy(const FuhyoCopyPlan& plan);

}  // namespace jrr::forms
