// SPDX-License-Identifier: Apache-2.0
#include "jrr/sample/in_memory_protection_register.h"

#include <set>

namespace jrr {

std::vector<Block> InMemoryProtectionRegister::BlocksFor(std::string_view addressee_number,
                                                         std::string_view household_number) {
  std::vector<Block> found;
  for (const auto& [id, b] : blocks_) {
    if ((!b.addressee_number.empty() && b.addressee_number == addressee_number) ||
        (!b.household_number.empty() && b.household_number == household_number)) {
      found.push_back(b);
    }
  }
  return found;
}

std::vector<SupportMeasure> InMemoryProtectionRegister::MeasuresFor(
    std::string_view addressee_number) {
  std::vector<SupportMeasure> found;
  for (const auto& [id, versions] : measures_) {
    if (versions.back().Protects(addressee_number)) found.push_back(versions.back());
  }
  return found;
}

std::vector<std::string> InMemoryProtectionRegister::ProtectedPersons() {
  std::set<std::string> persons;
  for (const auto& [id, versions] : measures_) {
    const SupportMeasure& m = versions.back();
    if (!m.Active()) continue;
    persons.insert(m.applicant);
    for (const SupportMeasure::CoProtected& c : m.co_protected) persons.insert(c.addressee_number);
  }
  return {persons.begin(), persons.end()};
}

std::vector<TemporaryRelease> InMemoryProtectionRegister::ReleasesFor(std::string_view operator_id,
                                                                      int64_t now_epoch_seconds) {
  std::vector<TemporaryRelease> running;
  for (const TemporaryRelease& r : releases_) {
    if (r.granted_to == operator_id && now_epoch_seconds < r.until_epoch_seconds)
      running.push_back(r);
  }
  return running;
}

std::optional<Block> InMemoryProtectionRegister::GetBlock(int64_t block_id) {
  auto found = blocks_.find(block_id);
  if (found == blocks_.end()) return std::nullopt;
  return found->second;
}

std::optional<SupportMeasure> InMemoryProtectionRegister::GetMeasure(int64_t measure_id) {
  auto found = measures_.find(measure_id);
  if (found == measures_.end()) return std::nullopt;
  return found->second.back();
}

std::vector<SupportMeasure> InMemoryProtectionRegister::MeasureHistory(int64_t measure_id) {
  auto found = measures_.find(measure_id);
  return found == measures_.end() ? std::vector<SupportMeasure>{} : found->second;
}

Block InMemoryProtectionRegister::AddBlock(Block block) {
  block.block_id = static_cast<int64_t>(blocks_.size()) + 1;
  blocks_[block.block_id] = block;
  return block;
}

Status InMemoryProtectionRegister::EndBlock(int64_t block_id, CalendarDate on, const std::string&) {
  auto found = blocks_.find(block_id);
  if (found == blocks_.end() || found->second.ended_on) {
    return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  }
  found->second.ended_on = on;
  return {};
}

Result<SupportMeasure> InMemoryProtectionRegister::SaveMeasure(SupportMeasure measure) {
  if (measure.measure_id == 0) {
    measure.measure_id = static_cast<int64_t>(measures_.size()) + 1;
    measure.version = 1;
    measures_[measure.measure_id].push_back(measure);
    return measure;
  }
  auto found = measures_.find(measure.measure_id);
  if (found == measures_.end() || found->second.back().version + 1 != measure.version) {
    return MakeError(ErrorCode::kConflict, "support.stale", std::to_string(measure.measure_id));
  }
  found->second.push_back(measure);
  return measure;
}

TemporaryRelease InMemoryProtectionRegister::AddRelease(TemporaryRelease release) {
  release.release_id = static_cast<int64_t>(releases_.size()) + 1;
  releases_.push_back(release);
  return release;
}

}  // namespace jrr
