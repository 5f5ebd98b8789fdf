// SPDX-License-Identifier: Apache-2.0
//
// InMemoryResidentRepository's look-ups as 異動 go by (the sample town's bulk path builds a million
// residents through them): households, numbers and 除票 follow each person's latest version, and
// HouseholdMemberFactsOf gives what reading through HouseholdMembers gives.
#include "jrr/sample/in_memory_resident_repository.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

ResidentRecord Person(const std::string& addressee_number, const std::string& household,
                      const char* given, Sex sex, const char* relationship, const std::string& code,
                      const std::string& number) {
  ResidentRecord r;
  r.addressee_number = addressee_number;
  r.household_number = household;
  r.history_number = 1;
  r.status = ResidentStatus::kResident;
  r.family_name = "架空";
  r.given_name = given;
  r.sex = sex;
  r.birth_date = ExactRecordedDate({1980, 4, 1});
  r.relationship = *ParseRelationship(relationship);
  r.resident_record_code = code;
  r.individual_number = number;
  return r;
}

// The next version of `r`, changed by `change`.
template <class Change>
ResidentRecord Next(ResidentRecord r, Change change) {
  ++r.history_number;
  change(r);
  return r;
}

class InMemoryRegisterTest : public ::testing::Test {
 protected:
  std::vector<ResidentRecord> Record(std::vector<ResidentRecord> versions) {
    auto outcome = repository_.Append(ChangeRecord{}, std::move(versions), {});
    EXPECT_TRUE(outcome) << (outcome ? "" : outcome.error().rule_id);
    return outcome ? outcome->versions : std::vector<ResidentRecord>{};
  }
  std::vector<std::string> Members(const std::string& household) {
    std::vector<std::string> numbers;
    for (const HouseholdMemberFacts& m : repository_.HouseholdMemberFactsOf(household))
      numbers.push_back(m.addressee_number);
    return numbers;
  }
  // The facts field by field against those the default (through HouseholdMembers) derives.
  void ExpectFactsAsTheDefaultGivesThem(const std::string& household) {
    const auto fast = repository_.HouseholdMemberFactsOf(household);
    std::vector<HouseholdMemberFacts> read;
    for (const ResidentRecord& r : repository_.HouseholdMembers(household))
      read.push_back(HouseholdMemberFacts::Of(r));
    ASSERT_EQ(fast.size(), read.size()) << household;
    for (std::size_t i = 0; i < fast.size(); ++i) {
      EXPECT_EQ(fast[i].addressee_number, read[i].addressee_number);
      EXPECT_EQ(fast[i].kind, read[i].kind);
      EXPECT_EQ(fast[i].sex, read[i].sex);
      EXPECT_EQ(fast[i].birth, read[i].birth);
      EXPECT_EQ(fast[i].relationship, read[i].relationship);
      EXPECT_EQ(fast[i].kana_confirmed, read[i].kana_confirmed);
    }
  }
  std::string Holder(const std::string& number) {
    const auto found = repository_.FindByNumber(number);
    return found.empty() ? std::string() : found.front().addressee_number;
  }

  InMemoryResidentRepository repository_;
};

// The numbers and basic facts are what 再転入 is detected by (FindByNumber, FindRemovedByBasicFacts).
// REQ: JK-4.1.1.2
TEST_F(InMemoryRegisterTest, LookUpsFollowEachPersonsLatestVersion) {
  // 転入 of a household of two.
  const auto moved_in = Record(
      {Person("new-person:1", "new-household:1", "一郎", Sex::kMale, "世帯主", "10000000019",
              "123456789018"),
       Person("new-person:2", "new-household:1", "花子", Sex::kFemale, "妻", "10000000027", "")});
  ASSERT_EQ(moved_in.size(), 2u);
  ResidentRecord head = moved_in[0];
  ResidentRecord wife = moved_in[1];
  const std::string home = head.household_number;
  EXPECT_EQ(Members(home),
            (std::vector<std::string>{head.addressee_number, wife.addressee_number}));
  ExpectFactsAsTheDefaultGivesThem(home);
  EXPECT_EQ(Holder("10000000019"), head.addressee_number);
  EXPECT_EQ(Holder("123456789018"), head.addressee_number);

  // 転居 of the head: the same household and numbers.
  head = Record({Next(head, [](ResidentRecord& r) { r.address.banchi = "2番地"; })}).at(0);
  EXPECT_EQ(Members(home).size(), 2u);
  EXPECT_EQ(Holder("10000000019"), head.addressee_number);
  EXPECT_EQ(Holder("123456789018"), head.addressee_number);

  // 個人番号 given to the wife, then changed: only the new one finds her.
  wife =
      Record({Next(wife, [](ResidentRecord& r) { r.individual_number = "234567890123"; })}).at(0);
  wife =
      Record({Next(wife, [](ResidentRecord& r) { r.individual_number = "345678901238"; })}).at(0);
  EXPECT_EQ(Holder("234567890123"), "");
  EXPECT_EQ(Holder("345678901238"), wife.addressee_number);

  // 世帯分離 of the wife into a household of her own, as its head.
  wife = Record({Next(wife, [](ResidentRecord& r) {
           r.household_number = "new-household:2";
           r.relationship = *ParseRelationship("世帯主");
         })}).at(0);
  EXPECT_EQ(Members(home), (std::vector<std::string>{head.addressee_number}));
  EXPECT_EQ(Members(wife.household_number), (std::vector<std::string>{wife.addressee_number}));
  ExpectFactsAsTheDefaultGivesThem(home);
  ExpectFactsAsTheDefaultGivesThem(wife.household_number);
  EXPECT_EQ(repository_.HouseholdMemberFactsOf(wife.household_number).at(0).relationship, "世帯主");

  // 死亡 of the head: a 除票, found by its basic facts and still by its numbers; the household empties.
  head = Record({Next(head, [](ResidentRecord& r) {
           r.status = ResidentStatus::kRemoved;
           r.removal = RemovalItems{};
           r.removal->reason = ChangeReason::kDeath;
         })}).at(0);
  EXPECT_TRUE(Members(home).empty());
  ExpectFactsAsTheDefaultGivesThem(home);
  const auto removed =
      repository_.FindRemovedByBasicFacts("架空", "一郎", Sex::kMale, {1980, 4, 1});
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].addressee_number, head.addressee_number);
  EXPECT_EQ(Holder("10000000019"), head.addressee_number);

  // A correction to the 除票 that keeps its basic facts keeps it found; one that changes them moves it.
  head = Record({Next(head, [](ResidentRecord& r) {
           r.removal->reason = ChangeReason::kDeath;
         })}).at(0);
  EXPECT_EQ(repository_.FindRemovedByBasicFacts("架空", "一郎", Sex::kMale, {1980, 4, 1}).size(),
            1u);
  head = Record({Next(head, [](ResidentRecord& r) { r.given_name = "壱郎"; })}).at(0);
  EXPECT_TRUE(
      repository_.FindRemovedByBasicFacts("架空", "一郎", Sex::kMale, {1980, 4, 1}).empty());
  EXPECT_EQ(repository_.FindRemovedByBasicFacts("架空", "壱郎", Sex::kMale, {1980, 4, 1}).size(),
            1u);
}

}  // namespace
}  // namespace jrr
