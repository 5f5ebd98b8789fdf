// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/protection/protection_screen.h"

#include <string>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_catalog.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

std::string Day(const std::optional<CalendarDate>& d) {
  return d ? FormatWareki(*d) : std::string("—");
}

std::string_view OperationJa(GuardedOperation op) {
  switch (op) {
    case GuardedOperation::kChange:
      return "異動";
    case GuardedOperation::kIssue:
      return "証明";
    case GuardedOperation::kView:
      return "照会";
  }
  return "";
}

std::string Affairs(const SupportMeasure& m) {
  std::string affairs;
  if (m.restrict_inspection) affairs += "閲覧 ";
  if (m.restrict_copies) affairs += "住民票の写し等 ";
  if (m.restrict_fuhyo) affairs += "戸籍の附票の写し等";
  return affairs;
}

std::string Perpetrator(const SupportMeasure& m) {
  std::string perpetrator = m.perpetrator_name;
  for (const std::string* part :
       {&m.perpetrator_addressee_number, &m.perpetrator_address, &m.perpetrator_other}) {
    if (!part->empty()) {
      perpetrator += "　";
      perpetrator += *part;
    }
  }
  return perpetrator;
}

}  // namespace

data PresentBlock(const Block& b, CalendarDate today) {
  data row;
  row.set("id", std::to_string(b.block_id));
  row.set("target",
          b.addressee_number.empty() ? "世帯 " + b.household_number : "住民 " + b.addressee_number);
  row.set("operation", std::string(OperationJa(b.operation)));
  row.set("level", std::string(b.level == BlockLevel::kError ? "エラー" : "アラート"));
  row.set("period", Day(b.start) + "〜" + Day(b.end));
  row.set("state", b.ended_on ? "解除（" + FormatWareki(*b.ended_on) + "）"
                              : std::string(BlockApplies(b, today) ? "有効" : "開始前"));
  if (!b.ended_on) row.set("open", true);
  return row;
}

data PresentMeasure(const SupportMeasure& m, CalendarDate today) {
  data row;
  row.set("id", std::to_string(m.measure_id));
  row.set("state", std::string(SupportStateJa(m.state)));
  row.set("kind", std::string(SupportKindJa(m.kind)));
  if (m.state == SupportState::kProvisional || m.state == SupportState::kFormerAddress)
    row.set("provisional", true);
  row.set("applicant", m.applicant);
  row.set("period", m.state == SupportState::kProvisional ? "仮 " + Day(m.provisional_start) + "〜"
                                                          : Day(m.start) + "〜" + Day(m.end));
  if (m.state != SupportState::kEnded) row.set("open", true);
  data alerts{data::type::list};
  for (const std::string& rule : SupportAlerts(m, today)) {
    data alert;
    alert.set("message_ja", MessageJa(MakeError(ErrorCode::kRuleViolation, rule)));
    alert.set("rule_id", rule);
    alerts.push_back(alert);
  }
  row.set("alerts", alerts);
  return row;
}

data PresentMeasureVersions(const std::vector<SupportMeasure>& versions) {
  data list{data::type::list};
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const SupportMeasure& m = versions[i];
    data v;
    v.set("version", std::to_string(m.version));
    v.set("latest", i == 0);
    v.set("state", std::string(SupportStateJa(m.state)));
    v.set("kind", std::string(SupportKindJa(m.kind)));
    v.set("applicant", m.applicant);
    data co{data::type::list};
    for (const auto& c : m.co_protected) {
      data person;
      person.set("atena", c.addressee_number);
      person.set("relation", c.relation);
      co.push_back(person);
    }
    v.set("co", co);
    v.set("start", Day(m.start));
    v.set("end", Day(m.end));
    if (m.provisional_start) v.set("provisional_start", Day(m.provisional_start));
    if (m.ended_on) {
      v.set("ended", Day(m.ended_on));
      v.set("end_reason", m.end_reason);
    }
    v.set("affairs", Affairs(m));
    v.set("contact", m.contact);
    v.set("perpetrator", Perpetrator(m));
    v.set("operator", m.operator_id);
    list.push_back(v);
  }
  return list;
}

}  // namespace jrr::web
