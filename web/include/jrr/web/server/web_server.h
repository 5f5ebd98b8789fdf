// SPDX-License-Identifier: Apache-2.0
//
// WebServer — the HTTP server on Poco::Net. It owns the error boundary: whatever an endpoint
// throws, the client gets a response (500, or 503 for a StorageError), never a dropped
// connection; every response carries the security headers (a CSP that allows no external origin,
// nosniff, no framing, no referrer) and is logged without personal data (method, route, status,
// time — never the query, which may hold a name).
//
// Slow and greedy clients: a connection must send each request head within kHeadSeconds of
// starting to wait for it (at connect, and after each answer: a keep-alive connection idle that
// long is closed too), and one client address may hold at most max_connections_per_client
// connections at once — the others are answered 503 and closed — so no single client can keep
// every worker waiting (slowloris). A request without Content-Length or chunked coding has no
// body (RFC 9112 §6.3): nothing is waited for.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "jrr/web/server/web_context.h"

namespace Poco::Net {
class TCPServer;
}

namespace jrr::web {

class ConnectionGuard;

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback by default: plain HTTP never leaves the machine
  uint16_t port = 8080;            // 0 picks a free port (tests)
  int max_threads = 8;
  int max_queued = 64;
  // Connections one client address may hold at once; 0: max_threads − 2, at least 2, which
  // leaves every other client two workers.
  int max_connections_per_client = 0;
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
  std::shared_ptr<ConnectionGuard> guard_;
  std::unique_ptr<Poco::Net::TCPServer> server_;
  std::function<void()> end_connections_;  // tells the connections still open that the server stops
  bool stopped_ = false;
  uint16_t port_ = 0;
};

// How long a connection may take to send a request head (or stay idle between requests).
inline constexpr int kHeadSeconds = 10;

// The headers added to every response.
const char* ContentSecurityPolicy();

}  // namespace jrr::web
