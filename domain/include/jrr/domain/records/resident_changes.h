// SPDX-License-Identifier: Apache-2.0
//
// 異動処理 — ResidentChanges: the use cases that change the register (JK-4). Each checks its rules
// against the current versions, builds the new version of every person it touches and records
// them through ResidentRepository::Append as one transaction.
//
// Common rules (JK-4.0, JK-11.1), each with its rule id:
//   change.event_date_future        異動日 after 処理日 (allowed only for 転出; JK-4.0.3)
//   change.notification_date_future 届出日 after 処理日 (JK-4.1.0.2)
//   change.notification_before_event 転入・転居 notified before they happened
//   change.late_notification        アラート: 転入・転居 notified more than 14 days after the event
//                                   (住基法第22条, 第23条)
//   change.move_out_late_ex_officio アラート: 転出 notified more than 14 days after moving; it is
//                                   recorded 職権 (JK-4.1.3.0.1)
//   change.person_not_found         a 宛名番号 the register does not hold (kNotFound)
//   change.not_resident             the person is a 除票 already
//   change.no_movers                no person named
//   change.duplicate_mover          a person named twice
//   change.movers_span_households   movers from more than one household (pick 全部/一部 of one)
//   change.household_not_found      the destination household has no members (kNotFound)
//   household.multiple_heads        the result would have two 世帯主
//   change.head_leaving_household   アラート: the 世帯主 leaves and two or more members remain; the
//                                   household stays without a head until a 世帯主変更 (JK-4.0.4)
//   change.sole_member_becomes_head アラート: the 世帯主 leaves one member, who becomes 世帯主
//                                   職権 (JK-4.0.4)
//   change.same_household           a 世帯変更 into the household the person is already in
//   change.returning_resident       a newcomer's 個人番号, 住民票コード or 在留カード番号 matches a
//                                   除票: enter them as a 再転入 (JK-4.1.1.2)
//   change.number_in_use            … matches a current resident
//   change.possible_returning_resident アラート: a 除票 has the same 氏名, 性別 and 生年月日
//   change.not_removed              a 再転入 names a record that is not a 除票
//   change.special_abroad           特例転出・特例転入 with a place abroad, or a 職権 entry
//   change.special_destination_unknown 特例転出 to a 転出先 without 都道府県 and 市区町村
//   change.alert_unacknowledged     never returned itself: an unacknowledged アラート is returned
//                                   with its own rule id and ErrorCode::kRuleViolation
// and those of ValidateRecord for every version written.
//
// An アラート does not stop a 異動 once the command lists its rule id in acknowledged_alerts.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "jrr/domain/records/address_dictionary.h"
#include "jrr/domain/records/change.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

// What every 異動 command carries.
struct ChangeInput {
  RecordedDate event_date;                        // 異動日
  std::optional<CalendarDate> notification_date;  // 届出日 (届出), 通知日 (職権), 申出日 (申出)
  // 申出による (JK-4.2.0.5, 4.6.1.1): a 職権 異動 done because the person asked for it; the 申出日
  // is notification_date. Only for 異動 recorded 職権 (change.request_not_ex_officio).
  bool on_request = false;
  // 届出の準用 (JK-4.2.0.2, 住基法施行令第12条): a 異動 normally made on a 届出 (転居, 転出, 世帯変更 …)
  // done 職権 by the municipality — after a 実態調査, say — without one. The 14-day rule of a 届出
  // does not apply; notification_date is then a 通知日 if there was one.
  bool ex_officio = false;
  std::string note;  // 留意事項
  std::vector<std::string> acknowledged_alerts;
};

// A person entering the register: every item of ResidentRecord the clerk enters. Keys, status,
// address and household are set by the 異動.
using NewPerson = ResidentRecord;

// 転入 (JK-4.1.1): newcomers form a new household (全部) or join an existing one (一部).
struct MoveInCommand {
  ChangeInput input;
  bool from_abroad = false;  // 国外転入等 instead of 国内転入
  // 職権記載 (住所設定, JK-4.2.1.1): entered by the municipality, not on a 届出. The 転入前住所
  // may be 「不明」, or end in 「（未届）」 for an unnotified move-in (JK-4.1.1.4).
  bool ex_officio_entry = false;
  // 未届転入 (JK-4.1.1.4): the person lived at addresses they never notified. previous_address is
  // the latest of those; the 異動 marks it 「（未届）」 and adds the 留意事項 that says so. Each
  // person's 最終登録住所地 may be given (NewPerson::last_registered_address).
  bool unreported = false;
  std::vector<NewPerson> persons;             // with 続柄 in the destination household
  Address previous_address;                   // 転入前住所
  std::optional<Address> new_address;         // for a new household
  std::optional<std::string> join_household;  // 世帯番号 to join
  // 再転入 (JK-4.1.1.2): person index → the 宛名番号 of their 除票. The person is entered as the
  // next version of that record, keeping 宛名番号, 住民票コード and 個人番号 (unless given anew),
  // and — returning from abroad — 旧氏 and 通称 (JK-1.1.7).
  std::map<std::size_t, std::string> returning;
  // 特例転入 (JK-4.1.1.3): the id of the 転出証明書情報 received over CS the persons were entered
  // from (the clerk may have corrected its items). It is taken up in the 異動's transaction, once.
  std::string move_out_information;
};

// 出生 (JK-4.2.1.2): a child entered into a household; 異動日 is the birth date.
struct BirthCommand {
  ChangeInput input;
  std::string household_number;
  NewPerson child;
};

// 転居 (JK-4.1.2): some or all members of one household move within the municipality, to a new
// household at the new address or into another household.
struct WithinMoveCommand {
  ChangeInput input;
  std::vector<std::string> movers;  // 宛名番号
  Address new_address;              // ignored when joining
  std::optional<std::string> join_household;
  std::map<std::string, RelationshipToHead> relationships;  // 続柄 in the destination
};

// 転出 (JK-4.1.3): 異動日 is the 転出予定日 and may be in the future.
struct MoveOutCommand {
  ChangeInput input;
  std::vector<std::string> movers;
  Address destination;  // 転出先住所（予定）; abroad for 国外転出
  // 特例転出 (住基法第24条の2, JK-4.1.3.0.4): no 転出証明書 is issued; the 転出証明書情報 is sent
  // to the 転出先 over CS in the 異動's transaction. The 転出先 must name its municipality
  // (都道府県 + 市区町村) so the information can be routed.
  bool special = false;
};

// 死亡 (JK-4.2.2.1): 異動日 is the date of death (戸籍-consistent).
struct DeathCommand {
  ChangeInput input;
  std::string addressee_number;
};

// 世帯主変更 (JK-4.1.4.1, 4.1.4.2): a member becomes 世帯主; the others' 続柄 may be re-set.
struct HeadOfHouseholdChangeCommand {
  ChangeInput input;
  std::string household_number;
  std::string new_head;                                     // 宛名番号
  std::map<std::string, RelationshipToHead> relationships;  // for other members
};

// 世帯分離 (JK-4.1.4.1): members leave their household and form a new one at the same address.
// Changing the address at the same time is not allowed (use 転居).
struct HouseholdSeparationCommand {
  ChangeInput input;
  std::vector<std::string> movers;
  std::map<std::string, RelationshipToHead> relationships;  // 続柄 in the new household
};

// 職権修正 / 誤記修正 / 軽微な修正 (JK-4.2.3): corrected items of one person; unset fields keep
// their value. A 誤記修正 appends a version; the erroneous one stays in the history. The number
// reasons (個人番号の変更請求・職権修正・職権記載, JK-4.4; 住民票コードの変更請求・職権記載, JK-4.3.2)
// change that number and nothing else.
struct CorrectionCommand {
  ChangeInput input;
  ChangeReason reason = ChangeReason::kCorrectionExOfficio;
  std::string addressee_number;
  std::optional<std::string> family_name, given_name, family_kana, given_kana;
  std::optional<bool> kana_confirmed;
  std::optional<RecordedDate> birth_date;
  std::optional<Sex> sex;
  std::optional<Domicile> domicile;
  std::optional<std::string> individual_number;
  std::optional<std::string> resident_record_code;
  std::optional<bool> on_electoral_roll;
  std::optional<bool> adult_ward;
  // 他業務 items (JK-1.1.1, 7.2.2) as the other systems report them.
  std::optional<InsuranceStatus> national_health, late_elderly, long_term_care;
  std::optional<NationalPension> pension;
  std::optional<std::string> child_allowance_start, child_allowance_end;
  // Foreign-resident items: 30条の47 届出 (JK-4.5.2) and 入管 notices (JK-4.5.6).
  std::optional<ForeignResidentItems> foreign;
};

// Changes to a 転出 before the 転入通知 arrives (JK-4.1.3): a new 転出予定日 and/or 転出先住所（予定）
// on the 除票 of people who moved out. The earlier values stay in the history.
struct MoveOutAmendmentCommand {
  ChangeInput input;  // event_date: the new 転出予定日 (or the old one when only the place changes)
  std::vector<std::string> persons;
  std::optional<Address> destination;
};

// 転入通知の受理 (JK-4.1.3.1.1): the destination municipality's notice is recorded on the 除票 of
// people who moved out (or were removed 職権). The planned destination and date are kept, not
// overwritten; per JK-1.1.5 the removal counts from the earlier of the planned day and the day
// the person moved in there. input.notification_date is the 転入通知日 and is required.
struct MoveInNoticeCommand {
  ChangeInput input;  // event_date: 転出年月日（確定）, the move-in day there
  std::vector<std::string> persons;
  Address confirmed_destination;  // 転出先住所（確定）
};

// 世帯合併 / 世帯変更 (JK-4.1.4.1): members of one household join another at the same address.
// The whole household joining is a 世帯合併, part of it a 世帯変更. The address may not change in
// the same 異動 (use 転居); a different 方書 is kept as it is.
struct HouseholdJoinCommand {
  ChangeInput input;
  std::vector<std::string> movers;
  std::string join_household;
  std::map<std::string, RelationshipToHead> relationships;
};

// 職権消除 (JK-4.2.2): removal by the municipality — after a 実態調査, or on a 失踪 notice from the
// 本籍地 (JK-4.2.2.2; 異動日 is the day the 失踪 takes effect, 戸籍-consistent).
struct ExOfficioRemovalCommand {
  ChangeInput input;
  std::vector<std::string> persons;  // from one household
};

// 帰化・国籍取得 (JK-4.5.3, 4.5.4) and 国籍喪失 (JK-4.5.5): the person's record of one kind becomes
// a 除票 and a record of the other kind is entered, in one 異動, keeping 宛名番号, 世帯, 住所,
// 生年月日, 性別, 続柄, 住所を定めた年月日, 住民票コード, 個人番号 and 転入前住所.
struct NationalityChangeCommand {
  enum class Kind { kNaturalisation, kAcquisition, kLoss };
  ChangeInput input;  // event_date: the day of 帰化 / 国籍取得 / 国籍喪失
  Kind kind = Kind::kNaturalisation;
  std::string addressee_number;
  // For 帰化・国籍取得: the Japanese name, 振り仮名 and 本籍 from the 戸籍.
  std::string family_name, given_name, family_kana, given_kana;
  Domicile domicile;
  // For 国籍喪失: the foreign-resident items.
  ForeignResidentItems foreign;
};

// 旧氏の記載・変更・削除 (JK-1.1.7, on request; Japanese residents) and 通称の記載・削除 (on
// application; foreign residents).
struct NameItemCommand {
  enum class Kind {
    kFormerSurnameEntry,
    kFormerSurnameChange,
    kFormerSurnameDeletion,
    kCommonNameEntry,
    kCommonNameDeletion
  };
  ChangeInput input;
  Kind kind = Kind::kFormerSurnameEntry;
  std::string addressee_number;
  std::string name;  // the 旧氏 or 通称 (empty for a deletion)
  std::string kana;
};

// 異動の取消し (JK-4.6): a recorded 異動 is undone by appending versions that restore each person's
// state before it — never by deleting. Cancelling a 転入 or 出生 removes the person (取消し（減）),
// cancelling a 転出 or 死亡 restores them (取消し（増）), anything else is 取消し（修正）. Later 異動
// may have followed: what the cancelled one changed is put back, what they changed stays; an item
// a later 異動 changed again is refused (change.cancel_item_changed_later: cancel that one first),
// except the 転入通知 of a cancelled 転出, which goes with it. People put back at an address their
// former household has left form a new household there.
struct CancellationCommand {
  ChangeInput input;
  int64_t change_id = 0;
  std::vector<std::string> persons;  // empty: everyone the 異動 wrote (全部)
  // 続柄 in a new household, when the cancelled 異動 had moved people out of a household that has
  // since moved away entirely (one person alone becomes its 世帯主 without one).
  std::map<std::string, RelationshipToHead> relationships;
};

// Any 異動 command, as decoded from the JSON the CLI and the API take.
// 改製 (JK-1.1.4): a new 住民票（原票） for each person named, at a time the municipality chooses —
// never automatically (there is no column limit). The 異動 (reason 改製) appends a version that
// starts the new 原票; the versions before it form the 改製原住民票, kept and readable, and printed
// history (住民票の写し with 履歴) starts at the latest 改製. 異動日 is the 改製年月日.
struct RemakingCommand {
  ChangeInput input;
  std::vector<std::string> persons;  // from one household
};

// 住所一括変更 (JK-9.7) of one household — a 軽微な修正 (JK-4.2.3.2, 規則第11条第3項第2号): a
// 住居表示の実施, a 地番 change or a new name of a 町字 renames the address a household lives at,
// and nobody moves. Every member whose 住所 (町字 and 番地) is `before` gets `after`; the 方書 stays
// unless `after` gives one; 住所を定めた年月日 stays. `cause` opens the 留意事項.
struct AddressRenamingCommand {
  ChangeInput input;
  std::string household_number;
  Address before;
  Address after;
  std::string cause;  // 住居表示の実施, 地番の変更, 町字の名称の変更 …
};

// The 本籍 side of 住所一括変更 (JK-9.7): a 地番 change renames the 本籍 of one person (職権修正,
// as the 本籍地 tells). The 筆頭者 stays.
struct DomicileRenamingCommand {
  ChangeInput input;
  std::string addressee_number;
  std::string before;  // 本籍 as it stands
  std::string after;
  std::string cause;
};

using AnyChangeCommand =
    std::variant<MoveInCommand, BirthCommand, WithinMoveCommand, MoveOutCommand, DeathCommand,
                 HeadOfHouseholdChangeCommand, HouseholdSeparationCommand, CorrectionCommand,
                 MoveInNoticeCommand, HouseholdJoinCommand, ExOfficioRemovalCommand,
                 NationalityChangeCommand, NameItemCommand, CancellationCommand,
                 MoveOutAmendmentCommand, RemakingCommand, AddressRenamingCommand,
                 DomicileRenamingCommand>;

class ResidentChanges {
 public:
  // `dictionary` resolves addresses in this municipality (JK-1.3.3); without one, addresses are
  // kept as typed.
  ResidentChanges(ResidentRepository& repository, ChangeContext context,
                  AddressDictionary* dictionary = nullptr)
      : repository_(repository), context_(std::move(context)), dictionary_(dictionary) {}

  Result<ChangeOutcome> MoveIn(const MoveInCommand& command);
  Result<ChangeOutcome> Birth(const BirthCommand& command);
  Result<ChangeOutcome> WithinMove(const WithinMoveCommand& command);
  Result<ChangeOutcome> MoveOut(const MoveOutCommand& command);
  Result<ChangeOutcome> Death(const DeathCommand& command);
  Result<ChangeOutcome> HeadOfHouseholdChange(const HeadOfHouseholdChangeCommand& command);
  Result<ChangeOutcome> HouseholdSeparation(const HouseholdSeparationCommand& command);
  Result<ChangeOutcome> Correction(const CorrectionCommand& command);

  Result<ChangeOutcome> MoveInNotice(const MoveInNoticeCommand& command);
  Result<ChangeOutcome> HouseholdJoin(const HouseholdJoinCommand& command);
  Result<ChangeOutcome> ExOfficioRemoval(const ExOfficioRemovalCommand& command);
  Result<ChangeOutcome> NationalityChange(const NationalityChangeCommand& command);
  Result<ChangeOutcome> NameItem(const NameItemCommand& command);
  // 異動の取消し (JK-4.6.0.1) of any 異動, the latest or an earlier one: what it changed is put
  // back by a new version; what later 異動 changed stays. A person put back at a former address
  // rejoins their former household there, or forms a new one if it has left that address.
  // Errors: change.cancel_unknown_change, change.cancel_person_not_in_change,
  // change.cancel_item_changed_later (a later 異動 changed the same item), change.relationship_required.
  Result<ChangeOutcome> Cancellation(const CancellationCommand& command);
  Result<ChangeOutcome> MoveOutAmendment(const MoveOutAmendmentCommand& command);
  Result<ChangeOutcome> Remaking(const RemakingCommand& command);
  // Errors: bulk.address_mismatch (a member's 住所 is not `before`: the row does not describe the
  // register as it stands), bulk.moving_out (a 転出予定者 in the household: left to a clerk),
  // change.household_not_found, change.nothing_to_correct (`after` is `before`).
  Result<ChangeOutcome> AddressRenaming(const AddressRenamingCommand& command);
  // Errors: bulk.domicile_mismatch, change.nothing_to_correct, change.person_not_found,
  // change.not_resident, record.domicile_required (a foreign resident has no 本籍).
  Result<ChangeOutcome> DomicileRenaming(const DomicileRenamingCommand& command);

  // Runs whichever use case `command` holds.
  Result<ChangeOutcome> Apply(const AnyChangeCommand& command);

 private:
  Result<Address> Resolve(const Address& address);

  ResidentRepository& repository_;
  ChangeContext context_;
  AddressDictionary* dictionary_;
};

}  // namespace jrr
