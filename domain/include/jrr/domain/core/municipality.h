// SPDX-License-Identifier: Apache-2.0
//
// 市区町村 — Municipality: the municipality that keeps this register. More settings (市区町村長 and
// 職務代理者 with their periods, terminals, printers) arrive with the resident-record core.
#pragma once

#include <string>
#include <string_view>

#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/result.h"

namespace jrr {

struct Municipality {
  MunicipalityCode code;
  std::string name;  // as printed on certificates: 架空市, 〇〇郡〇〇町

  // Validates the parts. Errors: number.* for the code (see MunicipalityCode), text.* and
  // municipality.name_invalid for a name that is not 1–40 characters ending in 市, 区, 町 or 村.
  static Result<Municipality> Create(std::string_view code, std::string_view name);
};

}  // namespace jrr
