// SPDX-License-Identifier: Apache-2.0
//
// Defect: over TLS the server sent no Strict-Transport-Security header, so a browser that once
// reached the counter server over HTTPS could be led back to plain HTTP on another port.
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "jrr/web/server/web_server.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

// RFC 6797; LAW: 住基法第30条の29
TEST(TlsHeaders, HttpsAnswersCarryStrictTransportSecurity) {
  TempDir dir;
  const std::string cert = dir.File("cert.pem"), key = dir.File("key.pem");
  const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -keyout " + key + " -out " +
                           cert + " -days 1 -subj /CN=localhost >/dev/null 2>&1";
  ASSERT_EQ(std::system(make.c_str()), 0) << "openssl (scripts/install-deps)";
  web::WebContext context;
  context.register_status = [](bool) { return web::RegisterStatus{}; };
  web::ServerOptions tls = web::EphemeralLoopback();
  tls.tls_certificate = cert;
  tls.tls_private_key = key;
  web::WebServer server(std::move(context), tls);
  server.Start();
  Poco::Net::initializeSSL();
  Poco::Net::Context::Ptr client(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "",
                                                        "", Poco::Net::Context::VERIFY_NONE));
  Poco::Net::HTTPSClientSession session("127.0.0.1", server.port(), client);
  Poco::Net::HTTPRequest request("GET", "/help", Poco::Net::HTTPMessage::HTTP_1_1);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  session.receiveResponse(response);
  EXPECT_EQ(response.get("Strict-Transport-Security", ""), "max-age=31536000");
  server.Stop();
}

}  // namespace
}  // namespace jrr::testing
