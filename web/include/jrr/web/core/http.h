// SPDX-License-Identifier: Apache-2.0
//
// Request and Response — the web layer's own small structs. Endpoints are plain functions from a
// Request to a Response; only web_server.cpp sees Poco's HTTP types, so an endpoint can be tested
// without a socket and the error boundary lives in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jrr::web {

struct Request {
  std::string method;                                        // "GET", "POST", …
  std::string path;                                          // percent-decoded, without the query
  std::vector<std::pair<std::string, std::string>> query;    // percent-decoded, in order
  std::vector<std::pair<std::string, std::string>> headers;  // as received
  std::string body;
  std::string client_address;  // for the log's terminal when no terminal is registered

  // A header's value (name compared case-insensitively), or "".
  std::string Header(std::string_view name) const;
  // A cookie's value from the Cookie header, or "".
  std::string Cookie(std::string_view name) const;
  // A field of an application/x-www-form-urlencoded body, decoded, or "". Fields that are not
  // valid UTF-8 text read as "" (and FormIsText() is false).
  std::string Form(std::string_view name) const;
  bool FormIsText() const;
  // Every field of an application/x-www-form-urlencoded body in order (a name may repeat, as
  // checkboxes do); empty when a field is not UTF-8 text.
  std::vector<std::pair<std::string, std::string>> FormPairs() const;
  // A part of a multipart/form-data body (a file upload), or nullopt. Form() reads the text parts
  // of such a body too.
  struct FormPart {
    std::string name;
    std::string filename;
    std::string content_type;
    std::string data;  // bytes as sent
  };
  std::optional<FormPart> Part(std::string_view name) const;

  // The first value of a query parameter, or "" when absent.
  std::string Query(std::string_view name) const;
  bool HasQuery(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // Static assets may be cached; everything else is sent with Cache-Control: no-store, because
  // pages of a register hold personal data.
  bool cacheable = false;
};

}  // namespace jrr::web
