// SPDX-License-Identifier: Apache-2.0
//
// What jrr prints, kept whole as golden files (tests/golden/*.reference; support/golden.h): `jrr
// show`, `jrr apply --check`, the API's error bodies, and the text of every certificate kind as
// pdftotext reads it. A change to any of them shows as a diff to review; JRR_UPDATE_GOLDEN=1
// rewrites them after an intended change. Today's date is replaced by a marker, in each notation
// the outputs use, so the files do not change with the day they are run.
#include "support/golden.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "japan_clock.h"
#include "jrr/domain/core/japanese_date.h"
#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class GoldenTest : public ServedRegister {
 protected:
  // Today's date in the notations the outputs print it in, and the test's folder.
  std::vector<std::pair<std::string, std::string>> Varying() {
    const CalendarDate today = app::TodayInJapan();
    char compact[16];
    std::snprintf(compact, sizeof compact, "%04d%02d%02d", today.year, today.month, today.day);
    return {{dir_.File(""), "<dir>/"},
            {FormatWareki(today), "<今日>"},
            {ToIsoString(today), "<today>"},
            {compact, "<today>"}};
  }
  std::string Write(const std::string& name, const std::string& json) {
    const std::string file = dir_.File(name);
    std::ofstream(file) << json;
    return file;
  }
};

constexpr const char* kWithinMove = R"({"type":"within_move","event_date":"2026-11-20",
  "notification_date":"2026-11-21","movers":["0000000019","0000000027","0000000035"],
  "new_address":{"text":"架空県架空市桜町二丁目","banchi":"3番4号"}})";

// REQ: JK-2.2.1, JK-4.0.9
TEST_F(GoldenTest, ShowAndCheckPrintAsBefore) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  auto shown = Cli({"show", "0000000019"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  ExpectMatchesGolden("show_resident", Normalized(shown.out, Varying()));
  auto checked = Cli({"apply", "--check", Write("move.json", kWithinMove)});
  ASSERT_EQ(checked.status, 0) << checked.err;
  ExpectMatchesGolden("apply_check", Normalized(checked.out + checked.err, Varying()));
  auto refused = Cli(
      {"apply", "--check", Write("future.json", R"({"type":"within_move","event_date":"2099-01-01",
    "notification_date":"2026-11-21","movers":["0000000019"],"new_address":{"text":"架空県架空市桜町二丁目","banchi":"1番"}})")});
  EXPECT_EQ(refused.status, 1);
  ExpectMatchesGolden("apply_check_refused", Normalized(refused.out + refused.err, Varying()));
}

// REQ: JK-11.1
TEST_F(GoldenTest, ApiErrorBodiesAsBefore) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  Serve();
  ReadyUser("clerk01", "view,change");
  const Login clerk = LogIn("clerk01");
  std::string all;
  auto record = [&](const std::string& what, const HttpReply& reply) {
    all += what + "\n" + std::to_string(reply.status) + " " + reply.body + "\n\n";
  };
  record("GET /api/v1/resident without a session", Get("/api/v1/resident?atena=0000000019"));
  record("POST /api/v1/changes without the CSRF token",
         Post("/api/v1/changes", kWithinMove, Login{clerk.cookie, ""}));
  record("POST /api/v1/certificates without the 証明発行 permission",
         Post("/api/v1/certificates", R"({"kind":"juminhyo","person":"0000000019"})", clerk));
  record("POST /api/v1/changes, a 異動日 in the future",
         Post("/api/v1/changes",
              R"({"type":"within_move","event_date":"2099-01-01","notification_date":"2026-11-21",
           "movers":["0000000019"],"new_address":{"text":"架空県架空市桜町二丁目","banchi":"1番"}})",
              clerk));
  record("POST /api/v1/changes, not JSON", Post("/api/v1/changes", "{\"type\":", clerk));
  record("POST /api/v1/changes, an unknown type",
         Post("/api/v1/changes", R"({"type":"teleport"})", clerk));
  record("GET /api/v1/resident, nobody by that number",
         Get("/api/v1/resident?atena=0000009999", clerk));
  ExpectMatchesGolden("api_errors", Normalized(all, Varying()));
}

// REQ: JK-5.1, JK-5.5, JK-9.5, JK-4.1.3.0.3
TEST_F(GoldenTest, EveryCertificateKindPrintsAsBefore) {
  ASSERT_EQ(Apply(kTwoHouseholds).status, 0);
  ASSERT_EQ(Apply(kNeighbours).status, 0);
  // 隣野 桃子 moves out (a 除票 once in effect); 隣野 太郎 plans to (a 転出証明書).
  ASSERT_EQ(Apply(R"({"type":"move_out","event_date":"2026-11-01","notification_date":"2026-10-25",
    "movers":["0000000051"],"destination":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"}})")
                .status,
            0);
  ASSERT_EQ(Apply(R"({"type":"move_out","event_date":"2027-01-10","notification_date":"2026-11-20",
    "movers":["0000000043"],"destination":{"text":"大阪府大阪市北区中之島一丁目","banchi":"2番3号"}})")
                .status,
            0);
  struct Kind {
    const char* name;
    std::vector<std::string> args;
  } kinds[] = {
      {"juminhyo", {"--person", "0000000019", "--household"}},
      {"kisai", {"--person", "0000000019", "--kind", "kisai"}},
      {"johyo", {"--person", "0000000051", "--kind", "johyo"}},
      {"johyo-kisai", {"--person", "0000000051", "--kind", "johyo-kisai"}},
      {"tenshutsu", {"--person", "0000000043", "--kind", "tenshutsu"}},
      {"etsuran", {"--kind", "etsuran", "--area", "架空県架空市桜町一丁目"}},
  };
  for (const Kind& kind : kinds) {
    const std::string pdf = dir_.File(std::string(kind.name) + ".pdf");
    std::vector<std::string> args = {"certificate"};
    args.insert(args.end(), kind.args.begin(), kind.args.end());
    args.insert(args.end(), {"--out", pdf});
    auto printed = Cli(args);
    ASSERT_EQ(printed.status, 0) << kind.name << ": " << printed.err;
    ExpectMatchesGolden(std::string("certificate_") + kind.name,
                        Normalized(PdfText(pdf), Varying()));
  }
}

}  // namespace
}  // namespace jrr::testing
