// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/records/settings_screen.h"

#include <sstream>

#include "jrr/domain/core/japanese_date.h"

namespace jrr::web {

using kainjow::mustache::data;

std::string MillimetreText(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

namespace {

data Certifiers(const std::vector<Certifier>& list) {
  data certifiers{data::type::list};
  for (const Certifier& c : list) {
    data row;
    row.set("role", std::string(c.role == CertifierRole::kMayor ? "市区町村長" : "職務代理者"));
    row.set("title", c.title);
    row.set("name", c.name);
    row.set("period", FormatWareki(c.from) + "〜" + (c.to ? FormatWareki(*c.to) : std::string()));
    certifiers.push_back(row);
  }
  return certifiers;
}

data Device(const char* kind, const std::string& id, const std::string& place,
            const std::string& name) {
  data row;
  row.set("kind", std::string(kind));
  row.set("id", id);
  row.set("place", place);
  row.set("name", name);
  return row;
}

}  // namespace

void PresentSettings(data& page, const SettingsView& view) {
  page.set("certifiers", Certifiers(view.certifiers));
  data places{data::type::list};
  for (const InputPlace& p : view.places) {
    data row;
    row.set("code", p.code);
    row.set("name", p.name);
    places.push_back(row);
  }
  page.set("places", places);
  data devices{data::type::list};
  for (const Terminal& t : view.terminals)
    devices.push_back(Device("端末", t.id, t.place_code, t.name));
  for (const Printer& p : view.printers)
    devices.push_back(Device("プリンタ", p.id, p.place_code, p.name));
  page.set("devices", devices);
  page.set(view.overflow == OverflowPolicy::kBlank ? "overflow_blank" : "overflow_limit", true);
  page.set("minimum_age", std::to_string(view.seal.minimum_age));
  page.set("too_small", MillimetreText(view.seal.too_small_mm));
  page.set("too_large", MillimetreText(view.seal.too_large_mm));
  page.set("inquiry_days", std::to_string(view.seal.inquiry_days));
  page.set(view.seal.end_on_planned_move_out ? "end_planned" : "end_notified", true);
  page.set(view.seal.print_sex ? "print_sex" : "no_sex", true);
}

}  // namespace jrr::web
