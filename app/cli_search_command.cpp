// SPDX-License-Identifier: Apache-2.0
//
// jrr search: 検索 (JK-2.1) through ResidentAccess, with the user's search history.
#include <ostream>

#include "cli.h"
#include "cli_support.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/web/access/search_json.h"
#include "jrr/web/core/json_writer.h"

namespace jrr::cli {
namespace {

void PrintHit(std::ostream& out, const SearchHit& hit) {
  const ResidentRecord& r = hit.record;
  if (hit.withheld) {
    out << r.addressee_number << "  【" << hit.protection.marker
        << "】（照会抑止のため表示しません）\n";
    return;
  }
  out << r.addressee_number << "  世帯 " << r.household_number << "  " << r.DisplayName();
  if (!r.family_kana.empty() || !r.given_kana.empty())
    out << "（" << r.family_kana << " " << r.given_kana << "）";
  out << "  " << FormatRecordedDate(r.birth_date, DisplayCalendar::kWareki) << "生  "
      << (r.sex == Sex::kMale ? "男" : "女") << "  " << r.relationship.Text() << "  "
      << r.address.Printed();
  if (r.status == ResidentStatus::kRemoved) {
    out << "  【除票" << (r.removal ? "・" + std::string(InfoOf(r.removal->reason).name_ja) : "")
        << "】";
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
      out << e.search_id << "  " << e.searched_at << "  " << e.hits << " 件  " << e.query_text
          << "\n";
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
      return PrintError(
          err, MakeError(ErrorCode::kNotFound, "search.history_not_found", args.Option("rerun")));
    }
    query = SearchQuery::ParseText(entry->query_text);
  } else {
    query = web::DecodeSearchQuery([&args](std::string_view name) -> std::optional<std::string> {
      const std::string key(name);
      if (key == "residents-only")
        return args.flags.contains(key) ? std::optional<std::string>("1") : std::nullopt;
      if (!args.options.contains(key)) return std::nullopt;
      return args.Option(key);
    });
  }
  if (!query) return PrintError(err, query.error());
  SqliteResidentRepository residents(**db);
  SqliteAuditLog log(**db);
  SqliteSearchIndex index(**db);
  auto result = ResidentAccess(residents, log, *viewer).Search(*query, index, history);
  if (!result) return PrintError(err, result.error());
  for (const SearchHit& hit : result->hits) {
    if (args.flags.contains("json")) {
      out << web::EncodeSearchHit(hit) << "\n";
    } else {
      PrintHit(out, hit);
    }
  }
  if (!args.flags.contains("json")) {
    out << "該当 " << result->hits.size() << " 件"
        << (result->truncated ? "（一部のみ表示。条件を絞ってください）" : "") << "\n";
  }
  return kOk;
}

}  // namespace jrr::cli
