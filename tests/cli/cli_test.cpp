// SPDX-License-Identifier: Apache-2.0
//
// The `jrr` command line, in-process (every command, --help, exit statuses) and as a real process
// (`jrr serve` answers /healthz and a 404, and stops cleanly on SIGTERM).
#include "cli.h"

#include <Poco/Net/ServerSocket.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <sstream>
#include <thread>

#include "support/cli_runner.h"
#include "support/http_client.h"
#include "support/temp_dir.h"

namespace jrr::cli {
namespace {

using jrr::testing::TempDir;

using jrr::testing::RunCli;

TEST(Cli, OverviewAndHelpForEveryCommand) {
  auto none = RunCli({});
  EXPECT_EQ(none.status, kUsage);
  EXPECT_NE(none.err.find("使い方"), std::string::npos);
  EXPECT_EQ(RunCli({"--help"}).status, kOk);
  for (const char* command :
       {"init", "serve", "version", "date", "kana-key", "kanji-key", "check-digit"}) {
    auto help = RunCli({command, "--help"});
    EXPECT_EQ(help.status, kOk) << command;
    EXPECT_NE(help.out.find(std::string("jrr ") + command), std::string::npos) << command;
  }
}

TEST(Cli, BadUseExitsWithUsageStatus) {
  const std::vector<std::vector<std::string>> cases = {
      {"frobnicate"},
      {"date"},
      {"date", "a", "b"},
      {"date", "--nope", "令和元年5月1日"},
      {"check-digit", "kojin"},
      {"init", "--db"},
      {"init", "--db", "x.db", "--name", "架空市"},
      {"serve", "--db", "x.db", "--port", "70000"},
      {"serve", "--db", "x.db", "--port", "abc"},
  };
  for (const auto& args : cases) {
    auto outcome = RunCli(args);
    EXPECT_EQ(outcome.status, kUsage) << args[0];
    EXPECT_NE(outcome.err.find("エラー"), std::string::npos) << args[0];
  }
}

// REQ: JK-1.1.8, JK-1.1.9
TEST(Cli, DateExplainsOrRefuses) {
  auto ok = RunCli({"date", "令和元年5月1日"});
  EXPECT_EQ(ok.status, kOk);
  EXPECT_NE(ok.out.find("ISO: 2019-05-01"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("和暦: 令和元年5月1日"), std::string::npos);
  auto bad = RunCli({"date", "平成31年5月1日"});
  EXPECT_EQ(bad.status, kRuleError);
  EXPECT_NE(bad.err.find("[date.era_overrun]"), std::string::npos) << bad.err;
  auto koseki = RunCli({"date", "--koseki", "年月日不詳"});
  EXPECT_EQ(koseki.status, kOk);
  EXPECT_NE(koseki.out.find("不詳日"), std::string::npos);
}

// REQ: JK-2.1.2, JK-1.1.13
TEST(Cli, KeysAndCheckDigits) {
  EXPECT_EQ(RunCli({"kana-key", "ｻﾄｳ ｼﾞｮｳｼﾞ"}).out, "サトオシヨオシ\n");
  EXPECT_EQ(RunCli({"kanji-key", "渡邊"}).out, "渡辺\n");
  EXPECT_EQ(RunCli({"kana-key", "山田"}).status, kRuleError);
  auto computed = RunCli({"check-digit", "kojin", "12345678901"});
  EXPECT_EQ(computed.status, kOk);
  EXPECT_NE(computed.out.find("番号: 123456789018"), std::string::npos);
  EXPECT_EQ(RunCli({"check-digit", "--verify", "kojin", "123456789018"}).status, kOk);
  EXPECT_EQ(RunCli({"check-digit", "--verify", "kojin", "123456789019"}).status, kRuleError);
  EXPECT_EQ(RunCli({"check-digit", "atena", "000000006"}).status, kRuleError);
  EXPECT_EQ(RunCli({"check-digit", "nope", "1"}).status, kRuleError);
}

TEST(Cli, InitCreatesTheRegisterOnce) {
  TempDir dir;
  const std::string db = dir.File("data/r.db");
  auto bad = RunCli({"init", "--db", db, "--municipality-code", "990002", "--name", "架空市"});
  EXPECT_EQ(bad.status, kRuleError);
  EXPECT_FALSE(std::filesystem::exists(db)) << "a refused init leaves no file behind";
  auto ok = RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"});
  EXPECT_EQ(ok.status, kOk) << ok.err;
  EXPECT_TRUE(std::filesystem::exists(db));
  auto again = RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"});
  EXPECT_EQ(again.status, kRuleError);
  EXPECT_NE(again.err.find("register.already_initialized"), std::string::npos);
  auto serve_missing = RunCli({"serve", "--db", dir.File("none.db")});
  EXPECT_EQ(serve_missing.status, kRuleError);
  EXPECT_NE(serve_missing.err.find("register.not_initialized"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("none.db")));
  auto version = RunCli({"version"});
  EXPECT_EQ(version.status, kOk);
  EXPECT_NE(version.out.find("jrr "), std::string::npos);
}

uint16_t FreePort() {
  Poco::Net::ServerSocket socket(Poco::Net::SocketAddress("127.0.0.1", 0));
  return socket.address().port();
}

// The process as `make run` starts it: serves /healthz and a 404, stops on SIGTERM with status 0.
TEST(CliProcess, ServeAnswersAndStopsCleanly) {
  TempDir dir;
  const std::string db = dir.File("demo.db");
  ASSERT_EQ(
      RunCli({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"}).status,
      kOk);
  const uint16_t port = FreePort();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string port_text = std::to_string(port);
    execl(JRR_BINARY, JRR_BINARY, "serve", "--db", db.c_str(), "--port", port_text.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  jrr::testing::HttpReply health;
  for (int attempt = 0; attempt < 100 && health.status == 0; ++attempt) {
    try {
      health = jrr::testing::Fetch(port, "/healthz");
    } catch (const std::exception&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  EXPECT_EQ(health.status, 200);
  EXPECT_NE(health.body.find("架空市"), std::string::npos);
  if (health.status != 0) {
    EXPECT_EQ(jrr::testing::Fetch(port, "/unknown").status, 404);
  }
  kill(child, SIGTERM);
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST(CliProcess, ExitStatusReachesTheShell) {
  const std::string command = std::string(JRR_BINARY) + " date 2025-02-30 >/dev/null 2>&1";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), kRuleError);
}

}  // namespace
}  // namespace jrr::cli
