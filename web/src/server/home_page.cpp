// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/web/core/http_status_for.h"
#include "server/endpoints.h"
#include "server/page.h"
#include "server/screen.h"

namespace jrr::web {
namespace {

using kainjow::mustache::data;

enum class Tool { kNone, kDate, kKanaKey, kKanjiKey, kCheckDigit };

// Shows the error in the page; the page is then sent with the error's HTTP status.
void SetError(data& page, const Error& error, int& http_status) {
  http_status = HttpStatusFor(error.code);
  data error_data;
  error_data.set("message_ja", MessageJa(error));
  error_data.set("rule_id", error.rule_id);
  page.set("error", error_data);
}

void AddCheckDigitKinds(data& page, const std::string& selected) {
  static constexpr std::pair<std::string_view, std::string_view> kKinds[] = {
      {"atena", "宛名番号"},
      {"setai", "世帯番号"},
      {"jumin-code", "住民票コード"},
      {"kojin", "個人番号"},
      {"dantai", "地方公共団体コード"}};
  data list{data::type::list};
  for (const auto& [value, label] : kKinds) {
    data item;
    item.set("value", std::string(value));
    item.set("label", std::string(label));
    item.set("selected", value == selected);
    list.push_back(item);
  }
  page.set("kinds", list);
}

// The register's figures and identity, as the top page shows them.
void PresentRegister(data& page, const RegisterStatus& status) {
  page.set("initialized", status.municipality.has_value());
  if (status.figures) {
    data figures;
    figures.set("residents", std::to_string(status.figures->residents));
    figures.set("foreign_residents", std::to_string(status.figures->foreign_residents));
    figures.set("households", std::to_string(status.figures->households));
    figures.set("removed", std::to_string(status.figures->removed));
    figures.set("changes", std::to_string(status.figures->changes));
    page.set("figures", figures);
  }
  if (status.municipality) {
    page.set("municipality_name", status.municipality->name);
    page.set("municipality_code", status.municipality->code.digits());
  }
  page.set("schema_version", std::to_string(status.schema_version));
}

// 日付の確認: a typed date read as the register would, in every notation.
void DateTool(data& page, const Request& request, int& http_status) {
  const std::string text = request.Query("text");
  page.set("date_text", text);
  const bool koseki = request.Query("koseki") == "1";
  page.set("koseki", koseki);
  auto explained =
      ExplainDate(text, koseki ? DatePolicy::kKosekiConsistent : DatePolicy::kCalendarOnly);
  if (!explained) {
    SetError(page, explained.error(), http_status);
    return;
  }
  data result;
  result.set("state_ja", explained->state_ja);
  result.set("wareki", explained->wareki);
  result.set("seireki", explained->seireki);
  result.set("iso", explained->iso.value_or("（暦日なし）"));
  result.set("internal_iso", explained->internal_iso.value_or("（なし）"));
  page.set("date_result", result);
}

// チェックデジット: a number's check digit, or whether it is right.
void CheckDigitTool(data& page, const Request& request, int& http_status) {
  const std::string digits = request.Query("digits");
  page.set("cd_digits", digits);
  page.set("verify", request.Query("verify") == "1");
  auto scheme = ParseCheckDigitKind(request.Query("kind"));
  if (!scheme) {
    SetError(page, scheme.error(), http_status);
    return;
  }
  auto explained = ExplainCheckDigit(*scheme, digits, request.Query("verify") == "1");
  if (!explained) {
    SetError(page, explained.error(), http_status);
    return;
  }
  data result;
  result.set("check_digit", std::to_string(explained->check_digit));
  result.set("number", explained->number);
  page.set("cd_result", result);
}

Response Page(const Request& request, const WebContext& context, Tool tool) {
  const RegisterStatus status = context.register_status(true);
  data page;
  PresentRegister(page, status);
  const std::string text = request.Query("text");
  int http_status = 200;
  switch (tool) {
    case Tool::kNone:
      break;
    case Tool::kDate:
      DateTool(page, request, http_status);
      break;
    case Tool::kKanaKey: {
      page.set("kana_text", text);
      auto key = BuildKanaKey(text);
      if (!key)
        SetError(page, key.error(), http_status);
      else
        page.set("kana_result", data("kana_key", *key));
      break;
    }
    case Tool::kKanjiKey: {
      page.set("kanji_text", text);
      auto key = BuildKanjiKey(text);
      if (!key)
        SetError(page, key.error(), http_status);
      else
        page.set("kanji_result", data("kanji_key", *key));
      break;
    }
    case Tool::kCheckDigit:
      CheckDigitTool(page, request, http_status);
      break;
  }
  AddCheckDigitKinds(page, request.Query("kind"));
  const std::string municipality = status.municipality ? status.municipality->name : "";
  return Response{http_status,
                  "text/html; charset=utf-8",
                  RenderPage("トップ", RenderTemplate("home", page), municipality),
                  {},
                  false};
}

}  // namespace

Response HomeEndpoint(const Request& r, const WebContext& c) { return Page(r, c, Tool::kNone); }
Response DateToolEndpoint(const Request& r, const WebContext& c) { return Page(r, c, Tool::kDate); }
Response KanaKeyToolEndpoint(const Request& r, const WebContext& c) {
  return Page(r, c, Tool::kKanaKey);
}
Response KanjiKeyToolEndpoint(const Request& r, const WebContext& c) {
  return Page(r, c, Tool::kKanjiKey);
}
Response CheckDigitToolEndpoint(const Request& r, const WebContext& c) {
  return Page(r, c, Tool::kCheckDigit);
}

// 操作説明 (JK-10.5): the online manual, one section a screen; every screen links to its own.
// Static and free of personal data, so it is shown without a login too.
// IMP: JK-10.5
Response HelpEndpoint(const Request&, const WebContext& context) {
  return Html(200, "操作説明（ヘルプ）", RenderTemplate("help", data{}), context);
}

}  // namespace jrr::web
