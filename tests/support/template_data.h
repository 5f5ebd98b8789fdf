// SPDX-License-Identifier: Apache-2.0
//
// Reading a presenter's template data in a test: the text of a field, empty when it is absent or
// not text; whether a flag is set (present and true).
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

namespace jrr::testing {

inline std::string TemplateText(const kainjow::mustache::data& d, const std::string& name) {
  const kainjow::mustache::data* found = d.get(name);
  return found != nullptr && found->is_string() ? found->string_value() : std::string();
}

inline bool TemplateFlag(const kainjow::mustache::data& d, const std::string& name) {
  const kainjow::mustache::data* found = d.get(name);
  return found != nullptr && found->is_true();
}

}  // namespace jrr::testing
