// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/fuhyo/fuhyo.h"

#include <algorithm>
#include <map>

#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/records/change_reason.h"

namespace jrr {

std::string_view FuhyoStateNameJa(FuhyoState state) {
  switch (state) {
    case FuhyoState::kCurrent:
      return "現存";
    case FuhyoState::kClosed:
      return "除票";
    case FuhyoState::kRemade:
      return "改製原附票";
  }
  return {};
}

std::string FuhyoMember::DisplayName() const {
  if (given_name.empty()) return family_name;
  return family_name + "\u3000" + given_name;
}

bool FuhyoMember::ProtectedOn(CalendarDate day) const {
  return protected_from && protected_until && *protected_from <= day && day <= *protected_until;
}

bool DomicileIsIn(const Domicile& domicile, std::string_view prefecture_and_name) {
  return domicile.state == Domicile::State::kRecorded && !prefecture_and_name.empty() &&
         domicile.place.starts_with(prefecture_and_name);
}

std::optional<FuhyoNotice> NoticeFor(const std::optional<ResidentRecord>& before,
                                     const ResidentRecord& after, CalendarDate event_day) {
  // 本籍 なし・不明 (foreign residents have none): there is no 附票 to tell.
  if (after.kind != ResidentKind::kJapanese || after.domicile.state != Domicile::State::kRecorded ||
      after.domicile.place.empty()) {
    return std::nullopt;
  }
  FuhyoNotice n;
  n.koseki = KosekiKey{after.domicile.place, after.domicile.head_of_family};
  n.family_name = after.family_name;
  n.given_name = after.given_name;
  n.family_kana = after.family_kana;
  n.given_kana = after.given_kana;
  if (before &&
      (before->family_name != after.family_name || before->given_name != after.given_name)) {
    n.former_family_name = before->family_name;
    n.former_given_name = before->given_name;
  }
  n.birth_date = after.birth_date.InternalDate().value_or(CalendarDate{1, 1, 1});
  n.sex = after.sex;
  n.resident_record_code = after.resident_record_code;
  n.sent_on = event_day;
  if (after.status == ResidentStatus::kResident) {
    n.address = after.address.Printed();
    n.since =
        after.address_since ? after.address_since->InternalDate().value_or(event_day) : event_day;
  } else if (after.removal && after.removal->reason == ChangeReason::kMoveOutAbroad) {
    // 国外転出: the address becomes the statement, the date the planned departure (第17条).
    n.abroad = true;
    n.since = after.removal->effective.InternalDate().value_or(event_day);
  } else {
    return std::
        nullopt;  // a 国内転出 is told by the next 住所地; 死亡 reaches the 附票 through the 戸籍
  }
  if (before && before->domicile == after.domicile) {
    const bool was_abroad = before->status == ResidentStatus::kRemoved;
    const bool same =
        before->address.Printed() == after.address.Printed() &&
        before->address_since == after.address_since && was_abroad == n.abroad &&
        before->family_name == after.family_name && before->given_name == after.given_name &&
        before->family_kana == after.family_kana && before->given_kana == after.given_kana &&
        before->birth_date == after.birth_date && before->sex == after.sex &&
        before->resident_record_code == after.resident_record_code &&
        before->status == after.status;
    if (same) return std::nullopt;
  }
  return n;
}

namespace {

bool SameName(const FuhyoMember& m, const std::string& family, const std::string& given) {
  return !family.empty() && m.family_name == family && m.given_name == given;
}

}  // namespace

Result<std::optional<FuhyoMember>> FindNoticedMember(const Fuhyo& fuhyo,
                                                     const FuhyoNotice& notice) {
  const FuhyoMember* found = nullptr;
  for (const FuhyoMember& m : fuhyo.members) {
    if (m.removed) continue;
    if (!m.resident_record_code.empty() && !notice.resident_record_code.empty()) {
      if (m.resident_record_code != notice.resident_record_code) continue;
      return std::optional<FuhyoMember>(m);  // the code is the person
    }
    const bool named = SameName(m, notice.family_name, notice.given_name) ||
                       SameName(m, notice.former_family_name, notice.former_given_name);
    const bool born = !m.birth_date || *m.birth_date == notice.birth_date;
    const bool sex = !m.sex || *m.sex == notice.sex;
    if (!named || !born || !sex) continue;
    if (found != nullptr) {
      return MakeError(ErrorCode::kRuleViolation, "fuhyo.member_ambiguous",
                       std::to_string(found->member_id) + "," + std::to_string(m.member_id));
    }
    found = &m;
  }
  if (found == nullptr) return std::optional<FuhyoMember>();
  return std::optional<FuhyoMember>(*found);
}

bool MemberNeedsWriter(const FuhyoMember& m, const FuhyoNotice& notice) {
  const bool named = SameName(m, notice.family_name, notice.given_name) ||
                     SameName(m, notice.former_family_name, notice.former_given_name);
  const bool coded = !m.resident_record_code.empty() && !notice.resident_record_code.empty();
  return named && !coded && !m.birth_date;
}

Result<FuhyoMember> MatchNotice(const Fuhyo& fuhyo, const FuhyoNotice& notice) {
  if (fuhyo.state != FuhyoState::kCurrent) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.unknown_koseki", notice.koseki.domicile);
  }
  auto found = FindNoticedMember(fuhyo, notice);
  if (!found) return found.error();
  if (!*found) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.person_mismatch",
                     notice.family_name + "　" + notice.given_name);
  }
  const FuhyoMember& m = **found;
  if (!m.addresses.empty() && notice.since < m.addresses.back().since) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.date_order", ToIsoString(notice.since));
  }
  return m;
}

bool SamePerson(const FuhyoMember& earlier, const FuhyoMember& later, bool by_member_id,
                const std::string& later_former_family, const std::string& later_former_given) {
  if (!earlier.resident_record_code.empty() && !later.resident_record_code.empty()) {
    return earlier.resident_record_code == later.resident_record_code;
  }
  if (earlier.birth_date && later.birth_date && *earlier.birth_date != *later.birth_date)
    return false;
  if (earlier.sex && later.sex && *earlier.sex != *later.sex) return false;
  if (by_member_id) return true;
  return (earlier.family_name == later.family_name && earlier.given_name == later.given_name) ||
         SameName(earlier, later_former_family, later_former_given);
}

std::string EncodeFuhyoNotice(const FuhyoNotice& n) {
  std::string out = "FUHYO-NOTICE/1\n";
  auto line = [&out](std::string_view key, std::string_view value) {
    AppendKeyValueLine(out, key, value);
  };
  line("notice_id", n.notice_id);
  line("from", n.from_municipality);
  line("to", n.to_municipality);
  line("domicile", n.koseki.domicile);
  line("head_of_family", n.koseki.head_of_family);
  line("family_name", n.family_name);
  line("given_name", n.given_name);
  if (!n.family_kana.empty() || !n.given_kana.empty()) {
    line("family_kana", n.family_kana);
    line("given_kana", n.given_kana);
  }
  if (!n.former_family_name.empty() || !n.former_given_name.empty()) {
    line("former_family_name", n.former_family_name);
    line("former_given_name", n.former_given_name);
  }
  line("birth_date", ToIsoString(n.birth_date));
  line("sex", n.sex == Sex::kMale ? "1" : "2");
  line("resident_record_code", n.resident_record_code);
  line("address", n.address);
  line("abroad", n.abroad ? "1" : "0");
  line("since", ToIsoString(n.since));
  line("sent_on", ToIsoString(n.sent_on));
  return out;
}

Result<FuhyoNotice> DecodeFuhyoNotice(std::string_view text) {
  auto bad = [](std::string detail) {
    return MakeError(ErrorCode::kInvalidInput, "fuhyo.notice_malformed", std::move(detail));
  };
  if (!CheckText(text, {.max_bytes = 64 * 1024, .allow_newlines = true}))
    return bad("not UTF-8 text");
  auto parsed = ParseKeyValueText(text, "FUHYO-NOTICE/1");
  if (!parsed) return bad("header or line");
  const auto& fields = *parsed;
  FuhyoNotice n;
  auto need = [&](const char* key) -> const std::string* {
    auto found = fields.find(key);
    return found == fields.end() ? nullptr : &found->second;
  };
  for (const char* key : {"notice_id", "from", "to", "domicile", "head_of_family", "family_name",
                          "birth_date", "sex", "since", "sent_on"}) {
    if (need(key) == nullptr || need(key)->empty()) return bad(std::string("missing ") + key);
  }
  n.notice_id = *need("notice_id");
  n.from_municipality = *need("from");
  n.to_municipality = *need("to");
  n.koseki = KosekiKey{*need("domicile"), *need("head_of_family")};
  n.family_name = *need("family_name");
  if (auto g = need("given_name")) n.given_name = *g;
  if (auto k = need("family_kana")) n.family_kana = *k;
  if (auto k = need("given_kana")) n.given_kana = *k;
  if (auto f = need("former_family_name")) n.former_family_name = *f;
  if (auto g = need("former_given_name")) n.former_given_name = *g;
  for (const std::string* kana : {&n.family_kana, &n.given_kana}) {
    if (!kana->empty() && !CheckStatutoryFurigana(*kana)) return bad("kana");
  }
  auto day = [&](const char* key) { return ParseIsoDate(*need(key)); };
  const auto birth = day("birth_date"), since = day("since"), sent = day("sent_on");
  if (!birth || !since || !sent) return bad("date");
  n.birth_date = *birth;
  n.since = *since;
  n.sent_on = *sent;
  n.sex = *need("sex") == "2" ? Sex::kFemale : Sex::kMale;
  if (auto code = need("resident_record_code")) n.resident_record_code = *code;
  if (auto address = need("address")) n.address = *address;
  n.abroad = need("abroad") != nullptr && *need("abroad") == "1";
  if (n.address.empty() && !n.abroad) return bad("address");
  return n;
}

Result<FuhyoRequester> FuhyoRequesterFromCode(std::string_view code) {
  if (code == "self") return FuhyoRequester::kSelf;
  if (code == "spouse") return FuhyoRequester::kSpouse;
  if (code == "lineal") return FuhyoRequester::kLineal;
  if (code == "agent") return FuhyoRequester::kAgent;
  if (code == "official") return FuhyoRequester::kOfficial;
  if (code == "third-party") return FuhyoRequester::kThirdParty;
  return MakeError(ErrorCode::kRuleViolation, "fuhyo.requester_not_allowed", std::string(code));
}

Status CheckFuhyoCopyRequest(FuhyoRequester requester, const std::string& purpose,
                             bool resident_record_code) {
  if (requester == FuhyoRequester::kThirdParty && purpose.empty()) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.purpose_required");
  }
  if (resident_record_code &&
      (requester == FuhyoRequester::kOfficial || requester == FuhyoRequester::kThirdParty)) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.item_not_allowed", "住民票コード");
  }
  return {};
}

std::string EncodeFuhyoReply(const FuhyoReply& r) {
  std::string out = "FUHYO-REPLY/1\n";
  AppendKeyValueLine(out, "reply_id", r.reply_id);
  AppendKeyValueLine(out, "in_reply_to", r.in_reply_to);
  AppendKeyValueLine(out, "from", r.from_municipality);
  AppendKeyValueLine(out, "to", r.to_municipality);
  AppendKeyValueLine(out, "rule_id", r.rule_id);
  AppendKeyValueLine(out, "message", r.message);
  AppendKeyValueLine(out, "sent_on", ToIsoString(r.sent_on));
  return out;
}

Result<FuhyoReply> DecodeFuhyoReply(std::string_view text) {
  auto bad = [](std::string detail) {
    return MakeError(ErrorCode::kInvalidInput, "fuhyo.notice_malformed", std::move(detail));
  };
  if (!CheckText(text, {.max_bytes = 64 * 1024, .allow_newlines = true}))
    return bad("not UTF-8 text");
  auto fields = ParseKeyValueText(text, "FUHYO-REPLY/1");
  if (!fields) return bad("header or line");
  for (const char* key : {"reply_id", "in_reply_to", "from", "to", "rule_id", "sent_on"}) {
    auto found = fields->find(key);
    if (found == fields->end() || found->second.empty()) return bad(std::string("missing ") + key);
  }
  auto sent = ParseIsoDate(fields->at("sent_on"));
  if (!sent) return bad("date");
  auto message = fields->find("message");
  return FuhyoReply{fields->at("reply_id"),
                    fields->at("in_reply_to"),
                    fields->at("from"),
                    fields->at("to"),
                    fields->at("rule_id"),
                    message == fields->end() ? std::string() : message->second,
                    *sent};
}

bool IsFuhyoReply(std::string_view text) { return text.starts_with("FUHYO-REPLY/1"); }

}  // namespace jrr
