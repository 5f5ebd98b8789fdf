// SPDX-License-Identifier: Apache-2.0
//
// 抑止・支援措置の管理画面 (JK-3.1, 3.4, 1.1.16): /protection?person=… lists the person's and the
// household's 抑止 and the person's 支援措置, with forms to set, end and temporarily release a 抑止
// and to register, start, extend, end and release a 支援措置. Everything goes through
// ProtectionDesk, which checks 抑止 / 抑止の一時解除 / 支援措置 permissions and logs each action;
// the forms use the names of protection_request.h, as `jrr block` and `jrr support` do.
#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/protection/protection_request.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

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

Response ProtectionScreen(const Request& request, const WebContext& context, const Session& session,
                          int status, const std::string& person, const std::optional<Error>& error,
                          const std::string& done) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("person", person);
  page.set("today", FormatWareki(session.viewer.today));
  if (error) page.set("error", ErrorData(*error));
  if (!done.empty()) page.set("done", done);
  if (person.empty())
    return Html(status, "抑止・支援措置", RenderTemplate("protection", page), context);
  // The household, when this clerk may look the person up (a 照会抑止 does not hide the 抑止 list).
  std::string household = request.Query("household");
  if (auto view = context.view_person(session.viewer, person, AsOfQuery{}, {}); view) {
    household = view->record.household_number;
    page.set("name", view->record.DisplayName());
  }
  page.set("household", household);
  context.desks->Protection(session.viewer, [&](ProtectionDesk& desk) {
    data blocks{data::type::list};
    auto add = [&](const Block& b) {
      data row;
      row.set("id", std::to_string(b.block_id));
      row.set("target", b.addressee_number.empty() ? "世帯 " + b.household_number
                                                   : "住民 " + b.addressee_number);
      row.set("operation", std::string(OperationJa(b.operation)));
      row.set("level", std::string(b.level == BlockLevel::kError ? "エラー" : "アラート"));
      row.set("period", Day(b.start) + "〜" + Day(b.end));
      row.set("state",
              b.ended_on ? "解除（" + FormatWareki(*b.ended_on) + "）"
                         : std::string(BlockApplies(b, session.viewer.today) ? "有効" : "開始前"));
      if (!b.ended_on) row.set("open", true);
      blocks.push_back(row);
    };
    auto own = desk.BlocksFor(person, "");
    if (!own) {
      page.set("blocks_refused", ErrorData(own.error()));
      return;
    }
    for (const Block& b : *own) add(b);
    if (!household.empty()) {
      if (auto whole = desk.BlocksFor("", household)) {
        for (const Block& b : *whole) add(b);
      }
    }
    page.set("has_blocks", !blocks.is_empty_list());
    page.set("blocks", blocks);
    auto measures = desk.MeasuresFor(person);
    if (!measures) {
      page.set("support_refused", ErrorData(measures.error()));
      return;
    }
    page.set("support_allowed", true);
    data list{data::type::list};
    for (const SupportMeasure& m : *measures) {
      data row;
      row.set("id", std::to_string(m.measure_id));
      row.set("state", std::string(SupportStateJa(m.state)));
      row.set("kind", std::string(SupportKindJa(m.kind)));
      if (m.state == SupportState::kProvisional || m.state == SupportState::kFormerAddress)
        row.set("provisional", true);
      row.set("applicant", m.applicant);
      row.set("period", m.state == SupportState::kProvisional
                            ? "仮 " + Day(m.provisional_start) + "〜"
                            : Day(m.start) + "〜" + Day(m.end));
      if (m.state != SupportState::kEnded) row.set("open", true);
      data alerts{data::type::list};
      for (const std::string& rule : SupportAlerts(m, session.viewer.today)) {
        alerts.push_back(ErrorData(MakeError(ErrorCode::kRuleViolation, rule)));
      }
      row.set("alerts", alerts);
      list.push_back(row);
    }
    page.set("measures", list);
  });
  return Html(status, "抑止・支援措置", RenderTemplate("protection", page), context);
}

}  // namespace

// GET /protection?person=…
Response ProtectionPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return ProtectionScreen(request, context, *session, 200, request.Query("person"), std::nullopt,
                          request.Query("done").empty() ? std::string() : "記録しました。");
}

// POST /protection: action = block-add, block-end, block-release, support-add, support-start,
// support-extend, support-end, support-release.
Response ProtectionSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "抑止・支援措置");
  if (refused) return *refused;
  // The screen to return to: a 宛名番号, nothing else (it goes into the Location header).
  std::string person = request.Form("return-person");
  if (person.size() > 16 || person.find_first_not_of("0123456789") != std::string::npos)
    person.clear();
  Status outcome;
  context.desks->Protection(session->viewer, [&](ProtectionDesk& desk) {
    if (auto done = ApplyProtectionAction(desk, FormFields(request), session->viewer.today); !done)
      outcome = done.error();
  });
  if (!outcome) {
    return ProtectionScreen(request, context, *session, HttpStatusFor(outcome.error().code), person,
                            outcome.error(), "");
  }
  return SeeOther("/protection?person=" + person + "&done=" + request.Form("action"));
}

}  // namespace jrr::web
