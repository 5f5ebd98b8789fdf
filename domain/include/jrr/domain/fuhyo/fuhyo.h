// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票 — Fuhyo: one per 戸籍 whose 本籍 is in this municipality, recording where each member
// of that 戸籍 lives (住基法第16条–第21条). The 本籍地 keeps it; the 住所地 — often another
// municipality — tells it about moves through 附票記載事項通知 (第19条第1項), so notices cross
// municipal systems (FuhyoNotice).
//
// Every update is 職権 (第18条) and event-driven: this municipality's own 異動 of a person whose
// 本籍 is here (in the 異動's transaction), an inbound notice, a 戸籍 event entered by staff, or a
// 職権修正 with a reason. Nothing is updated in place: members and addresses are appended versions.
// Items added by later amendments (生年月日・性別 from 2022-01-11, 住民票コード from 2024-05-27)
// stay blank for members who left the 戸籍 before them; nothing is back-filled.
//
// Pure: no I/O, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

// 戸籍の表示: 本籍 and 筆頭者.
struct KosekiKey {
  std::string domicile;        // 本籍
  std::string head_of_family;  // 筆頭者
  friend bool operator==(const KosekiKey&, const KosekiKey&) = default;
};

enum class FuhyoState { kCurrent = 1, kClosed = 2, kRemade = 3 };  // 現存 / 除票 / 改製原附票

// 現存, 除票, 改製原附票 — as the screens and the CLI show the state.
std::string_view FuhyoStateNameJa(FuhyoState state);

// One address line of a member (第17条第3号・第4号), as recorded; never edited.
struct FuhyoAddress {
  std::string address;  // 住所, or empty when abroad
  bool abroad = false;  // 国外転出者である旨
  CalendarDate since;  // 住所を定めた年月日 (for 国外転出: the planned departure date)
  std::string source;  // what wrote it: "異動 123", "通知 990002-7", "職権修正: 理由"
  CalendarDate recorded_on;
};

// One member (a person of the 戸籍) as of one version.
struct FuhyoMember {
  int64_t member_id = 0;
  int version = 0;
  std::string family_name, given_name;     // 氏名
  std::string family_kana, given_kana;     // 氏名の振り仮名 (since 2025-05-26) [I]
  std::optional<CalendarDate> birth_date;  // 出生の年月日 (since 2022-01-11)
  std::optional<Sex> sex;                  // 男女の別 (since 2022-01-11)
  std::string resident_record_code;        // 住民票コード (since 2024-05-27)
  std::string
      overseas_voter_municipality;  // 在外選挙人名簿: the registering municipality, or empty
  bool removed = false;             // 消除 (除籍, 死亡, 転籍 …)
  std::string removal_reason;
  std::optional<CalendarDate> removed_on;
  std::vector<FuhyoAddress> addresses;  // oldest first
  // 支援措置 passed on by the 住所地 (not an item of the 附票; a restriction on its copies).
  std::optional<CalendarDate> protected_from, protected_until;
  std::string DisplayName() const;
  // The 支援措置 runs on `day`: copies showing this member are refused.
  bool ProtectedOn(CalendarDate day) const;
};

struct Fuhyo {
  int64_t fuhyo_id = 0;
  KosekiKey koseki;
  FuhyoState state = FuhyoState::kCurrent;
  std::optional<CalendarDate> closed_on;
  std::vector<FuhyoMember> members;
};

// 附票記載事項通知 (第19条第1項): what the 住所地 tells the 本籍地 about one person.
struct FuhyoNotice {
  std::string notice_id;          // unique per sender: "<sender code>-<serial>"
  std::string from_municipality;  // 住所地 code
  std::string to_municipality;    // 本籍地 code
  KosekiKey koseki;
  std::string family_name, given_name;
  std::string family_kana, given_kana;  // optional keys: a sender before 2025-05-26 has none
  // The 氏名 the person had before this notice, when the notice itself changes it (氏・名の変更):
  // how the 本籍地 finds the member under the name it holds. Optional keys, empty otherwise.
  std::string former_family_name, former_given_name;
  CalendarDate birth_date;
  Sex sex = Sex::kMale;
  std::string resident_record_code;
  std::string address;
  bool abroad = false;
  CalendarDate since;  // 住所を定めた年月日 (国外転出: planned departure)
  CalendarDate sent_on;
};

// The dates the items came into force (住基法 as amended).
inline constexpr CalendarDate kBirthAndSexSince{2022, 1, 11};
inline constexpr CalendarDate kResidentCodeSince{2024, 5, 27};

// True when the 本籍 lies in the municipality named `prefecture_and_name` (架空県架空市): the
// 本籍 text starts with it.
bool DomicileIsIn(const Domicile& domicile, std::string_view prefecture_and_name);

// The notice the 住所地 sends about a version of a person whose 本籍 is elsewhere, or nullopt
// when none is due: 本籍 なし/不明 (foreign residents among them), or no change of an item the
// 附票 records between `before` (absent for a newcomer) and `after`.
std::optional<FuhyoNotice> NoticeFor(const std::optional<ResidentRecord>& before,
                                     const ResidentRecord& after, CalendarDate event_day);

// A member is one person (第17条: each person of the 戸籍). The living member a notice names:
//   - when both hold a 住民票コード, the member whose code is the notice's, and only that one;
//   - otherwise a member whose 氏名 (氏 and 名 both) is the notice's, or the former 氏名 the notice
//     gives, and whose 生年月日 and 性別 agree where the member records them (before 2022-01-11
//     they were not items of the 附票).
// Never a member who shares only half a name: brothers share their 氏, twins their birth date.
// nullopt when no member is that person. Error fuhyo.member_ambiguous (kRuleViolation) when two
// members could be, which the 附票 must never hold.
Result<std::optional<FuhyoMember>> FindNoticedMember(const Fuhyo& fuhyo, const FuhyoNotice& notice);

// Whether only the 異動 that wrote `member` tells it apart from the person a notice of our own
// 異動 is about: a member of the notice's 氏名 (or former 氏名) recording no 生年月日, where not both
// hold a 住民票コード. coupling/change_effects.h then asks who that 異動 wrote it for.
bool MemberNeedsWriter(const FuhyoMember& member, const FuhyoNotice& notice);

// Checks an inbound notice against the 附票 (第19条第2項). Errors (kRuleViolation):
//   fuhyo.unknown_koseki   no current 附票 of that 戸籍 here
//   fuhyo.person_mismatch  nobody in it is that person (FindNoticedMember)
//   fuhyo.member_ambiguous two members could be
//   fuhyo.date_order       the new 住所を定めた年月日 precedes the member's latest one
// Returns the member the notice is about.
Result<FuhyoMember> MatchNotice(const Fuhyo& fuhyo, const FuhyoNotice& notice);

// Whether two versions of one 附票 member name the same person — the question `jrr fuhyo verify`
// asks of consecutive versions. Different 住民票コード, or a different 生年月日 or 性別 where both
// record one, are different people. Otherwise a version written by a 戸籍 event or a 職権 step on
// the member itself (`by_member_id`) keeps the person whatever its name; one written by matching
// a notice keeps it only under the same 氏名 or with the earlier 氏名 as its former name.
bool SamePerson(const FuhyoMember& earlier, const FuhyoMember& later, bool by_member_id,
                const std::string& later_former_family = {},
                const std::string& later_former_given = {});

// 戸籍の附票の写し: who may ask (住基法第20条 and its 省令). Anyone else is refused.
enum class FuhyoRequester {
  kSelf = 1,        // a person recorded in the 附票 (also one since removed)
  kSpouse = 2,      // 配偶者
  kLineal = 3,      // 直系尊属・卑属
  kAgent = 4,       // 代理人 (任意・法定) of one of those
  kOfficial = 5,    // 国・地方公共団体の機関
  kThirdParty = 6,  // 第三者 with a stated reason
};
// self, spouse, lineal, agent, official, third-party. Error fuhyo.requester_not_allowed otherwise.
Result<FuhyoRequester> FuhyoRequesterFromCode(std::string_view code);
// Errors: fuhyo.purpose_required (第三者 without a reason); fuhyo.item_not_allowed (住民票コード
// for anyone but the person's own side: 本人等 and their agent).
Status CheckFuhyoCopyRequest(FuhyoRequester requester, const std::string& purpose,
                             bool resident_record_code);

// What became of an inbound notice (or reply).
struct FuhyoReceipt {
  bool duplicate = false;  // already received: nothing done
  // applied; the rule id that refused it; or "reply" for a 第19条第2項 reply received
  std::string outcome;
  std::string reply;  // 第19条第2項: what the 住所地 is told (or, for a reply, was told)
};

// One notice in the outbox (to another 本籍地) or the inbox (from a 住所地), as listed.
struct FuhyoNoticeEntry {
  std::string notice_id;
  std::string counterpart;  // the other municipality
  std::string recorded_at;  // UTC timestamp
  // outbox: 未送付, 送付済み, 送付不能 (dead letter); inbox: applied or the refusing rule id.
  std::string state;
  int failures = 0;    // outbox: failed delivery attempts
  std::string detail;  // outbox: the last failure; inbox: the 第19条第2項 reply
};

// The notice as exchanged between municipal systems (a file of the file-drop adapter, an API
// body): "FUHYO-NOTICE/1" then one "key=value" a line. Decode errors: fuhyo.notice_malformed.
std::string EncodeFuhyoNotice(const FuhyoNotice& notice);
Result<FuhyoNotice> DecodeFuhyoNotice(std::string_view text);

// 第19条第2項: the 本籍地 tells the 住所地 that a notice does not agree with the 戸籍 (or the
// 附票), so the 住所地 can check its 住民票. It travels the same way back: "FUHYO-REPLY/1", then
// reply_id, in_reply_to (the notice id), from, to, rule_id, message, sent_on.
struct FuhyoReply {
  std::string reply_id;
  std::string in_reply_to;
  std::string from_municipality;  // 本籍地
  std::string to_municipality;    // 住所地
  std::string rule_id;            // why the notice was refused
  std::string message;            // in Japanese, for the clerk of the 住所地
  CalendarDate sent_on;
};
std::string EncodeFuhyoReply(const FuhyoReply& reply);
// Errors: fuhyo.notice_malformed.
Result<FuhyoReply> DecodeFuhyoReply(std::string_view text);
// The text is a reply rather than a notice (by its first line).
bool IsFuhyoReply(std::string_view text);

}  // namespace jrr
