// SPDX-License-Identifier: Apache-2.0
//
// 抑止 and 支援措置 — what stands between a protected person and anyone who would find them.
//
// Block (抑止, JK-3.1): a dated block on one person or a whole household for one operation
// (異動入力, 証明発行, 照会) at level エラー (refuse) or アラート (warn; needs acknowledgement). A
// block stays in force after its end date until someone ends it (本解除): the end date is a
// reminder, never an automatic lapse. A temporary release (一時解除) lets one operator through
// for a set number of minutes and then reverts by itself; it is never sent to other systems.
//
// SupportMeasure (支援措置, JK-3.4, 1.1.16): a measure for a DV, stalking or abuse victim (申出者)
// and the people protected with them (併せて支援を求める者). While it is in force — or is a
// 仮支援措置 — issuing 住民票の写し and the like and 閲覧 of anything that includes them is an
// エラー that only a 支援措置 officer can release, for one issuance at a time, after review. Its
// period is one year (start 令和2年4月1日 → end 令和3年3月31日); it may be extended from one month
// before the end, by another year from the day after; it warns when the end is near or past and,
// like a block, does not lapse by itself. When the person moves out, it switches to a 仮支援措置
// kept as the former-address municipality (前住所地).
//
// Everything here is pure: the current date and time come from the caller.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"

namespace jrr {

// 抑止する処理
enum class GuardedOperation { kChange = 1, kIssue = 2, kView = 3 };
// 抑止レベル
enum class BlockLevel { kError = 1, kAlert = 2 };

std::string_view GuardedOperationName(GuardedOperation op);  // "change", "issue", "view"
std::optional<GuardedOperation> GuardedOperationFromName(std::string_view name);

struct Block {
  int64_t block_id = 0;
  std::string addressee_number;  // a person, or
  std::string household_number;  // a whole household (exactly one of the two is set)
  GuardedOperation operation = GuardedOperation::kIssue;
  BlockLevel level = BlockLevel::kError;
  CalendarDate start;
  std::optional<CalendarDate> end;       // planned end: informative only
  std::string reason;                    // free text kept with the block (never logged)
  std::optional<CalendarDate> ended_on;  // 本解除
  std::string operator_id;
};

// A block applies on `today` when it has started and has not been ended (the planned end date
// does not end it).
bool BlockApplies(const Block& block, CalendarDate today);

// 一時解除 of one block or of one support measure, for one operator until a moment in time.
struct TemporaryRelease {
  int64_t release_id = 0;
  std::optional<int64_t> block_id;
  std::optional<int64_t> measure_id;
  std::string granted_to;  // the operator who may proceed
  std::string granted_by;
  int64_t until_epoch_seconds = 0;
  std::string reason;
};

// 支援措置の区分
enum class SupportKind { kDomesticViolence = 1, kStalking = 2, kChildAbuse = 3, kOther = 4 };
std::string_view SupportKindName(SupportKind kind);  // "dv", "stalking", "abuse", "other"
std::optional<SupportKind> SupportKindFromName(std::string_view name);
// DV, ストーカー, 児童虐待, その他 — as the screens and lists show the 区分.
std::string_view SupportKindJa(SupportKind kind);

enum class SupportState {
  kProvisional = 1,    // 仮支援措置: before the need is confirmed
  kInForce = 2,        // 支援措置期間中
  kFormerAddress = 3,  // 仮支援措置 as the former-address municipality after a 転出
  kEnded = 4,          // 終了 (申出, not extended, or no longer needed)
};

// 支援措置 and the items of its database (JK-1.1.16). Each change is a new version; the
// history stays.
// 仮支援措置, 支援措置期間中, 仮支援措置（前住所地）, 終了.
std::string_view SupportStateJa(SupportState state);

struct SupportMeasure {
  int64_t measure_id = 0;
  int version = 0;
  std::string applicant;  // 申出者 (宛名番号)
  struct CoProtected {
    std::string addressee_number;
    std::string relation;  // 申出者との関係
    friend bool operator==(const CoProtected&, const CoProtected&) = default;
  };
  std::vector<CoProtected> co_protected;  // 併せて支援を求める者
  SupportKind kind = SupportKind::kDomesticViolence;
  SupportState state = SupportState::kProvisional;
  std::optional<CalendarDate> provisional_start;  // 仮支援措置の開始年月日
  std::optional<CalendarDate> start;              // 支援措置の開始年月日
  std::optional<CalendarDate> end;                // 支援措置の終了年月日
  std::optional<CalendarDate> ended_on;
  std::string end_reason;
  // 支援を求められている事務
  bool restrict_inspection = true;  // 住民基本台帳の閲覧
  bool restrict_copies = true;      // 住民票の写し等（現住所・前住所）
  bool restrict_fuhyo = true;       // 戸籍の附票の写し等
  std::string contact;              // 連絡先
  // 加害者
  std::string perpetrator_name;
  std::string perpetrator_addressee_number;  // only when in this municipality
  std::string perpetrator_birth_date;
  std::string perpetrator_sex;
  std::string perpetrator_address;
  std::string perpetrator_other;
  // 転送情報 and 当初受付市区町村
  std::string transferred_to;
  std::optional<CalendarDate> transferred_on;
  std::string original_municipality;
  std::optional<CalendarDate> received_on;
  std::optional<CalendarDate> no_need_notified_on;
  std::string operator_id;  // who recorded this version

  bool Protects(std::string_view addressee_number) const;
  bool Active() const { return state != SupportState::kEnded; }
};

// Start + one year − one day: 2020-04-01 → 2021-03-31; 2024-02-29 → 2025-02-28.
CalendarDate SupportPeriodEnd(CalendarDate start);
// The first day an extension may be entered: one month before the end (clamped to the month's
// last day: 03-31 → 02-28/29).
CalendarDate ExtensionOpensOn(CalendarDate end);

// Rules. Each returns the next version or an error with its rule id:
//   support.invalid_period        end before start
//   support.not_active            the measure has ended
//   support.not_provisional       only a 仮支援措置 can be started
//   support.extension_too_early   before ExtensionOpensOn(end)
//   support.no_person             no applicant
Result<SupportMeasure> NewSupportMeasure(SupportMeasure draft, CalendarDate today);
Result<SupportMeasure> StartSupportMeasure(const SupportMeasure& current, CalendarDate start,
                                           std::optional<CalendarDate> end);
Result<SupportMeasure> ExtendSupportMeasure(const SupportMeasure& current, CalendarDate today);
Result<SupportMeasure> EndSupportMeasure(const SupportMeasure& current, CalendarDate on,
                                         std::string reason);
// After the applicant's 転出: a 仮支援措置 kept as the former-address municipality.
SupportMeasure SwitchToFormerAddress(const SupportMeasure& current);

// アラート to show with the record (JK-3.4): support.expiring within a month of the end,
// support.expired once past it without extension.
std::vector<std::string> SupportAlerts(const SupportMeasure& measure, CalendarDate today);

// The store of blocks, measures and releases. persistence/ implements it on SQLite; every write
// appends (a block's end, a measure's next version, a release), nothing is updated in place.
class ProtectionRegister {
 public:
  virtual ~ProtectionRegister() = default;
  // Blocks naming the person or the household, ended or not.
  virtual std::vector<Block> BlocksFor(std::string_view addressee_number,
                                       std::string_view household_number) = 0;
  // The latest version of every measure that names the person (as applicant or co-protected).
  virtual std::vector<SupportMeasure> MeasuresFor(std::string_view addressee_number) = 0;
  // The 宛名番号 of everyone an active measure protects (applicants and co-protected), each once.
  virtual std::vector<std::string> ProtectedPersons() = 0;
  // Releases granted to `operator_id` that are still running at `now_epoch_seconds`.
  virtual std::vector<TemporaryRelease> ReleasesFor(std::string_view operator_id,
                                                    int64_t now_epoch_seconds) = 0;
  virtual std::optional<Block> GetBlock(int64_t block_id) = 0;
  virtual std::optional<SupportMeasure> GetMeasure(int64_t measure_id) = 0;
  virtual std::vector<SupportMeasure> MeasureHistory(int64_t measure_id) = 0;

  virtual Block AddBlock(Block block) = 0;
  virtual Status EndBlock(int64_t block_id, CalendarDate on, const std::string& operator_id) = 0;
  // Stores a new measure (measure_id 0) or its next version; kConflict support.stale when
  // `measure.version` is not the next one.
  virtual Result<SupportMeasure> SaveMeasure(SupportMeasure measure) = 0;
  virtual TemporaryRelease AddRelease(TemporaryRelease release) = 0;
};

}  // namespace jrr
