// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/pending_changes.h"

#include <algorithm>

namespace jrr {
namespace {

// A ResidentRepository that reads through to the register and records nothing: Append returns
// what would have been recorded and remembers which people the 異動 read.
class PreviewRepository final : public ResidentRepository {
 public:
  explicit PreviewRepository(ResidentRepository& residents) : register_(residents) {}

  std::optional<ResidentRecord> Latest(std::string_view atena) override {
    return register_.Latest(atena);
  }
  std::vector<ResidentRecord> HouseholdMembers(std::string_view household) override {
    return register_.HouseholdMembers(household);
  }
  std::vector<ResidentRecord> HouseholdLatest(std::string_view household) override {
    return register_.HouseholdLatest(household);
  }
  std::vector<ResidentRecord> ResidentsInArea(std::string_view area, std::size_t limit) override {
    return register_.ResidentsInArea(area, limit);
  }
  std::optional<int64_t> PendingChangeFor(std::string_view atena) override {
    return register_.PendingChangeFor(atena);
  }
  Result<ChangeOutcome> Append(ChangeRecord change, std::vector<ResidentRecord> versions,
                               const std::vector<VersionStamp>& read_set) override {
    for (const VersionStamp& stamp : read_set) persons.push_back(stamp.addressee_number);
    for (const ResidentRecord& v : versions) {
      if (!v.addressee_number.starts_with(kNewPersonPrefix)) persons.push_back(v.addressee_number);
    }
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    return ChangeOutcome{std::move(change), std::move(versions), {}};
  }
  std::optional<ResidentRecord> AsOf(std::string_view atena, const AsOfQuery& query) override {
    return register_.AsOf(atena, query);
  }
  std::vector<HistoryEntry> History(std::string_view atena) override {
    return register_.History(atena);
  }
  std::optional<ChangeRecord> Change(int64_t change_id) override { return register_.Change(change_id); }
  ProtectionRegister& Protections() override { return register_.Protections(); }
  std::vector<ProtectedPersonFacts> ProtectedPeople(CalendarDate today) override {
    return register_.ProtectedPeople(today);
  }
  std::vector<ResidentRecord> VersionsOfChange(int64_t change_id) override {
    return register_.VersionsOfChange(change_id);
  }
  std::optional<ResidentRecord> Version(std::string_view atena, int history_number) override {
    return register_.Version(atena, history_number);
  }
  std::optional<std::string> EditLeaseHolder(std::string_view atena, int64_t now) override {
    return register_.EditLeaseHolder(atena, now);
  }
  std::vector<ResidentRecord> FindByNumber(std::string_view number) override {
    return register_.FindByNumber(number);
  }
  std::vector<ResidentRecord> AwaitingMoveInNotice(CalendarDate removed_by, std::size_t limit) override {
    return register_.AwaitingMoveInNotice(removed_by, limit);
  }
  std::vector<ResidentRecord> FindRemovedByBasicFacts(std::string_view family, std::string_view given,
                                                      Sex sex, CalendarDate birth) override {
    return register_.FindRemovedByBasicFacts(family, given, sex, birth);
  }
  std::vector<ResidentRecord> FindByBasicFacts(std::string_view family, std::string_view given, Sex sex,
                                               CalendarDate birth) override {
    return register_.FindByBasicFacts(family, given, sex, birth);
  }

  std::vector<std::string> persons;

 private:
  ResidentRepository& register_;
};

}  // namespace

Result<ChangeOutcome> PreviewChange(ResidentRepository& residents, const ChangeContext& context,
                                    const AnyChangeCommand& command, AddressDictionary* dictionary) {
  PreviewRepository preview(residents);
  return ResidentChanges(preview, context, dictionary).Apply(command);
}

Result<PendingChange> EnterProvisional(ResidentRepository& residents,
                                       PendingChangeRepository& pending,
                                       const ChangeContext& context,
                                       const AnyChangeCommand& command, std::string kind,
                                       std::string command_json, AddressDictionary* dictionary) {
  PreviewRepository preview(residents);
  ResidentChanges changes(preview, context, dictionary);
  auto outcome = changes.Apply(command);
  if (!outcome) return outcome.error();
  std::size_t newcomers = 0;
  for (const ResidentRecord& v : outcome->versions) {
    if (v.addressee_number.starts_with(kNewPersonPrefix)) ++newcomers;
  }
  PendingChange entry;
  entry.kind = std::move(kind);
  entry.command_json = std::move(command_json);
  entry.persons = preview.persons;
  entry.summary = std::string(InfoOf(outcome->change.reason).name_ja) + " " +
                  std::to_string(outcome->versions.size()) + "名" +
                  (newcomers > 0 ? "（新規 " + std::to_string(newcomers) + "名）" : "");
  entry.entered_on = context.today;
  entry.operator_id = context.operator_id;
  entry.place = context.place;
  entry.terminal = context.terminal;
  return pending.Add(std::move(entry));
}

std::vector<PendingChange> SelectPending(std::vector<PendingChange> open, const PendingFilter& filter) {
  std::erase_if(open, [&](const PendingChange& p) {
    if (!filter.place.empty() && p.place != filter.place) return true;
    return !filter.person.empty() && std::find(p.persons.begin(), p.persons.end(), filter.person) == p.persons.end();
  });
  return open;
}

}  // namespace jrr
