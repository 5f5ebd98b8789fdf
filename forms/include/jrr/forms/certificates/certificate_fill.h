// SPDX-License-Identifier: Apache-2.0
//
// 帳票への差し込み — FillCertificate: a CertificatePlan and the serials of one copy in (one a
// certificate: CertificatesPerCopy), the sheets of that copy out, every text in its box with its
// nominal size. Pure and deterministic: no fonts are loaded and nothing is measured (fitting is the
// renderer's), so the layout tests run anywhere.
//
// What goes where: four members a sheet on the 世帯連記式, one on the 個人票 with its history
// table running onto continuation sheets; the 認証文, certifier and seal on the last sheet only
// (JK-5.1) — of each person's 個人票, each its own certificate; the 発行番号 with the page/total
// of its certificate on every sheet (JK-5.5); items not printed as ＊＊＊＊＊＊; 和暦 except a
// foreign resident's 生年月日 and 在留期間満了日 (JK-1.1.9).
#pragma once

#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

// Certificate k of the copy is numbered serials[k] (the last serial for any beyond the list; a
// sheet's Sheet::certificate says which it belongs to).
std::vector<Sheet> FillCertificate(const CertificatePlan& plan, const std::vector<int>& serials);
// Every certificate of the copy numbered `serial` (the layout, before numbers are taken).
inline std::vector<Sheet> FillCertificate(const CertificatePlan& plan, int serial) {
  return FillCertificate(plan, std::vector<int>{serial});
}

}  // namespace jrr::forms
