// SPDX-License-Identifier: Apache-2.0
//
// Stable names of enum values, looked up both ways in a constexpr table of {value, name} pairs
// (the names stored in the database and shown in the API). Private to the domain library.
#pragma once

#include <optional>
#include <string_view>

namespace jrr::name_table {

template <typename Table, typename Value>
std::string_view NameOf(const Table& table, Value value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "unknown";
}

template <typename Value, typename Table>
std::optional<Value> ValueOf(const Table& table, std::string_view name) {
  for (const auto& [v, known] : table) {
    if (known == name) return v;
  }
  return std::nullopt;
}

}  // namespace jrr::name_table
