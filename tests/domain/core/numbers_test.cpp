// SPDX-License-Identifier: Apache-2.0
//
// Check digits of 宛名番号/世帯番号 (JK-1.1.13), 住民票コード, 個人番号 (番号法施行令第8条) and the
// 地方公共団体コード. Expected values were computed by hand from the published formulas.
#include "jrr/domain/core/numbers.h"

#include <gtest/gtest.h>

namespace jrr {
namespace {

struct DigitCase {
  CheckDigitScheme scheme;
  const char* body;
  int check;
};

// REQ: JK-1.1.13
TEST(CheckDigit, AddresseeNumbersUseM11Weights2To7) {
  const DigitCase cases[] = {
      {CheckDigitScheme::kAddressee, "123456789", 2},  // Σ=174, 174 mod 11 = 9, 11−9
      {CheckDigitScheme::kAddressee, "000000001", 9},  // Σ=2
      {CheckDigitScheme::kAddressee, "000000002", 7},  // Σ=4
      {CheckDigitScheme::kAddressee, "000000010", 8},  // Σ=3
      {CheckDigitScheme::kAddressee, "000000014", 0},  // Σ=11: remainder 0 → 0 (JK-1.1.13)
      {CheckDigitScheme::kAddressee, "000000028", 0},
  };
  for (const DigitCase& c : cases) {
    auto check = ComputeCheckDigit(c.scheme, c.body);
    ASSERT_TRUE(check) << c.body;
    EXPECT_EQ(*check, c.check) << c.body;
    const std::string whole = std::string(c.body) + static_cast<char>('0' + c.check);
    EXPECT_TRUE(VerifyCheckDigit(c.scheme, whole)) << whole;
  }
}

// REQ: JK-1.1.13
TEST(CheckDigit, RemainderOneSerialsAreNeverIssued) {
  for (const char* body : {"000000006", "000000023", "000000037"}) {
    auto check = ComputeCheckDigit(CheckDigitScheme::kAddressee, body);
    ASSERT_FALSE(check) << body;
    EXPECT_EQ(check.error().rule_id, "number.unissuable");
  }
  EXPECT_EQ(NextIssuableSerial(5), 5u);
  EXPECT_EQ(NextIssuableSerial(6), 7u);  // 6 has remainder 1
  EXPECT_EQ(NextIssuableSerial(7), 7u);
  EXPECT_EQ(NextIssuableSerial(23), 24u);
  auto first = AddresseeNumber::FromSerial(1);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->digits(), "0000000019");
  auto unissuable = HouseholdNumber::FromSerial(6);
  ASSERT_FALSE(unissuable);
  EXPECT_EQ(unissuable.error().rule_id, "number.unissuable");
  EXPECT_FALSE(AddresseeNumber::FromSerial(1000000000));  // more than 9 digits
}

// REQ: JK-1.1.13
TEST(CheckDigit, IssuedNumbersAlwaysCatchASingleMistypedDigit) {
  for (uint64_t serial = 1; serial < 3000; serial = NextIssuableSerial(serial + 1)) {
    auto number = AddresseeNumber::FromSerial(serial);
    ASSERT_TRUE(number) << serial;
    std::string digits = number->digits();
    ASSERT_TRUE(AddresseeNumber::Parse(digits));
    for (std::size_t at = 0; at < digits.size(); ++at) {
      std::string typo = digits;
      typo[at] = typo[at] == '9' ? '0' : static_cast<char>(typo[at] + 1);
      EXPECT_FALSE(AddresseeNumber::Parse(typo)) << digits << " → " << typo;
    }
  }
}

// LAW: 番号法施行令第8条
TEST(CheckDigit, IndividualNumber) {
  EXPECT_TRUE(IndividualNumber::Parse("123456789018"));
  const std::pair<const char*, const char*> bad[] = {
      {"123456789010", "number.check_digit_mismatch"},   {"12345678901", "number.wrong_length"},
      {"1234567890180", "number.wrong_length"},          {"12345678901a", "number.not_digits"},
      {"１２３４５６７８９０１８", "number.not_digits"}, {"", "number.wrong_length"},
  };
  for (const auto& [input, rule] : bad) {
    auto parsed = IndividualNumber::Parse(input);
    ASSERT_FALSE(parsed) << input;
    EXPECT_EQ(parsed.error().rule_id, rule) << input;
  }
}

// LAW: 住民基本台帳法施行規則第1条
TEST(CheckDigit, ResidentRecordCode) {
  const DigitCase cases[] = {
      {CheckDigitScheme::kResidentRecordCode, "1234567890", 3},
      {CheckDigitScheme::kResidentRecordCode, "2345678901", 3},
  };
  for (const DigitCase& c : cases) {
    auto check = ComputeCheckDigit(c.scheme, c.body);
    ASSERT_TRUE(check);
    EXPECT_EQ(*check, c.check);
  }
  EXPECT_TRUE(ResidentRecordCode::Parse("12345678903"));
  EXPECT_FALSE(ResidentRecordCode::Parse("12345678904"));
  EXPECT_FALSE(ResidentRecordCode::Parse("1234567890"));
}

TEST(CheckDigit, MunicipalityCode) {
  // Real codes as published, covering remainder 0 (新宿区) and 1 (渋谷区).
  for (const char* code : {"131016", "131041", "131130", "011002", "271004", "141003"}) {
    EXPECT_TRUE(MunicipalityCode::Parse(code)) << code;
  }
  auto fictional = MunicipalityCode::Parse("990001");
  ASSERT_TRUE(fictional);
  EXPECT_TRUE(fictional->fictional());
  const std::pair<const char*, const char*> bad[] = {
      {"131017", "number.check_digit_mismatch"},
      {"481009", "number.prefecture_out_of_range"},
      {"000001", "number.prefecture_out_of_range"},
      {"13101", "number.wrong_length"},
      {"13101x", "number.not_digits"},
  };
  for (const auto& [input, rule] : bad) {
    auto parsed = MunicipalityCode::Parse(input);
    ASSERT_FALSE(parsed) << input;
    EXPECT_EQ(parsed.error().rule_id, rule) << input;
  }
}

}  // namespace
}  // namespace jrr
