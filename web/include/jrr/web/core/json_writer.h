// SPDX-License-Identifier: Apache-2.0
//
// JsonObject — writes one JSON object with keys in insertion order (stable output for vendors'
// diff tools). Strings are UTF-8 and escaped per RFC 8259; U+2028/U+2029 are escaped too.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jrr::web {

class JsonObject {
 public:
  JsonObject& Add(std::string_view key, std::string_view value);
  JsonObject& Add(std::string_view key, const char* value) {
    return Add(key, std::string_view(value));
  }
  JsonObject& Add(std::string_view key, const std::string& value) {
    return Add(key, std::string_view(value));
  }
  JsonObject& Add(std::string_view key, int64_t value);
  JsonObject& Add(std::string_view key, int value) { return Add(key, static_cast<int64_t>(value)); }
  JsonObject& Add(std::string_view key, bool value);
  JsonObject& Add(std::string_view key, const std::optional<std::string>& value);
  JsonObject& AddRaw(std::string_view key, std::string_view json);
  std::string str() const { return body_ + "}"; }

 private:
  void Key(std::string_view key);
  std::string body_ = "{";
};

void AppendJsonString(std::string& out, std::string_view text);

// A JSON array of strings.
std::string JsonStringArray(const std::vector<std::string>& items);

// A JSON array of `items`, each written by `encode` (which returns one JSON value as text).
template <typename Items, typename Encode>
std::string JsonArray(const Items& items, Encode encode) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += encode(item);
  }
  return out + "]";
}

}  // namespace jrr::web
