// SPDX-License-Identifier: Apache-2.0
//
// 仮登録 / 本登録 (JK-4.0.8): a provisional 異動 is checked by every rule, invisible to readers,
// blocks other 異動 on the people it involves, and takes effect only when approved.
#include <gtest/gtest.h>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

class PendingChangesTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    pending_ = std::make_unique<SqlitePendingChangeRepository>(*db_);
  }
  ChangeContext Context(std::optional<int64_t> approving = std::nullopt) {
    ChangeContext context{CalDay("2026-11-27"), "clerk02", "支所", "T02"};
    context.approving_pending_id = approving;
    return context;
  }
  std::unique_ptr<SqlitePendingChangeRepository> pending_;
};

WithinMoveCommand MoveOf(const ChangeOutcome& family) {
  WithinMoveCommand move;
  move.input = Input("2026-11-10", "2026-11-12");
  for (const auto& v : family.versions) move.movers.push_back(v.addressee_number);
  move.new_address = TownAddress("5番6号");
  return move;
}

// REQ: JK-4.0.8
TEST_F(PendingChangesTest, AProvisionalChangeIsInvisibleUntilApproved) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  const int64_t versions_before = Count("resident_version");
  auto entered =
      EnterProvisional(*repository_, *pending_, Context(), MoveOf(family), "within_move", "{}");
  ASSERT_TRUE(entered) << entered.error().rule_id;
  EXPECT_EQ(entered->summary, "転居 3名");
  EXPECT_EQ(entered->persons.size(), 3u);
  EXPECT_EQ(Count("resident_version"), versions_before) << "nothing reaches the register";
  EXPECT_EQ(repository_->Latest(head)->address.banchi, "1番2号") << "readers see the state before";
  ASSERT_EQ(pending_->ListOpen().size(), 1u);

  // Other 異動 on the people involved are refused meanwhile.
  DeathCommand death;
  death.input = Input("2026-11-20", "2026-11-21");
  death.addressee_number = head;
  auto blocked = ResidentChanges(*repository_, Context()).Death(death);
  ASSERT_FALSE(blocked);
  EXPECT_EQ(blocked.error().rule_id, "change.pending_exists");
  // So is a second 仮登録 for them.
  auto second =
      EnterProvisional(*repository_, *pending_, Context(), MoveOf(family), "within_move", "{}");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().rule_id, "change.pending_exists");

  // 本登録: the same command, run again with the approval in the same transaction.
  auto approved =
      ResidentChanges(*repository_, Context(entered->pending_id)).WithinMove(MoveOf(family));
  ASSERT_TRUE(approved) << approved.error().rule_id;
  EXPECT_EQ(repository_->Latest(head)->address.banchi, "5番6号");
  EXPECT_TRUE(pending_->ListOpen().empty());
  EXPECT_EQ(db_->QueryInt("SELECT change_id FROM pending_decision WHERE decision = 'approved'"),
            approved->change.change_id);
  // Approving twice is refused and writes nothing.
  const int64_t changes = Count("change_record");
  WithinMoveCommand back = MoveOf(family);
  back.new_address = TownAddress("1番2号", "さくら荘101");
  auto twice = ResidentChanges(*repository_, Context(entered->pending_id)).WithinMove(back);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().rule_id, "pending.not_open");
  EXPECT_EQ(Count("change_record"), changes);
}

// REQ: JK-4.0.8, JK-11.1
TEST_F(PendingChangesTest, EveryRuleAppliesWhenEnteringProvisionally) {
  const ChangeOutcome family = MoveInFamily();
  WithinMoveCommand move = MoveOf(family);
  move.input = Input("2026-11-10", "2026-11-30");
  auto refused = EnterProvisional(*repository_, *pending_, Context(), move, "within_move", "{}");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "change.notification_date_future");
  EXPECT_TRUE(pending_->ListOpen().empty());
}

// REQ: JK-4.0.8
TEST_F(PendingChangesTest, WithdrawingReleasesThePeople) {
  const ChangeOutcome family = MoveInFamily();
  auto entered =
      EnterProvisional(*repository_, *pending_, Context(), MoveOf(family), "within_move", "{}");
  ASSERT_TRUE(entered);
  ASSERT_TRUE(pending_->Withdraw(entered->pending_id, Context()));
  EXPECT_EQ(pending_->Withdraw(entered->pending_id, Context()).error().rule_id, "pending.not_open");
  EXPECT_TRUE(ResidentChanges(*repository_, Context()).WithinMove(MoveOf(family)));
  EXPECT_THROW(db_->Execute("DELETE FROM pending_decision"), StorageError);
}

// REQ: JK-4.0.8, JK-4.1.1.1
TEST_F(PendingChangesTest, ANewcomerIsNumberedOnlyOnApproval) {
  MoveInCommand move_in;
  move_in.input = Input("2026-11-01", "2026-11-02");
  move_in.persons = {
      Person("仮", "登録", "カリ", "トウロク", "平成元年1月8日", Sex::kMale, "世帯主")};
  move_in.new_address = TownAddress("7番7号");
  auto entered = EnterProvisional(*repository_, *pending_, Context(), move_in, "move_in", "{}");
  ASSERT_TRUE(entered);
  EXPECT_EQ(entered->summary, "国内転入 1名（新規 1名）");
  EXPECT_EQ(Count("resident_version"), 0);
  auto approved = ResidentChanges(*repository_, Context(entered->pending_id)).MoveIn(move_in);
  ASSERT_TRUE(approved);
  EXPECT_EQ(approved->versions[0].addressee_number, "0000000019");
}

}  // namespace
}  // namespace jrr
