// SPDX-License-Identifier: Apache-2.0
//
// ResidentRepository — the port through which the 異動 engine and the readers see the register.
// persistence/ implements it on SQLite. Infrastructure failures throw StorageError.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/protection/protection.h"
#include "jrr/domain/records/change.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

// A version a 異動 was computed from. If any is no longer the latest when the 異動 is recorded,
// someone else changed the person first and the 異動 is refused (no lost update).
struct VersionStamp {
  std::string addressee_number;
  int history_number = 0;
};

// Placeholders the engine puts in versions of newcomers and new households; Append replaces them
// with freshly allocated numbers ("new-person:1", "new-household:1", …).
inline constexpr std::string_view kNewPersonPrefix = "new-person:";
inline constexpr std::string_view kNewHouseholdPrefix = "new-household:";

// As-of reads, on two time axes: `effective_on` by 異動日 (the legal effect: how the record stood
// on that day) and `known_at` by 処理日 (what the register knew on that day). Either or both may be
// set; both unset means the latest version.
struct AsOfQuery {
  std::optional<CalendarDate> effective_on;
  std::optional<CalendarDate> known_at;
};

// 支援措置対象者 as a print could show them (ResidentAccess::ProtectedShownBy): everyone an active
// 支援措置 protects, where they live now or went, and every 氏名 they have had with the facts beside it.
struct ProtectedPersonFacts {
  std::string addressee_number;
  std::string lives_at;  // Address::Printed() while resident or moving out later; else ""
  std::vector<std::string>
      moved_to;  // the latest version's 転出先 (予定, 確定), printed, when given
  bool restricts_inspection = false;  // a measure protecting them covers 閲覧
  struct Version {
    std::string family_name, given_name;
    std::optional<CalendarDate> birth_date;
    Sex sex = Sex::kMale;
    std::string resident_record_code;
    std::string domicile_place, domicile_head;
  };
  std::vector<Version> versions;  // oldest first
};

class ResidentRepository {
 public:
  virtual ~ResidentRepository() = default;

  // The latest version, or nullopt for an unknown 宛名番号.
  virtual std::optional<ResidentRecord> Latest(std::string_view addressee_number) = 0;

  // The latest versions of the people who currently belong to the household and are residents.
  virtual std::vector<ResidentRecord> HouseholdMembers(std::string_view household_number) = 0;
  // The latest versions of everyone whose latest version names the household, residents and 除票
  // alike (a 転出 not yet in effect leaves a 除票 that still belongs on the household's copy).
  virtual std::vector<ResidentRecord> HouseholdLatest(std::string_view household_number) = 0;
  // The latest versions of residents whose 住所コード or address text starts with `area` (everyone
  // when empty), in address order (住所コード, 住所, 番地, 世帯番号, 宛名番号); at most `limit`.
  virtual std::vector<ResidentRecord> ResidentsInArea(std::string_view area, std::size_t limit) = 0;

  // Records a 異動 and its versions in one transaction, all or nothing. When
  // change.approves_pending_id is set, the 仮登録's decision is recorded in the same transaction.
  // Errors: change.stale (kConflict) when a stamp in `read_set` is no longer the latest version;
  // pending.not_open (kConflict) when the 仮登録 was already decided.
  virtual Result<ChangeOutcome> Append(ChangeRecord change, std::vector<ResidentRecord> versions,
                                       const std::vector<VersionStamp>& read_set) = 0;

  // The version the query selects, or nullopt when there was none yet.
  virtual std::optional<ResidentRecord> AsOf(std::string_view addressee_number,
                                             const AsOfQuery& query) = 0;

  // The 異動 with this id and the versions it wrote (for 異動の取消し, JK-4.6).
  virtual std::optional<ChangeRecord> Change(int64_t change_id) = 0;
  virtual std::vector<ResidentRecord> VersionsOfChange(int64_t change_id) = 0;
  // One version; nullopt when it does not exist.
  virtual std::optional<ResidentRecord> Version(std::string_view addressee_number,
                                                int history_number) = 0;

  // Latest versions of everyone whose latest version holds `number` as 個人番号, 住民票コード or
  // 在留カード番号 (for 再転入 detection, JK-4.1.1.2).
  virtual std::vector<ResidentRecord> FindByNumber(std::string_view number) = 0;
  // Latest versions of removed people (除票) with this 氏, 名, 性別 and 生年月日 (internal date).
  virtual std::vector<ResidentRecord> FindRemovedByBasicFacts(std::string_view family_name,
                                                              std::string_view given_name, Sex sex,
                                                              CalendarDate birth_date) = 0;

  // Latest versions of everyone, resident or 除票, whose latest version has this 氏, 名, 性別 and
  // 生年月日 (a 附票 member known only by these facts).
  virtual std::vector<ResidentRecord> FindByBasicFacts(std::string_view family_name,
                                                       std::string_view given_name, Sex sex,
                                                       CalendarDate birth_date) = 0;

  // 転入通知未着 (JK-4.1.3.1.4): latest versions of people removed by 国内転出 or 職権消除 whose
  // removal took effect on or before `removed_by` and whose 転入通知 has not been recorded, oldest
  // removal first; at most `limit`.
  virtual std::vector<ResidentRecord> AwaitingMoveInNotice(CalendarDate removed_by,
                                                           std::size_t limit) = 0;

  // 排他制御 (JK-10.3): the operator holding an unexpired edit lease on this person, if any.
  virtual std::optional<std::string> EditLeaseHolder(std::string_view addressee_number,
                                                     int64_t now_epoch_seconds) = 0;

  // 抑止 and 支援措置 of this register (protection.h): the 異動 engine checks 異動抑止 through it
  // for everyone a 異動 touches, and ResidentAccess every read and issue.
  virtual ProtectionRegister& Protections() = 0;

  // Everyone an active 支援措置 protects, as of `today`. By default read person by person
  // (Protections().ProtectedPersons(), Latest, History); a repository may answer in one query.
  virtual std::vector<ProtectedPersonFacts> ProtectedPeople(CalendarDate today);

  // The open 仮登録 (JK-4.0.8) that involves this person, if any.
  virtual std::optional<int64_t> PendingChangeFor(std::string_view addressee_number) = 0;

  // Every version, oldest first, with the 異動 that wrote it.
  struct HistoryEntry {
    ResidentRecord version;
    ChangeRecord change;
  };
  virtual std::vector<HistoryEntry> History(std::string_view addressee_number) = 0;
};

// 排他制御 (JK-10.3): an operator opening a person's record for editing takes a lease on it; until
// it ends or is released, others can only view that person, and their 異動 are refused
// (change.locked_by_other). Leases are operational state, not register data.
class EditLeases {
 public:
  virtual ~EditLeases() = default;
  // Takes or renews the lease on every person for `ttl_seconds`. Error change.locked_by_other
  // (kConflict) when another operator holds an unexpired lease on any of them; nothing is taken.
  virtual Status Acquire(const std::vector<std::string>& persons, std::string_view operator_id,
                         int64_t now_epoch_seconds, int64_t ttl_seconds) = 0;
  // Releases this operator's leases on the persons (others' leases are untouched).
  virtual void Release(const std::vector<std::string>& persons, std::string_view operator_id) = 0;
};

}  // namespace jrr
