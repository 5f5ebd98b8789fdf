// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/access/resident_screen.h"

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/records/change_reason.h"
#include "server/screen.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

std::string Wareki(const RecordedDate& d) {
  return FormatRecordedDate(d, DisplayCalendar::kWareki);
}

// The protection marker, the 支援措置 the officer may open (JK-1.1.16) and the アラート to confirm.
void PresentProtection(data& person, const PersonView& view) {
  if (!view.protection.marker.empty()) person.set("marker", view.protection.marker);
  // JK-1.1.16: from the record to the 支援措置 database (only the officer gets the ids).
  data measures{data::type::list};
  for (int64_t id : view.protection.measure_ids) {
    data measure;
    measure.set("id", std::to_string(id));
    measures.push_back(measure);
  }
  person.set("measures", measures);
  data alerts{data::type::list};
  for (const std::string& rule : view.protection.alerts) {
    alerts.push_back(ErrorData(MakeError(ErrorCode::kRuleViolation, rule)));
  }
  person.set("alerts", alerts);
}

// 除票 (JK-1.1.5): why, when, where to; the 転入通知 once it came.
void PresentRemoval(data& person, const ResidentRecord& r) {
  if (r.removal) {
    const RemovalItems& m = *r.removal;
    data removal;
    removal.set("reason", std::string(InfoOf(m.reason).name_ja));
    removal.set("effective", Wareki(m.effective));
    if (!m.planned_destination.Printed().empty())
      removal.set("planned", m.planned_destination.Printed());
    if (!m.confirmed_destination.Printed().empty())
      removal.set("confirmed", m.confirmed_destination.Printed());
    if (m.move_in_notice_date) removal.set("notice", FormatWareki(*m.move_in_notice_date));
    if (m.confirmed_move_out_date) removal.set("moved", FormatWareki(*m.confirmed_move_out_date));
    person.set("removal", removal);
  }
}

// 外国人住民の記載事項 (JK-1.1.9): the 在留 items only to one who may see them.
void PresentForeign(data& person, const ResidentRecord& r, const Viewer& viewer,
                    const std::string& hidden) {
  {
    const ForeignResidentItems& f = r.foreign;
    data items;
    items.set("alphabet", f.alphabet_name);
    items.set("nationality", f.nationality);
    if (!viewer.Has(Permission::kSeeResidenceStatus)) {
      items.set("hidden", hidden);
    } else {
      items.set("category", std::string(ForeignCategoryNameJa(f.category)));
      if (f.period_expiry) items.set("expiry", FormatSeireki(*f.period_expiry));
      // Only the items the category has (an empty string would still open its section).
      for (const auto& [key, value] : {std::pair{"status", &f.status_of_residence},
                                       {"period", &f.period_of_stay},
                                       {"card", &f.residence_card_number},
                                       {"special", &f.special_permanent_certificate_number},
                                       {"landing", &f.landing_period},
                                       {"provisional", &f.provisional_stay_period}}) {
        if (!value->empty()) items.set(key, *value);
      }
    }
    if (f.foreign_resident_since) items.set("since", Wareki(*f.foreign_resident_since));
    person.set("foreign", items);
  }
}

// The items of every resident; those this viewer may not see say so (JK-10.4).
void PresentItems(data& person, const ResidentRecord& r, const Viewer& viewer) {
  const bool foreign = r.kind == ResidentKind::kForeign;
  person.set("name", r.DisplayName());
  person.set("kana", r.family_kana + " " + r.given_kana);
  if (!r.former_surname.empty()) person.set("former_surname", r.former_surname);
  if (!r.common_name.empty()) person.set("common_name", r.common_name);
  person.set("birth", BirthDateText(r));
  person.set("sex", r.sex == Sex::kMale ? "男" : "女");
  person.set("relationship", r.relationship.Text());
  person.set("address", r.address.Printed());
  person.set("atena", r.addressee_number);
  person.set("household", r.household_number);
  if (!r.previous_address.Printed().empty())
    person.set("previous_address", r.previous_address.Printed());
  if (!r.last_registered_address.empty()) person.set("last_registered", r.last_registered_address);
  // JK-10.4: an item this user may not see says so, rather than looking empty.
  const std::string hidden = "（表示の権限がありません）";
  if (!foreign) {
    if (!viewer.Has(Permission::kSeeDomicile))
      person.set("domicile", hidden);
    else if (r.domicile.state != Domicile::State::kRecorded)
      person.set("domicile", DomicilePlaceText(r.domicile));
    else if (!r.domicile.place.empty())
      person.set("domicile", r.domicile.place + "　筆頭者 " + r.domicile.head_of_family);
  }
  if (!viewer.Has(Permission::kSeeResidentRecordCode))
    person.set("jumin_code", hidden);
  else if (!r.resident_record_code.empty())
    person.set("jumin_code", r.resident_record_code);
  if (!viewer.Has(Permission::kSeeIndividualNumber))
    person.set("kojin", hidden);
  else if (!r.individual_number.empty())
    person.set("kojin", r.individual_number);
  if (foreign) PresentForeign(person, r, viewer, hidden);
}

// 履歴: each version with the 異動 that wrote it.
// IMP: JK-2.2.1
void PresentHistory(data& person, const PersonView& view) {
  data history{data::type::list};
  for (const auto& entry : view.history) {
    data row;
    row.set("number", std::to_string(entry.version.history_number));
    row.set("change", std::to_string(entry.change.change_id));
    row.set("reason", std::string(InfoOf(entry.change.reason).name_ja) +
                          (entry.change.on_request ? "（申出による）" : ""));
    row.set("event", Wareki(entry.change.event_date));
    row.set("processed", FormatWareki(entry.change.processing_date));
    row.set("address", entry.version.address.Printed());
    history.push_back(row);
  }
  person.set("history", history);
}

// 旧氏・通称の履歴 (JK-1.1.7, 2.2.1): each version where either changed.
void PresentNames(data& person, const PersonView& view) {
  data names{data::type::list};
  std::string former_before, common_before;
  bool any_name = false;
  for (const auto& entry : view.history) {
    const ResidentRecord& v = entry.version;
    if (v.former_surname == former_before && v.common_name == common_before) continue;
    data row;
    row.set("number", std::to_string(v.history_number));
    row.set("reason", std::string(InfoOf(entry.change.reason).name_ja));
    row.set("event", Wareki(entry.change.event_date));
    row.set("former", v.former_surname.empty()
                          ? std::string("（なし）")
                          : v.former_surname + "（" + v.former_surname_kana + "）");
    row.set("common", v.common_name.empty() ? std::string("（なし）")
                                            : v.common_name + "（" + v.common_name_kana + "）");
    names.push_back(row);
    any_name = true;
    former_before = v.former_surname;
    common_before = v.common_name;
  }
  person.set("names", names);
  person.set("has_names", any_name);
}

}  // namespace

data PresentPerson(const PersonView& view, const Viewer& viewer) {
  const ResidentRecord& r = view.record;
  data person;
  PresentProtection(person, view);
  person.set("removed", r.status == ResidentStatus::kRemoved);
  PresentRemoval(person, r);
  PresentItems(person, r, viewer);
  person.set("glyphs", NameGlyphs(r.family_name + r.given_name));
  PresentHistory(person, view);
  PresentNames(person, view);
  PresentIssuances(person, view.issuances);
  PresentRemarks(person, view.remarks);
  return person;
}

// IMP: JK-3.3
void PresentHouseholdMembers(data& person, const std::vector<SearchHit>& members,
                             const std::string& self) {
  {
    data list{data::type::list};
    for (const SearchHit& hit : members) {
      const ResidentRecord& m = hit.record;
      data row;
      row.set("atena", m.addressee_number);
      row.set("name", hit.withheld ? hit.protection.marker : m.DisplayName());
      row.set("relationship", hit.withheld ? std::string() : m.relationship.Text());
      if (m.addressee_number == self) row.set("self", true);
      if (m.status == ResidentStatus::kRemoved && m.removal) {
        row.set("member_removed", "除票・" + std::string(InfoOf(m.removal->reason).name_ja) + " " +
                                      Wareki(m.removal->effective));
      }
      if (!hit.protection.marker.empty()) row.set("member_marker", hit.protection.marker);
      list.push_back(row);
    }
    person.set("has_members", !members.empty());
    person.set("members", list);
  }
}

// IMP: JK-2.2.2
void PresentIssuances(data& person, const std::vector<IssuanceRecord>& issuances) {
  data issued{data::type::list};
  for (const IssuanceRecord& i : issuances) {
    data row;
    row.set("id", std::to_string(i.issuance_id));
    row.set("date", FormatWareki(i.issue_date));
    row.set("kind", std::string(CertificateKindNameJa(i.kind)));
    row.set("requester", std::string(RequesterNameJa(i.requester)));
    row.set("place", i.place + (i.terminal.empty() ? "" : "／" + i.terminal));
    row.set("operator", i.operator_id);
    row.set("copies", std::to_string(i.copies));
    row.set("persons", std::to_string(i.targets.size()));
    if (!i.numbers.empty()) row.set("number", i.numbers.front());
    if (i.disposed_at) row.set("disposed", true);
    issued.push_back(row);
  }
  person.set("issued", issued);
  person.set("has_issued", !issuances.empty());
}

// IMP: JK-1.1.14
void PresentRemarks(data& person, const std::vector<IntegratedRemarkLine>& remarks) {
  data lines{data::type::list};
  for (const IntegratedRemarkLine& line : remarks) {
    data row;
    row.set("kind", line.kind == 'A'   ? std::string("異動")
                    : line.kind == 'B' ? std::string("留意事項")
                                       : std::string("備考"));
    row.set("text", line.text);
    lines.push_back(row);
  }
  person.set("remarks", lines);
  person.set("has_remarks", !remarks.empty());
}

}  // namespace jrr::web
