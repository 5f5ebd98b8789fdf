// SPDX-License-Identifier: Apache-2.0
//
// The only file that sees Poco's HTTP types. One HTTPRequestHandler serves every request: it
// decodes Poco's request into ours, dispatches through the route table, and is the error
// boundary. Poco itself sends 501 when a factory returns null and drops the connection when a
// handler lets a std::exception escape (docs/architecture.md); neither can happen here.
#include "jrr/web/server/web_server.h"

#include <Poco/Logger.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerConnection.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerConnectionFactory.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "jrr/domain/core/storage_error.h"
#include "jrr/web/core/request_decoder.h"
#include "jrr/web/server/router.h"

namespace jrr::web {
namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

// A header value this server sends never carries a line break (or another control character):
// an input that reached one (a redirect target, a file name) must not add headers of its own.
bool SafeHeaderValue(const std::string& value) {
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7F;
  });
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

void Send(const Request& request, const Response& response, Poco::Net::HTTPServerResponse& out,
          bool tls) {
  // The status with its own reason phrase (RFC 9110 §15), never "… OK" for a refusal.
  out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status));
  out.setContentType(response.content_type);
  out.set("Content-Security-Policy", kContentSecurityPolicy);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "no-referrer");
  out.set("Cross-Origin-Opener-Policy", "same-origin");
  out.set("Cross-Origin-Resource-Policy", "same-origin");
  out.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  out.set("Cache-Control", response.cacheable ? "public, max-age=3600" : "no-store");
  // Over TLS the browser is told to come back over TLS only (RFC 6797).
  if (tls) out.set("Strict-Transport-Security", "max-age=31536000");
  for (const auto& [name, value] : response.headers) {
    if (!SafeHeaderValue(name) || !SafeHeaderValue(value)) {
      throw std::logic_error("a response header with a control character: " + name);
    }
    // Set-Cookie may come more than once; everything else once.
    if (name == "Set-Cookie") {
      out.add(name, value);
    } else {
      out.set(name, value);
    }
  }
  out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
  std::ostream& stream = out.send();
  if (request.method != "HEAD")
    stream.write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
}

}  // namespace

// The connections the server holds: how many each client address has, and for each connection
// whether it is waiting for a request head and until when. A watchdog thread ends (shuts down)
// every connection still waiting past its deadline; a connection over its client's limit is
// answered 503 at once.
class ConnectionGuard {
 public:
  using Clock = std::chrono::steady_clock;
  struct Watch {
    Poco::Net::StreamSocket socket;
    std::string client;
    std::optional<Clock::time_point> deadline;  // set while waiting for a request head
  };

  ConnectionGuard(std::size_t per_client, std::chrono::seconds head)
      : per_client_(per_client), head_(head), sweeper_([this] { Sweep(); }) {}
  ~ConnectionGuard() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    sweeper_.join();
  }

  // The calling connection, waiting for its first head; nullptr when its client holds too many.
  std::shared_ptr<Watch> Start(const Poco::Net::StreamSocket& socket) {
    auto watch = std::make_shared<Watch>(
        Watch{socket, socket.peerAddress().host().toString(), Clock::now() + head_});
    std::unique_lock lock(mutex_);
    // A client that just closed a connection may open the next before that one is counted out:
    // a moment's grace before a refusal.
    idle_.wait_for(lock, std::chrono::milliseconds(200),
                   [&] { return Held(watch->client) < per_client_; });
    std::size_t& held = per_client_count_[watch->client];
    if (held >= per_client_) return nullptr;
    ++held;
    watches_.insert(watch);
    return watch;
  }
  void End(const std::shared_ptr<Watch>& watch) {
    {
      std::lock_guard lock(mutex_);
      if (watches_.erase(watch) == 0) return;
      if (--per_client_count_[watch->client] == 0) per_client_count_.erase(watch->client);
    }
    idle_.notify_all();
  }
  // Waits until no connection is open (after EndAll), at most `limit`.
  void WaitIdle(std::chrono::seconds limit) {
    std::unique_lock lock(mutex_);
    idle_.wait_for(lock, limit, [this] { return watches_.empty(); });
  }
  void Busy(Watch& watch) {
    std::lock_guard lock(mutex_);
    watch.deadline.reset();
  }
  void Waiting(Watch& watch) {
    std::lock_guard lock(mutex_);
    watch.deadline = Clock::now() + head_;
  }
  // Server stop: every connection still open is ended.
  void EndAll() {
    std::lock_guard lock(mutex_);
    for (const auto& w : watches_) Shut(*w);
  }

 private:
  std::size_t Held(const std::string& client) const {
    auto found = per_client_count_.find(client);
    return found == per_client_count_.end() ? 0 : found->second;
  }
  static void Shut(Watch& w) {
    try {
      w.socket.shutdown();
    } catch (const Poco::Exception&) {
      // already closed by the client
    }
  }
  void Sweep() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::milliseconds(250));
      const auto now = Clock::now();
      for (const auto& w : watches_) {
        if (w->deadline && *w->deadline < now) {
          w->deadline.reset();
          Shut(*w);
        }
      }
    }
  }

  const std::size_t per_client_;
  const std::chrono::seconds head_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  bool stopping_ = false;
  std::map<std::string, std::size_t> per_client_count_;
  std::set<std::shared_ptr<ConnectionGuard::Watch>> watches_;
  std::thread sweeper_;  // last: started once everything above is ready
};

namespace {

// The connection the calling thread serves, for the handler to mark busy and waiting again.
thread_local ConnectionGuard::Watch* current_watch = nullptr;

class BoundaryHandler final : public Poco::Net::HTTPRequestHandler {
 public:
  BoundaryHandler(const WebContext& context, ConnectionGuard* guard)
      : context_(context), guard_(guard) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    // The head is in: no deadline while the request is read and answered, a new one after.
    struct Marked {
      ConnectionGuard* guard;
      explicit Marked(ConnectionGuard* g) : guard(g) {
        if (guard != nullptr && current_watch != nullptr) guard->Busy(*current_watch);
      }
      ~Marked() {
        if (guard != nullptr && current_watch != nullptr) guard->Waiting(*current_watch);
      }
    } marked(guard_);
    Poco::Logger& log = Poco::Logger::get("jrr.web");
    const auto started = std::chrono::steady_clock::now();
    Request request;
    request.method = in.getMethod();
    Response response;
    try {
      // Known before the body is read, so a refused body is answered in the route's kind (JSON
      // under /api/).
      request.path = Poco::URI(in.getURI()).getPath();
      request = DecodeRequest(in, in.stream(), in.clientAddress().host().toString());
      response = Dispatch(request, context_);
    } catch (const StorageError& e) {
      log.error("storage failure: %s", std::string(e.what()));
      response = ErrorResponse(request, MakeError(ErrorCode::kUnavailable, e.rule_id()), 503);
    } catch (const Poco::SyntaxException&) {
      response = ErrorResponse(
          request, MakeError(ErrorCode::kInvalidInput, "http.bad_request", "malformed URI"), 400);
    } catch (const std::length_error&) {
      Drain(in);
      out.setKeepAlive(false);
      response = ErrorResponse(
          request, MakeError(ErrorCode::kInvalidInput, "text.too_long", "request body too large"),
          413);
    } catch (const std::exception& e) {
      log.error("internal error: %s", std::string(e.what()));
      response = ErrorResponse(request, MakeError(ErrorCode::kInternal, "http.internal"), 500);
    } catch (...) {
      log.error("internal error: unknown exception");
      response = ErrorResponse(request, MakeError(ErrorCode::kInternal, "http.internal"), 500);
    }
    try {
      Send(request, response, out, context_.tls);
    } catch (const std::logic_error& e) {
      // A header an endpoint built from input: the answer is replaced, never sent as it was.
      log.error("refused to send a response: %s", std::string(e.what()));
      try {
        Response refused =
            ErrorResponse(request, MakeError(ErrorCode::kInternal, "http.internal"), 500);
        Send(request, refused, out, context_.tls);
      } catch (const std::exception&) {
      }
    } catch (const std::exception& e) {
      log.warning("could not send response: %s", std::string(e.what()));
    }
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
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
  ConnectionGuard* guard_;
};

class BoundaryFactory final : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  BoundaryFactory(const WebContext& context, ConnectionGuard* guard)
      : context_(context), guard_(guard) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new BoundaryHandler(context_, guard_);
  }
  // Tells every connection still in a keep-alive loop to finish (what HTTPServer::stopAll does).
  void Stopped() { serverStopped(this, true); }

 private:
  const WebContext& context_;
  ConnectionGuard* guard_;
};

// An HTTP connection under the guard: refused with 503 when its client holds too many, watched
// for its head deadline while it waits.
class GuardedConnection final : public Poco::Net::HTTPServerConnection {
 public:
  GuardedConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                    Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                    std::shared_ptr<ConnectionGuard> guard)
      : HTTPServerConnection(socket, params, handlers), guard_(std::move(guard)) {}
  void run() override {
    auto watch = guard_->Start(socket());
    if (!watch) {
      static constexpr std::string_view kBusy =
          "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: "
          "0\r\nRetry-After: 5\r\n\r\n";
      try {
        socket().sendBytes(kBusy.data(), static_cast<int>(kBusy.size()));
        socket().shutdown();
      } catch (const Poco::Exception&) {
      }
      return;
    }
    current_watch = watch.get();
    try {
      HTTPServerConnection::run();
    } catch (...) {
      current_watch = nullptr;
      guard_->End(watch);
      throw;
    }
    current_watch = nullptr;
    guard_->End(watch);
  }

 private:
  std::shared_ptr<ConnectionGuard> guard_;
};

class GuardedConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
 public:
  GuardedConnectionFactory(Poco::Net::HTTPServerParams::Ptr params,
                           Poco::Net::HTTPRequestHandlerFactory::Ptr handlers,
                           std::shared_ptr<ConnectionGuard> guard)
      : params_(std::move(params)), handlers_(std::move(handlers)), guard_(std::move(guard)) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new GuardedConnection(socket, params_, handlers_, guard_);
  }

 private:
  Poco::Net::HTTPServerParams::Ptr params_;
  Poco::Net::HTTPRequestHandlerFactory::Ptr handlers_;
  std::shared_ptr<ConnectionGuard> guard_;
};

}  // namespace

const char* ContentSecurityPolicy() { return kContentSecurityPolicy; }

Status CheckListening(const ServerOptions& options) {
  if (options.tls_certificate.empty() != options.tls_private_key.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "web.tls_incomplete",
                     "certificate and key go together");
  }
  const bool loopback = options.host == "127.0.0.1" || options.host == "::1" ||
                        options.host == "localhost" || options.host.starts_with("127.");
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
  Poco::Net::Context::Ptr tls(new Poco::Net::Context(
      Poco::Net::Context::TLS_SERVER_USE, options.tls_private_key, options.tls_certificate, "",
      Poco::Net::Context::VERIFY_NONE, 9, false, "HIGH:!aNULL:!MD5:!RC4:!3DES"));
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
  const int per_client = options.max_connections_per_client > 0
                             ? options.max_connections_per_client
                             : std::max(2, options.max_threads - 2);
  guard_ = std::make_shared<ConnectionGuard>(static_cast<std::size_t>(per_client),
                                             std::chrono::seconds(kHeadSeconds));
  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.max_threads);
  params->setMaxQueued(options.max_queued);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(kHeadSeconds, 0));
  params->setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPServerParams::Ptr shared_params(params);
  auto* handlers = new BoundaryFactory(*context_, guard_.get());
  Poco::Net::HTTPRequestHandlerFactory::Ptr shared_handlers(handlers);
  end_connections_ = [handlers] { handlers->Stopped(); };
  server_ = std::make_unique<Poco::Net::TCPServer>(
      new GuardedConnectionFactory(shared_params, shared_handlers, guard_), socket, shared_params);
}

WebServer::~WebServer() { Stop(); }

void WebServer::Start() { server_->start(); }

void WebServer::Stop() {
  if (stopped_ || !server_) return;
  stopped_ = true;
  server_->stop();                            // no new connections
  end_connections_();                         // keep-alive loops end after their request
  guard_->EndAll();                           // and whoever is still waiting is cut off
  guard_->WaitIdle(std::chrono::seconds(5));  // before the context they use goes away
}

}  // namespace jrr::web
