// SPDX-License-Identifier: Apache-2.0
//
// MunicipalityRepository — the port through which use cases read and record which municipality
// keeps this register. persistence/ implements it on SQLite; tests may use a fake.
#pragma once

#include "jrr/domain/core/municipality.h"
#include "jrr/domain/core/result.h"

namespace jrr {

class MunicipalityRepository {
 public:
  virtual ~MunicipalityRepository() = default;

  // The municipality; error register.not_initialized (kNotFound) before InitializeRegister.
  virtual Result<Municipality> Get() = 0;

  // Records the municipality once. Error register.already_initialized (kConflict) when one is
  // already recorded. Infrastructure failures throw.
  virtual Status Initialize(const Municipality& municipality) = 0;
};

// Use case: creates the register's identity (jrr init). Validates the code and name (see
// Municipality::Create) and records them. Errors: those of Create and Initialize.
Result<Municipality> InitializeRegister(MunicipalityRepository& repository, std::string_view code,
                                        std::string_view name);

}  // namespace jrr
