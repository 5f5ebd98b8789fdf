// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/fuhyo/fuhyo_screen.h"

#include <string>

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

using kainjow::mustache::data;

void PresentFuhyoHits(data& page, const std::vector<Fuhyo>& found) {
  data hits{data::type::list};
  for (const Fuhyo& f : found) {
    data row;
    row.set("id", std::to_string(f.fuhyo_id));
    row.set("state", std::string(FuhyoStateNameJa(f.state)));
    row.set("domicile", f.koseki.domicile);
    row.set("head", f.koseki.head_of_family);
    row.set("members", std::to_string(f.members.size()));
    hits.push_back(row);
  }
  page.set("hits", hits);
  page.set("count", std::to_string(found.size()));
  page.set("searched", true);
}

namespace {

data MemberData(const FuhyoMember& m, CalendarDate today) {
  data person;
  person.set("member_id", std::to_string(m.member_id));
  person.set("name", m.DisplayName());
  if (!m.family_kana.empty() || !m.given_kana.empty())
    person.set("kana", m.family_kana + "　" + m.given_kana);
  std::string facts = m.birth_date ? FormatWareki(*m.birth_date) + "生" : std::string();
  if (m.sex) facts += *m.sex == Sex::kMale ? "　男" : "　女";
  if (!m.overseas_voter_municipality.empty())
    facts += "　在外選挙人名簿登録（" + m.overseas_voter_municipality + "）";
  person.set("facts", facts);
  if (m.removed) person.set("removed", m.removal_reason);
  if (m.ProtectedOn(today)) person.set("protected", FormatWareki(*m.protected_until));
  data lines{data::type::list};
  for (const FuhyoAddress& a : m.addresses) {
    data line;
    line.set("address", a.abroad ? std::string("国外転出者") : a.address);
    line.set("since", FormatWareki(a.since));
    line.set("source", a.source);
    lines.push_back(line);
  }
  person.set("addresses", lines);
  return person;
}

}  // namespace

data PresentFuhyo(const Fuhyo& f, CalendarDate today) {
  data one;
  one.set("id", std::to_string(f.fuhyo_id));
  one.set("state", std::string(FuhyoStateNameJa(f.state)));
  one.set("current", f.state == FuhyoState::kCurrent);
  one.set("domicile", f.koseki.domicile);
  one.set("head", f.koseki.head_of_family);
  data people{data::type::list};
  for (const FuhyoMember& m : f.members) people.push_back(MemberData(m, today));
  one.set("people", people);
  return one;
}

data PresentFuhyoNotices(const std::vector<FuhyoNoticeEntry>& entries, bool outbox) {
  data rows{data::type::list};
  for (const FuhyoNoticeEntry& e : entries) {
    data row;
    row.set("id", e.notice_id);
    row.set("counterpart", e.counterpart);
    row.set("at", e.recorded_at);
    row.set("state", e.state == "applied" ? std::string("反映済み") : e.state);
    row.set("failures", e.failures > 0 ? std::to_string(e.failures) : std::string());
    row.set("detail", e.detail);
    if (e.state == "送付不能" || (!outbox && e.state != "applied")) row.set("attention", true);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace jrr::web
