// SPDX-License-Identifier: Apache-2.0
#include "core/day_codec.h"

#include "jrr/domain/core/storage_error.h"

namespace jrr::codec {

std::optional<std::string> EncodeDay(const std::optional<CalendarDate>& date) {
  if (!date) return std::nullopt;
  return ToIsoString(*date);
}

std::optional<CalendarDate> DecodeDay(const Statement& statement, int column) {
  if (statement.ColumnIsNull(column)) return std::nullopt;
  auto day = ParseIsoDate(statement.ColumnText(column));
  if (!day) throw StorageError("storage.failure", "undecodable stored day");
  return day;
}

}  // namespace jrr::codec
