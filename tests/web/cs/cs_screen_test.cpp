// SPDX-License-Identifier: Apache-2.0
//
// The /cs screen's presenter (web/cs/cs_screen.h): what a clerk sees of the 転出証明書情報 and
// 転入通知 sent and received, checked without a server.
#include "jrr/web/cs/cs_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/japanese_date.h"
#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

std::string Information() {
  ResidentRecord mover;
  mover.addressee_number = "0000000019";
  mover.family_name = "架空";
  mover.given_name = "一郎";
  mover.birth_date = *ParseDate("昭和55年4月1日", DatePolicy::kKosekiConsistent);
  return MoveOutData({mover}, "990002", "架空町", CalendarDate{2026, 12, 1});
}

// REQ: JK-4.1.1.3, JK-4.1.3.1.2
TEST(CsScreen, ReceivedMessagesSayWhatWaitsAndWhatFailed) {
  struct Case {
    std::string state;
    std::string shown;
    bool waiting, attention;
  } cases[] = {
      {std::string(kCsReceived), "特例転入の処理待ち", true, false},
      {std::string(kCsUsed), "特例転入済み", false, false},
      {"cs.malformed", "取込エラー cs.malformed（", false, true},
  };
  for (const Case& c : cases) {
    CsEntry e{
        "990002-4",   CsKind::kMoveOutInformation, "架空町", "2026-12-01T09:00:00Z", c.state, 0, 31,
        Information()};
    const data rows = PresentCsMessages({e}, /*outbox=*/false);
    ASSERT_EQ(rows.list_value().size(), 1u);
    const data& row = rows.list_value()[0];
    EXPECT_EQ(TemplateText(row, "state").rfind(c.shown, 0), 0u) << TemplateText(row, "state");
    EXPECT_EQ(TemplateFlag(row, "waiting"), c.waiting) << c.state;
    EXPECT_EQ(TemplateFlag(row, "attention"), c.attention) << c.state;
    EXPECT_EQ(TemplateText(row, "people"), "架空　一郎（昭和55年4月1日）") << c.state;
    EXPECT_EQ(TemplateText(row, "change_id"), "31");
  }
}

// REQ: JK-4.1.1.3
TEST(CsScreen, SentMessagesShowFailedDeliveries) {
  CsEntry sent{"990001-2", CsKind::kMoveInNotice, "架空町", "2026-12-01T09:00:00Z", "送付不能",
               5,          std::nullopt,          ""};
  const data row = PresentCsMessages({sent}, /*outbox=*/true).list_value()[0];
  EXPECT_EQ(TemplateText(row, "state"), "送付不能");
  EXPECT_EQ(TemplateText(row, "failures"), "5");
  EXPECT_TRUE(TemplateFlag(row, "attention"));
  EXPECT_FALSE(TemplateFlag(row, "waiting"));
  EXPECT_EQ(TemplateText(row, "people"), "") << "a 転入通知 lists nobody here";
  EXPECT_EQ(TemplateText(row, "change_id"), "");
}

}  // namespace
}  // namespace jrr::web
