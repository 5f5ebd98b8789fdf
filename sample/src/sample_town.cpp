// SPDX-License-Identifier: Apache-2.0
//
// The generator keeps only a list of household numbers in memory; whenever it needs a household
// it reads the register (HouseholdMembers), so what it does next always follows the register's
// real state, including what the rules did (a 世帯主 made 職権 after a death, a headless household).
#include "jrr/sample/sample_town.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <set>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/rule_ids.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/records/resident_changes.h"
#include "jrr/sample/in_memory_resident_repository.h"

namespace jrr {

uint64_t SampleRandom::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

int SampleRandom::Below(int n) {
  // Rejection sampling keeps the result uniform.
  const uint64_t bound = static_cast<uint64_t>(n);
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  uint64_t x;
  do {
    x = Next();
  } while (x >= limit);
  return static_cast<int>(x % bound);
}

namespace {

Error ListError(const char* file, int line, const std::string& what) {
  return MakeError(ErrorCode::kInvalidInput, "sample.list_invalid",
                   std::string(file) + " line " + std::to_string(line) + ": " + what);
}

int Weight(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9' || value > 10000000) return -1;
    value = value * 10 + (c - '0');
  }
  return text.empty() ? -1 : value;
}

Result<Sex> SexOf(std::string_view text) {
  if (text == "male") return Sex::kMale;
  if (text == "female") return Sex::kFemale;
  return MakeError(ErrorCode::kInvalidInput, "sample.list_invalid", "sex");
}

}  // namespace

Result<SampleLists> ParseSampleLists(std::string_view surnames, std::string_view given_names,
                                     std::string_view foreign_names, std::string_view dictionary) {
  SampleLists lists;
  auto rows = [](std::string_view text) {
    auto lines = DataLines(text);
    if (!lines.empty()) lines.erase(lines.begin());  // the header
    return lines;
  };
  for (const DataLine& line : rows(surnames)) {
    const auto f = SplitTabs(line.text);
    if (f.size() != 3 || Weight(f[2]) <= 0 || !CheckStatutoryFurigana(f[1])) {
      return ListError("surnames.tsv", line.number, "expected surname, katakana reading, weight");
    }
    lists.surnames.push_back({std::string(f[0]), std::string(f[1]), Weight(f[2])});
  }
  for (const DataLine& line : rows(given_names)) {
    const auto f = SplitTabs(line.text);
    if (f.size() != 4 || Weight(f[3]) <= 0 || !SexOf(f[2]) || !CheckStatutoryFurigana(f[1])) {
      return ListError("given_names.tsv", line.number, "expected name, reading, sex, weight");
    }
    lists.given_names.push_back({std::string(f[0]), std::string(f[1]), *SexOf(f[2]), Weight(f[3])});
  }
  for (const DataLine& line : rows(foreign_names)) {
    const auto f = SplitTabs(line.text);
    static const std::pair<std::string_view, ForeignCategory> kCategories[] = {
        {"mid_to_long_term", ForeignCategory::kMidToLongTerm},
        {"special_permanent", ForeignCategory::kSpecialPermanent},
        {"temporary_refuge", ForeignCategory::kTemporaryRefuge},
        {"provisional_stay", ForeignCategory::kProvisionalStay},
        {"transitional", ForeignCategory::kTransitional}};
    ForeignCategory category = ForeignCategory::kNone;
    if (f.size() == 5) {
      for (const auto& [name, value] : kCategories) {
        if (f[2] == name) category = value;
      }
    }
    if (f.size() != 5 || category == ForeignCategory::kNone || !SexOf(f[4])) {
      return ListError("foreign_names.tsv", line.number,
                       "expected name, nationality, category, status, sex");
    }
    lists.foreign_names.push_back(
        {std::string(f[0]), std::string(f[1]), category, std::string(f[3]), *SexOf(f[4])});
  }
  for (const DataLine& line : DataLines(dictionary)) {
    const auto f = SplitTabs(line.text);
    if (f.size() == 4 && f[0] == "area") {
      lists.areas.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3])});
    }
  }
  if (lists.surnames.empty() || lists.given_names.empty() || lists.foreign_names.empty() ||
      lists.areas.empty()) {
    return ListError("sample_data", 0, "a list is empty");
  }
  return lists;
}

std::string SampleResidentRecordCode(SampleRandom& random) {
  const std::string body = std::to_string(1000000000ULL + random.Next() % 9000000000ULL);
  return body + std::to_string(*ComputeCheckDigit(CheckDigitScheme::kResidentRecordCode, body));
}

namespace {

constexpr const char* kOtherPlaces[] = {
    "東京都新宿区西新宿二丁目",   "大阪府大阪市北区中之島一丁目", "北海道札幌市中央区北一条西",
    "福岡県福岡市博多区博多駅前", "愛知県名古屋市中区三の丸",     "宮城県仙台市青葉区本町",
    "広島県広島市中区基町",       "新潟県新潟市中央区学校町通"};
constexpr const char* kAbroad[] = {"アメリカ合衆国", "大韓民国",           "ベトナム社会主義共和国",
                                   "中華人民共和国", "ブラジル連邦共和国", "フィリピン共和国"};

// The numbers a town has minted, to mint each only once: open addressing over one array of
// 64-bit values. A node-based set of strings cost an allocation and a cache miss or two per number,
// which adds up at a million residents with three numbers a person (docs/performance.md).
class DistinctNumbers {
 public:
  // True when `n` (below 2^63) was not in the set; it is now.
  bool Insert(uint64_t n) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    return Place(n + 1);
  }

 private:
  // Slots hold n + 1, so that 0 marks an empty one.
  bool Place(uint64_t stored) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>((stored * 0x9E3779B97F4A7C15ULL) >> shift_);;
         i = (i + 1) & mask) {
      if (slots_[i] == stored) return false;
      if (slots_[i] == 0) {
        slots_[i] = stored;
        ++size_;
        return true;
      }
    }
  }
  void Grow() {
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
    shift_ = 64 - std::countr_zero(slots_.size());
    size_ = 0;
    for (uint64_t stored : old) {
      if (stored != 0) Place(stored);
    }
  }
  std::vector<uint64_t> slots_;
  std::size_t size_ = 0;
  int shift_ = 64;
};

// The value of a string of decimal digits (at most 18 of them).
uint64_t DigitsValue(std::string_view digits) {
  uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<uint64_t>(c - '0');
  return value;
}

class Town {
 public:
  Town(ResidentRepository& repository, AddressDictionary* dictionary, const SampleLists& lists,
       const SampleOptions& options)
      : repository_(repository),
        dictionary_(dictionary),
        lists_(lists),
        options_(options),
        random_(options.seed),
        code_random_(options.seed ^ 0x6A72725F636F6465ULL) {
    for (const RuleInfo& rule : AllRules()) {
      if (rule.severity == Severity::kAlert) alerts_.emplace_back(rule.rule_id);
    }
    int total = 0;
    for (std::size_t i = 0; i < lists.surnames.size(); ++i) {
      surname_cumulative_.push_back(total += lists.surnames[i].weight);
      if (lists.surnames[i].weight < kRareWeight) rare_surnames_.push_back(i);
    }
    for (std::size_t i = 0; i < lists.given_names.size(); ++i) {
      auto& cumulative = lists.given_names[i].sex == Sex::kMale ? male_ : female_;
      const int last = cumulative.empty() ? 0 : cumulative.back().first;
      cumulative.push_back({last + lists.given_names[i].weight, i});
    }
  }

  Result<SampleReport> Build() {
    const int64_t target = options_.residents;
    // Year one: the town fills up with 転入.
    const int64_t first_year_days = 365;
    CalendarDate day = options_.start;
    for (int64_t d = 0; d < first_year_days && population_ < target; ++d, day = NextDay(day)) {
      const int64_t due = target * (d + 1) / first_year_days;
      while (population_ < due) {
        if (auto ok = MoveInHousehold(day); !ok) return ok.error();
      }
    }
    // Then daily life until the end date, at yearly rates of a typical small municipality.
    double births = 0, deaths = 0, moves = 0, move_outs = 0, separations = 0, corrections = 0;
    for (; !(options_.end < day); day = NextDay(day)) {
      const double households = static_cast<double>(population_) / 2.3;
      births += static_cast<double>(population_) * 0.0075 / 365;
      deaths += static_cast<double>(population_) * 0.0110 / 365;
      moves += households * 0.040 / 365;
      move_outs += households * 0.033 / 365;
      separations += households * 0.004 / 365;
      corrections += static_cast<double>(population_) * 0.002 / 365;
      for (; births >= 1; births -= 1) {
        if (auto ok = Birth(day); !ok) return ok.error();
      }
      for (; deaths >= 1; deaths -= 1) {
        if (auto ok = Death(day); !ok) return ok.error();
      }
      for (; moves >= 1; moves -= 1) {
        if (auto ok = WithinMove(day); !ok) return ok.error();
      }
      for (; move_outs >= 1; move_outs -= 1) {
        if (auto ok = MoveOut(day); !ok) return ok.error();
      }
      for (; separations >= 1; separations -= 1) {
        if (auto ok = Separation(day); !ok) return ok.error();
      }
      for (; corrections >= 1; corrections -= 1) {
        if (auto ok = Correction(day); !ok) return ok.error();
      }
      while (population_ < target) {  // newcomers replace those who left
        if (auto ok = MoveInHousehold(day); !ok) return ok.error();
      }
    }
    report_.residents = population_;
    return report_;
  }

 private:
  ChangeInput Input(CalendarDate event, CalendarDate notified) {
    ChangeInput input;
    input.event_date = Exact(event);
    input.notification_date = notified;
    input.acknowledged_alerts = alerts_;  // the generator plays a clerk who has read them
    return input;
  }

  static RecordedDate Exact(CalendarDate d) { return ExactRecordedDate(d); }

  Result<ChangeOutcome> Record(const AnyChangeCommand& command, CalendarDate processed) {
    ResidentChanges changes(repository_, ChangeContext{processed, "sample", "本庁", "SAMPLE"},
                            dictionary_);
    auto outcome = changes.Apply(command);
    if (outcome) {
      ++report_.changes;
      if (options_.progress && report_.changes % options_.progress_every == 0) {
        options_.progress(population_, options_.residents);
      }
    }
    return outcome;
  }

  int Pick(const std::vector<int>& cumulative) {
    const int x = random_.Below(cumulative.back());
    return static_cast<int>(std::upper_bound(cumulative.begin(), cumulative.end(), x) -
                            cumulative.begin());
  }
  const SampleLists::GivenName& Given(Sex sex) {
    const auto& cumulative = sex == Sex::kMale ? male_ : female_;
    const int x = random_.Below(cumulative.back().first);
    auto it = std::upper_bound(cumulative.begin(), cumulative.end(), x,
                               [](int value, const auto& entry) { return value < entry.first; });
    return lists_.given_names[it->second];
  }

  CalendarDate Born(int year) {
    CalendarDate d{year, 1 + random_.Below(12), 1};
    d.day = 1 + random_.Below(DaysInMonth(d.year, d.month));
    return d;
  }

  Address TownAddress() {
    const AddressArea& area =
        lists_
            .areas[static_cast<std::size_t>(random_.Below(static_cast<int>(lists_.areas.size())))];
    Address a{
        area.address_code,
        area.text,
        std::to_string(1 + random_.Below(30)) + "番" + std::to_string(1 + random_.Below(20)) + "号",
        "",
        area.postal_code,
        false};
    if (random_.Chance(200000)) {
      a.katagaki = std::string(random_.Below(2) == 0 ? "架空ハイツ" : "コーポ桜") +
                   std::to_string(1 + random_.Below(4)) + "0" +
                   std::to_string(1 + random_.Below(8));
    }
    return a;
  }

  Address Elsewhere(bool abroad) {
    if (abroad) return Address{"", kAbroad[random_.Below(6)], "", "", "", true};
    return Address{
        "",
        kOtherPlaces[random_.Below(8)],
        std::to_string(1 + random_.Below(20)) + "番" + std::to_string(1 + random_.Below(20)) + "号",
        "",
        "",
        false};
  }

  // Numbers are minted distinct: at a million residents random ones would collide, and the
  // register rightly refuses a number another resident holds (change.number_in_use).
  std::string IndividualNumberDigits() {
    std::string number;
    do {
      std::string body;
      for (int i = 0; i < 11; ++i) body.push_back(static_cast<char>('0' + random_.Below(10)));
      number = body + std::to_string(*ComputeCheckDigit(CheckDigitScheme::kIndividualNumber, body));
    } while (!used_numbers_.Insert(DigitsValue(number)));
    return number;
  }

  // Two kinds, told apart by their prefix ("AB" 在留カード, "SP" 特別永住者証明書): each kind's eight
  // digits go above the twelve of a 個人番号 in the same set.
  std::string CardNumber(const char* prefix, const char* suffix) {
    const uint64_t kind = prefix[0] == 'S' ? 2 : 1;
    uint64_t digits = 0;
    do {
      digits = 10000000 + static_cast<uint64_t>(random_.Below(89999999));
    } while (!used_numbers_.Insert(kind * 1000000000000000ULL + digits));
    return prefix + std::to_string(digits) + suffix;
  }

  std::string NextCode() {
    std::string code;
    do {
      code = SampleResidentRecordCode(code_random_);
    } while (!used_codes_.Insert(DigitsValue(code)));
    report_.codes_used.push_back(code);
    return code;
  }

  // A Japanese resident. `taken`: the given names already in the 戸籍 they join — none is given
  // twice within one 戸籍 (a 出生届 of the same name as someone in the 戸籍 is not accepted), so
  // the 附票 can tell its members apart by name.
  NewPerson Japanese(const SampleLists::Surname& surname, Sex sex, CalendarDate birth,
                     const char* relationship, const Domicile& domicile,
                     std::set<std::string>* taken = nullptr) {
    const SampleLists::GivenName* drawn = &Given(sex);
    constexpr int kRedraws = 256;  // the lists hold far more names than any 戸籍 people
    for (int redraw = 0; taken != nullptr && taken->contains(drawn->text) && redraw < kRedraws;
         ++redraw) {
      drawn = &Given(sex);
    }
    const auto& given = *drawn;
    if (taken != nullptr) taken->insert(given.text);
    NewPerson p;
    p.kind = ResidentKind::kJapanese;
    p.family_name = surname.text;
    p.given_name = given.text;
    p.family_kana = surname.kana;
    p.given_kana = given.kana;
    p.kana_confirmed = random_.Chance(600000);
    p.birth_date = Exact(birth);
    p.sex = sex;
    p.relationship = *ParseRelationship(relationship);
    p.domicile = domicile;
    p.individual_number = IndividualNumberDigits();
    p.resident_record_code = NextCode();
    p.on_electoral_roll = birth.year <= 2008;
    return p;
  }

  Domicile DomicileFor(const SampleLists::Surname& surname, const SampleLists::GivenName& head) {
    if (random_.Chance(20000)) return Domicile{Domicile::State::kUnknown, "", ""};
    const bool in_town = random_.Chance(400000);  // 附票 exist for these
    const std::string place = (in_town ? lists_
                                             .areas[static_cast<std::size_t>(random_.Below(
                                                 static_cast<int>(lists_.areas.size())))]
                                             .text
                                       : std::string(kOtherPlaces[random_.Below(8)])) +
                              std::to_string(1 + random_.Below(40)) + "番地";
    // A 戸籍 is known by its 本籍 and 筆頭者: another family whose head has the same name gets
    // another 本籍 (an 枝番), so no two families share one 戸籍 — or one 附票.
    const std::string head_name = surname.text + "\u3000" + head.text;
    std::string unique = place;
    for (int branch = 2; !koseki_keys_.insert(unique + '\x1f' + head_name).second; ++branch) {
      unique = place + "の" + std::to_string(branch);
    }
    return Domicile{Domicile::State::kRecorded, unique, head_name};
  }

  Status MoveInHousehold(CalendarDate day) {
    MoveInCommand c;
    const CalendarDate notified = NextDay(day);
    c.input = Input(day, notified);
    c.new_address = TownAddress();
    const int size_roll = random_.Below(100);
    const int size = size_roll < 38   ? 1
                     : size_roll < 66 ? 2
                     : size_roll < 83 ? 3
                     : size_roll < 95 ? 4
                     : size_roll < 99 ? 5
                                      : 6;
    // The first households guarantee what the town must show: every 法第30条の45 category and
    // every rare (異体字, non-BMP, IVS) surname; after that, chance decides.
    const bool foreign_first =
        foreign_made_ < lists_.foreign_names.size() && households_made_ % 7 == 3;
    if (foreign_first || random_.Chance(25000)) {
      // A foreign household: the head and, for larger ones, a spouse and children of the same nationality.
      const std::size_t row_index = foreign_made_ < lists_.foreign_names.size()
                                        ? foreign_made_
                                        : static_cast<std::size_t>(random_.Below(
                                              static_cast<int>(lists_.foreign_names.size())));
      ++foreign_made_;
      const auto& row = lists_.foreign_names[row_index];
      c.from_abroad = row.category != ForeignCategory::kSpecialPermanent;
      c.previous_address = c.from_abroad ? Elsewhere(true) : Elsewhere(false);
      for (int i = 0; i < std::min(size, 3); ++i) {
        NewPerson p;
        p.kind = ResidentKind::kForeign;
        const bool child = i == 2;
        p.birth_date = Exact(
            Born(child ? day.year - 1 - random_.Below(15) : day.year - 20 - random_.Below(40)));
        p.sex = i == 0 ? row.sex
                       : (i == 1 ? (row.sex == Sex::kMale ? Sex::kFemale : Sex::kMale)
                                 : (random_.Below(2) == 0 ? Sex::kMale : Sex::kFemale));
        p.relationship = *ParseRelationship(i == 0 ? "世帯主" : i == 1 ? "縁故者" : "子");
        p.domicile = Domicile{Domicile::State::kNone, "", ""};
        const std::string family = row.alphabet_name.substr(0, row.alphabet_name.find(' '));
        static const char* kGiven[] = {"ANH",   "MAI",  "JOSE", "ANA",
                                       "DAVID", "LINH", "YUNA", "RAVI"};
        p.foreign.alphabet_name =
            i == 0 ? row.alphabet_name : family + " " + kGiven[random_.Below(8)];
        p.foreign.nationality = row.nationality;
        p.foreign.category = row.category;
        // A 特別永住者 holds no 在留資格 (入管特例法); the source list names the category only.
        if (row.category != ForeignCategory::kSpecialPermanent)
          p.foreign.status_of_residence = row.status_of_residence;
        p.foreign.foreign_resident_since = Exact(day);
        if (row.category == ForeignCategory::kMidToLongTerm) {
          p.foreign.period_of_stay = "3年";
          p.foreign.period_expiry = CalendarDate{day.year + 3, day.month, std::min(day.day, 28)};
          p.foreign.residence_card_number = CardNumber("AB", "CD");
        } else if (row.category == ForeignCategory::kSpecialPermanent) {
          p.foreign.special_permanent_certificate_number = CardNumber("SP", "XY");
        } else if (row.category == ForeignCategory::kTemporaryRefuge) {
          p.foreign.landing_period = "6月";
        } else if (row.category == ForeignCategory::kProvisionalStay) {
          p.foreign.provisional_stay_period = "6月";
        }
        if (random_.Chance(200000))
          p.common_name = "山田" + std::string(i == 0 ? "一" : "二");  // 通称
        p.individual_number = IndividualNumberDigits();
        p.resident_record_code = NextCode();
        c.persons.push_back(p);
      }
    } else {
      c.previous_address = random_.Chance(50000) ? Elsewhere(true) : Elsewhere(false);
      c.from_abroad = c.previous_address.abroad;
      const auto& surname =
          rare_made_ < rare_surnames_.size()
              ? lists_.surnames[rare_surnames_[rare_made_++]]
              : lists_.surnames[static_cast<std::size_t>(Pick(surname_cumulative_))];
      const Sex head_sex =
          size == 1 ? (random_.Below(2) == 0 ? Sex::kMale : Sex::kFemale) : Sex::kMale;
      const int head_age = size == 1 ? 19 + random_.Below(70) : 27 + random_.Below(45);
      const CalendarDate head_birth = Born(day.year - head_age);
      const auto& head_given = Given(head_sex);
      const Domicile domicile = DomicileFor(surname, head_given);
      std::set<std::string> names_in_koseki{head_given.text};
      NewPerson head = Japanese(surname, head_sex, head_birth, "世帯主", domicile);
      head.given_name = head_given.text;
      head.given_kana = head_given.kana;
      c.persons.push_back(head);
      if (size >= 2) {
        NewPerson wife =
            Japanese(surname, Sex::kFemale, Born(head_birth.year - 3 + random_.Below(7)), "妻",
                     domicile, &names_in_koseki);
        if (random_.Chance(100000)) {  // 旧氏 recorded on request
          const auto& former = lists_.surnames[static_cast<std::size_t>(Pick(surname_cumulative_))];
          wife.former_surname = former.text;
          wife.former_surname_kana = former.kana;
        }
        c.persons.push_back(wife);
      }
      for (int i = 2; i < size; ++i) {
        if (i == 5 && head_age >= 45) {
          c.persons.push_back(Japanese(surname, Sex::kFemale,
                                       Born(head_birth.year - 25 - random_.Below(8)), "母",
                                       domicile, &names_in_koseki));
          continue;
        }
        const int child_age =
            std::max(0, std::min(head_age - 22, random_.Below(std::max(1, head_age - 21))));
        const CalendarDate birth = Born(day.year - child_age);
        NewPerson child =
            Japanese(surname, random_.Below(2) == 0 ? Sex::kMale : Sex::kFemale,
                     day < birth ? Born(day.year - 1) : birth, "子", domicile, &names_in_koseki);
        c.persons.push_back(child);
      }
      if (random_.Chance(10000)) {  // a lodger: 同居人
        const auto& other = lists_.surnames[static_cast<std::size_t>(Pick(surname_cumulative_))];
        c.persons.push_back(Japanese(other, Sex::kMale, Born(day.year - 20 - random_.Below(30)),
                                     "同居人", Domicile{Domicile::State::kUnknown, "", ""}));
      }
    }
    ++households_made_;
    auto outcome = Record(c, notified);
    if (!outcome) return outcome.error();
    households_.push_back(outcome->versions.front().household_number);
    population_ += static_cast<int64_t>(outcome->versions.size());
    return {};
  }

  // A random household that still has residents, with its members at a glance (most picks only
  // look); empty when none is found.
  std::vector<HouseholdMemberFacts> AnyHousehold() {
    for (int attempt = 0; attempt < 8 && !households_.empty(); ++attempt) {
      const std::size_t i =
          static_cast<std::size_t>(random_.Below(static_cast<int>(households_.size())));
      auto members = MemberFacts(households_[i]);
      if (!members.empty()) return members;
      households_[i] = households_.back();
      households_.pop_back();
    }
    return {};
  }

  std::vector<HouseholdMemberFacts> MemberFacts(const std::string& household) {
    if (packed_ != nullptr) return packed_->HouseholdMemberFactsOf(household);
    std::vector<HouseholdMemberFacts> facts;
    for (const ResidentRecord& r : repository_.HouseholdMembers(household))
      facts.push_back(HouseholdMemberFacts::Of(r));
    return facts;
  }
  static std::vector<std::string> Numbers(const std::vector<HouseholdMemberFacts>& members) {
    std::vector<std::string> numbers;
    for (const auto& m : members) numbers.push_back(m.addressee_number);
    return numbers;
  }

  static int Age(const HouseholdMemberFacts& m, CalendarDate day) {
    return m.birth ? day.year - m.birth->year : 0;
  }

  // Births and deaths look at a few households before giving up, so the town keeps its yearly
  // rates even though most households have no mother of the right age or nobody elderly.
  static constexpr int kTries = 12;

  Status Birth(CalendarDate day) {
    for (int attempt = 0; attempt < kTries; ++attempt) {
      if (auto born = TryBirth(day); !born || *born) return born ? Status{} : Status(born.error());
    }
    return {};
  }

  // True when a child was entered.
  Result<bool> TryBirth(CalendarDate day) {
    const auto members = AnyHousehold();
    for (const HouseholdMemberFacts& facts : members) {
      const int age = Age(facts, day);
      if (facts.sex != Sex::kFemale || age < 20 || age > 44 ||
          facts.kind != ResidentKind::kJapanese)
        continue;
      const std::string& rel = facts.relationship;
      const char* child_rel = rel == "世帯主" || rel == "妻" ? "子"
                              : rel == "子"                  ? "子の子"
                                                             : nullptr;
      if (child_rel == nullptr) continue;
      const auto mother = repository_.Latest(facts.addressee_number);
      if (!mother)
        return MakeError(ErrorCode::kInternal, "internal.error",
                         "a household member without a record");
      const ResidentRecord& m = *mother;
      BirthCommand c;
      c.input = Input(day, day);
      c.household_number = m.household_number;
      const SampleLists::Surname surname{m.family_name, m.family_kana, 1};
      // The household's names stand for the 戸籍's: a child is not named as anyone there.
      std::set<std::string> names_in_household;
      for (const HouseholdMemberFacts& other : members) names_in_household.insert(other.given_name);
      c.child = Japanese(surname, random_.Below(2) == 0 ? Sex::kMale : Sex::kFemale, day, child_rel,
                         m.domicile, &names_in_household);
      c.child.on_electoral_roll = false;
      auto outcome = Record(c, day);
      if (!outcome) return outcome.error();
      ++population_;
      return true;
    }
    return false;
  }

  Status Death(CalendarDate day) {
    for (int attempt = 0; attempt < kTries; ++attempt) {
      if (auto died = TryDeath(day); !died || *died) return died ? Status{} : Status(died.error());
    }
    return {};
  }

  Result<bool> TryDeath(CalendarDate day) {
    const auto members = AnyHousehold();
    for (const HouseholdMemberFacts& m : members) {
      if (Age(m, day) < 60) continue;
      DeathCommand c;
      c.input = Input(day, NextDay(day));
      c.addressee_number = m.addressee_number;
      auto outcome = Record(c, NextDay(day));
      if (!outcome) return outcome.error();
      --population_;
      ++report_.removed;
      return true;
    }
    return false;
  }

  Status WithinMove(CalendarDate day) {
    const auto members = AnyHousehold();
    if (members.empty()) return {};
    WithinMoveCommand c;
    c.input = Input(day, NextDay(day));
    c.movers = Numbers(members);
    c.new_address = TownAddress();
    auto outcome = Record(c, NextDay(day));
    if (!outcome && outcome.error().rule_id != rules::kChangeSameAddress) return outcome.error();
    return {};
  }

  Status MoveOut(CalendarDate day) {
    const auto members = AnyHousehold();
    if (members.empty()) return {};
    MoveOutCommand c;
    // Notified a week ahead of the planned day (the 転出予定日 may lie ahead of the processing day).
    c.input = Input(day, day);
    c.input.event_date = Exact(CalendarDate(FromDayNumber(ToDayNumber(day) + 7)));
    c.movers = Numbers(members);
    c.destination = Elsewhere(random_.Chance(80000));
    auto outcome = Record(c, day);
    if (!outcome) return outcome.error();
    population_ -= static_cast<int64_t>(members.size());
    report_.removed += static_cast<int64_t>(members.size());
    return {};
  }

  Status Separation(CalendarDate day) {
    const auto members = AnyHousehold();
    if (members.size() < 3) return {};
    for (const HouseholdMemberFacts& m : members) {
      if (m.relationship != "子" || Age(m, day) < 22) continue;
      HouseholdSeparationCommand c;
      c.input = Input(day, NextDay(day));
      c.movers = {m.addressee_number};
      c.relationships[m.addressee_number] = RelationshipToHead{};
      auto outcome = Record(c, NextDay(day));
      if (!outcome) return outcome.error();
      households_.push_back(outcome->versions.front().household_number);
      return {};
    }
    return {};
  }

  Status Correction(CalendarDate day) {
    const auto members = AnyHousehold();
    if (members.empty() || members.front().kana_confirmed ||
        members.front().kind != ResidentKind::kJapanese) {
      return {};
    }
    CorrectionCommand c;
    c.input = Input(day, day);
    c.input.notification_date.reset();
    c.reason = ChangeReason::kCorrectionExOfficio;
    c.addressee_number = members.front().addressee_number;
    c.kana_confirmed = true;  // フリガナ確認 after contacting the person (JK-1.1.18)
    auto outcome = Record(c, day);
    if (!outcome) return outcome.error();
    return {};
  }

  ResidentRepository& repository_;
  // The same repository when it is the in-memory one, which gives household facts without
  // unpacking records (the town looks at a household about a million times at a million residents).
  InMemoryResidentRepository* packed_ = dynamic_cast<InMemoryResidentRepository*>(&repository_);
  AddressDictionary* dictionary_;
  const SampleLists& lists_;
  const SampleOptions& options_;
  SampleRandom random_;
  SampleRandom code_random_;  // a stream of its own, so codes do not shift the rest
  DistinctNumbers used_codes_;
  DistinctNumbers used_numbers_;  // 個人番号 and card numbers
  std::vector<std::string> alerts_;
  std::vector<int> surname_cumulative_;
  std::vector<std::pair<int, std::size_t>> male_, female_;
  static constexpr int kRareWeight = 20;  // the 異体字 rows of surnames.tsv
  std::vector<std::size_t> rare_surnames_;
  std::size_t rare_made_ = 0;
  std::size_t foreign_made_ = 0;
  std::size_t households_made_ = 0;
  std::vector<std::string> households_;
  std::unordered_set<std::string> koseki_keys_;  // 本籍 '\x1f' 筆頭者 of every family made
  int64_t population_ = 0;
  SampleReport report_;
};

}  // namespace

Result<SampleReport> BuildSampleTown(ResidentRepository& repository, AddressDictionary* dictionary,
                                     const SampleLists& lists, const SampleOptions& options) {
  Town town(repository, dictionary, lists, options);
  return town.Build();
}

}  // namespace jrr
