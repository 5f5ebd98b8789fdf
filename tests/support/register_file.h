// SPDX-License-Identifier: Apache-2.0
//
// Looking into what a command left behind: a register file queried directly, a PDF read back as
// text. For tests that drive the CLI and then check the rows and the prints themselves.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

#include "jrr/persistence/core/database.h"

namespace jrr::testing {

// The single integer of a one-row query on the register file at `path`.
inline int64_t QueryInt(const std::string& path, const std::string& sql) {
  Database db(path, DatabaseOptions{.create_if_missing = false});
  return db.QueryInt(sql);
}

// The first column of the first row as text; empty when there is no row.
inline std::string QueryText(const std::string& path, const std::string& sql) {
  Database db(path, DatabaseOptions{.create_if_missing = false});
  auto row = db.Prepare(sql);
  return row->Step() ? row->ColumnText(0) : std::string();
}

// Runs of spaces (the layout's, and full-width ones) as one ASCII space: what a test compares is
// the wording, not the spacing pdftotext chose.
inline std::string Spaced(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const bool wide = text.compare(i, 3, "\u3000") == 0;
    if (text[i] == ' ' || wide) {
      if (out.empty() || out.back() != ' ') out += ' ';
      i += wide ? 3 : 1;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// The text of a PDF (pdftotext -layout), spaced as Spaced() does.
// What a shell command prints on standard output (its standard error as the command routes it).
inline std::string ShellOutput(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  char buffer[4096];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  pclose(pipe);
  return out;
}

inline std::string PdfText(const std::string& pdf) {
  return Spaced(ShellOutput("pdftotext -layout '" + pdf + "' - 2>/dev/null"));
}

}  // namespace jrr::testing
