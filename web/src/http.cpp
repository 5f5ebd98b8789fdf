// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/http.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "jrr/domain/text.h"

#include "jrr/web/http_status_for.h"

namespace jrr::web {

std::string Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return {};
}

bool Request::HasQuery(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return true;
  }
  return false;
}

std::string Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key.size() == name.size() &&
        std::equal(key.begin(), key.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return value;
    }
  }
  return "";
}

std::string Request::Cookie(std::string_view name) const {
  const std::string cookies = Header("Cookie");
  std::size_t at = 0;
  while (at < cookies.size()) {
    const std::size_t end = std::min(cookies.find(';', at), cookies.size());
    std::string_view part(cookies.data() + at, end - at);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    if (part.starts_with(name) && part.size() > name.size() && part[name.size()] == '=') {
      return std::string(part.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return "";
}

namespace {

// The decoded fields of a form body, or nullopt when one is not UTF-8 text.
std::optional<std::vector<std::pair<std::string, std::string>>> FormFields(const std::string& body) {
  std::vector<std::pair<std::string, std::string>> fields;
  std::size_t at = 0;
  while (at < body.size()) {
    const std::size_t end = std::min(body.find('&', at), body.size());
    std::string pair = body.substr(at, end - at);
    std::replace(pair.begin(), pair.end(), '+', ' ');
    const std::size_t eq = pair.find('=');
    std::string name, value;
    try {
      Poco::URI::decode(pair.substr(0, eq), name);
      if (eq != std::string::npos) Poco::URI::decode(pair.substr(eq + 1), value);
    } catch (const Poco::Exception&) {
      return std::nullopt;
    }
    if (!CheckText(value, {.max_bytes = 4096, .allow_empty = true, .allow_newlines = true}) || !CheckText(name)) {
      return std::nullopt;
    }
    fields.emplace_back(std::move(name), std::move(value));
    at = end + 1;
  }
  return fields;
}

}  // namespace

std::string Request::Form(std::string_view name) const {
  const auto fields = FormFields(body);
  if (!fields) return "";
  for (const auto& [key, value] : *fields) {
    if (key == name) return value;
  }
  return "";
}

bool Request::FormIsText() const { return FormFields(body).has_value(); }

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kRuleViolation: return 422;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

}  // namespace jrr::web
