// SPDX-License-Identifier: Apache-2.0
//
// The numbers a register hands out or receives, each with its check digit:
//   宛名番号 — AddresseeNumber and 世帯番号 — HouseholdNumber (JK-1.1.13): a serial number followed by
//     an M11W2-7 check digit. The standard fixes remainder 0 → 0 and is silent on remainder 1
//     (11 − 1 = 10 is not a digit). jrr's decision: a serial whose remainder is 1 is never issued
//     (the allocator skips it), so every issued number has an unambiguous check digit and a
//     mistyped digit is always caught. Numbers migrated from another system are accepted as
//     they are and not re-checked (JK-1.1.13: the rule applies to new numbers only).
//   住民票コード — ResidentRecordCode: 11 digits, the last a modulus-11 check digit (weights 2–7
//     from the right; remainder 0 or 1 → 0; 住民基本台帳法施行規則第1条) [I: weights as for 個人番号].
//   個人番号 — IndividualNumber: 12 digits, check digit per 番号法施行令第8条 (weights 2–7 then 2–6
//     from the right; 11 − remainder, remainder 0 or 1 → 0).
//   地方公共団体コード — MunicipalityCode: 6 digits, the last a check digit (weights 6,5,4,3,2;
//     (11 − remainder) mod 10). Prefecture part 01–47, or 99, which jrr reserves for fictional
//     municipalities (sample data, teaching).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "jrr/domain/core/result.h"

namespace jrr {

enum class CheckDigitScheme {
  kAddressee,           // 宛名番号 / 世帯番号: M11W2-7, remainder 1 never issued
  kResidentRecordCode,  // 住民票コード
  kIndividualNumber,    // 個人番号
  kMunicipalityCode,    // 地方公共団体コード
};

// The check digit for `body` (the number without its check digit).
// Errors: number.not_digits, number.wrong_length, number.unissuable (kAddressee, remainder 1).
Result<int> ComputeCheckDigit(CheckDigitScheme scheme, std::string_view body);

// Verifies a whole number (body + check digit).
// Errors: as ComputeCheckDigit, and number.check_digit_mismatch.
Status VerifyCheckDigit(CheckDigitScheme scheme, std::string_view number);

// Digits in an issued 宛名番号/世帯番号: a 9-digit serial and the check digit. Parse() accepts
// 2 to 15 digits (基本データリスト: up to 15) so that migrated numbers can be read.
inline constexpr int kIssuedSerialDigits = 9;

template <typename Tag>
class SerialNumber {
 public:
  // A number typed or imported. Errors: number.not_digits, number.wrong_length,
  // number.check_digit_mismatch, number.unissuable.
  static Result<SerialNumber> Parse(std::string_view text) {
    if (auto ok = VerifyCheckDigit(CheckDigitScheme::kAddressee, text); !ok) return ok.error();
    return SerialNumber(std::string(text));
  }
  // The number for a serial. Errors: number.unissuable when the serial's remainder is 1 (use
  // NextIssuableSerial), number.wrong_length when the serial has more than 9 digits.
  static Result<SerialNumber> FromSerial(uint64_t serial);

  const std::string& digits() const { return digits_; }
  friend bool operator==(const SerialNumber&, const SerialNumber&) = default;

 private:
  explicit SerialNumber(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

struct AddresseeTag {};
struct HouseholdTag {};
using AddresseeNumber = SerialNumber<AddresseeTag>;  // 宛名番号
using HouseholdNumber = SerialNumber<HouseholdTag>;  // 世帯番号

// The smallest serial >= `serial` that can be issued (its M11W2-7 remainder is not 1).
uint64_t NextIssuableSerial(uint64_t serial);

// The zero-padded body of a serial; the shared half of SerialNumber::FromSerial.
Result<std::string> IssuedNumberDigits(uint64_t serial);

template <typename Tag>
Result<SerialNumber<Tag>> SerialNumber<Tag>::FromSerial(uint64_t serial) {
  auto digits = IssuedNumberDigits(serial);
  if (!digits) return digits.error();
  return SerialNumber(std::move(digits).value());
}

// 住民票コード. Errors: number.not_digits, number.wrong_length, number.check_digit_mismatch.
class ResidentRecordCode {
 public:
  static Result<ResidentRecordCode> Parse(std::string_view text);
  const std::string& digits() const { return digits_; }
  friend bool operator==(const ResidentRecordCode&, const ResidentRecordCode&) = default;

 private:
  explicit ResidentRecordCode(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// 個人番号. Errors: number.not_digits, number.wrong_length, number.check_digit_mismatch.
class IndividualNumber {
 public:
  static Result<IndividualNumber> Parse(std::string_view text);
  const std::string& digits() const { return digits_; }
  friend bool operator==(const IndividualNumber&, const IndividualNumber&) = default;

 private:
  explicit IndividualNumber(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

// 地方公共団体コード. Errors: number.not_digits, number.wrong_length, number.check_digit_mismatch,
// number.prefecture_out_of_range.
class MunicipalityCode {
 public:
  static Result<MunicipalityCode> Parse(std::string_view text);
  const std::string& digits() const { return digits_; }
  // True for the 99 prefecture part jrr reserves for fictional municipalities.
  bool fictional() const { return digits_.starts_with("99"); }
  friend bool operator==(const MunicipalityCode&, const MunicipalityCode&) = default;

 private:
  explicit MunicipalityCode(std::string digits) : digits_(std::move(digits)) {}
  std::string digits_;
};

}  // namespace jrr
