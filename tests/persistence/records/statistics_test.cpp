// SPDX-License-Identifier: Apache-2.0
//
// 住民基本台帳関係年報 counts (JK-6.1) on a real register.
#include <gtest/gtest.h>

#include "jrr/persistence/records/sqlite_statistics.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

class StatisticsTest : public RegisterFixture {};

// REQ: JK-6.1
TEST_F(StatisticsTest, PopulationAndFlowsByKindAndSex) {
  const ChangeOutcome family = MoveInFamily();  // 2026-10-01: 男 2 (世帯主, 子), 女 1 (妻)
  BirthCommand birth;
  birth.input = Input("2026-11-10", "2026-11-12");
  birth.household_number = family.versions[0].household_number;
  birth.child = Person("架空", "四郎", "カクウ", "シロウ", "2026-11-10", Sex::kMale, "子");
  ASSERT_TRUE(Changes().Birth(birth));
  // The son moves out on 12/20, notified and processed on 11/27: a 転出予定者.
  MoveOutCommand out;
  out.input = Input("2026-12-20", "2026-11-27");
  out.movers = {family.versions[2].addressee_number};
  out.destination = Address{"", "大阪府大阪市北区", "", "", "", false};
  out.input.acknowledged_alerts = {"change.head_leaving_household"};
  ASSERT_TRUE(Changes().MoveOut(out));
  SqliteStatistics statistics(*db_);

  const RegisterStatistics november =
      statistics.Compute(CalDay("2026-11-01"), CalDay("2026-11-30"));
  EXPECT_EQ(november.population.total(), 4) << "the 転出予定者 still counts before the planned day";
  EXPECT_EQ(november.population.japanese_male, 3);
  EXPECT_EQ(november.population.japanese_female, 1);
  EXPECT_EQ(november.births.japanese_male, 1);
  EXPECT_EQ(november.move_in_domestic.total(), 0) << "the 転入 was in October";
  EXPECT_EQ(november.move_out_domestic.total(), 0) << "the 転出 takes effect in December";
  EXPECT_EQ(november.households_japanese, 1);
  ASSERT_EQ(november.by_area.size(), 1u);
  EXPECT_EQ(november.by_area[0].address_text, "架空県架空市桜町一丁目");

  const RegisterStatistics december =
      statistics.Compute(CalDay("2026-12-01"), CalDay("2026-12-31"));
  EXPECT_EQ(december.population.total(), 3);
  EXPECT_EQ(december.move_out_domestic.japanese_male, 1);

  const RegisterStatistics autumn = statistics.Compute(CalDay("2026-09-01"), CalDay("2026-12-31"));
  EXPECT_EQ(autumn.move_in_domestic.total(), 3);
  EXPECT_EQ(autumn.move_in_domestic.japanese_female, 1);
}

// REQ: JK-6.1, JK-4.6.0.1, JK-4.5.3
TEST_F(StatisticsTest, CancelledChangesCountForNothingAndNaturalisationCountsBothSides) {
  const ChangeOutcome family = MoveInFamily();
  DeathCommand death;
  death.input = Input("2026-11-05", "2026-11-06");
  death.addressee_number = family.versions[1].addressee_number;
  auto died = Changes().Death(death);
  ASSERT_TRUE(died);
  CancellationCommand cancel;
  cancel.input = Input("2026-11-27");
  cancel.change_id = died->change.change_id;
  ASSERT_TRUE(Changes().Cancellation(cancel));
  SqliteStatistics statistics(*db_);
  const RegisterStatistics s = statistics.Compute(CalDay("2026-11-01"), CalDay("2026-11-30"));
  EXPECT_EQ(s.deaths.total(), 0) << "a cancelled 死亡 never happened";
  EXPECT_EQ(s.population.total(), 3);

  MoveInCommand arrival;
  arrival.input = Input("2026-04-01", "2026-04-02");
  arrival.from_abroad = true;
  NewPerson kim;
  kim.kind = ResidentKind::kForeign;
  kim.birth_date = Day("1990-02-03");
  kim.sex = Sex::kFemale;
  kim.relationship = Rel("世帯主");
  kim.domicile = Domicile{Domicile::State::kNone, "", ""};
  kim.foreign = ForeignResidentItems{
      "KIM MINJI", "韓国", Day("2026-04-01"), std::nullopt,   ForeignCategory::kMidToLongTerm,
      "留学",      "2年",  std::nullopt,      "AB12345678CD", "",
      "",          ""};
  arrival.persons = {kim};
  arrival.new_address = TownAddress("4番4号");
  auto arrived = Changes("2026-04-02").MoveIn(arrival);
  ASSERT_TRUE(arrived);
  NationalityChangeCommand naturalise;
  naturalise.input = Input("2026-11-10", "2026-11-12");
  naturalise.addressee_number = arrived->versions[0].addressee_number;
  naturalise.family_name = "金";
  naturalise.given_name = "美智";
  naturalise.domicile =
      Domicile{Domicile::State::kRecorded, "架空県架空市桜町一丁目4番地", "金　美智"};
  ASSERT_TRUE(Changes().NationalityChange(naturalise));
  const RegisterStatistics t = statistics.Compute(CalDay("2026-11-01"), CalDay("2026-11-30"));
  EXPECT_EQ(t.other_removals.foreign_female, 1);
  EXPECT_EQ(t.other_entries.japanese_female, 1);
  EXPECT_EQ(t.population.foreign(), 0);
  EXPECT_EQ(t.population.japanese_female, 2);
  EXPECT_EQ(t.households_japanese, 2);
}

// 中長期在留者住居地届出等事務に関する定期報告: foreign residents by 法第30条の45 category, and
// their 住居地 notifications in the period.
// REQ: JK-6.1
TEST_F(StatisticsTest, ForeignResidentReportByCategory) {
  auto foreigner = [](const char* name, ForeignCategory category, Sex sex) {
    NewPerson p;
    p.kind = ResidentKind::kForeign;
    p.birth_date = Day("1990-02-03");
    p.sex = sex;
    p.relationship = Rel("世帯主");
    p.domicile = Domicile{Domicile::State::kNone, "", ""};
    p.foreign =
        ForeignResidentItems{name,
                             "韓国",
                             Day("2026-04-01"),
                             std::nullopt,
                             category,
                             category == ForeignCategory::kMidToLongTerm ? "留学" : "",
                             category == ForeignCategory::kMidToLongTerm ? "2年" : "",
                             std::nullopt,
                             category == ForeignCategory::kMidToLongTerm ? "AB12345678CD" : "",
                             category == ForeignCategory::kSpecialPermanent ? "SP1234567890" : "",
                             category == ForeignCategory::kTemporaryRefuge ? "90日" : "",
                             category == ForeignCategory::kProvisionalStay ? "6月" : ""};
    return p;
  };
  MoveInCommand arrival;  // 法第30条の46: from abroad
  arrival.input = Input("2026-11-02", "2026-11-02");
  arrival.from_abroad = true;
  arrival.persons = {foreigner("KIM MINJI", ForeignCategory::kMidToLongTerm, Sex::kFemale)};
  arrival.new_address = TownAddress("4番4号");
  auto kim = Changes("2026-11-02").MoveIn(arrival);
  ASSERT_TRUE(kim) << kim.error().rule_id;
  MoveInCommand domestic;  // 転入 of a 特別永住者 from another municipality
  domestic.input = Input("2026-11-03", "2026-11-03");
  domestic.persons = {foreigner("PARK JIHO", ForeignCategory::kSpecialPermanent, Sex::kMale)};
  domestic.previous_address = Address{"", "大阪府大阪市北区梅田一丁目", "1番1号", "", "", false};
  domestic.new_address = TownAddress("5番5号");
  auto park = Changes("2026-11-03").MoveIn(domestic);
  ASSERT_TRUE(park) << park.error().rule_id;
  WithinMoveCommand move;  // 転居
  move.input = Input("2026-11-10", "2026-11-10");
  move.movers = {kim->versions[0].addressee_number};
  move.new_address = TownAddress("6番6号");
  ASSERT_TRUE(Changes().WithinMove(move));
  MoveOutCommand out;  // 転出
  out.input = Input("2026-11-20", "2026-11-20");
  out.movers = {park->versions[0].addressee_number};
  out.destination = Address{"", "大阪府大阪市北区梅田一丁目", "1番1号", "", "", false};
  ASSERT_TRUE(Changes().MoveOut(out));
  const RegisterStatistics s =
      SqliteStatistics(*db_).Compute(CalDay("2026-11-01"), CalDay("2026-11-30"));
  ASSERT_EQ(s.foreign_by_category.size(), 5u);
  const auto& mid = s.foreign_by_category[0];
  EXPECT_EQ(mid.category, ForeignCategory::kMidToLongTerm);
  EXPECT_EQ(mid.population, 1);
  EXPECT_EQ(mid.from_abroad, 1);
  EXPECT_EQ(mid.moved_within, 1);
  EXPECT_EQ(mid.moved_in + mid.moved_out, 0);
  const auto& special = s.foreign_by_category[1];
  EXPECT_EQ(special.category, ForeignCategory::kSpecialPermanent);
  EXPECT_EQ(special.population, 0);  // moved out on the 20th
  EXPECT_EQ(special.moved_in, 1);
  EXPECT_EQ(special.moved_out, 1);
  // A 転出予定者 before the planned day still counts (JK-6.1).
  const RegisterStatistics before =
      SqliteStatistics(*db_).Compute(CalDay("2026-11-01"), CalDay("2026-11-19"));
  EXPECT_EQ(before.foreign_by_category[1].population, 1);
  EXPECT_EQ(before.foreign_by_category[1].moved_out, 0);
}

}  // namespace
}  // namespace jrr
