// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/fuhyo/fuhyo_member_split.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

struct VersionRow {
  int version = 0;
  int64_t fuhyo_id = 0;
  FuhyoMember member;
  std::string source;
  std::string atena;  // the resident a 異動's version was written for, when known
};

struct LineRow {
  int64_t seq = 0;
  std::string source;
};

// The 異動 number of a source written by this municipality's 住民記録, or 0.
int64_t ChangeOf(const std::string& source) {
  static const std::string kPrefix = "異動 ";
  if (!source.starts_with(kPrefix)) return 0;
  const std::string digits = source.substr(kPrefix.size());
  if (digits.empty() || digits.size() > 18 ||
      digits.find_first_not_of("0123456789") != std::string::npos)
    return 0;
  return std::stoll(digits);
}

// Written by matching a notice (ours or a 住所地's), rather than by an event on the member itself.
bool ByNotice(const std::string& source) {
  return ChangeOf(source) != 0 || source.starts_with("通知 ");
}

std::optional<CalendarDate> MaybeDay(Statement& row, int column) {
  if (row.ColumnIsNull(column)) return std::nullopt;
  return ParseIsoDate(row.ColumnText(column));
}

// The versions of a member not moved away, oldest first, each with its resident where the 異動
// that wrote it names one with its 氏名 and 生年月日.
std::vector<VersionRow> VersionsOf(Database& db, int64_t member_id) {
  auto rows = db.Prepare(
      "SELECT version, fuhyo_id, family_name, given_name, birth_date, sex, resident_record_code, "
      "removed, source "
      "FROM fuhyo_member_version v WHERE member_id = ?1 AND NOT EXISTS (SELECT 1 FROM "
      "fuhyo_member_moved m WHERE "
      "m.member_id = v.member_id AND m.version = v.version) ORDER BY version");
  rows->Bind(1, member_id);
  std::vector<VersionRow> versions;
  while (rows->Step()) {
    VersionRow v;
    v.version = static_cast<int>(rows->ColumnInt(0));
    v.fuhyo_id = rows->ColumnInt(1);
    v.member.member_id = member_id;
    v.member.family_name = rows->ColumnText(2);
    v.member.given_name = rows->ColumnText(3);
    v.member.birth_date = MaybeDay(*rows, 4);
    if (!rows->ColumnIsNull(5)) v.member.sex = static_cast<Sex>(rows->ColumnInt(5));
    v.member.resident_record_code = rows->ColumnText(6);
    v.member.removed = rows->ColumnInt(7) != 0;
    v.source = rows->ColumnText(8);
    versions.push_back(std::move(v));
  }
  auto resident = db.Prepare(
      "SELECT DISTINCT addressee_number FROM resident_version WHERE change_id = ?1 AND family_name "
      "= ?2 AND "
      "given_name = ?3 AND (?4 IS NULL OR birth_date_sort = ?4) LIMIT 2");
  for (VersionRow& v : versions) {
    const int64_t change = ChangeOf(v.source);
    if (change == 0) continue;
    resident->Bind(1, change).Bind(2, v.member.family_name).Bind(3, v.member.given_name);
    if (v.member.birth_date) {
      resident->Bind(4, ToIsoString(*v.member.birth_date));
    } else {
      resident->BindNull(4);
    }
    std::vector<std::string> found;
    while (resident->Step()) found.push_back(resident->ColumnText(0));
    resident->Reset();
    if (found.size() == 1) v.atena = found.front();
  }
  return versions;
}

struct Person {
  FuhyoMember latest;
  std::string atena;
  std::vector<int> versions;  // indexes into the member's versions
};

bool Is(const Person& p, const VersionRow& v, bool by_member_id) {
  if (!p.atena.empty() && !v.atena.empty()) return p.atena == v.atena;
  return SamePerson(p.latest, v.member, by_member_id);
}

// The people a member's versions name, in the order they first appear.
std::vector<Person> PeopleOf(const std::vector<VersionRow>& versions) {
  std::vector<Person> people;
  int current = -1;
  for (int i = 0; i < static_cast<int>(versions.size()); ++i) {
    const VersionRow& v = versions[static_cast<std::size_t>(i)];
    int who = -1;
    if (current >= 0 && Is(people[static_cast<std::size_t>(current)], v, !ByNotice(v.source))) {
      who = current;
    } else {
      // Another person: one seen before (the member went back and forth), or someone new.
      for (int q = 0; q < static_cast<int>(people.size()); ++q) {
        if (q != current && Is(people[static_cast<std::size_t>(q)], v, false)) who = q;
      }
      if (who < 0) {
        people.push_back(Person{});
        who = static_cast<int>(people.size()) - 1;
      }
    }
    Person& p = people[static_cast<std::size_t>(who)];
    p.latest = v.member;
    if (p.atena.empty()) p.atena = v.atena;
    p.versions.push_back(i);
    current = who;
  }
  return people;
}

std::string NamesOf(const std::vector<Person>& people) {
  std::string names;
  for (const Person& p : people) {
    if (!names.empty()) names += "、";
    names += p.latest.DisplayName();
  }
  return names;
}

// Members with more than one version: the only ones that can hold several people.
std::vector<int64_t> MembersWithHistory(Database& db) {
  auto rows = db.Prepare(
      "SELECT member_id FROM fuhyo_member_version GROUP BY member_id HAVING count(*) > 1 ORDER BY "
      "member_id");
  std::vector<int64_t> ids;
  while (rows->Step()) ids.push_back(rows->ColumnInt(0));
  return ids;
}

// The people of `member` a line written by 異動 `change` belongs to: those that 異動 names.
std::vector<int> OwnersOfLine(Database& db, int64_t change, const std::vector<Person>& people) {
  std::set<std::string> named;
  std::vector<std::pair<std::string, std::string>> names;
  auto rows = db.Prepare(
      "SELECT addressee_number, family_name, given_name FROM resident_version WHERE change_id = "
      "?1");
  rows->Bind(1, change);
  while (rows->Step()) {
    named.insert(rows->ColumnText(0));
    names.emplace_back(rows->ColumnText(1), rows->ColumnText(2));
  }
  std::vector<int> owners;
  for (int q = 0; q < static_cast<int>(people.size()); ++q) {
    const Person& p = people[static_cast<std::size_t>(q)];
    const bool by_number = !p.atena.empty() && named.contains(p.atena);
    const bool by_name =
        p.atena.empty() && std::any_of(names.begin(), names.end(), [&](const auto& n) {
          return n.first == p.latest.family_name && n.second == p.latest.given_name;
        });
    if (by_number || by_name) owners.push_back(q);
  }
  return owners;
}

}  // namespace

std::string ResidentOfMember(Database& db, int64_t member_id) {
  auto version = db.Prepare(
      "SELECT source, family_name, given_name, birth_date FROM fuhyo_member_version v WHERE "
      "member_id = ?1 AND "
      "source LIKE '異動 %' AND NOT EXISTS (SELECT 1 FROM fuhyo_member_moved m WHERE m.member_id = "
      "v.member_id AND "
      "m.version = v.version) ORDER BY version DESC LIMIT 1");
  version->Bind(1, member_id);
  if (!version->Step()) return {};
  const int64_t change = ChangeOf(version->ColumnText(0));
  if (change == 0) return {};
  auto resident = db.Prepare(
      "SELECT DISTINCT addressee_number FROM resident_version WHERE change_id = ?1 AND family_name "
      "= ?2 AND "
      "given_name = ?3 AND (?4 IS NULL OR birth_date_sort = ?4) LIMIT 2");
  resident->Bind(1, change).Bind(2, version->ColumnText(1)).Bind(3, version->ColumnText(2));
  if (version->ColumnIsNull(3)) {
    resident->BindNull(4);
  } else {
    resident->Bind(4, version->ColumnText(3));
  }
  std::vector<std::string> found;
  while (resident->Step()) found.push_back(resident->ColumnText(0));
  return found.size() == 1 ? found.front() : std::string();
}

std::vector<FuhyoMemberProblem> VerifyFuhyoMembers(Database& db) {
  std::vector<FuhyoMemberProblem> problems;
  for (int64_t member_id : MembersWithHistory(db)) {
    const std::vector<VersionRow> versions = VersionsOf(db, member_id);
    const std::vector<Person> people = PeopleOf(versions);
    if (people.size() < 2) continue;
    problems.push_back(FuhyoMemberProblem{versions.back().fuhyo_id, member_id,
                                          static_cast<int>(people.size()), NamesOf(people)});
  }
  return problems;
}

FuhyoSplitReport SplitMergedFuhyoMembers(Database& db) {
  FuhyoSplitReport report;
  int64_t next_member =
      db.QueryInt("SELECT coalesce(max(member_id), 0) + 1 FROM fuhyo_member_version");
  std::string detail;
  for (int64_t member_id : MembersWithHistory(db)) {
    const std::vector<VersionRow> versions = VersionsOf(db, member_id);
    const std::vector<Person> people = PeopleOf(versions);
    if (people.size() < 2) continue;
    ++report.members_split;
    std::vector<LineRow> lines;
    auto line_rows =
        db.Prepare("SELECT seq, source FROM fuhyo_address WHERE member_id = ?1 ORDER BY seq");
    line_rows->Bind(1, member_id);
    while (line_rows->Step())
      lines.push_back(LineRow{line_rows->ColumnInt(0), line_rows->ColumnText(1)});
    // Each line's owners; a line no 異動 explains stays with the first person.
    std::vector<std::vector<int>> owners(lines.size());
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (const int64_t change = ChangeOf(lines[l].source); change != 0)
        owners[l] = OwnersOfLine(db, change, people);
      if (owners[l].empty()) {
        owners[l] = {0};
        ++report.lines_uncertain;
      }
    }
    std::vector<int64_t> member_of(people.size(), member_id);
    for (std::size_t q = 1; q < people.size(); ++q) member_of[q] = next_member++;
    report.members_added += static_cast<int>(people.size()) - 1;
    for (std::size_t q = 1; q < people.size(); ++q) {
      int renumbered = 0;
      for (int i : people[q].versions) {
        const VersionRow& v = versions[static_cast<std::size_t>(i)];
        db.Prepare(
              "INSERT INTO fuhyo_member_version(member_id, version, fuhyo_id, family_name, "
              "given_name, birth_date, sex, "
              "resident_record_code, overseas_voter, removed, removal_reason, removed_on, source, "
              "recorded_at, "
              "family_kana, given_kana, kana_key) SELECT ?1, ?2, fuhyo_id, family_name, "
              "given_name, birth_date, sex, "
              "resident_record_code, overseas_voter, removed, removal_reason, removed_on, source, "
              "recorded_at, "
              "family_kana, given_kana, kana_key FROM fuhyo_member_version WHERE member_id = ?3 "
              "AND version = ?4")
            ->Bind(1, member_of[q])
            .Bind(2, ++renumbered)
            .Bind(3, member_id)
            .Bind(4, v.version)
            .Run();
        db.Prepare(
              "INSERT INTO fuhyo_member_moved(member_id, version, to_member_id) VALUES (?1, ?2, "
              "?3)")
            ->Bind(1, member_id)
            .Bind(2, v.version)
            .Bind(3, member_of[q])
            .Run();
      }
      // A 支援措置 passed on for the member may have been meant for any of its people: each keeps it.
      db.Prepare(
            "INSERT INTO fuhyo_protection(member_id, kind, from_date, until, reason, recorded_at) "
            "SELECT ?1, kind, "
            "from_date, until, reason, recorded_at FROM fuhyo_protection WHERE member_id = ?2 "
            "ORDER BY protection_id")
          ->Bind(1, member_of[q])
          .Bind(2, member_id)
          .Run();
    }
    std::vector<int64_t> next_seq(people.size(), 1);
    for (std::size_t l = 0; l < lines.size(); ++l) {
      for (int q : owners[l]) {
        if (q == 0) continue;
        db.Prepare(
              "INSERT INTO fuhyo_address(member_id, seq, address, abroad, since, source, "
              "recorded_on) SELECT ?1, "
              "?2, address, abroad, since, source, recorded_on FROM fuhyo_address WHERE member_id "
              "= ?3 AND seq = ?4")
            ->Bind(1, member_of[static_cast<std::size_t>(q)])
            .Bind(2, next_seq[static_cast<std::size_t>(q)]++)
            .Bind(3, member_id)
            .Bind(4, lines[l].seq)
            .Run();
      }
      if (std::find(owners[l].begin(), owners[l].end(), 0) == owners[l].end()) {
        db.Prepare(
              "INSERT INTO fuhyo_member_moved(member_id, seq, to_member_id) VALUES (?1, ?2, ?3)")
            ->Bind(1, member_id)
            .Bind(2, lines[l].seq)
            .Bind(3, member_of[static_cast<std::size_t>(owners[l].front())])
            .Run();
      }
    }
    if (!detail.empty()) detail += ' ';
    detail += std::to_string(member_id);
    detail += "->";
    for (std::size_t q = 1; q < people.size(); ++q) {
      if (q > 1) detail += ',';
      detail += std::to_string(member_of[q]);
    }
  }
  if (report.members_split > 0) {
    AuditEvent event;
    event.action = AuditAction::kChange;
    event.operator_id = "jrr migrate";
    event.function = "附票記載者の分離（職権訂正）";
    event.detail = "split=" + std::to_string(report.members_split) +
                   " added=" + std::to_string(report.members_added) +
                   " uncertain_lines=" + std::to_string(report.lines_uncertain) + " " + detail;
    if (event.detail.size() > 4000) event.detail.resize(4000);
    SqliteAuditLog(db).Record(event);
  }
  return report;
}

}  // namespace jrr
