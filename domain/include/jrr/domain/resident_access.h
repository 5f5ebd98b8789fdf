// SPDX-License-Identifier: Apache-2.0
//
// 操作権限 and the one gate — Viewer, ResidentAccess, ProtectionDesk.
//
// Every path that shows, prints or exports a person's data goes through ResidentAccess, and
// every change to 抑止 or 支援措置 through ProtectionDesk. Both check permissions with the same
// Authorize() and log what they let through and what they refused (JK-10.2). There is no flag
// that skips the check: a temporary release (一時解除) is itself a logged grant to one operator
// for a few minutes. tests/persistence/protection_test.cpp enumerates the paths.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/audit_log.h"
#include "jrr/domain/issuance_log.h"
#include "jrr/domain/protected_print_gate.h"
#include "jrr/domain/protection.h"
#include "jrr/domain/resident_repository.h"
#include "jrr/domain/resident_search.h"

namespace jrr {

class StaffDirectory;

// 操作権限 (JK-10.3, 10.4): independently grantable.
enum class Permission {
  kView,                  // 照会
  kChange,                // 異動入力
  kApprove,               // 本登録
  kIssue,                 // 証明発行
  kSupportMeasure,        // 支援措置 (details, registration, release for issuance)
  kBlock,                 // 抑止 set and end
  kRelease,               // 抑止の一時解除
  kAudit,                 // 監査ログ
  kUserAdmin,             // 利用者管理
  kSettings,              // 設定
  kCodeAssignment,        // 住民票コード付番
  kSeeIndividualNumber,   // 個人番号 shown
  kSeeResidentRecordCode, // 住民票コード shown
  kSeeDomicile,           // 戸籍の表示 shown
  kSeeResidenceStatus,    // 在留資格等 shown: 法第30条の45の区分, 在留資格, 在留期間等, 満了日, card numbers
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

// What a screen must show about a person's protection (JK-2.2.4, 3.1). Everyone who may see the
// person learns that a restriction applies (`restricted`, the marker 抑止対象); only a holder of
// the 支援措置 permission learns that it is a 支援措置 and its kind, state, period alerts and ids.
// A clerk listing people by a broad search can therefore not tell a DV target from any other 抑止.
struct ProtectionNotice {
  bool restricted = false;      // a 支援措置 or a block in force applies
  bool support_target = false;  // 支援措置期間中 or 仮支援措置期間中 (支援措置 permission only)
  bool provisional = false;     // likewise
  // 支援措置対象者（DV） for the 支援措置 permission; 抑止対象 for everyone else.
  std::string marker;
  std::vector<std::string> alerts;  // rule ids support.expiring, support.expired (支援措置 permission only)
  std::vector<int64_t> measure_ids; // only for the 支援措置 permission
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

struct PersonView {
  ResidentRecord record;
  std::vector<ResidentRepository::HistoryEntry> history;
  ProtectionNotice protection;
  // 交付履歴 (JK-2.2.2): the certificates that named this person, newest first (at most 50).
  // Empty when the access was built without an IssuanceLog.
  std::vector<IssuanceRecord> issuances;
};

// One person found by a search (JK-2.1.3): the latest version, whether only an earlier version
// (a former name or address) matched, whether a 仮登録 involves them, and their protection.
struct SearchHit {
  ResidentRecord record;     // blank but for the 宛名番号 when withheld
  // Under a 照会抑止 this viewer has no release for: the hit says only that the person exists and
  // is blocked (JK-3.1), the way 照会 would refuse them.
  bool withheld = false;
  bool matched_former = false;
  bool pending = false;
  ProtectionNotice protection;
};

struct SearchResult {
  std::vector<SearchHit> hits;
  // More people matched than were returned, or a key matched too many to look at: narrow the
  // conditions.
  bool truncated = false;
};

class ResidentAccess {
 public:
  ResidentAccess(ResidentRepository& residents, AuditLog& log, Viewer viewer)
      : residents_(residents), log_(log), viewer_(std::move(viewer)) {}

  // With a 交付履歴 to read, View() also returns the person's issuances.
  ResidentAccess& WithIssuances(IssuanceLog& issuances) {
    issuances_ = &issuances;
    return *this;
  }

  // 照会 (JK-2.2.1): the record as the query selects it, its history and its protection notice.
  // Needs kView; a 照会抑止 applies (protection.blocked / protection.alert). Items the viewer
  // may not see (個人番号, 住民票コード, 戸籍の表示, 在留資格等) are blanked. Logged as a view or a denial.
  // Errors: access.permission_denied, change.person_not_found, protection.*.
  Result<PersonView> View(const std::string& addressee_number, const AsOfQuery& query,
                          const std::vector<std::string>& acknowledged = {},
                          const std::string& function = "照会");

  // 証明発行 and 閲覧: clears the people to be printed, or refuses. Needs kIssue. A person under
  // a 支援措置 (in force, provisional or as former address) is refused with support.issue_blocked
  // unless a 支援措置 officer released that measure to this operator and the release is running;
  // 発行抑止 and 照会抑止 (the print is read by whoever prints it) as in CheckBlocks. Whoever
  // `shown` reveals (ProtectedShownBy) is cleared for their 支援措置 the same way: a print that
  // would show a target through someone else is refused too.
  // Logged as an issue or a denial, naming everyone printed and every protected person shown.
  Status ClearForIssue(const std::vector<std::string>& persons, const std::string& function,
                       bool individual_number, const std::vector<std::string>& acknowledged = {},
                       const ShownOnPrint& shown = {});

  // The people under an active 支援措置 whom `shown` reveals: named in it, or shown by what it
  // prints (ProtectedPrintGate::ShownBy).
  std::vector<std::string> ProtectedShownBy(const ShownOnPrint& shown);

  // A look at people that is not 照会 itself (入力確認, the 印鑑登録原票, a 附票 member): needs
  // kView; a 照会抑止 applies to each as in View(). Logged as a view of all of them, or a denial.
  Status ClearForView(const std::vector<std::string>& persons, const std::string& function,
                      const std::vector<std::string>& acknowledged = {});

  // 検索 (JK-2.1): needs kView (and the see-permission of a number searched by: 個人番号,
  // 住民票コード, 在留カード等番号); at least one
  // indexed condition. Records the search in the viewer's history and in the log (condition
  // names and the people found, never the values typed). Errors: access.permission_denied,
  // search.no_key, search.pattern_too_short, kana.* and text.* for unreadable input.
  Result<SearchResult> Search(const SearchQuery& query, SearchIndex& index, SearchHistory& history);

  // The notice for one person, as this viewer may see it.
  ProtectionNotice Notice(const ResidentRecord& record);

  // True when a 照会抑止 keeps this viewer from seeing the person: an エラー block, or an アラート
  // block not among `acknowledged`, without a running release.
  bool ViewWithheld(const std::string& addressee_number, const std::vector<std::string>& acknowledged = {});
  // Why ViewWithheld: protection.blocked or protection.alert, as CheckBlocks says it; ok when not.
  Status ViewCleared(const std::string& addressee_number, const std::vector<std::string>& acknowledged);
  // ClearForView's logged refusal when ViewWithheld; ok, logging nothing, otherwise — for paths that
  // act on a person without showing the record, so must stop where 照会 would but not log a view.
  Status RefuseIfWithheld(const std::string& addressee_number, const std::string& function,
                          const std::vector<std::string>& acknowledged = {});
  // The same for any guarded operation. Logs nothing.
  Status Cleared(const std::string& addressee_number, GuardedOperation operation,
                 const std::vector<std::string>& acknowledged);

  const Viewer& viewer() const { return viewer_; }

 private:
  // Blanks the items this viewer may not see.
  void Blank(ResidentRecord& record) const;
  void Log(AuditAction action, const std::string& function, std::vector<std::string> targets,
           bool individual_number, const std::string& outcome, const std::string& detail = {});
  ResidentRepository& residents_;
  AuditLog& log_;
  Viewer viewer_;
  IssuanceLog* issuances_ = nullptr;
};

// 抑止 and 支援措置 management (JK-3.1, 3.4, 1.1.16). Blocks need kBlock, releases of blocks
// kRelease, everything about support measures kSupportMeasure. Every action is logged.
class ProtectionDesk {
 public:
  // With `staff`, a 一時解除 goes only to a staff user who exists and may work today (the
  // viewer themselves excepted): a release to a mistyped ID would otherwise wait for whoever
  // later gets that ID (protection.unknown_grantee).
  ProtectionDesk(ProtectionRegister& protections, AuditLog& log, Viewer viewer, StaffDirectory* staff = nullptr)
      : protections_(protections), log_(log), viewer_(std::move(viewer)), staff_(staff) {}

  Result<Block> AddBlock(Block block);
  Status EndBlock(int64_t block_id);
  // 一時解除 for `grantee` for `minutes` (1–480).
  Result<TemporaryRelease> ReleaseBlock(int64_t block_id, const std::string& grantee, int minutes,
                                        const std::string& reason);
  // The blocks naming a person or a household: for the 照会 or 抑止 permission (else
  // access.permission_denied); logged.
  Result<std::vector<Block>> BlocksFor(const std::string& addressee_number, const std::string& household_number);

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
  void Log(const std::string& function, std::vector<std::string> targets, const std::string& outcome,
           const std::string& detail);
  ProtectionRegister& protections_;
  AuditLog& log_;
  Viewer viewer_;
  StaffDirectory* staff_ = nullptr;
};

}  // namespace jrr
