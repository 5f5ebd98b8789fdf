// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/protection/protection_request.h"

#include <set>
#include <sstream>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"

namespace jrr::web {
namespace {

std::string Text(const FieldLookup& value, std::string_view name) {
  return value(name).value_or("");
}

// A date field: nullopt when empty.
Result<std::optional<CalendarDate>> Day(const FieldLookup& value, std::string_view name) {
  const std::string text = Text(value, name);
  if (text.empty()) return std::optional<CalendarDate>();
  auto day = ParseCalendarDate(text);
  if (!day) return day.error();
  return std::optional<CalendarDate>(*day);
}

}  // namespace

Result<Block> DecodeBlock(const FieldLookup& value, CalendarDate today) {
  Block block;
  block.addressee_number = Text(value, "person");
  block.household_number = Text(value, "household");
  auto op = GuardedOperationFromName(Text(value, "operation"));
  if (!op)
    return MakeError(ErrorCode::kInvalidInput, "protection.invalid_operation",
                     Text(value, "operation"));
  block.operation = *op;
  const std::string level = value("level").value_or("error");
  if (level != "error" && level != "alert")
    return MakeError(ErrorCode::kInvalidInput, "protection.invalid_level", level);
  block.level = level == "error" ? BlockLevel::kError : BlockLevel::kAlert;
  auto from = Day(value, "from");
  if (!from) return from.error();
  auto to = Day(value, "to");
  if (!to) return to.error();
  block.start = from->value_or(today);
  block.end = *to;
  block.reason = Text(value, "reason");
  return block;
}

Result<SupportMeasure> DecodeSupportMeasure(const FieldLookup& value, CalendarDate today) {
  SupportMeasure m;
  m.applicant = Text(value, "applicant");
  auto kind = SupportKindFromName(value("kind").value_or("dv"));
  if (!kind)
    return MakeError(ErrorCode::kInvalidInput, "support.invalid_kind", Text(value, "kind"));
  m.kind = *kind;
  std::istringstream co(Text(value, "co"));
  for (std::string item; std::getline(co, item, ',');) {
    if (item.empty()) continue;
    const auto colon = item.find(':');
    m.co_protected.push_back(
        {item.substr(0, colon), colon == std::string::npos ? "" : item.substr(colon + 1)});
  }
  auto from = Day(value, "from");
  if (!from) return from.error();
  auto to = Day(value, "to");
  if (!to) return to.error();
  const std::string provisional = Text(value, "provisional");
  if (!provisional.empty() && provisional != "0" && provisional != "false") {
    m.state = SupportState::kProvisional;
    m.provisional_start = from->value_or(today);
  } else {
    m.state = SupportState::kInForce;
    m.start = from->value_or(today);
    m.end = *to;
  }
  m.contact = Text(value, "contact");
  m.perpetrator_name = Text(value, "perpetrator-name");
  m.perpetrator_addressee_number = Text(value, "perpetrator-atena");
  m.perpetrator_address = Text(value, "perpetrator-address");
  m.perpetrator_other = Text(value, "perpetrator-other");
  return m;
}

Result<int64_t> ApplyProtectionAction(ProtectionDesk& desk, const FieldLookup& value,
                                      CalendarDate today) {
  const std::string action = Text(value, "action");
  if (action == "block-add") {
    auto block = DecodeBlock(value, today);
    if (!block) return block.error();
    auto added = desk.AddBlock(*block);
    if (!added) return added.error();
    return added->block_id;
  }
  if (action == "support-add") {
    auto measure = DecodeSupportMeasure(value, today);
    if (!measure) return measure.error();
    auto added = desk.Register(*measure);
    if (!added) return added.error();
    return added->measure_id;
  }
  static const std::set<std::string> kById = {"block-end",      "block-release", "support-start",
                                              "support-extend", "support-end",   "support-release"};
  if (!kById.contains(action))
    return MakeError(ErrorCode::kInvalidInput, "protection.unknown_action", action);
  const bool block = action.starts_with("block-");
  const std::string id_text = Text(value, "id");
  if (id_text.empty() || id_text.size() > 18 ||
      id_text.find_first_not_of("0123456789") != std::string::npos) {
    return MakeError(ErrorCode::kNotFound, block ? "protection.not_found" : "support.not_found",
                     id_text);
  }
  const int64_t id = std::stoll(id_text);
  const std::string reason = Text(value, "reason");
  if (action == "block-end") {
    if (auto ok = desk.EndBlock(id); !ok) return ok.error();
    return int64_t{0};
  }
  if (action == "block-release" || action == "support-release") {
    const std::string text = value("minutes").value_or("30");
    if (text.size() > 4 || text.find_first_not_of("0123456789") != std::string::npos) {
      return MakeError(ErrorCode::kInvalidInput, "protection.release_minutes", text);
    }
    const std::string to = Text(value, "to-operator");
    auto released = block ? desk.ReleaseBlock(id, to, std::stoi(text), reason)
                          : desk.ReleaseForIssue(id, to, std::stoi(text), reason);
    if (!released) return released.error();
    return int64_t{0};
  }
  if (action == "support-start") {
    auto from = Day(value, "from");
    if (!from) return from.error();
    auto to = Day(value, "to");
    if (!to) return to.error();
    if (auto started = desk.Start(id, from->value_or(today), *to); !started) return started.error();
    return int64_t{0};
  }
  if (action == "support-extend") {
    if (auto extended = desk.Extend(id); !extended) return extended.error();
    return int64_t{0};
  }
  if (action == "support-end") {
    if (auto ended = desk.End(id, reason); !ended) return ended.error();
    return int64_t{0};
  }
  return MakeError(ErrorCode::kInvalidInput, "protection.unknown_action", action);
}

}  // namespace jrr::web
