// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

std::vector<ProtectedPersonFacts> ResidentRepository::ProtectedPeople(CalendarDate today) {
  ProtectionRegister& protections = Protections();
  std::vector<ProtectedPersonFacts> people;
  for (const std::string& atena : protections.ProtectedPersons()) {
    const auto latest = Latest(atena);
    if (!latest) continue;
    ProtectedPersonFacts facts;
    facts.addressee_number = atena;
    if (latest->status == ResidentStatus::kResident || MoveOutPending(*latest, today)) {
      facts.lives_at = latest->address.Printed();
    }
    if (latest->removal) {
      for (const Address* to :
           {&latest->removal->planned_destination, &latest->removal->confirmed_destination}) {
        if (!to->text.empty()) facts.moved_to.push_back(to->Printed());
      }
    }
    for (const SupportMeasure& m : protections.MeasuresFor(atena)) {
      facts.restricts_inspection =
          facts.restricts_inspection || (m.Active() && m.Protects(atena) && m.restrict_inspection);
    }
    for (const HistoryEntry& entry : History(atena)) {
      const ResidentRecord& v = entry.version;
      facts.versions.push_back({v.family_name, v.given_name, v.birth_date.InternalDate(), v.sex,
                                v.resident_record_code, v.domicile.place,
                                v.domicile.head_of_family});
    }
    people.push_back(std::move(facts));
  }
  return people;
}

}  // namespace jrr
