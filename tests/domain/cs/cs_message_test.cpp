// SPDX-License-Identifier: Apache-2.0
//
// CS messages (cs_message.h): the envelope and the 転入通知 read back exactly; what a 異動 owes the
// 転出地; malformed texts are refused with cs.malformed.
#include "jrr/domain/cs/cs_message.h"

#include <gtest/gtest.h>

#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

MoveInNoticeMessage Notice() {
  MoveInNoticeMessage n;
  n.moved_in = {2026, 11, 20};
  n.notified = {2026, 11, 21};
  n.address = "架空県架空村中央三丁目3番4号";
  n.address_code = "99002700100";
  n.move_out_information = "架空県架空市-CS-2";
  n.persons.push_back(
      {"12345678901", "架空　一郎", "架空", "一郎", CalendarDate{1980, 4, 1}, Sex::kMale});
  n.persons.push_back({"", "SMITH DAVID", "", "", std::nullopt, Sex::kFemale});
  return n;
}

// REQ: JK-4.1.3.1.2
// LAW: 住基法第9条
TEST(CsMessage, EnvelopeAndNoticeReadBack) {
  const CsMessage m{"架空県架空村-CS-1", CsKind::kMoveInNotice, "架空県架空村", "架空県架空市",
                    EncodeMoveInNotice(Notice())};
  auto read = DecodeCsMessage(EncodeCsMessage(m));
  ASSERT_TRUE(read) << read.error().rule_id;
  EXPECT_EQ(read->id, m.id);
  EXPECT_EQ(read->kind, CsKind::kMoveInNotice);
  EXPECT_EQ(read->from, m.from);
  EXPECT_EQ(read->to, m.to);
  auto notice = DecodeMoveInNotice(read->payload);
  ASSERT_TRUE(notice) << notice.error().detail;
  EXPECT_EQ(notice->moved_in, (CalendarDate{2026, 11, 20}));
  EXPECT_EQ(notice->notified, (CalendarDate{2026, 11, 21}));
  EXPECT_EQ(notice->address, Notice().address);
  EXPECT_EQ(notice->move_out_information, "架空県架空市-CS-2");
  ASSERT_EQ(notice->persons.size(), 2u);
  EXPECT_EQ(notice->persons[0].resident_record_code, "12345678901");
  EXPECT_EQ(notice->persons[0].birth_date, (CalendarDate{1980, 4, 1}));
  EXPECT_EQ(notice->persons[1].name, "SMITH DAVID");
  EXPECT_FALSE(notice->persons[1].birth_date);  // 年月日不詳 travels as no date
  EXPECT_EQ(notice->persons[1].sex, Sex::kFemale);
}

// REQ: JK-4.1.3.1.2
TEST(CsMessage, MalformedTextsAreRefused) {
  const std::string notice = EncodeMoveInNotice(Notice());
  const std::string envelope = EncodeCsMessage({"x-CS-1", CsKind::kMoveInNotice, "x", "y", notice});
  const std::string kEnvelopes[] = {
      "",
      "hello",
      "JRR-CS/1\nid=a\nkind=move_in_notice\nfrom=x\nto=y\n",  // no ==
      "JRR-CS/1\nid=a\nkind=gossip\nfrom=x\nto=y\n==\n",      // unknown kind
      "JRR-CS/1\nkind=move_in_notice\nfrom=x\nto=y\n==\n",    // no id
      std::string("JRR-CS/1\nid=a\nkind=move_in_notice\nfrom=x\nto=y\x01\n==\n"),
  };
  for (const std::string& text : kEnvelopes) {
    auto read = DecodeCsMessage(text);
    ASSERT_FALSE(read) << text;
    EXPECT_EQ(read.error().rule_id, "cs.malformed");
  }
  EXPECT_TRUE(DecodeCsMessage(envelope));
  const std::string kNotices[] = {
      "JRR-TENNYU/1\nmoved_in=2026-11-20\nnotified=2026-11-21\naddress=a\n",              // nobody
      "JRR-TENNYU/1\nmoved_in=2026-13-20\nnotified=2026-11-21\naddress=a\n--\nname=x\n",  // bad date
      "JRR-TENNYU/1\nmoved_in=2026-11-20\nnotified=2026-11-21\n--\nname=x\n",  // no address
      "JRR-TENNYU/"
      "1\nmoved_in=2026-11-20\nnotified=2026-11-21\naddress=a\n--\nbirth=1980-01-01\n",  // no name
      "JRR-TENNYU/"
      "1\nmoved_in=2026-11-20\nnotified=2026-11-21\naddress=a\n--\nname=x\nbirth=soon\n",  // bad birth
      "JRR-TENSHUTSU/1\n",
  };
  for (const std::string& text : kNotices) {
    auto read = DecodeMoveInNotice(text);
    ASSERT_FALSE(read) << text;
    EXPECT_EQ(read.error().rule_id, "cs.malformed");
  }
}

// REQ: JK-4.1.3.1.2
// LAW: 住基法第9条
TEST(CsMessage, OnlyADomesticMoveInFromElsewhereOwesANotice) {
  ChangeOutcome outcome;
  outcome.change.reason = ChangeReason::kDomesticMoveIn;
  outcome.change.event_date = ExactRecordedDate({2026, 11, 20});
  outcome.change.processing_date = {2026, 11, 21};
  ResidentRecord r;
  r.family_name = "架空";
  r.given_name = "一郎";
  r.address.text = "架空県架空村中央三丁目";
  r.address.banchi = "3番4号";
  r.previous_address.text = "架空県架空市桜町一丁目";
  outcome.versions = {r};
  auto owed = MoveInNoticeOf(outcome, "架空県架空村");
  ASSERT_TRUE(owed);
  EXPECT_EQ(owed->to, "架空県架空市");
  EXPECT_EQ(owed->notice.address, "架空県架空村中央三丁目3番4号");
  EXPECT_EQ(owed->notice.persons.at(0).name, "架空　一郎");
  struct Case {
    const char* why;
    ChangeReason reason;
    const char* previous;
    bool abroad;
  };
  const Case kNone[] = {
      {"from abroad", ChangeReason::kDomesticMoveIn, "英国", true},
      {"not routable", ChangeReason::kDomesticMoveIn, "桜町一丁目", false},
      {"from ourselves", ChangeReason::kDomesticMoveIn, "架空県架空村本町", false},
      {"not a 転入", ChangeReason::kWithinMove, "架空県架空市桜町一丁目", false},
      {"国外転入", ChangeReason::kMoveInFromAbroad, "架空県架空市桜町一丁目", false},
  };
  for (const Case& c : kNone) {
    ChangeOutcome o = outcome;
    o.change.reason = c.reason;
    o.versions[0].previous_address = Address{"", c.previous, "", "", "", c.abroad};
    EXPECT_FALSE(MoveInNoticeOf(o, "架空県架空村")) << c.why;
  }
}

}  // namespace
}  // namespace jrr
