// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/fuhyo/fuhyo_event.h"

#include <algorithm>
#include <array>

#include "jrr/domain/core/name_keys.h"

namespace jrr {
namespace {

struct KindName {
  FuhyoEventKind kind;
  std::string_view code;
  std::string_view name_ja;
};
constexpr std::array<KindName, 9> kKinds{{
    {FuhyoEventKind::kCreate, "hensei", "編製"},
    {FuhyoEventKind::kEnter, "nyuseki", "入籍"},
    {FuhyoEventKind::kLeave, "joseki", "除籍"},
    {FuhyoEventKind::kDeath, "shibou", "死亡"},
    {FuhyoEventKind::kTransfer, "tenseki", "転籍"},
    {FuhyoEventKind::kRemake, "kaisei", "改製"},
    {FuhyoEventKind::kCorrection, "shusei", "職権修正"},
    {FuhyoEventKind::kProtect, "shien", "支援措置"},
    {FuhyoEventKind::kProtectEnd, "shien-end", "支援措置終了"},
}};

Error Refuse(const char* rule, std::string detail = {}) {
  return MakeError(ErrorCode::kRuleViolation, rule, std::move(detail));
}

// The living members of `f`, each as a new member of another 附票 with only the latest address and
// any 支援措置 still running: what 改製 and 管内転籍 carry over (the old lines stay on the closed 附票).
std::vector<FuhyoWrite> Carry(const Fuhyo& f, const std::string& source, CalendarDate on) {
  std::vector<FuhyoWrite> carried;
  for (const FuhyoMember& m : f.members) {
    if (m.removed) continue;
    FuhyoWrite w;
    w.member = m;
    w.member.member_id = 0;
    w.member.version = 0;
    w.member.addresses.clear();
    if (!m.protected_until || *m.protected_until < on) {
      w.member.protected_from.reset();
      w.member.protected_until.reset();
    }
    if (!m.addresses.empty()) {
      FuhyoAddress line = m.addresses.back();
      line.source = source;
      line.recorded_on = on;
      w.lines.push_back(line);
    }
    carried.push_back(std::move(w));
  }
  return carried;
}

const FuhyoMember* Living(const Fuhyo& f, int64_t member_id) {
  for (const FuhyoMember& m : f.members) {
    if (m.member_id == member_id && !m.removed) return &m;
  }
  return nullptr;
}

// The day a member left the 附票, for the no-back-filling rule: items that came into force later
// are never given to them.
bool GoneBefore(const FuhyoMember& m, CalendarDate since) {
  return m.removed && m.removed_on && *m.removed_on < since;
}

}  // namespace

Result<FuhyoEventKind> FuhyoEventKindFromCode(std::string_view code) {
  for (const KindName& k : kKinds) {
    if (k.code == code) return k.kind;
  }
  return MakeError(ErrorCode::kInvalidInput, "fuhyo.unknown_event", std::string(code));
}

std::string_view FuhyoEventCode(FuhyoEventKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.code;
  }
  return {};
}

std::string_view FuhyoEventNameJa(FuhyoEventKind kind) {
  for (const KindName& k : kKinds) {
    if (k.kind == kind) return k.name_ja;
  }
  return {};
}

Result<FuhyoEventPlan> PlanFuhyoEvent(const std::optional<Fuhyo>& current, bool target_exists,
                                      const FuhyoEvent& e, std::string_view ours,
                                      CalendarDate today) {
  const std::string name(FuhyoEventNameJa(e.kind));
  if (name.empty()) return MakeError(ErrorCode::kInvalidInput, "fuhyo.unknown_event");
  if (e.reason.empty() && e.kind != FuhyoEventKind::kCreate) return Refuse("fuhyo.reason_required");
  if (e.on > today) return Refuse("fuhyo.date_future", ToIsoString(e.on));
  for (const std::string* kana : {&e.family_kana, &e.given_kana}) {
    if (!kana->empty()) {
      if (Status ok = CheckStatutoryFurigana(*kana); !ok) return ok.error();
    }
  }
  FuhyoEventPlan plan;
  plan.source = e.reason.empty() ? name : name + ": " + e.reason;

  auto new_koseki_is_ours = [&]() {
    return DomicileIsIn(Domicile{Domicile::State::kRecorded, e.koseki.domicile, ""}, ours);
  };
  if (e.kind == FuhyoEventKind::kCreate) {
    if (e.koseki.domicile.empty() || e.koseki.head_of_family.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "fuhyo.koseki_required");
    }
    if (!new_koseki_is_ours()) return Refuse("fuhyo.not_ours", e.koseki.domicile);
    if (target_exists) return Refuse("fuhyo.exists", e.koseki.domicile);
    plan.create = e.koseki;
    return plan;
  }

  if (!current)
    return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(e.fuhyo_id));
  const Fuhyo& f = *current;
  if (f.state != FuhyoState::kCurrent)
    return Refuse("fuhyo.not_current", std::string(FuhyoStateNameJa(f.state)));

  switch (e.kind) {
    case FuhyoEventKind::kEnter: {
      if (e.family_name.empty() || !e.birth_date || !e.sex) {
        return MakeError(ErrorCode::kInvalidInput, "fuhyo.member_incomplete");
      }
      if (*e.birth_date > e.on) return Refuse("fuhyo.date_order", "生年月日");
      for (const FuhyoMember& m : f.members) {
        if (!m.removed && m.family_name == e.family_name && m.given_name == e.given_name &&
            m.birth_date == e.birth_date) {
          return Refuse("fuhyo.member_exists", m.DisplayName());
        }
      }
      FuhyoWrite w;
      w.member.family_name = e.family_name;
      w.member.given_name = e.given_name;
      w.member.family_kana = e.family_kana;
      w.member.given_kana = e.given_kana;
      w.member.birth_date = e.birth_date;
      w.member.sex = e.sex;
      w.member.resident_record_code = e.resident_record_code;
      if (e.overseas_voter != kNoOverseasVoter)
        w.member.overseas_voter_municipality = e.overseas_voter;
      if (!e.address.empty() || e.abroad) {
        w.lines.push_back(FuhyoAddress{e.abroad ? std::string() : e.address, e.abroad,
                                       e.since.value_or(e.on), plan.source, today});
      }
      plan.on_current.push_back(std::move(w));
      return plan;
    }
    case FuhyoEventKind::kLeave:
    case FuhyoEventKind::kDeath: {
      const FuhyoMember* m = Living(f, e.member_id);
      if (m == nullptr)
        return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found",
                         std::to_string(e.member_id));
      if ((m->birth_date && e.on < *m->birth_date) ||
          (!m->addresses.empty() && e.on < m->addresses.back().since)) {
        return Refuse("fuhyo.date_order", ToIsoString(e.on));
      }
      FuhyoWrite w;
      w.member = *m;
      w.member.removed = true;
      w.member.removal_reason = plan.source;
      w.member.removed_on = e.on;
      plan.on_current.push_back(std::move(w));
      // Everyone gone: the 附票 becomes a 除票 (第21条), kept 150 years.
      const bool last = std::none_of(f.members.begin(), f.members.end(), [&](const FuhyoMember& x) {
        return !x.removed && x.member_id != e.member_id;
      });
      if (last) plan.close_as = FuhyoState::kClosed;
      return plan;
    }
    case FuhyoEventKind::kTransfer: {
      plan.close_as = FuhyoState::kClosed;
      // 管内転籍: the new 本籍 is here too, so its 附票 starts now with the members and where they live.
      if (!e.koseki.domicile.empty() && new_koseki_is_ours()) {
        if (e.koseki.head_of_family.empty())
          return MakeError(ErrorCode::kInvalidInput, "fuhyo.koseki_required");
        if (target_exists) return Refuse("fuhyo.exists", e.koseki.domicile);
        plan.create = e.koseki;
        plan.on_created = Carry(f, plan.source, today);
      }
      return plan;
    }
    case FuhyoEventKind::kRemake: {
      plan.on_created = Carry(f, plan.source, today);
      if (plan.on_created.empty()) return Refuse("fuhyo.nobody_left");
      plan.close_as = FuhyoState::kRemade;
      plan.create = f.koseki;
      return plan;
    }
    case FuhyoEventKind::kCorrection: {
      // A removed member's items may be corrected too (a 除かれた者 is still on the 附票).
      const FuhyoMember* m = nullptr;
      for (const FuhyoMember& x : f.members) {
        if (x.member_id == e.member_id) m = &x;
      }
      if (m == nullptr)
        return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found",
                         std::to_string(e.member_id));
      FuhyoWrite w;
      w.member = *m;
      auto take = [](std::string& item, const std::string& given) {
        if (!given.empty()) item = given;
      };
      take(w.member.family_name, e.family_name);
      take(w.member.given_name, e.given_name);
      take(w.member.family_kana, e.family_kana);
      take(w.member.given_kana, e.given_kana);
      take(w.member.resident_record_code, e.resident_record_code);
      if (!e.overseas_voter.empty()) {
        w.member.overseas_voter_municipality =
            e.overseas_voter == kNoOverseasVoter ? std::string() : e.overseas_voter;
      }
      if (e.birth_date) w.member.birth_date = e.birth_date;
      if (e.sex) w.member.sex = e.sex;
      if ((e.birth_date || e.sex) && GoneBefore(*m, kBirthAndSexSince))
        return Refuse("fuhyo.item_not_in_force", "生年月日・性別");
      if (!e.resident_record_code.empty() && GoneBefore(*m, kResidentCodeSince)) {
        return Refuse("fuhyo.item_not_in_force", "住民票コード");
      }
      if ((!e.family_kana.empty() || !e.given_kana.empty()) && GoneBefore(*m, kFuriganaSince)) {
        return Refuse("fuhyo.item_not_in_force", "振り仮名");
      }
      w.new_version =
          w.member.family_name != m->family_name || w.member.given_name != m->given_name ||
          w.member.family_kana != m->family_kana || w.member.given_kana != m->given_kana ||
          w.member.birth_date != m->birth_date || w.member.sex != m->sex ||
          w.member.resident_record_code != m->resident_record_code ||
          w.member.overseas_voter_municipality != m->overseas_voter_municipality;
      if (!e.address.empty() || e.abroad) {
        const FuhyoAddress line{e.abroad ? std::string() : e.address, e.abroad,
                                e.since.value_or(e.on), plan.source, today};
        const bool same = !m->addresses.empty() && m->addresses.back().address == line.address &&
                          m->addresses.back().abroad == line.abroad &&
                          m->addresses.back().since == line.since;
        if (!same) w.lines.push_back(line);
      }
      if (!w.new_version && w.lines.empty()) return Refuse("fuhyo.nothing_to_correct");
      plan.on_current.push_back(std::move(w));
      return plan;
    }
    case FuhyoEventKind::kProtect: {
      if (Living(f, e.member_id) == nullptr) {
        return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found",
                         std::to_string(e.member_id));
      }
      if (!e.until || *e.until <= e.on) return Refuse("fuhyo.period_required");
      plan.protect_member = e.member_id;
      return plan;
    }
    case FuhyoEventKind::kProtectEnd: {
      const FuhyoMember* m = nullptr;
      for (const FuhyoMember& x : f.members) {
        if (x.member_id == e.member_id && x.protected_until) m = &x;
      }
      if (m == nullptr)
        return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found",
                         std::to_string(e.member_id));
      plan.protect_end_member = e.member_id;
      return plan;
    }
    case FuhyoEventKind::kCreate:
      break;  // handled above
  }
  return MakeError(ErrorCode::kInvalidInput, "fuhyo.unknown_event");
}

}  // namespace jrr
