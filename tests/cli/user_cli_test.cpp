// SPDX-License-Identifier: Apache-2.0
//
// `jrr user`: the first administrator, users and permissions from the command line, and the login
// flow through standard input, as a newcomer would try it.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>

#include "jrr/web/security/totp.h"
#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

// Runs the real binary with `input` on standard input; returns its output and exit status.
std::pair<int, std::string> RunWithInput(const std::string& args, const std::string& input) {
  // The inputs hold no quote, percent sign or backslash besides the escaped line ends.
  const std::string command = "printf '" + input + "' | " + JRR_BINARY + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[512];
  while (pipe != nullptr && fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
  const int status = pipe != nullptr ? pclose(pipe) : -1;
  return {WEXITSTATUS(status), out};
}

std::string After(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  if (at == std::string::npos) return "";
  const auto start = at + marker.size();
  return text.substr(start, text.find_first_of("\n ", start) - start);
}

// REQ: JK-10.3
TEST(UserCliTest, AdministratorAndClerkFromFirstLoginToSecondFactor) {
  TempDir dir;
  const std::string db = dir.File("r.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status, 0);
  auto admin =
      RunCli({"user", "--db", db, "add", "--admin", "--id", "admin01", "--name", "管理 太郎"});
  ASSERT_EQ(admin.status, 0) << admin.err;
  const std::string initial = After(admin.out, "初期パスワード: ");
  ASSERT_EQ(initial.size(), 16u);
  auto second_admin =
      RunCli({"user", "--db", db, "add", "--admin", "--id", "admin02", "--name", "x"});
  EXPECT_EQ(second_admin.status, 1);
  EXPECT_NE(second_admin.err.find("staff.exists"), std::string::npos);
  auto clerk = RunCli({"user", "--db", db, "add", "--id", "clerk01", "--name", "窓口 花子",
                       "--department", "市民課", "--permissions", "view,change"});
  ASSERT_EQ(clerk.status, 0) << clerk.err;
  // 照会 waits for a second administrator: a request, approved by someone else than who asked.
  const std::string request = After(clerk.out, "jrr user approve --request ");
  ASSERT_FALSE(request.empty()) << clerk.out;
  EXPECT_NE(RunCli({"user", "--db", db, "requests"})
                .out.find("申請 " + request + "  clerk01  権限付与  追加 view"),
            std::string::npos);
  auto self_approved = RunCli({"user", "--db", db, "approve", "--request", request});
  EXPECT_EQ(self_approved.status, 1);
  EXPECT_NE(self_approved.err.find("staff.second_approver_required"), std::string::npos)
      << self_approved.err;
  ASSERT_EQ(
      RunCli({"user", "--db", db, "approve", "--request", request, "--operator", "admin01"}).status,
      0);
  EXPECT_NE(RunCli({"user", "--db", db, "requests"}).out.find("承認待ち 0 件"), std::string::npos);
  EXPECT_EQ(RunCli({"user", "--db", db, "add", "--id", "c2", "--name", "x", "--permissions", "fly"})
                .status,
            1);
  auto granted = RunCli({"user", "--db", db, "grant", "--id", "clerk01", "--permissions", "issue"});
  ASSERT_EQ(granted.status, 0) << granted.err;
  EXPECT_NE(granted.out.find("承認を待っています"), std::string::npos) << granted.out;
  const std::string grant_request = After(granted.out, "（申請 ");
  ASSERT_EQ(RunCli({"user", "--db", db, "approve", "--request",
                    grant_request.substr(0, grant_request.find("。")), "--operator", "admin01"})
                .status,
            0);
  ASSERT_EQ(
      RunCli({"user", "--db", db, "revoke", "--id", "clerk01", "--permissions", "change"}).status,
      0);
  auto listed = RunCli({"user", "--db", db, "list"});
  EXPECT_NE(listed.out.find("clerk01  窓口 花子  市民課"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("権限 view,issue"), std::string::npos) << listed.out;

  // First login: the initial password must be changed; then the authenticator is enrolled.
  auto first = RunWithInput("user --db " + db + " login --id admin01", initial + "\\n\\n");
  EXPECT_EQ(first.first, 0) << first.second;
  EXPECT_NE(first.second.find("初期パスワードを変更してください"), std::string::npos);
  auto changed =
      RunWithInput("user --db " + db + " passwd --id admin01", initial + "\\nmy-new-passphrase\\n");
  EXPECT_EQ(changed.first, 0) << changed.second;
  auto issued = RunCli({"user", "--db", db, "enrol", "--id", "admin01"});
  const std::string secret = After(issued.out, "秘密鍵: ");
  ASSERT_EQ(secret.size(), 32u);
  EXPECT_NE(issued.out.find("otpauth://totp/jrr%3Aadmin01?secret=" + secret), std::string::npos);
  const auto key = *web::Base32Decode(secret);
  // A code is accepted once: the enrolment spends the previous step's, the login the current one's.
  const uint64_t step = static_cast<uint64_t>(std::time(nullptr) / 30);
  const std::string enrol_code = web::TotpCode(key, step - 1);
  const std::string code = web::TotpCode(key, step);
  EXPECT_EQ(RunCli({"user", "--db", db, "enrol", "--id", "admin01", "--secret", secret, "--code",
                    "000000"})
                .status,
            1);
  ASSERT_EQ(RunCli({"user", "--db", db, "enrol", "--id", "admin01", "--secret", secret, "--code",
                    enrol_code})
                .status,
            0);
  auto in = RunWithInput("user --db " + db + " login --id admin01",
                         "my-new-passphrase\\n" + code + "\\n");
  EXPECT_EQ(in.first, 0) << in.second;
  EXPECT_NE(in.second.find("ログインしました。\n"), std::string::npos);
  auto replayed = RunWithInput("user --db " + db + " login --id admin01",
                               "my-new-passphrase\\n" + code + "\\n");
  EXPECT_EQ(replayed.first, 1) << "a code works once";
  auto wrong =
      RunWithInput("user --db " + db + " login --id admin01", "my-new-passphrase\\n000000\\n");
  EXPECT_EQ(wrong.first, 1);
  EXPECT_NE(wrong.second.find("auth.failed"), std::string::npos);
  EXPECT_EQ(RunCli({"user", "--db", db, "unlock", "--id", "admin01"}).status, 0);
  EXPECT_EQ(RunCli({"user", "--db", db, "bogus", "--id", "admin01"}).status, 2);
  auto log = RunCli({"audit", "--db", db, "search", "--action", "login"});
  EXPECT_NE(log.out.find("該当 2 件"), std::string::npos) << log.out;
}

}  // namespace
}  // namespace jrr::testing
