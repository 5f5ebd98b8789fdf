// SPDX-License-Identifier: Apache-2.0
//
// ProtectionRegister on SQLite (schema 0012). Every write appends inside its own transaction
// (or the caller's, when one is open: the switch of a 支援措置 on 転出 commits with the 異動).
#pragma once

#include "jrr/domain/protection/protection.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteProtectionRegister final : public ProtectionRegister {
 public:
  explicit SqliteProtectionRegister(Database& db) : db_(db) {}
  std::vector<Block> BlocksFor(std::string_view addressee_number,
                               std::string_view household_number) override;
  std::vector<SupportMeasure> MeasuresFor(std::string_view addressee_number) override;
  std::vector<std::string> ProtectedPersons() override;
  std::vector<TemporaryRelease> ReleasesFor(std::string_view operator_id,
                                            int64_t now_epoch_seconds) override;
  std::optional<Block> GetBlock(int64_t block_id) override;
  std::optional<SupportMeasure> GetMeasure(int64_t measure_id) override;
  std::vector<SupportMeasure> MeasureHistory(int64_t measure_id) override;
  Block AddBlock(Block block) override;
  Status EndBlock(int64_t block_id, CalendarDate on, const std::string& operator_id) override;
  Result<SupportMeasure> SaveMeasure(SupportMeasure measure) override;
  TemporaryRelease AddRelease(TemporaryRelease release) override;

 private:
  SupportMeasure ReadMeasure(int64_t measure_id, int version);
  Database& db_;
};

}  // namespace jrr
