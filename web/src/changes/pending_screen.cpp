// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/changes/pending_screen.h"

#include <set>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_catalog.h"

namespace jrr::web {

using kainjow::mustache::data;

void PresentPendingList(data& page, const std::vector<PendingChange>& open,
                        const PendingFilter& filter) {
  std::set<std::string> places;
  for (const PendingChange& p : open) places.insert(p.place);
  data place_list{data::type::list};
  for (const std::string& place : places) {
    data row;
    row.set("place", place);
    if (place == filter.place) row.set("selected", true);
    place_list.push_back(row);
  }
  page.set("places", place_list);
  page.set("person", filter.person);
  page.set("filter_place", filter.place);
  const std::vector<PendingChange> shown = SelectPending(open, filter);
  data rows{data::type::list};
  for (const PendingChange& p : shown) {
    data row;
    row.set("id", std::to_string(p.pending_id));
    row.set("summary", p.summary);
    row.set("entered", FormatWareki(p.entered_on));
    row.set("operator", p.operator_id);
    row.set("place", p.place);
    data persons{data::type::list};
    for (const std::string& atena : p.persons) persons.push_back(data(atena));
    row.set("persons", persons);
    rows.push_back(row);
  }
  page.set("count", std::to_string(shown.size()));
  page.set("total", std::to_string(open.size()));
  page.set("filtered", shown.size() != open.size());
  page.set("has_pending", !shown.empty());
  page.set("all_allowed", shown.size() <= kBulkApprovalLimit);
  page.set("limit", std::to_string(kBulkApprovalLimit));
  page.set("pending", rows);
}

std::string ApprovalNotice(int64_t pending_id, const Result<ChangeOutcome>& outcome) {
  if (outcome) {
    return "仮登録 " + std::to_string(pending_id) + " を本登録しました（異動 " +
           std::to_string(outcome->change.change_id) + "）。";
  }
  return "仮登録 " + std::to_string(pending_id) +
         " は本登録できませんでした: " + MessageJa(outcome.error()) + " [" +
         outcome.error().rule_id + "]";
}

}  // namespace jrr::web
