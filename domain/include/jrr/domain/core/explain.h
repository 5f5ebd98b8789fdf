// SPDX-License-Identifier: Apache-2.0
//
// Explanations — the answers of the teaching and comparison tools (`jrr date`, `jrr kana-key`,
// `jrr kanji-key`, `jrr check-digit` and their twins under /api/v1/explain/). The CLI and the API
// print the same structures, so a vendor comparing behaviour gets one answer from both.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/result.h"

namespace jrr {

struct DateExplanation {
  RecordedDate date;
  std::string state_ja;                     // 暦上日, 不詳日, …
  std::string wareki;                       // as displayed for Japanese residents (JK-1.1.9)
  std::string seireki;                      // as displayed for a foreign resident's 生年月日
  std::optional<std::string> iso;           // the calendar day, when there is one
  std::optional<std::string> internal_iso;  // the internal date kept for ordering (JK-1.1.8)
};

// Errors: those of ParseDate().
Result<DateExplanation> ExplainDate(std::string_view text, DatePolicy policy);

// "atena", "setai", "jumin-code", "kojin" or "dantai" → the scheme. Error cli.unknown_kind.
Result<CheckDigitScheme> ParseCheckDigitKind(std::string_view kind);

struct CheckDigitExplanation {
  std::string body;  // the digits before the check digit
  int check_digit = 0;
  std::string number;  // body + check digit
};

// With verify == false, `digits` is the body and the check digit is computed; with verify ==
// true, `digits` is a whole number and is checked. Errors: those of ComputeCheckDigit and
// VerifyCheckDigit.
Result<CheckDigitExplanation> ExplainCheckDigit(CheckDigitScheme scheme, std::string_view digits,
                                                bool verify);

}  // namespace jrr
