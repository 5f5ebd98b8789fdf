// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/change_reason.h"

#include <array>
#include <cassert>

namespace jrr {
namespace {

using R = ChangeReason;
using G = ReasonGroup;

constexpr std::array kReasons = std::to_array<ChangeReasonInfo>({
    {R::kDomesticMoveIn, G::kEntry, "国内転入", "domestic_move_in"},
    {R::kMoveInFromAbroad, G::kEntry, "国外転入等", "move_in_from_abroad"},
    {R::kBirth, G::kEntry, "出生", "birth"},
    {R::kEntryNaturalisation, G::kEntry, "職権記載（帰化等）", "entry_naturalisation"},
    {R::kEntryLossOfNationality, G::kEntry, "職権記載（国籍喪失）", "entry_loss_of_nationality"},
    {R::kEntryExOfficio, G::kEntry, "職権記載", "entry_ex_officio"},
    {R::kEntryRemaking, G::kEntry, "改製", "entry_remaking"},
    {R::kEntryRecreation, G::kEntry, "再製", "entry_recreation"},
    {R::kEntryCancellation, G::kEntry, "異動の取消し（増）", "entry_cancellation"},
    {R::kDomesticMoveOut, G::kRemoval, "国内転出", "domestic_move_out"},
    {R::kMoveOutAbroad, G::kRemoval, "国外転出", "move_out_abroad"},
    {R::kDeath, G::kRemoval, "死亡", "death"},
    {R::kRemovalNaturalisation, G::kRemoval, "職権消除（帰化等）", "removal_naturalisation"},
    {R::kRemovalLossOfNationality, G::kRemoval, "職権消除（国籍喪失）",
     "removal_loss_of_nationality"},
    {R::kRemovalExOfficio, G::kRemoval, "職権消除", "removal_ex_officio"},
    {R::kRemovalRemaking, G::kRemoval, "改製", "removal_remaking"},
    {R::kRemovalRecreation, G::kRemoval, "再製", "removal_recreation"},
    {R::kRemovalCancellation, G::kRemoval, "異動の取消し（減）", "removal_cancellation"},
    {R::kWithinMove, G::kCorrection, "転居", "within_move"},
    {R::kMinorCorrection, G::kCorrection, "軽微な修正", "minor_correction"},
    {R::kCorrectionExOfficio, G::kCorrection, "職権修正", "correction_ex_officio"},
    {R::kClericalErrorCorrection, G::kCorrection, "誤記修正", "clerical_error_correction"},
    {R::kIndividualNumberChangeRequest, G::kCorrection, "個人番号の変更請求",
     "individual_number_change_request"},
    {R::kIndividualNumberCorrection, G::kCorrection, "個人番号の職権修正",
     "individual_number_correction"},
    {R::kIndividualNumberEntry, G::kCorrection, "個人番号の職権記載", "individual_number_entry"},
    {R::kResidentRecordCodeChangeRequest, G::kCorrection, "住民票コードの変更請求",
     "resident_record_code_change_request"},
    {R::kResidentRecordCodeEntry, G::kCorrection, "住民票コードの職権記載",
     "resident_record_code_entry"},
    {R::kHouseholdSeparation, G::kCorrection, "世帯分離", "household_separation"},
    {R::kHouseholdMerger, G::kCorrection, "世帯合併", "household_merger"},
    {R::kHouseholdChange, G::kCorrection, "世帯変更", "household_change"},
    {R::kHeadOfHouseholdChange, G::kCorrection, "世帯主変更", "head_of_household_change"},
    {R::kFormerSurnameEntry, G::kCorrection, "旧氏の記載", "former_surname_entry"},
    {R::kFormerSurnameChange, G::kCorrection, "旧氏の変更", "former_surname_change"},
    {R::kFormerSurnameDeletion, G::kCorrection, "旧氏の削除", "former_surname_deletion"},
    {R::kCommonNameEntry, G::kCorrection, "通称の記載", "common_name_entry"},
    {R::kCommonNameDeletion, G::kCorrection, "通称の削除", "common_name_deletion"},
    {R::kCorrectionCancellation, G::kCorrection, "異動の取消し（修正）", "correction_cancellation"},
});

}  // namespace

// IMP: JK-1.2.2
std::span<const ChangeReasonInfo> AllChangeReasons() { return kReasons; }

const ChangeReasonInfo& InfoOf(ChangeReason reason) {
  for (const ChangeReasonInfo& info : kReasons) {
    if (info.reason == reason) return info;
  }
  assert(false && "every ChangeReason is in kReasons (tested)");
  return kReasons[0];
}

std::optional<ChangeReason> ChangeReasonFromCode(int code) {
  for (const ChangeReasonInfo& info : kReasons) {
    if (static_cast<int>(info.reason) == code) return info.reason;
  }
  return std::nullopt;
}

std::optional<ChangeReason> ChangeReasonFromKey(std::string_view key) {
  for (const ChangeReasonInfo& info : kReasons) {
    if (info.key == key) return info.reason;
  }
  return std::nullopt;
}

}  // namespace jrr
