// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票 on the web (issue 7): the search and view screen (/fuhyo), GET /api/v1/fuhyo (search
// with q=, one with id=) and POST /api/v1/fuhyo/notices (a 附票記載事項通知 from another system, the
// FUHYO-NOTICE/1 text as the body).
#include "endpoints.h"

#include "jrr/domain/japanese_date.h"
#include "jrr/web/json_writer.h"
#include "jrr/web/router.h"
#include "screen.h"
#include "session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;


std::optional<int64_t> IdOf(const Request& request) {
  try {
    return std::stoll(request.Query("id"));
  } catch (const std::logic_error&) {
    return std::nullopt;
  }
}

std::string FuhyoJson(const Fuhyo& f) {
  std::string members = "[";
  for (const FuhyoMember& m : f.members) {
    std::string addresses = "[";
    for (const FuhyoAddress& a : m.addresses) {
      if (addresses.size() > 1) addresses += ',';
      addresses += JsonObject()
                       .Add("address", a.address)
                       .Add("abroad", a.abroad)
                       .Add("since", ToIsoString(a.since))
                       .Add("source", a.source)
                       .str();
    }
    addresses += ']';
    if (members.size() > 1) members += ',';
    members += JsonObject()
                   .Add("member_id", m.member_id)
                   .Add("name", m.DisplayName())
                   .Add("birth_date", m.birth_date ? std::optional<std::string>(ToIsoString(*m.birth_date)) : std::nullopt)
                   .Add("removed", m.removed)
                   .Add("removal_reason", m.removal_reason)
                   .AddRaw("addresses", addresses)
                   .str();
  }
  members += ']';
  return JsonObject()
      .Add("fuhyo_id", f.fuhyo_id)
      .Add("state", std::string(f.state == FuhyoState::kCurrent ? "current" : f.state == FuhyoState::kClosed ? "closed" : "remade"))
      .Add("domicile", f.koseki.domicile)
      .Add("head_of_family", f.koseki.head_of_family)
      .AddRaw("members", members)
      .str();
}

}  // namespace

Response FuhyoPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  page.set("q", request.Query("q"));
  int status = 200;
  if (request.HasQuery("q")) {
    auto found = context.fuhyo_search(session->viewer, request.Query("q"));
    if (!found) {
      page.set("error", ErrorData(found.error()));
      status = RefusalStatus(found.error());
    } else {
      data hits{data::type::list};
      for (const Fuhyo& f : *found) {
        data row;
        row.set("id", std::to_string(f.fuhyo_id));
        row.set("state", std::string(FuhyoStateNameJa(f.state)));
        row.set("domicile", f.koseki.domicile);
        row.set("head", f.koseki.head_of_family);
        row.set("members", std::to_string(f.members.size()));
        hits.push_back(row);
      }
      page.set("hits", hits);
      page.set("count", std::to_string(found->size()));
      page.set("searched", true);
    }
  }
  if (auto id = IdOf(request)) {
    auto f = context.fuhyo_get(session->viewer, *id);
    if (!f) {
      page.set("error", ErrorData(f.error()));
      status = RefusalStatus(f.error());
    } else {
      data one;
      one.set("id", std::to_string(f->fuhyo_id));
      one.set("state", std::string(FuhyoStateNameJa(f->state)));
      one.set("domicile", f->koseki.domicile);
      one.set("head", f->koseki.head_of_family);
      data people{data::type::list};
      for (const FuhyoMember& m : f->members) {
        data person;
        person.set("name", m.DisplayName());
        std::string facts = m.birth_date ? FormatWareki(*m.birth_date) + "生" : std::string();
        if (m.sex) facts += *m.sex == Sex::kMale ? "　男" : "　女";
        person.set("facts", facts);
        if (m.removed) person.set("removed", m.removal_reason);
        data lines{data::type::list};
        for (const FuhyoAddress& a : m.addresses) {
          data line;
          line.set("address", a.abroad ? std::string("国外転出者") : a.address);
          line.set("since", FormatWareki(a.since));
          line.set("source", a.source);
          lines.push_back(line);
        }
        person.set("addresses", lines);
        people.push_back(person);
      }
      one.set("people", people);
      page.set("fuhyo", one);
    }
  }
  return Html(status, "戸籍の附票", RenderTemplate("fuhyo", page), context);
}

Response FuhyoApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (auto id = IdOf(request)) {
    auto f = context.fuhyo_get(session->viewer, *id);
    if (!f) return RefuseSession(request, f.error());
    return JsonResponse(200, FuhyoJson(*f));
  }
  auto found = context.fuhyo_search(session->viewer, request.Query("q"));
  if (!found) return RefuseSession(request, found.error());
  std::string list = "[";
  for (const Fuhyo& f : *found) {
    if (list.size() > 1) list += ',';
    list += FuhyoJson(f);
  }
  list += ']';
  return JsonResponse(200, JsonObject().AddRaw("fuhyo", list).str());
}

Response FuhyoNoticeApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto receipt = context.fuhyo_receive(session->viewer, request.body);
  if (!receipt) return RefuseSession(request, receipt.error());
  const int status = receipt->duplicate ? 200 : receipt->outcome == "applied" ? 201 : 422;
  return JsonResponse(status, JsonObject()
                                  .Add("duplicate", receipt->duplicate)
                                  .Add("outcome", receipt->outcome)
                                  .Add("reply", receipt->reply)
                                  .str());
}

}  // namespace jrr::web
