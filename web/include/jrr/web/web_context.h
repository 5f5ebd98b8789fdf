// SPDX-License-Identifier: Apache-2.0
//
// WebContext — what endpoints may call. The composition root (web/app) fills it with the concrete
// repositories; the web library itself never sees SQLite.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "jrr/domain/municipality.h"
#include "jrr/domain/register_figures.h"
#include "jrr/domain/result.h"

namespace jrr::web {

struct RegisterStatus {
  int schema_version = 0;
  int latest_schema_version = 0;
  std::optional<Municipality> municipality;  // empty before `jrr init`
  std::optional<RegisterFigures> figures;    // filled for the home page, not for /healthz
};

struct WebContext {
  // Reads the register's status; with `with_figures`, also its figures (which scan the register,
  // so /healthz does not ask for them). Throws StorageError when the database cannot be read.
  std::function<RegisterStatus(bool with_figures)> register_status;
};

}  // namespace jrr::web
