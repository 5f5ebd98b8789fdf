// SPDX-License-Identifier: Apache-2.0
//
// CsDesk (cs/cs_desk.h) over a real register: who may receive a CS message, which messages are
// refused before anything is kept, and that a message is kept once — a 転入通知 naming nobody
// awaiting one is kept with the rule that refused it, for a clerk (転入通知情報取込エラー一覧).
#include "jrr/domain/cs/cs_desk.h"

#include <gtest/gtest.h>

#include "jrr/persistence/cs/sqlite_cs_exchange.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

class CsDeskTest : public RegisterFixture {
 protected:
  Viewer Clerk(std::set<Permission> permissions) {
    return Viewer{"clerk01", "本庁", "T01", std::move(permissions), CalDay("2026-11-27"), 0};
  }
  Result<CsReceipt> Receive(const Viewer& viewer, const std::string& text) {
    SqliteCsStore store(*db_);
    SqliteAuditLog log(*db_);
    return CsDesk(store, *repository_, log, viewer).Receive(text);
  }
  // A 転入通知 from 架空県他市 to `to` about one person who never lived here.
  static std::string MoveInNotice(const std::string& id, const std::string& to) {
    MoveInNoticeMessage notice;
    notice.moved_in = CalDay("2026-11-01");
    notice.notified = CalDay("2026-11-05");
    notice.address = "架空県他市本町1番1号";
    MoveInNoticePerson p;
    p.name = "架空　見知";
    p.family_name = "架空";
    p.given_name = "見知";
    p.birth_date = CalDay("1990-01-01");
    notice.persons.push_back(p);
    return EncodeCsMessage(
        CsMessage{id, CsKind::kMoveInNotice, "架空県他市", to, EncodeMoveInNotice(notice)});
  }
};

// REQ: JK-4.1.3.1.2
TEST_F(CsDeskTest, AMessageIsCheckedThenKeptOnce) {
  struct Case {
    std::string name;
    std::set<Permission> permissions;
    std::string text;
    std::string error;    // the refusal, or empty
    std::string outcome;  // the receipt's outcome otherwise
    bool duplicate;
  } cases[] = {
      {"no 異動入力",
       {Permission::kView},
       MoveInNotice("架空県他市-CS-1", "架空県架空市"),
       "access.permission_denied",
       "",
       false},
      {"not a message", {Permission::kChange}, "hello", "cs.malformed", "", false},
      {"for another municipality",
       {Permission::kChange},
       MoveInNotice("架空県他市-CS-1", "架空県別市"),
       "cs.not_ours",
       "",
       false},
      {"naming nobody awaiting it",
       {Permission::kChange},
       MoveInNotice("架空県他市-CS-1", "架空県架空市"),
       "",
       "cs.person_not_found",
       false},
      {"the same again",
       {Permission::kChange},
       MoveInNotice("架空県他市-CS-1", "架空県架空市"),
       "",
       "cs.person_not_found",
       true},
  };
  for (const Case& c : cases) {
    const int64_t kept = Count("cs_inbox");
    auto receipt = Receive(Clerk(c.permissions), c.text);
    if (!c.error.empty()) {
      ASSERT_FALSE(receipt) << c.name;
      EXPECT_EQ(receipt.error().rule_id, c.error) << c.name;
      EXPECT_EQ(Count("cs_inbox"), kept) << c.name;
      continue;
    }
    ASSERT_TRUE(receipt) << c.name << ": " << receipt.error().rule_id;
    EXPECT_EQ(receipt->outcome, c.outcome) << c.name;
    EXPECT_EQ(receipt->duplicate, c.duplicate) << c.name;
    EXPECT_FALSE(receipt->change_id) << c.name;
    EXPECT_EQ(Count("cs_inbox"), 1) << c.name;
  }
  // The refusal for want of the permission is logged; the message kept once is logged by the inbox,
  // and each hand-in by the clerk who did it.
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM audit_entry WHERE action = 'denied' AND "
                          "operator_id = 'clerk01'"),
            1);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM audit_entry WHERE action = 'change' AND "
                          "operator_id = 'clerk01' AND function = 'CS連携（受信）'"),
            2);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM audit_entry WHERE operator_id = 'cs-inbox'"), 1);
}

}  // namespace
}  // namespace jrr::testing
