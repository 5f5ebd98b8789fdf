// SPDX-License-Identifier: Apache-2.0
//
// The HTTP server on a real loopback port: explicit 404 (never 501), 405, the error boundary
// (500/503, never a dropped connection), security headers on every response, local assets only,
// and the explain API's JSON.
#include <gtest/gtest.h>
#include "jrr/web/router.h"
#include <sstream>
#include <fstream>

#include <Poco/URI.h>

#include <regex>
#include <stdexcept>

#include "jrr/domain/storage_error.h"
#include "jrr/web/web_server.h"
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
    server_ = std::make_unique<WebServer>(std::move(context), ServerOptions{.port = 0});
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
  EXPECT_NE(home.body.find("10002 人（うち外国人住民 250 人）"), std::string::npos) << "the town in figures";
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
  EXPECT_NE(overrun.body.find(R"("code":"invalid_input","rule_id":"date.era_overrun","message_ja":")"),
            std::string::npos) << overrun.body;
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
    EXPECT_TRUE(found != std::string::npos && found < next_path) << route.method << " " << route.path;
  }
}

}  // namespace
}  // namespace jrr::web
