// SPDX-License-Identifier: Apache-2.0
//
// The search conditions as the CLI's options and the API's query parameters name them, and a hit.
#include "jrr/web/access/search_json.h"

#include <functional>
#include <stdexcept>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/records/record_json.h"

namespace jrr::web {

namespace {

// 消除事由 by code (23) or by name (死亡).
std::optional<ChangeReason> RemovalReason(const std::string& text) {
  for (int code = 1; code < 100; ++code) {
    auto reason = ChangeReasonFromCode(code);
    if (!reason) continue;
    if (std::to_string(code) == text || InfoOf(*reason).name_ja == text) return reason;
  }
  return std::nullopt;
}

}  // namespace

Result<SearchQuery> DecodeSearchQuery(const SearchParameter& value) {
  SearchQuery q;
  q.kana = value("kana").value_or("");
  q.kana_given = value("kana-given").value_or("");
  q.name = value("name").value_or("");
  q.given_name = value("given-name").value_or("");
  const std::string match = value("match").value_or("exact");
  if (match == "prefix")
    q.mode = MatchMode::kPrefix;
  else if (match == "contains")
    q.mode = MatchMode::kContains;
  else if (match != "exact")
    return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "match");
  if (auto birth_text = value("birth")) {
    // 生年月日 in 和暦 or 西暦, as everywhere.
    auto birth = ParseCalendarDate(*birth_text);
    if (!birth) return birth.error();
    q.birth_date = *birth;
  }
  if (auto sex_text = value("sex")) {
    const std::string& sex = *sex_text;
    if (sex == "male" || sex == "男")
      q.sex = Sex::kMale;
    else if (sex == "female" || sex == "女")
      q.sex = Sex::kFemale;
    else
      return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "sex");
  }
  q.relationship = value("relationship").value_or("");
  q.address = value("address").value_or("");
  q.address_code = value("address-code").value_or("");
  q.katagaki = value("katagaki").value_or("");
  q.addressee_number = value("atena").value_or("");
  q.household_number = value("household").value_or("");
  q.resident_record_code = value("jumin-code").value_or("");
  q.individual_number = value("kojin").value_or("");
  q.residence_card = value("card").value_or("");
  if (auto reason = value("removal-reason")) {
    q.removal_reason = RemovalReason(*reason);
    if (!q.removal_reason)
      return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "removal-reason");
  }
  q.residents_only = value("residents-only").value_or("") == "1";
  if (auto limit = value("limit")) {
    try {
      q.limit = std::stoul(*limit);
    } catch (const std::logic_error&) {
      q.limit = 0;
    }
    if (q.limit == 0 || q.limit > 1000) {
      return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "limit 1..1000");
    }
  }
  return q;
}

std::string EncodeSearchHit(const SearchHit& hit) {
  if (hit.withheld) {
    // 照会抑止: the person exists and is blocked; nothing of the record.
    return JsonObject()
        .AddRaw("record", JsonObject().Add("addressee_number", hit.record.addressee_number).str())
        .Add("withheld", true)
        .AddRaw("protection", EncodeProtection(hit.protection))
        .str();
  }
  return JsonObject()
      .AddRaw("record", EncodeRecord(hit.record))
      .Add("withheld", false)
      .Add("matched_former", hit.matched_former)
      .Add("pending", hit.pending)
      .AddRaw("protection", EncodeProtection(hit.protection))
      .str();
}

}  // namespace jrr::web
