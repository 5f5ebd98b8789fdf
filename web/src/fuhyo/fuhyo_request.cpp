// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/fuhyo/fuhyo_request.h"

#include <sstream>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {
namespace {

// 0 for an absent value; error fuhyo.bad_number for text that is not a whole number.
Result<int64_t> Id(const std::string& text) {
  if (text.empty()) return int64_t{0};
  if (text.size() > 18 || text.find_first_not_of("0123456789") != std::string::npos) {
    return MakeError(ErrorCode::kInvalidInput, "fuhyo.bad_number", text);
  }
  return static_cast<int64_t>(std::stoll(text));
}

bool IsSet(const std::optional<std::string>& v) {
  return v && !v->empty() && *v != "0" && *v != "false";
}

template <typename Decode>
auto FromJson(std::string_view json, Decode decode) -> decltype(decode(CertificateParameter{})) {
  auto fields = DecodeOptionFields(json);
  if (!fields) return fields.error();
  return decode(OptionLookup(std::move(*fields)));
}

}  // namespace

Result<FuhyoEvent> DecodeFuhyoEvent(const CertificateParameter& value) {
  auto text = [&](std::string_view name) { return value(name).value_or(std::string()); };
  auto kind = FuhyoEventKindFromCode(text("kind"));
  if (!kind) return kind.error();
  FuhyoEvent e;
  e.kind = *kind;
  auto id = Id(text("id"));
  if (!id) return id.error();
  e.fuhyo_id = *id;
  auto member = Id(text("member"));
  if (!member) return member.error();
  e.member_id = *member;
  e.koseki = KosekiKey{text("domicile"), text("head")};
  e.family_name = text("family");
  e.given_name = text("given");
  e.family_kana = text("family-kana");
  e.given_kana = text("given-kana");
  e.resident_record_code = text("jumin-code");
  e.overseas_voter = text("zaigai");
  e.address = text("address");
  e.abroad = IsSet(value("abroad"));
  e.reason = text("reason");
  if (const std::string sex = text("sex"); !sex.empty()) {
    if (sex != "male" && sex != "female")
      return MakeError(ErrorCode::kInvalidInput, "fuhyo.bad_sex", sex);
    e.sex = sex == "female" ? Sex::kFemale : Sex::kMale;
  }
  for (auto [name, slot] :
       {std::pair{"birth", &e.birth_date}, {"since", &e.since}, {"until", &e.until}}) {
    if (text(name).empty()) continue;
    auto day = ParseCalendarDate(text(name));
    if (!day) return day.error();
    *slot = *day;
  }
  auto on = ParseCalendarDate(text("on"));
  if (!on) return on.error();
  e.on = *on;
  return e;
}

Result<FuhyoCopyRequest> DecodeFuhyoCopyRequest(const CertificateParameter& value) {
  auto text = [&](std::string_view name) { return value(name).value_or(std::string()); };
  auto split = [](const std::string& list) {
    std::vector<std::string> parts;
    std::istringstream in(list);
    for (std::string part; std::getline(in, part, ',');) {
      if (!part.empty()) parts.push_back(part);
    }
    return parts;
  };
  FuhyoCopyRequest r;
  auto id = Id(text("id"));
  if (!id) return id.error();
  r.fuhyo_id = *id;
  for (const std::string& m : split(text("members"))) {
    auto member = Id(m);
    if (!member) return member.error();
    r.members.push_back(*member);
  }
  if (!text("requester").empty()) r.requester = text("requester");
  r.purpose = text("purpose");
  for (const std::string& item : split(text("with"))) {
    if (item == "honseki")
      r.print_koseki = true;
    else if (item == "jumin-code")
      r.print_code = true;
    else if (item == "zaigai")
      r.print_overseas_voter = true;
    else
      return MakeError(ErrorCode::kInvalidInput, "fuhyo.unknown_item", item);
  }
  r.acknowledged = split(text("acknowledge"));
  return r;
}

Result<FuhyoEvent> DecodeFuhyoEventJson(std::string_view json) {
  return FromJson(json, DecodeFuhyoEvent);
}
Result<FuhyoCopyRequest> DecodeFuhyoCopyJson(std::string_view json) {
  return FromJson(json, DecodeFuhyoCopyRequest);
}

}  // namespace jrr::web
