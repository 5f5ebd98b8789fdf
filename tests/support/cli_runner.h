// SPDX-License-Identifier: Apache-2.0
//
// Runs a `jrr` command in-process and captures its exit status and output.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli.h"

namespace jrr::testing {

struct CliOutcome {
  int status;
  std::string out;
  std::string err;
};

inline CliOutcome RunCli(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  const int status = cli::Run(args, out, err);
  return CliOutcome{status, out.str(), err.str()};
}

}  // namespace jrr::testing
