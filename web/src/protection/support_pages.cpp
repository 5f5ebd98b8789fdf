// SPDX-License-Identifier: Apache-2.0
//
// 支援措置の詳細 (JK-1.1.16, 2.2.4): the database entry behind the marker, for the 支援措置
// permission only.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {

using kainjow::mustache::data;

// 支援措置の詳細 (JK-1.1.16, 2.2.4): the database entry behind the marker, for the 支援措置
// permission only; every look is logged by ProtectionDesk.
Response SupportPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  int64_t id = 0;
  try {
    id = std::stoll(request.Query("id"));
  } catch (const std::logic_error&) {
    id = 0;
  }
  auto versions = context.desks->Protection(session->viewer,
                                            [&](ProtectionDesk& desk) { return desk.Details(id); });
  if (!versions) {
    page.set("error", ErrorData(versions.error()));
    return Html(HttpStatusFor(versions.error().code), "支援措置", RenderTemplate("support", page),
                context);
  }
  static constexpr std::string_view kStates[] = {"", "仮支援措置", "支援措置期間中",
                                                 "仮支援措置（前住所地）", "終了"};
  static constexpr std::string_view kKinds[] = {"", "DV", "ストーカー", "児童虐待", "その他"};
  auto day = [](const std::optional<CalendarDate>& d) {
    return d ? FormatWareki(*d) : std::string("—");
  };
  data list{data::type::list};
  for (std::size_t i = 0; i < versions->size(); ++i) {
    const SupportMeasure& m = (*versions)[i];
    data v;
    v.set("version", std::to_string(m.version));
    v.set("latest", i == 0);
    v.set("state", std::string(kStates[static_cast<int>(m.state)]));
    v.set("kind", std::string(kKinds[static_cast<int>(m.kind)]));
    v.set("applicant", m.applicant);
    data co{data::type::list};
    for (const auto& c : m.co_protected) {
      data person;
      person.set("atena", c.addressee_number);
      person.set("relation", c.relation);
      co.push_back(person);
    }
    v.set("co", co);
    v.set("start", day(m.start));
    v.set("end", day(m.end));
    if (m.provisional_start) v.set("provisional_start", day(m.provisional_start));
    if (m.ended_on) {
      v.set("ended", day(m.ended_on));
      v.set("end_reason", m.end_reason);
    }
    std::string affairs;
    if (m.restrict_inspection) affairs += "閲覧 ";
    if (m.restrict_copies) affairs += "住民票の写し等 ";
    if (m.restrict_fuhyo) affairs += "戸籍の附票の写し等";
    v.set("affairs", affairs);
    v.set("contact", m.contact);
    std::string perpetrator = m.perpetrator_name;
    for (const std::string* part :
         {&m.perpetrator_addressee_number, &m.perpetrator_address, &m.perpetrator_other}) {
      if (!part->empty()) {
        perpetrator += "　";
        perpetrator += *part;
      }
    }
    v.set("perpetrator", perpetrator);
    v.set("operator", m.operator_id);
    list.push_back(v);
  }
  page.set("versions", list);
  return Html(200, "支援措置 #" + std::to_string(id), RenderTemplate("support", page), context);
}

}  // namespace jrr::web
