// SPDX-License-Identifier: Apache-2.0
//
// 設定 — SettingsDesk: the municipality's settings (JK-1.3: 認証者 with their periods, 入力場所,
// 端末, プリンタ, 文字溢れ, 印鑑登録の制限) changed by staff with the 設定 permission, each change
// written to the 設定変更ログ (the caller wraps both in one transaction).
#pragma once

#include "jrr/domain/records/register_settings.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

// Everything the settings screen shows.
struct SettingsView {
  std::vector<Certifier> certifiers;
  std::vector<InputPlace> places;
  std::vector<Terminal> terminals;
  std::vector<Printer> printers;
  OverflowPolicy overflow = OverflowPolicy::kToLimit;
  SealSettings seal;
};

class SettingsDesk {
 public:
  SettingsDesk(RegisterSettingsRepository& settings, AuditLog& log, Viewer viewer)
      : settings_(settings), log_(log), viewer_(std::move(viewer)) {}
  SettingsView Show();
  // Errors: access.permission_denied; those of ValidateCertifier.
  Status AddCertifier(const Certifier& certifier);
  // Errors: access.permission_denied, settings.text_required.
  Status AddPlace(const InputPlace& place);
  // Errors: access.permission_denied, settings.text_required, settings.unknown_place.
  Status AddTerminal(const Terminal& terminal);
  Status AddPrinter(const Printer& printer);
  Status SetOverflowPolicy(OverflowPolicy policy);
  // Errors: access.permission_denied, settings.seal_invalid (negative age, days below 1, sizes not
  // small < large).
  Status SetSealSettings(const SealSettings& seal);

 private:
  Status Record(const std::string& function, const std::string& detail);
  RegisterSettingsRepository& settings_;
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
