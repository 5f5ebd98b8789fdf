// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/cs/cs_screen.h"

#include <string>

#include "jrr/domain/records/move_out_certificate.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

// The people a 転出証明書情報 names, for the list (氏名 and 生年月日 as printed).
std::string PeopleOf(const CsEntry& e) {
  if (e.kind != CsKind::kMoveOutInformation) return {};
  auto info = DecodeMoveOutData(e.body);
  if (!info) return {};
  std::string people;
  for (const MoveOutPerson& p : info->persons) {
    if (!people.empty()) people += "、";
    people += p.family_name + "　" + p.given_name + "（" + p.birth_text + "）";
  }
  return people;
}

}  // namespace

data PresentCsMessages(const std::vector<CsEntry>& entries, bool outbox) {
  data rows{data::type::list};
  for (const CsEntry& e : entries) {
    data row;
    row.set("id", e.notice_id);
    row.set("kind", std::string(CsKindNameJa(e.kind)));
    row.set("counterpart", e.counterpart);
    row.set("at", e.recorded_at);
    row.set("state", outbox ? e.state : CsInboxStateJa(e));
    if (e.failures > 0) row.set("failures", std::to_string(e.failures));
    if (e.change_id) row.set("change_id", std::to_string(*e.change_id));
    const std::string people = PeopleOf(e);
    if (!people.empty()) row.set("people", people);
    if (!outbox && e.state == kCsReceived) row.set("waiting", true);
    const bool refused =
        !outbox && e.state != kCsReceived && e.state != kCsUsed && e.state != kCsApplied;
    if (refused || e.state == "送付不能") row.set("attention", true);
    rows.push_back(row);
  }
  return rows;
}

}  // namespace jrr::web
