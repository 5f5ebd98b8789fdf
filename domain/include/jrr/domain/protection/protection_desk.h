// SPDX-License-Identifier: Apache-2.0
//
// 抑止・支援措置の管理 — ProtectionDesk: setting and ending blocks, their 一時解除, and every step of
// a 支援措置 (JK-3.1, 3.4, 1.1.16), each checked with Authorize() and logged.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/domain/protection/protection.h"
#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

class StaffDirectory;

// 抑止 and 支援措置 management (JK-3.1, 3.4, 1.1.16). Blocks need kBlock, releases of blocks
// kRelease, everything about support measures kSupportMeasure. Every action is logged.
class ProtectionDesk {
 public:
  // With `staff`, a 一時解除 goes only to a staff user who exists and may work today (the
  // viewer themselves excepted): a release to a mistyped ID would otherwise wait for whoever
  // later gets that ID (protection.unknown_grantee).
  ProtectionDesk(ProtectionRegister& protections, AuditLog& log, Viewer viewer,
                 StaffDirectory* staff = nullptr)
      : protections_(protections), log_(log), viewer_(std::move(viewer)), staff_(staff) {}

  Result<Block> AddBlock(Block block);
  Status EndBlock(int64_t block_id);
  // 一時解除 for `grantee` for `minutes` (1–480).
  Result<TemporaryRelease> ReleaseBlock(int64_t block_id, const std::string& grantee, int minutes,
                                        const std::string& reason);
  // The blocks naming a person or a household: for the 照会 or 抑止 permission (else
  // access.permission_denied); logged.
  Result<std::vector<Block>> BlocksFor(const std::string& addressee_number,
                                       const std::string& household_number);

  Result<SupportMeasure> Register(SupportMeasure measure);
  Result<SupportMeasure> Start(int64_t measure_id, CalendarDate start,
                               std::optional<CalendarDate> end);
  Result<SupportMeasure> Extend(int64_t measure_id);
  Result<SupportMeasure> End(int64_t measure_id, const std::string& reason);
  // After review, lets `grantee` issue for the measure's people for `minutes` (1–480).
  Result<TemporaryRelease> ReleaseForIssue(int64_t measure_id, const std::string& grantee,
                                           int minutes, const std::string& reason);
  // The details database (JK-1.1.16), latest version first.
  Result<std::vector<SupportMeasure>> Details(int64_t measure_id);
  Result<std::vector<SupportMeasure>> MeasuresFor(const std::string& addressee_number);

 private:
  // Stores a 一時解除 (of the block or measure set in `release`) for `grantee` (the viewer when
  // empty) for `minutes` (1–480). Error protection.release_minutes.
  Result<TemporaryRelease> Grant(TemporaryRelease release, const std::string& grantee, int minutes,
                                 const std::string& reason);
  // The measure, after checking the 支援措置 permission (a refusal is logged).
  Result<SupportMeasure> Load(int64_t measure_id, const std::string& function);
  Result<SupportMeasure> Save(Result<SupportMeasure> next, const std::string& function);
  void Log(const std::string& function, std::vector<std::string> targets,
           const std::string& outcome, const std::string& detail);
  ProtectionRegister& protections_;
  AuditLog& log_;
  Viewer viewer_;
  StaffDirectory* staff_ = nullptr;
};

}  // namespace jrr
