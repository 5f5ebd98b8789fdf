// SPDX-License-Identifier: Apache-2.0
//
// InMemoryResidentRepository — a ResidentRepository held in memory, for bulk loading (the sample
// town builds a million residents through it) and for use-case tests without a database.
//
// Append behaves as the SQLite repository's does: the same read-set check, the same number
// allocation in the same order (宛名番号 then 世帯番号, per version, from the next issuable serial),
// change ids 1, 2, 3 …; every recorded 異動 is then handed to `sink` (with the versions it replaced), which can write exactly the
// rows SqliteResidentRepository::Append would have written (persistence: InsertChangeRow,
// InsertVersionRow). Its scope is forward 異動 on a fresh register:
//   - it keeps the latest version of current residents, and of removed people only what the
//     engine reads (status, removal, numbers); History, Change, VersionsOfChange, Version and AsOf
//     answer from those latest versions only, so 異動の取消し and as-of reads need the SQLite
//     repository;
//   - 住民票コード must be given (a draw from the pool, kDrawResidentRecordCode, is refused with
//     internal.error); there are no 仮登録 and no edit leases.
#pragma once

#include <functional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "jrr/domain/records/resident_repository.h"
#include "jrr/sample/in_memory_protection_register.h"

namespace jrr {

// 世帯員の概要 (a household member at a glance): the items a caller choosing among a household's
// members reads, without the whole record. The sample town picks a household at random about a
// million times at a million residents, mostly to look at ages and 続柄 and move on.
struct HouseholdMemberFacts {
  std::string addressee_number;
  ResidentKind kind = ResidentKind::kJapanese;
  Sex sex = Sex::kMale;
  std::optional<CalendarDate> birth;  // 生年月日 as an internal date, when the record gives one
  std::string relationship;           // 続柄, as Relationship::Text() writes it
  std::string given_name;             // 名
  bool kana_confirmed = false;

  static HouseholdMemberFacts Of(const ResidentRecord& r) {
    return {r.addressee_number,    r.kind,       r.sex,           r.birth_date.InternalDate(),
            r.relationship.Text(), r.given_name, r.kana_confirmed};
  }
};

class InMemoryResidentRepository final : public ResidentRepository {
 public:
  // `before[i]` is the version that outcome.versions[i] replaced, when this repository held it
  // whole (a resident's); nullopt for a first version or for a 除票 of which only a slim copy is
  // kept (a writer then reads it from its own register).
  using Sink = std::function<void(const ChangeOutcome& outcome,
                                  std::vector<std::optional<ResidentRecord>>& before)>;
  explicit InMemoryResidentRepository(Sink sink = {}) : sink_(std::move(sink)) {}

  std::optional<ResidentRecord> Latest(std::string_view addressee_number) override;
  std::vector<ResidentRecord> HouseholdMembers(std::string_view household_number) override;
  // HouseholdMembers' people, in the same order, at a glance, without unpacking their records.
  std::vector<HouseholdMemberFacts> HouseholdMemberFactsOf(std::string_view household_number);
  std::vector<ResidentRecord> HouseholdLatest(std::string_view household_number) override;
  std::vector<ResidentRecord> ResidentsInArea(std::string_view area, std::size_t limit) override;
  Result<ChangeOutcome> Append(ChangeRecord change, std::vector<ResidentRecord> versions,
                               const std::vector<VersionStamp>& read_set) override;
  std::optional<ResidentRecord> AsOf(std::string_view addressee_number,
                                     const AsOfQuery& query) override;
  std::vector<HistoryEntry> History(std::string_view addressee_number) override;
  ProtectionRegister& Protections() override { return protections_; }
  std::optional<ChangeRecord> Change(int64_t change_id) override;
  std::vector<ResidentRecord> VersionsOfChange(int64_t change_id) override;
  std::optional<ResidentRecord> Version(std::string_view addressee_number,
                                        int history_number) override;
  std::vector<ResidentRecord> FindByNumber(std::string_view number) override;
  std::vector<ResidentRecord> AwaitingMoveInNotice(CalendarDate removed_by,
                                                   std::size_t limit) override;
  std::vector<ResidentRecord> FindRemovedByBasicFacts(std::string_view family_name,
                                                      std::string_view given_name, Sex sex,
                                                      CalendarDate birth_date) override;
  std::vector<ResidentRecord> FindByBasicFacts(std::string_view family_name,
                                               std::string_view given_name, Sex sex,
                                               CalendarDate birth_date) override;
  std::optional<std::string> EditLeaseHolder(std::string_view, int64_t) override {
    return std::nullopt;
  }
  std::optional<int64_t> PendingChangeFor(std::string_view) override { return std::nullopt; }

  // Each person's latest version (of a 除票, the slim copy above), in 宛名番号 order: what a bulk
  // load can read from memory instead of scanning the register it wrote.
  void ForEachLatest(const std::function<void(const ResidentRecord&)>& visit) const;
  // How many people it holds, residents and 除票 alike.
  std::size_t PeopleCount() const { return latest_.size(); }

 private:
  InMemoryProtectionRegister protections_;
  void Reindex(const ResidentRecord* before, const ResidentRecord& after);

  Sink sink_;
  // Looked up by string_view without building a std::string (heterogeneous lookup).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <class Value>
  using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;
  // A person's latest version, packed (packed_resident_record.h: a few hundred bytes instead of
  // 2 KB and more), with what Append, the scans and HouseholdMemberFactsOf read without unpacking
  // it (`facts` without its 宛名番号, which is the entry's key).
  struct Held {
    std::string packed;
    std::string household_number;
    int history_number = 0;
    ResidentStatus status = ResidentStatus::kResident;
    HouseholdMemberFacts facts;
  };
  ResidentRecord Unpacked(std::string_view addressee_number) const;
  TextMap<Held> latest_;
  TextMap<std::set<std::string>> households_;  // residents only; members in 宛名番号 order
  TextMap<std::string> by_number_;
  TextMap<std::set<std::string>> removed_;  // by RemovedKey: 生年月日, 氏, 名, 性別
  uint64_t next_person_serial_ = 1;
  uint64_t next_household_serial_ = 1;
  int64_t next_change_id_ = 1;
};

}  // namespace jrr
