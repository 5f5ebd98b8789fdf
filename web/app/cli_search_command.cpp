// SPDX-License-Identifier: Apache-2.0
//
// jrr search: 検索 (JK-2.1) through ResidentAccess, with the user's search history.
#include "cli.h"
#include "cli_support.h"

#include <ostream>

#include "jrr/domain/japanese_date.h"
#include "jrr/persistence/sqlite_audit_log.h"
#include "jrr/persistence/sqlite_resident_repository.h"
#include "jrr/persistence/sqlite_search_index.h"
#include "jrr/web/change_json.h"
#include "jrr/web/json_writer.h"

namespace jrr::cli {
namespace {

// 消除事由 by code (23) or by name (死亡).
std::optional<ChangeReason> RemovalReason(const std::string& text) {
  for (int code = 1; code < 100; ++code) {
    auto reason = ChangeReasonFromCode(code);
    if (!reason) continue;
    if (std::to_string(code) == text || InfoOf(*reason).name_ja == text) return reason;
  }
  return std::nullopt;
}

Result<SearchQuery> QueryFrom(const Args& args) {
  SearchQuery q;
  q.kana = args.Option("kana");
  q.kana_given = args.Option("kana-given");
  q.name = args.Option("name");
  q.given_name = args.Option("given-name");
  const std::string match = args.Option("match", "exact");
  if (match == "prefix") q.mode = MatchMode::kPrefix;
  else if (match == "contains") q.mode = MatchMode::kContains;
  else if (match != "exact") return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "--match");
  if (args.options.contains("birth")) {
    // 生年月日 in 和暦 or 西暦, as everywhere.
    auto birth = ParseCalendarDate(args.Option("birth"));
    if (!birth) return birth.error();
    q.birth_date = *birth;
  }
  if (args.options.contains("sex")) {
    const std::string sex = args.Option("sex");
    if (sex == "male" || sex == "男") q.sex = Sex::kMale;
    else if (sex == "female" || sex == "女") q.sex = Sex::kFemale;
    else return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "--sex");
  }
  q.relationship = args.Option("relationship");
  q.address = args.Option("address");
  q.address_code = args.Option("address-code");
  q.katagaki = args.Option("katagaki");
  q.addressee_number = args.Option("atena");
  q.household_number = args.Option("household");
  q.resident_record_code = args.Option("jumin-code");
  q.individual_number = args.Option("kojin");
  q.residence_card = args.Option("card");
  if (args.options.contains("removal-reason")) {
    q.removal_reason = RemovalReason(args.Option("removal-reason"));
    if (!q.removal_reason) return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "--removal-reason");
  }
  q.residents_only = args.flags.contains("residents-only");
  if (args.options.contains("limit")) {
    try {
      q.limit = std::stoul(args.Option("limit"));
    } catch (const std::logic_error&) {
      q.limit = 0;
    }
    if (q.limit == 0 || q.limit > 1000) {
      return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", "--limit 1..1000");
    }
  }
  return q;
}

std::string HitJson(const SearchHit& hit) {
  std::string alerts = "[";
  for (const std::string& a : hit.protection.alerts) {
    if (alerts.size() > 1) alerts += ',';
    web::AppendJsonString(alerts, a);
  }
  alerts += ']';
  const std::string protection = web::JsonObject()
                                     .Add("support_target", hit.protection.support_target)
                                     .Add("provisional", hit.protection.provisional)
                                     .Add("blocked", !hit.protection.blocked.empty())
                                     .Add("marker", hit.protection.marker)
                                     .AddRaw("alerts", alerts)
                                     .str();
  return web::JsonObject()
      .AddRaw("record", web::EncodeRecord(hit.record))
      .Add("matched_former", hit.matched_former)
      .Add("pending", hit.pending)
      .AddRaw("protection", protection)
      .str();
}

void PrintHit(std::ostream& out, const SearchHit& hit) {
  const ResidentRecord& r = hit.record;
  out << r.addressee_number << "  世帯 " << r.household_number << "  " << r.DisplayName();
  if (!r.family_kana.empty() || !r.given_kana.empty()) out << "（" << r.family_kana << " " << r.given_kana << "）";
  out << "  " << FormatRecordedDate(r.birth_date, DisplayCalendar::kWareki) << "生  "
      << (r.sex == Sex::kMale ? "男" : "女") << "  " << r.relationship.Text() << "  " << r.address.Printed();
  if (r.status == ResidentStatus::kRemoved) {
    out << "  【除票" << (r.removal ? "・" + std::string(InfoOf(r.removal->reason).name_ja) : "") << "】";
  }
  if (!hit.protection.marker.empty()) out << "  【" << hit.protection.marker << "】";
  if (hit.pending) out << "  【仮登録中】";
  if (hit.matched_former) out << "  【旧情報で一致】";
  out << "\n";
}

}  // namespace

int Search(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteSearchHistory history(**db);
  if (args.flags.contains("history")) {
    const auto recent = history.Recent(viewer->operator_id, 20);
    for (const SearchHistoryEntry& e : recent) {
      out << e.search_id << "  " << e.searched_at << "  " << e.hits << " 件  " << e.query_text << "\n";
    }
    out << "検索履歴 " << recent.size() << " 件（" << viewer->operator_id << "）\n";
    return kOk;
  }
  Result<SearchQuery> query = SearchQuery{};
  if (args.options.contains("rerun")) {
    std::optional<SearchHistoryEntry> entry;
    try {
      entry = history.Get(std::stoll(args.Option("rerun")));
    } catch (const std::logic_error&) {
    }
    // Only one's own searches can be re-run: the history is per user.
    if (!entry || entry->operator_id != viewer->operator_id) {
      return PrintError(err, MakeError(ErrorCode::kNotFound, "search.history_not_found", args.Option("rerun")));
    }
    query = SearchQuery::ParseText(entry->query_text);
  } else {
    query = QueryFrom(args);
  }
  if (!query) return PrintError(err, query.error());
  SqliteResidentRepository residents(**db);
  SqliteAuditLog log(**db);
  SqliteSearchIndex index(**db);
  auto result = ResidentAccess(residents, log, *viewer).Search(*query, index, history);
  if (!result) return PrintError(err, result.error());
  for (const SearchHit& hit : result->hits) {
    if (args.flags.contains("json")) {
      out << HitJson(hit) << "\n";
    } else {
      PrintHit(out, hit);
    }
  }
  if (!args.flags.contains("json")) {
    out << "該当 " << result->hits.size() << " 件" << (result->truncated ? "（一部のみ表示。条件を絞ってください）" : "")
        << "\n";
  }
  return kOk;
}

}  // namespace jrr::cli
