// SPDX-License-Identifier: Apache-2.0
//
// jrr — the one binary. See cli.h for the commands and exit statuses.
#include <iostream>
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  return jrr::cli::Run(args, std::cout, std::cerr);
}
