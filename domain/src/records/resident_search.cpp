// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/resident_search.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "jrr/domain/core/name_keys.h"

namespace jrr {
namespace {

// Collects the keys of one version, building only the wanted kinds (all when `only` is null).
struct KeyBuilder {
  const std::vector<SearchKeyKind>* only = nullptr;
  std::vector<SearchKey> keys;

  bool Wanted(SearchKeyKind kind) const {
    return only == nullptr || std::find(only->begin(), only->end(), kind) != only->end();
  }
  void Key(SearchKeyKind kind, std::string value) {
    if (value.empty() || !Wanted(kind)) return;
    SearchKey key{kind, std::move(value)};
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  void Kana(SearchKeyKind kind, const std::string& text) {
    if (text.empty() || !Wanted(kind)) return;
    if (auto key = BuildKanaKey(text)) Key(kind, *key);
  }
  void Kanji(SearchKeyKind kind, const std::string& text) {
    if (text.empty() || !Wanted(kind)) return;
    if (auto key = BuildKanjiKey(text)) Key(kind, *key);
  }
};

// The fields of SearchQuery that ToText writes, in order. Values never contain ';' or '='
// after escaping (\; \= \\).
std::string Escape(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == ';' || c == '=' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string_view ModeName(MatchMode mode) {
  switch (mode) {
    case MatchMode::kExact:
      return "exact";
    case MatchMode::kPrefix:
      return "prefix";
    case MatchMode::kContains:
      return "contains";
  }
  return "exact";
}

}  // namespace

bool IsTextKind(SearchKeyKind kind) {
  switch (kind) {
    case SearchKeyKind::kKanaName:
    case SearchKeyKind::kKanaFamily:
    case SearchKeyKind::kKanaGiven:
    case SearchKeyKind::kKanjiName:
    case SearchKeyKind::kKanjiFamily:
    case SearchKeyKind::kKanjiGiven:
    case SearchKeyKind::kAddress:
    case SearchKeyKind::kKatagaki:
      return true;
    default:
      return false;
  }
}

namespace {

// How an input becomes a key: folded as kana, folded as kanji (異体字), or taken as it is.
enum class KeyForm { kKana, kKanji, kAsIs };

// Every input of a version's keys, always in the same order and number: visit(kind, form, text).
// An absent input (no 旧氏, not removed) is visited as empty text, which builds no key, so the
// n-th visit of any two versions reads the same fields — SearchKeysAddedBy compares them so.
template <typename Visit>
void VisitKeyInputs(const ResidentRecord& v, Visit&& visit) {
  using K = SearchKeyKind;
  // Names: as recorded, with 旧氏 in place of 氏, and 通称.
  visit(K::kKanaName, KeyForm::kKana, v.family_kana + v.given_kana);
  visit(K::kKanaFamily, KeyForm::kKana, v.family_kana);
  visit(K::kKanaGiven, KeyForm::kKana, v.given_kana);
  visit(K::kKanjiName, KeyForm::kKanji, v.family_name + v.given_name);
  visit(K::kKanjiFamily, KeyForm::kKanji, v.family_name);
  visit(K::kKanjiGiven, KeyForm::kKanji, v.given_name);
  visit(K::kKanjiName, KeyForm::kKanji,
        v.former_surname.empty() ? std::string() : v.former_surname + v.given_name);
  visit(K::kKanjiFamily, KeyForm::kKanji, v.former_surname);
  visit(K::kKanaName, KeyForm::kKana,
        v.former_surname_kana.empty() ? std::string() : v.former_surname_kana + v.given_kana);
  visit(K::kKanaFamily, KeyForm::kKana, v.former_surname_kana);
  visit(K::kKanjiName, KeyForm::kKanji, v.common_name);
  visit(K::kKanaName, KeyForm::kKana, v.common_name_kana);
  visit(K::kKanjiName, KeyForm::kKanji, v.foreign.alphabet_name);
  // Address, 方書, codes and numbers.
  visit(K::kAddress, KeyForm::kKanji, v.address.text + v.address.banchi);
  visit(K::kAddressCode, KeyForm::kAsIs, v.address.address_code);
  visit(K::kKatagaki, KeyForm::kKanji, v.address.katagaki);
  const auto birth = v.birth_date.InternalDate();
  visit(K::kBirthDate, KeyForm::kAsIs, birth ? ToIsoString(*birth) : std::string());
  visit(K::kAddresseeNumber, KeyForm::kAsIs, v.addressee_number);
  visit(K::kHouseholdNumber, KeyForm::kAsIs, v.household_number);
  visit(K::kResidentRecordCode, KeyForm::kAsIs, v.resident_record_code);
  visit(K::kIndividualNumber, KeyForm::kAsIs, v.individual_number);
  visit(K::kResidenceCard, KeyForm::kAsIs, v.foreign.residence_card_number);
  visit(K::kResidenceCard, KeyForm::kAsIs, v.foreign.special_permanent_certificate_number);
  visit(K::kRemovalReason, KeyForm::kAsIs,
        v.status == ResidentStatus::kRemoved && v.removal
            ? std::to_string(static_cast<int>(v.removal->reason))
            : std::string());
}

void Build(KeyBuilder& b, SearchKeyKind kind, KeyForm form, const std::string& text) {
  switch (form) {
    case KeyForm::kKana:
      b.Kana(kind, text);
      break;
    case KeyForm::kKanji:
      b.Kanji(kind, text);
      break;
    case KeyForm::kAsIs:
      b.Key(kind, text);
      break;
  }
}

}  // namespace

// IMP: JK-2.1.3
std::vector<SearchKey> SearchKeysOf(const ResidentRecord& v,
                                    const std::vector<SearchKeyKind>* only) {
  KeyBuilder b{only, {}};
  VisitKeyInputs(v, [&b](SearchKeyKind kind, KeyForm form, const std::string& text) {
    Build(b, kind, form, text);
  });
  return std::move(b.keys);
}

std::vector<SearchKey> SearchKeysAddedBy(const ResidentRecord& previous,
                                         const ResidentRecord& version,
                                         const std::vector<SearchKeyKind>* only) {
  std::vector<std::string> before;
  before.reserve(24);
  VisitKeyInputs(previous, [&before](SearchKeyKind, KeyForm, std::string text) {
    before.push_back(std::move(text));
  });
  KeyBuilder b{only, {}};
  std::size_t at = 0;
  VisitKeyInputs(version, [&](SearchKeyKind kind, KeyForm form, const std::string& text) {
    if (text != before[at++]) Build(b, kind, form, text);  // the same input gives the same key
  });
  return std::move(b.keys);
}

std::string SearchQuery::ToText() const {
  std::string text;
  auto put = [&text](const char* field, const std::string& value) {
    if (value.empty()) return;
    if (!text.empty()) text += ';';
    text += field;
    text += '=';
    text += Escape(value);
  };
  put("kana", kana);
  put("kana_given", kana_given);
  put("name", name);
  put("given_name", given_name);
  if (mode != MatchMode::kExact) put("match", std::string(ModeName(mode)));
  if (birth_date) put("birth", ToIsoString(*birth_date));
  if (sex) put("sex", *sex == Sex::kMale ? "male" : "female");
  put("relationship", relationship);
  put("address", address);
  put("address_code", address_code);
  put("katagaki", katagaki);
  put("atena", addressee_number);
  put("household", household_number);
  put("jumin_code", resident_record_code);
  put("kojin", individual_number);
  put("card", residence_card);
  if (removal_reason) put("removal", std::to_string(static_cast<int>(*removal_reason)));
  if (residents_only) put("residents_only", "1");
  if (limit != 100) put("limit", std::to_string(limit));
  return text;
}

Result<SearchQuery> SearchQuery::ParseText(std::string_view text) {
  SearchQuery q;
  auto invalid = [](const std::string& detail) {
    return MakeError(ErrorCode::kInvalidInput, "search.invalid_query", detail);
  };
  std::size_t i = 0;
  while (i < text.size()) {
    std::string name, value;
    bool in_value = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\\' && i + 1 < text.size()) {
        c = text[++i];
      } else if (c == ';') {
        ++i;
        break;
      } else if (c == '=' && !in_value) {
        in_value = true;
        continue;
      }
      (in_value ? value : name) += c;
    }
    if (!in_value || value.empty()) return invalid("malformed condition");
    if (name == "kana")
      q.kana = value;
    else if (name == "kana_given")
      q.kana_given = value;
    else if (name == "name")
      q.name = value;
    else if (name == "given_name")
      q.given_name = value;
    else if (name == "match") {
      if (value == "prefix")
        q.mode = MatchMode::kPrefix;
      else if (value == "contains")
        q.mode = MatchMode::kContains;
      else if (value == "exact")
        q.mode = MatchMode::kExact;
      else
        return invalid("match");
    } else if (name == "birth") {
      auto day = ParseIsoDate(value);
      if (!day) return invalid("birth");
      q.birth_date = *day;
    } else if (name == "sex") {
      if (value != "male" && value != "female") return invalid("sex");
      q.sex = value == "male" ? Sex::kMale : Sex::kFemale;
    } else if (name == "relationship")
      q.relationship = value;
    else if (name == "address")
      q.address = value;
    else if (name == "address_code")
      q.address_code = value;
    else if (name == "katagaki")
      q.katagaki = value;
    else if (name == "atena")
      q.addressee_number = value;
    else if (name == "household")
      q.household_number = value;
    else if (name == "jumin_code")
      q.resident_record_code = value;
    else if (name == "kojin")
      q.individual_number = value;
    else if (name == "card")
      q.residence_card = value;
    else if (name == "removal" || name == "limit") {
      int n = 0;
      auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
      if (ec != std::errc() || end != value.data() + value.size() || n <= 0) return invalid(name);
      if (name == "limit") {
        q.limit = static_cast<std::size_t>(n);
      } else {
        q.removal_reason = ChangeReasonFromCode(n);
        if (!q.removal_reason) return invalid("removal");
      }
    } else if (name == "residents_only")
      q.residents_only = value == "1";
    else
      return invalid("unknown condition " + name);
  }
  return q;
}

std::string SearchQuery::ConditionNames() const {
  std::string names;
  const std::string text = ToText();
  // Every "name=" of the text, without the values.
  bool escaped = false;
  bool in_name = true;
  for (char c : text) {
    if (escaped) {
      escaped = false;
    } else if (c == '\\') {
      escaped = true;
    } else if (c == '=' && in_name) {
      in_name = false;
      names += ',';
    } else if (c == ';') {
      in_name = true;
    } else if (in_name) {
      names += c;
    }
  }
  if (!names.empty()) names.pop_back();
  return names;
}

}  // namespace jrr
