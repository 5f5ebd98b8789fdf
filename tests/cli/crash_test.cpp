// SPDX-License-Identifier: Apache-2.0
//
// Durability under SIGKILL. Each round starts the real `jrr apply` on a stream of 転居, waits for
// its first acknowledgement, lets it run for a random moment more and kills it with SIGKILL (timed
// from the first acknowledgement, not from the start, so that the kills land among the commits
// however long the program takes to start on a slow machine). Then, on the reopened file: every 異動 the
// process had acknowledged (printed after its commit) is there; no 異動 is half there (each has
// exactly its two versions); history numbers have no gaps; PRAGMA integrity_check is ok.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "cli.h"
#include "jrr/persistence/core/database.h"
#include "support/temp_dir.h"

namespace jrr {
namespace {

using jrr::testing::TempDir;

std::string Stream(int round, int count) {
  std::string json = "[";
  for (int i = 0; i < count; ++i) {
    if (i > 0) json += ",";
    json +=
        R"({"type":"within_move","event_date":"2026-11-20","notification_date":"2026-11-21",)"
        R"("movers":["0000000019","0000000027"],"new_address":{"text":"架空県架空市桜町三丁目",)"
        R"("banchi":")" +
        std::to_string(round) + "番" + std::to_string(i) + R"(号"}})";
  }
  return json + "]";
}

// Runs `jrr apply` on `json`, kills it `delay` after its first acknowledgement (or after 60 s
// without one), returns what it printed.
std::string RunAndKill(const std::string& db, const std::string& json_path,
                       std::chrono::milliseconds delay) {
  int pipe_fds[2];
  EXPECT_EQ(pipe(pipe_fds), 0);
  const pid_t child = fork();
  if (child == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, STDERR_FILENO);
    close(pipe_fds[0]);
    execl(JRR_BINARY, JRR_BINARY, "apply", "--db", db.c_str(), json_path.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(pipe_fds[1]);
  std::string printed;
  char buffer[4096];
  ssize_t n;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (printed.find("change_id") == std::string::npos &&
         std::chrono::steady_clock::now() < give_up) {
    pollfd readable{pipe_fds[0], POLLIN, 0};
    if (poll(&readable, 1, 100) <= 0) continue;
    if ((n = read(pipe_fds[0], buffer, sizeof buffer)) <= 0) break;  // ended (or failed) before any
    printed.append(buffer, static_cast<std::size_t>(n));
  }
  std::this_thread::sleep_for(delay);
  kill(child, SIGKILL);
  while ((n = read(pipe_fds[0], buffer, sizeof buffer)) > 0)
    printed.append(buffer, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  int status = 0;
  waitpid(child, &status, 0);
  return printed;
}

// REQ: JK-1.2.1
TEST(CrashTest, EveryAcknowledgedChangeSurvivesSigkillAndNoneIsPartial) {
  TempDir dir;
  const std::string db = dir.File("crash.db");
  {
    std::ostringstream out, err;
    ASSERT_EQ(cli::Run({"init", "--db", db, "--municipality-code", "990001", "--name", "架空市"},
                       out, err),
              0);
    const std::string family = dir.File("family.json");
    std::ofstream(family)
        << R"({"type":"move_in","event_date":"2026-11-01","notification_date":"2026-11-02",
      "persons":[{"family_name":"架空","given_name":"一郎","birth_date":"昭和55年4月1日","sex":"male",
                  "relationship":"世帯主","domicile":{"state":"不明"}},
                 {"family_name":"架空","given_name":"花子","birth_date":"昭和57年6月15日","sex":"female",
                  "relationship":"妻","domicile":{"state":"不明"}}],
      "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号"}})";
    ASSERT_EQ(cli::Run({"apply", "--db", db, family}, out, err), 0) << err.str();
  }
  std::mt19937 random(20261127);
  std::uniform_int_distribution<int> delay_ms(0, 200);  // after the first acknowledgement
  const std::regex acknowledged(R"("change_id":(\d+))");
  std::set<int64_t> all_acknowledged;
  int rounds_with_kill_mid_stream = 0;
  constexpr int kRounds = 100;
  for (int round = 1; round <= kRounds; ++round) {
    const std::string json_path = dir.File("stream.json");
    std::ofstream(json_path, std::ios::trunc) << Stream(round, 400);
    const std::string printed =
        RunAndKill(db, json_path, std::chrono::milliseconds(delay_ms(random)));
    int acknowledged_this_round = 0;
    for (std::sregex_iterator it(printed.begin(), printed.end(), acknowledged), end; it != end;
         ++it) {
      all_acknowledged.insert(std::stoll((*it)[1]));
      ++acknowledged_this_round;
    }
    if (acknowledged_this_round < 400) ++rounds_with_kill_mid_stream;

    Database check(db, DatabaseOptions{.create_if_missing = false});
    auto integrity = check.Prepare("PRAGMA integrity_check");
    ASSERT_TRUE(integrity->Step());
    ASSERT_EQ(integrity->ColumnText(0), "ok") << "round " << round;
    for (int64_t id : all_acknowledged) {
      auto found = check.Prepare("SELECT count(*) FROM change_record WHERE change_id = ?1");
      found->Bind(1, id);
      found->Step();
      ASSERT_EQ(found->ColumnInt(0), 1) << "acknowledged 異動 " << id << " lost in round " << round;
    }
    // No partial 異動: every change has both versions (the move-in: two; each 転居: two).
    ASSERT_EQ(check.QueryInt(
                  "SELECT count(*) FROM change_record c WHERE "
                  "(SELECT count(*) FROM resident_version v WHERE v.change_id = c.change_id) <> 2"),
              0)
        << "round " << round;
    ASSERT_EQ(
        check.QueryInt(
            "SELECT count(*) FROM resident_version v WHERE v.history_number > 1 AND NOT EXISTS "
            "(SELECT 1 FROM resident_version w WHERE w.addressee_number = v.addressee_number "
            "AND w.history_number = v.history_number - 1)"),
        0);
  }
  EXPECT_GE(rounds_with_kill_mid_stream, kRounds / 2) << "most kills must land mid-stream";
  EXPECT_GT(all_acknowledged.size(), 100u);
}

}  // namespace
}  // namespace jrr
