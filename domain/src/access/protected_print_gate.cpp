// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/access/protected_print_gate.h"

#include <algorithm>

#include "jrr/domain/core/name_keys.h"

namespace jrr {
namespace {

// A name as the gate compares it: two writings of one name (異体字, widths, spaces) are one key.
std::string NameKey(const std::string& name) {
  auto key = BuildKanjiKey(name);
  return key ? *key : name;
}

}  // namespace

ProtectedPrintGate::ProtectedPrintGate(ResidentRepository& residents, CalendarDate today) {
  for (const ProtectedPersonFacts& facts : residents.ProtectedPeople(today)) {
    Person p;
    p.addressee_number = facts.addressee_number;
    p.restricts_inspection = facts.restricts_inspection;
    std::vector<std::string> places = facts.moved_to;
    places.push_back(facts.lives_at);
    for (const std::string& place : places) {
      if (std::string key = BuildAddressKey(place); !key.empty())
        p.place_keys.push_back(std::move(key));
    }
    for (const ProtectedPersonFacts::Version& v : facts.versions) {
      p.versions.push_back(
          Version{NameKey(v.family_name + v.given_name), NameKey(v.family_name),
                  NameKey(v.given_name), v.resident_record_code,
                  v.domicile_place.empty() ? std::string() : BuildAddressKey(v.domicile_place),
                  v.birth_date, v.sex});
    }
    people_.push_back(std::move(p));
  }
}

std::vector<std::string> ProtectedPrintGate::ShownBy(const ShownOnPrint& shown) const {
  std::set<std::string> address_keys;
  for (const std::string& a : shown.addresses) {
    if (std::string key = BuildAddressKey(a); !key.empty()) address_keys.insert(std::move(key));
  }
  std::vector<std::pair<std::string, std::string>> domiciles;  // place key, 筆頭者 key
  for (const ShownOnPrint::Domicile& d : shown.domiciles) {
    if (std::string key = BuildAddressKey(d.place); !key.empty())
      domiciles.emplace_back(key, NameKey(d.head_of_family));
  }
  struct FactKeys {
    std::string name, family, given;
  };
  std::vector<FactKeys> fact_keys;
  for (const ShownOnPrint::Facts& f : shown.people) {
    fact_keys.push_back(
        {NameKey(f.family_name + f.given_name), NameKey(f.family_name), NameKey(f.given_name)});
  }

  // Either the 住民票コード or the name suffices: a 附票 member whose code was written wrong is
  // still known by name, and one whose name was is known by code.
  auto facts_are = [&](std::size_t i, const Version& v) {
    const ShownOnPrint::Facts& f = shown.people[i];
    if (!f.resident_record_code.empty() && f.resident_record_code == v.resident_record_code)
      return true;
    const FactKeys& k = fact_keys[i];
    // Half a name is enough when the 生年月日 is known on both sides and agrees, whatever the 性別
    // says: a surname, or a 性別, changed on one side only must not hide the person (failing
    // closed costs a refusal, not an address).
    if (f.birth_date && v.birth_date && *f.birth_date == *v.birth_date &&
        ((!k.family.empty() && k.family == v.family_key) ||
         (!k.given.empty() && k.given == v.given_key))) {
      return true;
    }
    if (k.name.empty() || k.name != v.name_key) return false;
    if (f.birth_date && v.birth_date && *f.birth_date != *v.birth_date) return false;
    return !f.sex || *f.sex == v.sex;
  };
  std::vector<std::string> found;
  for (const Person& p : people_) {
    bool shows = std::any_of(p.place_keys.begin(), p.place_keys.end(),
                             [&](const std::string& key) { return address_keys.contains(key); });
    for (const Version& v : p.versions) {
      for (const auto& [place, head] : domiciles) {
        shows = shows || (!v.domicile_key.empty() && place == v.domicile_key && head == v.name_key);
      }
      for (std::size_t i = 0; i < shown.people.size() && !shows; ++i) shows = facts_are(i, v);
      if (shows) break;
    }
    if (shows) found.push_back(p.addressee_number);
  }
  return found;
}

bool ProtectedPrintGate::Hides(const std::string& printed_address, bool inspection_only) const {
  const std::string key = BuildAddressKey(printed_address);
  if (key.empty()) return false;
  return std::any_of(people_.begin(), people_.end(), [&](const Person& p) {
    return (!inspection_only || p.restricts_inspection) &&
           std::find(p.place_keys.begin(), p.place_keys.end(), key) != p.place_keys.end();
  });
}

}  // namespace jrr
