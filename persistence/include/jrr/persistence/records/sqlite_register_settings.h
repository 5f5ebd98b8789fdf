// SPDX-License-Identifier: Apache-2.0
//
// RegisterSettingsRepository on SQLite (schema 0008).
#pragma once

#include "jrr/domain/records/register_settings.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteRegisterSettings final : public RegisterSettingsRepository {
 public:
  explicit SqliteRegisterSettings(Database& db) : db_(db) {}
  void AddCertifier(const Certifier& certifier) override;
  std::vector<Certifier> Certifiers() override;
  void AddPlace(const InputPlace& place) override;
  std::vector<InputPlace> Places() override;
  Status AddTerminal(const Terminal& terminal) override;
  std::vector<Terminal> Terminals() override;
  Status AddPrinter(const Printer& printer) override;
  std::vector<Printer> Printers() override;
  void SetOverflowPolicy(OverflowPolicy policy) override;
  OverflowPolicy GetOverflowPolicy() override;
  void SetSealSettings(const SealSettings& settings) override;
  SealSettings GetSealSettings() override;

 private:
  Database& db_;
};

}  // namespace jrr
