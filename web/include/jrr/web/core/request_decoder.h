// SPDX-License-Identifier: Apache-2.0
//
// The HTTP request decoder: what arrives from outside, as Poco parsed its head, becomes our
// Request (web/core/http.h). Kept apart from the server so a fuzz target can feed it raw bytes
// (tests/fuzz/http_request_fuzzer.cpp).
//
// Limits: a body over kMaxBodyBytes — declared by Content-Length or read from a chunked body — is
// refused with std::length_error (the server answers 413). A request with neither Content-Length
// nor chunked coding has no body (RFC 9112 §6.3). A malformed URI throws Poco::SyntaxException
// (the server answers 400).
#pragma once

#include <cstddef>
#include <istream>
#include <string>

#include "jrr/web/core/http.h"

namespace Poco::Net {
class HTTPRequest;
}

namespace jrr::web {

inline constexpr std::size_t kMaxBodyBytes = 1 << 20;

Request DecodeRequest(const Poco::Net::HTTPRequest& head, std::istream& body,
                      const std::string& client_address);

}  // namespace jrr::web
