// SPDX-License-Identifier: Apache-2.0
//
// What a 異動 causes outside the 住民記録 — 印鑑登録 ended, the 附票 updated or noticed, CS messages —
// is planned once in the domain (coupling/change_effects.h), so the 入力確認 shows it before anything
// is written and recording does exactly that. Tried through the API and the 入力確認 screen of the
// real server, as a clerk would.
#include <Poco/URI.h>
#include <gtest/gtest.h>

#include "support/fixtures/seal_application.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class ChangeEffectsTest : public ServedRegister {
 protected:
  // Registers a seal for `person` over the API, as the counter does.
  void RegisterSeal(const Login& clerk, const std::string& person) {
    auto applied = Post("/api/v1/seals", SampleSealApplication(dir_, person).json, clerk);
    ASSERT_EQ(applied.status, 201) << applied.body;
  }
  // Registrations whose latest version is 登録 (SealState::kActive).
  int64_t ActiveSeals() {
    return QueryInt(
        db_,
        "SELECT count(*) FROM seal_version v WHERE v.state = 2 AND v.version = "
        "(SELECT max(w.version) FROM seal_version w WHERE w.registration_id = v.registration_id)");
  }
  static std::string Encoded(const std::string& text) {
    std::string out;
    Poco::URI::encode(text, "&=+:,", out);
    return out;
  }
};

constexpr const char* kMoveOut =
    R"({"type":"move_out","event_date":"2026-11-20","notification_date":"2026-11-20",
  "movers":["0000000019","0000000027","0000000035"],
  "destination":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"}})";

// A 転出 of a registered seal holder: the 入力確認 tells the clerk the 印鑑登録 will end (seal.ended),
// on the API and on the screen, and ends nothing; recording ends it in the same commit.
// LAW: 印鑑条例
// REQ: JK-4.0.9
TEST_F(ChangeEffectsTest, AMoveOutOfASealHolderShowsTheSealEndingAtTheCheck) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  Serve();
  ReadyUser("clerk01", "view,change,issue");
  const Login clerk = LogIn("clerk01");
  RegisterSeal(clerk, "0000000019");
  ASSERT_EQ(ActiveSeals(), 1);

  auto checked = Post("/api/v1/changes?mode=check", kMoveOut, clerk);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_NE(checked.body.find("\"seal.ended\""), std::string::npos) << checked.body;
  EXPECT_EQ(ActiveSeals(), 1) << "the 入力確認 ends nothing";

  // The 入力確認 screen says it in words.
  const std::string form =
      "type=move_out&atena=0000000019&event_date=" + Encoded("令和8年11月20日") +
      "&notification_date=" + Encoded("令和8年11月20日") + "&" + Encoded("movers:list") +
      "=0000000019&" + Encoded("movers:list") + "=0000000027&" + Encoded("movers:list") +
      "=0000000035&" + Encoded("destination.text") + "=" + Encoded("東京都千代田区霞が関二丁目") +
      "&" + Encoded("destination.banchi") + "=" + Encoded("1番2号") +
      "&mode=check&csrf=" + clerk.csrf;
  auto screen = PostForm("/change", form, clerk);
  ASSERT_EQ(screen.status, 200) << screen.body;
  EXPECT_NE(screen.body.find("入力確認"), std::string::npos) << screen.body;
  EXPECT_NE(screen.body.find("印鑑登録が職権で廃止"), std::string::npos) << screen.body;
  EXPECT_NE(screen.body.find("[seal.ended]"), std::string::npos) << screen.body;
  EXPECT_EQ(ActiveSeals(), 1);

  auto recorded = Post("/api/v1/changes", kMoveOut, clerk);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_NE(recorded.body.find("\"seal.ended\""), std::string::npos) << recorded.body;
  EXPECT_EQ(ActiveSeals(), 0);
}

// A 異動 of someone whose 本籍 is elsewhere: the 入力確認 says the 附票 will be noticed (one wording
// whether the 附票 is kept here or elsewhere) and queues nothing; recording queues the notice.
// LAW: 住基法第19条第1項
// REQ: JK-4.0.9
TEST_F(ChangeEffectsTest, TheCheckShowsTheFuhyoNoticeAndQueuesNothing) {
  ASSERT_EQ(Apply(kNeighbours).status, 0);
  Serve();
  ReadyUser("clerk01", "view,change");
  const Login clerk = LogIn("clerk01");
  const std::string move =
      R"({"type":"within_move","event_date":"2026-11-20","notification_date":"2026-11-21",
    "movers":["0000000019","0000000027"],"new_address":{"text":"架空県架空市桜町一丁目","banchi":"7番8号"}})";
  const int64_t queued = QueryInt(db_, "SELECT count(*) FROM fuhyo_outbox");
  auto checked = Post("/api/v1/changes?mode=check", move, clerk);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_NE(checked.body.find("\"fuhyo.noticed\""), std::string::npos) << checked.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_outbox"), queued);
  auto recorded = Post("/api/v1/changes", move, clerk);
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  EXPECT_NE(recorded.body.find("\"fuhyo.noticed\""), std::string::npos) << recorded.body;
  EXPECT_EQ(QueryInt(db_, "SELECT count(*) FROM fuhyo_outbox"), queued + 2);
}

}  // namespace
}  // namespace jrr::testing
