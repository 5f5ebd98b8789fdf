// SPDX-License-Identifier: Apache-2.0
//
// A CalendarDate as stored: ISO 8601 text, or NULL for no day. Every table that keeps a day uses
// this one mapping, so a stored day reads back the same whichever module wrote it.
#pragma once

#include <optional>
#include <string>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/persistence/core/database.h"

namespace jrr::codec {

std::optional<std::string> EncodeDay(const std::optional<CalendarDate>& date);
// Throws StorageError when the stored text is not a day (the file was edited outside jrr).
std::optional<CalendarDate> DecodeDay(const Statement& statement, int column);

}  // namespace jrr::codec
