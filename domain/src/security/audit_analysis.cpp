// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/audit_analysis.h"

#include <charconv>
#include <map>

#include "jrr/domain/core/holidays.h"

namespace jrr {
namespace {

int Number(const std::string& text, std::size_t at, std::size_t length, bool& ok) {
  int value = 0;
  if (at + length > text.size()) {
    ok = false;
    return 0;
  }
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + length, value);
  ok = ok && ec == std::errc() && end == text.data() + at + length;
  return value;
}

// The value of `name=` in a detail such as "conditions=kana,birth hits=3".
std::string DetailValue(const std::string& detail, const std::string& name) {
  const std::string key = name + "=";
  std::size_t at = 0;
  while ((at = detail.find(key, at)) != std::string::npos) {
    if (at == 0 || detail[at - 1] == ' ') {
      const std::size_t start = at + key.size();
      return detail.substr(start, detail.find(' ', start) - start);
    }
    at += key.size();
  }
  return {};
}

}  // namespace

std::optional<JapanTime> JapanTimeOf(const std::string& occurred_at) {
  bool ok = occurred_at.size() >= 13 && occurred_at[4] == '-' && occurred_at[10] == 'T';
  CalendarDate day{Number(occurred_at, 0, 4, ok), Number(occurred_at, 5, 2, ok),
                   Number(occurred_at, 8, 2, ok)};
  int hour = Number(occurred_at, 11, 2, ok);
  if (!ok || !IsValid(day) || hour > 23) return std::nullopt;
  hour += 9;  // JST = UTC+9, no daylight saving
  if (hour >= 24) {
    hour -= 24;
    day = NextDay(day);
  }
  return JapanTime{day, hour};
}

std::vector<AuditEntry> AfterHoursAccess(const std::vector<AuditEntry>& entries) {
  std::vector<AuditEntry> out;
  for (const AuditEntry& e : entries) {
    const auto jst = JapanTimeOf(e.occurred_at);
    if (jst && (jst->hour >= 22 || jst->hour < 6 || IsClosedDay(jst->day))) out.push_back(e);
  }
  return out;
}

std::vector<AuditEntry> LoginFailures(const std::vector<AuditEntry>& entries) {
  std::vector<AuditEntry> out;
  for (const AuditEntry& e : entries) {
    if (e.event.action == AuditAction::kLoginFailure) out.push_back(e);
  }
  return out;
}

std::vector<AuditEntry> SearchesByNumber(const std::vector<AuditEntry>& entries) {
  std::vector<AuditEntry> out;
  for (const AuditEntry& e : entries) {
    if (e.event.action != AuditAction::kSearch) continue;
    std::string conditions = ",";
    conditions += DetailValue(e.event.detail, "conditions");
    conditions += ',';
    for (const char* number : {",atena,", ",household,", ",jumin_code,", ",kojin,", ",card,"}) {
      if (conditions.find(number) != std::string::npos) {
        out.push_back(e);
        break;
      }
    }
  }
  return out;
}

std::vector<OperatorCount> LoginsPerOperator(const std::vector<AuditEntry>& entries) {
  std::map<std::string, int64_t> counts;
  for (const AuditEntry& e : entries) {
    if (e.event.action == AuditAction::kLogin) ++counts[e.event.operator_id];
  }
  std::vector<OperatorCount> out;
  for (const auto& [id, n] : counts) out.push_back({id, "", n, 0});
  return out;
}

std::vector<OperatorCount> MassSearches(const std::vector<AuditEntry>& entries, int64_t threshold) {
  std::map<std::pair<std::string, std::string>, OperatorCount> per_day;
  for (const AuditEntry& e : entries) {
    if (e.event.action != AuditAction::kSearch) continue;
    const auto jst = JapanTimeOf(e.occurred_at);
    const std::string day = jst ? ToIsoString(jst->day) : "";
    OperatorCount& c = per_day[{e.event.operator_id, day}];
    c.operator_id = e.event.operator_id;
    c.day = day;
    ++c.count;
    int64_t hits = 0;
    const std::string text = DetailValue(e.event.detail, "hits");
    std::from_chars(text.data(), text.data() + text.size(), hits);
    c.hits += hits;
  }
  std::vector<OperatorCount> out;
  for (const auto& [key, c] : per_day) {
    if (c.count >= threshold) out.push_back(c);
  }
  return out;
}

}  // namespace jrr
