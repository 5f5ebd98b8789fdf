// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/query_period.h"

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {
namespace {

Result<std::optional<CalendarDate>> QueryDay(const Request& request, const char* name) {
  if (request.Query(name).empty()) return std::optional<CalendarDate>();
  auto day = ParseCalendarDate(request.Query(name));
  if (!day) return day.error();
  return std::optional<CalendarDate>(*day);
}

}  // namespace

Result<Period> QueryPeriod(const Request& request) {
  auto from = QueryDay(request, "from");
  if (!from) return from.error();
  auto to = QueryDay(request, "to");
  if (!to) return to.error();
  if (*from && *to && **to < **from) {
    return MakeError(ErrorCode::kInvalidInput, "date.range_reversed",
                     ToIsoString(**from) + " > " + ToIsoString(**to));
  }
  return Period{*from, *to};
}

}  // namespace jrr::web
