// SPDX-License-Identifier: Apache-2.0
//
// 異動事由 — ChangeReason: why a version of a resident record was written (JK-1.2.2). Every reason
// of the standard's list is here, in its three groups (記載, 消除, 修正), with a stable numeric
// code used in the database and the JSON API. 「転居取消」 is deliberately absent (JK-1.2.2
// 【実装しない機能】): a cancelled 転居 is 異動の取消し（修正）.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace jrr {

enum class ReasonGroup { kEntry, kRemoval, kCorrection };  // 記載 / 消除 / 修正

enum class ChangeReason {
  // 記載の事由
  kDomesticMoveIn = 11,          // 国内転入
  kMoveInFromAbroad = 12,        // 国外転入等
  kBirth = 13,                   // 出生
  kEntryNaturalisation = 14,     // 職権記載（帰化等）— Japanese residents only
  kEntryLossOfNationality = 15,  // 職権記載（国籍喪失）— foreign residents only
  kEntryExOfficio = 16,          // 職権記載
  kEntryRemaking = 17,           // 改製
  kEntryRecreation = 18,         // 再製
  kEntryCancellation = 19,       // 異動の取消し（増）
  // 消除の事由
  kDomesticMoveOut = 21,           // 国内転出
  kMoveOutAbroad = 22,             // 国外転出
  kDeath = 23,                     // 死亡
  kRemovalNaturalisation = 24,     // 職権消除（帰化等）— foreign residents only
  kRemovalLossOfNationality = 25,  // 職権消除（国籍喪失）— Japanese residents only
  kRemovalExOfficio = 26,          // 職権消除
  kRemovalRemaking = 27,           // 改製
  kRemovalRecreation = 28,         // 再製
  kRemovalCancellation = 29,       // 異動の取消し（減）
  // 修正の事由
  kWithinMove = 31,                       // 転居
  kMinorCorrection = 32,                  // 軽微な修正
  kCorrectionExOfficio = 33,              // 職権修正
  kClericalErrorCorrection = 34,          // 誤記修正
  kIndividualNumberChangeRequest = 35,    // 個人番号の変更請求
  kIndividualNumberCorrection = 36,       // 個人番号の職権修正
  kIndividualNumberEntry = 37,            // 個人番号の職権記載
  kResidentRecordCodeChangeRequest = 38,  // 住民票コードの変更請求
  kResidentRecordCodeEntry = 39,          // 住民票コードの職権記載
  kHouseholdSeparation = 40,              // 世帯分離
  kHouseholdMerger = 41,                  // 世帯合併
  kHouseholdChange = 42,                  // 世帯変更
  kHeadOfHouseholdChange = 43,            // 世帯主変更
  kFormerSurnameEntry = 44,               // 旧氏の記載
  kFormerSurnameChange = 45,              // 旧氏の変更
  kFormerSurnameDeletion = 46,            // 旧氏の削除
  kCommonNameEntry = 47,                  // 通称の記載
  kCommonNameDeletion = 48,               // 通称の削除
  kCorrectionCancellation = 49,           // 異動の取消し（修正）
};

struct ChangeReasonInfo {
  ChangeReason reason;
  ReasonGroup group;
  std::string_view name_ja;  // as printed in the history and the 統合記載欄
  std::string_view key;      // stable English key for the JSON API ("domestic_move_in")
};

// The whole table, in the standard's order.
std::span<const ChangeReasonInfo> AllChangeReasons();

const ChangeReasonInfo& InfoOf(ChangeReason reason);
std::optional<ChangeReason> ChangeReasonFromCode(int code);
std::optional<ChangeReason> ChangeReasonFromKey(std::string_view key);

}  // namespace jrr
