// SPDX-License-Identifier: Apache-2.0
//
// The second set of 異動: 転入通知受理, 世帯合併・世帯変更, 職権記載・職権消除, 帰化・国籍取得・
// 国籍喪失, 旧氏・通称, the number reasons, and 異動の取消し.
#include <gtest/gtest.h>

#include <functional>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/records/remarks.h"
#include "support/register_fixture.h"

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

class MoreChangesTest : public RegisterFixture {};

std::string RuleOf(const Result<ChangeOutcome>& outcome) {
  return outcome ? std::string("(success)") : outcome.error().rule_id;
}

std::vector<std::string> Atena(const ChangeOutcome& outcome) {
  std::vector<std::string> out;
  for (const auto& v : outcome.versions) out.push_back(v.addressee_number);
  return out;
}

// REQ: JK-4.1.3.1.1, JK-1.1.5
TEST_F(MoreChangesTest, MoveInNoticeCompletesTheRemovedRecordWithoutOverwriting) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutCommand move_out;
  move_out.input = Input("2026-12-10", "2026-11-20");
  move_out.movers = Atena(family);
  move_out.destination = Address{"", "大阪府大阪市北区", "", "", "", false};
  ASSERT_TRUE(Changes().MoveOut(move_out));
  MoveInNoticeCommand notice;
  notice.input = Input("2026-12-01", "2026-11-27");  // moved in there before the planned day
  notice.persons = Atena(family);
  notice.confirmed_destination = Address{"", "大阪府大阪市北区梅田一丁目", "1番1号", "", "", false};
  EXPECT_EQ(RuleOf(Changes().MoveInNotice(notice)), "change.event_date_future");
  notice.input = Input("2026-11-25", "2026-11-27");
  auto noticed = Changes().MoveInNotice(notice);
  ASSERT_TRUE(noticed) << RuleOf(noticed);
  const auto history = repository_->History(family.versions[0].addressee_number);
  ASSERT_EQ(history.size(), 3u);
  const RemovalItems& before = *history[1].version.removal;
  const RemovalItems& after = *history[2].version.removal;
  EXPECT_EQ(before.planned_destination.text, "大阪府大阪市北区");
  EXPECT_EQ(after.planned_destination.text, "大阪府大阪市北区") << "planned values are kept";
  EXPECT_EQ(after.confirmed_destination.banchi, "1番1号");
  EXPECT_EQ(*after.move_in_notice_date, CalDay("2026-11-27"));
  // JK-1.1.5: removed from the earlier of the planned day (12/10) and the move-in day (11/25).
  EXPECT_EQ(ToIsoString(*after.effective.ExactDate()), "2026-11-25");
  EXPECT_EQ(history[2].change.note, "転入通知受理");
  EXPECT_EQ(RuleOf(Changes().MoveInNotice(notice)), "change.notice_already_received");
  notice.input.notification_date.reset();
  EXPECT_EQ(RuleOf(Changes().MoveInNotice(notice)), "change.notice_date_required");
}

// REQ: JK-4.1.4.1
TEST_F(MoreChangesTest, HouseholdMergerAndChangeAtTheSameAddress) {
  const ChangeOutcome family = MoveInFamily();
  MoveInCommand lodger;
  lodger.input = Input("2026-11-01", "2026-11-02");
  lodger.persons = {
      Person("同宿", "一人", "ドウシュク", "ヒトリ", "平成元年1月8日", Sex::kMale, "世帯主")};
  lodger.new_address = TownAddress("1番2号", "さくら荘102");  // same 番地, another 方書
  auto lodged = Changes().MoveIn(lodger);
  ASSERT_TRUE(lodged);
  HouseholdJoinCommand join;
  join.input = Input("2026-11-20", "2026-11-21");
  join.movers = Atena(*lodged);
  join.join_household = family.versions[0].household_number;
  join.relationships[join.movers[0]] = Rel("同居人");
  auto merged = Changes().HouseholdJoin(join);
  ASSERT_TRUE(merged) << RuleOf(merged);
  EXPECT_EQ(merged->change.reason, ChangeReason::kHouseholdMerger);
  EXPECT_EQ(merged->versions[0].address.katagaki, "さくら荘102") << "a different 方書 is kept";
  EXPECT_EQ(repository_->HouseholdMembers(join.join_household).size(), 4u);

  MoveInCommand elsewhere;
  elsewhere.input = Input("2026-11-01", "2026-11-02");
  elsewhere.persons = {
      Person("別所", "住", "ベッショ", "ジュウ", "平成元年1月8日", Sex::kMale, "世帯主"),
      Person("別所", "妻", "ベッショ", "ツマ", "平成元年1月8日", Sex::kFemale, "妻")};
  elsewhere.new_address = TownAddress("9番9号");
  auto far = Changes().MoveIn(elsewhere);
  ASSERT_TRUE(far);
  join.movers = {far->versions[1].addressee_number};
  join.relationships = {{join.movers[0], Rel("同居人")}};
  EXPECT_EQ(RuleOf(Changes().HouseholdJoin(join)), "change.household_change_address_differs");
}

// REQ: JK-4.2.1.1, JK-4.1.1.4, JK-4.2.2.2
TEST_F(MoreChangesTest, ExOfficioEntryAndRemoval) {
  MoveInCommand found;
  found.input = Input("2026-09-01", "2026-11-20");
  found.ex_officio_entry = true;
  found.persons = {
      Person("職権", "記載", "ショッケン", "キサイ", "昭和50年5月5日", Sex::kFemale, "世帯主")};
  found.previous_address = Address{"", "不明", "", "", "", false};
  found.new_address = TownAddress("3番3号");
  auto entered = Changes().MoveIn(found);
  ASSERT_TRUE(entered) << RuleOf(entered) << " (no late-notification alert for 職権記載)";
  EXPECT_EQ(entered->change.reason, ChangeReason::kEntryExOfficio);
  EXPECT_TRUE(entered->change.ex_officio);
  ExOfficioRemovalCommand missing;
  missing.input = Input("令和8年10月頃", "2026-11-25");  // 失踪: a 戸籍-consistent date
  missing.persons = Atena(*entered);
  auto removed = Changes().ExOfficioRemoval(missing);
  ASSERT_TRUE(removed) << RuleOf(removed);
  EXPECT_EQ(removed->versions[0].removal->reason, ChangeReason::kRemovalExOfficio);
}

// REQ: JK-4.5.3, JK-4.5.5, JK-1.1.2
TEST_F(MoreChangesTest, NaturalisationAndLossOfNationalityKeepTheNumbers) {
  MoveInCommand arrival;
  arrival.input = Input("2026-04-01", "2026-04-02");
  arrival.from_abroad = true;
  NewPerson kim;
  kim.kind = ResidentKind::kForeign;
  kim.birth_date = Day("1990-02-03");
  kim.sex = Sex::kFemale;
  kim.relationship = Rel("世帯主");
  kim.domicile = Domicile{Domicile::State::kNone, "", ""};
  kim.foreign.alphabet_name = "KIM MINJI";
  kim.foreign.nationality = "韓国";
  kim.foreign.category = ForeignCategory::kMidToLongTerm;
  kim.foreign.status_of_residence = "技術・人文知識・国際業務";
  kim.foreign.foreign_resident_since = Day("2026-04-01");
  kim.foreign.residence_card_number = "AB12345678CD";
  arrival.persons = {kim};
  arrival.previous_address = Address{"", "大韓民国", "", "", "", true};
  arrival.new_address = TownAddress("4番4号");
  auto arrived = Changes("2026-04-02").MoveIn(arrival);
  ASSERT_TRUE(arrived) << RuleOf(arrived);
  const std::string atena = arrived->versions[0].addressee_number;

  NationalityChangeCommand naturalise;
  naturalise.input = Input("2026-11-01", "2026-11-10");
  naturalise.kind = NationalityChangeCommand::Kind::kNaturalisation;
  naturalise.addressee_number = atena;
  naturalise.family_name = "金";
  naturalise.given_name = "美智";
  naturalise.family_kana = "キム";
  naturalise.given_kana = "ミジ";
  naturalise.domicile =
      Domicile{Domicile::State::kRecorded, "架空県架空市桜町一丁目4番地", "金　美智"};
  auto naturalised = Changes().NationalityChange(naturalise);
  ASSERT_TRUE(naturalised) << RuleOf(naturalised);
  ASSERT_EQ(naturalised->versions.size(), 2u);
  EXPECT_EQ(naturalised->versions[0].status, ResidentStatus::kRemoved);
  EXPECT_EQ(naturalised->versions[0].removal->reason, ChangeReason::kRemovalNaturalisation);
  const ResidentRecord& japanese = naturalised->versions[1];
  EXPECT_EQ(japanese.addressee_number, atena) << "宛名番号 carries over";
  EXPECT_EQ(japanese.kind, ResidentKind::kJapanese);
  EXPECT_EQ(japanese.household_number, arrived->versions[0].household_number);
  EXPECT_EQ(ToIsoString(*japanese.resident_since->ExactDate()), "2026-04-01")
      << "外国人住民となった年月日 becomes 住民となった年月日";
  EXPECT_EQ(naturalised->change.reason, ChangeReason::kEntryNaturalisation);
  EXPECT_EQ(RuleOf(Changes().NationalityChange(naturalise)), "change.nationality_kind_mismatch");

  NationalityChangeCommand lose;
  lose.input = Input("2026-11-20", "2026-11-21");
  lose.kind = NationalityChangeCommand::Kind::kLoss;
  lose.addressee_number = atena;
  lose.foreign = kim.foreign;
  lose.foreign.foreign_resident_since.reset();
  auto lost = Changes().NationalityChange(lose);
  ASSERT_TRUE(lost) << RuleOf(lost);
  EXPECT_EQ(lost->versions[1].kind, ResidentKind::kForeign);
  EXPECT_EQ(ToIsoString(*lost->versions[1].foreign.foreign_resident_since->ExactDate()),
            "2026-11-20");
}

// REQ: JK-1.1.7
TEST_F(MoreChangesTest, FormerSurnameAndCommonName) {
  const ChangeOutcome family = MoveInFamily();
  const std::string wife = family.versions[1].addressee_number;
  NameItemCommand entry;
  entry.input = Input("2026-11-20");
  entry.kind = NameItemCommand::Kind::kFormerSurnameEntry;
  entry.addressee_number = wife;
  entry.name = "旧姓";
  entry.kana = "キュウセイ";
  auto entered = Changes().NameItem(entry);
  ASSERT_TRUE(entered) << RuleOf(entered);
  EXPECT_EQ(entered->change.reason, ChangeReason::kFormerSurnameEntry);
  EXPECT_EQ(RuleOf(Changes().NameItem(entry)), "change.name_item_present");
  NameItemCommand deletion = entry;
  deletion.kind = NameItemCommand::Kind::kFormerSurnameDeletion;
  auto deleted = Changes().NameItem(deletion);
  ASSERT_TRUE(deleted);
  EXPECT_TRUE(repository_->Latest(wife)->former_surname.empty());
  EXPECT_EQ(repository_->History(wife)[1].version.former_surname, "旧姓") << "history keeps it";
  NameItemCommand common = entry;
  common.kind = NameItemCommand::Kind::kCommonNameEntry;
  EXPECT_EQ(RuleOf(Changes().NameItem(common)), "record.common_name_japanese");
  NameItemCommand bad_kana = entry;
  bad_kana.kana = "きゅうせい";
  EXPECT_EQ(RuleOf(Changes().NameItem(bad_kana)), "furigana.katakana_only");
}

// REQ: JK-4.4, JK-4.3.2
TEST_F(MoreChangesTest, NumberReasonsChangeOnlyThatNumber) {
  const ChangeOutcome family = MoveInFamily();
  CorrectionCommand number;
  number.input = Input("2026-11-20");
  number.reason = ChangeReason::kIndividualNumberEntry;
  number.addressee_number = family.versions[0].addressee_number;
  number.individual_number = "123456789018";
  auto entered = Changes().Correction(number);
  ASSERT_TRUE(entered) << RuleOf(entered);
  EXPECT_EQ(entered->change.reason, ChangeReason::kIndividualNumberEntry);
  number.reason = ChangeReason::kIndividualNumberChangeRequest;
  number.given_name = "別名";
  EXPECT_EQ(RuleOf(Changes().Correction(number)), "change.number_reason_mismatch");
  CorrectionCommand code;
  code.input = Input("2026-11-20");
  code.reason = ChangeReason::kResidentRecordCodeEntry;
  code.addressee_number = family.versions[0].addressee_number;
  code.resident_record_code = "12345678903";
  EXPECT_TRUE(Changes().Correction(code));
}

// REQ: JK-4.6.0.1
TEST_F(MoreChangesTest, CancellingAMoveRestoresTheHouseholdByAppending) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  WithinMoveCommand move;
  move.input = Input("2026-11-10", "2026-11-12");
  move.movers = {head};
  move.new_address = TownAddress("8番8号");
  move.relationships[head] = Rel("世帯主");
  move.input.acknowledged_alerts = {"change.head_leaving_household"};
  auto moved = Changes("2026-11-12").WithinMove(move);
  ASSERT_TRUE(moved);
  CancellationCommand cancel;
  cancel.input = Input("2026-11-27");
  cancel.change_id = moved->change.change_id;
  auto cancelled = Changes().Cancellation(cancel);
  ASSERT_TRUE(cancelled) << RuleOf(cancelled);
  EXPECT_EQ(cancelled->change.reason, ChangeReason::kCorrectionCancellation);
  const auto latest = repository_->Latest(head);
  EXPECT_EQ(latest->history_number, 3) << "restored by a new version, not by deleting";
  EXPECT_EQ(latest->household_number, family.versions[0].household_number);
  EXPECT_EQ(latest->address.katagaki, "さくら荘101");
  EXPECT_TRUE(latest->is_head());
  EXPECT_EQ(repository_->History(head).size(), 3u) << "both the 異動 and its 取消し stay";
  // By 異動日 the cancelled 転居 (11/10) never took effect, as the register knows now …
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{CalDay("2026-11-15"), std::nullopt})->address.banchi,
            "1番2号");
  // … while as known on 11/26, before the 取消し was processed, it had.
  EXPECT_EQ(repository_->AsOf(head, AsOfQuery{CalDay("2026-11-15"), CalDay("2026-11-26")})
                ->address.banchi,
            "8番8号");
  EXPECT_EQ(cancelled->change.supersedes_change_id, moved->change.change_id);
  EXPECT_EQ(RuleOf(Changes().Cancellation(cancel)), "change.cancel_item_changed_later")
      << "the 取消し itself changed the address again";
  cancel.change_id = 999;
  EXPECT_EQ(RuleOf(Changes().Cancellation(cancel)), "change.cancel_unknown_change");
}

// REQ: JK-4.6.0.1
TEST_F(MoreChangesTest, CancellingAMoveInAndADeathChangeThePopulation) {
  const ChangeOutcome family = MoveInFamily();
  DeathCommand death;
  death.input = Input("2026-11-20", "2026-11-21");
  death.addressee_number = family.versions[2].addressee_number;
  auto died = Changes().Death(death);
  ASSERT_TRUE(died);
  CancellationCommand undo_death;
  undo_death.input = Input("2026-11-27");
  undo_death.change_id = died->change.change_id;
  auto revived = Changes().Cancellation(undo_death);
  ASSERT_TRUE(revived) << RuleOf(revived);
  EXPECT_EQ(revived->change.reason, ChangeReason::kEntryCancellation);
  EXPECT_EQ(repository_->Latest(death.addressee_number)->status, ResidentStatus::kResident);

  CancellationCommand undo_move_in;
  undo_move_in.input = Input("2026-11-27");
  undo_move_in.change_id = family.change.change_id;
  undo_move_in.persons = {family.versions[1].addressee_number};  // 一部: the wife only
  auto removed = Changes().Cancellation(undo_move_in);
  ASSERT_TRUE(removed) << RuleOf(removed);
  EXPECT_EQ(removed->change.reason, ChangeReason::kRemovalCancellation);
  EXPECT_EQ(repository_->Latest(family.versions[1].addressee_number)->removal->reason,
            ChangeReason::kRemovalCancellation);
  undo_move_in.persons = {"0000000990"};
  EXPECT_EQ(RuleOf(Changes().Cancellation(undo_move_in)), "change.no_movers");
}

}  // namespace
}  // namespace jrr

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

// REQ: JK-4.1.1.2, JK-1.1.7
TEST_F(MoreChangesTest, AReturningResidentComesBackUnderTheOldNumber) {
  MoveInCommand first;
  first.input = Input("2026-04-01", "2026-04-02");
  NewPerson taro =
      Person("帰郷", "太郎", "キキョウ", "タロウ", "昭和60年1月1日", Sex::kMale, "世帯主");
  taro.individual_number = "123456789018";
  taro.resident_record_code = "12345678903";
  taro.former_surname = "旧姓";
  first.persons = {taro};
  first.new_address = TownAddress("2番2号");
  auto arrived = Changes("2026-04-02").MoveIn(first);
  ASSERT_TRUE(arrived);
  const std::string atena = arrived->versions[0].addressee_number;
  MoveOutCommand abroad;
  abroad.input = Input("2026-05-01", "2026-04-20");
  abroad.movers = {atena};
  abroad.destination = Address{"", "アメリカ合衆国", "", "", "", true};
  ASSERT_TRUE(Changes("2026-04-20").MoveOut(abroad));

  // A new entry with the same 個人番号 is refused: it is a 再転入.
  MoveInCommand back;
  back.input = Input("2026-11-01", "2026-11-02");
  back.from_abroad = true;
  NewPerson again = taro;
  again.former_surname.clear();
  back.persons = {again};
  back.new_address = TownAddress("3番3号");
  auto refused = Changes().MoveIn(back);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "change.returning_resident");
  // Without numbers, the same 氏名・性別・生年月日 raise an アラート.
  NewPerson no_numbers = again;
  no_numbers.individual_number.clear();
  no_numbers.resident_record_code.clear();
  back.persons = {no_numbers};
  EXPECT_EQ(Changes().MoveIn(back).error().rule_id, "change.possible_returning_resident");
  // As a 再転入: the old 宛名番号, the numbers kept, and 旧氏 carried over from abroad.
  back.returning[0] = atena;
  auto returned = Changes().MoveIn(back);
  ASSERT_TRUE(returned) << returned.error().rule_id;
  const ResidentRecord& v = returned->versions[0];
  EXPECT_EQ(v.addressee_number, atena);
  EXPECT_EQ(v.history_number, 3);
  EXPECT_EQ(v.status, ResidentStatus::kResident);
  EXPECT_EQ(v.resident_record_code, "12345678903");
  EXPECT_EQ(v.individual_number, "123456789018");
  EXPECT_EQ(v.former_surname, "旧姓");
  EXPECT_EQ(returned->change.reason, ChangeReason::kMoveInFromAbroad);
  // Now a current resident: another entry with the number is refused as in use.
  back.returning.clear();
  back.persons = {again};
  EXPECT_EQ(Changes().MoveIn(back).error().rule_id, "change.number_in_use");
  back.returning[0] = atena;
  EXPECT_EQ(Changes().MoveIn(back).error().rule_id, "change.not_removed");
}

}  // namespace
}  // namespace jrr

namespace jrr {
namespace {

using namespace jrr::testing;  // NOLINT: test builders

// REQ: JK-4.1.3.0.2, JK-4.1.3.1.1
TEST_F(MoreChangesTest, APlannedMoveOutCanChangeUntilTheNoticeArrives) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutCommand move_out;
  move_out.input = Input("2026-12-10", "2026-11-20");
  move_out.movers = Atena(family);
  move_out.destination = Address{"", "大阪府大阪市北区", "", "", "", false};
  ASSERT_TRUE(Changes().MoveOut(move_out));
  MoveOutAmendmentCommand amend;
  amend.input = Input("2026-12-20", "2026-11-27");
  amend.persons = Atena(family);
  amend.destination = Address{"", "福岡県福岡市中央区", "", "", "", false};
  auto amended = Changes().MoveOutAmendment(amend);
  ASSERT_TRUE(amended) << RuleOf(amended);
  const auto history = repository_->History(family.versions[0].addressee_number);
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1].version.removal->planned_destination.text, "大阪府大阪市北区");
  EXPECT_EQ(history[2].version.removal->planned_destination.text, "福岡県福岡市中央区");
  EXPECT_EQ(ToIsoString(*history[2].version.removal->effective.ExactDate()), "2026-12-20");
  // As of 12/15 by 異動日 the family is still resident: the 転出 now takes effect on 12/20.
  EXPECT_EQ(
      repository_
          ->AsOf(family.versions[0].addressee_number, AsOfQuery{CalDay("2026-12-15"), std::nullopt})
          ->status,
      ResidentStatus::kResident);
  MoveInNoticeCommand notice;
  notice.input = Input("2026-11-25", "2026-11-27");
  notice.persons = Atena(family);
  notice.confirmed_destination =
      Address{"", "福岡県福岡市中央区天神一丁目", "1番1号", "", "", false};
  ASSERT_TRUE(Changes().MoveInNotice(notice));
  EXPECT_EQ(Changes().MoveOutAmendment(amend).error().rule_id, "change.notice_already_received");
}

// REQ: JK-4.5.6, JK-4.5.2, JK-7.2.2
TEST_F(MoreChangesTest, ForeignItemsAndOtherSystemsItemsAreCorrectable) {
  const ChangeOutcome family = MoveInFamily();
  CorrectionCommand insurance;
  insurance.input = Input("2026-11-20");
  insurance.addressee_number = family.versions[0].addressee_number;
  insurance.national_health = InsuranceStatus{true, CalDay("2026-10-01"), std::nullopt};
  insurance.pension =
      NationalPension{true, "1234567890", "1号", std::nullopt, CalDay("2000-04-01"), std::nullopt};
  auto insured = Changes().Correction(insurance);
  ASSERT_TRUE(insured) << RuleOf(insured);
  const auto latest = repository_->Latest(insurance.addressee_number);
  EXPECT_TRUE(latest->national_health.covered);
  EXPECT_EQ(*latest->national_health.acquired, CalDay("2026-10-01"));
  EXPECT_EQ(latest->pension.basic_pension_number, "1234567890");
  CorrectionCommand foreign = insurance;
  foreign.national_health.reset();
  foreign.pension.reset();
  foreign.foreign = ForeignResidentItems{};
  EXPECT_EQ(RuleOf(Changes().Correction(foreign)), "record.foreign_items_not_allowed");
}

// 申出による職権記載等 (JK-4.2.0.5) and 申出による異動の取消し (JK-4.6.1.1): the 異動 is marked as done
// at the person's request, its 申出日 kept as the notification date and shown in the 統合記載欄
// (A類型); a 届出 cannot be marked so. The mark survives the round trip through the file.
// REQ: JK-4.2.0.5, JK-4.6.1.1, JK-4.2.0.4, JK-1.1.14
TEST_F(MoreChangesTest, ExOfficioChangesDoneOnRequestSaySo) {
  const ChangeOutcome family = MoveInFamily();
  const std::string head = family.versions[0].addressee_number;
  CorrectionCommand fix;
  fix.input = Input("2026-11-20", "2026-11-19");
  fix.input.on_request = true;
  fix.reason = ChangeReason::kClericalErrorCorrection;
  fix.addressee_number = head;
  fix.given_name = "一朗";
  auto fixed = Changes().Correction(fix);
  ASSERT_TRUE(fixed) << RuleOf(fixed);
  EXPECT_TRUE(fixed->change.on_request);
  CancellationCommand cancel;
  cancel.input = Input("2026-11-21", "2026-11-21");
  cancel.input.on_request = true;
  cancel.change_id = fixed->change.change_id;
  cancel.persons = {head};
  auto cancelled = Changes().Cancellation(cancel);
  ASSERT_TRUE(cancelled) << RuleOf(cancelled);
  const auto history = repository_->History(head);
  ASSERT_GE(history.size(), 3u);
  EXPECT_TRUE(history[history.size() - 2].change.on_request) << "read back from the file";
  EXPECT_TRUE(history.back().change.on_request);
  EXPECT_FALSE(history.front().change.on_request);
  const auto lines = IntegratedRemarks(history, {});
  bool found = false;
  for (const auto& line : lines)
    found = found || line.text.find("令和8年11月19日申出") != std::string::npos;
  EXPECT_TRUE(found) << "the A類型 line names the 申出日";
  // A 届出 (転居) is not an 異動 done 職権: refused, nothing written.
  WithinMoveCommand move;
  move.input = Input("2026-11-22", "2026-11-22");
  move.input.on_request = true;
  move.movers = {head};
  move.relationships = {{head, RelationshipToHead{}}};
  move.new_address = TownAddress("8番8号");
  const auto before = repository_->History(head).size();
  EXPECT_EQ(RuleOf(Changes().WithinMove(move)), "change.request_not_ex_officio");
  EXPECT_EQ(repository_->History(head).size(), before);
}

// 未届転入 (JK-4.1.1.4): the latest unnotified address gets 「（未届）」 at its end, the 留意事項
// says it was an unnotified move-in with that address, and 最終登録住所地 is kept as a data item of
// the person (not a 住民票 item). Without an address in Japan it is refused.
// REQ: JK-4.1.1.4, JK-1.1.14
TEST_F(MoreChangesTest, UnnotifiedMoveInMarksThePreviousAddressAndKeepsTheLastRegisteredOne) {
  MoveInCommand c;
  c.input = Input("2026-11-10", "2026-11-12");
  c.unreported = true;
  NewPerson p = Person("未届", "太郎", "ミトドケ", "タロウ", "平成2年2月2日", Sex::kMale, "世帯主");
  p.last_registered_address = "東京都千代田区霞が関一丁目1番1号";
  c.persons = {p};
  c.previous_address = Address{"", "埼玉県さいたま市浦和区高砂三丁目", "15番1号", "", "", false};
  c.new_address = TownAddress("4番4号");
  auto entered = Changes().MoveIn(c);
  ASSERT_TRUE(entered) << RuleOf(entered);
  const auto latest = repository_->Latest(entered->versions[0].addressee_number);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->previous_address.Printed(), "埼玉県さいたま市浦和区高砂三丁目15番1号（未届）");
  EXPECT_EQ(latest->last_registered_address, "東京都千代田区霞が関一丁目1番1号")
      << "read back from the file";
  EXPECT_EQ(entered->change.reason, ChangeReason::kDomesticMoveIn);
  EXPECT_EQ(entered->change.note,
            "未届転入。転入前住所（未届）: "
            "埼玉県さいたま市浦和区高砂三丁目15番1号（未届）。最終登録住所地: "
            "東京都千代田区霞が関一丁目1番1号");
  // Marked once only, even when the clerk typed the mark already.
  MoveInCommand again = c;
  again.persons[0] =
      Person("未届", "次郎", "ミトドケ", "ジロウ", "平成3年3月3日", Sex::kMale, "世帯主");
  again.previous_address.katagaki = "高砂荘2号（未届）";
  again.new_address = TownAddress("5番5号");
  auto second = Changes().MoveIn(again);
  ASSERT_TRUE(second) << RuleOf(second);
  EXPECT_EQ(repository_->Latest(second->versions[0].addressee_number)->previous_address.katagaki,
            "高砂荘2号（未届）");
  // No unnotified address, or one abroad: refused.
  MoveInCommand none = c;
  none.previous_address = Address{};
  EXPECT_EQ(RuleOf(Changes().MoveIn(none)), "change.unreported_needs_address");
}

// Each refusal below is an エラー: the 異動 is not recorded, nothing is written, and the rule has a
// Japanese message for the counter.
// REQ: JK-4.1.4.1, JK-4.1.3.0.2, JK-4.0.2, JK-1.1.7, JK-4.1.3.1.1
TEST_F(MoreChangesTest, RefusedChangesWriteNothing) {
  const ChangeOutcome family = MoveInFamily();
  const std::vector<std::string> members = Atena(family);
  const std::string household = family.versions[0].household_number;
  struct Case {
    const char* name;
    std::function<Result<ChangeOutcome>()> attempt;
    const char* rule_id;
  };
  const std::vector<Case> cases = {
      {"転居 into one's own household",
       [&] {
         WithinMoveCommand c;
         c.input = Input("2026-11-20");
         c.movers = {members[2]};
         c.join_household = household;
         return Changes().WithinMove(c);
       },
       "change.same_household"},
      {"世帯合併 into one's own household",
       [&] {
         HouseholdJoinCommand c;
         c.input = Input("2026-11-20");
         c.movers = {members[2]};
         c.join_household = household;
         return Changes().HouseholdJoin(c);
       },
       "change.same_household"},
      {"転居 into a household that does not exist",
       [&] {
         WithinMoveCommand c;
         c.input = Input("2026-11-20");
         c.movers = {members[2]};
         c.join_household = "999999999999";
         return Changes().WithinMove(c);
       },
       "change.household_not_found"},
      {"世帯主変更 of a household that does not exist",
       [&] {
         HeadOfHouseholdChangeCommand c;
         c.input = Input("2026-11-20");
         c.household_number = "999999999999";
         c.new_head = members[1];
         return Changes().HeadOfHouseholdChange(c);
       },
       "change.household_not_found"},
      {"世帯主変更 to someone outside the household",
       [&] {
         HeadOfHouseholdChangeCommand c;
         c.input = Input("2026-11-20");
         c.household_number = household;
         c.new_head = "999999999999";
         return Changes().HeadOfHouseholdChange(c);
       },
       "change.not_a_member"},
      {"世帯分離 of the whole household",
       [&] {
         HouseholdSeparationCommand c;
         c.input = Input("2026-11-20");
         c.movers = members;
         c.relationships[members[0]] = Rel("世帯主");
         return Changes().HouseholdSeparation(c);
       },
       "change.separation_of_whole_household"},
      {"転出 without a destination",
       [&] {
         MoveOutCommand c;
         c.input = Input("2026-12-10", "2026-11-20");
         c.movers = {members[2]};
         return Changes().MoveOut(c);
       },
       "change.destination_required"},
      {"旧氏 entered blank",
       [&] {
         NameItemCommand c;
         c.input = Input("2026-11-20");
         c.kind = NameItemCommand::Kind::kFormerSurnameEntry;
         c.addressee_number = members[1];
         return Changes().NameItem(c);
       },
       "change.name_item_required"},
      {"転入通知 for a resident who has not moved out",
       [&] {
         MoveInNoticeCommand c;
         c.input = Input("2026-11-25", "2026-11-27");
         c.persons = {members[2]};
         c.confirmed_destination =
             Address{"", "大阪府大阪市北区梅田一丁目", "1番1号", "", "", false};
         return Changes().MoveInNotice(c);
       },
       "change.not_moved_out"},
  };
  const int64_t changes_before = Count("change_record");
  const int64_t versions_before = Count("resident_version");
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const Result<ChangeOutcome> outcome = c.attempt();
    EXPECT_EQ(RuleOf(outcome), c.rule_id);
    if (!outcome) {
      const RuleInfo* rule = FindRule(outcome.error().rule_id);
      ASSERT_NE(rule, nullptr) << "every rule is in the catalog";
      EXPECT_FALSE(std::string(rule->message_ja).empty());
    }
  }
  EXPECT_EQ(Count("change_record"), changes_before);
  EXPECT_EQ(Count("resident_version"), versions_before);
}

}  // namespace
}  // namespace jrr
