// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票 on SQLite (schema 0018): the register, the coupling to 住民記録, and the notices.
//
//   ApplyFuhyoChange    called for a 異動's plan inside its transaction (persistence/coupling): for
//                       a person whose 本籍 is here, the 附票 member the plan chose is updated
//                       now; for a 本籍 elsewhere, a 附票記載事項通知 goes to the outbox in the same
//                       commit.
//   ReceiveFuhyoNotice  an inbound notice, applied once (by notice id), checked against the 附票;
//                       a mismatch is refused and the reply to the 住所地 recorded and queued
//                       (第19条第2項); a reply received back is recorded for the 住所地's clerks.
//   DeliverFuhyoOutbox  hands undelivered notices to a transport, recording every attempt; after
//                       kMaxDeliveryAttempts failures a notice is dead-lettered (listed, not retried).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/domain/fuhyo/fuhyo_store.h"
#include "jrr/domain/records/change.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/outbox.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"

namespace jrr {

class SqliteFuhyoRegister {
 public:
  explicit SqliteFuhyoRegister(Database& db) : db_(db) {}
  // The current 附票 of a 戸籍, or nullopt.
  std::optional<Fuhyo> FindCurrent(const KosekiKey& koseki);
  std::optional<Fuhyo> Get(int64_t fuhyo_id);
  // 附票 whose 本籍, 筆頭者 or a member's 氏名 contains `text`, or a member's 振り仮名 key starts
  // with `kana_key` (when not empty); current and closed, at most 100.
  std::vector<Fuhyo> Search(const std::string& text, const std::string& kana_key = {});
  // A new current 附票 (編製, 改製, 管内転籍, or the coupling's first sight of a 戸籍).
  int64_t Create(const KosekiKey& koseki, CalendarDate on, const std::string& reason = "編製");
  // A member's next version (a new member when member_id is 0); returns the member id. A caller
  // that knows the numbers (a loader keeping a FuhyoWorkingSet) gives them: the member id (a new
  // one for a new member) and the version; else they are read from the register.
  struct MemberNumbers {
    int64_t member_id = 0;
    int version = 0;
  };
  int64_t SaveMember(int64_t fuhyo_id, const FuhyoMember& member, const std::string& source,
                     const std::optional<MemberNumbers>& known = std::nullopt);
  // A member's next address line; `known_seq`, when given, is its number (else read).
  void AddAddress(int64_t member_id, const FuhyoAddress& address,
                  std::optional<int64_t> known_seq = std::nullopt);
  void SetState(int64_t fuhyo_id, FuhyoState state, CalendarDate on, const std::string& reason);
  // Appends an event's plan (PlanFuhyoEvent) and its audit entry in one transaction; returns the
  // 附票 left current.
  int64_t Write(const FuhyoEvent& event, const FuhyoEventPlan& plan, const AuditEvent& audit);

 private:
  Database& db_;
};

// The current 附票 of a register kept in memory by a loader that is the register's only writer
// (the sample town in bulk): ApplyFuhyoChange serves them from here rather than reading each back
// (three statements and one per member), and keeps them as it writes them.
// With `complete`, it holds every current 附票 of the register (the loader began on a register
// without any), so a 戸籍 it does not hold has none to look up. It also numbers what the loader
// adds (members, the outbox's rows) instead of asking the register each time.
struct FuhyoWorkingSet {
  std::unordered_map<std::string, Fuhyo> current;  // by 本籍 '\x1f' 筆頭者
  bool complete = false;
  int64_t next_outbox_row =
      0;  // fuhyo_outbox's next rowid (the notice id's number); 0: not read yet
  int64_t next_member_id = 0;  // fuhyo_member_version's next member id, likewise
};

// The current 附票 of a 戸籍, or nullopt: from `working` when given (a complete one answers
// without reading; otherwise what is read is kept in it).
std::optional<Fuhyo> CurrentFuhyo(Database& db, const KosekiKey& koseki,
                                  FuhyoWorkingSet* working = nullptr);

// Applies an inbound notice's items to the member MatchNotice finds (the name, birth, sex and code
// as a new version when they changed; the address as a new line when it changed); MatchNotice's
// errors refuse it. Inside the caller's transaction. Returns the member id.
Result<int64_t> ApplyFuhyoNotice(Database& db, const FuhyoNotice& notice,
                                 const std::string& source);

// One 附票 change a recorded 異動 causes (coupling/change_effects.h plans them, choosing the
// member), in its transaction: with `ours`, `notice` is written now to `member_id` of our 附票 (0:
// a new member, in a new 附票 when the 戸籍 has none); otherwise it is queued in the outbox for the
// 本籍地, numbered.
// `working`, when given, holds the register's current 附票 (see FuhyoWorkingSet). Throws
// StorageError when the planned member is not in the 附票 (the plan was made on other facts).
void ApplyFuhyoChange(Database& db, FuhyoNotice notice, bool ours, int64_t member_id,
                      int64_t change_id, FuhyoWorkingSet* working = nullptr);

// 附票の記載事項の追加 — the items later amendments added (生年月日・性別 from 2022-01-11, 住民票コード
// from 2024-05-27) were recorded 職権 for the members then on a 附票. For a register whose history
// predates them (a migration, the sample town), this does the same: each living member of a current
// 附票 who lacks an item in force on `today` gets it from this register's resident with the same
// 本籍・筆頭者 and 氏名 (the only source here, as there is no 戸籍 system); members living elsewhere
// keep the gap until their 住所地's next notice. Removed members are never filled (no back-filling).
// Inside the caller's transaction; returns how many members got a new version. `working`, when
// given, holds every current 附票 of the register (a bulk loader's; it is not updated here).
// `residents`, when given, holds those residents' facts (FuhyoFillFacts), gathered by a bulk loader
// from memory; otherwise they are read from the register.
struct FuhyoFillFacts;
int AddFuhyoItemsInForce(Database& db, CalendarDate today, FuhyoWorkingSet* working = nullptr,
                         const FuhyoFillFacts* residents = nullptr);

// What AddFuhyoItemsInForce fills from: each living resident's latest version that records a
// 本籍, keyed by 本籍・筆頭者・氏・名. Add them in 宛名番号 order; when two residents share all four,
// the later one's facts are kept (the register is read in the same order).
struct FuhyoFillFacts {
  struct Facts {
    std::optional<CalendarDate> birth;
    Sex sex = Sex::kMale;
    std::string code;
  };
  void Reserve(std::size_t people) { by_name_.reserve(people); }
  // Ignores a removed person and one without a recorded 本籍.
  void Add(const ResidentRecord& latest);
  void Add(const std::string& place, const std::string& head, const std::string& family,
           const std::string& given, Facts facts);
  const Facts* Find(const std::string& place, const std::string& head, const std::string& family,
                    const std::string& given) const;

 private:
  static std::string Key(const std::string& place, const std::string& head,
                         const std::string& family, const std::string& given);
  std::unordered_map<std::string, Facts> by_name_;
};

// This register's municipality as notices route it (架空県架空市); empty before `jrr init`.

// An inbound notice, or a 第19条第2項 reply to one of ours (recorded for the clerks; outcome
// "reply"). A refused notice puts the reply to its 住所地 in the outbox in the same commit, dated
// `today`. Errors: fuhyo.notice_malformed, fuhyo.not_ours (the text is for another municipality).
Result<FuhyoReceipt> ReceiveFuhyoNotice(Database& db, const std::string& body, CalendarDate today);

// FuhyoStore on this register, for FuhyoDesk.
// The residents (current or 除票) a 附票 member recording no 生年月日 is (FuhyoStore): whoever had
// its 氏名 under `koseki`, and the person the 異動 that wrote it was about.
std::vector<std::string> ResidentsOfUndatedMember(Database& db, const KosekiKey& koseki,
                                                  const FuhyoMember& member);
// Its query: the people search_key knows by the member's 氏名 key (?5 the kind, ?6 the key), each
// one's versions then compared exactly — by 氏名 under the 本籍・筆頭者 (schema 0032; a test reads
// its plan).
inline constexpr std::string_view kUndatedMemberResidentsSql =
    "SELECT DISTINCT v.addressee_number FROM search_key k JOIN resident_version v ON "
    "v.addressee_number = k.addressee_number WHERE k.kind = ?5 AND k.value = ?6 AND "
    "v.family_name = ?1 AND v.given_name = ?2 AND v.domicile_place = ?3 AND v.domicile_head = ?4";

class SqliteFuhyoStore final : public FuhyoStore {
 public:
  explicit SqliteFuhyoStore(Database& db) : db_(db) {}
  std::vector<Fuhyo> Search(const std::string& text, const std::string& kana_key) override {
    return SqliteFuhyoRegister(db_).Search(text, kana_key);
  }
  std::optional<Fuhyo> Get(int64_t fuhyo_id) override {
    return SqliteFuhyoRegister(db_).Get(fuhyo_id);
  }
  std::optional<Fuhyo> Current(const KosekiKey& koseki) override {
    return SqliteFuhyoRegister(db_).FindCurrent(koseki);
  }
  std::string OurMunicipality() override { return RoutedMunicipalityOf(db_).name; }
  int64_t Write(const FuhyoEvent& event, const FuhyoEventPlan& plan,
                const AuditEvent& audit) override {
    return SqliteFuhyoRegister(db_).Write(event, plan, audit);
  }
  Result<FuhyoReceipt> Receive(const std::string& notice_text, CalendarDate today) override {
    return ReceiveFuhyoNotice(db_, notice_text, today);
  }
  std::vector<std::string> ResidentsOfUndatedMember(const Fuhyo& fuhyo,
                                                    const FuhyoMember& member) override {
    return jrr::ResidentsOfUndatedMember(db_, fuhyo.koseki, member);
  }
  std::vector<FuhyoNoticeEntry> Outbox(int limit) override;
  std::vector<FuhyoNoticeEntry> Inbox(int limit) override;

 private:
  Database& db_;
};

// 交付履歴 of one 戸籍の附票の写し (fuhyo_issuance) and its 印刷ログ entry in one transaction, with
// the next serial of the day and terminal; returns the number with its serial.
IssueNumber RecordFuhyoIssuance(Database& db, const Viewer& viewer, const FuhyoCopyRequest& request,
                                const FuhyoCopyContent& content, int sheets, IssueNumber number);

using FuhyoTransport = OutboxTransport;
DeliveryReport DeliverFuhyoOutbox(Database& db, const FuhyoTransport& transport);

}  // namespace jrr
