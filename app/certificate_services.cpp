// SPDX-License-Identifier: Apache-2.0
#include "certificate_services.h"

#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"

namespace jrr::app {

CertificateSettings LoadCertificateSettings(Database& db, const Viewer& viewer,
                                            const std::string& printer_id) {
  CertificateSettings settings;
  SqliteMunicipalityRepository municipality(db);
  if (auto m = municipality.Get()) {
    settings.municipality_code = m->code.digits();
    settings.municipality_name = m->name;
  }
  SqliteRegisterSettings register_settings(db);
  settings.certifiers = register_settings.Certifiers();
  settings.overflow = register_settings.GetOverflowPolicy();
  std::string place_code;
  for (const Terminal& t : register_settings.Terminals()) {
    if (t.id == viewer.terminal) settings.terminal_name = t.name, place_code = t.place_code;
  }
  for (const Printer& p : register_settings.Printers()) {
    const bool chosen = printer_id.empty() ? (settings.printer_name.empty() &&
                                              p.place_code == place_code && !place_code.empty())
                                           : p.id == printer_id;
    if (chosen) settings.printer_name = p.name;
  }
  return settings;
}

forms::PdfRenderer& SharedPdfRenderer() {
  static forms::PdfRenderer renderer;
  return renderer;
}

}  // namespace jrr::app
