// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/seals/seal_registration.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "jrr/domain/records/change_reason.h"

namespace jrr {
namespace {

struct FormName {
  SealNameForm form;
  std::string_view code;
  std::string_view name_ja;
};
constexpr std::array<FormName, 7> kForms{{
    {SealNameForm::kFullName, "full", "氏名"},
    {SealNameForm::kSurname, "surname", "氏"},
    {SealNameForm::kGivenName, "given", "名"},
    {SealNameForm::kFormerSurname, "former", "旧氏"},
    {SealNameForm::kCommonName, "common", "通称"},
    {SealNameForm::kKatakana, "katakana", "カタカナ表記"},
    {SealNameForm::kAlphabet, "alphabet", "アルファベット氏名"},
}};

// Age in whole years on `day` (a birthday on 2月29日 counts from 3月1日 in common years, as the
// 年齢計算ニ関スル法律 reads: the age rises at the end of the day before the birthday).
int AgeOn(CalendarDate birth, CalendarDate day) {
  int age = day.year - birth.year;
  if (day.month < birth.month || (day.month == birth.month && day.day < birth.day)) --age;
  return age;
}

bool IsPersonEnding(ChangeReason reason) {
  return reason != ChangeReason::kRemovalRemaking && reason != ChangeReason::kRemovalRecreation;
}

}  // namespace

std::string_view SealStateNameJa(SealState state) {
  switch (state) {
    case SealState::kInquiry:
      return "照会中";
    case SealState::kActive:
      return "登録";
    case SealState::kEnded:
      return "廃止";
    case SealState::kWithdrawn:
      return "取下げ・期限切れ";
  }
  return {};
}

std::string_view SealNameFormCode(SealNameForm form) {
  for (const FormName& f : kForms) {
    if (f.form == form) return f.code;
  }
  return {};
}
std::optional<SealNameForm> SealNameFormFromCode(std::string_view code) {
  for (const FormName& f : kForms) {
    if (f.code == code) return f.form;
  }
  return std::nullopt;
}
std::string_view SealNameFormNameJa(SealNameForm form) {
  for (const FormName& f : kForms) {
    if (f.form == form) return f.name_ja;
  }
  return {};
}

Status CheckEligibility(const ResidentRecord& person, CalendarDate today,
                        const SealSettings& settings, bool guardian_present,
                        bool has_open_registration) {
  // A 転出 recorded in advance still lets the person register until the day before the 転出予定日.
  bool resident = person.status == ResidentStatus::kResident;
  if (!resident && person.removal &&
      (person.removal->reason == ChangeReason::kDomesticMoveOut ||
       person.removal->reason == ChangeReason::kMoveOutAbroad)) {
    const auto planned = person.removal->effective.InternalDate();
    resident = planned && today < *planned;
  }
  if (!resident)
    return MakeError(ErrorCode::kRuleViolation, "seal.not_resident", person.addressee_number);
  const auto birth = person.birth_date.InternalDate();
  if (!birth || AgeOn(*birth, today) < settings.minimum_age) {
    return MakeError(ErrorCode::kRuleViolation, "seal.under_age",
                     std::to_string(settings.minimum_age));
  }
  if (person.adult_ward && !guardian_present) {
    return MakeError(ErrorCode::kRuleViolation, "seal.guardian_required");
  }
  if (has_open_registration) return MakeError(ErrorCode::kRuleViolation, "seal.already_registered");
  return {};
}

std::string NameForForm(const ResidentRecord& p, SealNameForm form) {
  switch (form) {
    case SealNameForm::kFullName:
      return p.DisplayName();
    case SealNameForm::kSurname:
      return p.family_name;
    case SealNameForm::kGivenName:
      return p.given_name;
    case SealNameForm::kFormerSurname:
      return p.former_surname;
    case SealNameForm::kCommonName:
      return p.common_name;
    case SealNameForm::kKatakana:
      return p.kind == ResidentKind::kForeign ? p.family_kana + p.given_kana : std::string();
    case SealNameForm::kAlphabet:
      return p.foreign.alphabet_name;
  }
  return {};
}

Status CheckNameForm(const ResidentRecord& p, SealNameForm form) {
  const bool foreign = p.kind == ResidentKind::kForeign;
  bool allowed = !NameForForm(p, form).empty();
  if (form == SealNameForm::kCommonName || form == SealNameForm::kKatakana ||
      form == SealNameForm::kAlphabet) {
    allowed = allowed && foreign;
  }
  if (form == SealNameForm::kFormerSurname) allowed = allowed && !foreign;
  if (!allowed) {
    return MakeError(ErrorCode::kRuleViolation, "seal.name_form_unavailable",
                     std::string(SealNameFormNameJa(form)));
  }
  return {};
}

Status CheckImpression(const SealRegistration& a, const SealSettings& settings,
                       bool duplicate_of_active) {
  if (!a.material_attested || !a.legibility_attested) {
    return MakeError(ErrorCode::kRuleViolation, "seal.not_attested");
  }
  char size[32];
  std::snprintf(size, sizeof size, "%.1f mm", a.impression.smallest_square_mm);
  if (a.impression.smallest_square_mm <= settings.too_small_mm) {
    return MakeError(ErrorCode::kRuleViolation, "seal.too_small", size);
  }
  if (a.impression.smallest_square_mm > settings.too_large_mm) {
    return MakeError(ErrorCode::kRuleViolation, "seal.too_large", size);
  }
  if (duplicate_of_active) return MakeError(ErrorCode::kRuleViolation, "seal.duplicate");
  return {};
}

std::vector<SealEffect> SealEffectsOf(const ChangeOutcome& outcome,
                                      const std::vector<SealRegistration>& active_of_touched,
                                      const SealSettings& settings) {
  std::vector<SealEffect> effects;
  for (const ResidentRecord& v : outcome.versions) {
    for (const SealRegistration& reg : active_of_touched) {
      if (reg.addressee_number != v.addressee_number || !reg.Active()) continue;
      SealEffect effect{v.addressee_number, {}, outcome.change.processing_date};
      if (v.status == ResidentStatus::kRemoved && v.removal && IsPersonEnding(v.removal->reason)) {
        const ChangeReason why = v.removal->reason;
        effect.reason = std::string(InfoOf(why).name_ja);
        const auto planned = v.removal->effective.InternalDate();
        if ((why == ChangeReason::kDomesticMoveOut || why == ChangeReason::kMoveOutAbroad) &&
            planned) {
          // Both days are kept: the one that ends it per the setting, the other in the reason.
          if (settings.end_on_planned_move_out) {
            effect.on = *planned;
            effect.reason += "（届出日 " + ToIsoString(outcome.change.processing_date) + "）";
          } else {
            effect.reason += "（転出予定日 " + ToIsoString(*planned) + "）";
          }
        }
      } else if (v.status == ResidentStatus::kResident &&
                 NameForForm(v, reg.name_form) != reg.registered_name) {
        effect.reason = "氏名等の変更による失効";
      } else if (v.adult_ward && !reg.guardian_present) {
        effect.reason = "成年後見開始";
      } else {
        continue;  // 転居 and the like: the registration reads the current 住民票
      }
      effects.push_back(effect);
    }
  }
  return effects;
}

Result<double> ParseDpi(std::string_view text) {
  auto invalid = [&] {
    return MakeError(ErrorCode::kInvalidInput, "seal.dpi_invalid", std::string(text.substr(0, 16)));
  };
  const auto dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  const auto digits = [](std::string_view part) {
    return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (whole.empty() || whole.size() > 5 || fraction.size() > 3 || !digits(whole) ||
      !digits(fraction) || (dot != std::string_view::npos && fraction.empty())) {
    return invalid();
  }
  double value = 0;
  for (char c : whole) value = value * 10 + (c - '0');
  double scale = 0.1;
  for (char c : fraction) {
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value;
}

}  // namespace jrr
