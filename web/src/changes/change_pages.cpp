// SPDX-License-Identifier: Apache-2.0
//
// 異動の入力画面 (JK-4, 4.0.9, 11.1): one screen per 異動 type at /change?type=…&atena=…, posting
// the JSON names of the API (change_form.h) so ChangeDesk checks them the same way.
//   入力確認 (mode=check)   nothing is recorded: the versions the 異動 would write are shown; an
//                          エラー is refused with its message; an アラート comes back with a box
//                          to acknowledge it, then the check runs again
//   登録 (mode=record)      the 異動 in one transaction
//   仮登録 (mode=provisional) into the 仮登録 list for 本登録 by someone with that permission
//   修正 (mode=edit)        back to the form with what was entered
#include <algorithm>
#include <map>
#include <set>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/web/changes/change_form.h"
#include "jrr/web/changes/change_json.h"
#include "jrr/web/changes/change_screen.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/screen.h"
#include "server/session_guard.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

// One screen. Most post a 異動 of the same JSON type; 在留資格等の変更 is a 修正 (CorrectionCommand
// with the foreign-resident items) on a screen of its own.
enum class Members {
  kNone,     // no list of people
  kLiving,   // the household as it is now: 異動者 are ticked from it
  kRemoved,  // the household's 除票: 転入通知の受理, 転出の変更
};
struct ChangeType {
  const char* code;       // the screen
  const char* json_type;  // the 異動's "type" in the JSON
  const char* name_ja;
  Members members;
  bool domicile_fields =
      false;  // has 本籍・筆頭者 fields (their candidates come from the household)
};
constexpr ChangeType kTypes[] = {
    {"within_move", "within_move", "転居", Members::kLiving},
    {"move_out", "move_out", "転出", Members::kLiving},
    {"separation", "separation", "世帯分離", Members::kLiving},
    {"head_change", "head_change", "世帯主変更", Members::kNone},
    {"birth", "birth", "出生", Members::kNone, true},
    {"death", "death", "死亡", Members::kNone},
    {"move_in", "move_in", "転入（法第30条の46・47を含む）", Members::kNone, true},
    {"correction", "correction", "修正（職権修正・誤記修正・軽微な修正）", Members::kNone, true},
    {"name_item", "name_item", "旧氏・通称の記載・変更・削除", Members::kNone},
    {"nationality_change", "nationality_change", "帰化・国籍取得・国籍喪失", Members::kNone, true},
    {"foreign_items", "correction", "在留資格等の変更（出入国在留管理庁長官通知等）",
     Members::kNone},
    {"household_join", "household_join", "世帯合併", Members::kLiving},
    {"ex_officio_removal", "ex_officio_removal", "職権消除", Members::kLiving},
    {"move_in_notice", "move_in_notice", "転入通知の受理", Members::kRemoved},
    {"move_out_amendment", "move_out_amendment", "転出の変更（転出予定日・転出先）",
     Members::kRemoved},
    {"cancellation", "cancellation", "異動の取消し", Members::kLiving},
    {"remaking", "remaking", "改製（住民票の作り直し）", Members::kLiving},
    {"address_renaming", "address_renaming",
     "住所の変更（住居表示の実施・地番や町字の変更、軽微な修正）", Members::kNone},
    {"domicile_renaming", "domicile_renaming", "本籍の変更（地番の変更等）", Members::kNone},
};

const ChangeType* TypeOf(const std::string& code) {
  for (const ChangeType& t : kTypes) {
    if (code == t.code) return &t;
  }
  return nullptr;
}

// The JSON names of the 法第30条の45 categories, by their number (ForeignCategory).
std::string CategoryKey(int category) {
  static const char* const kKeys[] = {"",
                                      "mid_to_long_term",
                                      "special_permanent",
                                      "temporary_refuge",
                                      "provisional_stay",
                                      "transitional"};
  return category >= 1 && category <= 5 ? kKeys[category] : "";
}

// The 転入 form's fields from a 転出証明書 (or 転出証明書情報): its people, the 転入前住所, and today
// as 届出日 for the clerk to change. The 異動日 stays blank: the clerk enters it (JK-4.0.3).
Fields MoveInFieldsFrom(const MoveOutCertificate& certificate, CalendarDate today) {
  Fields loaded{{"type", "move_in"}};
  for (std::size_t i = 0; i < certificate.persons.size(); ++i) {
    const MoveOutPerson& p = certificate.persons[i];
    const std::string at = "persons." + std::to_string(i) + ".";
    for (auto [key, value] :
         {std::pair{"family_name", p.family_name},
          {"given_name", p.given_name},
          {"family_kana", p.family_kana},
          {"given_kana", p.given_kana},
          {"birth_date", p.birth_date ? ToIsoString(*p.birth_date) : p.birth_text},
          {"sex", std::string(p.sex == Sex::kMale ? "男" : "女")},
          {"relationship", p.relationship},
          {"domicile.place", p.domicile},
          {"domicile.head_of_family", p.head_of_family},
          {"resident_record_code", p.resident_record_code},
          {"individual_number", p.individual_number}}) {
      loaded.emplace_back(at + key, value);
    }
  }
  loaded.emplace_back("previous_address.text", certificate.persons.front().previous_address);
  loaded.emplace_back("notification_date", FormatWareki(today));
  return loaded;
}

// What the form carries from one round to the next: the 異動者 ticked, the 続柄 entered, and the
// 本籍・筆頭者 to offer (JK-4.0.6).
struct FormState {
  std::set<std::string> movers;
  std::map<std::string, std::string> relationships;  // 異動後の続柄 by 宛名番号
  std::vector<std::string> places, heads;
  void Offer(std::vector<std::string>& list, const std::string& value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
      list.push_back(value);
  }
};

// The type's own parts of the form: its name, and whether it may be asked for (申出による職権記載等,
// JK-4.2.0.5, 4.6.1.1) or done 職権 (届出の準用, JK-4.2.0.2; 転入 has its own 職権記載).
void PresentType(data& page, const ChangeType& type) {
  page.set("type", std::string(type.code));
  page.set("json_type", std::string(type.json_type));
  page.set("type_name", std::string(type.name_ja));
  page.set(std::string("t_") + type.code, true);
  for (const char* code : {"correction", "foreign_items", "ex_officio_removal", "cancellation"}) {
    if (std::string(type.code) == code) page.set("may_be_requested", true);
  }
  for (const char* code :
       {"within_move", "move_out", "separation", "household_join", "head_change"}) {
    if (std::string(type.code) == code) page.set("may_be_ex_officio", true);
  }
}

// What was entered, back in its fields; the アラート already acknowledged.
void PresentEntered(data& page, const Fields& fields, FormState& state) {
  std::set<std::string> acknowledged;
  for (const auto& [name, value] : fields) {
    if (name.starts_with("relationships.")) state.relationships[name.substr(14)] = value;
    if (name == "movers:list" || name == "persons:list")
      state.movers.insert(value);
    else if (name == "acknowledged_alerts:list")
      acknowledged.insert(value);
    else
      page.set(ValueKey(name), value);
    if ((name == "kind" || name == "reason") && !value.empty()) page.set("sel_" + value, true);
    if (name.ends_with("domicile.place")) state.Offer(state.places, value);
    if (name.ends_with("domicile.head_of_family")) state.Offer(state.heads, value);
  }
  data acks{data::type::list};
  for (const std::string& rule : acknowledged) {
    if (rule.empty()) continue;
    data row;
    row.set("rule", rule);
    acks.push_back(row);
  }
  page.set("acknowledged", acks);
}

// The 町字 of the address dictionary: with one loaded, a 住所 here is chosen by its code.
void PresentAreas(data& page, const WebContext& context, const Fields& fields) {
  std::string chosen_area;
  for (const auto& [name, value] : fields) {
    if (name == "new_address.code" || name == "after.code") chosen_area = value;
  }
  data areas{data::type::list};
  for (const AddressArea& area :
       context.address_areas ? context.address_areas() : std::vector<AddressArea>{}) {
    data row;
    row.set("code", area.address_code);
    row.set("text", area.text);
    if (area.address_code == chosen_area) row.set("selected", true);
    areas.push_back(row);
  }
  page.set("areas", areas);
}

// 方書入力補助 (JK-4.0.7): with a 町字 and 番地 entered, the 方書 registered there.
void PresentKatagaki(data& page, const WebContext& context, const Fields& fields) {
  std::string area_code, banchi;
  for (const auto& [name, value] : fields) {
    if (name == "new_address.code") area_code = value;
    if (name == "new_address.banchi") banchi = value;
  }
  data katagaki_list{data::type::list};
  if (!area_code.empty() && !banchi.empty() && context.katagaki_for) {
    for (const std::string& k : context.katagaki_for(area_code, banchi))
      katagaki_list.push_back(data(k));
  }
  page.set("katagaki_candidates", katagaki_list);
}

// The person the screen was opened from, through the gate: their household, for the 異動者 and
// the numbers, and the 本籍 known — their address and previous address, the 本籍 of the
// household's members (the head's first) — with the 筆頭者 that go with them (JK-4.0.6).
void PresentOpenedFrom(data& page, int& status, const WebContext& context, const Session& session,
                       const ChangeType& type, const std::string& atena, const Fields& fields,
                       FormState& state) {
  auto view = context.view_person(session.viewer, atena, AsOfQuery{}, {});
  if (!view) {
    page.set("error", ErrorData(view.error()));
    status = HttpStatusFor(view.error().code);
    return;
  }
  const ResidentRecord& r = view->record;
  state.Offer(state.places, r.address.text + r.address.banchi);
  state.Offer(state.places, r.previous_address.text + r.previous_address.banchi);
  if (r.domicile.state == Domicile::State::kRecorded) {
    state.Offer(state.places, r.domicile.place);
    state.Offer(state.heads, r.domicile.head_of_family);
  }
  // One search of the household serves the 異動者 list and the 本籍 candidates.
  std::vector<SearchHit> living, removed;
  if (type.members != Members::kNone || type.domicile_fields) {
    if (auto members = HouseholdMembers(context, session.viewer, r.household_number)) {
      for (SearchHit& hit : *members) {
        (hit.record.status == ResidentStatus::kResident ? living : removed)
            .push_back(std::move(hit));
      }
    }
  }
  for (const SearchHit& hit : living) {
    if (hit.record.domicile.state != Domicile::State::kRecorded) continue;
    state.Offer(state.places, hit.record.domicile.place);
    state.Offer(state.heads, hit.record.domicile.head_of_family);
  }
  for (const SearchHit& hit : living) state.Offer(state.heads, hit.record.DisplayName());
  page.set("person_name", r.DisplayName());
  page.set("person_address", r.address.Printed());
  page.set("household", r.household_number);
  if (fields.empty()) {
    PresentRecordPrefill(page, r);
    state.movers.insert(r.addressee_number);
  } else {
    for (const auto& [name, value] : fields) {
      if (name == "fields.foreign.category" || name == "foreign.category") {
        for (int c = 1; c <= 5; ++c) {
          if (value == CategoryKey(c)) page.set("category_" + std::to_string(c), true);
        }
      }
    }
  }
  if (type.members != Members::kNone) {
    page.set("members", PresentMovers(type.members == Members::kRemoved ? removed : living,
                                      state.movers, state.relationships));
  }
}

// The form, filled with `fields` (what was entered) or with the person's own data.
// IMP: JK-2.3.1
Response ChangeForm(const Request& request, const WebContext& context, const Session& session,
                    int status, const std::string& type_code, const Fields& fields,
                    const std::optional<Error>& error,
                    const std::optional<std::string>& alert_to_acknowledge) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  data types{data::type::list};
  for (const ChangeType& t : kTypes) {
    data row;
    row.set("code", std::string(t.code));
    row.set("name", std::string(t.name_ja));
    if (type_code == t.code) row.set("selected", true);
    types.push_back(row);
  }
  page.set("types", types);
  const ChangeType* type = TypeOf(type_code);
  std::string atena = request.Query("atena");
  for (const auto& [name, value] : fields) {
    if (name == "atena") atena = value;
  }
  page.set("atena", atena);
  if (error) page.set("error", ErrorData(*error));
  if (alert_to_acknowledge) {
    data alert = ErrorData(MakeError(ErrorCode::kRuleViolation, *alert_to_acknowledge));
    page.set("alert", alert);
  }
  if (type == nullptr) return Html(status, "異動の入力", RenderTemplate("change", page), context);
  PresentType(page, *type);
  // JK-4.0.3: the 異動日 starts blank, so a 異動 is never recorded on today's date by default;
  // the 届出日 starts as today (the usual case), the 処理日 is always today.
  page.set(ValueKey("notification_date"), FormatWareki(session.viewer.today));
  page.set("processing_date", FormatWareki(session.viewer.today));
  FormState state;
  PresentEntered(page, fields, state);
  // 転入: one block of fields a person (persons.N.…), at least one.
  if (std::string(type->code) == "move_in") PresentNewcomers(page, fields);
  PresentAreas(page, context, fields);
  if (!atena.empty())
    PresentOpenedFrom(page, status, context, session, *type, atena, fields, state);
  PresentKatagaki(page, context, fields);
  PresentCandidates(page, state.places, state.heads);
  return Html(status, "異動の入力（" + std::string(type->name_ja) + "）",
              RenderTemplate("change", page), context);
}

// The 入力確認 page: what the 異動 would write, and the same fields carried to 登録 or 仮登録.
Response Confirmation(const WebContext& context, const Session& session, const ChangeType& type,
                      const Fields& fields, const ChangeOutcome& outcome) {
  data page;
  page.set("nav", Nav(session));
  page.set("csrf", session.csrf_token);
  page.set("type_name", std::string(type.name_ja));
  page.set("reason", std::string(InfoOf(outcome.change.reason).name_ja));
  data versions{data::type::list};
  for (const ResidentRecord& v : outcome.versions) {
    data row;
    row.set("atena", v.addressee_number);
    row.set("name", v.DisplayName());
    row.set("relationship", v.relationship.Text());
    row.set("address",
            v.status == ResidentStatus::kResident ? v.address.Printed() : std::string("（消除）"));
    row.set("household", v.household_number);
    row.set("history", std::to_string(v.history_number));
    row.set("glyphs", NameGlyphs(v.family_name + v.given_name));  // JK-2.2.3 on input
    versions.push_back(row);
  }
  page.set("versions", versions);
  data carry{data::type::list};
  for (const auto& [name, value] : fields) {
    if (name == "csrf" || name == "mode") continue;
    data row;
    row.set("name", name);
    row.set("value", value);
    carry.push_back(row);
  }
  page.set("carry", carry);
  data notices{data::type::list};
  for (const std::string& rule : outcome.notices)
    notices.push_back(ErrorData(MakeError(ErrorCode::kRuleViolation, rule)));
  page.set("notices", notices);
  return Html(200, "入力確認（" + std::string(type.name_ja) + "）",
              RenderTemplate("change_confirm", page), context);
}

}  // namespace

// GET /change?type=within_move&atena=…
Response ChangePage(const Request& request, const WebContext& context) {
  std::optional<Response> redirect;
  auto session = LoggedIn(request, context, redirect);
  if (redirect) return *redirect;
  return ChangeForm(request, context, *session, 200, request.Query("type"), {}, std::nullopt,
                    std::nullopt);
}

// 転出証明書の二次元コード, as a reader types it, or — 特例転入 (JK-4.1.1.3) — a 転出証明書情報
// received over CS, or CSV形式のデータ (JK-10.8): the 転入 form filled with its people, to be
// checked and corrected.
Response LoadMoveIn(const Request& request, const WebContext& context, const Session& session,
                    const std::string& mode) {
  if (mode == "load-certificate" || mode == "load-cs") {
    std::string text = request.Form("certificate");
    std::string information;
    if (mode == "load-cs") {
      information = request.Form("cs_id");
      auto waiting = context.desks->Cs(session.viewer,
                                       [](CsDesk& desk) { return desk.Messages(false, true); });
      if (!waiting)
        return ChangeForm(request, context, session, 403, "move_in", {}, waiting.error(),
                          std::nullopt);
      const auto found = std::find_if(waiting->begin(), waiting->end(),
                                      [&](const CsEntry& e) { return e.notice_id == information; });
      if (found == waiting->end()) {
        return ChangeForm(
            request, context, session, 404, "move_in", {},
            MakeError(ErrorCode::kNotFound, "cs.move_out_information_unknown", information),
            std::nullopt);
      }
      text = found->body;
    }
    auto certificate = DecodeMoveOutData(text);
    if (!certificate)
      return ChangeForm(request, context, session, 400, "move_in", {}, certificate.error(),
                        std::nullopt);
    Fields loaded = MoveInFieldsFrom(*certificate, session.viewer.today);
    if (!information.empty()) {
      loaded.emplace_back("move_out_information", information);
      loaded.emplace_back("note", "特例転入（" + certificate->from_name +
                                      "から受信した転出証明書情報 " + information + "）");
    } else {
      loaded.emplace_back("note", "転出証明書（" + certificate->from_name + "、" +
                                      FormatWareki(certificate->issued) + "発行）による");
    }
    return ChangeForm(request, context, session, 200, "move_in", loaded, std::nullopt,
                      std::nullopt);
  }
  // load-csv
  auto loaded = MoveInFieldsFromCsv(request.Form("csv"));
  if (!loaded)
    return ChangeForm(request, context, session, 400, "move_in", {}, loaded.error(), std::nullopt);
  return ChangeForm(request, context, session, 200, "move_in", *loaded, std::nullopt, std::nullopt);
}

// 一括入力 (JK-4.0.10): one more 転入者, with the 氏, its 振り仮名, 本籍・筆頭者 and the kind of
// resident of the one entered last (the dates and the addresses are the 異動's, shared).
void AddPerson(Fields& fields) {
  int last = -1;
  for (const auto& [name, value] : fields) {
    if (!name.starts_with("persons.")) continue;
    const std::size_t dot = name.find('.', 8);
    if (dot != std::string::npos && dot - 8 <= 2 &&
        name.find_first_not_of("0123456789", 8) == dot) {
      last = std::max(last, std::stoi(name.substr(8, dot - 8)));
    }
  }
  if (last >= 0 && last < 49) {
    const std::string from = "persons." + std::to_string(last) + ".";
    const std::string to = "persons." + std::to_string(last + 1) + ".";
    Fields copied;
    for (const auto& [name, value] : fields) {
      if (!name.starts_with(from)) continue;
      const std::string key = name.substr(from.size());
      if (key == "family_name" || key == "family_kana" || key == "domicile.place" ||
          key == "domicile.head_of_family" || key == "kind" || key == "foreign.nationality") {
        copied.emplace_back(to + key, value);
      }
    }
    if (copied.empty()) copied.emplace_back(to + "family_name", "");
    fields.insert(fields.end(), copied.begin(), copied.end());
  }
}

// POST /change: 入力確認, 登録, 仮登録 or back to the form.
Response ChangeSubmit(const Request& request, const WebContext& context) {
  std::optional<Response> refused;
  auto session = Acting(request, context, refused, "異動の入力");
  if (refused) return *refused;
  Fields fields;
  for (auto& field : request.FormPairs()) {
    if (field.first != "csrf" && field.first != "mode") fields.push_back(std::move(field));
  }
  // The screen names itself; a post without one (an older form, a script) names the 異動 type.
  std::string type_code;
  for (const auto& [name, value] : fields) {
    if (name == "screen" || (name == "type" && type_code.empty())) type_code = value;
  }
  const ChangeType* type = TypeOf(type_code);
  const std::string mode = request.Form("mode");
  if (mode == "load-certificate" || mode == "load-cs" || mode == "load-csv")
    return LoadMoveIn(request, context, *session, mode);
  if (type != nullptr && mode == "add-person") {
    AddPerson(fields);
    return ChangeForm(request, context, *session, 200, type_code, fields, std::nullopt,
                      std::nullopt);
  }
  if (type == nullptr || mode == "edit") {
    return ChangeForm(request, context, *session, type == nullptr ? 400 : 200, type_code, fields,
                      type == nullptr
                          ? std::optional<Error>(
                                MakeError(ErrorCode::kInvalidInput, "json.unknown_type", type_code))
                          : std::nullopt,
                      std::nullopt);
  }
  Fields command_fields;
  for (const auto& field : fields) {
    if (field.first != "atena" && field.first != "certificate" && field.first != "screen") {
      command_fields.push_back(
          field.first == "type" ? std::pair{field.first, std::string(type->json_type)} : field);
    }
  }
  auto json = ChangeJsonFromForm(command_fields);
  if (!json)
    return ChangeForm(request, context, *session, 400, type_code, fields, json.error(),
                      std::nullopt);
  auto command = DecodeChangeCommand(*json);
  if (!command)
    return ChangeForm(request, context, *session, 400, type_code, fields, command.error(),
                      std::nullopt);
  // An unacknowledged アラート comes back to the form with its box; an エラー with its message.
  auto refuse = [&](const Error& error) {
    const RuleInfo* rule = FindRule(error.rule_id);
    if (rule != nullptr && rule->severity == Severity::kAlert) {
      return ChangeForm(request, context, *session, 200, type_code, fields, std::nullopt,
                        error.rule_id);
    }
    return ChangeForm(request, context, *session, HttpStatusFor(error.code), type_code, fields,
                      error, std::nullopt);
  };
  if (mode == "provisional") {
    auto entered = context.desks->Changes(session->viewer, [&](ChangeDesk& desk) {
      return desk.Enter(*command, std::string(CommandType(*command)), *json);
    });
    if (!entered) return refuse(entered.error());
    return SeeOther("/pending?entered=" + std::to_string(entered->pending_id));
  }
  auto outcome = context.desks->Changes(session->viewer, [&](ChangeDesk& desk) {
    return mode == "record" ? desk.Record(*command) : desk.Check(*command);
  });
  if (!outcome) return refuse(outcome.error());
  if (mode != "record") return Confirmation(context, *session, *type, fields, *outcome);
  const std::string first =
      outcome->versions.empty() ? std::string() : outcome->versions.front().addressee_number;
  return SeeOther("/resident?atena=" + first +
                  "&recorded=" + std::to_string(outcome->change.change_id));
}

}  // namespace jrr::web
