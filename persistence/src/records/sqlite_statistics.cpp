// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/records/sqlite_statistics.h"

#include <map>

#include "jrr/domain/records/change_reason.h"

namespace jrr {
namespace {

void Add(PeopleCount& count, int64_t kind, int64_t sex, int64_t n = 1) {
  const bool foreign = kind == 2;  // ResidentKind::kForeign
  const bool male = sex == 1;
  (foreign ? (male ? count.foreign_male : count.foreign_female)
           : (male ? count.japanese_male : count.japanese_female)) += n;
}

}  // namespace

RegisterStatistics SqliteStatistics::Compute(CalendarDate from, CalendarDate to) {
  RegisterStatistics s;
  s.from = from;
  s.to = to;
  const std::string reference = ToIsoString(to);
  // Each person's version in force on the reference date by 異動日, ignoring 異動 that a later one
  // (processed by then) superseded — the as-of rule of SqliteResidentRepository::AsOf, set-based.
  auto population = db_.Prepare(
      "SELECT kind, sex, household_number, address_text, foreign_category FROM ("
      " SELECT v.kind, v.sex, v.status, v.household_number, v.address_text, v.foreign_category, "
      "  row_number() OVER (PARTITION BY v.addressee_number ORDER BY v.history_number DESC) AS rn "
      " FROM resident_version v JOIN change_record c ON c.change_id = v.change_id "
      " WHERE coalesce(c.event_date_sort, c.processing_date) <= ?1 "
      "  AND NOT EXISTS (SELECT 1 FROM change_record x WHERE x.supersedes_change_id = c.change_id "
      "                  AND x.processing_date <= ?1)"
      ") WHERE rn = 1 AND status = 1");
  population->Bind(1, reference);
  std::map<std::string, int> household_kinds;  // bit 1: Japanese, bit 2: foreign
  std::map<std::string, PeopleCount> areas;
  for (int c = 1; c <= 5; ++c) {
    s.foreign_by_category.push_back({static_cast<ForeignCategory>(c)});
  }
  // The report's row for a foreign resident's category (nullptr for none or an unknown code).
  auto category_row = [&s](int64_t kind,
                           int64_t category) -> RegisterStatistics::ForeignCategoryCounts* {
    if (kind != 2 || category < 1 || category > 5) return nullptr;
    return &s.foreign_by_category[static_cast<std::size_t>(category - 1)];
  };
  while (population->Step()) {
    if (auto* row = category_row(population->ColumnInt(0), population->ColumnInt(4)))
      ++row->population;
    const int64_t kind = population->ColumnInt(0);
    const int64_t sex = population->ColumnInt(1);
    Add(s.population, kind, sex);
    household_kinds[population->ColumnText(2)] |= kind == 2 ? 2 : 1;
    Add(areas[population->ColumnText(3)], kind, sex);
  }
  for (const auto& [household, kinds] : household_kinds) {
    (kinds == 1 ? s.households_japanese : kinds == 2 ? s.households_foreign : s.households_mixed)++;
  }
  for (const auto& [text, count] : areas) s.by_area.push_back({text, count});

  // The period's 異動, per version written, by 異動日. An entry 異動 counts the people it entered;
  // a removal 異動 the people it removed (not, e.g., a member made 世帯主 by a death); 帰化・国籍取得・
  // 国籍喪失 count both sides (a 除票 of one kind and an entry of the other). A cancelled
  // (superseded) 異動 and the 取消し itself count for nothing: as if it never happened. Completing a
  // 除票 (転入通知) or amending a 転出 changes no population.
  auto flows = db_.Prepare(
      "SELECT c.reason, v.status, coalesce(v.removal_reason, 0), v.kind, v.sex, count(*), "
      "v.foreign_category "
      "FROM change_record c JOIN resident_version v ON v.change_id = c.change_id "
      "WHERE coalesce(c.event_date_sort, c.processing_date) BETWEEN ?1 AND ?2 "
      " AND NOT EXISTS (SELECT 1 FROM change_record x WHERE x.supersedes_change_id = c.change_id) "
      "GROUP BY 1, 2, 3, 4, 5, 7");
  flows->Bind(1, ToIsoString(from)).Bind(2, reference);
  while (flows->Step()) {
    const auto reason = ChangeReasonFromCode(static_cast<int>(flows->ColumnInt(0)));
    if (!reason || *reason == ChangeReason::kEntryCancellation ||
        *reason == ChangeReason::kRemovalCancellation ||
        *reason == ChangeReason::kCorrectionCancellation) {
      continue;
    }
    const bool removed = flows->ColumnInt(1) == 2;
    const auto removal_reason = ChangeReasonFromCode(static_cast<int>(flows->ColumnInt(2)));
    if (auto* row = category_row(flows->ColumnInt(3), flows->ColumnInt(6))) {
      const int64_t n = flows->ColumnInt(5);
      if (!removed && *reason == ChangeReason::kMoveInFromAbroad) row->from_abroad += n;
      if (!removed && *reason == ChangeReason::kDomesticMoveIn) row->moved_in += n;
      if (!removed && *reason == ChangeReason::kWithinMove) row->moved_within += n;
      if (removed &&
          (*reason == ChangeReason::kDomesticMoveOut || *reason == ChangeReason::kMoveOutAbroad)) {
        row->moved_out += n;
      }
    }
    const bool nationality = *reason == ChangeReason::kEntryNaturalisation ||
                             *reason == ChangeReason::kEntryLossOfNationality;
    PeopleCount* bucket = nullptr;
    if (removed && removal_reason &&
        (InfoOf(*reason).group == ReasonGroup::kRemoval || nationality)) {
      switch (*removal_reason) {
        case ChangeReason::kDomesticMoveOut:
          bucket = &s.move_out_domestic;
          break;
        case ChangeReason::kMoveOutAbroad:
          bucket = &s.move_out_abroad;
          break;
        case ChangeReason::kDeath:
          bucket = &s.deaths;
          break;
        default:
          bucket = &s.other_removals;
          break;
      }
    } else if (!removed && InfoOf(*reason).group == ReasonGroup::kEntry) {
      switch (*reason) {
        case ChangeReason::kDomesticMoveIn:
          bucket = &s.move_in_domestic;
          break;
        case ChangeReason::kMoveInFromAbroad:
          bucket = &s.move_in_abroad;
          break;
        case ChangeReason::kBirth:
          bucket = &s.births;
          break;
        default:
          bucket = &s.other_entries;
          break;
      }
    }
    if (bucket != nullptr) {
      Add(*bucket, flows->ColumnInt(3), flows->ColumnInt(4), flows->ColumnInt(5));
    }
  }
  return s;
}

}  // namespace jrr
