// SPDX-License-Identifier: Apache-2.0
//
// The `jrr` command line: one binary, one subcommand per task, `--help` everywhere.
//
// Exit status: 0 success; 1 the input broke a rule (the message names the rule id); 2 bad usage
// (unknown command or option, missing argument); 3 the database failed (I/O, corruption, a schema
// from a newer jrr); 4 an internal error.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace jrr::cli {

enum ExitStatus { kOk = 0, kRuleError = 1, kUsage = 2, kStorage = 3, kInternal = 4 };

// Runs one command. `args` excludes the program name. Output goes to `out`, messages to `err`.
int Run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace jrr::cli
