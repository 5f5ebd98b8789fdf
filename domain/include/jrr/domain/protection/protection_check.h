// SPDX-License-Identifier: Apache-2.0
//
// 抑止・支援措置の表示と判定 — ProtectionNotice, NoticeFor, CheckBlocks: what a viewer may learn of
// a person's protection, and whether a block refuses an operation (JK-2.2.4, 3.1). Pure; the gate
// (access/resident_access.h) and the 異動 engine both use them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/protection/protection.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

// What a screen must show about a person's protection (JK-2.2.4, 3.1). Everyone who may see the
// person learns that a restriction applies (`restricted`, the marker 抑止対象); only a holder of
// the 支援措置 permission learns that it is a 支援措置 and its kind, state, period alerts and ids.
// A clerk listing people by a broad search can therefore not tell a DV target from any other 抑止.
struct ProtectionNotice {
  bool restricted = false;  // a 支援措置 or a block in force applies
  bool support_target = false;  // 支援措置期間中 or 仮支援措置期間中 (支援措置 permission only)
  bool provisional = false;  // likewise
  // 支援措置対象者（DV） for the 支援措置 permission; 抑止対象 for everyone else.
  std::string marker;
  std::vector<std::string>
      alerts;  // rule ids support.expiring, support.expired (支援措置 permission only)
  std::vector<int64_t> measure_ids;       // only for the 支援措置 permission
  std::vector<GuardedOperation> blocked;  // operations under a block in force (抑止対象)
  bool any() const { return restricted; }
};

inline constexpr std::string_view kRestrictedMarker = "抑止対象";

// The protection notice for one person on `today`, as `viewer` may see it. Pure.
ProtectionNotice NoticeFor(const Viewer& viewer, const std::vector<SupportMeasure>& measures,
                           const std::vector<Block>& blocks);

// Checks the blocks on one operation (JK-3.1): an エラー block refuses (protection.blocked), an
// アラート block needs protection.alert acknowledged; a running release granted to this
// operator for that block lets them through. Pure.
// The detail of every protection.blocked refusal for `operation`: it names no person and no block.
std::string BlockedDetail(GuardedOperation operation);
Status CheckBlocks(const std::vector<Block>& blocks, const std::vector<TemporaryRelease>& releases,
                   GuardedOperation operation, CalendarDate today,
                   const std::vector<std::string>& acknowledged);

}  // namespace jrr
