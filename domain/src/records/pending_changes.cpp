// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/pending_changes.h"

#include <algorithm>

namespace jrr {
namespace {

// A ResidentRepository that reads through to the register and records nothing: Append returns
// what would have been recorded and remembers which people the 異動 read; `read` lists everyone
// whose record was read on the way, for a refusal that must not tell anything of them.
class PreviewRepository final : public ResidentRepository {
 public:
  explicit PreviewRepository(ResidentRepository& residents) : register_(residents) {}

  std::optional<ResidentRecord> Latest(std::string_view atena) override {
    auto found = register_.Latest(atena);
    if (found) Read(found->addressee_number);
    return found;
  }
  std::vector<ResidentRecord> HouseholdMembers(std::string_view household) override {
    return Read(register_.HouseholdMembers(household));
  }
  std::vector<ResidentRecord> HouseholdLatest(std::string_view household) override {
    return Read(register_.HouseholdLatest(household));
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
    auto found = register_.AsOf(atena, query);
    if (found) Read(found->addressee_number);
    return found;
  }
  std::vector<HistoryEntry> History(std::string_view atena) override {
    auto found = register_.History(atena);
    if (!found.empty()) Read(std::string(atena));
    return found;
  }
  std::optional<ChangeRecord> Change(int64_t change_id) override {
    return register_.Change(change_id);
  }
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
    return Read(register_.FindByNumber(number));
  }
  std::vector<ResidentRecord> AwaitingMoveInNotice(CalendarDate removed_by,
                                                   std::size_t limit) override {
    return register_.AwaitingMoveInNotice(removed_by, limit);
  }
  std::vector<ResidentRecord> FindRemovedByBasicFacts(std::string_view family,
                                                      std::string_view given, Sex sex,
                                                      CalendarDate birth) override {
    return Read(register_.FindRemovedByBasicFacts(family, given, sex, birth));
  }
  std::vector<ResidentRecord> FindByBasicFacts(std::string_view family, std::string_view given,
                                               Sex sex, CalendarDate birth) override {
    return Read(register_.FindByBasicFacts(family, given, sex, birth));
  }

  std::vector<std::string> persons;
  std::vector<std::string> read;

 private:
  void Read(const std::string& atena) {
    if (std::find(read.begin(), read.end(), atena) == read.end()) read.push_back(atena);
  }
  std::vector<ResidentRecord> Read(std::vector<ResidentRecord> found) {
    for (const ResidentRecord& r : found) Read(r.addressee_number);
    return found;
  }

  ResidentRepository& register_;
};

}  // namespace

Result<ChangeOutcome> PreviewChange(ResidentRepository& residents, const ChangeContext& context,
                                    const AnyChangeCommand& command, AddressDictionary* dictionary,
                                    std::vector<std::string>* read) {
  PreviewRepository preview(residents);
  auto outcome = ResidentChanges(preview, context, dictionary).Apply(command);
  if (read != nullptr) *read = std::move(preview.read);
  return outcome;
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

std::vector<PendingChange> SelectPending(std::vector<PendingChange> open,
                                         const PendingFilter& filter) {
  std::erase_if(open, [&](const PendingChange& p) {
    if (!filter.place.empty() && p.place != filter.place) return true;
    return !filter.person.empty() &&
           std::find(p.persons.begin(), p.persons.end(), filter.person) == p.persons.end();
  });
  return open;
}

}  // namespace jrr
