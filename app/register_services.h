// SPDX-License-Identifier: Apache-2.0
//
// The composition root's wiring: opens a register file and builds what the CLI and the server
// need from it. The only place where persistence meets the delivery layers.
#pragma once

#include <memory>
#include <string>

#include "jrr/domain/core/municipality.h"
#include "jrr/domain/core/result.h"
#include "jrr/web/server/web_context.h"

namespace jrr::app {

// Creates the file if needed, migrates it to the newest schema and records the municipality.
// Errors: those of InitializeRegister; throws StorageError.
Result<Municipality> InitializeRegisterFile(const std::string& path, std::string_view code,
                                            std::string_view name);

// Opens an existing register for serving: refuses a missing file (register.not_initialized),
// migrates an older schema, and builds the WebContext over a connection pool. Throws StorageError.
struct ServingRegister;
Result<std::shared_ptr<ServingRegister>> OpenForServing(const std::string& path,
                                                        std::size_t connections);
web::WebContext MakeWebContext(const std::shared_ptr<ServingRegister>& served);

// Records the アクセスログ's head in the register's signed journal (AuditHeadJournal): `jrr serve`
// does at start, every kAuditHeadMinutes and at stop. Throws StorageError.
inline constexpr int kAuditHeadMinutes = 10;
void RecordAuditHead(const std::string& register_path);

}  // namespace jrr::app
