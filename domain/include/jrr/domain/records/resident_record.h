// SPDX-License-Identifier: Apache-2.0
//
// 住民票 — ResidentRecord: one complete version of one person's record (JK-1.1.1, 1.1.2, 1.2.1).
//
// The standard keeps history as full snapshots: every 異動 appends, for each person it touches, a
// new version holding every item, keyed by 宛名番号 + 履歴番号 (1, 2, 3, …). Items common to the
// household (世帯番号, 続柄) are held per person too. The latest version is the current record; a
// version whose status is kRemoved is the 除票, which stays readable (住基法施行令第34条: 150 years).
//
// Dates that must agree with the 戸籍 are RecordedDate (JK-1.1.8); the others are CalendarDate.
#pragma once

#include <optional>
#include <string>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/domain/records/relationship.h"

namespace jrr {

enum class ResidentKind { kJapanese = 1, kForeign = 2 };    // 住民種別
enum class ResidentStatus { kResident = 1, kRemoved = 2 };  // 住民状態 (住民 / 除票)
enum class Sex { kMale = 1, kFemale = 2 };                  // 男女の別

// 住所 — an address as recorded: from the municipality's address dictionary (address_code set)
// or typed (another municipality, or abroad). 方書 (katagaki) is kept apart so it can be printed
// or omitted per JK-5.4.
struct Address {
  std::string address_code;  // 住所コード, 11 digits (JK-1.3.3); empty when typed
  std::string text;          // 都道府県 + 市区町村 + 町字, as printed
  std::string banchi;        // 番地・枝番, 住居表示 (e.g. 1番地2, 3番4号)
  std::string katagaki;      // 方書 (building, room)
  std::string postal_code;   // 郵便番号, 7 digits (JK-1.1.17)
  bool abroad = false;       // 国外

  bool empty() const { return text.empty() && banchi.empty() && katagaki.empty(); }
  // text + banchi, then a full-width space and the 方書 when there is one.
  std::string Printed() const;
  friend bool operator==(const Address&, const Address&) = default;
};

// 本籍・筆頭者 (JK-1.1.12): recorded, or なし / 不明.
struct Domicile {
  enum class State { kRecorded = 1, kNone = 2, kUnknown = 3 };
  State state = State::kRecorded;
  std::string place;           // 本籍
  std::string head_of_family;  // 筆頭者
  friend bool operator==(const Domicile&, const Domicile&) = default;
};

// 国民健康保険 / 後期高齢者医療 / 介護保険: 該当の有無, 資格取得・喪失年月日.
struct InsuranceStatus {
  bool covered = false;
  std::optional<CalendarDate> acquired;
  std::optional<CalendarDate> lost;
  friend bool operator==(const InsuranceStatus&, const InsuranceStatus&) = default;
};

// 国民年金: 該当の有無, 基礎年金番号, 種別, 種別変更年月日, 資格取得・喪失年月日.
struct NationalPension {
  bool covered = false;
  std::string basic_pension_number;
  std::string type;  // 1号, 3号, 任意 …
  std::optional<CalendarDate> type_changed;
  std::optional<CalendarDate> acquired;
  std::optional<CalendarDate> lost;
  friend bool operator==(const NationalPension&, const NationalPension&) = default;
};

// 法第30条の45 の区分.
enum class ForeignCategory {
  kNone = 0,
  kMidToLongTerm = 1,     // 中長期在留者
  kSpecialPermanent = 2,  // 特別永住者
  kTemporaryRefuge = 3,   // 一時庇護許可者
  kProvisionalStay = 4,   // 仮滞在許可者
  kTransitional = 5,      // 出生又は国籍喪失による経過滞在者
};

// 中長期在留者, 特別永住者, … as printed; empty for kNone.
std::string_view ForeignCategoryNameJa(ForeignCategory category);

// 外国人住民 items (JK-1.1.2). 生年月日 and 在留期間の満了の日 are shown in 西暦 (JK-1.1.9).
struct ForeignResidentItems {
  std::string alphabet_name;  // 氏名（アルファベット）, exactly as on the card
  std::string nationality;    // 国籍・地域
  std::optional<RecordedDate> foreign_resident_since;       // 外国人住民となった年月日
  std::optional<RecordedDate> registered_under_former_law;  // 旧外登法による登録年月日
  ForeignCategory category = ForeignCategory::kNone;
  std::string status_of_residence;                   // 在留資格
  std::string period_of_stay;                        // 在留期間 (e.g. 3年)
  std::optional<CalendarDate> period_expiry;         // 在留期間の満了の日
  std::string residence_card_number;                 // 在留カードの番号
  std::string special_permanent_certificate_number;  // 特別永住者証明書の番号
  std::string landing_period;                        // 上陸期間 (一時庇護)
  std::string provisional_stay_period;               // 仮滞在期間
  friend bool operator==(const ForeignResidentItems&, const ForeignResidentItems&) = default;
};

// 除票 items (JK-1.1.5): why and when the record was removed, and where the person went.
struct RemovalItems {
  ChangeReason reason = ChangeReason::kRemovalExOfficio;  // 消除事由
  RecordedDate effective;       // 事由の生じた年月日 (転出予定年月日 for a 転出)
  Address planned_destination;  // 転出先住所（予定）
  Address confirmed_destination;  // 転出先住所（確定）, from the 転入通知
  std::optional<CalendarDate> move_in_notice_date;      // 転入通知年月日
  std::optional<CalendarDate> confirmed_move_out_date;  // 転出年月日（確定）
  friend bool operator==(const RemovalItems&, const RemovalItems&) = default;
};

// Put in resident_record_code by a 異動 that needs a new code: the repository replaces it, inside
// the 異動's transaction, with a code drawn at random from the pool (JK-4.3.1).
inline constexpr std::string_view kDrawResidentRecordCode = "draw:resident-record-code";

struct ResidentRecord {
  // Keys (JK-1.1.13, 1.2.1).
  std::string addressee_number;  // 宛名番号
  int history_number = 0;        // 履歴番号, 1, 2, 3 … per person
  std::string household_number;  // 世帯番号
  ResidentKind kind = ResidentKind::kJapanese;
  ResidentStatus status = ResidentStatus::kResident;

  // 氏名. For a foreign resident the name of record is foreign.alphabet_name; family/given hold
  // the optional 漢字併記.
  std::string family_name;          // 氏
  std::string given_name;           // 名
  std::string family_kana;          // 氏の振り仮名 (katakana; statutory from 2025-05-26)
  std::string given_kana;           // 名の振り仮名
  bool kana_confirmed = false;      // フリガナ確認フラグ (JK-1.1.18)
  std::string former_surname;       // 旧氏 (Japanese residents)
  std::string former_surname_kana;  // 旧氏の振り仮名
  std::string common_name;          // 通称 (foreign residents)
  std::string common_name_kana;

  RecordedDate birth_date;  // 生年月日 (kKosekiConsistent)
  Sex sex = Sex::kMale;
  RelationshipToHead relationship;  // 続柄; kHead for the 世帯主
  Domicile domicile;                // 本籍・筆頭者 (Japanese residents)

  std::optional<RecordedDate> resident_since;     // 住民となった年月日 (kKosekiConsistent)
  Address address;                                // 住所
  std::optional<RecordedDate> address_since;      // 住所を定めた年月日 (kKosekiConsistent)
  std::optional<CalendarDate> notification_date;  // 届出の年月日 (of the entry)
  Address previous_address;                       // 転入前住所 (国外を含む)
  // 最終登録住所地 (JK-4.1.1.4): for an unnotified move-in, the last address where the person was
  // registered. A data item of jrr, not an item of the 住民票: never printed on a certificate.
  std::string last_registered_address;

  std::string individual_number;     // 個人番号
  std::string resident_record_code;  // 住民票コード

  bool on_electoral_roll = false;     // 選挙人名簿への登録の有無
  InsuranceStatus national_health;    // 国民健康保険
  InsuranceStatus late_elderly;       // 後期高齢者医療
  InsuranceStatus long_term_care;     // 介護保険
  NationalPension pension;            // 国民年金
  std::string child_allowance_start;  // 児童手当の受給開始年月 (YYYY-MM)
  std::string child_allowance_end;    // 児童手当の受給終了年月
  bool adult_ward = false;            // 成年被後見人の該当有無

  ForeignResidentItems foreign;         // kind == kForeign
  std::optional<RemovalItems> removal;  // status == kRemoved

  bool is_head() const { return relationship.kind == RelationshipKind::kHead; }
  // 氏名 as printed: 氏　名 (full-width space), or the alphabet name.
  std::string DisplayName() const;
  friend bool operator==(const ResidentRecord&, const ResidentRecord&) = default;
};

// 本籍 as shown on screens and certificates: the place, or 本籍なし / 本籍不明 (JK-1.1.12).
std::string DomicilePlaceText(const Domicile& domicile);

// 生年月日 as shown on screens and certificates (JK-1.1.9): in 西暦 for a foreign resident, in 和暦
// for a Japanese one. Every other date of either is 和暦, except the 在留期間の満了の日 (西暦).
std::string BirthDateText(const ResidentRecord& record);

// A 転出 recorded in advance whose 転出予定日 has not come (a 転出予定者): until then the person
// still lives here, and certificates leave the 転出 out (JK-5.1).
bool MoveOutPending(const ResidentRecord& record, CalendarDate today);

// 転入通知未着 (JK-4.1.3.1.4): removed by 国内転出 or 職権消除 on or before `removed_by`, and no
// 転入通知 recorded. SortByRemoval orders such records oldest removal first, then by 宛名番号.
bool AwaitsMoveInNotice(const ResidentRecord& record, CalendarDate removed_by);
void SortByRemoval(std::vector<ResidentRecord>& records);

// JK-1.1.6 and the item rules that hold for every version of a live record.
// Errors (kRuleViolation unless noted):
//   record.name_required        氏名 is blank (the alphabet name for a foreign resident)
//   record.birth_date_required  (never: RecordedDate always holds a value; 年月日不詳 is a value)
//   record.address_required     住所 is blank for a resident
//   record.resident_since_required  住民となった年月日 is blank for a resident
//   record.domicile_required    本籍 is blank but not marked なし/不明 (Japanese)
//   record.foreign_items_required   国籍 or the 30条の45 category is missing (foreign)
//   record.foreign_resident_since_required  外国人住民となった年月日 is blank (foreign)
//   record.residence_card_required  a 中長期在留者 living here has no 在留カードの番号
//   record.special_permanent_certificate_required  a 特別永住者 has no 特別永住者証明書の番号
//   record.landing_period_required  an 一時庇護許可者 has no 上陸期間
//   record.provisional_stay_period_required  a 仮滞在許可者 has no 仮滞在期間
//   record.foreign_items_not_allowed  foreign items on a Japanese record
//   record.company_form_symbol  a name holds ㈱, （有） or the like (HasCompanyFormSymbol)
//   record.common_name_japanese 通称 on a Japanese record
//   furigana.katakana_only      a 振り仮名 that is not katakana (Japanese; statutory)
//   number.*                    a malformed 個人番号 or 住民票コード
//   record.removal_items        status and 除票 items disagree (kInternal)
Status ValidateRecord(const ResidentRecord& record);

}  // namespace jrr
