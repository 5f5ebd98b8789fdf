// SPDX-License-Identifier: Apache-2.0
//
// 異動の波及 on SQLite: reads the facts coupling/change_effects.h plans from, and applies a plan —
// both inside the 異動's transaction, so a 異動 and everything it causes commit together or not at
// all. SqliteResidentRepository::Append calls them for every 異動; the sample town's bulk writer
// calls the same two, with a working set; the 入力確認 reads the facts through the same reader
// before anything is written (ChangeDesk).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jrr/domain/coupling/change_effects.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/cs/sqlite_cs_exchange.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"

namespace jrr {

// What a bulk loader, the register's only writer, keeps across its 異動 instead of reading it for
// each: this municipality, whether any 印鑑登録 exists yet, and the 附票 and CS outboxes' numbering.
struct ChangeEffectWorkingSet {
  FuhyoWorkingSet* fuhyo = nullptr;  // the loader's current 附票, when it keeps them
  CsWorkingSet cs;
  bool seals_may_exist = true;     // false: no 印鑑登録 exists, so none is read
  bool measures_may_exist = true;  // false: no 支援措置 exists, so none is read
  std::optional<RoutedMunicipality> municipality;
};

// The facts of `outcome`'s people as the register holds them now. `before`, when given, holds the
// version each of outcome.versions replaced (nullopt entries: none) and is moved into the facts;
// otherwise they are read. Whom each member of our 附票 is (OurFuhyo::people) is read for the
// members the plan could choose, or with `every_member` for all (the desks refuse a 異動 reading
// anyone withheld); a bulk loader (`working`) reads none.
ChangeEffectFacts ReadChangeEffectFacts(
    Database& db, const ChangeOutcome& outcome,
    std::vector<std::optional<ResidentRecord>>* before = nullptr,
    ChangeEffectWorkingSet* working = nullptr, bool every_member = false);

// Writes `effects` for the recorded `outcome` (its change_id known). Errors: the 支援措置's save;
// the caller's transaction then rolls back.
Status ApplyChangeEffects(Database& db, const ChangeOutcome& outcome, const ChangeEffects& effects,
                          ChangeEffectWorkingSet* working = nullptr);

// The facts reader as the port the 入力確認 asks (ChangeDesk).
class SqliteChangeEffectFacts final : public ChangeEffectFactsSource {
 public:
  explicit SqliteChangeEffectFacts(Database& db) : db_(db) {}
  ChangeEffectFacts FactsFor(const ChangeOutcome& outcome) override {
    return ReadChangeEffectFacts(db_, outcome, nullptr, nullptr, true);
  }

 private:
  Database& db_;
};

}  // namespace jrr
