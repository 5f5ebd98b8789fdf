// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/numbers.h"

namespace jrr {
namespace {

struct Lengths {
  std::size_t min_body;
  std::size_t max_body;
};

Lengths BodyLengths(CheckDigitScheme scheme) {
  switch (scheme) {
    case CheckDigitScheme::kAddressee:
      return {1, 14};
    case CheckDigitScheme::kResidentRecordCode:
      return {10, 10};
    case CheckDigitScheme::kIndividualNumber:
      return {11, 11};
    case CheckDigitScheme::kMunicipalityCode:
      return {5, 5};
  }
  return {0, 0};
}

Status CheckDigits(std::string_view text, Lengths lengths) {
  for (char c : text) {
    if (c < '0' || c > '9') {
      return MakeError(ErrorCode::kInvalidInput, "number.not_digits",
                       "only ASCII digits 0-9 are accepted");
    }
  }
  if (text.size() < lengths.min_body || text.size() > lengths.max_body) {
    return MakeError(
        ErrorCode::kInvalidInput, "number.wrong_length",
        "expected " + std::to_string(lengths.min_body) +
            (lengths.min_body == lengths.max_body ? std::string()
                                                  : " to " + std::to_string(lengths.max_body)) +
            " digits before the check digit, got " + std::to_string(text.size()));
  }
  return {};
}

// Σ digit × weight, the weights 2,3,4,5,6,7,2,3,… from the rightmost body digit.
int WeightedSum2To7(std::string_view body) {
  int sum = 0;
  int weight = 2;
  for (auto it = body.rbegin(); it != body.rend(); ++it) {
    sum += (*it - '0') * weight;
    weight = weight == 7 ? 2 : weight + 1;
  }
  return sum;
}

}  // namespace

Result<int> ComputeCheckDigit(CheckDigitScheme scheme, std::string_view body) {
  if (auto ok = CheckDigits(body, BodyLengths(scheme)); !ok) return ok.error();
  switch (scheme) {
    case CheckDigitScheme::kAddressee: {
      const int remainder = WeightedSum2To7(body) % 11;
      if (remainder == 0) return 0;
      if (remainder == 1) {
        return MakeError(ErrorCode::kRuleViolation, "number.unissuable",
                         "M11W2-7 remainder 1: this serial is never issued");
      }
      return 11 - remainder;
    }
    case CheckDigitScheme::kResidentRecordCode:
    case CheckDigitScheme::kIndividualNumber: {
      const int remainder = WeightedSum2To7(body) % 11;
      return remainder <= 1 ? 0 : 11 - remainder;
    }
    case CheckDigitScheme::kMunicipalityCode: {
      int sum = 0;
      for (std::size_t i = 0; i < 5; ++i) sum += (body[i] - '0') * static_cast<int>(6 - i);
      return (11 - sum % 11) % 10;
    }
  }
  return MakeError(ErrorCode::kInternal, "internal.error", "unknown check digit scheme");
}

Status VerifyCheckDigit(CheckDigitScheme scheme, std::string_view number) {
  if (number.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "number.wrong_length", "empty number");
  }
  auto expected = ComputeCheckDigit(scheme, number.substr(0, number.size() - 1));
  if (!expected) return expected.error();
  const char last = number.back();
  if (last < '0' || last > '9') {
    return MakeError(ErrorCode::kInvalidInput, "number.not_digits",
                     "only ASCII digits 0-9 are accepted");
  }
  if (last - '0' != *expected) {
    return MakeError(ErrorCode::kInvalidInput, "number.check_digit_mismatch",
                     "check digit does not match");
  }
  return {};
}

uint64_t NextIssuableSerial(uint64_t serial) {
  // At most one serial in any two consecutive ones has remainder 1, so this loops at most twice.
  while (true) {
    const std::string body = std::to_string(serial);
    if (ComputeCheckDigit(CheckDigitScheme::kAddressee, body)) return serial;
    ++serial;
  }
}

// IMP: JK-1.1.13
Result<std::string> IssuedNumberDigits(uint64_t serial) {
  std::string body = std::to_string(serial);
  if (body.size() > static_cast<std::size_t>(kIssuedSerialDigits)) {
    return MakeError(ErrorCode::kRuleViolation, "number.wrong_length",
                     "serial exceeds " + std::to_string(kIssuedSerialDigits) + " digits");
  }
  body.insert(0, static_cast<std::size_t>(kIssuedSerialDigits) - body.size(), '0');
  auto check = ComputeCheckDigit(CheckDigitScheme::kAddressee, body);
  if (!check) return check.error();
  body.push_back(static_cast<char>('0' + *check));
  return body;
}

Result<ResidentRecordCode> ResidentRecordCode::Parse(std::string_view text) {
  if (auto ok = VerifyCheckDigit(CheckDigitScheme::kResidentRecordCode, text); !ok) {
    return ok.error();
  }
  return ResidentRecordCode(std::string(text));
}

Result<IndividualNumber> IndividualNumber::Parse(std::string_view text) {
  if (auto ok = VerifyCheckDigit(CheckDigitScheme::kIndividualNumber, text); !ok) {
    return ok.error();
  }
  return IndividualNumber(std::string(text));
}

Result<MunicipalityCode> MunicipalityCode::Parse(std::string_view text) {
  if (auto ok = VerifyCheckDigit(CheckDigitScheme::kMunicipalityCode, text); !ok) {
    return ok.error();
  }
  const int prefecture = (text[0] - '0') * 10 + (text[1] - '0');
  if (!((prefecture >= 1 && prefecture <= 47) || prefecture == 99)) {
    return MakeError(ErrorCode::kInvalidInput, "number.prefecture_out_of_range",
                     "prefecture part must be 01-47, or 99 for a fictional municipality");
  }
  return MunicipalityCode(std::string(text));
}

}  // namespace jrr
