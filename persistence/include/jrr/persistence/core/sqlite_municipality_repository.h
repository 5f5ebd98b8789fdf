// SPDX-License-Identifier: Apache-2.0
//
// MunicipalityRepository on SQLite (table `municipality`, schema 0001).
#pragma once

#include <string>

#include "jrr/domain/core/municipality_repository.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteMunicipalityRepository final : public MunicipalityRepository {
 public:
  explicit SqliteMunicipalityRepository(Database& db) : db_(db) {}
  Result<Municipality> Get() override;
  Status Initialize(const Municipality& municipality) override;

 private:
  Database& db_;
};

// This municipality as notices and CS messages route it (架空県架空市: its name with the
// prefecture of its code) and its 市区町村コード; both empty before `jrr init`.
struct RoutedMunicipality {
  std::string name;
  std::string code;
};
RoutedMunicipality RoutedMunicipalityOf(Database& db);

}  // namespace jrr
