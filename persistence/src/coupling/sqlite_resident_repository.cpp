// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/coupling/sqlite_resident_repository.h"

namespace jrr {

Result<ChangeOutcome> SqliteResidentRepository::Append(ChangeRecord change,
                                                       std::vector<ResidentRecord> versions,
                                                       const std::vector<VersionStamp>& read_set) {
  Transaction transaction(db_);
  auto outcome = SqliteResidentStore::Append(std::move(change), std::move(versions), read_set);
  if (!outcome) return outcome;
  auto effects = PlanChangeEffects(*outcome, ReadChangeEffectFacts(db_, *outcome));
  if (!effects) return effects.error();
  if (auto applied = ApplyChangeEffects(db_, *outcome, *effects); !applied) return applied.error();
  for (const std::string& notice : effects->notices) outcome->notices.push_back(notice);
  transaction.Commit();
  return outcome;
}

}  // namespace jrr
