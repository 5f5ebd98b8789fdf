// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/settings_desk.h"

namespace jrr {

SettingsView SettingsDesk::Show() {
  return SettingsView{settings_.Certifiers(),        settings_.Places(),
                      settings_.Terminals(),         settings_.Printers(),
                      settings_.GetOverflowPolicy(), settings_.GetSealSettings()};
}

// Checks the permission first; the change is logged after it is made (same transaction).
Status SettingsDesk::Record(const std::string& function, const std::string& detail) {
  AuditEvent event = EventBy(viewer_, AuditAction::kSettingsChange, "settings " + function);
  event.detail = detail;
  log_.Record(event);
  return {};
}

Status SettingsDesk::AddCertifier(const Certifier& c) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  if (Status ok = ValidateCertifier(c); !ok) return ok;
  settings_.AddCertifier(c);
  return Record("add-certifier", c.role == CertifierRole::kMayor ? "mayor" : "acting");
}

// IMP: JK-1.3.1
Status SettingsDesk::AddPlace(const InputPlace& place) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  if (place.code.empty() || place.name.empty())
    return MakeError(ErrorCode::kInvalidInput, "settings.text_required");
  settings_.AddPlace(place);
  return Record("add-place", place.code);
}

// IMP: JK-1.3.1
Status SettingsDesk::AddTerminal(const Terminal& terminal) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  if (terminal.id.empty() || terminal.name.empty())
    return MakeError(ErrorCode::kInvalidInput, "settings.text_required");
  if (Status ok = settings_.AddTerminal(terminal); !ok) return ok;
  return Record("add-terminal", terminal.id);
}

Status SettingsDesk::AddPrinter(const Printer& printer) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  if (printer.id.empty() || printer.name.empty())
    return MakeError(ErrorCode::kInvalidInput, "settings.text_required");
  if (Status ok = settings_.AddPrinter(printer); !ok) return ok;
  return Record("add-printer", printer.id);
}

Status SettingsDesk::SetOverflowPolicy(OverflowPolicy policy) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  settings_.SetOverflowPolicy(policy);
  return Record("set-overflow", policy == OverflowPolicy::kBlank ? "blank" : "limit");
}

Status SettingsDesk::SetSealSettings(const SealSettings& seal) {
  if (Status ok = Authorize(viewer_, Permission::kSettings); !ok) return ok;
  if (seal.minimum_age < 0 || seal.inquiry_days < 1 || seal.too_small_mm <= 0 ||
      seal.too_large_mm <= seal.too_small_mm) {
    return MakeError(ErrorCode::kInvalidInput, "settings.seal_invalid");
  }
  settings_.SetSealSettings(seal);
  return Record("set-seal", "");
}

}  // namespace jrr
