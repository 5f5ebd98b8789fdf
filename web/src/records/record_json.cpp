// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/records/record_json.h"

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/records/banchi.h"
#include "jrr/web/core/json_writer.h"

namespace jrr::web {
namespace {

std::string AddressJson(const Address& a) {
  return JsonObject()
      .Add("code", a.address_code)
      .Add("text", a.text)
      .Add("banchi", a.banchi)
      .Add("banchi_code", ParseBanchi(a.banchi).SortKey())  // JK-1.3.2: sorts as the numbers do
      .Add("katagaki", a.katagaki)
      .Add("postal_code", a.postal_code)
      .Add("abroad", a.abroad)
      .Add("printed", a.Printed())
      .str();
}

std::string DateJson(const RecordedDate& d, DisplayCalendar calendar) {
  const auto internal = d.InternalDate();
  return JsonObject()
      .Add("text", FormatRecordedDate(d, calendar))
      .Add("iso", internal ? std::optional<std::string>(ToIsoString(*internal)) : std::nullopt)
      .Add("state", DateStateCode(d.state))
      .str();
}

std::string OptionalDateJson(const std::optional<RecordedDate>& d, DisplayCalendar calendar) {
  return d ? DateJson(*d, calendar) : "null";
}

std::optional<std::string> Iso(const std::optional<CalendarDate>& d) {
  return d ? std::optional<std::string>(ToIsoString(*d)) : std::nullopt;
}

std::string InsuranceJson(const InsuranceStatus& s) {
  return JsonObject()
      .Add("covered", s.covered)
      .Add("acquired", Iso(s.acquired))
      .Add("lost", Iso(s.lost))
      .str();
}

// 他業務 items (JK-1.1.1) in the shape a 転入 or a correction takes them.
void AddOtherBusinessItems(JsonObject& json, const ResidentRecord& r) {
  json.AddRaw("national_health", InsuranceJson(r.national_health))
      .AddRaw("late_elderly", InsuranceJson(r.late_elderly))
      .AddRaw("long_term_care", InsuranceJson(r.long_term_care))
      .AddRaw("pension", JsonObject()
                             .Add("covered", r.pension.covered)
                             .Add("basic_pension_number", r.pension.basic_pension_number)
                             .Add("type", r.pension.type)
                             .Add("type_changed", Iso(r.pension.type_changed))
                             .Add("acquired", Iso(r.pension.acquired))
                             .Add("lost", Iso(r.pension.lost))
                             .str())
      .Add("child_allowance_start", r.child_allowance_start)
      .Add("child_allowance_end", r.child_allowance_end);
}

}  // namespace

std::string EncodeRecord(const ResidentRecord& r) {
  const bool foreign = r.kind == ResidentKind::kForeign;
  // JK-1.1.9: a foreign resident's 生年月日 and 満了日 in 西暦; everything else in 和暦.
  const DisplayCalendar birth_calendar =
      foreign ? DisplayCalendar::kSeireki : DisplayCalendar::kWareki;
  JsonObject json;
  json.Add("addressee_number", r.addressee_number)
      .Add("history_number", r.history_number)
      .Add("household_number", r.household_number)
      .Add("kind", foreign ? "foreign" : "japanese")
      .Add("status", r.status == ResidentStatus::kResident ? "resident" : "removed")
      .Add("name", r.DisplayName())
      .Add("family_name", r.family_name)
      .Add("given_name", r.given_name)
      .Add("family_kana", r.family_kana)
      .Add("given_kana", r.given_kana)
      .Add("kana_confirmed", r.kana_confirmed)
      .Add("former_surname", r.former_surname)
      .Add("former_surname_kana", r.former_surname_kana)
      .Add("common_name", r.common_name)
      .Add("common_name_kana", r.common_name_kana)
      .AddRaw("birth_date", DateJson(r.birth_date, birth_calendar))
      .Add("sex", r.sex == Sex::kMale ? "male" : "female")
      .Add("relationship", r.relationship.Text())
      .AddRaw("domicile",
              JsonObject()
                  .Add("state", r.domicile.state == Domicile::State::kRecorded ? "recorded"
                                : r.domicile.state == Domicile::State::kNone   ? "none"
                                                                               : "unknown")
                  .Add("place", r.domicile.place)
                  .Add("head_of_family", r.domicile.head_of_family)
                  .str())
      .AddRaw("resident_since", OptionalDateJson(r.resident_since, DisplayCalendar::kWareki))
      .AddRaw("address", AddressJson(r.address))
      .AddRaw("address_since", OptionalDateJson(r.address_since, DisplayCalendar::kWareki))
      .Add("notification_date", Iso(r.notification_date))
      .AddRaw("previous_address", AddressJson(r.previous_address))
      .Add("individual_number", r.individual_number)
      .Add("resident_record_code", r.resident_record_code)
      .Add("on_electoral_roll", r.on_electoral_roll)
      .Add("adult_ward", r.adult_ward)
      .Add("last_registered_address", r.last_registered_address);
  AddOtherBusinessItems(json, r);
  if (foreign) {
    json.AddRaw(
        "foreign",
        JsonObject()
            .Add("alphabet_name", r.foreign.alphabet_name)
            .Add("nationality", r.foreign.nationality)
            .Add("category", static_cast<int>(r.foreign.category))
            .Add("status_of_residence", r.foreign.status_of_residence)
            .Add("period_of_stay", r.foreign.period_of_stay)
            .Add("period_expiry",
                 r.foreign.period_expiry
                     ? std::optional<std::string>(FormatSeireki(*r.foreign.period_expiry))
                     : std::nullopt)
            .Add("residence_card_number", r.foreign.residence_card_number)
            .Add("special_permanent_certificate_number",
                 r.foreign.special_permanent_certificate_number)
            .Add("landing_period", r.foreign.landing_period)
            .Add("provisional_stay_period", r.foreign.provisional_stay_period)
            .AddRaw("foreign_resident_since",
                    OptionalDateJson(r.foreign.foreign_resident_since, DisplayCalendar::kWareki))
            .str());
  }
  if (r.removal) {
    json.AddRaw("removal",
                JsonObject()
                    .Add("reason", InfoOf(r.removal->reason).key)
                    .Add("reason_ja", InfoOf(r.removal->reason).name_ja)
                    .AddRaw("effective", DateJson(r.removal->effective, DisplayCalendar::kWareki))
                    .AddRaw("planned_destination", AddressJson(r.removal->planned_destination))
                    .str());
  }
  return json.str();
}

std::string EncodeProtection(const ProtectionNotice& notice) {
  return JsonObject()
      .Add("restricted", notice.restricted)
      .Add("support_target", notice.support_target)
      .Add("provisional", notice.provisional)
      .Add("blocked", !notice.blocked.empty())
      .Add("marker", notice.marker)
      .AddRaw("alerts", JsonStringArray(notice.alerts))
      .str();
}

namespace {

constexpr std::pair<std::string_view, ForeignCategory> kCategories[] = {
    {"mid_to_long_term", ForeignCategory::kMidToLongTerm},
    {"special_permanent", ForeignCategory::kSpecialPermanent},
    {"temporary_refuge", ForeignCategory::kTemporaryRefuge},
    {"provisional_stay", ForeignCategory::kProvisionalStay},
    {"transitional", ForeignCategory::kTransitional}};

}  // namespace

std::string_view ForeignCategoryKey(ForeignCategory category) {
  for (const auto& [key, value] : kCategories) {
    if (value == category) return key;
  }
  return {};
}

std::optional<ForeignCategory> ForeignCategoryFromKey(std::string_view key) {
  for (const auto& [name, value] : kCategories) {
    if (name == key) return value;
  }
  return std::nullopt;
}

}  // namespace jrr::web
