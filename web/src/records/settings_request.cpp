// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/records/settings_request.h"

#include <stdexcept>

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

Status ApplySettingsAction(SettingsDesk& desk, const FieldLookup& value) {
  auto text = [&](std::string_view name) { return value(name).value_or(""); };
  auto bad = [](std::string_view name) {
    return MakeError(ErrorCode::kInvalidInput, "settings.bad_value", std::string(name));
  };
  const std::string action = text("action");
  if (action == "add-certifier") {
    Certifier c;
    const std::string role = text("role");
    if (role != "mayor" && role != "acting") return bad("role");
    c.role = role == "mayor" ? CertifierRole::kMayor : CertifierRole::kActing;
    c.title = text("title");
    c.name = text("name");
    auto from = ParseCalendarDate(text("from"));
    if (!from) return from.error();
    c.from = *from;
    if (!text("to").empty()) {
      auto to = ParseCalendarDate(text("to"));
      if (!to) return to.error();
      c.to = *to;
    }
    return desk.AddCertifier(c);
  }
  if (action == "add-place") return desk.AddPlace({text("code"), text("name")});
  if (action == "add-terminal") return desk.AddTerminal({text("id"), text("place"), text("name")});
  if (action == "add-printer") return desk.AddPrinter({text("id"), text("place"), text("name")});
  if (action == "set-overflow") {
    const std::string policy = text("policy");
    if (policy != "limit" && policy != "blank") return bad("policy");
    return desk.SetOverflowPolicy(policy == "blank" ? OverflowPolicy::kBlank
                                                    : OverflowPolicy::kToLimit);
  }
  if (action == "set-seal") {
    SealSettings seal = desk.Show().seal;
    try {
      if (!text("minimum-age").empty()) seal.minimum_age = std::stoi(text("minimum-age"));
      if (!text("too-small-mm").empty()) seal.too_small_mm = std::stod(text("too-small-mm"));
      if (!text("too-large-mm").empty()) seal.too_large_mm = std::stod(text("too-large-mm"));
      if (!text("inquiry-days").empty()) seal.inquiry_days = std::stoi(text("inquiry-days"));
    } catch (const std::logic_error&) {
      return bad("number");
    }
    if (!text("end-on").empty()) seal.end_on_planned_move_out = text("end-on") == "planned";
    if (!text("print-sex").empty()) seal.print_sex = text("print-sex") != "no";
    return desk.SetSealSettings(seal);
  }
  return MakeError(ErrorCode::kInvalidInput, "settings.unknown_action", action);
}

}  // namespace jrr::web
