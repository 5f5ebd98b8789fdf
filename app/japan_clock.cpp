// SPDX-License-Identifier: Apache-2.0
#include "japan_clock.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <memory>
#include <stdexcept>

namespace jrr::app {

CalendarDate TodayInJapan() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(
      icu::Calendar::createInstance(icu::TimeZone::createTimeZone("Asia/Tokyo"),
                                    icu::Locale::getRoot(), status));  // Gregorian fields
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU calendar: ") + u_errorName(status));
  const int year = calendar->get(UCAL_YEAR, status);
  const int month = calendar->get(UCAL_MONTH, status) + 1;
  const int day = calendar->get(UCAL_DATE, status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("ICU calendar: ") + u_errorName(status));
  return CalendarDate{year, month, day};
}

}  // namespace jrr::app
