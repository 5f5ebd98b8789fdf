// SPDX-License-Identifier: Apache-2.0
//
// 附票の窓口 — FuhyoDesk: every use of the 附票 by staff, for the CLI, the screens and the API alike.
//   Search, Get, Notices   照会 permission; every look logged (never the text typed)
//   Record, Receive        異動入力 permission: 戸籍 events, 職権修正, 支援措置; an inbound notice
//   ClearCopy              証明発行 permission: who may ask (第20条), which items, 支援措置
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/fuhyo/fuhyo_store.h"

namespace jrr {

// 戸籍の附票の写し as asked for at the counter.
struct FuhyoCopyRequest {
  int64_t fuhyo_id = 0;
  std::vector<int64_t> members;       // empty: all
  std::string requester = "self";     // FuhyoRequesterFromCode
  std::string purpose;                // 請求事由 (required of a 第三者)
  bool print_koseki = false;          // 本籍・筆頭者 (特別の請求)
  bool print_code = false;            // 住民票コード
  bool print_overseas_voter = false;  // 在外選挙人に関する事項
  std::vector<std::string> acknowledged;
};

// What the copy may print, once cleared.
struct FuhyoCopyContent {
  Fuhyo fuhyo;                         // with only the chosen members
  std::vector<std::string> residents;  // 宛名番号 of the members known here (for the log)
  std::vector<std::string> unmatched;  // MemberTarget of the members known only by the 附票
};

// How the アクセスログ names a 附票 member with no 宛名番号 in this register: "fuhyo-member:<id>".
std::string MemberTarget(int64_t member_id);

// The 宛名番号 of the residents (current or 除票) a 附票 member is: by 住民票コード, or by 氏名,
// 生年月日 and 性別 when the member has no code and records all three. Who may act on a 附票 is
// asked of these people (FuhyoDesk, and ChangeDesk for the 附票 a 異動 writes).
std::vector<std::string> PeopleOfMember(ResidentRepository& residents, const FuhyoMember& member);

// A copy as issued: the PDF (rendered by forms/) and the 発行番号 of its first sheet.
struct IssuedFuhyoCopy {
  std::string pdf;
  std::string issue_number;  // "… 1/N"
  int sheets = 0;
};

class FuhyoDesk {
 public:
  FuhyoDesk(FuhyoStore& store, ResidentRepository& residents, AuditLog& log, Viewer viewer)
      : store_(store), residents_(residents), log_(log), viewer_(std::move(viewer)) {}
  // Kana (katakana or hiragana) is searched by its kana key against the members' 振り仮名 too.
  // Search and Get log every member they show (MemberTarget where there is no 宛名番号), and show a
  // member who lives here under a 照会抑止 as 抑止対象 with nothing else.
  // Errors: access.permission_denied; search.no_key for fewer than two characters.
  Result<std::vector<Fuhyo>> Search(const std::string& text);
  // Errors: access.permission_denied, fuhyo.unknown_koseki.
  Result<Fuhyo> Get(int64_t fuhyo_id);
  // Errors: access.permission_denied, those of PlanFuhyoEvent. Returns the 附票 as it now stands
  // (the new one after 編製, 改製 and 管内転籍).
  Result<Fuhyo> Record(const FuhyoEvent& event);
  Result<FuhyoReceipt> Receive(const std::string& notice_text);
  // The outbox (to other 本籍地) or the inbox (from 住所地), newest first.
  Result<std::vector<FuhyoNoticeEntry>> Notices(bool outbox, int limit = 200);
  // Errors: access.permission_denied (also for 本籍 or 住民票コード without the permission to see
  // them), fuhyo.unknown_koseki, fuhyo.member_not_found, fuhyo.requester_not_allowed,
  // fuhyo.purpose_required, fuhyo.item_not_allowed, fuhyo.member_protected (a 支援措置 passed on
  // by the 住所地), and for members who live here those of ResidentAccess::ClearForIssue.
  Result<FuhyoCopyContent> ClearCopy(const FuhyoCopyRequest& request);

 private:
  Error Deny(Error error, const std::string& function);
  // The residents member `m` of `fuhyo` is: PeopleOfMember, and for a member recording no
  // 生年月日 also those the store knows by its 氏名 under the 附票's 本籍・筆頭者.
  std::vector<std::string> PeopleOf(const Fuhyo& fuhyo, const FuhyoMember& m);
  // The 附票 as this viewer may see it; adds to `targets` whom it shows.
  Fuhyo Shown(Fuhyo fuhyo, std::vector<std::string>& targets);
  FuhyoStore& store_;
  ResidentRepository& residents_;
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
