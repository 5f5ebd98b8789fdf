// SPDX-License-Identifier: Apache-2.0
//
// WebServer — the HTTP server on Poco::Net. It owns the error boundary: whatever an endpoint
// throws, the client gets a response (500, or 503 for a StorageError), never a dropped
// connection; every response carries the security headers (a CSP that allows no external origin,
// nosniff, no framing, no referrer) and is logged without personal data (method, route, status,
// time — never the query, which may hold a name).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "jrr/web/web_context.h"

namespace Poco::Net {
class HTTPServer;
}

namespace jrr::web {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback by default: plain HTTP never leaves the machine
  uint16_t port = 8080;            // 0 picks a free port (tests)
  int max_threads = 8;
  int max_queued = 64;
  // HTTPS (TLS 1.2 or later) with this PEM certificate and private key; plain HTTP when empty.
  std::string tls_certificate;
  std::string tls_private_key;
};

// Loopback, plain HTTP, a free port: what the tests serve on.
inline ServerOptions EphemeralLoopback() {
  ServerOptions options;
  options.port = 0;
  return options;
}

// Plain HTTP may only listen on a loopback address: a register's pages must not cross a network
// in clear. Error web.tls_required (kRuleViolation) otherwise; web.tls_incomplete when only one of
// the certificate and the key is given.
Status CheckListening(const ServerOptions& options);

class WebServer {
 public:
  WebServer(WebContext context, const ServerOptions& options);
  ~WebServer();
  WebServer(const WebServer&) = delete;
  WebServer& operator=(const WebServer&) = delete;

  void Start();
  void Stop();
  // The bound port (useful when ServerOptions::port was 0).
  uint16_t port() const { return port_; }

 private:
  std::unique_ptr<WebContext> context_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  uint16_t port_ = 0;
};

// The headers added to every response.
const char* ContentSecurityPolicy();

}  // namespace jrr::web
