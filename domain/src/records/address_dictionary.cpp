// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/address_dictionary.h"

#include <algorithm>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

bool Digits(std::string_view text, std::size_t length) {
  return text.size() == length &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

Status ValidateArea(const AddressArea& area, std::string_view municipality_code) {
  if (!Digits(area.address_code, 11)) {
    return MakeError(ErrorCode::kInvalidInput, "address.code_invalid",
                     "住所コード must be 11 digits");
  }
  if (municipality_code.size() >= 5 &&
      area.address_code.compare(0, 5, municipality_code.substr(0, 5)) != 0) {
    return MakeError(ErrorCode::kRuleViolation, "address.outside_municipality",
                     "住所コード " + area.address_code + " is not in this municipality");
  }
  if (auto ok = CheckText(area.text, {.max_bytes = 400}); !ok) {
    return MakeError(ErrorCode::kInvalidInput, "address.text_required", ok.error().detail);
  }
  if (!Digits(area.postal_code, 7)) {
    return MakeError(ErrorCode::kInvalidInput, "address.postal_code_invalid",
                     "郵便番号 must be 7 digits without a hyphen");
  }
  return {};
}

Result<Address> ResolveAddress(AddressDictionary& dictionary, Address address) {
  if (address.abroad || !dictionary.Loaded()) return address;
  if (address.address_code.empty()) {
    return MakeError(ErrorCode::kRuleViolation, "address.code_required",
                     "choose the address from the dictionary");
  }
  auto area = dictionary.Find(address.address_code);
  if (!area) {
    return MakeError(ErrorCode::kRuleViolation, "address.unknown_code",
                     "住所コード " + address.address_code + " is not in the dictionary");
  }
  address.text = area->text;
  if (address.postal_code.empty()) address.postal_code = area->postal_code;
  return address;
}

std::string_view BanchiKindCode(BanchiKind kind) {
  switch (kind) {
    case BanchiKind::kLot:
      return "lot";
    case BanchiKind::kBlock:
      return "block";
    case BanchiKind::kSpecial:
      return "special";
  }
  return "lot";
}

std::string_view BanchiKindNameJa(BanchiKind kind) {
  switch (kind) {
    case BanchiKind::kLot:
      return "地番";
    case BanchiKind::kBlock:
      return "住居表示";
    case BanchiKind::kSpecial:
      return "特殊地番";
  }
  return "地番";
}

std::optional<BanchiKind> BanchiKindFromName(std::string_view name) {
  for (BanchiKind k : {BanchiKind::kLot, BanchiKind::kBlock, BanchiKind::kSpecial}) {
    if (name == BanchiKindCode(k) || name == BanchiKindNameJa(k)) return k;
  }
  return std::nullopt;
}

}  // namespace jrr
