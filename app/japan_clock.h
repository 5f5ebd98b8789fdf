// SPDX-License-Identifier: Apache-2.0
//
// The processing day (処理日) is the day in Japan, whatever time zone the machine runs in (CI
// machines run in UTC). Only the composition root reads the clock; the domain is given the date.
#pragma once

#include "jrr/domain/core/calendar_date.h"

namespace jrr::app {

// Today in Asia/Tokyo.
CalendarDate TodayInJapan();

}  // namespace jrr::app
