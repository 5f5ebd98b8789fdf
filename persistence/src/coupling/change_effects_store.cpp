// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/coupling/change_effects_store.h"

#include <algorithm>
#include <iterator>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"
#include "jrr/persistence/protection/sqlite_protection_register.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_resident_store.h"
#include "jrr/persistence/seals/sqlite_seal_register.h"

namespace jrr {
namespace {

bool MovesOut(const ChangeOutcome& outcome) {
  return outcome.change.reason == ChangeReason::kDomesticMoveOut ||
         outcome.change.reason == ChangeReason::kMoveOutAbroad;
}

// The residents (current or 除票) a member of our 附票 `f` is (ChangeEffectFacts::OurFuhyo::people):
// PeopleOfMember, or for a member recording no 生年月日 whom the register knows by its 氏名.
std::vector<std::string> PeopleOfOurMember(Database& db, const Fuhyo& f, const FuhyoMember& m) {
  SqliteResidentStore residents(db);
  std::vector<std::string> people = PeopleOfMember(residents, m);
  if (people.empty() && !m.birth_date) people = ResidentsOfUndatedMember(db, f.koseki, m);
  return people;
}

// 戸籍の附票 of ours the 異動 writes, with who wrote the members only the writer tells apart and,
// unless a bulk loader reads them, whom each member is.
void ReadOurFuhyo(Database& db, const ChangeOutcome& outcome, ChangeEffectFacts& facts,
                  FuhyoWorkingSet* working, bool bulk, bool every_member) {
  std::vector<std::string> newcomers;  // written by this 異動 (when recorded), not yet members
  for (const ResidentRecord& v : outcome.versions) {
    if (v.history_number == 1) newcomers.push_back(v.addressee_number);
  }
  for (std::size_t i = 0; i < outcome.versions.size(); ++i) {
    const auto notice = OurFuhyoNoticeFor(facts.before[i], outcome.versions[i],
                                          outcome.change.processing_date, facts.municipality);
    if (!notice) continue;
    auto our = std::find_if(
        facts.our_fuhyo.begin(), facts.our_fuhyo.end(),
        [&](const ChangeEffectFacts::OurFuhyo& f) { return f.koseki == notice->koseki; });
    if (our == facts.our_fuhyo.end()) {
      facts.our_fuhyo.push_back(
          {notice->koseki, CurrentFuhyo(db, notice->koseki, working), {}, {}});
      our = std::prev(facts.our_fuhyo.end());
    }
    if (!our->current) continue;
    for (const FuhyoMember& m : our->current->members) {
      if (!MemberNeedsWriter(m, *notice) || our->written_for.contains(m.member_id)) continue;
      our->written_for[m.member_id] = ResidentOfMember(db, m.member_id);
    }
    if (bulk) continue;
    for (const FuhyoMember& m : our->current->members) {
      if (our->people.contains(m.member_id)) continue;
      // Recording asks only of the members the notice could find (its code, its 氏名 or former
      // 氏名); the 入力確認 and the desks ask of every member (whom the 異動 reads).
      const bool candidate =
          (!m.resident_record_code.empty() &&
           m.resident_record_code == notice->resident_record_code) ||
          (m.family_name == notice->family_name && m.given_name == notice->given_name) ||
          (!notice->former_family_name.empty() && m.family_name == notice->former_family_name &&
           m.given_name == notice->former_given_name);
      if (!every_member && !candidate) continue;
      std::vector<std::string> people = PeopleOfOurMember(db, *our->current, m);
      std::erase_if(people, [&](const std::string& a) {
        return std::find(newcomers.begin(), newcomers.end(), a) != newcomers.end();
      });
      our->people[m.member_id] = std::move(people);
    }
  }
}

}  // namespace

ChangeEffectFacts ReadChangeEffectFacts(Database& db, const ChangeOutcome& outcome,
                                        std::vector<std::optional<ResidentRecord>>* before,
                                        ChangeEffectWorkingSet* working, bool every_member) {
  ChangeEffectFacts facts;
  if (working != nullptr) {
    if (!working->municipality) working->municipality = RoutedMunicipalityOf(db);
    facts.municipality = working->municipality->name;
    facts.municipality_code = working->municipality->code;
  } else {
    const RoutedMunicipality ours = RoutedMunicipalityOf(db);
    facts.municipality = ours.name;
    facts.municipality_code = ours.code;
  }
  if (before != nullptr) {
    facts.before = std::move(*before);
  } else {
    SqliteResidentStore residents(db);
    for (const ResidentRecord& v : outcome.versions) {
      facts.before.push_back(v.history_number > 1
                                 ? residents.Version(v.addressee_number, v.history_number - 1)
                                 : std::nullopt);
    }
  }
  ReadOurFuhyo(db, outcome, facts, working != nullptr ? working->fuhyo : nullptr,
               working != nullptr, every_member);
  if (working == nullptr || working->seals_may_exist) {
    SqliteSealRegister seals(db);
    for (const ResidentRecord& v : outcome.versions) {
      for (SealRegistration& r : seals.ForPerson(v.addressee_number)) {
        if (r.Active()) facts.active_seals.push_back(std::move(r));
      }
    }
    if (!facts.active_seals.empty())
      facts.seal_settings = SqliteRegisterSettings(db).GetSealSettings();
  }
  // Only a 転出 changes a 支援措置 (JK-3.4): the measures of the others are not read.
  if (MovesOut(outcome) && (working == nullptr || working->measures_may_exist)) {
    SqliteProtectionRegister protections(db);
    for (const ResidentRecord& v : outcome.versions) {
      if (v.status != ResidentStatus::kRemoved) continue;
      for (SupportMeasure& m : protections.MeasuresFor(v.addressee_number))
        facts.measures.push_back(std::move(m));
    }
  }
  if (!outcome.change.move_out_information.empty()) {
    const MoveOutInformationUse use =
        MoveOutInformationState(db, outcome.change.move_out_information);
    if (use.used_by) {
      facts.move_out_information = ChangeEffectFacts::Information::kUsed;
      facts.information_used_by = *use.used_by;
    } else {
      facts.move_out_information = use.received ? ChangeEffectFacts::Information::kReceived
                                                : ChangeEffectFacts::Information::kUnknown;
    }
  }
  return facts;
}

Status ApplyChangeEffects(Database& db, const ChangeOutcome& outcome, const ChangeEffects& effects,
                          ChangeEffectWorkingSet* working) {
  const ChangeRecord& change = outcome.change;
  for (const SealRegistration& ended : effects.seals_ended)
    SaveSealEndedByChange(db, ended, change);
  if (!effects.measures_switched.empty()) {
    SqliteProtectionRegister protections(db);
    for (const SupportMeasure& m : effects.measures_switched) {
      if (auto saved = protections.SaveMeasure(m); !saved) return saved.error();
    }
  }
  FuhyoWorkingSet* fuhyo = working != nullptr ? working->fuhyo : nullptr;
  for (const FuhyoEffect& f : effects.fuhyo) {
    ApplyFuhyoChange(db, f.notice, f.ours, f.member_id, change.change_id, fuhyo);
  }
  if (effects.takes_move_out_information)
    TakeMoveOutInformation(db, change.move_out_information, change.change_id);
  for (const CsEffect& message : effects.cs) {
    QueueCsMessage(db, message.from, message.kind, message.to, change.change_id, message.payload,
                   working != nullptr ? &working->cs : nullptr);
  }
  return {};
}

}  // namespace jrr
