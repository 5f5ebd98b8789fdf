// SPDX-License-Identifier: Apache-2.0
//
// Defects in who may act, found by trying as a dismissed employee, a greedy administrator and a
// guesser:
//  - disable, revoke, password reset and 2FA reset left every live session working, without any
//    absolute lifetime;
//  - a user administrator could grant itself 照会, 支援措置 and 解除;
//  - a token could mint a token, and a token could have no expiry;
//  - parallel wrong logins passed the lock-out, the password change was an unthrottled oracle for
//    the old password, and a TOTP code worked again within its window;
//  - user IDs could be told apart (the grant action's answer, login timing), a 一時解除 could be
//    granted to a user that does not exist, and a logout without the CSRF token ended the session.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "jrr/web/security/session_store.h"
#include "jrr/web/server/web_server.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class StaffRights : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
    Serve();
    ReadyUser("demo", "admin");
    ReadyUser("kanri", "user_admin,settings");
    ReadyUser("madoguchi", "view,change,issue");
  }
  int Status(const HttpReply& reply) { return reply.status; }
};

// LAW: 住基法第30条の29 (安全確保措置) — REQ: JK-10.3
TEST_F(StaffRights, DisableRevokeAndResetsEndLiveSessions) {
  const std::string view = "/api/v1/resident?atena=0000000019";
  auto admin = LogIn("demo");
  // Revoking 照会 takes effect on the clerk's next request.
  auto clerk = LogIn("madoguchi");
  ASSERT_EQ(Get(view, clerk).status, 200);
  ASSERT_EQ(
      Post("/api/v1/users", R"({"action":"revoke","id":"madoguchi","permissions":"view"})", admin)
          .status,
      200);
  auto revoked = Get(view, clerk);
  EXPECT_EQ(revoked.status, 403) << "the session now has the permissions the account has";
  EXPECT_EQ(JsonField(revoked.body, "rule_id"), "access.permission_denied");
  ASSERT_EQ(
      Post("/api/v1/users", R"({"action":"grant","id":"madoguchi","permissions":"view"})", admin)
              .status /
          100,
      2);
  ApproveAll();
  // Disable.
  clerk = LogIn("madoguchi");
  ASSERT_EQ(Get(view, clerk).status, 200);
  ASSERT_EQ(Post("/api/v1/users", R"({"action":"disable","id":"madoguchi"})", admin).status, 200);
  EXPECT_EQ(Get(view, clerk).status, 401);
  // Password and second-factor resets end the sessions of that user (not the administrator's).
  auto kanri = LogIn("kanri");
  ASSERT_EQ(Get("/api/v1/users", kanri).status, 200);
  ASSERT_EQ(Post("/api/v1/users", R"({"action":"reset-password","id":"kanri"})", admin).status,
            202);
  EXPECT_EQ(Get("/api/v1/users", kanri).status, 200)
      << "nothing changes until a second administrator approves";
  ApproveAll();
  EXPECT_EQ(Get("/api/v1/users", kanri).status, 401);
  EXPECT_EQ(Get("/api/v1/users", admin).status, 200);
}

// A session lives at most kAbsoluteSeconds however busy it is (the idle timeout alone never ends a
// session kept busy).
// REQ: JK-10.3
TEST(SessionLifetime, ASessionHasAnAbsoluteLifetime) {
  web::SessionStore store;
  const int64_t start = 1'800'000'000;
  const web::Session s = store.Create(Viewer{"clerk", "", "", {Permission::kView}, {}, start},
                                      LoginStep::kDone, start);
  int64_t now = start;
  // Busy every five minutes.
  while (now < start + web::kAbsoluteSeconds - 300) {
    now += 300;
    ASSERT_TRUE(store.Find(s.id, now)) << now - start;
  }
  EXPECT_FALSE(store.Find(s.id, start + web::kAbsoluteSeconds + 1));
}

// LAW: 住基法第30条の29 — REQ: JK-10.3, JK-10.4
TEST_F(StaffRights, NoOneChangesTheirOwnPermissionsAndSensitiveGrantsNeedASecondAdministrator) {
  auto kanri = LogIn("kanri");
  auto own = Post("/api/v1/users",
                  R"({"action":"grant","id":"kanri","permissions":"view,support_measure,release"})",
                  kanri);
  EXPECT_EQ(own.status, 403) << own.body;
  EXPECT_EQ(JsonField(own.body, "rule_id"), "staff.own_permissions");
  // Granting 照会 to someone else is a request until another administrator approves it.
  auto asked =
      Post("/api/v1/users",
           R"({"action":"grant","id":"madoguchi","permissions":"support_measure"})", kanri);
  ASSERT_EQ(asked.status, 202) << asked.body;
  const std::string request_id = JsonField(asked.body, "request_id");
  ASSERT_FALSE(request_id.empty()) << asked.body;
  auto permissions_of = [&](const std::string& id) {
    return QueryText(db_, "SELECT permissions FROM staff_user_version WHERE user_id = '" + id +
                              "' ORDER BY version DESC LIMIT 1");
  };
  EXPECT_EQ(permissions_of("madoguchi").find("support_measure"), std::string::npos)
      << "not granted yet";
  // The one who asked cannot approve it.
  auto self_approved =
      Post("/api/v1/users", R"({"action":"approve","request":")" + request_id + R"("})", kanri);
  EXPECT_EQ(self_approved.status, 403) << self_approved.body;
  EXPECT_EQ(JsonField(self_approved.body, "rule_id"), "staff.second_approver_required");
  auto admin = LogIn("demo");
  auto approved =
      Post("/api/v1/users", R"({"action":"approve","request":")" + request_id + R"("})", admin);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_NE(permissions_of("madoguchi").find("support_measure"), std::string::npos);
  EXPECT_GE(QueryInt(db_, "SELECT count(*) FROM audit_entry WHERE function LIKE '権限付与の承認%'"),
            1);
  // Every grant is a request: each permission opens some path to people's data.
  EXPECT_EQ(
      Post("/api/v1/users", R"({"action":"grant","id":"madoguchi","permissions":"approve"})", kanri)
          .status,
      202);
  // Taking something away needs no one else.
  EXPECT_EQ(
      Post("/api/v1/users", R"({"action":"revoke","id":"madoguchi","permissions":"change"})", kanri)
          .status,
      200);
}

// One administrator alone cannot make an account to act through: neither a new user with a
// permission, nor a takeover of a colleague's account by resetting its password and second factor.
// LAW: 住基法第30条の29 — REQ: JK-10.3, JK-10.4
TEST_F(StaffRights, OneAdministratorCannotTakeOverOrMakeAnAccount) {
  auto kanri = LogIn("kanri");
  auto added = Post("/api/v1/users",
                    R"({"action":"add","id":"puppet","name":"傀儡","permissions":"issue"})", kanri);
  ASSERT_EQ(added.status, 202) << added.body;
  EXPECT_EQ(QueryText(db_,
                      "SELECT permissions FROM staff_user_version WHERE user_id = 'puppet' ORDER "
                      "BY version DESC "
                      "LIMIT 1"),
            "")
      << "the new account may do nothing until another administrator approves";
  EXPECT_EQ(added.body.find("password"), std::string::npos)
      << "the one who asked never sees its password";
  // Nor can the asker reset the waiting account's password to learn one: a reset is a request too,
  // and its answer carries no password.
  auto puppet_reset = Post("/api/v1/users", R"({"action":"reset-password","id":"puppet"})", kanri);
  EXPECT_EQ(puppet_reset.status, 202) << puppet_reset.body;
  EXPECT_EQ(puppet_reset.body.find("password\":"), std::string::npos) << puppet_reset.body;
  for (const char* reset : {"reset-password", "reset-2fa"}) {
    auto asked = Post("/api/v1/users",
                      std::string(R"({"action":")") + reset + R"(","id":"madoguchi"})", kanri);
    EXPECT_EQ(asked.status, 202) << reset << asked.body;
    EXPECT_FALSE(JsonField(asked.body, "request_id").empty()) << asked.body;
  }
  // Until then the colleague's own password and second factor are the ones that work.
  auto clerk = LogIn("madoguchi");
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", clerk).status, 200);
  auto listed = Cli({"user", "requests"});
  EXPECT_NE(listed.out.find("パスワード再設定"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("二要素認証の再設定"), std::string::npos) << listed.out;
  // The administrator who asked cannot approve, nor can the account's owner decide about it.
  auto requests = Get("/api/v1/users", kanri);
  ASSERT_EQ(requests.status, 200);
  const std::string first = QueryText(db_, "SELECT max(request_id) FROM staff_permission_request");
  auto self = Post("/api/v1/users", R"({"action":"approve","request":")" + first + R"("})", kanri);
  EXPECT_EQ(JsonField(self.body, "rule_id"), "staff.second_approver_required") << self.body;
  // The second administrator's approval issues the new password, to that administrator alone.
  auto admin = LogIn("demo");
  const std::string reset =
      QueryText(db_,
                "SELECT max(request_id) FROM staff_permission_request WHERE user_id = "
                "'madoguchi' AND kind = 1");
  auto approved =
      Post("/api/v1/users", R"({"action":"approve","request":")" + reset + R"("})", admin);
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(JsonField(approved.body, "password_for"), "madoguchi") << approved.body;
  EXPECT_EQ(JsonField(approved.body, "initial_password").size(), 16u) << approved.body;
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", clerk).status, 401)
      << "the reset ends the owner's sessions";
}

// REQ: JK-10.3
TEST_F(StaffRights, TokensCannotMintTokensAndAlwaysExpire) {
  auto clerk = LogIn("madoguchi");
  auto issued = Post("/api/v1/tokens", R"({"name":"batch"})", clerk);
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_FALSE(JsonField(issued.body, "expires_on").empty()) << "a token without a date gets one";
  auto too_long = Post("/api/v1/tokens", R"({"name":"forever","expires_on":"2099-01-01"})", clerk);
  EXPECT_EQ(JsonField(too_long.body, "rule_id"), "token.expiry_too_far") << too_long.body;
  const std::string secret = JsonField(issued.body, "secret");
  auto minted =
      Fetch(port(), "/api/v1/tokens", "POST", R"({"name":"child"})",
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + secret}});
  EXPECT_EQ(minted.status, 403) << minted.body;
  auto password =
      Fetch(port(), "/api/v1/password", "POST", R"({"old_password":"x","new_password":"y"})",
            {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + secret}});
  EXPECT_EQ(password.status, 403) << password.body;
  // A password reset ends the tokens issued before it.
  auto admin = LogIn("demo");
  ASSERT_EQ(Fetch(port(), "/api/v1/resident?atena=0000000019", "GET", "",
                  {{"Authorization", "Bearer " + secret}})
                .status,
            200);
  ASSERT_EQ(Post("/api/v1/users", R"({"action":"reset-2fa","id":"madoguchi"})", admin).status, 202);
  ApproveAll();
  EXPECT_EQ(Fetch(port(), "/api/v1/resident?atena=0000000019", "GET", "",
                  {{"Authorization", "Bearer " + secret}})
                .status,
            401);
}

// REQ: JK-10.3
TEST_F(StaffRights, ParallelWrongLoginsStopAtTheLimit) {
  // Sixteen at once from one address: a server that lets one client hold that many connections.
  server_->Stop();
  Serve(16, 32);
  std::vector<std::thread> threads;
  std::atomic<int> failed{0}, locked{0};
  for (int i = 0; i < 16; ++i) {
    threads.emplace_back([&, i] {
      auto reply = Fetch(port(), "/api/v1/login", "POST",
                         R"({"user_id":"madoguchi","password":"wrong-guess-)" + std::to_string(i) +
                             R"(","code":"000000"})",
                         {{"Content-Type", "application/json"}});
      const std::string rule = JsonField(reply.body, "rule_id");
      if (rule == "auth.failed") ++failed;
      if (rule == "auth.locked") ++locked;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_LE(failed.load(), kMaxFailedLogins) << "passwords checked beyond the limit";
  EXPECT_EQ(failed.load() + locked.load(), 16);
  EXPECT_LE(
      QueryInt(
          db_,
          "SELECT count(*) FROM login_attempt WHERE user_id = 'madoguchi' AND outcome = 'failure' "
          "AND attempt_id > (SELECT max(attempt_id) FROM login_attempt WHERE user_id = 'madoguchi' "
          "AND outcome = 'success')"),
      kMaxFailedLogins);
}

// REQ: JK-10.3
TEST_F(StaffRights, PasswordChangeCountsWrongOldPasswords) {
  auto clerk = LogIn("madoguchi");
  for (int i = 0; i < kMaxFailedLogins; ++i) {
    auto wrong = Post("/api/v1/password",
                      R"({"old_password":"guess-)" + std::to_string(i) +
                          R"(","new_password":"another-long-passphrase"})",
                      clerk);
    EXPECT_EQ(wrong.status, 401) << wrong.body;
  }
  auto locked =
      Post("/api/v1/password",
           R"({"old_password":"passphrase-of-madoguchi","new_password":"another-long-passphrase"})",
           clerk);
  EXPECT_EQ(JsonField(locked.body, "rule_id"), "auth.locked") << locked.body;
  auto login = Post("/api/v1/login",
                    R"({"user_id":"madoguchi","password":"passphrase-of-madoguchi","code":")" +
                        NextCode("madoguchi") + R"("})");
  EXPECT_EQ(JsonField(login.body, "rule_id"), "auth.locked") << login.body;
}

// RFC 6238 §5.2: a code is accepted once.
// REQ: JK-10.3
TEST_F(StaffRights, ASecondFactorCodeWorksOnce) {
  const std::string code = NextCode("madoguchi");
  const std::string body =
      R"({"user_id":"madoguchi","password":"passphrase-of-madoguchi","code":")" + code + R"("})";
  EXPECT_EQ(Post("/api/v1/login", body).status, 200);
  auto again = Post("/api/v1/login", body);
  EXPECT_EQ(again.status, 401) << again.body;
  // An older step than one already used is refused as well.
  steps_.StepBack(secrets_.at("madoguchi"), 2);
  auto older = Post("/api/v1/login",
                    R"({"user_id":"madoguchi","password":"passphrase-of-madoguchi","code":")" +
                        NextCode("madoguchi") + R"("})");
  EXPECT_EQ(older.status, 401) << older.body;
  steps_.StepBack(secrets_.at("madoguchi"), -2);
}

// REQ: JK-10.3
TEST_F(StaffRights, UserIdsCannotBeToldApart) {
  auto clerk = LogIn("madoguchi");
  auto known =
      Post("/api/v1/users", R"({"action":"grant","id":"kanri","permissions":"view"})", clerk);
  auto unknown =
      Post("/api/v1/users", R"({"action":"grant","id":"nosuchuser","permissions":"view"})", clerk);
  EXPECT_EQ(known.status, unknown.status) << known.body << unknown.body;
  EXPECT_EQ(JsonField(known.body, "rule_id"), JsonField(unknown.body, "rule_id"));
  // Login: an unknown ID costs the same password hashing as a known one. Timed over several tries
  // each, the medians within a factor of three (the hash dominates both).
  auto median = [&](const std::string& id) {
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
      const auto start = std::chrono::steady_clock::now();
      Post("/api/v1/login", R"({"user_id":")" + id + R"(","password":"not-the-password-)" +
                                std::to_string(i) + R"("})");
      times.push_back(
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[2];
  };
  const double unknown_time = median("nobody-here");
  const double known_time = median("kanri");
  EXPECT_GT(unknown_time * 3, known_time) << unknown_time << " vs " << known_time;
}

// REQ: JK-3.4, JK-3.1
TEST_F(StaffRights, ReleasesGoOnlyToExistingUsers) {
  ASSERT_EQ(
      Cli({"support", "add", "--applicant", "0000000027", "--kind", "dv", "--from", "2026-12-01"})
          .status,
      0);
  auto released = Cli({"support", "release", "1", "--to-operator", "nosuchuser", "--minutes", "10",
                       "--reason", "x"});
  EXPECT_EQ(released.status, 1) << released.out;
  EXPECT_NE(released.err.find("staff.not_found"), std::string::npos) << released.err;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM protection_release"), 0);
  EXPECT_EQ(Cli({"support", "release", "1", "--to-operator", "madoguchi", "--minutes", "10",
                 "--reason", "審査済み"})
                .status,
            0);
}

// REQ: JK-10.3
TEST_F(StaffRights, LogoutNeedsTheCsrfTokenAndLoginFormsTheirOwn) {
  auto clerk = LogIn("madoguchi");
  auto forced = Fetch(port(), "/logout", "POST", "", {{"Cookie", clerk.cookie}});
  EXPECT_EQ(forced.status, 403) << forced.body;
  EXPECT_EQ(forced.Header("Set-Cookie").find("Max-Age=0"), std::string::npos) << "no forced logout";
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", clerk).status, 200);
  auto api = Fetch(port(), "/api/v1/logout", "POST", "", {{"Cookie", clerk.cookie}});
  EXPECT_EQ(api.status, 403);
  auto out = Post("/api/v1/logout", "{}", clerk);
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(Get("/api/v1/resident?atena=0000000019", clerk).status, 401);
  // The login form carries a token of its own, bound to a cookie (login CSRF): a form posted
  // without it is refused.
  auto page = Get("/login");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("name=\"csrf\""), std::string::npos) << page.body;
  auto blind = PostForm(
      "/login", "user_id=madoguchi&password=passphrase-of-madoguchi&code=" + NextCode("madoguchi"));
  EXPECT_EQ(blind.status, 403) << blind.body;
}

}  // namespace
}  // namespace jrr::testing
