// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/in_memory_resident_repository.h"

#include "jrr/domain/banchi.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <stdexcept>

#include "jrr/domain/numbers.h"
#include "jrr/domain/packed_resident_record.h"

namespace jrr {
namespace {

// The basic facts a removed person is found by (再転入), as one key.
std::string RemovedKey(std::string_view birth, std::string_view family_name, std::string_view given_name, Sex sex) {
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
  return RemovedKey(birth ? ToIsoString(*birth) : std::string(), r.family_name, r.given_name, r.sex);
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

void InMemoryResidentRepository::Index(const ResidentRecord& v, bool add) {
  for (const std::string* number : {&v.individual_number, &v.resident_record_code,
                                    &v.foreign.residence_card_number}) {
    if (number->empty()) continue;
    if (add) {
      by_number_[*number] = v.addressee_number;
    } else if (auto it = by_number_.find(*number); it != by_number_.end() && it->second == v.addressee_number) {
      by_number_.erase(it);
    }
  }
  if (v.status == ResidentStatus::kResident) {
    if (add) {
      households_[v.household_number].insert(v.addressee_number);
    } else if (auto it = households_.find(v.household_number); it != households_.end()) {
      it->second.erase(v.addressee_number);
      if (it->second.empty()) households_.erase(it);
    }
  } else {
    auto& set = removed_[RemovedKey(v)];
    if (add) set.insert(v.addressee_number);
    else set.erase(v.addressee_number);
  }
}

// For a 宛名番号 one of the maps gave: held unless those maps are out of step (a defect).
ResidentRecord InMemoryResidentRepository::Unpacked(std::string_view atena) const {
  auto it = latest_.find(atena);
  if (it == latest_.end()) throw std::out_of_range("in-memory register: an index names a person it does not hold");
  return UnpackResidentRecord(it->second.packed);
}

std::optional<ResidentRecord> InMemoryResidentRepository::Latest(std::string_view atena) {
  auto it = latest_.find(atena);
  if (it == latest_.end()) return std::nullopt;
  return UnpackResidentRecord(it->second.packed);
}

std::vector<ResidentRecord> InMemoryResidentRepository::HouseholdMembers(std::string_view household) {
  std::vector<ResidentRecord> members;
  auto it = households_.find(household);
  if (it == households_.end()) return members;
  members.reserve(it->second.size());
  for (const std::string& atena : it->second) members.push_back(Unpacked(atena));
  return members;
}

void InMemoryResidentRepository::ForEachLatest(const std::function<void(const ResidentRecord&)>& visit) const {
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
      prefix = prefix << 8 | (i < entry.first.size() ? static_cast<unsigned char>(entry.first[i]) : 0);
    }
    in_order.push_back({prefix, &entry});
  }
  std::sort(in_order.begin(), in_order.end(), [](const Entry& a, const Entry& b) {
    return a.prefix != b.prefix ? a.prefix < b.prefix : a.held->first < b.held->first;
  });
  for (const Entry& e : in_order) visit(UnpackResidentRecord(e.held->second.packed));
}

std::vector<ResidentRecord> InMemoryResidentRepository::HouseholdLatest(std::string_view household) {
  std::vector<ResidentRecord> members;
  for (const auto& [atena, held] : latest_) {
    if (held.household_number == household) members.push_back(UnpackResidentRecord(held.packed));
  }
  std::sort(members.begin(), members.end(), [](const ResidentRecord& a, const ResidentRecord& b) {
    return a.addressee_number < b.addressee_number;
  });
  return members;
}

std::vector<ResidentRecord> InMemoryResidentRepository::ResidentsInArea(std::string_view area, std::size_t limit) {
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

Result<ChangeOutcome> InMemoryResidentRepository::Append(ChangeRecord change,
                                                         std::vector<ResidentRecord> versions,
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
      return MakeError(ErrorCode::kInternal, "internal.error", "the in-memory register draws no codes");
    }
    for (auto [field, next] : {std::pair{&v.addressee_number, &next_person_serial_},
                               std::pair{&v.household_number, &next_household_serial_}}) {
      const bool placeholder = field == &v.addressee_number ? field->starts_with(kNewPersonPrefix)
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
    if (it != latest_.end()) {
      ResidentRecord replaced = UnpackResidentRecord(it->second.packed);
      Index(replaced, false);
      // Handed to the sink: the writer need not read it back.
      if (replaced.status == ResidentStatus::kResident) before[i] = std::move(replaced);
    }
    Held& slot = latest_[v.addressee_number];
    slot.packed = PackResidentRecord(v.status == ResidentStatus::kResident ? v : Slim(v));
    slot.household_number = v.household_number;
    slot.history_number = v.history_number;
    slot.status = v.status;
    Index(v, true);
  }
  ChangeOutcome outcome{std::move(change), std::move(versions), {}};
  if (sink_) sink_(outcome, before);
  return outcome;
}

std::optional<ResidentRecord> InMemoryResidentRepository::AsOf(std::string_view atena, const AsOfQuery&) {
  return Latest(atena);
}

std::vector<ResidentRepository::HistoryEntry> InMemoryResidentRepository::History(std::string_view) {
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

std::vector<ResidentRecord> InMemoryResidentRepository::AwaitingMoveInNotice(CalendarDate removed_by, std::size_t limit) {
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
