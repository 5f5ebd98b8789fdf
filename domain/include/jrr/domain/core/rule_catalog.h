// SPDX-License-Identifier: Apache-2.0
//
// エラー・アラート項目 — RuleCatalog: every rule id jrr can return, with its severity, the section
// of the standard or the statute it comes from, and the Japanese message shown to staff
// (JK-11.1). The catalog is the one place messages are written, so the web UI, the JSON API and
// the CLI say the same thing for the same rule.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "jrr/domain/core/result.h"

namespace jrr {

// エラー refuses the operation; アラート lets it go ahead once a person has acknowledged it.
enum class Severity { kError, kAlert };

struct RuleInfo {
  std::string_view rule_id;  // stable, e.g. "date.era_overrun"
  Severity severity;
  std::string_view source;  // "JK-1.1.8", "LAW: 番号法施行令第8条", or "jrr" for input hygiene
  std::string_view message_ja;
};

// All rules, in catalog order.
std::span<const RuleInfo> AllRules();

// The rule with this id, or nullptr when the id is unknown (a programmer error: tests check that
// every id the code returns is catalogued).
const RuleInfo* FindRule(std::string_view rule_id);

// The Japanese message for an error: the catalog text, or a generic text for an unknown id.
std::string MessageJa(const Error& error);

}  // namespace jrr
