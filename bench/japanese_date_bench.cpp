// SPDX-License-Identifier: Apache-2.0
//
// 和暦 format and parse (target ≥ 1,000,000 a second each).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "jrr/domain/core/japanese_date.h"

namespace {

std::vector<jrr::CalendarDate> Dates() {
  std::vector<jrr::CalendarDate> dates;
  for (jrr::CalendarDate d{1920, 1, 1}; d.year < 2030;
       d = jrr::FromDayNumber(jrr::ToDayNumber(d) + 37)) {
    dates.push_back(d);
  }
  return dates;
}

void BM_FormatWareki(benchmark::State& state) {
  const auto dates = Dates();
  std::size_t i = 0;
  for (auto _ : state) {
    std::string text = jrr::FormatWareki(dates[i++ % dates.size()]);
    benchmark::DoNotOptimize(text.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FormatWareki);

void BM_ParseWareki(benchmark::State& state) {
  std::vector<std::string> texts;
  for (const auto& d : Dates()) texts.push_back(jrr::FormatWareki(d));
  std::size_t i = 0;
  for (auto _ : state) {
    auto parsed = jrr::ParseDate(texts[i++ % texts.size()]);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseWareki);

void BM_ParseMixedNotations(benchmark::State& state) {
  const char* texts[] = {"R7.11.27", "令和７年１１月２７日",  "2025-11-27", "平成元年1月8日",
                         "S64.1.7",  "令和七年十一月二十七日"};
  std::size_t i = 0;
  for (auto _ : state) {
    auto parsed = jrr::ParseDate(texts[i++ % 6]);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseMixedNotations);

void BM_ParseUncertain(benchmark::State& state) {
  const char* texts[] = {"令和3年5月上旬頃", "年月日不詳", "推定昭和20年8月",
                         "令和3年5月1日から6月2日頃までの間"};
  std::size_t i = 0;
  for (auto _ : state) {
    auto parsed = jrr::ParseDate(texts[i++ % 4], jrr::DatePolicy::kKosekiConsistent);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseUncertain);

}  // namespace
