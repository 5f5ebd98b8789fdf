// SPDX-License-Identifier: Apache-2.0
//
// The composition of 印鑑登録 (issue 8) for the CLI and the web alike: an application from the
// uploaded image (measured by forms/), the 印鑑登録証明書 and the 照会書 as PDF (through SealDesk's
// gate, recorded before they are rendered), and the SealDesk of a viewer.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "jrr/domain/seals/seal_desk.h"
#include "jrr/persistence/core/database.h"

namespace jrr::app {

using SealApplicationInput = SealUpload;

// Errors: seal.unknown_name_form, seal.unknown_route, those of MeasureImpression and SealDesk::Apply.
Result<SealRegistration> ApplyForSeal(Database& db, const Viewer& viewer,
                                      const SealApplicationInput& input);
// The certificate, recorded (seal_issuance and 印刷ログ) before it is rendered. Errors of
// SealDesk::ClearCertificate, certificate.no_certifier, certificate.missing_glyph.
Result<std::string> SealCertificatePdf(Database& db, const Viewer& viewer, const std::string& card,
                                       const std::string& person, const std::string& printer,
                                       const std::vector<std::string>& acknowledged);
Result<std::string> SealInquiryPdf(Database& db, const Viewer& viewer, int64_t registration_id,
                                   const std::vector<std::string>& acknowledged);
// The desk's registration steps by name: answer, withdraw (by 受付番号), lost, abolish (by 登録番号).
// Error seal.unknown_step.
Result<SealRegistration> SealStep(Database& db, const Viewer& viewer, const std::string& step,
                                  const std::string& key, const std::string& reason);
Result<std::vector<SealRegistration>> SealEntries(Database& db, const Viewer& viewer,
                                                  const std::string& person);

}  // namespace jrr::app
