// SPDX-License-Identifier: Apache-2.0
//
// Reading a presenter's template data in a test: the text of a field, empty when it is absent or
// not text.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

namespace jrr::testing {

inline std::string TemplateText(const kainjow::mustache::data& d, const std::string& name) {
  const kainjow::mustache::data* found = d.get(name);
  return found != nullptr && found->is_string() ? found->string_value() : std::string();
}

}  // namespace jrr::testing
