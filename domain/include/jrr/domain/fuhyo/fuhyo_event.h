// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の異動（附票） — FuhyoEvent: what staff enter because there is no 戸籍 system here (編製, 入籍,
// 除籍, 死亡, 転籍, 改製), the 職権修正 of a recorded item with its reason (住基法第18条), and the
// 支援措置 a 住所地 passed on for a member who lives elsewhere.
//
// PlanFuhyoEvent checks an event against the 附票 and says what to append (FuhyoEventPlan); the
// store writes the plan in one transaction with its audit entry. Nothing is edited in place: a
// member changes by a new version, an address by a new line, a 附票 by a state event.
//
// Pure: no I/O, no clock (the caller passes today).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/fuhyo/fuhyo.h"

namespace jrr {

enum class FuhyoEventKind {
  kCreate = 1,    // 編製: a new 戸籍 whose 本籍 is here
  kEnter = 2,     // 入籍: a person enters the 戸籍
  kLeave = 3,     // 除籍 (婚姻, 分籍, 養子縁組 …)
  kDeath = 4,     // 死亡
  kTransfer = 5,  // 転籍: the 附票 closes; within this municipality a new one carries the members
  kRemake = 6,  // 改製: the 附票 becomes 改製原附票 and a new one carries the living members
  kCorrection = 7,  // 職権修正 of a member's items or latest address, with the reason
  kProtect = 8,  // 支援措置 passed on by the 住所地 for a member (copies refused while it runs)
  kProtectEnd = 9,  // that 支援措置 ended
};

// hensei, nyuseki, joseki, shibou, tenseki, kaisei, shusei, shien, shien-end.
// Error fuhyo.unknown_event.
Result<FuhyoEventKind> FuhyoEventKindFromCode(std::string_view code);
std::string_view FuhyoEventCode(FuhyoEventKind kind);
// 編製, 入籍, 除籍, 死亡, 転籍, 改製, 職権修正, 支援措置, 支援措置終了.
std::string_view FuhyoEventNameJa(FuhyoEventKind kind);

struct FuhyoEvent {
  FuhyoEventKind kind = FuhyoEventKind::kCreate;
  int64_t fuhyo_id = 0;  // every kind but 編製
  KosekiKey koseki;  // 編製: the 戸籍; 転籍: the new 本籍・筆頭者 (carried when it is here)
  int64_t member_id = 0;  // 除籍, 死亡, 職権修正, 支援措置
  // 入籍 (氏名, 生年月日, 性別 required) and 職権修正 (only what is given changes).
  std::string family_name, given_name, family_kana, given_kana, resident_record_code;
  // 在外選挙人名簿 (第17条第6号): the registering municipality; for 職権修正, kNoOverseasVoter clears it.
  std::string overseas_voter;
  std::optional<CalendarDate> birth_date;
  std::optional<Sex> sex;
  // 入籍 (optional) and 職権修正: the address and 住所を定めた年月日; abroad for 国外転出者.
  std::string address;
  bool abroad = false;
  std::optional<CalendarDate> since;
  std::optional<CalendarDate> until;  // 支援措置: its end
  CalendarDate on;                    // the day of the event (届出日・事件日)
  std::string reason;                 // required, except 編製 (defaults to 編製)
};

// One member's append: a new version (when `new_version`) and address lines, oldest first.
struct FuhyoWrite {
  FuhyoMember member;  // member_id 0: a new member
  bool new_version = true;
  std::vector<FuhyoAddress> lines;
};

// What an event appends, in this order: the existing 附票 closes (close_as), a new one is made
// (create) with `on_created`, then `on_current` goes to the existing 附票.
struct FuhyoEventPlan {
  std::optional<FuhyoState> close_as;
  std::optional<KosekiKey> create;
  std::vector<FuhyoWrite> on_created;
  std::vector<FuhyoWrite> on_current;
  std::optional<int64_t> protect_member;  // 支援措置: the member, with event.until
  std::optional<int64_t> protect_end_member;
  std::string source;  // "入籍: 婚姻" — recorded with every line written
};

// `current`: the 附票 the event names (nullopt for 編製, or when the id is unknown).
// `target_exists`: the 戸籍 of event.koseki already has a current 附票 (編製, 管内転籍).
// `ours`: this municipality as notices route it (架空県架空市).
// Errors (kRuleViolation unless noted):
//   fuhyo.reason_required       no reason (every kind but 編製)
//   fuhyo.date_future           the event day is after today
//   fuhyo.koseki_required       編製 without 本籍 or 筆頭者 (kInvalidInput)
//   fuhyo.not_ours              編製 of a 本籍 that is not in this municipality
//   fuhyo.exists                the 戸籍 already has a current 附票
//   fuhyo.unknown_koseki        no such 附票 (kNotFound)
//   fuhyo.not_current           the 附票 is a 除票 or 改製原附票: closed records take no events
//   fuhyo.member_incomplete     入籍 without 氏, 生年月日 or 性別 (kInvalidInput)
//   fuhyo.member_exists         入籍 of someone already recorded and not removed
//   fuhyo.member_not_found      no such member, or already removed (kNotFound)
//   fuhyo.date_order            removal, birth or address dates out of order
//   fuhyo.nobody_left           改製 of a 附票 with no living member (it is a 除票 instead)
//   fuhyo.nothing_to_correct    職権修正 that changes nothing
//   fuhyo.item_not_in_force     職権修正 giving 生年月日・性別 (2022-01-11), 住民票コード (2024-05-27)
//                               or 振り仮名 (2025-05-26) to a member removed before the item existed
//   fuhyo.period_required       支援措置 without an end after its start
//   furigana.katakana_only      a 振り仮名 that is not katakana
Result<FuhyoEventPlan> PlanFuhyoEvent(const std::optional<Fuhyo>& current, bool target_exists,
                                      const FuhyoEvent& event, std::string_view ours,
                                      CalendarDate today);

// 職権修正 of the 在外選挙人 items to "not registered".
inline constexpr std::string_view kNoOverseasVoter = "なし";

// The 附票 items' effective dates, as the no-back-filling rule reads them.
inline constexpr CalendarDate kFuriganaSince{2025, 5, 26};

}  // namespace jrr
