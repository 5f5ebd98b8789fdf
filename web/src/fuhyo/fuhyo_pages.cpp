// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票 on the web (issue 7): the search and view screen (/fuhyo), GET /api/v1/fuhyo (search
// with q=, one with id=) and POST /api/v1/fuhyo/notices (a 附票記載事項通知 from another system, the
// FUHYO-NOTICE/1 text as the body).
#include "jrr/domain/core/japanese_date.h"
#include "jrr/web/core/http_status_for.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/fuhyo/fuhyo_request.h"
#include "jrr/web/fuhyo/fuhyo_screen.h"
#include "jrr/web/server/router.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

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
    members +=
        JsonObject()
            .Add("member_id", m.member_id)
            .Add("name", m.DisplayName())
            .Add("family_kana", m.family_kana)
            .Add("given_kana", m.given_kana)
            .Add("birth_date", m.birth_date ? std::optional<std::string>(ToIsoString(*m.birth_date))
                                            : std::nullopt)
            .Add("sex", m.sex ? std::optional<std::string>(*m.sex == Sex::kMale ? "male" : "female")
                              : std::nullopt)
            .Add("resident_record_code", m.resident_record_code)
            .Add("overseas_voter", m.overseas_voter_municipality)
            .Add("protected_until",
                 m.protected_until ? std::optional<std::string>(ToIsoString(*m.protected_until))
                                   : std::nullopt)
            .Add("removed", m.removed)
            .Add("removal_reason", m.removal_reason)
            .AddRaw("addresses", addresses)
            .str();
  }
  members += ']';
  return JsonObject()
      .Add("fuhyo_id", f.fuhyo_id)
      .Add("state", std::string(f.state == FuhyoState::kCurrent  ? "current"
                                : f.state == FuhyoState::kClosed ? "closed"
                                                                 : "remade"))
      .Add("state_ja", std::string(FuhyoStateNameJa(f.state)))
      .Add("domicile", f.koseki.domicile)
      .Add("head_of_family", f.koseki.head_of_family)
      .AddRaw("members", members)
      .str();
}

}  // namespace

namespace {

// The 附票 screen: the search (q), one 附票 (id) with its forms, and a refusal or a done message.
Response FuhyoScreen(const Request& request, const WebContext& context, const Session& session,
                     int status, std::optional<int64_t> id, const std::optional<Error>& error,
                     const std::string& done) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("q", request.Query("q"));
  page.set("today", FormatWareki(session.viewer.today));
  if (error) page.set("error", ErrorData(*error));
  if (!done.empty()) page.set("done", done);
  if (request.HasQuery("q")) {
    auto found = context.desks->Fuhyo(
        session.viewer, [&](FuhyoDesk& desk) { return desk.Search(request.Query("q")); });
    if (!found) {
      page.set("error", ErrorData(found.error()));
      status = HttpStatusFor(found.error().code);
    } else {
      PresentFuhyoHits(page, *found);
    }
  }
  if (id) {
    auto f = context.desks->Fuhyo(session.viewer, [&](FuhyoDesk& desk) { return desk.Get(*id); });
    if (!f) {
      page.set("error", ErrorData(f.error()));
      status = HttpStatusFor(f.error().code);
    } else {
      page.set("fuhyo", PresentFuhyo(*f, session.viewer.today));
    }
  }
  return Html(status, "戸籍の附票", RenderTemplate("fuhyo", page), context);
}

std::optional<int64_t> FormId(const Request& request) {
  try {
    return std::stoll(request.Form("id"));
  } catch (const std::logic_error&) {
    return std::nullopt;
  }
}

}  // namespace

// GET /fuhyo?q=… (search) and ?id=… (one 附票 with its forms)
Response FuhyoPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  std::string done;
  if (auto kind = FuhyoEventKindFromCode(request.Query("done")); kind) {
    done = std::string(FuhyoEventNameJa(*kind)) + "を記録しました。";
  }
  return FuhyoScreen(request, context, *session, 200, IdOf(request), std::nullopt, done);
}

// POST /fuhyo/event: a 戸籍 event, 職権修正 or 支援措置 (the form names of fuhyo_request.h).
Response FuhyoEventSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "戸籍の附票");
  if (refused) return *refused;
  auto event = DecodeFuhyoEvent(FormFields(request));
  if (!event)
    return FuhyoScreen(request, context, *session, 400, FormId(request), event.error(), "");
  auto f =
      context.desks->Fuhyo(session->viewer, [&](FuhyoDesk& desk) { return desk.Record(*event); });
  if (!f)
    return FuhyoScreen(request, context, *session, HttpStatusFor(f.error().code), FormId(request),
                       f.error(), "");
  return SeeOther("/fuhyo?id=" + std::to_string(f->fuhyo_id) +
                  "&done=" + std::string(FuhyoEventCode(event->kind)));
}

// POST /fuhyo/copy → 戸籍の附票の写し (PDF)
Response FuhyoCopySubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "戸籍の附票");
  if (refused) return *refused;
  auto copy_request = DecodeFuhyoCopyRequest(FormFields(request));
  if (!copy_request)
    return FuhyoScreen(request, context, *session, 400, FormId(request), copy_request.error(), "");
  // The print items are checkboxes of their own on the screen.
  for (auto [name, slot] : {std::pair{"with-honseki", &copy_request->print_koseki},
                            {"with-jumin-code", &copy_request->print_code},
                            {"with-zaigai", &copy_request->print_overseas_voter}}) {
    if (!request.Form(name).empty()) *slot = true;
  }
  auto copy = context.fuhyo_copy(session->viewer, *copy_request);
  if (!copy)
    return FuhyoScreen(request, context, *session, HttpStatusFor(copy.error().code),
                       FormId(request), copy.error(), "");
  return PdfFile(copy->pdf, "fuhyo-" + std::to_string(copy_request->fuhyo_id) + ".pdf");
}

// GET /fuhyo/notices: the outbox (to other 本籍地) and the inbox (from 住所地)
Response FuhyoNoticesPage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  data page;
  page.set("nav", Nav(*session));
  int status = 200;
  for (bool outbox : {true, false}) {
    auto entries = context.desks->Fuhyo(session->viewer,
                                        [&](FuhyoDesk& desk) { return desk.Notices(outbox); });
    if (!entries) {
      page.set("error", ErrorData(entries.error()));
      status = HttpStatusFor(entries.error().code);
      break;
    }
    page.set(outbox ? "outbox" : "inbox", PresentFuhyoNotices(*entries, outbox));
    page.set(outbox ? "outbox_count" : "inbox_count", std::to_string(entries->size()));
  }
  return Html(status, "附票記載事項通知", RenderTemplate("fuhyo_notices", page), context);
}

Response FuhyoApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  if (auto id = IdOf(request)) {
    auto f = context.desks->Fuhyo(session->viewer, [&](FuhyoDesk& desk) { return desk.Get(*id); });
    if (!f) return RefuseSession(request, f.error());
    return JsonResponse(200, FuhyoJson(*f));
  }
  auto found = context.desks->Fuhyo(
      session->viewer, [&](FuhyoDesk& desk) { return desk.Search(request.Query("q")); });
  if (!found) return RefuseSession(request, found.error());
  return JsonResponse(200, JsonObject().AddRaw("fuhyo", JsonArray(*found, FuhyoJson)).str());
}

Response FuhyoNoticeApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto receipt = context.desks->Fuhyo(session->viewer,
                                      [&](FuhyoDesk& desk) { return desk.Receive(request.body); });
  if (!receipt) return RefuseSession(request, receipt.error());
  const int status = receipt->duplicate ? 200 : receipt->outcome == "applied" ? 201 : 422;
  return JsonResponse(status, JsonObject()
                                  .Add("duplicate", receipt->duplicate)
                                  .Add("outcome", receipt->outcome)
                                  .Add("reply", receipt->reply)
                                  .str());
}

// POST /api/v1/fuhyo/events: {"kind": "nyuseki", "id": "3", "family": …} → 201 with the 附票
Response FuhyoEventsApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto event = DecodeFuhyoEventJson(request.body);
  if (!event) return ErrorResponse(request, event.error());
  auto f =
      context.desks->Fuhyo(session->viewer, [&](FuhyoDesk& desk) { return desk.Record(*event); });
  if (!f) return RefuseSession(request, f.error());
  return JsonResponse(201, FuhyoJson(*f));
}

// GET /api/v1/fuhyo/notices?box=outbox|inbox
Response FuhyoNoticesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  const std::string box = request.Query("box").empty() ? "outbox" : request.Query("box");
  if (box != "outbox" && box != "inbox") {
    return ErrorResponse(request, MakeError(ErrorCode::kInvalidInput, "fuhyo.unknown_box", box));
  }
  auto entries = context.desks->Fuhyo(
      session->viewer, [&](FuhyoDesk& desk) { return desk.Notices(box == "outbox"); });
  if (!entries) return RefuseSession(request, entries.error());
  std::string list = "[";
  for (const FuhyoNoticeEntry& e : *entries) {
    if (list.size() > 1) list += ',';
    list += JsonObject()
                .Add("notice_id", e.notice_id)
                .Add("counterpart", e.counterpart)
                .Add("recorded_at", e.recorded_at)
                .Add("state", e.state)
                .Add("failures", static_cast<int64_t>(e.failures))
                .Add("detail", e.detail)
                .str();
  }
  list += ']';
  return JsonResponse(200, JsonObject().Add("box", box).AddRaw("notices", list).str());
}

// POST /api/v1/fuhyo/copies: {"id": "3", "requester": "self", "with": ["honseki"]} → 201 PDF
Response FuhyoCopiesApi(const Request& request, const WebContext& context) {
  auto session = SessionOf(request, context, Need::kDone);
  if (!session) return RefuseSession(request, session.error());
  auto copy_request = DecodeFuhyoCopyJson(request.body);
  if (!copy_request) return ErrorResponse(request, copy_request.error());
  auto copy = context.fuhyo_copy(session->viewer, *copy_request);
  if (!copy) return RefuseSession(request, copy.error());
  Response response =
      PdfFile(copy->pdf, "fuhyo-" + std::to_string(copy_request->fuhyo_id) + ".pdf");
  response.headers.emplace_back("X-Jrr-Sheets", std::to_string(copy->sheets));
  response.headers.emplace_back("X-Jrr-Issue-Numbers", HeaderText(copy->issue_number));
  return response;
}

}  // namespace jrr::web
