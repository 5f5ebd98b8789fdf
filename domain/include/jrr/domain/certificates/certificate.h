// SPDX-License-Identifier: Apache-2.0
//
// 証明書 — what a certificate prints, decided before anything is laid out (JK-5.1–5.7, 9.5;
// 住基法第12条, 第12条の2, 第12条の3, 第12条の4, 第15条の4, 第24条).
//
//   CertificateRequest  what the counter asked for: the kind, who is asking (本人等, 第三者, 公用,
//                       広域), the people, the form and the items specially requested.
//   ItemCeiling()       the legal ceiling of each requester type; a request above it is refused,
//                       never silently trimmed, so the clerk can tell the applicant why.
//   CertificatePlan     the outcome: the people in print order (JK-5.2) with the version to print,
//                       the items to print (the rest print as asterisks), the 認証文, the
//                       certifier, the issue-number parts. forms/ lays it out; it decides nothing.
//
// Pure: no clock, no I/O. The desk (certificate_desk.h) reads the register and calls these.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/certificate_kind.h"
#include "jrr/domain/records/register_settings.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

// The items each requester type may obtain at all (法第12条の2–12条の4): a 第三者 and a 公用 request
// never get 住民票コード or 個人番号; a 広域 request never gets 本籍・筆頭者.
std::set<OptionalItem> ItemCeiling(Requester requester);

struct CertificateRequest {
  CertificateKind kind = CertificateKind::kCopy;
  Requester requester = Requester::kSelf;
  std::string person;                // 宛名番号 the request names
  bool whole_household = false;      // 世帯全員
  std::vector<std::string> members;  // 世帯の一部: 宛名番号 (the person alone when empty)
  bool individual_sheet = false;     // 個人票 rather than 世帯連記式
  bool with_history = false;         // 履歴あり (個人票 only)
  std::set<OptionalItem> items;      // 特別の請求
  bool omit_katagaki = false;        // 方書の省略 (記載事項証明書 only, JK-5.4)
  bool furigana = true;  // フリガナ in brackets after 氏名, 旧氏, 通称 (JK-5.3)
  int copies = 1;        // 部数: each copy gets its own 発行番号 (JK-5.5)
  // JK-5.6: per certificate, whose title and name certify it (by default whoever's period covers
  // the day, JK-1.3.9) and whether the 電子公印 is printed (without it: 「公印省略」).
  std::optional<CertifierRole> certifier;
  bool seal = true;
  std::string purpose;  // 請求事由 (第三者: required; kept in the 交付履歴)
  std::vector<std::string>
      acknowledged;  // アラート acknowledged (certificate.overflow, protection.alert)
  // 閲覧用一部の写し (JK-9.5): the area (a 住所コード prefix, or the start of the address text) and
  // the order: 住所順 by default, or random with a seed (the same seed gives the same list).
  std::string area;
  std::optional<uint64_t> shuffle_seed;
};

// One person on the certificate: the version printed and, for 履歴あり, its history.
struct PrintedPerson {
  ResidentRecord record;
  std::vector<ResidentRepository::HistoryEntry> history;
  // 転出予定日前: the person's 転出 is not yet in effect and is left out (JK-5.1).
  bool move_out_pending = false;
};

struct CertificatePlan {
  CertificateKind kind = CertificateKind::kCopy;
  Requester requester = Requester::kSelf;
  bool household_form = true;  // 世帯連記式
  bool whole_household = false;
  bool with_history = false;
  std::set<OptionalItem> items;  // printed; the others print as asterisks
  bool katagaki = true;
  bool furigana = true;
  bool official_mark = false;         // 「公用」 (JK-5.7)
  std::vector<PrintedPerson> people;  // print order (JK-5.2)
  std::string household_address;      // 住所 in the header (方書 per `katagaki`)
  std::string head_name;              // 世帯主 in the header
  std::string head_addressee_number;  // whose name that is
  std::string list_condition;         // 閲覧用: the area and order the list was drawn with
  CalendarDate issue_date;
  std::string title;               // 住民票の写し, 住民票記載事項証明書, …
  std::string certification_text;  // 認証文, last page only (JK-5.1)
  std::string certifier_title;     // with the prefecture (JK-5.6)
  std::string certifier_name;
  bool acting = false;     // 職務代理者
  std::string acting_for;  // 架空県架空市長職務代理者, when acting
  bool seal = true;        // 電子公印
  std::string seal_note = "この印は黒色です";
  std::string seal_text;  // the characters on the sample seal, e.g. 架空市長之印
  IssueNumber number;     // serial set per copy by the desk
  OverflowPolicy overflow = OverflowPolicy::kToLimit;
  std::string move_out_data;  // 転出証明書: the QR payload (MoveOutData)
  // 転出証明書 of a 特例転出, printed on request only (JK-4.1.3.0.4): marked 「特例による転出処理済」.
  bool special_move_out = false;
};

inline constexpr std::string_view kOmittedMark = "＊＊＊＊＊＊";

// 世帯員の並び順 (JK-5.2): 第1順位 世帯主, 配偶者, 子; 第2順位 the families of children who have a
// spouse or children in the household (by the child's birth); 第3順位 父母, 兄弟姉妹, 祖父母; 第4順位
// other kin, 縁故者, 同居人. Within a group by 生年月日, then 宛名番号. A child's family is told apart
// by a shared 本籍・筆頭者 (the 戸籍 the child's marriage made); a 子の子 whose family cannot be
// told is placed after the families, by birth. Stable for equal keys.
std::vector<ResidentRecord> OrderHouseholdMembers(std::vector<ResidentRecord> members);

// 並び順の設定 (JK-5.2): an order a clerk set for a household's members, kept until set again.
class HouseholdOrderRepository {
 public:
  virtual ~HouseholdOrderRepository() = default;
  // The latest order set for the household (宛名番号), or nullopt when none was set.
  virtual std::optional<std::vector<std::string>> Get(std::string_view household_number) = 0;
  // Appends a new order; the earlier ones stay as history.
  virtual void Set(std::string_view household_number, const std::vector<std::string>& order,
                   const std::string& operator_id) = 0;
};

// The members in the stored order; members the order does not name (they joined the household
// after it was set) follow at the end, among themselves by JK-5.2 ("末尾に順次記載"). Without a
// stored order, OrderHouseholdMembers().
std::vector<ResidentRecord> OrderWithStored(std::vector<ResidentRecord> members,
                                            const std::optional<std::vector<std::string>>& stored);

// Checks an order to be stored: every current member exactly once, nobody else.
// Error certificate.order_mismatch (kRuleViolation) with the 宛名番号 missing or foreign.
Status CheckHouseholdOrder(const std::vector<ResidentRecord>& members,
                           const std::vector<std::string>& order);

// The text of the 転出証明書's QR code: a versioned, line-based record of the 転出証明書 items
// (施行令第23条) for each mover, readable by a 転入地 system without our database. Format in
// docs/certificates.md. Pure.
std::string MoveOutData(const std::vector<ResidentRecord>& movers,
                        std::string_view municipality_code, std::string_view municipality_name,
                        CalendarDate issue_date);

// Checks a request against the kind and the requester's ceiling and returns the items to print.
// Errors (kRuleViolation):
//   certificate.item_not_allowed     an item above the requester's ceiling (第三者 個人番号 …)
//   certificate.kind_not_allowed     広域 for anything but 住民票の写し; 閲覧 for one person
//   certificate.purpose_required     a 第三者 request without 請求事由
//   certificate.katagaki_not_omissible  方書 omitted on anything but a 記載事項証明書
//   certificate.history_household    履歴あり asked on the 世帯連記式
//   certificate.copies_range         部数 outside 1–20
Result<std::set<OptionalItem>> CheckRequest(const CertificateRequest& request);

// The 認証文 for the kind and selection; empty for the 閲覧用 list, which certifies nothing.
std::string CertificationText(CertificateKind kind, bool whole_household);
std::string CertificateTitle(CertificateKind kind, bool whole_household, bool household_form);

// The certificates one copy of `plan` is (JK-5.5): one for a 世帯連記式 copy or a 閲覧 list; for
// 個人票, one a person — each certified on its own sheets, so each is one 通 with its own 発行番号.
int CertificatesPerCopy(const CertificatePlan& plan);

}  // namespace jrr
