// SPDX-License-Identifier: Apache-2.0
//
// Golden files: what a command, an endpoint or a certificate prints, kept beside the tests as
// tests/golden/<name>.reference and compared whole, so any change to what a clerk or a vendor sees
// shows as a diff. After an intended change, run the test with JRR_UPDATE_GOLDEN=1 to rewrite the
// files, and review the diff before committing it.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace jrr::testing {

// `actual` with each `from` replaced by its `to` (what differs from run to run: today's date in
// its notations, a temporary path).
inline std::string Normalized(std::string actual,
                              const std::vector<std::pair<std::string, std::string>>& replace) {
  for (const auto& [from, to] : replace) {
    if (from.empty()) continue;
    for (std::size_t at = actual.find(from); at != std::string::npos;
         at = actual.find(from, at + to.size())) {
      actual.replace(at, from.size(), to);
    }
  }
  return actual;
}

inline void ExpectMatchesGolden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(JRR_SOURCE_DIR) + "/tests/golden/" + name + ".reference";
  if (std::getenv("JRR_UPDATE_GOLDEN") != nullptr) {
    std::ofstream out(path, std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.flush()) << "cannot write " << path;
    return;
  }
  std::ifstream file(path, std::ios::binary);
  ASSERT_TRUE(file) << path << " is missing: run with JRR_UPDATE_GOLDEN=1 and review it";
  std::stringstream expected;
  expected << file.rdbuf();
  EXPECT_EQ(actual, expected.str())
      << name << " differs from " << path
      << " (JRR_UPDATE_GOLDEN=1 rewrites it after an intended change)";
}

}  // namespace jrr::testing
