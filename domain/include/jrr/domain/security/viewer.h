// SPDX-License-Identifier: Apache-2.0
//
// 操作権限 and 操作者 — Permission and Viewer: who is asking, from where, when, and what they may
// do (JK-10.3, 10.4). Authorize() is the one permission check every desk makes; EventBy() names
// the operator in an アクセスログ entry.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

// 操作権限 (JK-10.3, 10.4): independently grantable.
enum class Permission {
  kView,                   // 照会
  kChange,                 // 異動入力
  kApprove,                // 本登録
  kIssue,                  // 証明発行
  kSupportMeasure,         // 支援措置 (details, registration, release for issuance)
  kBlock,                  // 抑止 set and end
  kRelease,                // 抑止の一時解除
  kAudit,                  // 監査ログ
  kUserAdmin,              // 利用者管理
  kSettings,               // 設定
  kCodeAssignment,         // 住民票コード付番
  kSeeIndividualNumber,    // 個人番号 shown
  kSeeResidentRecordCode,  // 住民票コード shown
  kSeeDomicile,            // 戸籍の表示 shown
  kSeeResidenceStatus,  // 在留資格等 shown: 法第30条の45の区分, 在留資格, 在留期間等, 満了日, card numbers
};

std::string_view PermissionName(Permission permission);
// 照会, 異動入力, 本登録 … — as the screens label a permission.
std::string_view PermissionNameJa(Permission permission);
std::optional<Permission> PermissionFromName(std::string_view name);
std::set<Permission> AllPermissions();
// "view,change": the names joined by commas, as stored and as the API and CLI write them.
std::string PermissionList(const std::set<Permission>& permissions);
// 照会・異動入力: the Japanese names joined by ・, as the screens show them.
std::string PermissionListJa(const std::set<Permission>& permissions);
// The permissions a PermissionList text names; a name this build does not know is passed over
// (a stored text may name one that a later jrr added).
std::set<Permission> PermissionsOfList(std::string_view text);

// Who is asking, from where, and when (the domain has no clock).
struct Viewer {
  std::string operator_id;
  std::string place;
  std::string terminal;
  std::set<Permission> permissions;
  CalendarDate today;
  int64_t now_epoch_seconds = 0;
  // The request came with an API token rather than a logged-in session: it may not make tokens
  // or change the password (a leaked token must not outlive itself or take the account).
  bool by_token = false;
  bool Has(Permission p) const { return permissions.contains(p); }
};

// An アクセスログ event of `viewer` (operator, terminal, place) doing `function`.
AuditEvent EventBy(const Viewer& viewer, AuditAction action, std::string function);

// Error access.permission_denied (kRuleViolation) when the viewer lacks the permission.
Status Authorize(const Viewer& viewer, Permission permission);

}  // namespace jrr
