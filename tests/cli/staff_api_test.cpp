// SPDX-License-Identifier: Apache-2.0
//
// The staff session over HTTP against the real server on a loopback port (JK-10.3): login with
// password and TOTP, the forced password change, session cookie and CSRF token, lock-out, and
// 照会/検索 through the gate with the user's own permissions.
#include <Poco/JSON/Parser.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include <ctime>
#include <fstream>

#include "jrr/domain/security/audit_analysis.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/web/security/totp.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "support/cli_runner.h"
#include "support/fixtures/seal_application.h"
#include "support/http_client.h"
#include "support/temp_dir.h"
#include "support/totp_steps.h"

namespace jrr::testing {
namespace {

const char* kFamily =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ",
              "birth_date":"昭和57年6月15日","sex":"female","relationship":"妻","domicile":{"state":"不明"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";

std::string Field(const std::string& json, const std::string& name) {
  Poco::JSON::Parser parser;
  auto object = parser.parse(json).extract<Poco::JSON::Object::Ptr>();
  return object->has(name) ? object->get(name).convert<std::string>() : "";
}

int64_t QueryInt(const std::string& path, const std::string& sql) {
  Database db(path, DatabaseOptions{.create_if_missing = false, .read_only = true});
  return db.QueryInt(sql);
}

std::string After(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return text.substr(start, text.find_first_of("\n ", start) - start);
}

std::string CodeFor(const std::string& secret) {
  static TotpSteps steps;
  return steps.Next(secret);
}

class StaffApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    std::ofstream(dir_.File("f.json")) << kFamily;
    ASSERT_EQ(RunCli({"apply", "--db", db_, dir_.File("f.json")}).status, 0);
    ASSERT_EQ(RunCli({"support", "--db", db_, "add", "--applicant", "0000000027"}).status, 0);
    auto served = app::OpenForServing(db_, 4);
    ASSERT_TRUE(served);
    server_ =
        std::make_unique<web::WebServer>(app::MakeWebContext(*served), web::EphemeralLoopback());
    server_->Start();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }
  // The 市区町村長 whose name the certificates print (their 認証者).
  void AddMayor() {
    ASSERT_EQ(RunCli({"settings", "--db", db_, "add-certifier", "--role", "mayor", "--title",
                      "架空市長", "--name", "架空　太郎", "--from", "2020-04-01"})
                  .status,
              0);
  }
  // Adds a user through the CLI, changes the initial password and enrols a second factor;
  // returns the secret.
  std::string ReadyUser(const std::string& id, const std::string& permissions, bool admin) {
    std::vector<std::string> add = {"user", "--db", db_, "add", "--id", id, "--name", "職員 " + id};
    if (admin) add.push_back("--admin");
    if (!permissions.empty()) {
      add.push_back("--permissions");
      add.push_back(permissions);
    }
    auto added = RunCli(add);
    EXPECT_EQ(added.status, 0) << added.err;
    // 照会 and the other sensitive permissions wait for a second administrator: approved at the
    // console by another operator, as setting up a register does.
    const std::string request = After(added.out, "jrr user approve --request ");
    std::string initial = After(added.out, "初期パスワード: ");
    if (!request.empty()) {
      // The approver is shown the initial password, not the one who made the account.
      EXPECT_TRUE(initial.empty()) << added.out;
      auto approved = RunCli(
          {"user", "--db", db_, "approve", "--request", request, "--operator", "second-admin"});
      EXPECT_EQ(approved.status, 0);
      initial = After(approved.out, "初期パスワード: ");
    }
    // First login over HTTP: the only thing the session may do is change the password.
    auto first =
        Post("/api/v1/login", R"({"user_id":")" + id + R"(","password":")" + initial + R"("})");
    EXPECT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(Field(first.body, "next"), "change_password");
    const std::string cookie =
        first.Header("Set-Cookie").substr(0, first.Header("Set-Cookie").find(';'));
    EXPECT_EQ(Get("/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", cookie).status,
              403);
    auto changed = Post(
        "/api/v1/password",
        R"({"old_password":")" + initial + R"(","new_password":"passphrase-of-)" + id + R"("})",
        cookie, Field(first.body, "csrf_token"));
    EXPECT_EQ(changed.status, 200) << changed.body;
    auto issued = RunCli({"user", "--db", db_, "enrol", "--id", id});
    const std::string secret = After(issued.out, "秘密鍵: ");
    EXPECT_EQ(RunCli({"user", "--db", db_, "enrol", "--id", id, "--secret", secret, "--code",
                      CodeFor(secret)})
                  .status,
              0);
    return secret;
  }
  HttpReply Post(const std::string& target, const std::string& body, const std::string& cookie = "",
                 const std::string& csrf = "") {
    std::map<std::string, std::string> headers{{"Content-Type", "application/json"}};
    if (!cookie.empty()) headers["Cookie"] = cookie;
    if (!csrf.empty()) headers["X-CSRF-Token"] = csrf;
    return Fetch(server_->port(), target, "POST", body, headers);
  }
  HttpReply Get(const std::string& target, const std::string& cookie = "") {
    std::map<std::string, std::string> headers;
    if (!cookie.empty()) headers["Cookie"] = cookie;
    return Fetch(server_->port(), target, "GET", "", headers);
  }
  struct Login {
    std::string cookie;
    std::string csrf;
  };
  Login LogIn(const std::string& id, const std::string& secret) {
    auto in = Post("/api/v1/login", R"({"user_id":")" + id + R"(","password":"passphrase-of-)" +
                                        id + R"(","code":")" + CodeFor(secret) + R"("})");
    EXPECT_EQ(in.status, 200) << in.body;
    EXPECT_EQ(Field(in.body, "next"), "done");
    const std::string set_cookie = in.Header("Set-Cookie");
    EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
    return Login{set_cookie.substr(0, set_cookie.find(';')), Field(in.body, "csrf_token")};
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<web::WebServer> server_;
};

// REQ: JK-10.3, JK-2.1.3, JK-2.2.4
TEST_F(StaffApiTest, LoginWithTwoFactorsThenSearchAndViewThroughTheGate) {
  const std::string secret = ReadyUser("admin01", "", true);
  // Without a session nothing is shown.
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019").status, 401);
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", "jrr_session=forged").status, 401);
  // Password alone is not enough once the second factor is enrolled.
  auto one_factor =
      Post("/api/v1/login", R"({"user_id":"admin01","password":"passphrase-of-admin01"})");
  EXPECT_EQ(one_factor.status, 401);
  EXPECT_EQ(Field(one_factor.body, "rule_id"), "auth.failed");
  EXPECT_FALSE(Field(one_factor.body, "message_ja").empty());
  const Login admin = LogIn("admin01", secret);
  const Login again = LogIn("admin01", secret);
  EXPECT_NE(admin.cookie, again.cookie);  // a new session id at every login
  auto found = Get("/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", admin.cookie);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("\"marker\":\"支援措置対象者（DV）\""), std::string::npos)
      << found.body;
  auto shown = Get(
      "/api/v1/resident?atena=0000000019&as_of=%E4%BB%A4%E5%92%8C8%E5%B9%B411%E6%9C%881%E6%97%A5",
      admin.cookie);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_NE(shown.body.find("\"addressee_number\":\"0000000019\""), std::string::npos);
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000000", admin.cookie).status, 404);
  EXPECT_EQ(Get("/api/v1/search?sex=male", admin.cookie).status, 400);  // no indexed key
  // State-changing requests need the session's CSRF token.
  EXPECT_EQ(Post("/api/v1/logout", "{}", admin.cookie).status, 403);
  EXPECT_EQ(Post("/api/v1/logout", "{}", admin.cookie, "wrong").status, 403);
  EXPECT_EQ(Post("/api/v1/logout", "{}", admin.cookie, admin.csrf).status, 200);
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", admin.cookie).status, 401);
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", again.cookie).status, 200);
  // Bad bodies are refused with a Japanese message, never a crash.
  auto malformed = Post("/api/v1/login", "{not json");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_FALSE(Field(malformed.body, "message_ja").empty());
  EXPECT_EQ(Post("/api/v1/login", R"({"user_id":5})").status, 400);
  auto not_utf8 = Post("/api/v1/login", "{\"user_id\":\"\xff\xfe\"}");
  EXPECT_EQ(not_utf8.status, 400);
  EXPECT_EQ(Field(not_utf8.body, "rule_id"), "text.invalid_utf8");
  // A body larger than 1 MiB is refused with 413, whether the client sends it in full (the server
  // reads and drops it, so the answer is not lost to a reset) or only announces it.
  auto oversized = Post("/api/v1/login", std::string(2'000'000, 'x'));
  EXPECT_EQ(oversized.status, 413);
  EXPECT_EQ(Field(oversized.body, "rule_id"), "text.too_long");
  {
    Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", server_->port()));
    const std::string head =
        "POST /api/v1/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 2000000\r\n\r\n{}";
    socket.sendBytes(head.data(), static_cast<int>(head.size()));
    char reply[64] = {0};
    socket.receiveBytes(reply, sizeof reply - 1);
    EXPECT_EQ(std::string(reply).substr(0, 12), "HTTP/1.1 413");
  }
  auto form_not_utf8 = Fetch(server_->port(), "/login", "POST", "user_id=%FF%FE&password=x",
                             {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form_not_utf8.status, 400);
  EXPECT_NE(form_not_utf8.body.find("text.invalid_utf8"), std::string::npos);
}

// REQ: JK-10.3, JK-10.4
TEST_F(StaffApiTest, AClerkHasOnlyTheirPermissionsAndRepeatedFailuresLock) {
  ReadyUser("admin01", "", true);
  const std::string secret = ReadyUser("clerk01", "view", false);
  const Login clerk = LogIn("clerk01", secret);
  // No 個人番号 permission: searching by it is refused, and records come without it.
  EXPECT_EQ(Get("/api/v1/search?kojin=123456789018", clerk.cookie).status, 403);
  auto shown = Get("/api/v1/resident?atena=0000000019", clerk.cookie);
  ASSERT_EQ(shown.status, 200);
  EXPECT_NE(shown.body.find("\"individual_number\":\"\""), std::string::npos);
  // The 支援措置 shows to this clerk only as a restriction, like any 抑止: not that it is one.
  auto masked = Get("/api/v1/resident?atena=0000000027", clerk.cookie);
  EXPECT_NE(masked.body.find("\"marker\":\"抑止対象\""), std::string::npos) << masked.body;
  EXPECT_NE(masked.body.find("\"support_target\":false"), std::string::npos) << masked.body;
  // The 支援措置 database is the officer's only.
  auto details = Get("/support?id=1", clerk.cookie);
  EXPECT_EQ(details.status, 403);
  EXPECT_NE(details.body.find("access.permission_denied"), std::string::npos);
  EXPECT_EQ(Get("/resident?atena=0000000027", clerk.cookie).body.find("/support?id="),
            std::string::npos);
  // Five wrong passwords lock the account, even for the right one afterwards.
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(
        Post("/api/v1/login", R"({"user_id":"clerk01","password":"guess","code":"000000"})").status,
        401);
  }
  auto locked =
      Post("/api/v1/login", R"({"user_id":"clerk01","password":"passphrase-of-clerk01","code":")" +
                                CodeFor(secret) + R"("})");
  EXPECT_EQ(locked.status, 401);
  EXPECT_EQ(Field(locked.body, "rule_id"), "auth.locked");
  ASSERT_EQ(RunCli({"user", "--db", db_, "unlock", "--id", "clerk01"}).status, 0);
  LogIn("clerk01", secret);
  // Everything above is in the アクセスログ.
  auto failures = RunCli({"audit", "--db", db_, "search", "--action", "login_failure"});
  EXPECT_NE(failures.out.find("該当 6 件"), std::string::npos) << failures.out;
}

std::string FormEncode(const std::map<std::string, std::string>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    std::string encoded;
    Poco::URI::encode(value, "&=+;/?#", encoded);
    body += (body.empty() ? "" : "&") + name + "=" + encoded;
  }
  return body;
}

// The CSRF token a screen's form carries.
std::string CsrfIn(const std::string& html) {
  const std::string marker = "name=\"csrf\" value=\"";
  const auto at = html.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return html.substr(start, html.find('"', start) - start);
}

std::string CookieOf(const HttpReply& reply) {
  const std::string set = reply.Header("Set-Cookie");
  return set.substr(0, set.find(';'));
}

// Logs in through the form as a browser does: the login page first, whose token goes back with
// the form and in the cookie the page set (login CSRF).
HttpReply PostLoginForm(uint16_t port, std::map<std::string, std::string> fields) {
  auto page = Fetch(port, "/login");
  std::map<std::string, std::string> with_token = std::move(fields);
  with_token["csrf"] = CsrfIn(page.body);
  return Fetch(port, "/login", "POST", FormEncode(with_token),
               {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", CookieOf(page)}});
}

// The screens, as a clerk's browser uses them: forms, redirects, the cookie and the CSRF field.
// REQ: JK-10.3, JK-2.1.3, JK-2.2.3, JK-2.2.4, JK-1.1.16
TEST_F(StaffApiTest, TheCounterScreensFromLoginToTheResidentView) {
  auto anonymous = Get("/search");
  EXPECT_EQ(anonymous.status, 303);
  EXPECT_EQ(anonymous.Header("Location"), "/login");
  auto login_page = Get("/login");
  ASSERT_EQ(login_page.status, 200);
  EXPECT_NE(login_page.body.find("<label for=\"code\">"), std::string::npos);
  auto added =
      RunCli({"user", "--db", db_, "add", "--admin", "--id", "admin01", "--name", "管理 太郎"});
  const std::string initial = After(added.out, "初期パスワード: ");
  const std::map<std::string, std::string> form_header{
      {"Content-Type", "application/x-www-form-urlencoded"}};
  auto wrong = PostLoginForm(server_->port(), {{"user_id", "admin01"}, {"password", "nope"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("利用者ID、パスワードまたは認証コードが正しくありません。"),
            std::string::npos);
  auto first = PostLoginForm(server_->port(), {{"user_id", "admin01"}, {"password", initial}});
  ASSERT_EQ(first.status, 303);
  EXPECT_EQ(first.Header("Location"), "/password");
  const std::string step_cookie = CookieOf(first);
  EXPECT_EQ(Get("/search", step_cookie).Header("Location"), "/password");
  auto password_page = Get("/password", step_cookie);
  const std::string csrf = CsrfIn(password_page.body);
  ASSERT_EQ(csrf.size(), 64u);
  std::map<std::string, std::string> with_cookie = form_header;
  with_cookie["Cookie"] = step_cookie;
  auto forged =
      Fetch(server_->port(), "/password", "POST",
            FormEncode({{"old_password", initial}, {"new_password", "passphrase-of-admin01"}}),
            with_cookie);
  EXPECT_EQ(forged.status, 403);  // no CSRF field
  auto changed = Fetch(
      server_->port(), "/password", "POST",
      FormEncode(
          {{"csrf", csrf}, {"old_password", initial}, {"new_password", "passphrase-of-admin01"}}),
      with_cookie);
  ASSERT_EQ(changed.status, 303);
  EXPECT_EQ(changed.Header("Location"), "/login?changed=1");
  // Next login: the second factor is enrolled on its own screen, with a QR code to scan.
  auto second = PostLoginForm(server_->port(),
                              {{"user_id", "admin01"}, {"password", "passphrase-of-admin01"}});
  ASSERT_EQ(second.status, 303);
  EXPECT_EQ(second.Header("Location"), "/enrol");
  const std::string enrol_cookie = CookieOf(second);
  EXPECT_EQ(Get("/search", enrol_cookie).Header("Location"), "/enrol");
  auto enrol_page = Get("/enrol", enrol_cookie);
  ASSERT_EQ(enrol_page.status, 200);
  EXPECT_NE(enrol_page.body.find("<svg"), std::string::npos);
  const auto secret_at = enrol_page.body.find("<code>");
  const std::string secret = enrol_page.body.substr(secret_at + 6, 32);
  std::map<std::string, std::string> enrol_headers = form_header;
  enrol_headers["Cookie"] = enrol_cookie;
  auto bad_code =
      Fetch(server_->port(), "/enrol", "POST",
            FormEncode({{"csrf", CsrfIn(enrol_page.body)}, {"code", "000000"}}), enrol_headers);
  EXPECT_EQ(bad_code.status, 422);
  EXPECT_NE(bad_code.body.find("staff.code_invalid"), std::string::npos);
  auto enrolled = Fetch(server_->port(), "/enrol", "POST",
                        FormEncode({{"csrf", CsrfIn(enrol_page.body)}, {"code", CodeFor(secret)}}),
                        enrol_headers);
  ASSERT_EQ(enrolled.status, 303);
  EXPECT_EQ(enrolled.Header("Location"), "/login?enrolled=1");
  auto in = PostLoginForm(
      server_->port(),
      {{"user_id", "admin01"}, {"password", "passphrase-of-admin01"}, {"code", CodeFor(secret)}});
  ASSERT_EQ(in.status, 303);
  EXPECT_EQ(in.Header("Location"), "/search");
  const std::string cookie = CookieOf(in);
  // Search by kana: the table marks the 支援措置 target.
  auto results = Get("/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", cookie);
  ASSERT_EQ(results.status, 200) << results.body;
  EXPECT_NE(results.body.find("該当 2 件"), std::string::npos);
  EXPECT_NE(results.body.find("支援措置対象者（DV）"), std::string::npos);
  EXPECT_NE(results.body.find("href=\"/resident?atena=0000000019\""), std::string::npos);
  auto refused = Get("/search?sex=male", cookie);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("search.no_key"), std::string::npos);
  // The resident view: the record, the marker, each name character with its code point, history.
  auto person = Get("/resident?atena=0000000027", cookie);
  ASSERT_EQ(person.status, 200) << person.body;
  EXPECT_NE(person.body.find("架空　花子"), std::string::npos);
  EXPECT_NE(person.body.find("U+67B6"), std::string::npos);  // 架
  EXPECT_NE(person.body.find("支援措置対象者（DV）"), std::string::npos);
  EXPECT_NE(person.body.find("国内転入"), std::string::npos);
  // JK-1.1.16: from the marker to the 支援措置 database.
  EXPECT_NE(person.body.find("href=\"/support?id=1\""), std::string::npos);
  auto measure = Get("/support?id=1", cookie);
  ASSERT_EQ(measure.status, 200) << measure.body;
  EXPECT_NE(measure.body.find("支援措置期間中"), std::string::npos);
  EXPECT_NE(measure.body.find("href=\"/resident?atena=0000000027\""), std::string::npos);
  EXPECT_EQ(Get("/support?id=99", cookie).status, 404);
  EXPECT_EQ(Get("/resident?atena=0000000000", cookie).status, 404);
  // Logging out ends the session.
  std::map<std::string, std::string> logout_headers = form_header;
  logout_headers["Cookie"] = cookie;
  auto out = Fetch(server_->port(), "/logout", "POST", FormEncode({{"csrf", CsrfIn(results.body)}}),
                   logout_headers);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Get("/search", cookie).Header("Location"), "/login");
}

// 異動 over the API: 入力確認, record, アラート acknowledgement, 仮登録 and 本登録 with their own
// permissions, 異動抑止 — every refusal with its rule id and nothing half-written.
// REQ: JK-4.0.8, JK-4.0.9, JK-10.3, JK-3.1, JK-11.1
TEST_F(StaffApiTest, ChangesThroughTheApiWithCheckProvisionalAndApproval) {
  const Login admin = LogIn("admin01", ReadyUser("admin01", "", true));
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change", false));
  const std::string move =
      R"({"type":"within_move","event_date":"2026-11-20","notification_date":"2026-11-21",
    "movers":["0000000019","0000000027"],"new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"}})";
  const auto changes = [&]() { return QueryInt(db_, "SELECT count(*) FROM change_record"); };
  const int64_t before = changes();
  // 入力確認 records nothing; without the CSRF token nothing happens at all.
  auto checked = Post("/api/v1/changes?mode=check", move, clerk.cookie, clerk.csrf);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_NE(checked.body.find("\"change_id\":0"), std::string::npos)
      << checked.body;  // not recorded
  EXPECT_NE(checked.body.find("\"history_number\":2"), std::string::npos);
  EXPECT_EQ(Post("/api/v1/changes", move, clerk.cookie).status, 403);
  EXPECT_EQ(changes(), before);
  // Rule violations and unacknowledged アラート are refused with their rule ids.
  auto future =
      Post("/api/v1/changes",
           R"({"type":"within_move","event_date":"2099-01-01","notification_date":"2026-11-21",
    "movers":["0000000019"],"new_address":{"text":"架空県架空市桜町二丁目","banchi":"1番"}})",
           clerk.cookie, clerk.csrf);
  EXPECT_EQ(future.status, 422);
  EXPECT_EQ(Field(future.body, "rule_id"), "change.event_date_future");
  EXPECT_EQ(Post("/api/v1/changes", "{\"type\":", clerk.cookie, clerk.csrf).status, 400);
  EXPECT_EQ(changes(), before);
  // 仮登録 by the clerk; the clerk cannot approve it, the administrator can.
  auto entered = Post("/api/v1/changes?mode=provisional", move, clerk.cookie, clerk.csrf);
  ASSERT_EQ(entered.status, 201) << entered.body;
  const std::string pending_id = Field(entered.body, "pending_id");
  auto listed = Get("/api/v1/pending", clerk.cookie);
  EXPECT_NE(listed.body.find("\"pending_id\":" + pending_id), std::string::npos) << listed.body;
  auto not_allowed = Post("/api/v1/pending/approve?id=" + pending_id, "", clerk.cookie, clerk.csrf);
  EXPECT_EQ(not_allowed.status, 403);
  EXPECT_EQ(Field(not_allowed.body, "rule_id"), "access.permission_denied");
  EXPECT_EQ(changes(), before);
  auto approved = Post("/api/v1/pending/approve?id=" + pending_id, "", admin.cookie, admin.csrf);
  ASSERT_EQ(approved.status, 201) << approved.body;
  EXPECT_EQ(changes(), before + 1);
  EXPECT_EQ(Post("/api/v1/pending/approve?id=" + pending_id, "", admin.cookie, admin.csrf).status,
            404);
  // The 仮登録 screen: list, then 本登録 by a form with the CSRF field.
  auto second =
      Post("/api/v1/changes?mode=provisional", R"({"type":"within_move","event_date":"2026-11-23",
    "notification_date":"2026-11-23","movers":["0000000019","0000000027"],
    "new_address":{"text":"架空県架空市桜町二丁目","banchi":"9番9号"}})",
           clerk.cookie, clerk.csrf);
  ASSERT_EQ(second.status, 201) << second.body;
  auto screen = Get("/pending", admin.cookie);
  ASSERT_EQ(screen.status, 200);
  EXPECT_NE(screen.body.find("仮登録 1 件"), std::string::npos) << screen.body;
  EXPECT_NE(screen.body.find("href=\"/resident?atena=0000000019\""), std::string::npos);
  const std::string second_id = Field(second.body, "pending_id");
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", admin.cookie}};
  EXPECT_EQ(Fetch(server_->port(), "/pending/approve", "POST", "id=" + second_id, form).status,
            403);  // no CSRF
  auto decided = Fetch(server_->port(), "/pending/approve", "POST",
                       "id=" + second_id + "&csrf=" + admin.csrf, form);
  EXPECT_EQ(decided.status, 200);
  EXPECT_NE(decided.body.find("を本登録しました"), std::string::npos);
  EXPECT_NE(decided.body.find("仮登録 0 件"), std::string::npos);
  EXPECT_EQ(changes(), before + 2);
  EXPECT_EQ(Post("/api/v1/pending/withdraw?id=abc", "", admin.cookie, admin.csrf).status, 404);
  // 異動抑止 on the household: refused for everyone, with 403.
  ASSERT_EQ(RunCli({"block", "--db", db_, "add", "--person", "0000000019", "--operation", "change"})
                .status,
            0);
  auto blocked =
      Post("/api/v1/changes",
           R"({"type":"within_move","event_date":"2026-11-22","notification_date":"2026-11-22",
    "movers":["0000000019","0000000027"],"new_address":{"text":"架空県架空市桜町三丁目","banchi":"5番"}})",
           admin.cookie, admin.csrf);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_EQ(Field(blocked.body, "rule_id"), "protection.blocked");
  EXPECT_EQ(changes(), before + 2);
}

// Certificates over the API and from the issuance screen: the PDF comes back with its 交付番号
// and 発行番号; the requester's ceiling, the permission and the 支援措置 gate refuse as JSON or on
// the form; every issuance is in the 交付履歴.
// REQ: JK-5.1, JK-1.3.8, JK-3.4
// LAW: 住基法第12条の3
TEST_F(StaffApiTest, CertificatesThroughTheApiAndTheScreen) {
  AddMayor();
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,issue", false));
  const Login viewer = LogIn("view01", ReadyUser("view01", "view", false));
  // 花子 (0000000027) is a 支援措置 target: her household's copies print her address, so 一郎's is
  // refused too until the officer releases the measure (tests/regressions).
  auto shared = Post("/api/v1/certificates",
                     R"({"kind":"juminhyo","person":"0000000019","with":["zokugara"]})",
                     clerk.cookie, clerk.csrf);
  EXPECT_EQ(shared.status, 403) << shared.body;
  EXPECT_EQ(Field(shared.body, "rule_id"), "support.issue_blocked");
  // Refusals, each as {code, rule_id, message_ja}.
  auto third = Post(
      "/api/v1/certificates",
      R"({"person":"0000000019","requester":"third-party","purpose":"相続","with":["kojin-bango"]})",
      clerk.cookie, clerk.csrf);
  EXPECT_EQ(third.status, 422);
  EXPECT_EQ(Field(third.body, "rule_id"), "certificate.item_not_allowed");
  auto household = Post("/api/v1/certificates", R"({"person":"0000000019","household":true})",
                        clerk.cookie, clerk.csrf);
  EXPECT_EQ(household.status, 403);
  EXPECT_EQ(Field(household.body, "rule_id"), "support.issue_blocked");
  auto no_permission =
      Post("/api/v1/certificates", R"({"person":"0000000019"})", viewer.cookie, viewer.csrf);
  EXPECT_EQ(no_permission.status, 403);
  EXPECT_EQ(Field(no_permission.body, "rule_id"), "access.permission_denied");
  EXPECT_EQ(Post("/api/v1/certificates", R"({"person":"0000000019"})", clerk.cookie).status,
            403);  // no CSRF
  auto bad_kind = Post("/api/v1/certificates", R"({"person":"0000000019","kind":"koseki"})",
                       clerk.cookie, clerk.csrf);
  EXPECT_EQ(bad_kind.status, 400);
  EXPECT_EQ(Field(bad_kind.body, "rule_id"), "certificate.unknown_kind");
  EXPECT_EQ(Post("/api/v1/certificates", R"({"person":{"x":1}})", clerk.cookie, clerk.csrf).status,
            400);
  // The screen: the form; a refusal comes back on the form in Japanese.
  auto form = Get("/certificate?person=0000000019", clerk.cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("value=\"0000000019\""), std::string::npos);
  std::map<std::string, std::string> headers{{"Content-Type", "application/x-www-form-urlencoded"},
                                             {"Cookie", clerk.cookie}};
  auto refused = Fetch(
      server_->port(), "/certificate", "POST",
      FormEncode({{"csrf", clerk.csrf}, {"person", "0000000019"}, {"household", "1"}}), headers);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("支援措置の対象者が含まれるため"), std::string::npos);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), 0);
  // After review the 支援措置 officer releases the measure to this clerk: the copies issue.
  ASSERT_EQ(RunCli({"support", "--db", db_, "release", "1", "--to-operator", "clerk01", "--minutes",
                    "30", "--reason", "審査済み"})
                .status,
            0);
  auto pdf = Post("/api/v1/certificates",
                  R"({"kind":"juminhyo","person":"0000000019","with":["zokugara"]})", clerk.cookie,
                  clerk.csrf);
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_EQ(pdf.Header("Content-Type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  EXPECT_EQ(pdf.Header("X-Jrr-Issuance-Id"), "1");
  EXPECT_EQ(pdf.Header("X-Jrr-Sheets"), "1");
  EXPECT_NE(pdf.Header("X-Jrr-Issue-Numbers").find("%E6%9E%B6%E7%A9%BA%E5%B8%82"),
            std::string::npos);  // 架空市
  auto printed = Fetch(server_->port(), "/certificate", "POST",
                       FormEncode({{"csrf", clerk.csrf},
                                   {"person", "0000000019"},
                                   {"kind", "juminhyo"},
                                   {"household", "0"},
                                   {"item-zokugara", "1"},
                                   {"copies", "2"}}),
                       headers);
  ASSERT_EQ(printed.status, 201) << printed.body.substr(0, 400);
  EXPECT_TRUE(printed.body.starts_with("%PDF-"));
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM issuance"), 2);
  EXPECT_EQ(QueryInt(db_, "SELECT copies FROM issuance WHERE issuance_id = 2"), 2);
}

// 印鑑登録 over the API and from the screen: an application with the impression as base64, the
// 原票, the certificate as PDF with the card, 廃止; the screen takes the image as a file upload.
// LAW: 印鑑条例 (登録, 証明書の交付, 廃止)
TEST_F(StaffApiTest, SealRegistrationThroughTheApiAndTheScreen) {
  AddMayor();
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change,issue", false));
  const SealApplication sample = SampleSealApplication(dir_, "0000000019");
  const std::string& body = sample.json;
  const std::string& png = sample.png;
  auto applied = Post("/api/v1/seals", body, clerk.cookie, clerk.csrf);
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(Field(applied.body, "state"), "active");
  EXPECT_EQ(Field(applied.body, "registration_number"), "000001");
  EXPECT_EQ(Field(applied.body, "smallest_square_tenths_mm"), "140");
  auto again = Post("/api/v1/seals", body, clerk.cookie, clerk.csrf);
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(Field(again.body, "rule_id"), "seal.already_registered");
  auto listed = Get("/api/v1/seals?person=0000000019", clerk.cookie);
  EXPECT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("\"card_number\":\"K000001\""), std::string::npos);
  auto wrong = Post("/api/v1/seals/certificate", R"({"person":"0000000019","card":"K000009"})",
                    clerk.cookie, clerk.csrf);
  EXPECT_EQ(Field(wrong.body, "rule_id"), "seal.card_mismatch");
  // The certificate prints 一郎's address, where the 支援措置 target 花子 lives: refused until the
  // officer releases the measure to this clerk.
  auto shared = Post("/api/v1/seals/certificate", R"({"person":"0000000019","card":"K000001"})",
                     clerk.cookie, clerk.csrf);
  EXPECT_EQ(Field(shared.body, "rule_id"), "support.issue_blocked") << shared.body;
  ASSERT_EQ(RunCli({"support", "--db", db_, "release", "1", "--to-operator", "clerk01", "--minutes",
                    "30", "--reason", "審査済み"})
                .status,
            0);
  auto pdf = Post("/api/v1/seals/certificate", R"({"person":"0000000019","card":"K000001"})",
                  clerk.cookie, clerk.csrf);
  ASSERT_EQ(pdf.status, 201) << pdf.body;
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
  auto unknown =
      Post("/api/v1/seals/step", R"({"step":"explode","key":"000001"})", clerk.cookie, clerk.csrf);
  EXPECT_EQ(Field(unknown.body, "rule_id"), "seal.unknown_step");
  // 廃止申請: the entry ends and stays.
  auto abolished =
      Post("/api/v1/seals/step", R"({"step":"abolish","key":"000001"})", clerk.cookie, clerk.csrf);
  ASSERT_EQ(abolished.status, 200) << abolished.body;
  EXPECT_EQ(Field(abolished.body, "state"), "ended");
  // The screen: a multipart upload for someone else in the register.
  auto page = Get("/seal?person=0000000019", clerk.cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("廃止申請"), std::string::npos);
  const std::string boundary = "jrrBoundary7MA4YWxk";
  auto part = [&](const std::string& name, const std::string& value) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" +
           value + "\r\n";
  };
  std::string multipart = part("csrf", clerk.csrf) + part("person", "0000000019") +
                          part("dpi", "600") + part("route", "inquiry") + part("material", "1") +
                          part("legibility", "1");
  multipart += "--" + boundary +
               "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"seal.png\"\r\n"
               "Content-Type: image/png\r\n\r\n" +
               png + "\r\n--" + boundary + "--\r\n";
  auto uploaded = Fetch(
      server_->port(), "/seal/apply", "POST", multipart,
      {{"Content-Type", "multipart/form-data; boundary=" + boundary}, {"Cookie", clerk.cookie}});
  ASSERT_EQ(uploaded.status, 200) << uploaded.body.substr(0, 600);
  EXPECT_NE(uploaded.body.find("照会中として受け付けました"), std::string::npos);
  EXPECT_NE(uploaded.body.find("照会書（PDF）"), std::string::npos);
  auto letter = Post("/api/v1/seals/inquiry?id=2", "", clerk.cookie, clerk.csrf);
  EXPECT_EQ(letter.status, 201);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM seal_issuance"), 1);
}

// 戸籍の附票 on the web: the family's 本籍 is here, so the 転入 made its 附票; search and view it, and
// receive a notice from another system once, a mismatching one refused with its reply.
// REQ: JK-7.2.4, JK-10.4
// LAW: 住基法第19条
TEST_F(StaffApiTest, FuhyoThroughTheApiAndTheScreen) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change", false));
  const Login viewer = LogIn("view01", ReadyUser("view01", "view", false));
  std::string q;
  Poco::URI::encode("桜町一丁目", "", q);
  auto found = Get("/api/v1/fuhyo?q=" + q, clerk.cookie);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("\"head_of_family\":\"架空　一郎\""), std::string::npos) << found.body;
  auto one = Get("/api/v1/fuhyo?id=1", clerk.cookie);
  ASSERT_EQ(one.status, 200);
  EXPECT_NE(one.body.find("架空県架空市桜町一丁目1番2号"), std::string::npos) << one.body;
  std::string notice =
      "FUHYO-NOTICE/"
      "1\nnotice_id=架空県他市-1\nfrom=架空県他市\nto=架空県架空市\ndomicile="
      "架空県架空市桜町一丁目1番地\n"
      "head_of_family=架空　一郎\nfamily_name=架空\ngiven_name=一郎\nbirth_date=1980-04-01\nsex=1\n"
      "resident_record_code=\naddress=架空県他市本町1番1号\nabroad=0\nsince=2026-11-25\nsent_on="
      "2026-11-26\n";
  EXPECT_EQ(Post("/api/v1/fuhyo/notices", notice, viewer.cookie, viewer.csrf).status,
            403);  // needs 異動入力
  auto applied = Post("/api/v1/fuhyo/notices", notice, clerk.cookie, clerk.csrf);
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(Post("/api/v1/fuhyo/notices", notice, clerk.cookie, clerk.csrf).status,
            200);  // once only
  std::string mismatch = notice;
  mismatch.replace(mismatch.find("架空県他市-1"), std::string("架空県他市-1").size(),
                   "架空県他市-2");
  mismatch.replace(mismatch.find("1980-04-01"), 10, "1981-04-01");
  auto refused = Post("/api/v1/fuhyo/notices", mismatch, clerk.cookie, clerk.csrf);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(Field(refused.body, "outcome"), "fuhyo.person_mismatch");
  EXPECT_NE(Field(refused.body, "reply").find("住基法第19条第2項"), std::string::npos);
  EXPECT_EQ(Post("/api/v1/fuhyo/notices", "not a notice", clerk.cookie, clerk.csrf).status, 400);
  auto page = Get("/fuhyo?id=1", clerk.cookie);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("架空県他市本町1番1号"), std::string::npos);
  EXPECT_NE(page.body.find("通知 架空県他市-1"), std::string::npos);

  // 戸籍 events through the API: the same names as the CLI and the screen, 和暦 dates accepted.
  const std::string born =
      R"({"kind":"nyuseki","id":"1","family":"架空","given":"太郎","family_kana":"カクウ",
    "given_kana":"タロウ","birth":"令和8年11月1日","sex":"male","address":"架空県架空市桜町一丁目1番2号",
    "on":"令和8年11月2日","reason":"出生"})";
  EXPECT_EQ(Post("/api/v1/fuhyo/events", born, viewer.cookie, viewer.csrf).status,
            403);  // needs 異動入力
  auto entered = Post("/api/v1/fuhyo/events", born, clerk.cookie, clerk.csrf);
  ASSERT_EQ(entered.status, 201) << entered.body;
  EXPECT_NE(entered.body.find("\"given_kana\":\"タロウ\""), std::string::npos) << entered.body;
  // JK-10.4 on the 附票 too: a 住民票コード is written and shown only by users allowed to see it.
  const std::string code_fix = R"({"kind":"shusei","id":"1","member":"1","jumin_code":"12345678903",
    "on":"令和8年11月20日","reason":"職権修正"})";
  auto code_refused = Post("/api/v1/fuhyo/events", code_fix, clerk.cookie, clerk.csrf);
  EXPECT_EQ(code_refused.status, 403) << code_refused.body;
  const Login coder =
      LogIn("code01", ReadyUser("code01", "view,change,see_resident_record_code", false));
  auto code_written = Post("/api/v1/fuhyo/events", code_fix, coder.cookie, coder.csrf);
  ASSERT_EQ(code_written.status, 201) << code_written.body;
  EXPECT_NE(
      Get("/api/v1/fuhyo?id=1", coder.cookie).body.find("\"resident_record_code\":\"12345678903\""),
      std::string::npos);
  EXPECT_EQ(Get("/api/v1/fuhyo?id=1", viewer.cookie).body.find("12345678903"), std::string::npos);
  EXPECT_EQ(Get("/fuhyo?id=1", viewer.cookie).body.find("12345678903"), std::string::npos);
  auto twice = Post("/api/v1/fuhyo/events", born, clerk.cookie, clerk.csrf);
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(Field(twice.body, "rule_id"), "fuhyo.member_exists");
  EXPECT_FALSE(Field(twice.body, "message_ja").empty());
  EXPECT_EQ(Field(Post("/api/v1/fuhyo/events", R"({"kind":"rikon","id":"1","on":"2026-11-01"})",
                       clerk.cookie, clerk.csrf)
                      .body,
                  "rule_id"),
            "fuhyo.unknown_event");
  EXPECT_EQ(Post("/api/v1/fuhyo/events", "{not json", clerk.cookie, clerk.csrf).status, 400);
  EXPECT_EQ(
      Post("/api/v1/fuhyo/events", R"({"kind":"kaisei","id":"x1","on":"2026-11-01","reason":"r"})",
           clerk.cookie, clerk.csrf)
          .status,
      400);
  // Notices: the inbox keeps the refused one with its reply.
  auto inbox = Get("/api/v1/fuhyo/notices?box=inbox", viewer.cookie);
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  EXPECT_NE(inbox.body.find("架空県他市-2"), std::string::npos);
  EXPECT_NE(inbox.body.find("fuhyo.person_mismatch"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/fuhyo/notices?box=spam", viewer.cookie).status, 400);
  auto notices_page = Get("/fuhyo/notices", viewer.cookie);
  ASSERT_EQ(notices_page.status, 200);
  EXPECT_NE(notices_page.body.find("住基法第19条第2項"), std::string::npos) << notices_page.body;

  // The screen's forms: a 職権修正 (CSRF checked), then a copy as PDF.
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", clerk.cookie}};
  auto encoded = [](const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "&=+", out);
    return out;
  };
  const std::string correction =
      "kind=shusei&id=1&member=1&address=" + encoded("架空県架空市桜町一丁目1番3号") +
      "&since=2026-10-01&on=2026-11-27&reason=" + encoded("住居表示の誤記");
  EXPECT_EQ(Fetch(server_->port(), "/fuhyo/event", "POST", correction, form).status,
            403);  // no CSRF token
  auto recorded =
      Fetch(server_->port(), "/fuhyo/event", "POST", correction + "&csrf=" + clerk.csrf, form);
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(recorded.Header("Location"), "/fuhyo?id=1&done=shusei");
  auto after = Get("/fuhyo?id=1&done=shusei", clerk.cookie);
  EXPECT_NE(after.body.find("職権修正を記録しました。"), std::string::npos);
  EXPECT_NE(after.body.find("職権修正: 住居表示の誤記"), std::string::npos);
  auto empty_reason =
      Fetch(server_->port(), "/fuhyo/event", "POST",
            "kind=shusei&id=1&member=1&given=x&on=2026-11-27&csrf=" + clerk.csrf, form);
  EXPECT_EQ(empty_reason.status, 422);
  EXPECT_NE(empty_reason.body.find("fuhyo.reason_required"), std::string::npos);

  // Copies need 証明発行 and a certifier.
  ASSERT_EQ(RunCli({"settings", "--db", db_, "add-certifier", "--role", "mayor", "--title",
                    "架空市長", "--name", "市長　太郎", "--from", "2020-04-01"})
                .status,
            0);
  EXPECT_EQ(Post("/api/v1/fuhyo/copies", R"({"id":"1"})", clerk.cookie, clerk.csrf).status, 403);
  const Login issuer = LogIn("issue01", ReadyUser("issue01", "view,issue", false));
  // 一郎's line is the address of 花子, a 支援措置 target: refused until the officer releases it.
  auto shared = Post("/api/v1/fuhyo/copies", R"({"id":"1","requester":"self","members":["1"]})",
                     issuer.cookie, issuer.csrf);
  EXPECT_EQ(Field(shared.body, "rule_id"), "support.issue_blocked") << shared.body;
  ASSERT_EQ(RunCli({"support", "--db", db_, "release", "1", "--to-operator", "issue01", "--minutes",
                    "30", "--reason", "審査済み"})
                .status,
            0);
  auto copy = Post("/api/v1/fuhyo/copies", R"({"id":"1","requester":"self","members":["1"]})",
                   issuer.cookie, issuer.csrf);
  ASSERT_EQ(copy.status, 201) << copy.body;
  EXPECT_EQ(copy.Header("Content-Type"), "application/pdf");
  EXPECT_EQ(copy.Header("X-Jrr-Sheets"), "1");
  EXPECT_EQ(copy.body.rfind("%PDF", 0), 0u);
  auto third = Post("/api/v1/fuhyo/copies", R"({"id":"1","requester":"third-party"})",
                    issuer.cookie, issuer.csrf);
  EXPECT_EQ(Field(third.body, "rule_id"), "fuhyo.purpose_required");
  std::map<std::string, std::string> issuer_form{
      {"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", issuer.cookie}};
  auto from_screen = Fetch(server_->port(), "/fuhyo/copy", "POST",
                           "id=1&requester=self&with-honseki=1&csrf=" + issuer.csrf, issuer_form);
  EXPECT_EQ(from_screen.status, 403) << "本籍 on request needs the permission to see it";
  const Login full = LogIn("issue02", ReadyUser("issue02", "view,issue,see_domicile", false));
  std::map<std::string, std::string> full_form{
      {"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", full.cookie}};
  // The whole 附票 prints 花子 herself, a 支援措置 target with no 住民票コード on the 附票: refused
  // (matched by her 氏名 and 生年月日) until the officer releases it to this clerk.
  auto whole = Fetch(server_->port(), "/fuhyo/copy", "POST",
                     "id=1&requester=self&with-honseki=1&csrf=" + full.csrf, full_form);
  EXPECT_EQ(whole.status, 403) << whole.body;
  ASSERT_EQ(RunCli({"support", "--db", db_, "release", "1", "--to-operator", "issue02", "--minutes",
                    "30", "--reason", "審査済み"})
                .status,
            0);
  auto printed = Fetch(server_->port(), "/fuhyo/copy", "POST",
                       "id=1&requester=self&with-honseki=1&csrf=" + full.csrf, full_form);
  ASSERT_EQ(printed.status, 201) << printed.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_issuance"), 2);
}

// The 異動 screens: the form picks the 異動者 from the household, 入力確認 shows what would be
// written and records nothing, an アラート needs its box ticked, 登録 records, 仮登録 goes to the
// list, and each step is refused without the CSRF token.
// REQ: JK-4.0.9, JK-4.0.8, JK-4.0.4, JK-11.1, JK-10.8
TEST_F(StaffApiTest, ChangeScreensCheckConfirmAndRecord) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change", false));
  auto versions = [&] { return QueryInt(db_, "SELECT count(*) FROM resident_version"); };
  const int64_t before = versions();
  auto form = Get("/change?type=within_move&atena=0000000019", clerk.cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("value=\"0000000027\""), std::string::npos)
      << "the household's members to pick";
  EXPECT_NE(form.body.find("value=\"0000000019\" checked"), std::string::npos);
  EXPECT_NE(form.body.find("name=\"ex_officio:bool\""), std::string::npos)
      << "届出の準用 (JK-4.2.0.2)";
  std::map<std::string, std::string> headers{{"Content-Type", "application/x-www-form-urlencoded"},
                                             {"Cookie", clerk.cookie}};
  auto post = [&](const std::string& body) {
    return Fetch(server_->port(), "/change", "POST", body, headers);
  };
  auto encoded = [](const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "&=+:,", out);
    return out;
  };
  const std::string move =
      "type=within_move&atena=0000000019&event_date=" + encoded("令和8年11月20日") +
      "&notification_date=" + encoded("令和8年11月21日") + "&" + encoded("movers:list") + "=&" +
      encoded("movers:list") + "=0000000019&" + encoded("relationships.0000000019") + "=" +
      encoded("世帯主") + "&" + encoded("new_address.text") + "=" +
      encoded("架空県架空市桜町二丁目") + "&" + encoded("new_address.banchi") + "=" +
      encoded("5番6号");
  EXPECT_EQ(post(move + "&mode=check").status, 403);  // no CSRF token
  // The 世帯主 leaves his wife alone: she becomes 世帯主 — an アラート to acknowledge.
  auto alert = post(move + "&mode=check&csrf=" + clerk.csrf);
  ASSERT_EQ(alert.status, 200) << alert.body;
  EXPECT_NE(alert.body.find("change.sole_member_becomes_head"), std::string::npos) << alert.body;
  EXPECT_NE(alert.body.find("確認した"), std::string::npos);
  const std::string acknowledged =
      move + "&" + encoded("acknowledged_alerts:list") + "=change.sole_member_becomes_head";
  auto confirm = post(acknowledged + "&mode=check&csrf=" + clerk.csrf);
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_NE(confirm.body.find("入力確認"), std::string::npos);
  EXPECT_NE(confirm.body.find("架空県架空市桜町二丁目5番6号"), std::string::npos) << confirm.body;
  EXPECT_NE(confirm.body.find("name=\"mode\" value=\"record\""), std::string::npos);
  EXPECT_EQ(versions(), before) << "入力確認 records nothing";
  // An エラー is refused with its message and nothing is written.
  std::string future = acknowledged;
  future.replace(future.find(encoded("令和8年11月20日")), encoded("令和8年11月20日").size(),
                 "2099-01-01");
  auto refused = post(future + "&mode=check&csrf=" + clerk.csrf);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("role=\"alert\""), std::string::npos);
  // 戻って修正 keeps what was entered.
  auto edit = post(acknowledged + "&mode=edit&csrf=" + clerk.csrf);
  EXPECT_NE(edit.body.find("value=\"5番6号\""), std::string::npos) << edit.body;
  // 登録.
  auto recorded = post(acknowledged + "&mode=record&csrf=" + clerk.csrf);
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  EXPECT_EQ(recorded.Header("Location").rfind("/resident?atena=0000000019&recorded=", 0), 0u)
      << recorded.Header("Location");
  EXPECT_EQ(versions(), before + 2) << "the mover and the wife who became 世帯主";
  auto shown = Get(recorded.Header("Location"), clerk.cookie);
  EXPECT_NE(shown.body.find("異動を記録しました"), std::string::npos);
  EXPECT_NE(shown.body.find("架空県架空市桜町二丁目5番6号"), std::string::npos);
  // 仮登録: into the list, nothing in the register until 本登録.
  const std::string death =
      "type=death&event_date=" + encoded("令和8年11月25日") + "&addressee_number=0000000027";
  auto provisional = post(death + "&mode=provisional&csrf=" + clerk.csrf);
  ASSERT_EQ(provisional.status, 303) << provisional.body;
  EXPECT_EQ(provisional.Header("Location").rfind("/pending?entered=", 0), 0u);
  EXPECT_EQ(versions(), before + 2);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM pending_change"), 1);
  // 修正 (誤記修正) from its screen: the form comes filled with the record; only a change is kept.
  auto correction_form = Get("/change?type=correction&atena=0000000019", clerk.cookie);
  EXPECT_NE(correction_form.body.find("value=\"一郎\""), std::string::npos) << correction_form.body;
  const std::string correction = "type=correction&event_date=" + encoded("令和8年11月26日") +
                                 "&addressee_number=0000000019&reason=clerical_error_correction&" +
                                 encoded("fields.family_name") + "=" + encoded("架空") + "&" +
                                 encoded("fields.given_name") + "=" + encoded("一朗");
  auto corrected = post(correction + "&mode=record&csrf=" + clerk.csrf);
  ASSERT_EQ(corrected.status, 303) << corrected.body;
  EXPECT_NE(Get(corrected.Header("Location"), clerk.cookie).body.find("架空　一朗"),
            std::string::npos);
  // 異動の取消し of that 修正 from its screen, by the 異動番号 the resident view shows.
  const std::string location = corrected.Header("Location");
  const std::string change_id = location.substr(location.find("recorded=") + 9);
  const std::string cancel = "type=cancellation&event_date=" + encoded("令和8年11月27日") + "&" +
                             encoded("change_id:int") + "=" + change_id + "&" +
                             encoded("persons:list") + "=0000000019";
  auto cancelled = post(cancel + "&mode=record&csrf=" + clerk.csrf);
  ASSERT_EQ(cancelled.status, 303) << cancelled.body;
  EXPECT_NE(Get(cancelled.Header("Location"), clerk.cookie).body.find("架空　一郎"),
            std::string::npos);
  auto not_a_number = post("type=cancellation&event_date=2026-11-27&" + encoded("change_id:int") +
                           "=x&mode=check&csrf=" + clerk.csrf);
  EXPECT_EQ(not_a_number.status, 400);
  EXPECT_NE(not_a_number.body.find("change_form.bad_name"), std::string::npos);
  // 転入 from a 転出証明書: its two-dimensional code, as a reader types it, fills the form.
  const std::string certificate =
      "JRR-TENSHUTSU/"
      "1\nfrom=990027\nfrom_name=架空村\nissued=2026-11-20\n--\natena=0000000099\nkind=japanese\n"
      "name=転入　花子\nkana=テンニュウ　ハナコ\nbirth=1990-01-01\nbirth_text=平成2年1月1日\nsex="
      "2\n"
      "relationship=世帯主\naddress=架空県架空村中央3番地\ndomicile=架空県架空村中央3番地\nhead_of_"
      "family=転入　花子\n"
      "resident_record_code=\nindividual_number=\n";
  auto loaded = post("type=move_in&mode=load-certificate&certificate=" + encoded(certificate) +
                     "&csrf=" + clerk.csrf);
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_NE(loaded.body.find("name=\"persons.0.given_name\" value=\"花子\""), std::string::npos)
      << loaded.body;
  EXPECT_NE(loaded.body.find("value=\"架空県架空村中央3番地\""), std::string::npos);
  EXPECT_NE(loaded.body.find("転出証明書（架空村、令和8年11月20日発行）による"), std::string::npos);
  auto unreadable = post("type=move_in&mode=load-certificate&certificate=hello&csrf=" + clerk.csrf);
  EXPECT_EQ(unreadable.status, 400);
  EXPECT_NE(unreadable.body.find("moveout.malformed"), std::string::npos);
  // CSV形式のデータの取込 (JK-10.8): the 券面事項 of a 個人番号カード, as CSV.
  auto from_csv =
      post("type=move_in&mode=load-csv&csv=" +
           encoded("住所,氏名,生年月日,性別\n架空県架空村中央3番地,転入 花子,1990-01-01,2\n") +
           "&csrf=" + clerk.csrf);
  ASSERT_EQ(from_csv.status, 200) << from_csv.body;
  EXPECT_NE(from_csv.body.find("name=\"persons.0.given_name\" value=\"花子\""), std::string::npos)
      << from_csv.body;
  auto bad_csv =
      post("type=move_in&mode=load-csv&csv=" + encoded("趣味\n釣り\n") + "&csrf=" + clerk.csrf);
  EXPECT_EQ(bad_csv.status, 400);
  EXPECT_NE(bad_csv.body.find("csv.unknown_column"), std::string::npos);
}

// 抑止・支援措置 on their screen: a clerk with 抑止 sets a 証明 block and ends it; without the 支援措置
// permission the measures stay hidden; the officer registers, extends and releases one; every
// form needs the CSRF token and every refusal comes back in Japanese.
// REQ: JK-3.1, JK-3.4, JK-1.1.16
TEST_F(StaffApiTest, ProtectionScreenSetsAndEndsBlocksAndMeasures) {
  const Login blocker = LogIn("block01", ReadyUser("block01", "view,block", false));
  const Login officer = LogIn("dv01", ReadyUser("dv01", "view,support_measure", false));
  auto page = Get("/protection?person=0000000019", blocker.cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("支援措置担当の職員だけが見られます"), std::string::npos)
      << "no 支援措置 details without it";
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", blocker.cookie}};
  auto post = [&](const std::map<std::string, std::string>& headers, const std::string& body) {
    return Fetch(server_->port(), "/protection", "POST", body, headers);
  };
  const std::string add =
      "action=block-add&return-person=0000000019&person=0000000019&operation=issue&level=error";
  EXPECT_EQ(post(form, add).status, 403);  // no CSRF token
  auto added = post(form, add + "&csrf=" + blocker.csrf);
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM protection_block"), 1);
  auto listed = Get("/protection?person=0000000019", blocker.cookie);
  EXPECT_NE(listed.body.find("<td>証明</td><td>エラー</td>"), std::string::npos) << listed.body;
  EXPECT_NE(listed.body.find(">本解除<"), std::string::npos);
  auto bad = post(
      form, "action=block-add&return-person=0000000019&person=0000000019&operation=nothing&csrf=" +
                blocker.csrf);
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_NE(bad.body.find("protection.invalid_operation"), std::string::npos);
  auto ended = post(form, "action=block-end&return-person=0000000019&id=1&csrf=" + blocker.csrf);
  EXPECT_EQ(ended.status, 303) << ended.body;
  EXPECT_NE(Get("/protection?person=0000000019", blocker.cookie).body.find("解除（"),
            std::string::npos);
  // 支援措置: the blocker may not register one; the officer may.
  const std::string measure =
      "action=support-add&return-person=0000000019&applicant=0000000019&kind=dv&from=2026-11-01";
  EXPECT_EQ(post(form, measure + "&csrf=" + blocker.csrf).status, 403);
  std::map<std::string, std::string> officer_form{
      {"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", officer.cookie}};
  const int64_t before =
      QueryInt(db_, "SELECT count(DISTINCT measure_id) FROM support_measure_version");
  auto registered = post(officer_form, measure + "&csrf=" + officer.csrf);
  ASSERT_EQ(registered.status, 303) << registered.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(DISTINCT measure_id) FROM support_measure_version"),
            before + 1);
  auto officer_view = Get("/protection?person=0000000019", officer.cookie);
  EXPECT_NE(officer_view.body.find("支援措置期間中"), std::string::npos) << officer_view.body;
  // Extending is allowed from one month before the end only: refused now, in Japanese.
  const std::string id =
      std::to_string(QueryInt(db_, "SELECT max(measure_id) FROM support_measure_version"));
  auto early = post(officer_form, "action=support-extend&return-person=0000000019&id=" + id +
                                      "&csrf=" + officer.csrf);
  EXPECT_EQ(early.status, 422);
  EXPECT_NE(early.body.find("support.extension_too_early"), std::string::npos);
  // A release goes to a staff user who exists (a mistyped ID is refused), here the blocker.
  auto nobody =
      post(officer_form, "action=support-release&return-person=0000000019&id=" + id +
                             "&to-operator=clerk99&minutes=10&reason=ok&csrf=" + officer.csrf);
  EXPECT_EQ(nobody.status, 404) << nobody.body;
  EXPECT_NE(nobody.body.find("staff.not_found"), std::string::npos);
  auto released =
      post(officer_form, "action=support-release&return-person=0000000019&id=" + id +
                             "&to-operator=block01&minutes=10&reason=ok&csrf=" + officer.csrf);
  EXPECT_EQ(released.status, 303) << released.body;
  EXPECT_GE(QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE action = 'protection'"), 3);
}

// The アクセスログ on its screen: the 監査ログ permission is needed; a search by person lists its
// 異動 and views; the analysis lists run over a period; looking is logged.
// REQ: JK-10.2
TEST_F(StaffApiTest, AuditScreenSearchesAndAnalyses) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view", false));
  const Login auditor = LogIn("audit01", ReadyUser("audit01", "audit", false));
  EXPECT_EQ(Get("/audit?search=1&resident=0000000019", clerk.cookie).status, 403);
  auto found = Get("/audit?search=1&resident=0000000019", auditor.cookie);
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("<td>change</td>"), std::string::npos)
      << found.body;  // the family's 転入
  EXPECT_NE(found.body.find("0000000019"), std::string::npos);
  const std::string today = ToIsoString(JapanTimeOf(UtcTimestampNow())->day);
  auto logins = Get("/audit?report=logins&from=" + today + "&to=" + today, auditor.cookie);
  ASSERT_EQ(logins.status, 200) << logins.body;
  EXPECT_NE(logins.body.find("<td>audit01</td>"), std::string::npos) << logins.body;
  auto reversed = Get("/audit?report=logins&from=2026-12-01&to=2026-11-01", auditor.cookie);
  EXPECT_EQ(reversed.status, 400);
  EXPECT_NE(reversed.body.find("date.range_reversed"), std::string::npos);
  EXPECT_EQ(Get("/audit?report=spying&from=" + today + "&to=" + today, auditor.cookie).status, 400);
  EXPECT_EQ(QueryInt(db_,
                     "SELECT count(*) FROM audit_entry WHERE function IN ('アクセスログの検索', "
                     "'アクセスログの分析') "
                     "AND operator_id = 'audit01'"),
            2);
}

// The oversight functions over the API: 抑止 and 支援措置 (the measures only for the officer), the
// アクセスログ and its analysis, and the statistics; each refusal as JSON with its rule id.
// REQ: JK-3.1, JK-3.4, JK-10.2, JK-6.1
TEST_F(StaffApiTest, ProtectionAuditAndStatisticsOverTheApi) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,block", false));
  const Login officer = LogIn("dv01", ReadyUser("dv01", "view,support_measure,audit", false));
  auto added = Post("/api/v1/protection",
                    R"({"action":"block-add","person":"0000000019","operation":"change"})",
                    clerk.cookie, clerk.csrf);
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(Field(added.body, "id"), "1");
  auto listed = Get("/api/v1/protection?person=0000000019", clerk.cookie);
  ASSERT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("\"operation\":\"change\""), std::string::npos) << listed.body;
  EXPECT_EQ(listed.body.find("support_measures"), std::string::npos)
      << "not for a clerk without 支援措置";
  auto officer_view = Get("/api/v1/protection?person=0000000027", officer.cookie);
  EXPECT_NE(officer_view.body.find("\"support_measures\":[{"), std::string::npos)
      << officer_view.body;
  auto denied = Post("/api/v1/protection", R"({"action":"support-add","applicant":"0000000019"})",
                     clerk.cookie, clerk.csrf);
  EXPECT_EQ(denied.status, 403);
  EXPECT_EQ(Field(denied.body, "rule_id"), "access.permission_denied");
  EXPECT_EQ(
      Field(Post("/api/v1/protection", R"({"action":"demolish"})", clerk.cookie, clerk.csrf).body,
            "rule_id"),
      "protection.unknown_action");
  EXPECT_EQ(
      Post("/api/v1/protection", R"({"action":"block-end","id":"1"})", clerk.cookie, clerk.csrf)
          .status,
      200);
  // The log: only with 監査ログ.
  EXPECT_EQ(Get("/api/v1/audit?resident=0000000019", clerk.cookie).status, 403);
  auto log = Get("/api/v1/audit?resident=0000000019&limit=5", officer.cookie);
  ASSERT_EQ(log.status, 200) << log.body;
  EXPECT_NE(log.body.find("\"entries\":[{"), std::string::npos);
  const std::string today = ToIsoString(JapanTimeOf(UtcTimestampNow())->day);
  auto report =
      Get("/api/v1/audit/report?kind=logins&from=" + today + "&to=" + today, officer.cookie);
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_NE(report.body.find("\"operator_id\":\"dv01\""), std::string::npos);
  EXPECT_EQ(Get("/api/v1/audit?limit=x", officer.cookie).status, 400);
  // Statistics: the family of two on the reference day.
  auto figures = Get("/api/v1/statistics?from=2026-01-01&to=" + today, clerk.cookie);
  ASSERT_EQ(figures.status, 200) << figures.body;
  EXPECT_NE(figures.body.find("\"population\":{\"japanese_male\":1,\"japanese_female\":1"),
            std::string::npos)
      << figures.body;
  EXPECT_EQ(Get("/api/v1/statistics?from=2026-12-01&to=2026-01-01", clerk.cookie).status, 400);
  EXPECT_EQ(
      QueryInt(db_,
               "SELECT count(*) FROM audit_entry WHERE action = 'export' AND function = 'stats'"),
      1);
}

// 利用者管理 on its screen and over the API: only with the permission; a new user gets a one-time
// initial password that works once and must be changed; permissions are saved from checkboxes;
// an unknown permission or action is refused in Japanese.
// REQ: JK-10.3, JK-10.4
TEST_F(StaffApiTest, UserAdministrationScreenAndApi) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view", false));
  const Login admin = LogIn("admin02", ReadyUser("admin02", "user_admin", false));
  EXPECT_EQ(Get("/users", clerk.cookie).status, 403);
  EXPECT_EQ(Get("/api/v1/users", clerk.cookie).status, 403);
  auto page = Get("/users", admin.cookie);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_NE(page.body.find("<td>clerk01</td>"), std::string::npos);
  EXPECT_EQ(page.body.find("$argon2id$"), std::string::npos)
      << "no password hash ever leaves the desk";
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", admin.cookie}};
  auto post = [&](const std::string& body) {
    return Fetch(server_->port(), "/users", "POST", body, form);
  };
  EXPECT_EQ(post("action=add&id=new01&name=x&perm=view").status, 403);  // no CSRF token
  // With permissions asked for, the account waits and its password goes to the approver.
  auto asked = post("action=add&id=new02&name=x&perm=view&csrf=" + admin.csrf);
  ASSERT_EQ(asked.status, 202) << asked.body;
  EXPECT_EQ(asked.body.find("<strong><code>"), std::string::npos)
      << "no password for the one who asked";
  // Without, it can do nothing and its password is shown at once.
  auto added =
      post("action=add&id=new01&name=" + std::string("%E6%96%B0%E4%BA%BA") + "&csrf=" + admin.csrf);
  ASSERT_EQ(added.status, 200) << added.body;
  const std::string marker = "<strong><code>";
  const std::size_t at = added.body.find(marker);
  ASSERT_NE(at, std::string::npos) << added.body;
  const std::string initial = added.body.substr(at + marker.size(), 16);
  auto first = Post("/api/v1/login", R"({"user_id":"new01","password":")" + initial + R"("})");
  EXPECT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Field(first.body, "next"), "change_password");
  // 照会 needs a second administrator: the change waits as a request, shown to the other one.
  auto saved = post("action=permissions&id=new01&perm=view&perm=issue&csrf=" + admin.csrf);
  EXPECT_EQ(saved.status, 202) << saved.body;
  EXPECT_NE(saved.body.find("別の管理者の承認"), std::string::npos);
  const std::string request =
      std::to_string(QueryInt(db_, "SELECT max(request_id) FROM staff_permission_request"));
  // The account's first password was the asker's to see: the approval replaces it, for the approver.
  auto approved =
      RunCli({"user", "--db", db_, "approve", "--request", request, "--operator", "second-admin"});
  EXPECT_EQ(approved.status, 0);
  EXPECT_EQ(After(approved.out, "初期パスワード: ").size(), 16u) << approved.out;
  EXPECT_EQ(Post("/api/v1/login", R"({"user_id":"new01","password":")" + initial + R"("})").status,
            401);
  auto listed = Get("/api/v1/users", admin.cookie);
  ASSERT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("\"user_id\":\"new01\""), std::string::npos);
  EXPECT_NE(listed.body.find("\"permissions\":\"view,issue\""), std::string::npos) << listed.body;
  auto unknown =
      Post("/api/v1/users", R"({"action":"grant","id":"new01","permissions":"omnipotence"})",
           admin.cookie, admin.csrf);
  EXPECT_EQ(Field(unknown.body, "rule_id"), "staff.unknown_permission");
  EXPECT_EQ(
      Field(Post("/api/v1/users", R"({"action":"promote","id":"new01"})", admin.cookie, admin.csrf)
                .body,
            "rule_id"),
      "staff.unknown_action");
  auto reset = Post("/api/v1/users", R"({"action":"reset-password","id":"new01"})", admin.cookie,
                    admin.csrf);
  ASSERT_EQ(reset.status, 202) << reset.body;
  EXPECT_TRUE(Field(reset.body, "initial_password").empty())
      << "the one who asks for a reset never sees the password";
  auto reset_approved = RunCli({"user", "--db", db_, "approve", "--request",
                                Field(reset.body, "request_id"), "--operator", "second-admin"});
  EXPECT_EQ(reset_approved.status, 0);
  const std::string reset_password = After(reset_approved.out, "初期パスワード: ");
  EXPECT_EQ(reset_password.size(), 16u) << reset_approved.out;
  EXPECT_EQ(
      Post("/api/v1/login", R"({"user_id":"new01","password":")" + reset_password + R"("})").status,
      200);
  EXPECT_EQ(Post("/api/v1/users", R"({"action":"disable","id":"new01"})", admin.cookie, admin.csrf)
                .status,
            200);
  EXPECT_EQ(
      Post("/api/v1/login", R"({"user_id":"new01","password":")" + reset_password + R"("})").status,
      401);
}

// Per-user API tokens: issued from a logged-in session (the secret once), then a script uses it as
// "Authorization: Bearer" with the same permissions and no CSRF header; screens ignore it; a
// revoked, unknown or disabled user's token is refused with 401.
// REQ: JK-10.3
TEST_F(StaffApiTest, ApiTokensActWithTheirUsersPermissions) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view", false));
  const Login admin = LogIn("admin02", ReadyUser("admin02", "user_admin", false));
  EXPECT_EQ(Post("/api/v1/tokens", R"({"name":"batch"})", clerk.cookie).status,
            403);  // a session needs CSRF
  EXPECT_EQ(
      Field(Post("/api/v1/tokens", R"({"name":""})", clerk.cookie, clerk.csrf).body, "rule_id"),
      "token.name_required");
  EXPECT_EQ(Field(Post("/api/v1/tokens", R"({"name":"x","expires_on":"2000-01-01"})", clerk.cookie,
                       clerk.csrf)
                      .body,
                  "rule_id"),
            "token.expiry_past");
  auto issued = Post("/api/v1/tokens", R"({"name":"夜間バッチ"})", clerk.cookie, clerk.csrf);
  ASSERT_EQ(issued.status, 201) << issued.body;
  const std::string secret = Field(issued.body, "secret");
  ASSERT_EQ(secret.rfind("jrr_", 0), 0u);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM api_token WHERE secret_hash = '" + secret + "'"), 0)
      << "only a hash is kept";
  auto bearer = [&](const std::string& method, const std::string& target, const std::string& body,
                    const std::string& s) {
    return Fetch(server_->port(), target, method, body,
                 {{"Authorization", "Bearer " + s}, {"Content-Type", "application/json"}});
  };
  auto found =
      bearer("GET", "/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", "", secret);
  EXPECT_EQ(found.status, 200) << found.body;
  // The clerk may not enter a 異動: neither may the token, though no CSRF header is needed.
  auto change = bearer(
      "POST", "/api/v1/changes?mode=check",
      R"({"type":"death","event_date":"2026-11-01","addressee_number":"0000000019"})", secret);
  EXPECT_EQ(change.status, 403);
  EXPECT_EQ(Field(change.body, "rule_id"), "access.permission_denied");
  EXPECT_EQ(bearer("GET", "/search?kana=x", "", secret).status, 303)
      << "screens take the session cookie only";
  EXPECT_EQ(bearer("GET", "/api/v1/search?kana=x", "", "jrr_forged").status, 401);
  auto mine = Get("/api/v1/tokens", clerk.cookie);
  EXPECT_NE(mine.body.find("夜間バッチ"), std::string::npos);
  EXPECT_EQ(mine.body.find(secret), std::string::npos);
  const std::string id = Field(issued.body, "token_id");
  EXPECT_EQ(Post("/api/v1/tokens/revoke?id=" + id, "", admin.cookie, admin.csrf).status,
            200);  // an administrator
  auto refused =
      bearer("GET", "/api/v1/search?kana=%E3%82%AB%E3%82%AF%E3%82%A6&match=prefix", "", secret);
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(Field(refused.body, "rule_id"), "auth.token_invalid");
  // A disabled user's token stops working too.
  auto second = Post("/api/v1/tokens", R"({"name":"b"})", clerk.cookie, clerk.csrf);
  const std::string other = Field(second.body, "secret");
  EXPECT_EQ(bearer("GET", "/api/v1/tokens", "", other).status, 200);
  EXPECT_EQ(
      Post("/api/v1/users", R"({"action":"disable","id":"clerk01"})", admin.cookie, admin.csrf)
          .status,
      200);
  EXPECT_EQ(bearer("GET", "/api/v1/tokens", "", other).status, 401);
  EXPECT_EQ(QueryInt(db_,
                     "SELECT count(*) FROM audit_entry WHERE function IN ('APIトークンの発行', "
                     "'APIトークンの失効')"),
            3);
}

// 設定 on its screen and over the API: anyone logged in may look, only 設定 may change; a change
// and its 設定変更ログ entry land together; bad values are refused in Japanese.
// REQ: JK-1.3.9, JK-10.2
TEST_F(StaffApiTest, SettingsScreenAndApi) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view", false));
  const Login admin = LogIn("set01", ReadyUser("set01", "settings", false));
  EXPECT_EQ(Get("/settings", clerk.cookie).status, 200);
  const std::string certifier =
      R"({"action":"add-certifier","role":"mayor","title":"架空市長","name":"市長　太郎","from":"2020-04-01"})";
  EXPECT_EQ(Post("/api/v1/settings", certifier, clerk.cookie, clerk.csrf).status, 403);
  const int64_t logged =
      QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE action = 'settings_change'");
  ASSERT_EQ(Post("/api/v1/settings", certifier, admin.cookie, admin.csrf).status, 200);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE action = 'settings_change'"),
            logged + 1);
  auto shown = Get("/api/v1/settings", clerk.cookie);
  EXPECT_NE(shown.body.find("\"title\":\"架空市長\""), std::string::npos) << shown.body;
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", admin.cookie}};
  auto blank = Fetch(server_->port(), "/settings", "POST",
                     "action=set-overflow&policy=blank&csrf=" + admin.csrf, form);
  EXPECT_EQ(blank.status, 303) << blank.body;
  EXPECT_NE(Get("/api/v1/settings", admin.cookie).body.find("\"overflow\":\"blank\""),
            std::string::npos);
  auto bad = Fetch(server_->port(), "/settings", "POST",
                   "action=set-seal&too-small-mm=30&csrf=" + admin.csrf, form);
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("settings.seal_invalid"), std::string::npos);
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE action = 'settings_change'"),
            logged + 2)
      << "a refused change writes nothing";
}

// The remaining 異動 screens — 転入 of a foreign resident (法第30条の46), 在留資格等の変更, 通称,
// 帰化, 転出の変更 and 転入通知の受理 — and what the resident view shows: the foreign-resident items
// only to a user allowed to see 在留資格等 (JK-10.4), the household, the 旧氏・通称 history, the
// 除票 items and the 交付履歴. A clerk who may not see 在留資格等 cannot write them either.
// REQ: JK-4.5.1, JK-4.5.6, JK-4.5.3, JK-1.1.7, JK-4.1.3.0.2, JK-4.1.3.1.1, JK-10.4, JK-2.2.1, JK-2.2.2, JK-3.3
TEST_F(StaffApiTest, ForeignResidentNameItemAndMoveOutScreensAndWhatEachUserSees) {
  AddMayor();
  const Login clerk =
      LogIn("clerk01", ReadyUser("clerk01", "view,change,issue,see_residence_status", false));
  const Login plain = LogIn("clerk02", ReadyUser("clerk02", "view,change", false));
  auto post = [&](const Login& who, const std::map<std::string, std::string>& fields) {
    std::map<std::string, std::string> all = fields;
    all["csrf"] = who.csrf;
    return Fetch(server_->port(), "/change", "POST", FormEncode(all),
                 {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", who.cookie}});
  };
  auto atena_of = [](const HttpReply& reply) {
    const std::string location = reply.Header("Location");
    const auto at = location.find("atena=");
    return at == std::string::npos ? std::string() : location.substr(at + 6, 10);
  };
  // 法第30条の46 転入 through the 転入 screen: a foreign resident, 転入前住所 left blank.
  auto form = Get("/change?type=move_in", clerk.cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_NE(form.body.find("name=\"persons.0.foreign.category\""), std::string::npos);
  const std::map<std::string, std::string> arrival{
      {"screen", "move_in"},
      {"type", "move_in"},
      {"event_date", "2026-11-01"},
      {"notification_date", "2026-11-05"},
      {"persons.0.kind", "foreign"},
      {"persons.0.family_name", "SMITH"},
      {"persons.0.given_name", "JOHN"},
      {"persons.0.family_kana", "スミス"},
      {"persons.0.given_kana", "ジョン"},
      {"persons.0.birth_date", "1990-02-03"},
      {"persons.0.sex", "男"},
      {"persons.0.relationship", "世帯主"},
      {"persons.0.foreign.alphabet_name", "SMITH JOHN"},
      {"persons.0.foreign.nationality", "アメリカ合衆国"},
      {"persons.0.foreign.category", "mid_to_long_term"},
      {"persons.0.foreign.status_of_residence", "技術・人文知識・国際業務"},
      {"persons.0.foreign.period_of_stay", "3年"},
      {"persons.0.foreign.period_expiry", "2029-10-31"},
      {"persons.0.foreign.residence_card_number", "AB12345678CD"},
      {"persons.0.foreign.foreign_resident_since", "2026-11-01"},
      {"from_abroad:bool", "1"},
      {"new_address.text", "架空県架空市桜町三丁目"},
      {"new_address.banchi", "7番"}};
  auto arrival_check = post(clerk, [&] {
    auto f = arrival;
    f["mode"] = "check";
    return f;
  }());
  ASSERT_EQ(arrival_check.status, 200) << arrival_check.body;
  EXPECT_NE(arrival_check.body.find("入力確認"), std::string::npos) << arrival_check.body;
  auto arrived = post(clerk, [&] {
    auto f = arrival;
    f["mode"] = "record";
    return f;
  }());
  ASSERT_EQ(arrived.status, 303) << arrived.body;
  const std::string smith = atena_of(arrived);
  ASSERT_EQ(smith.size(), 10u);
  // The items of 在留資格等, to the clerk allowed to see them, in 西暦; to the other, a notice.
  auto seen = Get("/resident?atena=" + smith, clerk.cookie);
  EXPECT_NE(seen.body.find("技術・人文知識・国際業務"), std::string::npos) << seen.body;
  EXPECT_NE(seen.body.find("2029年10月31日"), std::string::npos);
  EXPECT_NE(seen.body.find("AB12345678CD"), std::string::npos);
  EXPECT_NE(seen.body.find("1990年2月3日"), std::string::npos)
      << "a foreign resident's birth date in 西暦";
  auto unseen = Get("/resident?atena=" + smith, plain.cookie);
  ASSERT_EQ(unseen.status, 200);
  EXPECT_NE(unseen.body.find("SMITH JOHN"), std::string::npos);
  EXPECT_EQ(unseen.body.find("技術・人文知識・国際業務"), std::string::npos);
  EXPECT_EQ(unseen.body.find("AB12345678CD"), std::string::npos);
  EXPECT_NE(unseen.body.find("在留資格等</dt><dd>（表示の権限がありません）"), std::string::npos);
  auto unseen_api = Get("/api/v1/resident?atena=" + smith, plain.cookie);
  ASSERT_EQ(unseen_api.status, 200) << unseen_api.body;
  EXPECT_NE(unseen_api.body.find("SMITH JOHN"), std::string::npos);
  EXPECT_EQ(unseen_api.body.find("AB12345678CD"), std::string::npos) << unseen_api.body;
  EXPECT_NE(Get("/api/v1/resident?atena=" + smith, clerk.cookie).body.find("AB12345678CD"),
            std::string::npos);
  // Nor may that user find people by the card's number.
  EXPECT_EQ(Get("/api/v1/search?card=AB12345678CD", plain.cookie).status, 403);
  auto by_card = Get("/api/v1/search?card=AB12345678CD", clerk.cookie);
  ASSERT_EQ(by_card.status, 200) << by_card.body;
  EXPECT_NE(by_card.body.find(smith), std::string::npos);
  // 在留資格等の変更 (出入国在留管理庁長官通知): the form comes filled with the items as they stand.
  auto items_form = Get("/change?type=foreign_items&atena=" + smith, clerk.cookie);
  EXPECT_NE(items_form.body.find("value=\"AB12345678CD\""), std::string::npos) << items_form.body;
  EXPECT_NE(items_form.body.find("value=\"mid_to_long_term\" selected"), std::string::npos);
  std::map<std::string, std::string> renewal{
      {"screen", "foreign_items"},
      {"type", "correction"},
      {"event_date", "2026-11-20"},
      {"addressee_number", smith},
      {"reason", "correction_ex_officio"},
      {"fields.foreign.alphabet_name", "SMITH JOHN"},
      {"fields.foreign.nationality", "アメリカ合衆国"},
      {"fields.foreign.category", "mid_to_long_term"},
      {"fields.foreign.status_of_residence", "永住者"},
      {"fields.foreign.residence_card_number", "EF98765432GH"},
      {"fields.foreign.foreign_resident_since", "2026-11-01"},
      {"mode", "record"}};
  auto hidden_write = post(plain, renewal);
  EXPECT_EQ(hidden_write.status, 403) << "who may not see 在留資格等 may not write them";
  EXPECT_NE(hidden_write.body.find("access.permission_denied"), std::string::npos);
  auto renewed = post(clerk, renewal);
  ASSERT_EQ(renewed.status, 303) << renewed.body;
  auto after_renewal = Get("/resident?atena=" + smith, clerk.cookie).body;
  EXPECT_NE(after_renewal.find("永住者"), std::string::npos);
  EXPECT_NE(after_renewal.find("EF98765432GH"), std::string::npos);
  EXPECT_NE(after_renewal.find("職権修正"), std::string::npos) << "in the 異動履歴";
  // 通称の記載 on its screen, then in the resident view's 旧氏・通称の履歴.
  auto common = post(clerk, {{"screen", "name_item"},
                             {"type", "name_item"},
                             {"event_date", "2026-11-21"},
                             {"addressee_number", smith},
                             {"kind", "common_name_entry"},
                             {"name", "須美寿　譲"},
                             {"kana", "スミス　ジョウ"},
                             {"mode", "record"}});
  ASSERT_EQ(common.status, 303) << common.body;
  auto with_common = Get("/resident?atena=" + smith, clerk.cookie).body;
  EXPECT_NE(with_common.find("旧氏・通称の履歴"), std::string::npos);
  EXPECT_NE(with_common.find("<td>須美寿　譲（スミス　ジョウ）</td>"), std::string::npos)
      << with_common;
  EXPECT_NE(with_common.find("通称の記載"), std::string::npos);
  // 帰化: the Japanese name and 本籍 from the 戸籍; a clerk who may not see 本籍 is refused.
  const std::map<std::string, std::string> naturalisation{
      {"screen", "nationality_change"},
      {"type", "nationality_change"},
      {"event_date", "2026-11-22"},
      {"addressee_number", smith},
      {"kind", "naturalisation"},
      {"family_name", "須美"},
      {"given_name", "丈"},
      {"family_kana", "スミ"},
      {"given_kana", "ジョウ"},
      {"domicile.place", "架空県架空市桜町三丁目7番地"},
      {"domicile.head_of_family", "須美　丈"},
      {"mode", "record"}};
  EXPECT_EQ(post(plain, naturalisation).status, 403);
  const Login registrar = LogIn("clerk03", ReadyUser("clerk03", "view,change,see_domicile", false));
  auto naturalised = post(registrar, naturalisation);
  ASSERT_EQ(naturalised.status, 303) << naturalised.body;
  EXPECT_NE(Get(naturalised.Header("Location"), registrar.cookie).body.find("須美　丈"),
            std::string::npos);
  // 交付履歴: a 住民票の写し of 一郎 (released by the 支援措置 officer: 花子 lives there), then in
  // his resident view.
  ASSERT_EQ(RunCli({"support", "--db", db_, "release", "1", "--to-operator", "clerk01", "--minutes",
                    "30", "--reason", "審査済み"})
                .status,
            0);
  ASSERT_EQ(Post("/api/v1/certificates", R"({"kind":"juminhyo","person":"0000000019"})",
                 clerk.cookie, clerk.csrf)
                .status,
            201);
  auto ichiro = Get("/resident?atena=0000000019", clerk.cookie).body;
  EXPECT_NE(ichiro.find("<h2>交付履歴</h2>"), std::string::npos);
  EXPECT_NE(ichiro.find("<td>住民票の写し</td>"), std::string::npos) << ichiro;
  EXPECT_NE(ichiro.find("<h2>世帯（消除された世帯員を含む）</h2>"), std::string::npos);
  EXPECT_NE(ichiro.find("宛名番号 0000000027"), std::string::npos)
      << "his wife in the household list";
  auto ichiro_api = Get("/api/v1/resident?atena=0000000019", clerk.cookie).body;
  EXPECT_NE(ichiro_api.find("\"issuances\":[{\"issuance_id\":"), std::string::npos) << ichiro_api;
  // 転出 (API), then 転出の変更 and 転入通知の受理 on their screens, from the 除票.
  auto out = Post("/api/v1/changes",
                  R"({"type":"move_out","event_date":"2026-11-24","notification_date":"2026-11-23",
      "movers":["0000000019"],"destination":{"text":"福岡県福岡市中央区天神一丁目","banchi":"1番1号"},
      "acknowledged_alerts":["change.sole_member_becomes_head"]})",
                  clerk.cookie, clerk.csrf);
  ASSERT_EQ(out.status, 201) << out.body;
  auto amend_form = Get("/change?type=move_out_amendment&atena=0000000019", clerk.cookie);
  ASSERT_EQ(amend_form.status, 200);
  EXPECT_NE(amend_form.body.find("value=\"0000000019\" checked"), std::string::npos)
      << amend_form.body;
  EXPECT_NE(amend_form.body.find("value=\"福岡県福岡市中央区天神一丁目\""), std::string::npos);
  auto amended = post(clerk, {{"screen", "move_out_amendment"},
                              {"type", "move_out_amendment"},
                              {"event_date", "2026-11-25"},
                              {"notification_date", "2026-11-24"},
                              {"persons:list", "0000000019"},
                              {"destination.text", "福岡県福岡市博多区博多駅前一丁目"},
                              {"destination.banchi", "2番3号"},
                              {"mode", "record"}});
  ASSERT_EQ(amended.status, 303) << amended.body;
  auto notice = post(clerk, {{"screen", "move_in_notice"},
                             {"type", "move_in_notice"},
                             {"event_date", "2026-11-25"},
                             {"notification_date", "2026-11-27"},
                             {"persons:list", "0000000019"},
                             {"confirmed_destination.text", "福岡県福岡市博多区博多駅前一丁目"},
                             {"confirmed_destination.banchi", "2番3号"},
                             {"mode", "record"}});
  ASSERT_EQ(notice.status, 303) << notice.body;
  auto removed = Get("/resident?atena=0000000019", clerk.cookie).body;
  EXPECT_NE(removed.find("除票の記載事項"), std::string::npos) << removed;
  EXPECT_NE(removed.find("福岡県福岡市博多区博多駅前一丁目2番3号"), std::string::npos);
  EXPECT_NE(removed.find("転入通知年月日</dt><dd>令和8年11月27日"), std::string::npos) << removed;
  EXPECT_NE(removed.find("転入通知の受理"), std::string::npos) << "offered for a 除票";
  // JK-3.3: his wife's household still lists him, as a 除票.
  auto wife = Get("/resident?atena=0000000027", clerk.cookie).body;
  EXPECT_NE(wife.find("宛名番号 0000000019） <span class=\"tag\">除票・国内転出"),
            std::string::npos)
      << wife;
}

// 仮登録一覧の一部・全部本登録 (JK-4.0.8): the list narrowed by 入力場所 and 異動者; 本登録 of the
// ones ticked or of all shown, each in its own transaction, a refusal not stopping the others; the
// same over the API (ids=…), with the ceiling on one request. A browser registered as a terminal
// enters at its 入力場所.
// REQ: JK-4.0.8, JK-1.3.1
TEST_F(StaffApiTest, PendingListNarrowedAndApprovedInPartOrWhole) {
  auto enter = [&](const std::string& given, const std::string& place) {
    const std::string json =
        std::string(R"({"type":"move_in","event_date":"2026-11-20","notification_date":"2026-11-20",
      "persons":[{"family_name":"仮登","given_name":")") +
        given + R"(","family_kana":"カリト","given_kana":"カナ",
      "birth_date":"1990-01-01","sex":"female","relationship":"世帯主"}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"9番"}})";
    std::ofstream(dir_.File(given + ".json")) << json;
    auto entered = RunCli(
        {"apply", "--db", db_, "--provisional", "--place", place, dir_.File(given + ".json")});
    EXPECT_EQ(entered.status, 0) << entered.err;
  };
  enter("一子", "北支所");
  enter("二子", "北支所");
  enter("三子", "本庁");
  enter("四子", "本庁");
  const Login approver = LogIn("appr01", ReadyUser("appr01", "view,approve", false));
  auto all = Get("/pending", approver.cookie);
  ASSERT_EQ(all.status, 200);
  EXPECT_NE(all.body.find("仮登録 4 件"), std::string::npos) << all.body;
  std::string north;
  Poco::URI::encode("北支所", "", north);
  auto narrowed = Get("/pending?place=" + north, approver.cookie);
  EXPECT_NE(narrowed.body.find("仮登録 2 件（全 4 件のうち）"), std::string::npos) << narrowed.body;
  EXPECT_NE(narrowed.body.find("表示中の 2 件をすべて本登録"), std::string::npos);
  std::map<std::string, std::string> form{{"Content-Type", "application/x-www-form-urlencoded"},
                                          {"Cookie", approver.cookie}};
  auto post = [&](const std::string& body) {
    return Fetch(server_->port(), "/pending/approve", "POST", body + "&csrf=" + approver.csrf,
                 form);
  };
  EXPECT_EQ(post("scope=selected&place=" + north).status, 400) << "nothing ticked";
  // 全部本登録 of the 北支所's two (the ids the list showed).
  auto whole = post("scope=all&place=" + north + "&shown=1&shown=2");
  ASSERT_EQ(whole.status, 200) << whole.body;
  EXPECT_NE(whole.body.find("2 件のうち 2 件を本登録しました"), std::string::npos) << whole.body;
  EXPECT_NE(whole.body.find("仮登録 0 件（全 2 件のうち）"), std::string::npos)
      << "the narrowed list, now empty";
  EXPECT_EQ(
      QueryInt(db_, "SELECT count(*) FROM resident_version WHERE given_name IN ('一子', '二子')"),
      2);
  // 一部: one ticked of the two left, with an id already decided — refused alone, the other approved.
  auto part = post("scope=selected&id=3&id=1");
  ASSERT_EQ(part.status, 200) << part.body;
  EXPECT_NE(part.body.find("2 件のうち 1 件を本登録しました"), std::string::npos) << part.body;
  EXPECT_NE(part.body.find("仮登録 1 は本登録できませんでした"), std::string::npos);
  EXPECT_NE(part.body.find("pending.not_open"), std::string::npos);
  // The API: narrowed list, then ids=…; more than the ceiling refused whole.
  auto listed = Get("/api/v1/pending?place=" + north, approver.cookie);
  EXPECT_EQ(listed.body, "{\"pending\":[]}") << listed.body;
  std::string many = "1";
  for (int i = 2; i <= 101; ++i) many += "," + std::to_string(i);
  auto too_many = Post("/api/v1/pending/approve?ids=" + many, "", approver.cookie, approver.csrf);
  EXPECT_EQ(too_many.status, 422) << too_many.body;
  EXPECT_EQ(Field(too_many.body, "rule_id"), "pending.too_many");
  auto api = Post("/api/v1/pending/approve?ids=4,3", "", approver.cookie, approver.csrf);
  ASSERT_EQ(api.status, 200) << api.body;
  EXPECT_NE(api.body.find("\"approved\":[{\"pending_id\":4,\"change\":{\"change_id\":"),
            std::string::npos)
      << api.body;
  EXPECT_NE(
      api.body.find(
          "\"refused\":[{\"pending_id\":3,\"code\":\"not_found\",\"rule_id\":\"pending.not_open\""),
      std::string::npos);
  // Without the 本登録 permission: each refused (and logged), nothing approved.
  enter("五子", "本庁");
  const Login clerk = LogIn("clerk09", ReadyUser("clerk09", "view,change", false));
  auto denied = Post("/api/v1/pending/approve?ids=5", "", clerk.cookie, clerk.csrf);
  EXPECT_NE(denied.body.find("\"refused\":[{\"pending_id\":5,\"code\":\"forbidden\",\"rule_id\":"
                             "\"access.permission_denied\""),
            std::string::npos)
      << denied.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM resident_version WHERE given_name = '五子'"), 0);
  // A browser registered as a terminal (ID web:<address>) enters at that terminal's 入力場所.
  const std::string north_secret =
      ReadyUser("clerk10", "view,change", false);  // before terminals exist
  ASSERT_EQ(
      RunCli({"settings", "--db", db_, "add-place", "--code", "KITA", "--name", "北支所"}).status,
      0);
  ASSERT_EQ(RunCli({"settings", "--db", db_, "add-terminal", "--id", "web:127.0.0.1", "--place",
                    "KITA", "--name", "北支所窓口1"})
                .status,
            0);
  const Login north_clerk = LogIn("clerk10", north_secret);
  auto entered =
      Post("/api/v1/changes?mode=provisional", R"({"type":"move_in","event_date":"2026-11-20",
      "persons":[{"family_name":"北","given_name":"一","birth_date":"1990-01-01","sex":"male","relationship":"世帯主"}],
      "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"9番"}})",
           north_clerk.cookie, north_clerk.csrf);
  ASSERT_EQ(entered.status, 201) << entered.body;
  EXPECT_NE(entered.body.find("\"place\":\"北支所\",\"terminal\":\"web:127.0.0.1\""),
            std::string::npos)
      << entered.body;
  EXPECT_NE(
      Get("/api/v1/pending?place=" + north, approver.cookie).body.find("\"place\":\"北支所\""),
      std::string::npos);
}

// The input aids and the online manual: 本籍 candidates from the person and the household
// (JK-4.0.6), one more 転入者 carrying the 氏・本籍・筆頭者 of the last (JK-4.0.10), the name's
// characters enlarged on the 入力確認 (JK-2.2.3), and the manual, reached from each screen (JK-10.5).
// REQ: JK-4.0.6, JK-4.0.7, JK-4.0.10, JK-2.2.3, JK-10.5, JK-2.3.1, JK-4.2.0.5
// 特例転入 through the screens: a 転出証明書情報 arrives from the CS adapter (API), is listed on /cs
// with a button that fills the 転入 form from it, and the 転入 recorded from it (API) takes it up
// once; the 転入通知 to the 転出地 is queued in the same commit.
// REQ: JK-4.1.1.3
// REQ: JK-4.1.3.1.2
TEST_F(StaffApiTest, SpecialMoveInFromReceivedInformation) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change", false));
  const Login viewer = LogIn("view01", ReadyUser("view01", "view", false));
  const std::string message =
      "JRR-CS/"
      "1\nid=架空県架空村-CS-7\nkind=move_out_information\nfrom=架空県架空村\nto=架空県架空市\n==\n"
      "JRR-TENSHUTSU/"
      "1\nfrom=990027\nfrom_name=架空県架空村\nissued=2026-11-20\n--\natena=0000000099\nkind="
      "japanese\n"
      "name=特例　花子\nkana=トクレイ　ハナコ\nbirth=1990-01-01\nbirth_text=平成2年1月1日\nsex=2\n"
      "relationship=世帯主\naddress=架空県架空村中央3番地\ndomicile=架空県架空村中央3番地\nhead_of_"
      "family=特例　花子\n"
      "resident_record_code=\nindividual_number=\n";
  EXPECT_EQ(Post("/api/v1/cs/messages", message, viewer.cookie, viewer.csrf).status,
            403);  // needs 異動入力
  auto received = Post("/api/v1/cs/messages", message, clerk.cookie, clerk.csrf);
  ASSERT_EQ(received.status, 201) << received.body;
  EXPECT_EQ(Field(received.body, "outcome"), "received");
  EXPECT_EQ(Post("/api/v1/cs/messages", message, clerk.cookie, clerk.csrf).status,
            200);  // once only
  EXPECT_EQ(Post("/api/v1/cs/messages", "not a message", clerk.cookie, clerk.csrf).status, 400);
  auto list = Get("/cs", clerk.cookie);
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find("特例　花子（平成2年1月1日）"), std::string::npos) << list.body;
  EXPECT_NE(list.body.find("name=\"cs_id\" value=\"架空県架空村-CS-7\""), std::string::npos);
  EXPECT_EQ(Get("/cs", viewer.cookie).status, 403);
  // The button fills the 転入 form, which carries the information's id.
  auto loaded =
      Fetch(server_->port(), "/change", "POST",
            FormEncode({{"type", "move_in"},
                        {"mode", "load-cs"},
                        {"cs_id", "架空県架空村-CS-7"},
                        {"csrf", clerk.csrf}}),
            {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", clerk.cookie}});
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_NE(loaded.body.find("name=\"persons.0.given_name\" value=\"花子\""), std::string::npos)
      << loaded.body;
  EXPECT_NE(loaded.body.find("name=\"move_out_information\" value=\"架空県架空村-CS-7\""),
            std::string::npos);
  EXPECT_NE(loaded.body.find("特例転入: 受信した転出証明書情報"), std::string::npos);
  const std::string move_in =
      R"({"type":"move_in","event_date":"2026-11-21","notification_date":"2026-11-21",
      "move_out_information":"架空県架空村-CS-7",
      "persons":[{"family_name":"特例","given_name":"花子","birth_date":"1990-01-01","sex":"female",
                  "relationship":"世帯主","domicile":{"place":"架空県架空村中央3番地","head_of_family":"特例　花子"}}],
      "previous_address":{"text":"架空県架空村中央3番地"},
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"8番"}})";
  auto recorded = Post("/api/v1/changes", move_in, clerk.cookie, clerk.csrf);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_NE(recorded.body.find("\"special\":true"), std::string::npos) << recorded.body;
  auto twice = Post("/api/v1/changes", move_in, clerk.cookie, clerk.csrf);
  EXPECT_EQ(twice.status, 422) << twice.body;
  EXPECT_EQ(Field(twice.body, "rule_id"), "cs.move_out_information_used");
  auto inbox = Get("/api/v1/cs/messages?box=inbox", clerk.cookie);
  ASSERT_EQ(inbox.status, 200);
  EXPECT_NE(inbox.body.find("\"state\":\"used\""), std::string::npos) << inbox.body;
  EXPECT_EQ(Get("/api/v1/cs/messages?box=inbox&waiting=1", clerk.cookie).body.find("CS-7"),
            std::string::npos);
  auto outbox = Get("/api/v1/cs/messages?box=outbox", clerk.cookie);
  EXPECT_NE(outbox.body.find("\"kind\":\"move_in_notice\",\"counterpart\":\"架空県架空村\""),
            std::string::npos)
      << outbox.body;
  EXPECT_EQ(Get("/api/v1/cs/messages?box=x", clerk.cookie).status, 400);
}

// 住所の変更 (住居表示の実施, JK-9.7) of one household on its screen: the form starts from the
// address as it stands; recorded as a 軽微な修正 for every member.
// REQ: JK-9.7
// REQ: JK-4.2.3.2
TEST_F(StaffApiTest, AddressRenamingOnItsScreen) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change", false));
  auto form = Get("/change?type=address_renaming&atena=0000000019", clerk.cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("name=\"before.text\" value=\"架空県架空市桜町一丁目\""),
            std::string::npos)
      << form.body;
  EXPECT_NE(form.body.find("name=\"household_number\" value=\"0000000019\""), std::string::npos);
  std::map<std::string, std::string> fields{{"screen", "address_renaming"},
                                            {"type", "address_renaming"},
                                            {"event_date", "2026-11-01"},
                                            {"household_number", "0000000019"},
                                            {"before.text", "架空県架空市桜町一丁目"},
                                            {"before.banchi", "1番2号"},
                                            {"after.text", "架空県架空市さくら町一丁目"},
                                            {"after.banchi", "1番2号"},
                                            {"cause", "町字の名称の変更"},
                                            {"mode", "record"},
                                            {"csrf", clerk.csrf}};
  auto post = [&](const std::map<std::string, std::string>& f) {
    return Fetch(server_->port(), "/change", "POST", FormEncode(f),
                 {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", clerk.cookie}});
  };
  auto recorded = post(fields);
  ASSERT_EQ(recorded.status, 303) << recorded.body;
  const std::string view = Get("/resident?atena=0000000027", clerk.cookie).body;
  EXPECT_NE(view.find("架空県架空市さくら町一丁目1番2号"), std::string::npos) << view;
  EXPECT_NE(view.find("軽微な修正"), std::string::npos);
  // The same row again no longer describes the register.
  auto stale = post(fields);
  EXPECT_EQ(stale.status, 422) << stale.body;
  EXPECT_NE(stale.body.find("bulk.address_mismatch"), std::string::npos);
}

// 通知書等 from the screen (linked from the 異動履歴) and the API.
// REQ: JK-4.2.0.1
// REQ: JK-4.1.3.1.4
TEST_F(StaffApiTest, NoticesFromTheScreenAndTheApi) {
  AddMayor();
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change,issue", false));
  const Login viewer = LogIn("view01", ReadyUser("view01", "view", false));
  EXPECT_NE(
      Get("/resident?atena=0000000019", clerk.cookie).body.find("href=\"/notices?change_id=1\""),
      std::string::npos);
  auto form = Get("/notices?change_id=1&kind=receipt", clerk.cookie);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_NE(form.body.find("name=\"change_id\" value=\"1\""), std::string::npos) << form.body;
  EXPECT_NE(form.body.find("value=\"receipt\" selected"), std::string::npos);
  auto post = [&](const Login& who, std::map<std::string, std::string> fields) {
    fields["csrf"] = who.csrf;
    return Fetch(server_->port(), "/notices", "POST", FormEncode(fields),
                 {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", who.cookie}});
  };
  auto list = post(clerk, {{"kind", "awaiting"}, {"days", "0"}});
  ASSERT_EQ(list.status, 201) << list.body;
  EXPECT_EQ(list.body.rfind("%PDF", 0), 0u);
  // The 転入 named 花子, who is under a 支援措置: no 受理通知 names her.
  auto blocked = post(clerk, {{"kind", "receipt"}, {"change_id", "1"}});
  EXPECT_EQ(blocked.status, 403) << blocked.body;
  EXPECT_NE(blocked.body.find("support.issue_blocked"), std::string::npos);
  EXPECT_NE(blocked.body.find("name=\"change_id\" value=\"1\""), std::string::npos)
      << "the form comes back filled";
  auto api = Post("/api/v1/notices", R"({"kind":"awaiting","days":0})", clerk.cookie, clerk.csrf);
  ASSERT_EQ(api.status, 201) << api.body;
  EXPECT_EQ(api.body.rfind("%PDF", 0), 0u);
  EXPECT_EQ(Post("/api/v1/notices", R"({"kind":"awaiting"})", viewer.cookie, viewer.csrf).status,
            403);
  auto unknown = Post("/api/v1/notices", R"({"kind":"letter"})", clerk.cookie, clerk.csrf);
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(Field(unknown.body, "rule_id"), "notice.unknown_kind");
  EXPECT_EQ(Post("/api/v1/notices", "[1]", clerk.cookie, clerk.csrf).status, 400);
}

// CSV形式のデータの取込 (JK-10.8): a 交付申請書 as CSV fills the certificate form.
// REQ: JK-10.8
TEST_F(StaffApiTest, CertificateRequestFromCsv) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,issue", false));
  auto post = [&](const std::string& csv) {
    return Fetch(server_->port(), "/certificate/csv", "POST",
                 FormEncode({{"csv", csv}, {"csrf", clerk.csrf}}),
                 {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", clerk.cookie}});
  };
  auto filled = post(
      "種類,宛名番号,範囲,請求者,部数,記載事項\n住民票の写し,0000000019,本人,本人等,2,"
      "\"本籍・筆頭者、国籍・地域、在留資格等\"\n");
  ASSERT_EQ(filled.status, 303) << filled.body;
  const std::string form = Get(filled.Header("Location"), clerk.cookie).body;
  EXPECT_NE(form.find("name=\"copies\" value=\"2\""), std::string::npos) << form;
  EXPECT_NE(form.find("name=\"item-honseki\" value=\"1\" checked"), std::string::npos);
  EXPECT_NE(form.find("name=\"item-gaikoku\" value=\"1\" checked"), std::string::npos);
  EXPECT_EQ(form.find("name=\"item-zokugara\" value=\"1\" checked"), std::string::npos);
  EXPECT_NE(form.find("value=\"0\" selected>本人"), std::string::npos);
  struct Bad {
    const char* csv;
    const char* rule;
  };
  const Bad kBad[] = {{"種類\n戸籍謄本\n", "csv.unknown_value"},
                      {"記載事項\n血液型\n", "csv.unknown_value"},
                      {"好きな色\n青\n", "csv.unknown_column"},
                      {"種類\n", "csv.no_rows"}};
  for (const Bad& b : kBad) {
    auto refused = post(b.csv);
    EXPECT_EQ(refused.status, 400) << b.csv;
    EXPECT_NE(refused.body.find(b.rule), std::string::npos) << b.csv;
  }
}

TEST_F(StaffApiTest, InputAidsAndTheOnlineManual) {
  const Login clerk = LogIn("clerk01", ReadyUser("clerk01", "view,change,see_domicile", false));
  // A form of the 異動 screen, posted as the clerk's browser does.
  auto post_change = [&](std::map<std::string, std::string> fields) {
    fields["csrf"] = clerk.csrf;
    return Fetch(server_->port(), "/change", "POST", FormEncode(fields),
                 {{"Content-Type", "application/x-www-form-urlencoded"}, {"Cookie", clerk.cookie}});
  };
  auto birth = Get("/change?type=birth&atena=0000000019", clerk.cookie);
  ASSERT_EQ(birth.status, 200);
  EXPECT_NE(birth.body.find("name=\"child.domicile.place\" value=\"架空県架空市桜町一丁目1番地\" "
                            "list=\"domicile-candidates\""),
            std::string::npos)
      << birth.body;
  EXPECT_NE(birth.body.find("<option value=\"架空県架空市桜町一丁目1番2号\">"), std::string::npos)
      << "the address";
  EXPECT_NE(birth.body.find("<option value=\"東京都千代田区霞が関二丁目1番2号\">"),
            std::string::npos)
      << "the previous address";
  EXPECT_NE(birth.body.find("<datalist id=\"head-candidates\"><option value=\"架空　一郎\">"),
            std::string::npos);
  EXPECT_NE(birth.body.find("異動の入力（出生）"), std::string::npos)
      << "the 異動処理名称 on the screen";
  EXPECT_EQ(birth.body.find("name=\"on_request:bool\""), std::string::npos);
  EXPECT_NE(
      Get("/change?type=correction&atena=0000000019", clerk.cookie).body.find("本人等の申出による"),
      std::string::npos);
  // 一括入力: the second 転入者 starts with the first's 氏, 振り仮名, 本籍 and 筆頭者.
  auto added = post_change({{"screen", "move_in"},
                            {"type", "move_in"},
                            {"mode", "add-person"},
                            {"persons.0.family_name", "髙橋"},
                            {"persons.0.given_name", "一"},
                            {"persons.0.family_kana", "タカハシ"},
                            {"persons.0.domicile.place", "架空県架空市中央1番地"},
                            {"persons.0.domicile.head_of_family", "髙橋　一"}});
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_NE(added.body.find("name=\"persons.1.family_name\" value=\"髙橋\""), std::string::npos)
      << added.body;
  EXPECT_NE(added.body.find("name=\"persons.1.family_kana\" value=\"タカハシ\""),
            std::string::npos);
  EXPECT_NE(added.body.find("name=\"persons.1.domicile.place\" value=\"架空県架空市中央1番地\""),
            std::string::npos);
  EXPECT_NE(added.body.find("name=\"persons.1.given_name\" value=\"\""), std::string::npos)
      << "the 名 is the person's own";
  EXPECT_NE(added.body.find("転入者 2"), std::string::npos);
  EXPECT_NE(added.body.find("name=\"unreported:bool\""), std::string::npos)
      << "未届転入 (JK-4.1.1.4)";
  EXPECT_NE(added.body.find("name=\"persons.1.last_registered_address\""), std::string::npos);
  // 入力確認 shows each character of the name with its code point: 髙 is U+9AD9, not 高.
  auto check = post_change({{"screen", "correction"},
                            {"type", "correction"},
                            {"mode", "check"},
                            {"event_date", "2026-11-20"},
                            {"addressee_number", "0000000019"},
                            {"reason", "clerical_error_correction"},
                            {"fields.family_name", "髙空"},
                            {"on_request:bool", "1"}});
  ASSERT_EQ(check.status, 200) << check.body;
  EXPECT_NE(check.body.find("<span class=\"glyph\" lang=\"ja\">髙</span><code>U+9AD9</code>"),
            std::string::npos)
      << check.body;
  EXPECT_NE(check.body.find("name=\"on_request:bool\" value=\"1\""), std::string::npos)
      << "申出 carried to 登録";
  auto moved = post_change({{"screen", "within_move"},
                            {"type", "within_move"},
                            {"mode", "check"},
                            {"event_date", "2026-11-20"},
                            {"movers:list", "0000000027"},
                            {"on_request:bool", "1"},
                            {"relationships.0000000027", "世帯主"},
                            {"new_address.text", "架空県架空市桜町二丁目"},
                            {"new_address.banchi", "1番"}});
  EXPECT_NE(moved.body.find("change.request_not_ex_officio"), std::string::npos)
      << "a 届出 is not done at a 申出";
  // 方書入力補助: with the town's dictionary, the 転居 form offers the 方書 of the 町字 and 番地 entered.
  ASSERT_EQ(RunCli({"dictionary", "--db", db_, "import",
                    std::string(JRR_SOURCE_DIR) + "/sample_data/kakuu_address_dictionary.tsv"})
                .status,
            0);
  auto katagaki = post_change({{"screen", "within_move"},
                               {"type", "within_move"},
                               {"mode", "edit"},
                               {"atena", "0000000019"},
                               {"new_address.code", "99000002001"},
                               {"new_address.banchi", "5番10号"}});
  ASSERT_EQ(katagaki.status, 200) << katagaki.body;
  EXPECT_NE(
      katagaki.body.find("<datalist id=\"katagaki-candidates\"><option value=\"若葉台団地3号棟\">"),
      std::string::npos)
      << katagaki.body;
  // The manual: without a login too; each screen links to its own section.
  auto help = Get("/help");
  ASSERT_EQ(help.status, 200);
  EXPECT_NE(help.body.find("<h2 id=\"change\">異動の入力と入力確認</h2>"), std::string::npos);
  EXPECT_NE(Get("/resident?atena=0000000019", clerk.cookie)
                .body.find("href=\"/help#resident\" accesskey=\"h\""),
            std::string::npos);
  EXPECT_NE(birth.body.find("href=\"/help#change\""), std::string::npos);
}

}  // namespace
}  // namespace jrr::testing
