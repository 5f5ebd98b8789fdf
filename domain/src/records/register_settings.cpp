// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/register_settings.h"

#include "jrr/domain/core/text.h"

namespace jrr {

// IMP: JK-1.3.9
Status ValidateCertifier(const Certifier& c) {
  for (const std::string* text : {&c.title, &c.name}) {
    if (auto ok = CheckText(*text, {.max_bytes = 200}); !ok) {
      return MakeError(ErrorCode::kInvalidInput, "settings.text_required", ok.error().detail);
    }
  }
  if (!IsValid(c.from) || (c.to && (!IsValid(*c.to) || *c.to < c.from))) {
    return MakeError(ErrorCode::kInvalidInput, "settings.period_reversed",
                     "period end before start");
  }
  return {};
}

// IMP: JK-1.3.9
std::optional<Certifier> CertifierOn(const std::vector<Certifier>& all, CalendarDate date) {
  std::optional<Certifier> mayor;
  std::optional<Certifier> acting;
  for (const Certifier& c : all) {
    const bool covers = !(date < c.from) && (!c.to || !(*c.to < date));
    if (!covers) continue;
    std::optional<Certifier>& slot = c.role == CertifierRole::kActing ? acting : mayor;
    if (!slot || !(c.from < slot->from)) slot = c;
  }
  return acting ? acting : mayor;
}

std::optional<std::string> PlaceOfTerminal(RegisterSettingsRepository& settings,
                                           std::string_view terminal_id) {
  for (const Terminal& t : settings.Terminals()) {
    if (t.id != terminal_id) continue;
    for (const InputPlace& place : settings.Places()) {
      if (place.code == t.place_code) return place.name;
    }
  }
  return std::nullopt;
}

}  // namespace jrr
