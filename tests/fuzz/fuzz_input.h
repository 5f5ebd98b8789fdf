// SPDX-License-Identifier: Apache-2.0
//
// What every fuzz target shares: the input as text, and a check that stops the run (a crash
// libFuzzer reports with its input) when a property that must hold does not.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace jrr::fuzz {

inline std::string_view Text(const uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// A property of the parser that failed: print it and abort, so the input is kept as a crash.
inline void Require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "property failed: %s\n", what);
  std::abort();
}

}  // namespace jrr::fuzz
