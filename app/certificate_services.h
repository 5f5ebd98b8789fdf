// SPDX-License-Identifier: Apache-2.0
//
// The composition of certificate issuance (issue 6) for the CLI and the web: the desk's settings
// read from the register, and the one PDF renderer of the process (fonts loaded once).
#pragma once

#include <string>

#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/forms/certificates/pdf_renderer.h"
#include "jrr/persistence/core/database.h"

namespace jrr::app {

// The municipality, certifiers, 文字溢れ policy, and the names of the viewer's terminal and of
// the printer (`printer_id`, else the first printer of the terminal's place, else blank) as the
// 発行番号 prints them (JK-5.5).
CertificateSettings LoadCertificateSettings(Database& db, const Viewer& viewer,
                                            const std::string& printer_id);

// Created on first use; throws std::runtime_error when the certificate fonts are missing.
forms::PdfRenderer& SharedPdfRenderer();

}  // namespace jrr::app
