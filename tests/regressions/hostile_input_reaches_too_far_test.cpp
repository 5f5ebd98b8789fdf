// SPDX-License-Identifier: Apache-2.0
//
// Defects where input from outside went further than it should:
//  - a typed 転入前住所 or 本籍 became a directory of `jrr cs deliver` / `jrr fuhyo deliver`
//    (path traversal: files with personal data written outside the shared folder);
//  - a 印影 image was decoded before the permission check, with no pixel limit (an image bomb);
//  - a few connections trickling header lines held every worker (slowloris), and a POST or
//    OPTIONS without Content-Length held a worker until the read timed out;
//  - `return-person` went into the Location header unchecked (CRLF injection);
//  - every status line read "… OK" whatever the status;
//  - screens answered 200 with a permission error in the page; a reversed audit period answered
//    200; a malformed URI was called "not found"; no HSTS over TLS;
//  - `jrr apply` refused a UTF-8 BOM as a control character, failed on a directory with an
//    internal error and read /dev/zero without end; `dpi` took "600abc"; an 閲覧 list with no area
//    listed the whole register.
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int kHeadSecondsForTest = web::kHeadSeconds;

// What one raw request gets back, read until the server closes or `seconds` pass.
std::string RawExchange(uint16_t port, const std::string& bytes, double seconds = 5) {
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(Poco::Timespan(static_cast<long>(seconds), 0));
  socket.sendBytes(bytes.data(), static_cast<int>(bytes.size()));
  std::string reply;
  char buffer[4096];
  try {
    for (;;) {
      const int n = socket.receiveBytes(buffer, sizeof buffer);
      if (n <= 0) break;
      reply.append(buffer, static_cast<std::size_t>(n));
      if (reply.find("\r\n\r\n") != std::string::npos &&
          reply.find("Content-Length: ") != std::string::npos) {
        const auto at = reply.find("Content-Length: ") + 16;
        const std::size_t length = std::stoul(reply.substr(at, reply.find("\r\n", at) - at));
        if (reply.size() >= reply.find("\r\n\r\n") + 4 + length) break;
      }
    }
  } catch (const Poco::Exception&) {
  }
  return reply;
}

// A PNG of width × height one-bit grey pixels, all white: tiny on disk, huge decoded.
std::string WhitePng(uint32_t width, uint32_t height) {
  auto be32 = [](std::string& out, uint32_t v) {
    for (int shift : {24, 16, 8, 0}) out += static_cast<char>((v >> shift) & 0xFF);
  };
  auto chunk = [&](std::string& out, const char* type, const std::string& data) {
    be32(out, static_cast<uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    be32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                          static_cast<uInt>(body.size()))));
  };
  std::string ihdr;
  be32(ihdr, width);
  be32(ihdr, height);
  ihdr +=
      std::string("\x01\x00\x00\x00\x00", 5);  // bit depth 1, grey, deflate, filter 0, no interlace
  const std::size_t row = 1 + (width + 7) / 8;
  std::string raw(row * height, '\xFF');
  for (std::size_t y = 0; y < height; ++y) raw[y * row] = 0;  // filter: none
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
            reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size()), 9);
  packed.resize(size);
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", packed);
  chunk(png, "IEND", "");
  return png;
}

std::string Base64(const std::string& bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                       (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                       static_cast<unsigned char>(bytes[i + 2]);
    for (int shift : {18, 12, 6, 0}) out += kAlphabet[(v >> shift) & 63];
  }
  if (i < bytes.size()) {
    uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

class HostileInput : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  }
};

// LAW: 住基法第30条の29 (安全確保措置)
TEST_F(HostileInput, DeliveryNeverWritesOutsideTheSharedFolder) {
  const std::string outside = dir_.File("PWNED");
  const std::string share = dir_.File("share");
  // A 転入前住所 whose "municipality" climbs out of the share.
  const std::string climbing = "北海道/../../../../../.." + outside + "/y市北一条西";
  auto moved =
      Apply(R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
    "persons":[{"family_name":"登山","given_name":"太郎","family_kana":"トザン","given_kana":"タロウ",
                "birth_date":"昭和60年1月1日","sex":"male","relationship":"世帯主",
                "domicile":{"place":"大阪府/../../../../../..)" +
            outside + R"(/x市中之島一丁目36番地","head_of_family":"登山　太郎"}}],
    "previous_address":{"text":")" +
            climbing + R"(","banchi":"1番"},
    "new_address":{"text":"架空県架空市桜町五丁目","banchi":"1番1号"}})");
  // Refused at entry, or queued for nobody: either way nothing lands outside.
  (void)moved;
  auto cs = Cli({"cs", "deliver", "--to", share});
  auto fuhyo = Cli({"fuhyo", "deliver", "--to", share});
  EXPECT_FALSE(std::filesystem::exists(outside)) << cs.out << cs.err << fuhyo.out << fuhyo.err;
  if (std::filesystem::exists(share)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(share)) {
      const std::string path = std::filesystem::weakly_canonical(entry.path()).string();
      EXPECT_EQ(path.rfind(std::filesystem::weakly_canonical(share).string(), 0), 0u) << path;
      EXPECT_EQ(path.find(".."), std::string::npos) << path;
    }
  }
}

// REQ: JK-10.3 (権限) — LAW: 住基法第30条の29
TEST_F(HostileInput, SealImageIsNeitherDecodedBeforeThePermissionNorWithoutALimit) {
  Serve();
  ReadyUser("kansa", "audit");
  ReadyUser("madoguchi", "view,change,issue");
  const std::string bomb = Base64(WhitePng(10000, 10000));
  ASSERT_LT(bomb.size(), 100'000u);
  const std::string body =
      R"({"person":"0000000019","image_base64":")" + bomb +
      R"(","dpi":"600","attest":"material,legibility","id_document":"運転免許証"})";
  auto started = Clock::now();
  auto auditor = Post("/api/v1/seals", body, LogIn("kansa"));
  EXPECT_EQ(auditor.status, 403) << auditor.body;
  EXPECT_EQ(JsonField(auditor.body, "rule_id"), "access.permission_denied");
  auto clerk = Post("/api/v1/seals", body, LogIn("madoguchi"));
  EXPECT_EQ(clerk.status, 400) << clerk.body;
  EXPECT_EQ(JsonField(clerk.body, "rule_id"), "seal.image_too_large") << clerk.body;
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 2.0) << "decoded anyway";
  // dpi is a number or nothing.
  auto lenient = Post("/api/v1/seals",
                      R"({"person":"0000000019","image_base64":")" + Base64(WhitePng(300, 300)) +
                          R"(","dpi":"600abc"})",
                      LogIn("madoguchi"));
  EXPECT_EQ(JsonField(lenient.body, "rule_id"), "seal.dpi_invalid") << lenient.body;
}

// A socket to the server from another loopback address (127.0.0.2): another client.
int ConnectFrom(const char* source, uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in local{};
  local.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &local.sin_addr);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0) return -1;
  sockaddr_in server{};
  server.sin_family = AF_INET;
  server.sin_port = htons(port);
  ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) return -1;
  return fd;
}

// LAW: 住基法第30条の29
TEST_F(HostileInput, SlowClientsCannotHoldEveryWorker) {
  Serve(4);
  // Eight connections from one client, each sending a header line every second and never ending.
  std::vector<int> slow;
  for (int i = 0; i < 8; ++i) {
    const int fd = ConnectFrom("127.0.0.2", port());
    ASSERT_GE(fd, 0);
    const std::string start = "GET /healthz HTTP/1.1\r\nHost: x\r\n";
    ::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    for (int second = 0; second < 20 && !stop; ++second) {
      for (int fd : slow) {
        const std::string line = "X-Slow: " + std::to_string(second) + "\r\n";
        ::send(fd, line.data(), line.size(), MSG_NOSIGNAL);
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  // Another client still gets answers promptly, while the slow one trickles on.
  for (int probe = 0; probe < 3; ++probe) {
    const auto started = Clock::now();
    const std::string reply =
        RawExchange(port(), "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 4);
    EXPECT_NE(reply.find("200"), std::string::npos) << "probe " << probe << ": " << reply;
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 2.0)
        << "probe " << probe;
    std::this_thread::sleep_for(std::chrono::seconds(2));
  }
  // Past the head deadline every slow connection has been closed by the server.
  std::this_thread::sleep_for(std::chrono::seconds(kHeadSecondsForTest));
  int closed = 0;
  for (int fd : slow) {
    char byte;
    const ssize_t n = ::recv(fd, &byte, 1, MSG_DONTWAIT);
    if (n == 0 || (n > 0)) ++closed;  // EOF, or the 503 of a refused one
  }
  EXPECT_EQ(closed, 8);
  stop = true;
  trickle.join();
  for (int fd : slow) ::close(fd);
}

// RFC 9112 §6.3: a request without Content-Length or chunked coding has no body.
TEST_F(HostileInput, RequestsWithoutALengthHaveNoBody) {
  Serve();
  for (const char* method : {"POST /api/v1/login", "OPTIONS /login", "PUT /healthz"}) {
    const auto started = Clock::now();
    const std::string reply = RawExchange(
        port(), std::string(method) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 10);
    EXPECT_NE(reply.find("HTTP/1.1 4"), std::string::npos) << method << ": " << reply;
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - started).count(), 2.0) << method;
  }
}

// RFC 9110 §15: the reason phrase of the status sent.
TEST_F(HostileInput, StatusLinesCarryTheirReason) {
  Serve();
  const std::pair<const char*, const char*> kLines[] = {
      {"GET /nowhere", "HTTP/1.1 404 Not Found\r\n"},
      {"GET /api/v1/users", "HTTP/1.1 401 Unauthorized\r\n"},
      {"GET /search", "HTTP/1.1 303 See Other\r\n"},
      {"DELETE /healthz", "HTTP/1.1 405 Method Not Allowed\r\n"},
  };
  for (const auto& [request, status] : kLines) {
    const std::string reply = RawExchange(
        port(), std::string(request) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    EXPECT_EQ(reply.rfind(status, 0), 0u) << request << ": " << reply;
  }
  // A malformed URI is a bad request, and says so.
  const std::string malformed =
      RawExchange(port(), "GET /search?name=% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(malformed.rfind("HTTP/1.1 400 Bad Request\r\n", 0), 0u) << malformed;
  EXPECT_NE(malformed.find("http.bad_request"), std::string::npos) << malformed;
}

// LAW: 住基法第30条の29
TEST_F(HostileInput, HeaderValuesCannotBeInjected) {
  Serve();
  ReadyUser("shien", "view,block,support_measure,release");
  auto officer = LogIn("shien");
  const std::string form =
      "csrf=" + officer.csrf +
      "&action=block-add&person=0000000035&operation=issue&level=alert&from=2026-12-01&reason=x"
      "&return-person=x%0d%0aSet-Cookie:%20injected=1";
  auto reply =
      Fetch(port(), "/protection", "POST", form,
            {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", officer.cookie}});
  EXPECT_EQ(reply.Header("Set-Cookie").find("injected"), std::string::npos)
      << reply.Header("Set-Cookie");
  for (const auto& [name, value] : reply.headers) {
    EXPECT_EQ(value.find('\r'), std::string::npos) << name;
    EXPECT_EQ(value.find('\n'), std::string::npos) << name;
    EXPECT_EQ(value.find("injected"), std::string::npos) << name << ": " << value;
  }
}

// REQ: JK-10.3, JK-10.2
TEST_F(HostileInput, ScreensRefuseWithARefusalStatus) {
  Serve();
  ReadyUser("kansa", "audit");
  auto auditor = LogIn("kansa");
  EXPECT_EQ(Get("/seal?person=0000000019", auditor).status, 403);
  auto reversed = Get("/api/v1/audit?from=2027-01-01&to=2026-01-01", auditor);
  EXPECT_EQ(reversed.status, 400) << reversed.body;
  EXPECT_EQ(JsonField(reversed.body, "rule_id"), "date.range_reversed");
}

// JSON where text belongs is an input error, never a failure of the server; the login API takes
// JSON only (a form posted from another site would log the browser into the account it names);
// a user ID is plain text for logs, cookies and command lines.
// REQ: JK-10.3
TEST_F(HostileInput, OddJsonAndOddIdsAreRefusedPlainly) {
  Serve();
  ReadyUser("madoguchi", "view,issue");
  auto clerk = LogIn("madoguchi");
  for (const char* body :
       {R"({"kind":null})", R"({"kind":["awaiting"],"days":{"a":1}})", R"({"kind":{"x":1}})"}) {
    auto odd = Post("/api/v1/notices", body, clerk);
    EXPECT_EQ(odd.status, 400) << body << odd.body;
    const std::string rule = JsonField(odd.body, "rule_id");
    EXPECT_TRUE(rule.starts_with("json.") || rule == "notice.unknown_kind") << odd.body;
  }
  auto form =
      Fetch(port(), "/api/v1/login", "POST", R"({"user_id":"madoguchi","password":"x","pad":"="})",
            {{"Content-Type", "text/plain"}});
  EXPECT_EQ(form.status, 400) << form.body;
  EXPECT_EQ(JsonField(form.body, "rule_id"), "http.json_required");
  EXPECT_TRUE(form.Header("Set-Cookie").empty());
  for (const char* id : {"a b", "../x", "名前", "x;y", "0123456789012345678901234567890123"}) {
    auto added = Cli({"user", "add", "--id", id, "--name", "x", "--permissions", "view"});
    EXPECT_EQ(added.status, 1) << id << added.out;
    EXPECT_NE(added.err.find("staff.id_invalid"), std::string::npos) << id << added.err;
  }
}

// The 閲覧 list is of an area: the whole register is not one list.
// LAW: 住基法第11条の2 — REQ: JK-9.5
TEST_F(HostileInput, InspectionListNeedsAnArea) {
  auto everyone = Cli({"certificate", "--kind", "etsuran", "--out", dir_.File("all.pdf")});
  EXPECT_EQ(everyone.status, 1) << everyone.out;
  EXPECT_NE(everyone.err.find("certificate.area_required"), std::string::npos) << everyone.err;
}

// Nor is a whole city named as the area: a list holds one 町字's people, or a few.
// LAW: 住基法第11条の2 — REQ: JK-9.5
TEST_F(HostileInput, InspectionListOfAWholeCityIsRefused) {
  const std::string town = dir_.File("town.db");
  ASSERT_EQ(RunCli({"sample", "--db", town, "--residents", "5200", "--seed", "7"}).status, 0);
  const int64_t issued = QueryInt(town, "SELECT count(*) FROM issuance");
  auto city = RunCli({"certificate", "--db", town, "--kind", "etsuran", "--area", "架空県架空市",
                      "--out", dir_.File("city.pdf")});
  EXPECT_EQ(city.status, 1) << city.out;
  EXPECT_NE(city.err.find("certificate.area_too_large"), std::string::npos) << city.err;
  EXPECT_EQ(QueryInt(town, "SELECT count(*) FROM issuance"), issued);
  auto one = RunCli({"certificate", "--db", town, "--kind", "etsuran", "--area",
                     "架空県架空市桜町一丁目", "--out", dir_.File("one.pdf")});
  EXPECT_EQ(one.status, 0) << one.err;
}

TEST_F(HostileInput, ApplyReadsFilesCarefully) {
  // A UTF-8 BOM (as Windows editors write) is not a control character.
  std::ofstream(dir_.File("bom.json"))
      << "\xEF\xBB\xBF"
      << R"({"type":"death","event_date":"2026-11-01","notification_date":"2026-11-02","addressee_number":"0000000035"})";
  auto bom = Cli({"apply", dir_.File("bom.json")});
  EXPECT_EQ(bom.status, 0) << bom.err;
  // A directory is bad usage, not an internal error.
  auto directory = Cli({"apply", dir_.path().string()});
  EXPECT_EQ(directory.status, 2) << directory.err;
  // An endless file stops at the size limit.
  auto endless = Cli({"apply", "/dev/zero"});
  EXPECT_NE(endless.status, 0);
  EXPECT_NE(endless.err.find("text.too_long"), std::string::npos) << endless.err;
}

}  // namespace
}  // namespace jrr::testing
