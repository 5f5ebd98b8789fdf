// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/protection/protection_check.h"

#include <algorithm>

namespace jrr {
namespace {

bool Acknowledged(const std::vector<std::string>& acknowledged, std::string_view rule) {
  return std::find(acknowledged.begin(), acknowledged.end(), rule) != acknowledged.end();
}

}  // namespace

// IMP: JK-2.2.4
ProtectionNotice NoticeFor(const Viewer& viewer, const std::vector<SupportMeasure>& measures,
                           const std::vector<Block>& blocks) {
  ProtectionNotice notice;
  const bool may_see = viewer.Has(Permission::kSupportMeasure);
  bool supported = false;
  std::string kinds;
  for (const SupportMeasure& m : measures) {
    if (!m.Active()) continue;
    supported = true;
    if (!may_see) continue;  // nothing that tells a 支援措置 from another restriction
    notice.support_target = true;
    notice.provisional = notice.provisional || m.state != SupportState::kInForce;
    for (const std::string& alert : SupportAlerts(m, viewer.today)) notice.alerts.push_back(alert);
    notice.measure_ids.push_back(m.measure_id);
    if (!kinds.empty()) kinds += "・";
    kinds += SupportKindJa(m.kind);
    if (m.state != SupportState::kInForce) kinds += "・仮";
  }
  for (const Block& b : blocks) {
    if (BlockApplies(b, viewer.today) && std::find(notice.blocked.begin(), notice.blocked.end(),
                                                   b.operation) == notice.blocked.end()) {
      notice.blocked.push_back(b.operation);
    }
  }
  notice.restricted = supported || !notice.blocked.empty();
  if (notice.support_target) {
    notice.marker = "支援措置対象者（" + kinds + "）";
  } else if (notice.restricted) {
    notice.marker = std::string(kRestrictedMarker);
  }
  return notice;
}

std::string BlockedDetail(GuardedOperation operation) {
  return "a block on " + std::string(GuardedOperationName(operation)) +
         " covers someone this touches";
}

// IMP: JK-3.1
Status CheckBlocks(const std::vector<Block>& blocks, const std::vector<TemporaryRelease>& releases,
                   GuardedOperation operation, CalendarDate today,
                   const std::vector<std::string>& acknowledged) {
  bool alert = false;
  for (const Block& b : blocks) {
    if (b.operation != operation || !BlockApplies(b, today)) continue;
    const bool released = std::any_of(
        releases.begin(), releases.end(),
        [&](const TemporaryRelease& r) { return r.block_id && *r.block_id == b.block_id; });
    if (released) continue;
    if (b.level == BlockLevel::kError) {
      // The same words whichever person or block: the refusal must not tell two of them apart.
      return MakeError(ErrorCode::kForbidden, "protection.blocked", BlockedDetail(operation));
    }
    alert = true;
  }
  if (alert && !Acknowledged(acknowledged, "protection.alert")) {
    return MakeError(ErrorCode::kForbidden, "protection.alert",
                     "アラート: acknowledge protection.alert to proceed");
  }
  return {};
}

}  // namespace jrr
