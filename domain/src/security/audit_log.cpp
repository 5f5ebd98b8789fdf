// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/audit_log.h"

#include <array>
#include <utility>

#include "core/name_table.h"

namespace jrr {
namespace {

constexpr std::array<std::pair<AuditAction, std::string_view>, 13> kNames{{
    {AuditAction::kView, "view"},
    {AuditAction::kSearch, "search"},
    {AuditAction::kChange, "change"},
    {AuditAction::kProvisionalChange, "provisional_change"},
    {AuditAction::kWithdrawal, "withdrawal"},
    {AuditAction::kIssue, "issue"},
    {AuditAction::kExport, "export"},
    {AuditAction::kBatch, "batch"},
    {AuditAction::kLogin, "login"},
    {AuditAction::kLoginFailure, "login_failure"},
    {AuditAction::kSettingsChange, "settings_change"},
    {AuditAction::kProtection, "protection"},
    {AuditAction::kDenied, "denied"},
}};

constexpr char kSeparator = '\x1f';

}  // namespace

std::string_view AuditActionName(AuditAction action) { return name_table::NameOf(kNames, action); }

std::optional<AuditAction> AuditActionFromName(std::string_view name) {
  return name_table::ValueOf<AuditAction>(kNames, name);
}

std::string AuditCanonicalText(const AuditEntry& entry) {
  const AuditEvent& e = entry.event;
  std::string targets;
  for (const std::string& target : e.targets) {
    if (!targets.empty()) targets += ' ';
    targets += target;
  }
  const std::string sequence = std::to_string(entry.sequence);
  std::string text = "jrr-audit-1";
  for (const std::string_view field :
       {std::string_view(sequence), std::string_view(entry.occurred_at), AuditActionName(e.action),
        std::string_view(e.operator_id), std::string_view(e.terminal), std::string_view(e.place),
        std::string_view(e.function), std::string_view(targets),
        std::string_view(e.individual_number ? "1" : "0"), std::string_view(e.outcome),
        std::string_view(e.detail), std::string_view(entry.previous_hash)}) {
    text += kSeparator;
    text += field;
  }
  return text;
}

}  // namespace jrr
