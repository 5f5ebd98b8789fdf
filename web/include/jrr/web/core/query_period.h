// SPDX-License-Identifier: Apache-2.0
//
// The period a request asks for by ?from=&to= (和暦 or 西暦; either may be left out), as the audit
// and statistics endpoints read it. Errors date.*, date.range_reversed.
#pragma once

#include <optional>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/web/core/http.h"

namespace jrr::web {

struct Period {
  std::optional<CalendarDate> from, to;
};
Result<Period> QueryPeriod(const Request& request);

}  // namespace jrr::web
