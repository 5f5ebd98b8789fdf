// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/changes/change_screen.h"

#include <map>

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

using kainjow::mustache::data;

// A form field's value key for the template: dots and colons are not mustache names.
std::string ValueKey(std::string name) {
  for (char& c : name) {
    if (c == '.' || c == ':') c = '_';
  }
  return "v_" + name;
}

void PresentNewcomers(data& page, const Fields& fields) {
  std::map<int, data> people;
  for (const auto& [name, value] : fields) {
    if (!name.starts_with("persons.")) continue;
    // persons.N.key with N of one or two digits; anything else is no person's field.
    const std::size_t dot = name.find('.', 8);
    if (dot == std::string::npos || dot == 8 || dot - 8 > 2 ||
        name.find_first_not_of("0123456789", 8) != dot)
      continue;
    const int i = std::stoi(name.substr(8, dot - 8));
    std::string key = name.substr(dot + 1);
    for (char& c : key) c = c == '.' ? '_' : c;
    people[i].set(key, value);
    if (key == "kind" && value == "foreign") people[i].set("kind_foreign", true);
    if (key == "foreign_category") people[i].set("pcat_" + value, true);
  }
  if (people.empty()) people[0] = data{};
  data list{data::type::list};
  for (auto& [i, person] : people) {
    person.set("i", std::to_string(i));
    person.set("number", std::to_string(i + 1));
    list.push_back(person);
  }
  page.set("persons", list);
}

void PresentRecordPrefill(data& page, const ResidentRecord& r) {
  page.set(ValueKey("household_number"), r.household_number);
  page.set(ValueKey("addressee_number"), r.addressee_number);
  // 住所・本籍の変更: the address and 本籍 as they stand are the 変更前 (blank 本籍 when this
  // clerk may not see it).
  page.set(ValueKey("before.text"), r.address.text);
  page.set(ValueKey("before.banchi"), r.address.banchi);
  page.set(ValueKey("before"), r.domicile.place);
  // 修正: the record as it stands, to be changed where it is wrong.
  page.set(ValueKey("fields.family_name"), r.family_name);
  page.set(ValueKey("fields.given_name"), r.given_name);
  page.set(ValueKey("fields.family_kana"), r.family_kana);
  page.set(ValueKey("fields.given_kana"), r.given_kana);
  page.set(ValueKey("child.family_name"), r.family_name);
  page.set(ValueKey("child.family_kana"), r.family_kana);
  page.set(ValueKey("child.domicile.place"), r.domicile.place);
  page.set(ValueKey("child.domicile.head_of_family"), r.domicile.head_of_family);
  // 帰化・国籍取得: the name as recorded, to be replaced by the one in the 戸籍.
  for (const auto& [key, value] : {std::pair{"family_name", &r.family_name},
                                   {"given_name", &r.given_name},
                                   {"family_kana", &r.family_kana},
                                   {"given_kana", &r.given_kana}}) {
    page.set(ValueKey(key), *value);
  }
  // 在留資格等の変更: the items as they stand (blank when this clerk may not see them; the
  // desk then refuses to write them).
  const ForeignResidentItems& f = r.foreign;
  const std::pair<const char*, std::string> foreign_values[] = {
      {"alphabet_name", f.alphabet_name},
      {"nationality", f.nationality},
      {"status_of_residence", f.status_of_residence},
      {"period_of_stay", f.period_of_stay},
      {"period_expiry", f.period_expiry ? ToIsoString(*f.period_expiry) : std::string()},
      {"residence_card_number", f.residence_card_number},
      {"special_permanent_certificate_number", f.special_permanent_certificate_number},
      {"landing_period", f.landing_period},
      {"provisional_stay_period", f.provisional_stay_period}};
  const std::string in_fields = "fields.foreign.";
  for (const auto& [key, value] : foreign_values) {
    page.set(ValueKey(in_fields + key), value);
  }
  page.set("category_" + std::to_string(static_cast<int>(f.category)), true);
  for (const auto& [key, date] :
       {std::pair{"foreign_resident_since", &f.foreign_resident_since},
        {"registered_under_former_law", &f.registered_under_former_law}}) {
    if (!*date) continue;
    // 西暦 for a foreign resident (JK-1.1.9); a 不詳日 in the notation that reads back exactly.
    const auto exact = (*date)->ExactDate();
    page.set(ValueKey(in_fields + key),
             exact ? FormatSeireki(*exact) : FormatRecordedDate(**date, DisplayCalendar::kWareki));
  }
  if (r.removal) {
    page.set(ValueKey("destination.text"), r.removal->planned_destination.text);
    page.set(ValueKey("destination.banchi"), r.removal->planned_destination.banchi);
    page.set(ValueKey("destination.katagaki"), r.removal->planned_destination.katagaki);
    page.set(ValueKey("confirmed_destination.text"), r.removal->planned_destination.text);
    page.set(ValueKey("confirmed_destination.banchi"), r.removal->planned_destination.banchi);
    page.set(ValueKey("confirmed_destination.katagaki"), r.removal->planned_destination.katagaki);
  }
}

data PresentMovers(const std::vector<SearchHit>& hits, const std::set<std::string>& movers,
                   const std::map<std::string, std::string>& relationships) {
  data list{data::type::list};
  for (const SearchHit& hit : hits) {
    data m;
    m.set("atena", hit.record.addressee_number);
    m.set("name", hit.withheld ? hit.protection.marker : hit.record.DisplayName());
    m.set("relationship", hit.withheld ? std::string() : hit.record.relationship.Text());
    if (movers.contains(hit.record.addressee_number)) m.set("checked", true);
    if (auto rel = relationships.find(hit.record.addressee_number); rel != relationships.end())
      m.set("rel", rel->second);
    if (!hit.protection.marker.empty()) m.set("marker", hit.protection.marker);
    list.push_back(m);
  }
  return list;
}

void PresentCandidates(data& page, const std::vector<std::string>& places,
                       const std::vector<std::string>& heads) {
  data place_list{data::type::list};
  for (const std::string& p : places) place_list.push_back(data(p));
  data head_list{data::type::list};
  for (const std::string& h : heads) head_list.push_back(data(h));
  page.set("domicile_candidates", place_list);
  page.set("head_candidates", head_list);
}

}  // namespace jrr::web
