// SPDX-License-Identifier: Apache-2.0
//
// A tiny HTTP client for tests against a real server on a loopback port.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <cstdint>
#include <map>
#include <sstream>
#include <string>

namespace jrr::testing {

struct HttpReply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  std::string Header(const std::string& name) const {
    auto found = headers.find(name);
    return found == headers.end() ? "" : found->second;
  }
};

// Sends one request; `target` is the raw request target (already percent-encoded).
inline HttpReply Fetch(uint16_t port, const std::string& target, const std::string& method = "GET",
                       const std::string& body = "",
                       const std::map<std::string, std::string>& headers = {}) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  session.setTimeout(Poco::Timespan(10, 0));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  if (!body.empty()) request.setContentLength64(static_cast<Poco::Int64>(body.size()));
  std::ostream& out = session.sendRequest(request);
  out << body;
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  HttpReply reply;
  reply.status = static_cast<int>(response.getStatus());
  std::ostringstream text;
  Poco::StreamCopier::copyStream(in, text);
  reply.body = text.str();
  for (const auto& [name, value] : response) reply.headers[name] = value;
  return reply;
}

}  // namespace jrr::testing
