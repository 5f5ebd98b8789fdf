// SPDX-License-Identifier: Apache-2.0
//
// 和暦 and 西暦 dates as people type them. A date that parses prints in both calendars as text
// that parses back to the same date.
#include "fuzz_input.h"
#include "jrr/domain/core/japanese_date.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = jrr::fuzz::Text(data, size);
  for (jrr::DatePolicy policy :
       {jrr::DatePolicy::kCalendarOnly, jrr::DatePolicy::kKosekiConsistent}) {
    auto date = jrr::ParseDate(text, policy);
    if (!date) continue;
    for (jrr::DisplayCalendar calendar :
         {jrr::DisplayCalendar::kWareki, jrr::DisplayCalendar::kSeireki}) {
      const std::string printed = jrr::FormatRecordedDate(*date, calendar);
      auto again = jrr::ParseDate(printed, policy);
      jrr::fuzz::Require(again.has_value(), "a printed date parses");
      jrr::fuzz::Require(again->InternalDate() == date->InternalDate(),
                         "a printed date parses to the same day");
    }
  }
  if (auto day = jrr::ParseCalendarDate(text)) {
    jrr::fuzz::Require(jrr::ParseIsoDate(jrr::ToIsoString(*day)) == *day, "ISO round trip");
    (void)jrr::FormatWareki(*day);
  }
  (void)jrr::ParseIsoDate(text);
  return 0;
}
