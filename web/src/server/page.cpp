// SPDX-License-Identifier: Apache-2.0
#include "server/page.h"

#include <stdexcept>

namespace jrr::embedded {
std::string_view template_layout();
std::string_view template_home();
std::string_view template_error();
std::string_view template_login();
std::string_view template_password();
std::string_view template_staff_nav();
std::string_view template_search();
std::string_view template_resident();
std::string_view template_enrol();
std::string_view template_pending();
std::string_view template_support();
std::string_view template_certificate();
std::string_view template_seal();
std::string_view template_fuhyo();
std::string_view template_fuhyo_notices();
std::string_view template_cs();
std::string_view template_notices();
std::string_view template_change();
std::string_view template_protection();
std::string_view template_audit();
std::string_view template_users();
std::string_view template_settings();
std::string_view template_change_confirm();
std::string_view template_help();
}  // namespace jrr::embedded

namespace jrr::web {
namespace {

std::string_view TemplateText(std::string_view name) {
  if (name == "layout") return embedded::template_layout();
  if (name == "home") return embedded::template_home();
  if (name == "error") return embedded::template_error();
  if (name == "login") return embedded::template_login();
  if (name == "password") return embedded::template_password();
  if (name == "staff_nav") return embedded::template_staff_nav();
  if (name == "search") return embedded::template_search();
  if (name == "resident") return embedded::template_resident();
  if (name == "enrol") return embedded::template_enrol();
  if (name == "pending") return embedded::template_pending();
  if (name == "support") return embedded::template_support();
  if (name == "certificate") return embedded::template_certificate();
  if (name == "seal") return embedded::template_seal();
  if (name == "fuhyo") return embedded::template_fuhyo();
  if (name == "fuhyo_notices") return embedded::template_fuhyo_notices();
  if (name == "cs") return embedded::template_cs();
  if (name == "notices") return embedded::template_notices();
  if (name == "change") return embedded::template_change();
  if (name == "protection") return embedded::template_protection();
  if (name == "audit") return embedded::template_audit();
  if (name == "users") return embedded::template_users();
  if (name == "settings") return embedded::template_settings();
  if (name == "change_confirm") return embedded::template_change_confirm();
  if (name == "help") return embedded::template_help();
  throw std::logic_error("unknown template " + std::string(name));
}

}  // namespace

std::string RenderTemplate(std::string_view name, const kainjow::mustache::data& data) {
  kainjow::mustache::mustache tmpl{std::string(TemplateText(name))};
  if (!tmpl.is_valid())
    throw std::logic_error("template " + std::string(name) + ": " + tmpl.error_message());
  return tmpl.render(data);
}

// The section of the online manual (/help, JK-10.5) for a screen, by its title.
// IMP: JK-10.5
std::string HelpSectionFor(std::string_view title) {
  static const std::pair<std::string_view, std::string_view> kSections[] = {
      {"ログイン", "login"},   {"パスワード", "login"},      {"二要素認証", "login"},
      {"住民検索", "search"},  {"住民票の照会", "resident"}, {"異動の入力", "change"},
      {"入力確認", "change"},  {"仮登録", "pending"},        {"証明書", "certificate"},
      {"印鑑", "seal"},        {"戸籍の附票", "fuhyo"},      {"附票", "fuhyo"},
      {"抑止", "protection"},  {"支援措置", "protection"},   {"アクセスログ", "audit"},
      {"利用者管理", "users"}, {"設定", "settings"},         {"CS連携", "cs"},
      {"通知書", "notices"}};
  for (const auto& [prefix, section] : kSections) {
    if (title.starts_with(prefix)) return std::string(section);
  }
  return "";
}

std::string RenderPage(std::string_view title, const std::string& content,
                       std::string_view municipality) {
  kainjow::mustache::data data;
  if (std::string section = HelpSectionFor(title); !section.empty()) data.set("help", section);
  data.set("title", std::string(title));
  data.set("content", content);
  data.set("municipality", std::string(municipality));
  data.set("version", std::string(JRR_VERSION));
  return RenderTemplate("layout", data);
}

}  // namespace jrr::web
