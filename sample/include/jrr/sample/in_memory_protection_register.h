// SPDX-License-Identifier: Apache-2.0
//
// InMemoryProtectionRegister — ProtectionRegister held in memory, for InMemoryResidentRepository
// (the sample town's bulk path starts with no protections) and for use-case tests. Same
// append-only behaviour as the SQLite one.
#pragma once

#include <map>

#include "jrr/domain/protection/protection.h"

namespace jrr {

class InMemoryProtectionRegister final : public ProtectionRegister {
 public:
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
  std::map<int64_t, Block> blocks_;
  std::map<int64_t, std::vector<SupportMeasure>> measures_;
  std::vector<TemporaryRelease> releases_;
};

}  // namespace jrr
