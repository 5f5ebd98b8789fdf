// SPDX-License-Identifier: Apache-2.0
//
// The only file that sees Poco's HTTP types. One HTTPRequestHandler serves every request: it
// decodes Poco's request into ours, dispatches through the route table, and is the error
// boundary. Poco itself sends 501 when a factory returns null and drops the connection when a
// handler lets a std::exception escape (docs/architecture.md); neither can happen here.
#include "jrr/web/web_server.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>

#include <mutex>
#include <vector>
#include <stdexcept>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <chrono>
#include <sstream>

#include "jrr/domain/storage_error.h"
#include "jrr/web/router.h"

namespace jrr::web {
namespace {

constexpr std::size_t kMaxBodyBytes = 1 << 20;

constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

Request Decode(Poco::Net::HTTPServerRequest& in) {
  Request out;
  out.method = in.getMethod();
  const Poco::URI uri(in.getURI());  // throws Poco::SyntaxException on a malformed URI
  out.path = uri.getPath();
  for (auto& [key, value] : uri.getQueryParameters()) out.query.emplace_back(key, value);
  for (const auto& [name, value] : in) out.headers.emplace_back(name, value);
  out.client_address = in.clientAddress().host().toString();
  if (in.hasContentLength() && in.getContentLength64() > static_cast<int64_t>(kMaxBodyBytes)) {
    throw std::length_error("request body too large");
  }
  if (in.getMethod() != "GET" && in.getMethod() != "HEAD") {
    std::ostringstream body;
    Poco::StreamCopier::copyStream(in.stream(), body, kMaxBodyBytes + 1);
    out.body = body.str();
    if (out.body.size() > kMaxBodyBytes) throw std::length_error("request body too large");
  }
  return out;
}

// What the client still sends of a refused body is read and dropped (up to 16 MiB, giving up after a
// second of silence), so it receives the 413 rather than a connection reset by unread data.
void Drain(Poco::Net::HTTPServerRequest& in) {
  if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&in)) {
    impl->socket().setReceiveTimeout(Poco::Timespan(1, 0));
  }
  constexpr std::size_t kDrainBytes = 16u << 20;
  std::vector<char> buffer(64 * 1024);
  std::size_t total = 0;
  try {
    std::istream& stream = in.stream();
    while (total < kDrainBytes && stream) {
      stream.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      total += static_cast<std::size_t>(stream.gcount());
      if (stream.gcount() == 0) break;
    }
  } catch (const Poco::Exception&) {
    // a timeout or a closed connection: nothing more to drop
  }
}

void Send(const Request& request, const Response& response, Poco::Net::HTTPServerResponse& out) {
  out.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  out.setContentType(response.content_type);
  out.set("Content-Security-Policy", kContentSecurityPolicy);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "no-referrer");
  out.set("Cross-Origin-Opener-Policy", "same-origin");
  out.set("Cross-Origin-Resource-Policy", "same-origin");
  out.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  out.set("Cache-Control", response.cacheable ? "public, max-age=3600" : "no-store");
  for (const auto& [name, value] : response.headers) out.set(name, value);
  out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
  std::ostream& stream = out.send();
  if (request.method != "HEAD") stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
}

class BoundaryHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  explicit BoundaryHandler(const WebContext& context) : context_(context) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in, Poco::Net::HTTPServerResponse& out) override {
    Poco::Logger& log = Poco::Logger::get("jrr.web");
    const auto started = std::chrono::steady_clock::now();
    Request request;
    request.method = in.getMethod();
    Response response;
    try {
      // Known before the body is read, so a refused body is answered in the route's kind (JSON
      // under /api/).
      request.path = Poco::URI(in.getURI()).getPath();
      request = Decode(in);
      response = Dispatch(request, context_);
    } catch (const StorageError& e) {
      log.error("storage failure: %s", std::string(e.what()));
      response = ErrorResponse(request, MakeError(ErrorCode::kUnavailable, e.rule_id()), 503);
    } catch (const Poco::SyntaxException&) {
      response = ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "http.not_found",
                                                  "malformed URI"), 400);
    } catch (const std::length_error&) {
      Drain(in);
      out.setKeepAlive(false);
      response = ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "text.too_long",
                                                  "request body too large"), 413);
    } catch (const std::exception& e) {
      log.error("internal error: %s", std::string(e.what()));
      response = ErrorResponse(request, MakeError(ErrorCode::kInternal, "http.internal"), 500);
    } catch (...) {
      log.error("internal error: unknown exception");
      response = ErrorResponse(request, MakeError(ErrorCode::kInternal, "http.internal"), 500);
    }
    try {
      Send(request, response, out);
    } catch (const std::exception& e) {
      log.warning("could not send response: %s", std::string(e.what()));
    }
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started).count();
    // No query string and no body: either may carry a name. An unknown path is not echoed
    // either, since a client may have typed anything into it.
    bool known = false;
    for (const Route& route : Routes()) known = known || route.path == request.path;
    log.information("%s %s %d %Ldus", request.method,
                    known ? request.path : std::string("(unknown path)"), response.status,
                    static_cast<Poco::Int64>(micros));
  }

 private:
  const WebContext& context_;
};

class BoundaryFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit BoundaryFactory(const WebContext& context) : context_(context) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new BoundaryHandler(context_);
  }

 private:
  const WebContext& context_;
};

}  // namespace

const char* ContentSecurityPolicy() { return kContentSecurityPolicy; }

Status CheckListening(const ServerOptions& options) {
  if (options.tls_certificate.empty() != options.tls_private_key.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "web.tls_incomplete", "certificate and key go together");
  }
  const bool loopback = options.host == "127.0.0.1" || options.host == "::1" || options.host == "localhost" ||
                        options.host.starts_with("127.");
  if (!loopback && options.tls_certificate.empty()) {
    return MakeError(ErrorCode::kRuleViolation, "web.tls_required", options.host);
  }
  return {};
}

namespace {

// The listening socket: TLS 1.2+ with the configured certificate, or plain TCP.
Poco::Net::ServerSocket Listen(const ServerOptions& options) {
  const Poco::Net::SocketAddress address(options.host, options.port);
  if (options.tls_certificate.empty()) return Poco::Net::ServerSocket(address);
  static std::once_flag ssl_once;
  std::call_once(ssl_once, [] { Poco::Net::initializeSSL(); });
  Poco::Net::Context::Ptr tls(new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, options.tls_private_key,
                                                     options.tls_certificate, "", Poco::Net::Context::VERIFY_NONE, 9,
                                                     false, "HIGH:!aNULL:!MD5:!RC4:!3DES"));
  tls->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                        Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
  tls->preferServerCiphers();
  return Poco::Net::SecureServerSocket(address, 64, tls);
}

}  // namespace

WebServer::WebServer(WebContext context, const ServerOptions& options)
    : context_(std::make_unique<WebContext>(std::move(context))) {
  if (Status ok = CheckListening(options); !ok) {
    throw std::invalid_argument(ok.error().rule_id + ": " + ok.error().detail);
  }
  context_->tls = !options.tls_certificate.empty();
  Poco::Net::ServerSocket socket = Listen(options);
  port_ = socket.address().port();
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.max_threads);
  params->setMaxQueued(options.max_queued);
  params->setKeepAlive(true);
  params->setTimeout(Poco::Timespan(30, 0));
  server_ = std::make_unique<Poco::Net::HTTPServer>(new BoundaryFactory(*context_), socket, params);
}

WebServer::~WebServer() { Stop(); }

void WebServer::Start() { server_->start(); }

void WebServer::Stop() {
  if (server_) server_->stopAll(true);
}

}  // namespace jrr::web
