// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/protection/protection.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/name_table.h"

namespace jrr {
namespace {

constexpr std::array<std::pair<GuardedOperation, std::string_view>, 3> kOperations{{
    {GuardedOperation::kChange, "change"},
    {GuardedOperation::kIssue, "issue"},
    {GuardedOperation::kView, "view"},
}};
constexpr std::array<std::pair<SupportKind, std::string_view>, 4> kKinds{{
    {SupportKind::kDomesticViolence, "dv"},
    {SupportKind::kStalking, "stalking"},
    {SupportKind::kChildAbuse, "abuse"},
    {SupportKind::kOther, "other"},
}};

Error Refuse(const char* rule, std::string detail) {
  return MakeError(ErrorCode::kRuleViolation, rule, std::move(detail));
}

// The same day `months` months later (negative: earlier), clamped to the month's last day.
CalendarDate AddMonths(CalendarDate d, int months) {
  int index = d.year * 12 + (d.month - 1) + months;
  CalendarDate out;
  out.year = index / 12;
  out.month = index % 12 + 1;
  out.day = std::min(d.day, DaysInMonth(out.year, out.month));
  return out;
}

}  // namespace

std::string_view GuardedOperationName(GuardedOperation op) {
  return name_table::NameOf(kOperations, op);
}
std::optional<GuardedOperation> GuardedOperationFromName(std::string_view name) {
  return name_table::ValueOf<GuardedOperation>(kOperations, name);
}
std::string_view SupportKindName(SupportKind kind) { return name_table::NameOf(kKinds, kind); }

std::string_view SupportKindJa(SupportKind kind) {
  switch (kind) {
    case SupportKind::kDomesticViolence:
      return "DV";
    case SupportKind::kStalking:
      return "ストーカー";
    case SupportKind::kChildAbuse:
      return "児童虐待";
    case SupportKind::kOther:
      return "その他";
  }
  return "";
}

std::string_view SupportStateJa(SupportState state) {
  switch (state) {
    case SupportState::kProvisional:
      return "仮支援措置";
    case SupportState::kInForce:
      return "支援措置期間中";
    case SupportState::kFormerAddress:
      return "仮支援措置（前住所地）";
    case SupportState::kEnded:
      return "終了";
  }
  return "";
}
std::optional<SupportKind> SupportKindFromName(std::string_view name) {
  return name_table::ValueOf<SupportKind>(kKinds, name);
}

bool BlockApplies(const Block& block, CalendarDate today) {
  return !(today < block.start) && !block.ended_on;
}

bool SupportMeasure::Protects(std::string_view addressee_number) const {
  if (applicant == addressee_number) return true;
  return std::any_of(co_protected.begin(), co_protected.end(),
                     [&](const CoProtected& c) { return c.addressee_number == addressee_number; });
}

CalendarDate SupportPeriodEnd(CalendarDate start) {
  // One year later on the same day (29 February → 1 March), minus one day.
  CalendarDate next{start.year + 1, start.month, start.day};
  if (!IsValid(next)) next = CalendarDate{start.year + 1, 3, 1};
  return PreviousDay(next);
}

CalendarDate ExtensionOpensOn(CalendarDate end) { return AddMonths(end, -1); }

Result<SupportMeasure> NewSupportMeasure(SupportMeasure draft, CalendarDate today) {
  if (draft.applicant.empty()) return Refuse("support.no_person", "no 申出者");
  draft.measure_id = 0;
  draft.version = 1;
  draft.ended_on.reset();
  if (draft.state == SupportState::kProvisional) {
    if (!draft.provisional_start) draft.provisional_start = today;
    draft.start.reset();
    draft.end.reset();
    return draft;
  }
  draft.state = SupportState::kInForce;
  if (!draft.start) draft.start = today;
  if (!draft.end) draft.end = SupportPeriodEnd(*draft.start);
  if (*draft.end < *draft.start) return Refuse("support.invalid_period", "end before start");
  return draft;
}

Result<SupportMeasure> StartSupportMeasure(const SupportMeasure& current, CalendarDate start,
                                           std::optional<CalendarDate> end) {
  if (!current.Active()) return Refuse("support.not_active", "ended");
  if (current.state == SupportState::kInForce) {
    return Refuse("support.not_provisional", "already in force");
  }
  SupportMeasure next = current;
  ++next.version;
  next.state = SupportState::kInForce;
  next.start = start;
  next.end = end ? *end : SupportPeriodEnd(start);
  if (*next.end < *next.start) return Refuse("support.invalid_period", "end before start");
  return next;
}

Result<SupportMeasure> ExtendSupportMeasure(const SupportMeasure& current, CalendarDate today) {
  if (!current.Active()) return Refuse("support.not_active", "ended");
  if (current.state != SupportState::kInForce || !current.end) {
    return Refuse("support.not_provisional", "only a measure in force has a period to extend");
  }
  if (today < ExtensionOpensOn(*current.end)) {
    return Refuse("support.extension_too_early",
                  "opens on " + ToIsoString(ExtensionOpensOn(*current.end)));
  }
  SupportMeasure next = current;
  ++next.version;
  next.start = NextDay(*current.end);
  next.end = SupportPeriodEnd(*next.start);
  return next;
}

Result<SupportMeasure> EndSupportMeasure(const SupportMeasure& current, CalendarDate on,
                                         std::string reason) {
  if (!current.Active()) return Refuse("support.not_active", "ended");
  SupportMeasure next = current;
  ++next.version;
  next.state = SupportState::kEnded;
  next.ended_on = on;
  next.end_reason = std::move(reason);
  return next;
}

SupportMeasure SwitchToFormerAddress(const SupportMeasure& current) {
  SupportMeasure next = current;
  ++next.version;
  next.state = SupportState::kFormerAddress;
  return next;
}

std::vector<std::string> SupportAlerts(const SupportMeasure& measure, CalendarDate today) {
  if (measure.state != SupportState::kInForce || !measure.end) return {};
  if (*measure.end < today) return {"support.expired"};
  if (!(today < ExtensionOpensOn(*measure.end))) return {"support.expiring"};
  return {};
}

}  // namespace jrr
