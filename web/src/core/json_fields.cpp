// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/json_fields.h"

#include <Poco/JSON/Parser.h>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"
#include "jrr/web/core/json_writer.h"

namespace jrr::web {

using Poco::JSON::Array;
using Poco::JSON::Object;

FieldLookup FormFields(const Request& request) {
  return [&request](std::string_view name) -> std::optional<std::string> {
    std::string value = request.Form(name);
    if (value.empty()) return std::nullopt;
    return value;
  };
}

Result<Poco::Dynamic::Var> ParseJson(std::string_view json) {
  if (auto ok = CheckText(json, {.max_bytes = 4 << 20, .allow_newlines = true}); !ok)
    return ok.error();
  try {
    Poco::JSON::Parser parser;
    return parser.parse(std::string(json));
  } catch (const Poco::Exception& e) {
    return MakeError(ErrorCode::kInvalidInput, "json.malformed", e.message());
  }
}

Result<std::map<std::string, std::string>> DecodeStringFields(std::string_view json) {
  auto parsed = ParseJson(json);
  if (!parsed) return parsed.error();
  const Poco::Dynamic::Var& root = *parsed;
  if (root.type() != typeid(Object::Ptr))
    return MakeError(ErrorCode::kInvalidInput, "json.not_object", "expected one object");
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : *root.extract<Object::Ptr>()) {
    if (!value.isString())
      return MakeError(ErrorCode::kInvalidInput, "json.malformed", name + " must be a string");
    fields[name] = value.extract<std::string>();
  }
  return fields;
}

Result<std::map<std::string, std::string>> DecodeOptionFields(std::string_view json) {
  auto parsed = ParseJson(json);
  if (!parsed) return parsed.error();
  const Poco::Dynamic::Var& root = *parsed;
  if (root.type() != typeid(Object::Ptr))
    return MakeError(ErrorCode::kInvalidInput, "json.not_object", "expected one object");
  std::map<std::string, std::string> fields;
  for (const auto& [name, value] : *root.extract<Object::Ptr>()) {
    if (value.isEmpty()) continue;
    if (value.type() == typeid(bool)) {
      // A flag: "1" when true, empty (absent to the decoders) when false.
      std::string& flag = fields[name];
      if (value.extract<bool>()) flag.assign(1, '1');
    } else if (value.isString() || value.isNumeric()) {
      fields[name] = value.convert<std::string>();
    } else if (value.type() == typeid(Array::Ptr)) {
      std::string joined;
      Array::Ptr array = value.extract<Array::Ptr>();
      for (std::size_t i = 0; i < array->size(); ++i) {
        const Poco::Dynamic::Var item = array->get(static_cast<unsigned>(i));
        if (!item.isString())
          return MakeError(ErrorCode::kInvalidInput, "json.malformed", name + " must list strings");
        const std::string text = item.extract<std::string>();
        if (text.find(',') != std::string::npos)
          return MakeError(ErrorCode::kInvalidInput, "json.malformed",
                           name + ": no commas in items");
        if (!joined.empty()) joined += ',';
        joined += text;
      }
      fields[name] = joined;
    } else {
      return MakeError(ErrorCode::kInvalidInput, "json.malformed",
                       name + " must be a string, number, boolean or list");
    }
  }
  return fields;
}

FieldLookup OptionLookup(std::map<std::string, std::string> fields) {
  return [fields = std::move(fields)](std::string_view name) -> std::optional<std::string> {
    std::string key(name);
    auto found = fields.find(key);
    if (found == fields.end()) {
      for (char& c : key) c = c == '-' ? '_' : c;
      found = fields.find(key);
    }
    if (found == fields.end() || found->second.empty()) return std::nullopt;
    return found->second;
  };
}

std::string EncodeError(const Error& error) {
  return JsonObject()
      .Add("code", ErrorCodeName(error.code))
      .Add("rule_id", error.rule_id)
      .Add("message_ja", MessageJa(error))
      .Add("detail", error.detail)
      .str();
}

}  // namespace jrr::web
