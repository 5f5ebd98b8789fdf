// SPDX-License-Identifier: Apache-2.0
//
// Defects (audit of issue 26): a 異動 could be cancelled only while it was each person's latest
// (change.cancel_not_latest), so a 転居 followed by a 住民票コード entry, or a 転出 whose 転入通知
// had come, could not be cancelled at all; and a person put back at an address their former
// household had since left was put back into that household, one household at two addresses.
#include <gtest/gtest.h>

#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

class CancellingEarlierChanges : public RegisterFixture {
 protected:
  // 次郎 (the child) moves out of the family's household to 8番8号 on 11/10.
  ChangeOutcome ChildMovesAlone(const ChangeOutcome& family) {
    WithinMoveCommand move;
    move.input = Input("2026-11-10", "2026-11-12");
    move.movers = {family.versions[2].addressee_number};
    move.new_address = TownAddress("8番8号");
    move.relationships[move.movers[0]] = Rel("世帯主");
    auto moved = Changes("2026-11-12").WithinMove(move);
    EXPECT_TRUE(moved) << (moved ? "" : moved.error().rule_id);
    return moved ? *moved : ChangeOutcome{};
  }

  Result<ChangeOutcome> Cancel(int64_t change_id) {
    CancellationCommand cancel;
    cancel.input = Input("2026-11-27");
    cancel.change_id = change_id;
    return Changes().Cancellation(cancel);
  }
};

// REQ: JK-4.6.0.1
TEST_F(CancellingEarlierChanges, AMoveFollowedByAnotherChangeIsCancelledKeepingThatChange) {
  const ChangeOutcome family = MoveInFamily();
  const std::string child = family.versions[2].addressee_number;
  const ChangeOutcome moved = ChildMovesAlone(family);
  CorrectionCommand code;
  code.input = Input("2026-11-20");
  code.reason = ChangeReason::kResidentRecordCodeEntry;
  code.addressee_number = child;
  code.resident_record_code = "12345678903";
  ASSERT_TRUE(Changes("2026-11-20").Correction(code));

  auto cancelled = Cancel(moved.change.change_id);
  ASSERT_TRUE(cancelled) << cancelled.error().rule_id;
  const auto latest = repository_->Latest(child);
  EXPECT_EQ(latest->household_number, family.versions[0].household_number);
  EXPECT_EQ(latest->address.banchi, "1番2号");
  EXPECT_EQ(latest->relationship.Text(), "子");
  EXPECT_EQ(latest->resident_record_code, "12345678903") << "the later 異動 stays";
  EXPECT_EQ(repository_->History(child).size(), 4u);
}

// REQ: JK-4.6.0.1
TEST_F(CancellingEarlierChanges, AnItemChangedAgainLaterIsRefusedNamingIt) {
  const ChangeOutcome family = MoveInFamily();
  const std::string child = family.versions[2].addressee_number;
  const ChangeOutcome moved = ChildMovesAlone(family);
  WithinMoveCommand again;
  again.input = Input("2026-11-20", "2026-11-20");
  again.movers = {child};
  again.new_address = TownAddress("9番9号");
  ASSERT_TRUE(Changes("2026-11-20").WithinMove(again));
  auto refused = Cancel(moved.change.change_id);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "change.cancel_item_changed_later");
  EXPECT_NE(refused.error().detail.find("住所・世帯"), std::string::npos) << refused.error().detail;
  EXPECT_EQ(repository_->History(child).size(), 3u) << "nothing written";
}

// REQ: JK-4.6.0.1
TEST_F(CancellingEarlierChanges, APersonPutBackWhereTheHouseholdHasLeftFormsANewOne) {
  const ChangeOutcome family = MoveInFamily();
  const std::string child = family.versions[2].addressee_number;
  const ChangeOutcome moved = ChildMovesAlone(family);
  WithinMoveCommand parents;
  parents.input = Input("2026-11-15", "2026-11-16");
  parents.movers = {family.versions[0].addressee_number, family.versions[1].addressee_number};
  parents.new_address = TownAddress("4番8号");
  ASSERT_TRUE(Changes("2026-11-16").WithinMove(parents));

  auto cancelled = Cancel(moved.change.change_id);
  ASSERT_TRUE(cancelled) << cancelled.error().rule_id;
  const auto latest = repository_->Latest(child);
  EXPECT_EQ(latest->address.banchi, "1番2号");
  EXPECT_NE(latest->household_number, family.versions[0].household_number)
      << "the family's household now lives at 4番8号";
  EXPECT_NE(latest->household_number, moved.versions[0].household_number);
  EXPECT_TRUE(latest->is_head()) << "alone in the new household";
  EXPECT_EQ(repository_->Latest(family.versions[0].addressee_number)->address.banchi, "4番8号");
}

// REQ: JK-4.6.0.1
TEST_F(CancellingEarlierChanges, AMoveOutWhoseMoveInNoticeCameIsCancelledWithIt) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutCommand move_out;
  move_out.input = Input("2026-11-10", "2026-11-05");
  for (const auto& v : family.versions) move_out.movers.push_back(v.addressee_number);
  move_out.destination = Address{"", "大阪府大阪市北区梅田一丁目", "2番3号", "", "", false};
  auto out = Changes("2026-11-05").MoveOut(move_out);
  ASSERT_TRUE(out);
  MoveInNoticeCommand notice;
  notice.input = Input("2026-11-10", "2026-11-20");
  notice.persons = move_out.movers;
  notice.confirmed_destination = move_out.destination;
  ASSERT_TRUE(Changes("2026-11-20").MoveInNotice(notice));

  auto cancelled = Cancel(out->change.change_id);
  ASSERT_TRUE(cancelled) << cancelled.error().rule_id;
  // Recorded with no アラート acknowledged: none was raised.
  for (const std::string& atena : move_out.movers) {
    const auto latest = repository_->Latest(atena);
    EXPECT_EQ(latest->status, ResidentStatus::kResident) << atena;
    EXPECT_FALSE(latest->removal.has_value()) << atena << ": the 転入通知 goes with the 転出";
    EXPECT_EQ(latest->household_number, family.versions[0].household_number);
  }
}

}  // namespace
}  // namespace jrr::testing
