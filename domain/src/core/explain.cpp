// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/explain.h"

namespace jrr {

Result<DateExplanation> ExplainDate(std::string_view text, DatePolicy policy) {
  auto parsed = ParseDate(text, policy);
  if (!parsed) return parsed.error();
  DateExplanation out;
  out.date = *parsed;
  out.state_ja = std::string(DateStateNameJa(out.date));
  out.wareki = FormatRecordedDate(out.date, DisplayCalendar::kWareki);
  out.seireki = FormatRecordedDate(out.date, DisplayCalendar::kSeireki);
  if (auto exact = out.date.ExactDate()) out.iso = ToIsoString(*exact);
  if (auto internal = out.date.InternalDate()) out.internal_iso = ToIsoString(*internal);
  return out;
}

Result<CheckDigitScheme> ParseCheckDigitKind(std::string_view kind) {
  if (kind == "atena" || kind == "setai") return CheckDigitScheme::kAddressee;
  if (kind == "jumin-code") return CheckDigitScheme::kResidentRecordCode;
  if (kind == "kojin") return CheckDigitScheme::kIndividualNumber;
  if (kind == "dantai") return CheckDigitScheme::kMunicipalityCode;
  return MakeError(ErrorCode::kInvalidInput, "cli.unknown_kind",
                   "kind must be atena, setai, jumin-code, kojin or dantai");
}

Result<CheckDigitExplanation> ExplainCheckDigit(CheckDigitScheme scheme, std::string_view digits,
                                                bool verify) {
  if (verify) {
    if (auto ok = VerifyCheckDigit(scheme, digits); !ok) return ok.error();
    return CheckDigitExplanation{std::string(digits.substr(0, digits.size() - 1)),
                                 digits.back() - '0', std::string(digits)};
  }
  auto check = ComputeCheckDigit(scheme, digits);
  if (!check) return check.error();
  std::string number(digits);
  number.push_back(static_cast<char>('0' + *check));
  return CheckDigitExplanation{std::string(digits), *check, number};
}

}  // namespace jrr
