// SPDX-License-Identifier: Apache-2.0
//
// The composition of 戸籍の附票 (issue 7) for the CLI and the web alike: the FuhyoDesk of a viewer
// on a register, and the 附票の写し as PDF (cleared by the desk, laid out, recorded, then rendered).
#pragma once

#include <string>

#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::app {

template <typename Use>
auto WithFuhyoDesk(Database& db, const Viewer& viewer, Use use) {
  SqliteFuhyoStore store(db);
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  FuhyoDesk desk(store, residents, log, viewer);
  return use(desk);
}

// Errors: those of FuhyoDesk::ClearCopy, certificate.no_certifier, certificate.missing_glyph.
Result<IssuedFuhyoCopy> FuhyoCopyPdf(Database& db, const Viewer& viewer,
                                     const FuhyoCopyRequest& request, const std::string& printer);

}  // namespace jrr::app
