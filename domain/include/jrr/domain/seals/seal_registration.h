// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録 — SealRegistration: one entry of the 印鑑登録原票, its rules and its life, as the
// municipal 印鑑条例 and the national 印鑑登録証明事務処理要領 shape them. Every limit is a municipal setting (SealSettings) with the usual default.
//
//   申請 ──▶ 照会中 (照会書 sent; 回答書 within N days) ──▶ 登録 ──▶ 廃止 (申請, 亡失, 職権抹消, 失効)
//        └──▶ 登録 (same day: in person with photo ID or a 保証書)   └──▶ 取下げ/期限切れ (never registered)
//
// Pure: no I/O, no clock. Each change is a new version of the entry (the 原票 is append-only; closed
// entries stay as the 除印鑑簿). 登録番号 are never reused. The impression's pixels are measured in
// forms/ (seal_image.h); the rules here see its measurements and digest only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/register_settings.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

// What the seal shows (B.3 rule 1), attested by the clerk against the 住民票.
enum class SealNameForm {
  kFullName = 1,       // 氏名
  kSurname = 2,        // 氏
  kGivenName = 3,      // 名
  kFormerSurname = 4,  // 旧氏 (recorded on the 住民票)
  kCommonName = 5,     // 通称 (foreign residents, recorded)
  kKatakana = 6,       // カタカナ表記 (foreign residents, recorded)
  kAlphabet = 7,       // アルファベット氏名 or its parts (foreign residents)
};
std::string_view SealNameFormCode(
    SealNameForm form);  // full, surname, given, former, common, katakana, alphabet
std::optional<SealNameForm> SealNameFormFromCode(std::string_view code);
std::string_view SealNameFormNameJa(SealNameForm form);

// How identity and intent were confirmed (B.4).
enum class SealRoute {
  kPhotoId = 1,    // in person, government photo ID: registered the same day
  kGuarantor = 2,  // in person, 保証書 of someone registered here: the same day
  kInquiry = 3,    // 照会書 mailed, 回答書 brought back (always for an agent)
};

enum class SealState {
  kInquiry = 1,    // 照会中
  kActive = 2,     // 登録
  kEnded = 3,      // 廃止・抹消 (除印鑑簿)
  kWithdrawn = 4,  // 申請が取り下げられた / 回答期限切れ: never registered
};

// 照会中, 登録, 廃止, 取下げ・期限切れ — as screens and the CLI show the state.
std::string_view SealStateNameJa(SealState state);

// The measurements of an impression (forms/seals/seal_image.h).
struct ImpressionMeasure {
  double smallest_square_mm = 0;  // side of the smallest square holding all ink, at any rotation
  double width_mm = 0;            // of the stored image
  double height_mm = 0;
  std::string digest;  // SHA-256 of the decoded pixels: equal for an exact duplicate
};

struct SealRegistration {
  int64_t registration_id = 0;  // internal key of the entry
  int version = 0;
  std::string registration_number;  // 登録番号, assigned on registration, never reused
  std::string card_number;          // 印鑑登録証の番号
  std::string addressee_number;     // 宛名番号
  SealState state = SealState::kInquiry;
  SealNameForm name_form = SealNameForm::kFullName;
  std::string registered_name;  // the name as the seal shows it (氏名, 旧氏, 通称 …)
  SealRoute route = SealRoute::kPhotoId;
  bool by_agent = false;               // 代理人 application
  bool guardian_present = false;       // 成年被後見人 with the 法定代理人 present
  std::string id_document;             // 本人確認書類 (運転免許証, 旅券 …) or empty
  std::string guarantor_registration;  // 保証人の登録番号 (kGuarantor)
  bool material_attested = false;      // not rubber or easily deformed (the clerk looked)
  bool legibility_attested = false;
  ImpressionMeasure impression;
  CalendarDate applied_on;
  std::optional<CalendarDate> inquiry_sent_on;
  std::optional<CalendarDate> inquiry_deadline;
  std::optional<CalendarDate> registered_on;
  std::optional<CalendarDate> ended_on;
  std::string
      end_reason;  // 廃止申請, 亡失, 転出, 死亡, 職権消除, 氏名変更による失効, 成年後見開始 …
  std::string operator_id;

  bool Active() const { return state == SealState::kActive; }
};

// 登録資格 (B.2). Errors (kRuleViolation):
//   seal.not_resident        not a resident of this register (除票, or a 転出 already in effect)
//   seal.under_age           younger than minimum_age on the application day
//   seal.guardian_required   a 成年被後見人 without the 法定代理人 present
//   seal.already_registered  an active registration or one under 照会 exists
// The resolution an impression was scanned at, as typed: a decimal number ("600", "600.5") and
// nothing else. Error seal.dpi_invalid ("600abc", "0x258", "6e2"). The range is MeasureImpression's.
Result<double> ParseDpi(std::string_view text);

Status CheckEligibility(const ResidentRecord& person, CalendarDate today,
                        const SealSettings& settings, bool guardian_present,
                        bool has_open_registration);

// The name forms the 住民票 allows this person (B.3): 旧氏 only when recorded; 通称, カタカナ and the
// alphabet name only for foreign residents who have them. Error seal.name_form_unavailable.
Status CheckNameForm(const ResidentRecord& person, SealNameForm form);
// The text of the form, from the 住民票 (what the certificate prints).
std::string NameForForm(const ResidentRecord& person, SealNameForm form);

// The impression (B.3 rule 4 and the duplicate rule). Errors: seal.too_small, seal.too_large,
// seal.duplicate (an active registration has exactly these pixels), seal.not_attested (material
// or legibility not confirmed by the clerk).
Status CheckImpression(const SealRegistration& application, const SealSettings& settings,
                       bool duplicate_of_active);

// What 住民記録 異動 do to registrations (C; coupled in the 異動's transaction): for each active
// registration of someone the 異動 touched, the ending it causes, if any. Pure.
struct SealEffect {
  std::string addressee_number;
  std::string reason;  // 転出, 国外転出, 死亡, 職権消除, 氏名変更による失効 …
  CalendarDate on;
};
std::vector<SealEffect> SealEffectsOf(const ChangeOutcome& outcome,
                                      const std::vector<SealRegistration>& active_of_touched,
                                      const SealSettings& settings);

}  // namespace jrr
