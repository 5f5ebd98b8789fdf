// SPDX-License-Identifier: Apache-2.0
//
// The one gate — ResidentAccess (照会・検索・証明発行 clearance).
//
// Every path that shows, prints or exports a person's data goes through ResidentAccess, and
// every change to 抑止 or 支援措置 through ProtectionDesk (protection_desk.h). Both check permissions with the same
// Authorize() and log what they let through and what they refused (JK-10.2). There is no flag
// that skips the check: a temporary release (一時解除) is itself a logged grant to one operator
// for a few minutes. tests/persistence/protection/protection_test.cpp enumerates the paths.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/access/protected_print_gate.h"
#include "jrr/domain/protection/protection.h"
#include "jrr/domain/protection/protection_check.h"
#include "jrr/domain/records/issuance_log.h"
#include "jrr/domain/records/remarks.h"
#include "jrr/domain/records/resident_repository.h"
#include "jrr/domain/records/resident_search.h"
#include "jrr/domain/security/audit_log.h"
#include "jrr/domain/security/viewer.h"

namespace jrr {

struct PersonView {
  ResidentRecord record;
  std::vector<ResidentRepository::HistoryEntry> history;
  ProtectionNotice protection;
  // 交付履歴 (JK-2.2.2): the certificates that named this person, newest first (at most 50).
  // Empty when the access was built without an IssuanceLog.
  std::vector<IssuanceRecord> issuances;
  // 統合記載欄 (JK-1.1.14): each 異動's line (A) and its 留意事項 (B), then the 備考 (C; only when
  // the access was built with a RemarkRepository).
  std::vector<IntegratedRemarkLine> remarks;
};

// One person found by a search (JK-2.1.3): the latest version, whether only an earlier version
// (a former name or address) matched, whether a 仮登録 involves them, and their protection.
struct SearchHit {
  ResidentRecord record;  // blank but for the 宛名番号 when withheld
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
  // With the 備考 to read, View()'s 統合記載欄 also holds the person's C lines.
  ResidentAccess& WithRemarks(RemarkRepository& remarks) {
    remarks_ = &remarks;
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
  bool ViewWithheld(const std::string& addressee_number,
                    const std::vector<std::string>& acknowledged = {});
  // Why ViewWithheld: protection.blocked or protection.alert, as CheckBlocks says it; ok when not.
  Status ViewCleared(const std::string& addressee_number,
                     const std::vector<std::string>& acknowledged);
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
  RemarkRepository* remarks_ = nullptr;
};

}  // namespace jrr
