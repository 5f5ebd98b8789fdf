// SPDX-License-Identifier: Apache-2.0
//
// MunicipalityRepository on SQLite (table `municipality`, schema 0001).
#pragma once

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

}  // namespace jrr
