// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/core/request_decoder.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <sstream>
#include <stdexcept>

namespace jrr::web {

Request DecodeRequest(const Poco::Net::HTTPRequest& head, std::istream& body,
                      const std::string& client_address) {
  Request out;
  out.method = head.getMethod();
  const Poco::URI uri(head.getURI());  // throws Poco::SyntaxException on a malformed URI
  out.path = uri.getPath();
  for (auto& [key, value] : uri.getQueryParameters()) out.query.emplace_back(key, value);
  for (const auto& [name, value] : head) out.headers.emplace_back(name, value);
  out.client_address = client_address;
  if (head.hasContentLength() && head.getContentLength64() > static_cast<int64_t>(kMaxBodyBytes)) {
    throw std::length_error("request body too large");
  }
  // Without Content-Length or chunked coding there is no body: reading one "until the connection
  // closes" would hold a worker for as long as the client likes.
  const bool has_body = head.getChunkedTransferEncoding() ||
                        (head.hasContentLength() && head.getContentLength64() > 0);
  if (out.method != "GET" && out.method != "HEAD" && has_body) {
    std::ostringstream text;
    Poco::StreamCopier::copyStream(body, text, kMaxBodyBytes + 1);
    out.body = text.str();
    if (out.body.size() > kMaxBodyBytes) throw std::length_error("request body too large");
  }
  return out;
}

}  // namespace jrr::web
