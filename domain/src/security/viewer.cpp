// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/security/viewer.h"

#include <array>
#include <utility>

#include "core/name_table.h"

namespace jrr {
namespace {

constexpr std::array<std::pair<Permission, std::string_view>, 15> kPermissions{{
    {Permission::kView, "view"},
    {Permission::kChange, "change"},
    {Permission::kApprove, "approve"},
    {Permission::kIssue, "issue"},
    {Permission::kSupportMeasure, "support_measure"},
    {Permission::kBlock, "block"},
    {Permission::kRelease, "release"},
    {Permission::kAudit, "audit"},
    {Permission::kUserAdmin, "user_admin"},
    {Permission::kSettings, "settings"},
    {Permission::kCodeAssignment, "code_assignment"},
    {Permission::kSeeIndividualNumber, "see_individual_number"},
    {Permission::kSeeResidentRecordCode, "see_resident_record_code"},
    {Permission::kSeeDomicile, "see_domicile"},
    {Permission::kSeeResidenceStatus, "see_residence_status"},
}};

}  // namespace

std::string_view PermissionNameJa(Permission permission) {
  switch (permission) {
    case Permission::kView:
      return "照会";
    case Permission::kChange:
      return "異動入力";
    case Permission::kApprove:
      return "本登録";
    case Permission::kIssue:
      return "証明発行";
    case Permission::kSupportMeasure:
      return "支援措置";
    case Permission::kBlock:
      return "抑止";
    case Permission::kRelease:
      return "抑止の一時解除";
    case Permission::kAudit:
      return "監査ログ";
    case Permission::kUserAdmin:
      return "利用者管理";
    case Permission::kSettings:
      return "設定";
    case Permission::kCodeAssignment:
      return "住民票コード付番";
    case Permission::kSeeIndividualNumber:
      return "個人番号の表示";
    case Permission::kSeeResidentRecordCode:
      return "住民票コードの表示";
    case Permission::kSeeDomicile:
      return "戸籍の表示";
    case Permission::kSeeResidenceStatus:
      return "在留資格等の表示";
  }
  return {};
}

std::string_view PermissionName(Permission permission) {
  return name_table::NameOf(kPermissions, permission);
}

std::optional<Permission> PermissionFromName(std::string_view name) {
  return name_table::ValueOf<Permission>(kPermissions, name);
}

std::string PermissionList(const std::set<Permission>& permissions) {
  std::string text;
  for (Permission p : permissions) {
    if (!text.empty()) text += ',';
    text += PermissionName(p);
  }
  return text;
}

std::string PermissionListJa(const std::set<Permission>& permissions) {
  std::string text;
  for (Permission p : permissions) {
    if (!text.empty()) text += "・";
    text += PermissionNameJa(p);
  }
  return text;
}

std::set<Permission> PermissionsOfList(std::string_view text) {
  std::set<Permission> permissions;
  while (!text.empty()) {
    const auto comma = text.find(',');
    if (auto p = PermissionFromName(text.substr(0, comma))) permissions.insert(*p);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return permissions;
}

std::set<Permission> AllPermissions() {
  std::set<Permission> all;
  for (const auto& [p, name] : kPermissions) all.insert(p);
  return all;
}

AuditEvent EventBy(const Viewer& viewer, AuditAction action, std::string function) {
  AuditEvent event;
  event.action = action;
  event.operator_id = viewer.operator_id;
  event.terminal = viewer.terminal;
  event.place = viewer.place;
  event.function = std::move(function);
  return event;
}

// IMP: JK-10.3, JK-10.4
Status Authorize(const Viewer& viewer, Permission permission) {
  if (viewer.Has(permission)) return {};
  return MakeError(ErrorCode::kForbidden, "access.permission_denied",
                   std::string("needs ") + std::string(PermissionName(permission)));
}

}  // namespace jrr
