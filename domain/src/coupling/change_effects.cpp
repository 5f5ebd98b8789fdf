// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/coupling/change_effects.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/rule_ids.h"

namespace jrr {
namespace {

void NoticeOnce(ChangeEffects& effects, std::string_view rule_id) {
  if (std::find(effects.notices.begin(), effects.notices.end(), rule_id) == effects.notices.end()) {
    effects.notices.emplace_back(rule_id);
  }
}

// 印鑑登録: each registration SealEffectsOf ends, as it will be saved.
void PlanSeals(const ChangeOutcome& outcome, const ChangeEffectFacts& facts,
               ChangeEffects& effects) {
  if (facts.active_seals.empty()) return;
  for (const SealEffect& effect : SealEffectsOf(outcome, facts.active_seals, facts.seal_settings)) {
    for (SealRegistration r : facts.active_seals) {
      if (r.addressee_number != effect.addressee_number) continue;
      r.state = SealState::kEnded;
      r.ended_on = effect.on;
      r.end_reason = effect.reason;
      r.operator_id = outcome.change.operator_id;
      effects.seals_ended.push_back(std::move(r));
      NoticeOnce(effects, rules::kSealEnded);
    }
  }
}

// 支援措置 (JK-3.4): the measures a moving-out 申出者 applied for become 仮支援措置 of the former
// address, so protection never lapses between 転出 and 転入.
void PlanMeasures(const ChangeOutcome& outcome, const ChangeEffectFacts& facts,
                  ChangeEffects& effects) {
  const ChangeReason reason = outcome.change.reason;
  if (reason != ChangeReason::kDomesticMoveOut && reason != ChangeReason::kMoveOutAbroad) return;
  for (const ResidentRecord& v : outcome.versions) {
    if (v.status != ResidentStatus::kRemoved) continue;
    for (const SupportMeasure& m : facts.measures) {
      if (m.applicant != v.addressee_number || !m.Active() ||
          m.state == SupportState::kFormerAddress)
        continue;
      const bool planned =
          std::any_of(effects.measures_switched.begin(), effects.measures_switched.end(),
                      [&](const SupportMeasure& s) { return s.measure_id == m.measure_id; });
      if (planned) continue;
      SupportMeasure next = SwitchToFormerAddress(m);
      next.operator_id = outcome.change.operator_id;
      effects.measures_switched.push_back(std::move(next));
    }
  }
}

// The member of our 附票 `n` (a notice of our own 異動 about `addressee`) is about (住基法第17条:
// one member a person); 0 for a new member. A member of the same 氏名 that an earlier 異動 of ours
// wrote for someone else (before 生年月日 was an item, only the name told them apart) is not this
// person; a member who is another resident, or who holds a 住民票コード a newcomer does not,
// refuses the 異動.
Result<int64_t> ChooseOurMember(const Fuhyo& fuhyo, const ChangeEffectFacts::OurFuhyo& facts,
                                FuhyoNotice n, const std::string& addressee, bool newcomer) {
  // A code still to be drawn (a preview) is no code yet: it tells no one apart.
  if (n.resident_record_code == kDrawResidentRecordCode) n.resident_record_code.clear();
  Fuhyo candidates = fuhyo;
  std::erase_if(candidates.members, [&](const FuhyoMember& m) {
    if (!MemberNeedsWriter(m, n)) return false;
    const auto writer = facts.written_for.find(m.member_id);
    return writer != facts.written_for.end() && writer->second != addressee;
  });
  auto found = FindNoticedMember(candidates, n);
  if (!found) return found.error();
  if (!*found) return 0;
  // A member who is already another resident of this register is never taken over by a typed
  // person who only shares their facts: the same person carries the same 住民票コード.
  const bool by_code =
      !n.resident_record_code.empty() && (*found)->resident_record_code == n.resident_record_code;
  // Nor is a newcomer without a code the member who holds one, whoever that member is: the same
  // person comes back with their code (a stranger with the same facts must not take it over).
  const auto people = facts.people.find((*found)->member_id);
  const bool another_resident =
      people != facts.people.end() && !people->second.empty() &&
      std::find(people->second.begin(), people->second.end(), addressee) == people->second.end();
  const bool coded_for_another = newcomer && !(*found)->resident_record_code.empty();
  if (!by_code && (another_resident || coded_for_another)) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.member_of_another",
                     std::to_string((*found)->member_id));
  }
  return (*found)->member_id;
}

// The member a new one of this 異動 will be, as later versions of the same 異動 must see it,
// numbered below zero (`planned_id`) until it is written. A code still to be drawn is left out:
// two newcomers are not one person by it.
FuhyoMember PlannedMember(const FuhyoNotice& n, int64_t planned_id) {
  FuhyoMember m;
  m.member_id = planned_id;
  m.family_name = n.family_name;
  m.given_name = n.given_name;
  m.birth_date = n.birth_date;
  m.sex = n.sex;
  if (n.resident_record_code != kDrawResidentRecordCode)
    m.resident_record_code = n.resident_record_code;
  return m;
}

// 戸籍の附票 (住基法第18条, 第19条第1項): a version whose 附票 items changed. Ours is written now, to
// the member chosen here; another's is noticed to its 本籍地.
Status PlanFuhyo(const ChangeOutcome& outcome, const ChangeEffectFacts& facts,
                 ChangeEffects& effects) {
  if (facts.municipality.empty()) return {};
  // Our 附票 as this 異動 leaves them, so a second person of one 戸籍 sees the first (new members
  // numbered below zero until written).
  std::vector<Fuhyo> planned;
  std::vector<int64_t> chosen;
  for (std::size_t i = 0; i < outcome.versions.size(); ++i) {
    const ResidentRecord& v = outcome.versions[i];
    const std::optional<ResidentRecord> none;
    const std::optional<ResidentRecord>& before = i < facts.before.size() ? facts.before[i] : none;
    auto notice = NoticeFor(before, v, outcome.change.processing_date);
    if (!notice) continue;
    notice->from_municipality = facts.municipality;
    FuhyoEffect effect{*notice, false, v.addressee_number};
    if (DomicileIsIn(v.domicile, facts.municipality)) {
      effect.ours = true;
      effect.notice.to_municipality = facts.municipality;
      const auto our = std::find_if(
          facts.our_fuhyo.begin(), facts.our_fuhyo.end(),
          [&](const ChangeEffectFacts::OurFuhyo& f) { return f.koseki == notice->koseki; });
      if (our == facts.our_fuhyo.end()) {
        throw std::logic_error("PlanChangeEffects: the facts lack the 附票 of a 異動's 本籍");
      }
      auto fuhyo = std::find_if(planned.begin(), planned.end(),
                                [&](const Fuhyo& f) { return f.koseki == notice->koseki; });
      if (fuhyo == planned.end()) {
        planned.push_back(our->current.value_or(
            Fuhyo{0, notice->koseki, FuhyoState::kCurrent, std::nullopt, {}}));
        fuhyo = std::prev(planned.end());
      }
      auto member = ChooseOurMember(*fuhyo, *our, *notice, v.addressee_number, !before);
      if (!member) return member.error();
      if (*member == 0) {
        *member = -static_cast<int64_t>(i + 1);
        fuhyo->members.push_back(PlannedMember(*notice, *member));
      }
      if (std::find(chosen.begin(), chosen.end(), *member) != chosen.end()) {
        return MakeError(ErrorCode::kRuleViolation, "fuhyo.member_ambiguous",
                         "two people of one 異動 as one 附票 member");
      }
      chosen.push_back(*member);
      effect.member_id = std::max<int64_t>(*member, 0);
    } else {
      effect.notice.to_municipality = MunicipalityOfPlace(v.domicile.place);
      if (effect.notice.to_municipality.empty()) continue;  // a 本籍 that cannot be routed
    }
    effects.fuhyo.push_back(std::move(effect));
    // One wording whether the 附票 is ours or another's: which one would tell where the 本籍 is.
    NoticeOnce(effects, rules::kFuhyoNoticed);
  }
  return {};
}

// CS (住基法第24条の2, 第9条第1項).
Status PlanCs(const ChangeOutcome& outcome, const ChangeEffectFacts& facts,
              ChangeEffects& effects) {
  const ChangeRecord& change = outcome.change;
  if (!change.move_out_information.empty()) {
    switch (facts.move_out_information) {
      case ChangeEffectFacts::Information::kNotNamed:
      case ChangeEffectFacts::Information::kUnknown:
        return MakeError(ErrorCode::kNotFound, "cs.move_out_information_unknown",
                         change.move_out_information);
      case ChangeEffectFacts::Information::kUsed:
        return MakeError(ErrorCode::kRuleViolation, "cs.move_out_information_used",
                         "異動 " + std::to_string(facts.information_used_by));
      case ChangeEffectFacts::Information::kReceived:
        effects.takes_move_out_information = true;
        break;
    }
  }
  if (facts.municipality_code.empty()) return {};  // a register before `jrr init` exchanges nothing
  if (change.special && change.reason == ChangeReason::kDomesticMoveOut) {
    // 転出証明書情報: the items a 転出証明書 would carry, for the 転出先 to enter.
    std::vector<ResidentRecord> movers;
    for (const ResidentRecord& v : outcome.versions) {
      if (v.status == ResidentStatus::kRemoved) movers.push_back(v);
    }
    if (!movers.empty() && movers.front().removal) {
      effects.cs.push_back({CsKind::kMoveOutInformation, facts.municipality,
                            MunicipalityOfPlace(movers.front().removal->planned_destination.text),
                            MoveOutData(movers, facts.municipality_code, facts.municipality,
                                        change.processing_date)});
      NoticeOnce(effects, rules::kCsSent);
    }
  }
  if (const auto move_in_notice = MoveInNoticeOf(outcome, facts.municipality)) {
    effects.cs.push_back({CsKind::kMoveInNotice, facts.municipality, move_in_notice->to,
                          EncodeMoveInNotice(move_in_notice->notice)});
    NoticeOnce(effects, rules::kCsSent);
  }
  return {};
}

}  // namespace

// IMP: JK-3.4, JK-4.1.1.3, JK-4.1.3.0.4, JK-7.2.4
Result<ChangeEffects> PlanChangeEffects(const ChangeOutcome& outcome,
                                        const ChangeEffectFacts& facts) {
  ChangeEffects effects;
  if (auto ok = PlanCs(outcome, facts, effects); !ok) return ok.error();
  PlanSeals(outcome, facts, effects);
  PlanMeasures(outcome, facts, effects);
  if (auto ok = PlanFuhyo(outcome, facts, effects); !ok) return ok.error();
  return effects;
}

std::optional<FuhyoNotice> OurFuhyoNoticeFor(const std::optional<ResidentRecord>& before,
                                             const ResidentRecord& after, CalendarDate event_day,
                                             std::string_view municipality) {
  if (municipality.empty() || !DomicileIsIn(after.domicile, municipality)) return std::nullopt;
  return NoticeFor(before, after, event_day);
}

}  // namespace jrr
