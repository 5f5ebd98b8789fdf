// SPDX-License-Identifier: Apache-2.0
//
// SqliteResidentRepository — the ResidentRepository every writer uses: the 住民記録 of
// SqliteResidentStore, and in the same transaction everything the 異動 causes elsewhere, as the
// domain plans it (coupling/change_effects.h): 印鑑登録 ended, 支援措置 kept as 仮支援措置, the 附票
// updated or noticed, CS messages sent and a 転出証明書情報 taken up. The plan's notices (seal.ended,
// fuhyo.noticed, cs.sent) are added to the outcome's; a plan that refuses (a used 転出証明書情報)
// or an effect that cannot be written rolls the 異動 back.
#pragma once

#include <vector>

#include "jrr/persistence/coupling/change_effects_store.h"
#include "jrr/persistence/records/sqlite_resident_store.h"

namespace jrr {

class SqliteResidentRepository final : public SqliteResidentStore {
 public:
  explicit SqliteResidentRepository(Database& db) : SqliteResidentStore(db) {}

  Result<ChangeOutcome> Append(ChangeRecord change, std::vector<ResidentRecord> versions,
                               const std::vector<VersionStamp>& read_set) override;
};

}  // namespace jrr
