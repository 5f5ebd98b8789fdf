// SPDX-License-Identifier: Apache-2.0
//
// 印影 images (issue 9's sample town registers up to 1,000 seals, each drawn and measured):
//   BM_SampleImpressionDraw     a round 15 mm impression of a two-kanji 氏 drawn at 200 dpi (PNG)
//   BM_ImpressionMeasure        reading that PNG back: ink, smallest enclosing square, the cropped
//                               PNG that is stored and its digest (what the 印鑑登録 desk runs)
// Fonts are loaded before timing, as in a running process.
#include <benchmark/benchmark.h>

#include "jrr/forms/seals/seal_image.h"

namespace jrr::bench {
namespace {

void BM_SampleImpressionDraw(benchmark::State& state) {
  benchmark::DoNotOptimize(forms::DrawSampleImpression(15, 200, "架空", 30));
  for (auto _ : state) benchmark::DoNotOptimize(forms::DrawSampleImpression(15, 200, "架空", 30));
}
BENCHMARK(BM_SampleImpressionDraw)->Unit(benchmark::kMillisecond);

void BM_ImpressionMeasure(benchmark::State& state) {
  const std::string png = forms::DrawSampleImpression(15, 200, "架空", 30);
  for (auto _ : state) benchmark::DoNotOptimize(forms::MeasureImpression(png, 200));
  state.counters["stored_bytes"] =
      static_cast<double>(forms::MeasureImpression(png, 200)->png.size());
}
BENCHMARK(BM_ImpressionMeasure)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace jrr::bench
