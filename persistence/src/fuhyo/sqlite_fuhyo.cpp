// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"

#include <algorithm>
#include <unordered_map>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/records/resident_search.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"
#include "jrr/persistence/records/sqlite_resident_store.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

CalendarDate Day(const std::string& text) {
  auto day = ParseIsoDate(text);
  if (!day) throw StorageError("storage.failure", "undecodable 附票 date");
  return *day;
}

std::optional<std::string> MaybeDay(const std::optional<CalendarDate>& d) {
  return d ? std::optional<std::string>(ToIsoString(*d)) : std::nullopt;
}

// The search key of a member's 振り仮名 (氏 and 名 together, as a clerk types them), or ''.
std::string KanaKeyOf(const FuhyoMember& m) {
  if (m.family_kana.empty() && m.given_kana.empty()) return {};
  auto key = BuildKanaKey(m.family_kana + m.given_kana);
  return key ? *key : std::string();
}

// A notice's id: the sender's name and the outbox row that holds it.
std::string OutboxId(const std::string& ours, int64_t row) {
  return ours + "-" + std::to_string(row);
}

std::string NextOutboxId(Database& db, const std::string& ours) {
  return OutboxId(ours, NextOutboxRow(db, OutboxFamily::kFuhyo));
}

int64_t NextMemberId(Database& db) {
  return db.QueryInt("SELECT coalesce(max(member_id), 0) + 1 FROM fuhyo_member_version");
}

void Enqueue(Database& db, const std::string& id, const std::string& to, const std::string& body) {
  db.Prepare(
        "INSERT INTO fuhyo_outbox(notice_id, to_municipality, body, created_at) VALUES (?1, ?2, "
        "?3, ?4)")
      ->Bind(1, id)
      .Bind(2, to)
      .Bind(3, body)
      .Bind(4, UtcTimestampNow())
      .Run();
}

}  // namespace

std::optional<Fuhyo> SqliteFuhyoRegister::Get(int64_t fuhyo_id) {
  auto head = db_.Prepare("SELECT domicile, head_of_family FROM fuhyo WHERE fuhyo_id = ?1");
  head->Bind(1, fuhyo_id);
  if (!head->Step()) return std::nullopt;
  Fuhyo f;
  f.fuhyo_id = fuhyo_id;
  f.koseki = KosekiKey{head->ColumnText(0), head->ColumnText(1)};
  auto event = db_.Prepare(
      "SELECT state, on_date FROM fuhyo_event WHERE fuhyo_id = ?1 ORDER BY event_id DESC LIMIT 1");
  event->Bind(1, fuhyo_id);
  if (event->Step()) {
    f.state = static_cast<FuhyoState>(event->ColumnInt(0));
    if (f.state != FuhyoState::kCurrent) f.closed_on = Day(event->ColumnText(1));
  }
  auto members = db_.Prepare(
      "SELECT member_id, version, family_name, given_name, birth_date, sex, resident_record_code, "
      "overseas_voter, "
      "removed, removal_reason, removed_on, family_kana, given_kana FROM fuhyo_member_version v "
      "WHERE fuhyo_id = ?1 AND version = "
      "(SELECT max(w.version) FROM fuhyo_member_version w WHERE w.member_id = v.member_id AND NOT "
      "EXISTS (SELECT 1 FROM "
      "fuhyo_member_moved x WHERE x.member_id = w.member_id AND x.version = w.version)) ORDER BY "
      "member_id");
  members->Bind(1, fuhyo_id);
  auto addresses = db_.Prepare(
      "SELECT address, abroad, since, source, recorded_on FROM fuhyo_address a WHERE member_id = "
      "?1 AND NOT EXISTS "
      "(SELECT 1 FROM fuhyo_member_moved x WHERE x.member_id = a.member_id AND x.seq = a.seq) "
      "ORDER BY seq");
  auto protection = db_.Prepare(
      "SELECT kind, from_date, until FROM fuhyo_protection WHERE member_id = ?1 ORDER BY "
      "protection_id DESC LIMIT 1");
  while (members->Step()) {
    FuhyoMember m;
    m.member_id = members->ColumnInt(0);
    m.version = static_cast<int>(members->ColumnInt(1));
    m.family_name = members->ColumnText(2);
    m.given_name = members->ColumnText(3);
    if (!members->ColumnIsNull(4)) m.birth_date = Day(members->ColumnText(4));
    if (!members->ColumnIsNull(5)) m.sex = static_cast<Sex>(members->ColumnInt(5));
    m.resident_record_code = members->ColumnText(6);
    m.overseas_voter_municipality = members->ColumnText(7);
    m.removed = members->ColumnInt(8) != 0;
    m.removal_reason = members->ColumnText(9);
    if (!members->ColumnIsNull(10)) m.removed_on = Day(members->ColumnText(10));
    m.family_kana = members->ColumnText(11);
    m.given_kana = members->ColumnText(12);
    protection->Bind(1, m.member_id);
    if (protection->Step() && protection->ColumnInt(0) == 1) {
      m.protected_from = Day(protection->ColumnText(1));
      m.protected_until = Day(protection->ColumnText(2));
    }
    protection->Reset();
    addresses->Bind(1, m.member_id);
    while (addresses->Step()) {
      m.addresses.push_back(FuhyoAddress{addresses->ColumnText(0), addresses->ColumnInt(1) != 0,
                                         Day(addresses->ColumnText(2)), addresses->ColumnText(3),
                                         Day(addresses->ColumnText(4))});
    }
    addresses->Reset();
    f.members.push_back(std::move(m));
  }
  return f;
}

std::optional<Fuhyo> SqliteFuhyoRegister::FindCurrent(const KosekiKey& koseki) {
  auto s = db_.Prepare(
      "SELECT fuhyo_id FROM fuhyo WHERE domicile = ?1 AND head_of_family = ?2 ORDER BY fuhyo_id "
      "DESC");
  s->Bind(1, koseki.domicile).Bind(2, koseki.head_of_family);
  std::vector<int64_t> ids;
  while (s->Step()) ids.push_back(s->ColumnInt(0));
  for (int64_t id : ids) {
    auto f = Get(id);
    if (f && f->state == FuhyoState::kCurrent) return f;
  }
  return std::nullopt;
}

std::vector<Fuhyo> SqliteFuhyoRegister::Search(const std::string& text,
                                               const std::string& kana_key) {
  auto s = db_.Prepare(
      "SELECT DISTINCT f.fuhyo_id FROM fuhyo f LEFT JOIN fuhyo_member_version m ON m.fuhyo_id = "
      "f.fuhyo_id WHERE "
      "instr(f.domicile, ?1) > 0 OR instr(f.head_of_family, ?1) > 0 OR instr(m.family_name || '　' "
      "|| m.given_name, ?1) > 0 "
      "OR (?2 <> '' AND substr(m.kana_key, 1, length(?2)) = ?2) ORDER BY f.fuhyo_id LIMIT 100");
  s->Bind(1, text).Bind(2, kana_key);
  std::vector<int64_t> ids;
  while (s->Step()) ids.push_back(s->ColumnInt(0));
  std::vector<Fuhyo> found;
  for (int64_t id : ids) found.push_back(*Get(id));
  return found;
}

int64_t SqliteFuhyoRegister::Create(const KosekiKey& koseki, CalendarDate on,
                                    const std::string& reason) {
  db_.Prepare(
         "INSERT INTO fuhyo(domicile, head_of_family, created_on, recorded_at) VALUES (?1, ?2, ?3, "
         "?4)")
      ->Bind(1, koseki.domicile)
      .Bind(2, koseki.head_of_family)
      .Bind(3, ToIsoString(on))
      .Bind(4, UtcTimestampNow())
      .Run();
  const int64_t id = db_.LastInsertRowId();
  SetState(id, FuhyoState::kCurrent, on, reason);
  return id;
}

int64_t SqliteFuhyoRegister::SaveMember(int64_t fuhyo_id, const FuhyoMember& m,
                                        const std::string& source,
                                        const std::optional<MemberNumbers>& known) {
  int64_t member_id = m.member_id;
  int version = 1;
  if (known) {
    member_id = known->member_id;
    version = known->version;
  } else if (member_id == 0) {
    member_id = NextMemberId(db_);
  } else {
    version =
        static_cast<int>(db_.QueryInt(
            "SELECT max(version) FROM fuhyo_member_version WHERE member_id = ?1", member_id)) +
        1;
  }
  db_.Prepare(
         "INSERT INTO fuhyo_member_version(member_id, version, fuhyo_id, family_name, given_name, "
         "birth_date, sex, "
         "resident_record_code, overseas_voter, removed, removal_reason, removed_on, source, "
         "family_kana, given_kana, "
         "kana_key, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
         "?14, ?15, ?16, ?17)")
      ->Bind(1, member_id)
      .Bind(2, version)
      .Bind(3, fuhyo_id)
      .Bind(4, m.family_name)
      .Bind(5, m.given_name)
      .Bind(6, MaybeDay(m.birth_date))
      .Bind(7, m.sex ? std::optional<std::string>(std::to_string(static_cast<int>(*m.sex)))
                     : std::nullopt)
      .Bind(8, m.resident_record_code)
      .Bind(9, m.overseas_voter_municipality)
      .Bind(10, m.removed ? 1 : 0)
      .Bind(11, m.removal_reason)
      .Bind(12, MaybeDay(m.removed_on))
      .Bind(13, source)
      .Bind(14, m.family_kana)
      .Bind(15, m.given_kana)
      .Bind(16, KanaKeyOf(m))
      .Bind(17, UtcTimestampNow())
      .Run();
  return member_id;
}

void SqliteFuhyoRegister::AddAddress(int64_t member_id, const FuhyoAddress& a,
                                     std::optional<int64_t> known_seq) {
  const int64_t seq =
      known_seq
          ? *known_seq
          : db_.QueryInt("SELECT coalesce(max(seq), 0) + 1 FROM fuhyo_address WHERE member_id = ?1",
                         member_id);
  db_.Prepare(
         "INSERT INTO fuhyo_address(member_id, seq, address, abroad, since, source, recorded_on) "
         "VALUES (?1, ?2, "
         "?3, ?4, ?5, ?6, ?7)")
      ->Bind(1, member_id)
      .Bind(2, seq)
      .Bind(3, a.address)
      .Bind(4, a.abroad ? 1 : 0)
      .Bind(5, ToIsoString(a.since))
      .Bind(6, a.source)
      .Bind(7, ToIsoString(a.recorded_on))
      .Run();
}

void SqliteFuhyoRegister::SetState(int64_t fuhyo_id, FuhyoState state, CalendarDate on,
                                   const std::string& reason) {
  db_.Prepare(
         "INSERT INTO fuhyo_event(fuhyo_id, state, on_date, reason, recorded_at) VALUES (?1, ?2, "
         "?3, ?4, ?5)")
      ->Bind(1, fuhyo_id)
      .Bind(2, static_cast<int>(state))
      .Bind(3, ToIsoString(on))
      .Bind(4, reason)
      .Bind(5, UtcTimestampNow())
      .Run();
}

int64_t SqliteFuhyoRegister::Write(const FuhyoEvent& e, const FuhyoEventPlan& plan,
                                   const AuditEvent& audit) {
  Transaction transaction(db_);
  const CalendarDate recorded = e.on;
  auto write = [&](int64_t fuhyo_id, const FuhyoWrite& w) {
    int64_t member_id = w.member.member_id;
    const bool carried = member_id == 0;
    if (w.new_version || member_id == 0) member_id = SaveMember(fuhyo_id, w.member, plan.source);
    for (const FuhyoAddress& line : w.lines) AddAddress(member_id, line);
    if (carried && w.member.protected_from && w.member.protected_until) {
      // A 支援措置 still running goes with the member to the new 附票 (改製, 管内転籍).
      db_.Prepare(
             "INSERT INTO fuhyo_protection(member_id, kind, from_date, until, reason) VALUES (?1, "
             "1, ?2, ?3, ?4)")
          ->Bind(1, member_id)
          .Bind(2, ToIsoString(*w.member.protected_from))
          .Bind(3, MaybeDay(w.member.protected_until))
          .Bind(4, plan.source)
          .Run();
    }
  };
  if (plan.close_as) SetState(e.fuhyo_id, *plan.close_as, e.on, plan.source);
  int64_t current = e.fuhyo_id;
  if (plan.create) {
    current = Create(*plan.create, e.on, plan.source);
    for (const FuhyoWrite& w : plan.on_created) write(current, w);
  }
  for (const FuhyoWrite& w : plan.on_current) write(e.fuhyo_id, w);
  if (plan.protect_member) {
    db_.Prepare(
           "INSERT INTO fuhyo_protection(member_id, kind, from_date, until, reason) VALUES (?1, 1, "
           "?2, ?3, ?4)")
        ->Bind(1, *plan.protect_member)
        .Bind(2, ToIsoString(e.on))
        .Bind(3, MaybeDay(e.until))
        .Bind(4, plan.source)
        .Run();
  }
  if (plan.protect_end_member) {
    db_.Prepare(
           "INSERT INTO fuhyo_protection(member_id, kind, from_date, until, reason) VALUES (?1, 2, "
           "?2, NULL, ?3)")
        ->Bind(1, *plan.protect_end_member)
        .Bind(2, ToIsoString(recorded))
        .Bind(3, plan.source)
        .Run();
  }
  AuditEvent entry = audit;
  if (plan.create) entry.detail += " new_fuhyo=" + std::to_string(current);
  SqliteAuditLog(db_).Record(entry);
  transaction.Commit();
  return current;
}

std::vector<FuhyoNoticeEntry> SqliteFuhyoStore::Outbox(int limit) {
  auto rows = db_.Prepare(
      "SELECT o.notice_id, o.to_municipality, o.created_at, "
      "(SELECT count(*) FROM fuhyo_delivery d WHERE d.notice_id = o.notice_id AND d.delivered = "
      "1), "
      "(SELECT count(*) FROM fuhyo_delivery d WHERE d.notice_id = o.notice_id AND d.delivered = "
      "0), "
      "(SELECT d.detail FROM fuhyo_delivery d WHERE d.notice_id = o.notice_id AND d.delivered = 0 "
      "ORDER BY d.rowid DESC "
      "LIMIT 1) FROM fuhyo_outbox o ORDER BY o.rowid DESC LIMIT ?1");
  rows->Bind(1, static_cast<int64_t>(limit));
  std::vector<FuhyoNoticeEntry> entries;
  while (rows->Step()) {
    FuhyoNoticeEntry e;
    e.notice_id = rows->ColumnText(0);
    e.counterpart = rows->ColumnText(1);
    e.recorded_at = rows->ColumnText(2);
    e.failures = static_cast<int>(rows->ColumnInt(4));
    e.state = rows->ColumnInt(3) > 0               ? "送付済み"
              : e.failures >= kMaxDeliveryAttempts ? "送付不能"
                                                   : "未送付";
    e.detail = rows->ColumnIsNull(5) ? std::string() : rows->ColumnText(5);
    entries.push_back(std::move(e));
  }
  return entries;
}

std::vector<FuhyoNoticeEntry> SqliteFuhyoStore::Inbox(int limit) {
  auto rows = db_.Prepare(
      "SELECT notice_id, from_municipality, received_at, outcome, reply FROM fuhyo_inbox ORDER BY "
      "rowid DESC LIMIT ?1");
  rows->Bind(1, static_cast<int64_t>(limit));
  std::vector<FuhyoNoticeEntry> entries;
  while (rows->Step()) {
    entries.push_back(FuhyoNoticeEntry{rows->ColumnText(0), rows->ColumnText(1),
                                       rows->ColumnText(2), rows->ColumnText(3), 0,
                                       rows->ColumnText(4)});
  }
  return entries;
}

IssueNumber RecordFuhyoIssuance(Database& db, const Viewer& viewer, const FuhyoCopyRequest& r,
                                const FuhyoCopyContent& content, int sheets, IssueNumber number) {
  Transaction transaction(db);
  number.serial = NextIssueSerial(db, number.date, number.terminal);
  std::string members, items;
  for (const FuhyoMember& m : content.fuhyo.members) {
    if (!members.empty()) members += ' ';
    members += std::to_string(m.member_id);
  }
  for (auto [on, name] : {std::pair{r.print_koseki, "honseki"},
                          {r.print_code, "jumin-code"},
                          {r.print_overseas_voter, "zaigai"}}) {
    if (!on) continue;
    if (!items.empty()) items += ',';
    items += name;
  }
  db.Prepare(
        "INSERT INTO fuhyo_issuance(issued_at, issue_date, place, terminal, number_terminal, "
        "operator_id, "
        "fuhyo_id, members, requester, purpose, items, sheets, serial, first_number) VALUES (?1, "
        "?2, ?3, "
        "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
      ->Bind(1, UtcTimestampNow())
      .Bind(2, ToIsoString(number.date))
      .Bind(3, viewer.place)
      .Bind(4, viewer.terminal)
      .Bind(5, number.terminal)
      .Bind(6, viewer.operator_id)
      .Bind(7, content.fuhyo.fuhyo_id)
      .Bind(8, members)
      .Bind(9, r.requester)
      .Bind(10, r.purpose)
      .Bind(11, items)
      .Bind(12, sheets)
      .Bind(13, number.serial)
      .Bind(14, number.Text(1, sheets))
      .Run();
  AuditEvent event = EventBy(viewer, AuditAction::kIssue, "戸籍の附票の写し・印刷");
  event.targets = content.residents;
  event.targets.insert(event.targets.end(), content.unmatched.begin(), content.unmatched.end());
  event.detail = "fuhyo_issuance=" + std::to_string(db.LastInsertRowId()) +
                 " fuhyo=" + std::to_string(content.fuhyo.fuhyo_id) +
                 " sheets=" + std::to_string(sheets) + " output=pdf";
  SqliteAuditLog(db).Record(event);
  transaction.Commit();
  return number;
}

std::string FuhyoFillFacts::Key(const std::string& place, const std::string& head,
                                const std::string& family, const std::string& given) {
  return place + '\x1f' + head + '\x1f' + family + '\x1f' + given;
}

void FuhyoFillFacts::Add(const std::string& place, const std::string& head,
                         const std::string& family, const std::string& given, Facts facts) {
  by_name_[Key(place, head, family, given)] = std::move(facts);
}

void FuhyoFillFacts::Add(const ResidentRecord& latest) {
  if (latest.status != ResidentStatus::kResident || latest.domicile.place.empty()) return;
  Add(latest.domicile.place, latest.domicile.head_of_family, latest.family_name, latest.given_name,
      Facts{latest.birth_date.InternalDate(), latest.sex, latest.resident_record_code});
}

const FuhyoFillFacts::Facts* FuhyoFillFacts::Find(const std::string& place, const std::string& head,
                                                  const std::string& family,
                                                  const std::string& given) const {
  auto found = by_name_.find(Key(place, head, family, given));
  return found == by_name_.end() ? nullptr : &found->second;
}

int AddFuhyoItemsInForce(Database& db, CalendarDate today, FuhyoWorkingSet* working,
                         const FuhyoFillFacts* given_residents) {
  if (today < kBirthAndSexSince) return 0;
  FuhyoFillFacts read_residents;
  if (!given_residents) {
    auto rows = db.Prepare(
        "SELECT domicile_place, domicile_head, family_name, given_name, birth_date_sort, sex, "
        "resident_record_code "
        "FROM resident_version v WHERE status = 1 AND domicile_place <> '' AND history_number = "
        "(SELECT max(w.history_number) FROM resident_version w WHERE w.addressee_number = "
        "v.addressee_number) "
        "ORDER BY v.addressee_number");
    while (rows->Step()) {
      FuhyoFillFacts::Facts f;
      if (!rows->ColumnIsNull(4)) f.birth = ParseIsoDate(rows->ColumnText(4));
      f.sex = static_cast<Sex>(rows->ColumnInt(5));
      f.code = rows->ColumnText(6);
      read_residents.Add(rows->ColumnText(0), rows->ColumnText(1), rows->ColumnText(2),
                         rows->ColumnText(3), std::move(f));
    }
  }
  const FuhyoFillFacts& residents = given_residents ? *given_residents : read_residents;
  std::vector<int64_t> current;
  std::unordered_map<int64_t, const Fuhyo*> held;  // the working set's, by id
  if (working) {
    for (const auto& [koseki, f] : working->current) {
      current.push_back(f.fuhyo_id);
      held[f.fuhyo_id] = &f;
    }
    std::sort(current.begin(), current.end());
  } else {
    auto ids = db.Prepare(
        "SELECT f.fuhyo_id FROM fuhyo f WHERE (SELECT e.state FROM fuhyo_event e WHERE e.fuhyo_id "
        "= f.fuhyo_id "
        "ORDER BY e.event_id DESC LIMIT 1) = 1 ORDER BY f.fuhyo_id");
    while (ids->Step()) current.push_back(ids->ColumnInt(0));
  }
  SqliteFuhyoRegister fuhyo(db);
  const std::string source = "法改正による記載事項の追加（職権）";
  int added = 0;
  for (int64_t id : current) {
    std::optional<Fuhyo> read;
    const Fuhyo* f = working                  ? held.at(id)
                     : (read = fuhyo.Get(id)) ? &*read
                                              : nullptr;  // no copy of a held one
    if (f == nullptr) continue;
    for (const FuhyoMember& m : f->members) {
      if (m.removed) continue;
      const FuhyoFillFacts::Facts* found =
          residents.Find(f->koseki.domicile, f->koseki.head_of_family, m.family_name, m.given_name);
      if (found == nullptr) continue;
      FuhyoMember next = m;
      if (!next.birth_date && found->birth) {
        next.birth_date = found->birth;
        next.sex = found->sex;
      }
      if (!next.sex) next.sex = found->sex;
      if (today >= kResidentCodeSince && next.resident_record_code.empty())
        next.resident_record_code = found->code;
      if (next.birth_date == m.birth_date && next.sex == m.sex &&
          next.resident_record_code == m.resident_record_code)
        continue;
      // A working set holds the member as written: its next version is known.
      fuhyo.SaveMember(
          f->fuhyo_id, next, source,
          working ? std::optional(SqliteFuhyoRegister::MemberNumbers{m.member_id, m.version + 1})
                  : std::nullopt);
      ++added;
    }
  }
  return added;
}

namespace {

std::string WorkingKey(const KosekiKey& koseki) {
  return koseki.domicile + '\x1f' + koseki.head_of_family;
}

// The current 附票 of `koseki` as `working` keeps it (read into it when it is not complete), or
// read into `read`; with `create_on`, one is made on that day when there is none. nullptr when
// there is none and none is made.
Fuhyo* LocateCurrent(SqliteFuhyoRegister& fuhyo, const KosekiKey& koseki,
                     std::optional<CalendarDate> create_on, FuhyoWorkingSet* working,
                     std::optional<Fuhyo>& read) {
  if (working) {
    if (auto it = working->current.find(WorkingKey(koseki)); it != working->current.end())
      return &it->second;
  }
  if (!working || !working->complete) read = fuhyo.FindCurrent(koseki);
  if (!read) {
    if (!create_on) return nullptr;
    // No 戸籍 system here: the 附票 of a 戸籍 first seen through the register is made now.
    const int64_t created = fuhyo.Create(koseki, *create_on, "編製（住民記録から）");
    read = working ? Fuhyo{created, koseki, FuhyoState::kCurrent, std::nullopt, {}}
                   : fuhyo.Get(created);
  }
  return working ? &(working->current[WorkingKey(koseki)] = std::move(*read)) : &*read;
}

// Writes the notice's items to `member` of `current` (a new member when nullopt): the name, birth,
// sex and code as a new version when they changed, the address as a new line when it changed.
// Returns the member id.
int64_t WriteNoticedMember(Database& db, SqliteFuhyoRegister& fuhyo, Fuhyo& current,
                           const std::optional<FuhyoMember>& member, const FuhyoNotice& n,
                           const std::string& source, FuhyoWorkingSet* working) {
  FuhyoMember next = member.value_or(FuhyoMember{});
  next.family_name = n.family_name;
  next.given_name = n.given_name;
  if (n.sent_on >= kFuriganaSince && (!n.family_kana.empty() || !n.given_kana.empty())) {
    next.family_kana = n.family_kana;
    next.given_kana = n.given_kana;
  }
  if (n.sent_on >= kBirthAndSexSince) {
    next.birth_date = n.birth_date;
    next.sex = n.sex;
  }
  if (n.sent_on >= kResidentCodeSince) next.resident_record_code = n.resident_record_code;
  int64_t member_id = next.member_id;
  const bool items_changed =
      !member || member->family_name != next.family_name || member->given_name != next.given_name ||
      member->family_kana != next.family_kana || member->given_kana != next.given_kana ||
      member->birth_date != next.birth_date || member->sex != next.sex ||
      member->resident_record_code != next.resident_record_code;
  // A working set knows the numbers: the member as it holds it is the member as written.
  std::optional<SqliteFuhyoRegister::MemberNumbers> numbers;
  if (working && items_changed) {
    if (!member && working->next_member_id == 0) working->next_member_id = NextMemberId(db);
    numbers = member ? SqliteFuhyoRegister::MemberNumbers{member->member_id, member->version + 1}
                     : SqliteFuhyoRegister::MemberNumbers{working->next_member_id++, 1};
  }
  if (items_changed) member_id = fuhyo.SaveMember(current.fuhyo_id, next, source, numbers);
  const FuhyoAddress line{n.abroad ? std::string() : n.address, n.abroad, n.since, source,
                          n.sent_on};
  const bool moved = !member || member->addresses.empty() ||
                     member->addresses.back().address != line.address ||
                     member->addresses.back().abroad != line.abroad ||
                     member->addresses.back().since != line.since;
  if (moved) {
    const int64_t lines = member ? static_cast<int64_t>(member->addresses.size()) : 0;
    fuhyo.AddAddress(member_id, line, working ? std::optional<int64_t>(lines + 1) : std::nullopt);
  }
  if (working && (items_changed || moved)) {
    // The member as Get would now read it: the new version's items, the address lines so far.
    next.member_id = member_id;
    if (items_changed) next.version = member ? member->version + 1 : 1;
    if (moved) next.addresses.push_back(line);
    auto kept = std::find_if(current.members.begin(), current.members.end(),
                             [&](const FuhyoMember& m) { return m.member_id == member_id; });
    if (kept == current.members.end()) {
      current.members.push_back(std::move(next));  // a new member has the highest id
    } else {
      *kept = std::move(next);
    }
  }
  return member_id;
}

}  // namespace

std::optional<Fuhyo> CurrentFuhyo(Database& db, const KosekiKey& koseki, FuhyoWorkingSet* working) {
  SqliteFuhyoRegister fuhyo(db);
  std::optional<Fuhyo> read;
  const Fuhyo* current = LocateCurrent(fuhyo, koseki, std::nullopt, working, read);
  if (current == nullptr) return std::nullopt;
  return *current;
}

Result<int64_t> ApplyFuhyoNotice(Database& db, const FuhyoNotice& n, const std::string& source) {
  SqliteFuhyoRegister fuhyo(db);
  std::optional<Fuhyo> read;
  Fuhyo* current = LocateCurrent(fuhyo, n.koseki, std::nullopt, nullptr, read);
  if (current == nullptr)
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.unknown_koseki", n.koseki.domicile);
  auto matched = MatchNotice(*current, n);
  if (!matched) return matched.error();
  return WriteNoticedMember(db, fuhyo, *current, *matched, n, source, nullptr);
}

void ApplyFuhyoChange(Database& db, FuhyoNotice notice, bool ours, int64_t member_id,
                      int64_t change_id, FuhyoWorkingSet* working) {
  if (ours) {
    // The 附票 is ours: updated in this transaction, to the member the plan chose.
    SqliteFuhyoRegister fuhyo(db);
    std::optional<Fuhyo> read;
    Fuhyo* current = LocateCurrent(fuhyo, notice.koseki, notice.sent_on, working, read);
    std::optional<FuhyoMember> member;
    if (member_id != 0) {
      for (const FuhyoMember& m : current->members) {
        if (m.member_id == member_id) member = m;
      }
      if (!member) {
        throw StorageError("storage.failure",
                           "附票 member " + std::to_string(member_id) +
                               " planned but not in the 附票 (the facts and the register differ)");
      }
    }
    WriteNoticedMember(db, fuhyo, *current, member, notice, "異動 " + std::to_string(change_id),
                       working);
    return;
  }
  // A working set counts the outbox's rows (nobody else adds any while it is kept).
  if (working != nullptr && working->next_outbox_row == 0)
    working->next_outbox_row = NextOutboxRow(db, OutboxFamily::kFuhyo);
  notice.notice_id = working != nullptr
                         ? OutboxId(notice.from_municipality, working->next_outbox_row++)
                         : NextOutboxId(db, notice.from_municipality);
  Enqueue(db, notice.notice_id, notice.to_municipality, EncodeFuhyoNotice(notice));
}

namespace {

void RecordInbox(Database& db, const std::string& id, const std::string& from,
                 const std::string& body, const FuhyoReceipt& result, const std::string& function) {
  db.Prepare(
        "INSERT INTO fuhyo_inbox(notice_id, from_municipality, body, outcome, reply) VALUES (?1, "
        "?2, ?3, ?4, ?5)")
      ->Bind(1, id)
      .Bind(2, from)
      .Bind(3, body)
      .Bind(4, result.outcome)
      .Bind(5, result.reply)
      .Run();
  AuditEvent event;
  event.action = AuditAction::kChange;
  event.operator_id = "fuhyo-inbox";
  event.function = function;
  event.outcome = result.outcome == "applied" || result.outcome == "reply" ? "ok" : result.outcome;
  event.detail = "notice=" + id;
  SqliteAuditLog(db).Record(event);
}

std::optional<FuhyoReceipt> AlreadyReceived(Database& db, const std::string& id) {
  auto seen = db.Prepare("SELECT outcome, reply FROM fuhyo_inbox WHERE notice_id = ?1");
  seen->Bind(1, id);
  if (!seen->Step()) return std::nullopt;
  return FuhyoReceipt{true, seen->ColumnText(0), seen->ColumnText(1)};
}

// A 第19条第2項 reply from a 本籍地: recorded for the clerks of this 住所地 to check the 住民票.
Result<FuhyoReceipt> ReceiveReply(Database& db, const std::string& body, const std::string& ours) {
  auto reply = DecodeFuhyoReply(body);
  if (!reply) return reply.error();
  if (reply->to_municipality != ours)
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.not_ours", reply->to_municipality);
  Transaction transaction(db);
  if (auto seen = AlreadyReceived(db, reply->reply_id)) return *seen;
  FuhyoReceipt result{false, "reply",
                      reply->message + "（" + reply->rule_id + "、通知 " + reply->in_reply_to +
                          " への本籍地からの通知）"};
  RecordInbox(db, reply->reply_id, reply->from_municipality, body, result,
              "附票記載事項通知への本籍地からの通知の受信");
  transaction.Commit();
  return result;
}

}  // namespace

Result<FuhyoReceipt> ReceiveFuhyoNotice(Database& db, const std::string& body, CalendarDate today) {
  const std::string ours = RoutedMunicipalityOf(db).name;
  if (IsFuhyoReply(body)) return ReceiveReply(db, body, ours);
  auto notice = DecodeFuhyoNotice(body);
  if (!notice) return notice.error();
  if (notice->to_municipality != ours ||
      !DomicileIsIn(Domicile{Domicile::State::kRecorded, notice->koseki.domicile, ""}, ours)) {
    return MakeError(ErrorCode::kRuleViolation, "fuhyo.not_ours", notice->to_municipality);
  }
  Transaction transaction(db);
  if (auto seen = AlreadyReceived(db, notice->notice_id)) return *seen;
  FuhyoReceipt result;
  auto applied = ApplyFuhyoNotice(db, *notice, "通知 " + notice->notice_id);
  if (applied) {
    result.outcome = "applied";
  } else {
    // 第19条第2項: the 住所地 is told the notice does not agree with the 戸籍 — recorded here and
    // sent back through the outbox in the same commit.
    result.outcome = applied.error().rule_id;
    result.reply = "住基法第19条第2項の通知: " + MessageJa(applied.error()) + "（通知 " +
                   notice->notice_id + "）";
    const FuhyoReply reply{
        NextOutboxId(db, ours),  notice->notice_id, ours, notice->from_municipality,
        applied.error().rule_id, result.reply,      today};
    Enqueue(db, reply.reply_id, reply.to_municipality, EncodeFuhyoReply(reply));
  }
  RecordInbox(db, notice->notice_id, notice->from_municipality, body, result,
              "附票記載事項通知の受信");
  transaction.Commit();
  return result;
}

DeliveryReport DeliverFuhyoOutbox(Database& db, const FuhyoTransport& transport) {
  return DeliverOutbox(db, OutboxFamily::kFuhyo, transport);
}

std::vector<std::string> ResidentsOfUndatedMember(Database& db, const KosekiKey& koseki,
                                                  const FuhyoMember& member) {
  std::vector<std::string> people;
  auto add = [&](const std::string& atena) {
    if (!atena.empty() && std::find(people.begin(), people.end(), atena) == people.end())
      people.push_back(atena);
  };
  // The 氏名 key SearchKeysOf gives a version with this 氏名, as IndexVersion stored it: a name
  // without one (text no version could hold) was nobody's.
  ResidentRecord named_so;
  named_so.family_name = member.family_name;
  named_so.given_name = member.given_name;
  static const std::vector<SearchKeyKind> kName = {SearchKeyKind::kKanjiName};
  for (const SearchKey& key : SearchKeysOf(named_so, &kName)) {
    auto named = db.Prepare(std::string(kUndatedMemberResidentsSql));
    named->Bind(1, member.family_name)
        .Bind(2, member.given_name)
        .Bind(3, koseki.domicile)
        .Bind(4, koseki.head_of_family)
        .Bind(5, static_cast<int>(key.kind))
        .Bind(6, key.value);
    while (named->Step()) add(named->ColumnText(0));
  }
  add(ResidentOfMember(db, member.member_id));
  return people;
}

}  // namespace jrr
