// SPDX-License-Identifier: Apache-2.0
//
// 帳票への差し込み — FillCertificate: a CertificatePlan and a serial in, the sheets of one copy
// out, every text in its box with its nominal size. Pure and deterministic: no fonts are loaded
// and nothing is measured (fitting is the renderer's), so the layout tests run anywhere.
//
// What goes where: four members a sheet on the 世帯連記式, one on the 個人票 with its history
// table running onto continuation sheets; the 認証文, certifier and seal on the last sheet only
// (JK-5.1); the 発行番号 with page/total on every sheet (JK-5.5); items not printed as
// ＊＊＊＊＊＊; 和暦 except a foreign resident's 生年月日 and 在留期間満了日 (JK-1.1.9).
#pragma once

#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

std::vector<Sheet> FillCertificate(const CertificatePlan& plan, int serial);

}  // namespace jrr::forms
