// SPDX-License-Identifier: Apache-2.0
//
// HTML pages from the mustache templates in web/templates (kainjow::mustache, which escapes every
// {{value}}; only {{{content}}}, the page body we rendered ourselves, is inserted raw).
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>

#include "jrr/web/server/web_context.h"

namespace jrr::web {

// Renders the named template ("home", "error") with `data`.
std::string RenderTemplate(std::string_view name, const kainjow::mustache::data& data);

// Wraps a rendered body in the layout. `municipality` is shown in the header.
std::string RenderPage(std::string_view title, const std::string& content,
                       std::string_view municipality);

}  // namespace jrr::web
