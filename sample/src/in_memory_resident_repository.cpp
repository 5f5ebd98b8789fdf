// SPDX-License-Identifier: Apache-2.0
#include "jrr/sample/in_memory_resident_repository.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>

#include "jrr/domain/core/numbers.h"
#include "jrr/domain/records/banchi.h"
#include "jrr/sample/packed_resident_record.h"

namespace jrr {
namespace {

// The basic facts a removed person is found by (再転入), as one key.
std::string RemovedKey(std::string_view birth, std::string_view family_name,
                       std::string_view given_name, Sex sex) {
  std::string key;
  key.reserve(birth.size() + family_name.size() + given_name.size() + 5);
  key.append(birth).push_back('\x1f');
  key.append(family_name).push_back('\x1f');
  key.append(given_name).push_back('\x1f');
  key.push_back(static_cast<char>('0' + static_cast<int>(sex)));
  return key;
}

std::string RemovedKey(const ResidentRecord& r) {
  const auto birth = r.birth_date.InternalDate();
  return RemovedKey(birth ? ToIsoString(*birth) : std::string(), r.family_name, r.given_name,
                    r.sex);
}

// A removed person keeps only what the 異動 engine reads of them.
ResidentRecord Slim(const ResidentRecord& r) {
  ResidentRecord slim;
  slim.addressee_number = r.addressee_number;
  slim.history_number = r.history_number;
  slim.household_number = r.household_number;
  slim.kind = r.kind;
  slim.status = r.status;
  slim.family_name = r.family_name;  // the basic facts index removed people by (再転入)
  slim.given_name = r.given_name;
  slim.sex = r.sex;
  slim.birth_date = r.birth_date;
  slim.individual_number = r.individual_number;
  slim.resident_record_code = r.resident_record_code;
  slim.foreign.residence_card_number = r.foreign.residence_card_number;
  slim.removal = r.removal;
  return slim;
}

}  // namespace

// The entries `before` (the version replaced, if any) gave the maps are exchanged for those of
// `after`. What both give alike is left in place: a 転居 keeps a person's numbers, and most 異動
// keep the household, so the maps are touched only where the person's entries change.
void InMemoryResidentRepository::Reindex(const ResidentRecord* before,
                                         const ResidentRecord& after) {
  auto numbers = [](const ResidentRecord& r) {
    return std::array<const std::string*, 3>{&r.individual_number, &r.resident_record_code,
                                             &r.foreign.residence_card_number};
  };
  const auto added = numbers(after);
  if (before != nullptr) {
    const auto gone = numbers(*before);
    for (std::size_t k = 0; k < gone.size(); ++k) {
      const std::string& number = *gone[k];
      if (number.empty() || number == *added[k]) continue;
      if (auto it = by_number_.find(number);
          it != by_number_.end() && it->second == before->addressee_number) {
        by_number_.erase(it);
      }
    }
  }
  for (const std::string* number : added) {
    if (!number->empty())
      by_number_[*number] = after.addressee_number;  // kept: an assignment of the same text
  }
  const bool was_resident = before != nullptr && before->status == ResidentStatus::kResident;
  const bool is_resident = after.status == ResidentStatus::kResident;
  if (was_resident && is_resident && before->household_number == after.household_number) return;
  if (before != nullptr && !was_resident && !is_resident &&
      RemovedKey(*before) == RemovedKey(after))
    return;
  if (was_resident) {
    if (auto it = households_.find(before->household_number); it != households_.end()) {
      it->second.erase(before->addressee_number);
      if (it->second.empty()) households_.erase(it);
    }
  } else if (before != nullptr) {
    removed_[RemovedKey(*before)].erase(before->addressee_number);
  }
  if (is_resident) {
    households_[after.household_number].insert(after.addressee_number);
  } else {
    removed_[RemovedKey(after)].insert(after.addressee_number);
  }
}

// For a 宛名番号 one of the maps gave: held unless those maps are out of step (a defect).
ResidentRecord InMemoryResidentRepository::Unpacked(std::string_view atena) const {
  auto it = latest_.find(atena);
  if (it == latest_.end())
    throw std::out_of_range("in-memory register: an index names a person it does not hold");
  return UnpackResidentRecord(it->second.packed);
}

std::optional<ResidentRecord> InMemoryResidentRepository::Latest(std::string_view atena) {
  auto it = latest_.find(atena);
  if (it == latest_.end()) return std::nullopt;
  return UnpackResidentRecord(it->second.packed);
}

std::vector<ResidentRecord> InMemoryResidentRepository::HouseholdMembers(
    std::string_view household) {
  std::vector<ResidentRecord> members;
  auto it = households_.find(household);
  if (it == households_.end()) return members;
  members.reserve(it->second.size());
  for (const std::string& atena : it->second) members.push_back(Unpacked(atena));
  return members;
}

std::vector<HouseholdMemberFacts> InMemoryResidentRepository::HouseholdMemberFactsOf(
    std::string_view household) {
  std::vector<HouseholdMemberFacts> facts;
  auto it = households_.find(household);
  if (it == households_.end()) return facts;
  facts.reserve(it->second.size());
  for (const std::string& atena : it->second) {
    auto held = latest_.find(atena);
    if (held == latest_.end())
      throw std::out_of_range("in-memory register: an index names a person it does not hold");
    facts.push_back(held->second.facts);
    facts.back().addressee_number = atena;
  }
  return facts;
}

void InMemoryResidentRepository::ForEachLatest(
    const std::function<void(const ResidentRecord&)>& visit) const {
  // Sorted on the number's first eight bytes held beside the entry, so that a comparison rarely
  // reads the map's node (a cache miss each, with a million people).
  struct Entry {
    uint64_t prefix;
    const std::pair<const std::string, Held>* held;
  };
  std::vector<Entry> in_order;
  in_order.reserve(latest_.size());
  for (const auto& entry : latest_) {
    uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i) {
      prefix =
          prefix << 8 | (i < entry.first.size() ? static_cast<unsigned char>(entry.first[i]) : 0);
    }
    in_order.push_back({prefix, &entry});
  }
  std::sort(in_order.begin(), in_order.end(), [](const Entry& a, const Entry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.held->first < b.held->first;
  });
  for (const Entry& e : in_order) visit(UnpackResidentRecord(e.held->second.packed));
}

std::vector<ResidentRecord> InMemoryResidentRepository::HouseholdLatest(
    std::string_view household) {
  std::vector<ResidentRecord> members;
  for (const auto& [atena, held] : latest_) {
    if (held.household_number == household) members.push_back(UnpackResidentRecord(held.packed));
  }
  std::sort(members.begin(), members.end(), [](const ResidentRecord& a, const ResidentRecord& b) {
    return a.addressee_number < b.addressee_number;
  });
  return members;
}

std::vector<ResidentRecord> InMemoryResidentRepository::ResidentsInArea(std::string_view area,
                                                                        std::size_t limit) {
  std::vector<ResidentRecord> found;
  for (const auto& [atena, held] : latest_) {
    if (held.status != ResidentStatus::kResident) continue;
    ResidentRecord record = UnpackResidentRecord(held.packed);
    if (record.address.address_code.starts_with(area) || record.address.text.starts_with(area)) {
      found.push_back(std::move(record));
    }
  }
  SortInAddressOrder(found, limit);
  return found;
}

Result<ChangeOutcome> InMemoryResidentRepository::Append(
    ChangeRecord change, std::vector<ResidentRecord> versions,
    const std::vector<VersionStamp>& read_set) {
  for (const VersionStamp& stamp : read_set) {
    auto it = latest_.find(stamp.addressee_number);
    const int latest = it == latest_.end() ? 0 : it->second.history_number;
    if (latest != stamp.history_number) {
      return MakeError(ErrorCode::kConflict, "change.stale",
                       "宛名番号 " + stamp.addressee_number + " changed since it was read");
    }
  }
  // Allocation as in SqliteResidentRepository::Append: per version, person then household.
  std::map<std::string, std::string> assigned;
  auto allocate = [](uint64_t& next) -> Result<std::string> {
    next = NextIssuableSerial(next);
    return IssuedNumberDigits(next++);
  };
  for (ResidentRecord& v : versions) {
    if (v.resident_record_code == kDrawResidentRecordCode) {
      return MakeError(ErrorCode::kInternal, "internal.error",
                       "the in-memory register draws no codes");
    }
    for (auto [field, next] : {std::pair{&v.addressee_number, &next_person_serial_},
                               std::pair{&v.household_number, &next_household_serial_}}) {
      const bool placeholder = field == &v.addressee_number
                                   ? field->starts_with(kNewPersonPrefix)
                                   : field->starts_with(kNewHouseholdPrefix);
      if (!placeholder) continue;
      auto [it, fresh] = assigned.try_emplace(*field);
      if (fresh) {
        auto number = allocate(*next);
        if (!number) return number.error();
        it->second = *number;
      }
      *field = it->second;
    }
  }
  change.change_id = next_change_id_++;
  std::vector<std::optional<ResidentRecord>> before(versions.size());
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const ResidentRecord& v = versions[i];
    auto it = latest_.find(v.addressee_number);
    if (v.history_number != (it != latest_.end() ? it->second.history_number : 0) + 1) {
      return MakeError(ErrorCode::kInternal, "internal.error", "history number out of sequence");
    }
    std::optional<ResidentRecord> replaced;
    if (it != latest_.end()) replaced = UnpackResidentRecord(it->second.packed);
    Reindex(replaced ? &*replaced : nullptr, v);
    // Handed to the sink: the writer need not read it back.
    if (replaced && replaced->status == ResidentStatus::kResident) before[i] = std::move(replaced);
    Held& slot = latest_[v.addressee_number];
    slot.packed = PackResidentRecord(v.status == ResidentStatus::kResident ? v : Slim(v));
    slot.household_number = v.household_number;
    slot.history_number = v.history_number;
    slot.status = v.status;
    slot.facts = HouseholdMemberFacts::Of(v);
    slot.facts.addressee_number.clear();  // the key holds it
  }
  ChangeOutcome outcome{std::move(change), std::move(versions), {}};
  if (sink_) sink_(outcome, before);
  return outcome;
}

std::optional<ResidentRecord> InMemoryResidentRepository::AsOf(std::string_view atena,
                                                               const AsOfQuery&) {
  return Latest(atena);
}

std::vector<ResidentRepository::HistoryEntry> InMemoryResidentRepository::History(
    std::string_view) {
  return {};
}

std::optional<ChangeRecord> InMemoryResidentRepository::Change(int64_t) { return std::nullopt; }

std::vector<ResidentRecord> InMemoryResidentRepository::VersionsOfChange(int64_t) { return {}; }

std::optional<ResidentRecord> InMemoryResidentRepository::Version(std::string_view atena,
                                                                  int history_number) {
  auto latest = Latest(atena);
  if (latest && latest->history_number == history_number) return latest;
  return std::nullopt;
}

std::vector<ResidentRecord> InMemoryResidentRepository::FindByNumber(std::string_view number) {
  auto it = by_number_.find(number);
  if (it == by_number_.end()) return {};
  return {Unpacked(it->second)};
}

std::vector<ResidentRecord> InMemoryResidentRepository::FindRemovedByBasicFacts(
    std::string_view family_name, std::string_view given_name, Sex sex, CalendarDate birth_date) {
  std::vector<ResidentRecord> found;
  auto it = removed_.find(RemovedKey(ToIsoString(birth_date), family_name, given_name, sex));
  if (it == removed_.end()) return found;
  for (const std::string& atena : it->second) found.push_back(Unpacked(atena));
  return found;
}

std::vector<ResidentRecord> InMemoryResidentRepository::FindByBasicFacts(
    std::string_view family_name, std::string_view given_name, Sex sex, CalendarDate birth_date) {
  // A scan: the sample town, which holds this repository, never asks.
  std::vector<ResidentRecord> found;
  for (const auto& entry : latest_) {
    ResidentRecord r = Unpacked(entry.first);
    if (r.family_name == family_name && r.given_name == given_name && r.sex == sex &&
        r.birth_date.InternalDate() == birth_date) {
      found.push_back(std::move(r));
    }
  }
  return found;
}

std::vector<ResidentRecord> InMemoryResidentRepository::AwaitingMoveInNotice(
    CalendarDate removed_by, std::size_t limit) {
  std::vector<ResidentRecord> found;
  for (const auto& [atena, held] : latest_) {
    if (held.status != ResidentStatus::kRemoved) continue;
    ResidentRecord r = UnpackResidentRecord(held.packed);
    if (AwaitsMoveInNotice(r, removed_by)) found.push_back(std::move(r));
  }
  SortByRemoval(found);
  if (found.size() > limit) found.resize(limit);
  return found;
}

}  // namespace jrr
