// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/seals/seal_screen.h"

#include <cstdio>

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

std::string Progress(const SealRegistration& r) {
  std::string progress = "申請 " + FormatWareki(r.applied_on);
  if (r.state == SealState::kInquiry && r.inquiry_deadline)
    progress += "／回答期限 " + FormatWareki(*r.inquiry_deadline);
  if (r.registered_on) progress += "／登録 " + FormatWareki(*r.registered_on);
  if (r.ended_on) progress += "／" + r.end_reason + " " + FormatWareki(*r.ended_on);
  return progress;
}

}  // namespace

void PresentSealEntries(data& page, const std::vector<SealRegistration>& entries,
                        const std::string& csrf, const std::string& person) {
  data rows{data::type::list};
  for (const SealRegistration& r : entries) {
    data row;
    row.set("id", std::to_string(r.registration_id));
    row.set("state", std::string(SealStateNameJa(r.state)));
    row.set("number", r.registration_number);
    row.set("card", r.card_number);
    row.set("form", std::string(SealNameFormNameJa(r.name_form)));
    row.set("name", r.registered_name);
    char size[32];
    std::snprintf(size, sizeof size, "%.1f mm", r.impression.smallest_square_mm);
    row.set("size", std::string(size));
    row.set("progress", Progress(r));
    row.set("inquiry", r.state == SealState::kInquiry);
    row.set("active", r.Active());
    row.set("csrf", csrf);
    row.set("person", person);
    rows.push_back(row);
  }
  page.set("entries", rows);
  page.set("count", std::to_string(entries.size()));
  page.set("has_entries", !entries.empty());
}

std::string SealAppliedMessage(const SealRegistration& applied) {
  return applied.Active()
             ? "印鑑を登録しました（登録番号 " + applied.registration_number + "、登録証 " +
                   applied.card_number + "）。印鑑登録証を交付してください。"
             : "照会中として受け付けました（受付 " + std::to_string(applied.registration_id) +
                   "）。照会書を印刷して送付してください。";
}

std::string SealStepMessage(const SealRegistration& done) {
  return "受付 " + std::to_string(done.registration_id) + " を「" +
         std::string(SealStateNameJa(done.state)) + "」にしました。";
}

}  // namespace jrr::web
