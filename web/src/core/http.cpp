// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/http.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <cctype>
#include <optional>

#include "jrr/domain/core/text.h"
#include "jrr/web/core/http_status_for.h"

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
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
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
std::optional<std::vector<std::pair<std::string, std::string>>> FormFields(
    const std::string& body) {
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
    // 16 KiB a field: a 転出証明書's code for a large household is pasted into one.
    if (!CheckText(value, {.max_bytes = 16 * 1024, .allow_empty = true, .allow_newlines = true}) ||
        !CheckText(name)) {
      return std::nullopt;
    }
    fields.emplace_back(std::move(name), std::move(value));
    at = end + 1;
  }
  return fields;
}

// The parts of a multipart/form-data body (RFC 7578), or an empty list when the body is not one.
std::vector<Request::FormPart> MultipartParts(const std::string& content_type,
                                              const std::string& body) {
  std::vector<Request::FormPart> parts;
  if (content_type.rfind("multipart/form-data", 0) != 0) return parts;
  const std::size_t b = content_type.find("boundary=");
  if (b == std::string::npos) return parts;
  std::string boundary = content_type.substr(b + 9);
  if (const std::size_t semicolon = boundary.find(';'); semicolon != std::string::npos)
    boundary.resize(semicolon);
  if (boundary.size() > 1 && boundary.front() == '"')
    boundary = boundary.substr(1, boundary.size() - 2);
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  while (at != std::string::npos) {
    at += delimiter.size();
    if (body.compare(at, 2, "--") == 0) break;  // the closing delimiter
    if (body.compare(at, 2, "\r\n") != 0) break;
    at += 2;
    const std::size_t head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string::npos) break;
    const std::string head = body.substr(at, head_end - at);
    const std::size_t data_start = head_end + 4;
    const std::size_t next = body.find("\r\n" + delimiter, data_start);
    if (next == std::string::npos) break;
    Request::FormPart part;
    auto quoted = [&head](const std::string& key) {
      const std::size_t k = head.find(key + "=\"");
      if (k == std::string::npos) return std::string();
      const std::size_t start = k + key.size() + 2;
      return head.substr(start, head.find('"', start) - start);
    };
    part.name = quoted("name");
    part.filename = quoted("filename");
    if (const std::size_t ct = head.find("Content-Type:"); ct != std::string::npos) {
      const std::size_t end = head.find("\r\n", ct);
      part.content_type = std::string(
          TrimSpaces(head.substr(ct + 13, end == std::string::npos ? end : end - ct - 13)));
    }
    part.data = body.substr(data_start, next - data_start);
    parts.push_back(std::move(part));
    at = next + 2;
  }
  return parts;
}

}  // namespace

std::optional<Request::FormPart> Request::Part(std::string_view name) const {
  for (FormPart& part : MultipartParts(Header("Content-Type"), body)) {
    if (part.name == name) return std::move(part);
  }
  return std::nullopt;
}

std::string Request::Form(std::string_view name) const {
  if (Header("Content-Type").rfind("multipart/form-data", 0) == 0) {
    // Text fields only: a file's bytes are read through Part().
    auto part = Part(name);
    if (!part || !part->filename.empty() ||
        !CheckText(part->data, {.max_bytes = 4096, .allow_empty = true}))
      return "";
    return part->data;
  }
  const auto fields = FormFields(body);
  if (!fields) return "";
  for (const auto& [key, value] : *fields) {
    if (key == name) return value;
  }
  return "";
}

bool Request::FormIsText() const { return FormFields(body).has_value(); }

std::vector<std::pair<std::string, std::string>> Request::FormPairs() const {
  auto fields = FormFields(body);
  return fields ? std::move(*fields) : std::vector<std::pair<std::string, std::string>>{};
}

int HttpStatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return 400;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kRuleViolation:
      return 422;
    case ErrorCode::kUnauthenticated:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kInternal:
      return 500;
  }
  return 500;
}

}  // namespace jrr::web
