// SPDX-License-Identifier: Apache-2.0
//
// The HTTP server on a real loopback port: explicit 404 (never 501), 405, the error boundary
// (500/503, never a dropped connection), security headers on every response, local assets only,
// and the explain API's JSON.
#include "jrr/web/server/web_server.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "jrr/domain/core/storage_error.h"
#include "jrr/web/server/router.h"
#include "support/http_client.h"

namespace jrr::web {
namespace {

using jrr::testing::Fetch;

RegisterStatus Ready(bool with_figures = false) {
  RegisterStatus status;
  status.schema_version = 1;
  status.latest_schema_version = 1;
  status.municipality = *Municipality::Create("990001", "架空市");
  if (with_figures) status.figures = RegisterFigures{10002, 250, 4300, 3404, 9828};
  return status;
}

class WebServerTest : public ::testing::Test {
 protected:
  void Start(std::function<RegisterStatus(bool)> status) {
    WebContext context;
    context.register_status = std::move(status);
    server_ = std::make_unique<WebServer>(std::move(context), EphemeralLoopback());
    server_->Start();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }
  uint16_t port() const { return server_->port(); }
  std::unique_ptr<WebServer> server_;
};

std::string Encode(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "&=+?#", out);
  return out;
}

TEST_F(WebServerTest, HealthzReportsTheRegister) {
  Start(Ready);
  auto reply = Fetch(port(), "/healthz");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(reply.body.find(R"("status":"ok")"), std::string::npos) << reply.body;
  EXPECT_NE(reply.body.find(R"("municipality_name":"架空市")"), std::string::npos);
}

TEST_F(WebServerTest, HealthzIsNotReadyBeforeInit) {
  Start([](bool) { return RegisterStatus{1, 1, std::nullopt, std::nullopt}; });
  auto reply = Fetch(port(), "/healthz");
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find(R"("status":"not_ready")"), std::string::npos);
}

TEST_F(WebServerTest, UnknownPathIs404NotPoco501) {
  Start(Ready);
  auto page = Fetch(port(), "/no/such/page");
  EXPECT_EQ(page.status, 404);
  EXPECT_NE(page.body.find("指定されたページは存在しません"), std::string::npos);
  auto api = Fetch(port(), "/api/v1/no-such");
  EXPECT_EQ(api.status, 404);
  EXPECT_NE(api.body.find(R"("rule_id":"http.not_found")"), std::string::npos) << api.body;
  EXPECT_NE(api.body.find(R"("code":"not_found")"), std::string::npos);
}

TEST_F(WebServerTest, WrongMethodIs405WithAllow) {
  Start(Ready);
  auto reply = Fetch(port(), "/healthz", "POST", "x");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.Header("Allow"), "GET");
  EXPECT_EQ(Fetch(port(), "/healthz", "HEAD").status, 200);
}

TEST_F(WebServerTest, AnExceptionBecomes500NotADroppedConnection) {
  Start([](bool) -> RegisterStatus { throw std::runtime_error("boom"); });
  auto page = Fetch(port(), "/");
  EXPECT_EQ(page.status, 500);
  EXPECT_NE(page.body.find("システム内部でエラー"), std::string::npos);
  auto api = Fetch(port(), "/healthz");
  EXPECT_EQ(api.status, 500);
  EXPECT_NE(api.body.find(R"("rule_id":"http.internal")"), std::string::npos);
  EXPECT_EQ(api.body.find("boom"), std::string::npos) << "internals are logged, not sent";
}

TEST_F(WebServerTest, AStorageFailureBecomes503) {
  Start([](bool) -> RegisterStatus { throw StorageError("storage.failure", "disk I/O error"); });
  auto reply = Fetch(port(), "/healthz");
  EXPECT_EQ(reply.status, 503);
  EXPECT_NE(reply.body.find(R"("rule_id":"storage.failure")"), std::string::npos);
}

TEST_F(WebServerTest, EveryResponseCarriesTheSecurityHeaders) {
  Start(Ready);
  for (const char* target : {"/", "/healthz", "/static/jrr.css", "/nope", "/api/v1/explain/date"}) {
    auto reply = Fetch(port(), target);
    const std::string csp = reply.Header("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << target;
    EXPECT_EQ(csp.find("http"), std::string::npos) << "no external origin: " << csp;
    EXPECT_EQ(reply.Header("X-Content-Type-Options"), "nosniff") << target;
    EXPECT_EQ(reply.Header("X-Frame-Options"), "DENY") << target;
    EXPECT_EQ(reply.Header("Referrer-Policy"), "no-referrer") << target;
  }
  EXPECT_EQ(Fetch(port(), "/").Header("Cache-Control"), "no-store");
}

TEST_F(WebServerTest, PagesUseOnlyLocalAssets) {
  Start(Ready);
  auto home = Fetch(port(), "/");
  ASSERT_EQ(home.status, 200);
  EXPECT_NE(home.body.find("架空市"), std::string::npos);
  EXPECT_NE(home.body.find("10002 人（うち外国人住民 250 人）"), std::string::npos)
      << "the town in figures";
  const std::regex external(R"((src|href|action)\s*=\s*"(https?:)?//)");
  EXPECT_FALSE(std::regex_search(home.body, external)) << "an external asset in the page";
  auto css = Fetch(port(), "/static/jrr.css");
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.body.find("url("), std::string::npos) << "no remote fonts or images";
}

// REQ: JK-1.1.8, JK-1.1.9
TEST_F(WebServerTest, ExplainDateApi) {
  Start(Ready);
  auto ok = Fetch(port(), "/api/v1/explain/date?text=" + Encode("令和元年5月1日"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find(R"("iso":"2019-05-01")"), std::string::npos) << ok.body;
  EXPECT_NE(ok.body.find(R"("wareki":"令和元年5月1日")"), std::string::npos);
  auto overrun = Fetch(port(), "/api/v1/explain/date?text=" + Encode("平成31年5月1日"));
  EXPECT_EQ(overrun.status, 400);
  EXPECT_NE(
      overrun.body.find(R"("code":"invalid_input","rule_id":"date.era_overrun","message_ja":")"),
      std::string::npos)
      << overrun.body;
  auto uncertain = Fetch(port(), "/api/v1/explain/date?text=" + Encode("令和3年頃"));
  EXPECT_EQ(uncertain.status, 422);
  auto koseki = Fetch(port(), "/api/v1/explain/date?policy=koseki&text=" + Encode("令和3年頃"));
  EXPECT_EQ(koseki.status, 200);
  EXPECT_NE(koseki.body.find(R"("form":"year_approx")"), std::string::npos) << koseki.body;
  auto bad_utf8 = Fetch(port(), "/api/v1/explain/date?text=%FF%FE");
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_NE(bad_utf8.body.find("text.invalid_utf8"), std::string::npos);
}

// REQ: JK-2.1.2, JK-1.1.13
TEST_F(WebServerTest, ExplainKeysAndCheckDigitApi) {
  Start(Ready);
  auto kana = Fetch(port(), "/api/v1/explain/kana-key?text=" + Encode("ｻﾄｳ"));
  EXPECT_NE(kana.body.find(R"("kana_key":"サトオ")"), std::string::npos) << kana.body;
  auto kanji = Fetch(port(), "/api/v1/explain/kanji-key?text=" + Encode("髙橋"));
  EXPECT_NE(kanji.body.find(R"("kanji_key":"高橋")"), std::string::npos) << kanji.body;
  auto digit = Fetch(port(), "/api/v1/explain/check-digit?kind=kojin&digits=12345678901");
  EXPECT_NE(digit.body.find(R"("number":"123456789018")"), std::string::npos) << digit.body;
  auto unissuable = Fetch(port(), "/api/v1/explain/check-digit?kind=atena&digits=000000006");
  EXPECT_EQ(unissuable.status, 422);
  auto kind = Fetch(port(), "/api/v1/explain/check-digit?kind=nope&digits=1");
  EXPECT_EQ(kind.status, 400);
}

TEST_F(WebServerTest, ToolPagesShowResultsAndErrorsInJapanese) {
  Start(Ready);
  auto ok = Fetch(port(), "/tools/date?text=" + Encode("R7.11.27"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_NE(ok.body.find("令和7年11月27日"), std::string::npos);
  auto bad = Fetch(port(), "/tools/date?text=" + Encode("平成31年5月1日"));
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("その元号は既に終わっています"), std::string::npos);
  auto escaped = Fetch(port(), "/tools/kanji-key?text=" + Encode("<script>"));
  EXPECT_EQ(escaped.body.find("<script>"), std::string::npos) << "user input is escaped";
}

// Every JSON route is described in docs/api/openapi.yaml, with its method.
TEST(OpenApiTest, EveryJsonRouteIsDescribed) {
  std::ifstream file(std::string(JRR_SOURCE_DIR) + "/docs/api/openapi.yaml");
  ASSERT_TRUE(file) << "docs/api/openapi.yaml";
  std::stringstream text;
  text << file.rdbuf();
  const std::string spec = text.str();
  for (const Route& route : Routes()) {
    if (!IsJsonPath(route.path)) continue;
    const auto at = spec.find("\n  " + std::string(route.path) + ":\n");
    ASSERT_NE(at, std::string::npos) << route.path;
    std::string method(route.method);
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const auto next_path = spec.find("\n  /", at + 1);
    const auto found = spec.find("\n    " + method + ":", at);
    EXPECT_TRUE(found != std::string::npos && found < next_path)
        << route.method << " " << route.path;
  }
}

// HTTPS (JK-10.3): with a certificate the server speaks TLS 1.2 or later only; plain HTTP may
// listen on loopback only; a certificate without its key is refused.
// REQ: JK-10.3
TEST(WebServerTls, HttpsWithTls12OrLaterAndPlainHttpOnLoopbackOnly) {
  const std::string dir = ::testing::TempDir() + "jrr-tls-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string cert = dir + "/cert.pem", key = dir + "/key.pem";
  const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + key + " -out " +
                           cert + " -days 1 -subj /CN=localhost >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << "openssl (scripts/install-deps)";

  ServerOptions open_plain;
  open_plain.host = "0.0.0.0";
  EXPECT_EQ(CheckListening(open_plain).error().rule_id, "web.tls_required");
  ServerOptions half = EphemeralLoopback();
  half.tls_certificate = cert;
  EXPECT_EQ(CheckListening(half).error().rule_id, "web.tls_incomplete");
  EXPECT_THROW(WebServer(WebContext{}, open_plain), std::invalid_argument);

  WebContext context;
  context.register_status = [](bool) { return Ready(); };
  ServerOptions tls = EphemeralLoopback();
  tls.tls_certificate = cert;
  tls.tls_private_key = key;
  WebServer server(std::move(context), tls);
  server.Start();
  Poco::Net::initializeSSL();
  Poco::Net::Context::Ptr client(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                        "", Poco::Net::Context::VERIFY_NONE));
  Poco::Net::HTTPSClientSession session("127.0.0.1", server.port(), client);
  Poco::Net::HTTPRequest request("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(response.getStatus(), 200);
  EXPECT_NE(body.find(R"("status":"ok")"), std::string::npos);
  // A client that offers nothing newer than TLS 1.1 gets no connection.
  Poco::Net::Context::Ptr old(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                                     Poco::Net::Context::VERIFY_NONE));
  old->disableProtocols(Poco::Net::Context::PROTO_TLSV1_2 | Poco::Net::Context::PROTO_TLSV1_3);
  Poco::Net::HTTPSClientSession old_session("127.0.0.1", server.port(), old);
  Poco::Net::HTTPRequest again("GET", "/healthz", Poco::Net::HTTPMessage::HTTP_1_1);
  EXPECT_ANY_THROW({
    old_session.sendRequest(again);
    Poco::Net::HTTPResponse r;
    old_session.receiveResponse(r);
  });
  // Plain HTTP to the TLS port is not served.
  EXPECT_ANY_THROW(Fetch(server.port(), "/healthz"));
  server.Stop();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace jrr::web
