// SPDX-License-Identifier: Apache-2.0
//
// 国民の祝日 and 閉庁日 — which days the town hall is closed, for the アクセスログ analysis of
// access on 休業日 (JK-10.2).
//
// National holidays follow 国民の祝日に関する法律 as in force from 2016 (山の日) with the one-off
// changes of 2019 (即位の日, 即位礼正殿の儀) and the Olympic moves of 2020 and 2021; 春分・秋分 use
// the usual astronomical approximation, valid 1980–2099 (the Cabinet Office publishes the exact
// days each February for the next year, and they have always agreed with it in this range).
// 振替休日 and 国民の休日 are derived. Dates before 2016 are answered with the same rules.
#pragma once

#include <string_view>

#include "jrr/domain/core/calendar_date.h"

namespace jrr {

// 0 = Sunday … 6 = Saturday.
int DayOfWeek(const CalendarDate& d);

// The holiday's name (元日, 振替休日, 国民の休日, …), or empty when `d` is not a national holiday.
std::string_view NationalHolidayName(const CalendarDate& d);

// 閉庁日: Saturday, Sunday, a national holiday, or 年末年始 (12月29日–1月3日, 地方自治法第4条の2).
bool IsClosedDay(const CalendarDate& d);

}  // namespace jrr
