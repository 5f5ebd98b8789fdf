// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/resident_search.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "jrr/domain/name_keys.h"

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
    case MatchMode::kExact: return "exact";
    case MatchMode::kPrefix: return "prefix";
    case MatchMode::kContains: return "contains";
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

std::vector<SearchKey> SearchKeysOf(const ResidentRecord& v, const std::vector<SearchKeyKind>* only) {
  KeyBuilder b{only, {}};
  // Names: as recorded, with 旧氏 in place of 氏, and 通称.
  b.Kana(SearchKeyKind::kKanaName, v.family_kana + v.given_kana);
  b.Kana(SearchKeyKind::kKanaFamily, v.family_kana);
  b.Kana(SearchKeyKind::kKanaGiven, v.given_kana);
  b.Kanji(SearchKeyKind::kKanjiName, v.family_name + v.given_name);
  b.Kanji(SearchKeyKind::kKanjiFamily, v.family_name);
  b.Kanji(SearchKeyKind::kKanjiGiven, v.given_name);
  if (!v.former_surname.empty()) {
    b.Kanji(SearchKeyKind::kKanjiName, v.former_surname + v.given_name);
    b.Kanji(SearchKeyKind::kKanjiFamily, v.former_surname);
  }
  if (!v.former_surname_kana.empty()) {
    b.Kana(SearchKeyKind::kKanaName, v.former_surname_kana + v.given_kana);
    b.Kana(SearchKeyKind::kKanaFamily, v.former_surname_kana);
  }
  b.Kanji(SearchKeyKind::kKanjiName, v.common_name);
  b.Kana(SearchKeyKind::kKanaName, v.common_name_kana);
  b.Kanji(SearchKeyKind::kKanjiName, v.foreign.alphabet_name);
  // Address, 方書, codes and numbers.
  b.Kanji(SearchKeyKind::kAddress, v.address.text + v.address.banchi);
  b.Key(SearchKeyKind::kAddressCode, v.address.address_code);
  b.Kanji(SearchKeyKind::kKatagaki, v.address.katagaki);
  if (auto birth = v.birth_date.InternalDate()) b.Key(SearchKeyKind::kBirthDate, ToIsoString(*birth));
  b.Key(SearchKeyKind::kAddresseeNumber, v.addressee_number);
  b.Key(SearchKeyKind::kHouseholdNumber, v.household_number);
  b.Key(SearchKeyKind::kResidentRecordCode, v.resident_record_code);
  b.Key(SearchKeyKind::kIndividualNumber, v.individual_number);
  b.Key(SearchKeyKind::kResidenceCard, v.foreign.residence_card_number);
  b.Key(SearchKeyKind::kResidenceCard, v.foreign.special_permanent_certificate_number);
  if (v.status == ResidentStatus::kRemoved && v.removal) {
    b.Key(SearchKeyKind::kRemovalReason, std::to_string(static_cast<int>(v.removal->reason)));
  }
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
    if (name == "kana") q.kana = value;
    else if (name == "kana_given") q.kana_given = value;
    else if (name == "name") q.name = value;
    else if (name == "given_name") q.given_name = value;
    else if (name == "match") {
      if (value == "prefix") q.mode = MatchMode::kPrefix;
      else if (value == "contains") q.mode = MatchMode::kContains;
      else if (value == "exact") q.mode = MatchMode::kExact;
      else return invalid("match");
    } else if (name == "birth") {
      auto day = ParseIsoDate(value);
      if (!day) return invalid("birth");
      q.birth_date = *day;
    } else if (name == "sex") {
      if (value != "male" && value != "female") return invalid("sex");
      q.sex = value == "male" ? Sex::kMale : Sex::kFemale;
    } else if (name == "relationship") q.relationship = value;
    else if (name == "address") q.address = value;
    else if (name == "address_code") q.address_code = value;
    else if (name == "katagaki") q.katagaki = value;
    else if (name == "atena") q.addressee_number = value;
    else if (name == "household") q.household_number = value;
    else if (name == "jumin_code") q.resident_record_code = value;
    else if (name == "kojin") q.individual_number = value;
    else if (name == "card") q.residence_card = value;
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
    } else if (name == "residents_only") q.residents_only = value == "1";
    else return invalid("unknown condition " + name);
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
