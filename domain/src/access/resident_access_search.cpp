// SPDX-License-Identifier: Apache-2.0
//
// ResidentAccess::Search — 検索 (JK-2.1) through the gate: conditions become index keys, the
// sets they name are intersected, and each person found is checked, marked and logged.
#include <algorithm>
#include <iterator>
#include <utility>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

struct Condition {
  SearchKeyKind kind;
  std::string value;
  MatchMode mode;
};

// How many people one condition may name before the search stops looking and asks for more,
// when several conditions (or narrowing ones) must be combined.
constexpr std::size_t kCandidateCap = 5000;

bool KeyMatches(const std::vector<SearchKey>& keys, const Condition& c) {
  return std::any_of(keys.begin(), keys.end(), [&](const SearchKey& k) {
    if (k.kind != c.kind) return false;
    switch (c.mode) {
      case MatchMode::kExact:
        return k.value == c.value;
      case MatchMode::kPrefix:
        return k.value.starts_with(c.value);
      case MatchMode::kContains:
        return k.value.find(c.value) != std::string::npos;
    }
    return false;
  });
}

std::size_t CodePoints(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// Splits 氏 and 名 at the first space (half- or full-width); nullopt when there is none.
std::optional<std::pair<std::string, std::string>> SplitName(const std::string& text) {
  for (const std::string_view space : {std::string_view(" "), std::string_view("　")}) {
    const auto at = text.find(space);
    if (at != std::string::npos)
      return std::make_pair(text.substr(0, at), text.substr(at + space.size()));
  }
  return std::nullopt;
}

Result<std::vector<Condition>> ConditionsOf(const SearchQuery& q) {
  // Typed text becomes a key the way the index built it: kana key, kanji key (異体字 folded).
  using KeyBuilder = Result<std::string> (*)(std::string_view);
  struct Typed {
    SearchKeyKind kind;
    std::string text;
    KeyBuilder build;
    MatchMode mode;
  };
  std::vector<Typed> typed;
  auto name = [&](const std::string& text, SearchKeyKind whole, SearchKeyKind family,
                  SearchKeyKind given, KeyBuilder build) {
    if (text.empty()) return;
    if (auto parts = SplitName(text)) {
      typed.push_back({family, parts->first, build, q.mode});
      typed.push_back({given, parts->second, build, q.mode});
    } else {
      typed.push_back({whole, text, build, q.mode});
    }
  };
  name(q.kana, SearchKeyKind::kKanaName, SearchKeyKind::kKanaFamily, SearchKeyKind::kKanaGiven,
       BuildKanaKey);
  typed.push_back({SearchKeyKind::kKanaGiven, q.kana_given, BuildKanaKey, q.mode});
  name(q.name, SearchKeyKind::kKanjiName, SearchKeyKind::kKanjiFamily, SearchKeyKind::kKanjiGiven,
       BuildKanjiKey);
  typed.push_back({SearchKeyKind::kKanjiGiven, q.given_name, BuildKanjiKey, q.mode});
  typed.push_back({SearchKeyKind::kAddress, q.address, BuildKanjiKey, q.mode});
  typed.push_back({SearchKeyKind::kKatagaki, q.katagaki, BuildKanjiKey, q.mode});
  std::vector<Condition> out;
  for (const Typed& t : typed) {
    if (t.text.empty()) continue;
    if (t.kind != SearchKeyKind::kAddress && t.kind != SearchKeyKind::kKatagaki &&
        HasCompanyFormSymbol(t.text)) {
      return MakeError(ErrorCode::kInvalidInput, "search.company_form_symbol",
                       "㈱ or the like in a name searched (JK-2.1.2)");
    }
    auto key = t.build(t.text);
    if (!key) return key.error();
    if (!key->empty()) out.push_back({t.kind, *key, t.mode});
  }
  auto raw = [&](SearchKeyKind kind, const std::string& text) {
    if (!text.empty()) out.push_back({kind, text, MatchMode::kExact});
  };
  if (!q.address_code.empty()) {
    out.push_back({SearchKeyKind::kAddressCode, q.address_code,
                   q.mode == MatchMode::kExact ? MatchMode::kExact : MatchMode::kPrefix});
  }
  if (q.birth_date) raw(SearchKeyKind::kBirthDate, ToIsoString(*q.birth_date));
  raw(SearchKeyKind::kAddresseeNumber, q.addressee_number);
  raw(SearchKeyKind::kHouseholdNumber, q.household_number);
  raw(SearchKeyKind::kResidentRecordCode, q.resident_record_code);
  raw(SearchKeyKind::kIndividualNumber, q.individual_number);
  raw(SearchKeyKind::kResidenceCard, q.residence_card);
  if (q.removal_reason)
    raw(SearchKeyKind::kRemovalReason, std::to_string(static_cast<int>(*q.removal_reason)));
  if (out.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "search.no_key",
                     "性別・続柄 only narrow a search; give a name, number, date or address");
  }
  for (const Condition& c : out) {
    if (c.mode == MatchMode::kContains && CodePoints(c.value) < 3) {
      return MakeError(ErrorCode::kInvalidInput, "search.pattern_too_short",
                       "部分一致 needs 3 characters");
    }
  }
  return out;
}

// Whether the conditions name someone by what identifies them and nothing else: one number, or
// the whole name typed exactly. A person under a 照会抑止 is listed (as blocked) to such a search
// only: a birth date, an address, a prefix of the name or a narrowing condition would otherwise
// be confirmed or ruled out for them by whether they appear.
bool NamesOnePersonExactly(const std::vector<Condition>& conditions, bool narrowing) {
  if (narrowing || conditions.empty()) return false;
  auto is_number = [](SearchKeyKind k) {
    return k == SearchKeyKind::kAddresseeNumber || k == SearchKeyKind::kResidentRecordCode ||
           k == SearchKeyKind::kIndividualNumber || k == SearchKeyKind::kResidenceCard;
  };
  auto is_name = [](SearchKeyKind k) {
    return k == SearchKeyKind::kKanaName || k == SearchKeyKind::kKanaFamily ||
           k == SearchKeyKind::kKanaGiven || k == SearchKeyKind::kKanjiName ||
           k == SearchKeyKind::kKanjiFamily || k == SearchKeyKind::kKanjiGiven;
  };
  if (conditions.size() == 1 && is_number(conditions[0].kind)) return true;
  if (!std::all_of(conditions.begin(), conditions.end(), [&](const Condition& c) {
        return is_name(c.kind) && c.mode == MatchMode::kExact;
      })) {
    return false;
  }
  // The whole name: a given name alone (or a surname alone) is shared by many and names no one.
  auto has = [&](std::initializer_list<SearchKeyKind> kinds) {
    return std::any_of(conditions.begin(), conditions.end(), [&](const Condition& c) {
      return std::find(kinds.begin(), kinds.end(), c.kind) != kinds.end();
    });
  };
  return has({SearchKeyKind::kKanaName, SearchKeyKind::kKanjiName}) ||
         (has({SearchKeyKind::kKanaFamily, SearchKeyKind::kKanjiFamily}) &&
          has({SearchKeyKind::kKanaGiven, SearchKeyKind::kKanjiGiven}));
}

}  // namespace

// IMP: JK-2.1.3
Result<SearchResult> ResidentAccess::Search(const SearchQuery& query, SearchIndex& index,
                                            SearchHistory& history) {
  auto refuse = [&](const Error& error) {
    Log(AuditAction::kDenied, "search", {}, false, error.rule_id,
        "conditions=" + query.ConditionNames());
    return error;
  };
  if (auto ok = Authorize(viewer_, Permission::kView); !ok) return refuse(ok.error());
  if (!query.individual_number.empty()) {
    if (auto ok = Authorize(viewer_, Permission::kSeeIndividualNumber); !ok)
      return refuse(ok.error());
  }
  // Likewise for the other numbers a user may be kept from seeing (JK-10.4).
  if (!query.resident_record_code.empty()) {
    if (auto ok = Authorize(viewer_, Permission::kSeeResidentRecordCode); !ok)
      return refuse(ok.error());
  }
  if (!query.residence_card.empty()) {
    if (auto ok = Authorize(viewer_, Permission::kSeeResidenceStatus); !ok)
      return refuse(ok.error());
  }
  auto conditions = ConditionsOf(query);
  if (!conditions) return conditions.error();
  SearchResult result;
  // Each indexed condition names a set of people; a person is found when every set names them.
  std::vector<std::string> candidates;
  bool first = true;
  // One condition and nothing to narrow by: the first limit+1 people it names are the answer
  // (and say whether there are more). Otherwise the sets must be intersected in full.
  const bool narrowing =
      query.residents_only || query.sex || !query.relationship.empty() || query.removal_reason;
  const std::size_t fetch = conditions->size() == 1 && !narrowing ? query.limit + 1 : kCandidateCap;
  std::vector<SearchKeyKind> kinds;
  for (const Condition& c : *conditions) kinds.push_back(c.kind);
  const bool names_exactly = NamesOnePersonExactly(*conditions, narrowing);
  for (const Condition& c : *conditions) {
    std::vector<std::string> found = index.Find(c.kind, c.value, c.mode, fetch);
    if (found.size() >= fetch) result.truncated = true;
    std::sort(found.begin(), found.end());
    if (first) {
      candidates = std::move(found);
      first = false;
    } else {
      std::vector<std::string> both;
      std::set_intersection(candidates.begin(), candidates.end(), found.begin(), found.end(),
                            std::back_inserter(both));
      candidates = std::move(both);
    }
    if (candidates.empty()) break;
  }
  for (const std::string& atena : candidates) {
    auto latest = residents_.Latest(atena);
    if (!latest) continue;
    const ResidentRecord& r = *latest;
    if (query.residents_only && r.status != ResidentStatus::kResident) continue;
    if (query.sex && r.sex != *query.sex) continue;
    if (!query.relationship.empty() && r.relationship.Text() != query.relationship) continue;
    if (query.removal_reason && (r.status != ResidentStatus::kRemoved || !r.removal ||
                                 r.removal->reason != *query.removal_reason)) {
      continue;
    }
    if (result.hits.size() == query.limit) {
      result.truncated = true;
      break;
    }
    SearchHit hit;
    const auto keys = SearchKeysOf(r, &kinds);
    hit.matched_former = std::any_of(conditions->begin(), conditions->end(),
                                     [&](const Condition& c) { return !KeyMatches(keys, c); });
    hit.pending = residents_.PendingChangeFor(atena).has_value();
    hit.protection = Notice(r);
    if (!hit.protection.blocked.empty() && ViewWithheld(atena)) {
      // 照会抑止: the hit shows that the person exists and is blocked (JK-3.1), nothing of them —
      // and only to a search that names them; to any other, whether they appear would itself
      // tell something of the record, so they do not.
      if (!names_exactly) continue;
      hit.withheld = true;
      hit.matched_former = false;
      hit.pending = false;
      hit.record = ResidentRecord{};
      hit.record.addressee_number = atena;
    } else {
      hit.record = r;
      Blank(hit.record);
    }
    result.hits.push_back(std::move(hit));
  }
  std::vector<std::string> found;
  for (const SearchHit& h : result.hits) found.push_back(h.record.addressee_number);
  // The history row first, then the log entry: a store that queues writes (the server's group
  // commit) lets the row ride in the commit the log entry waits for. Logged before anything is
  // returned.
  history.Record(SearchHistoryEntry{0, viewer_.operator_id, "", query.ToText(),
                                    static_cast<int64_t>(found.size())});
  Log(AuditAction::kSearch, "search", found, !query.individual_number.empty(), "ok",
      "conditions=" + query.ConditionNames() + " hits=" + std::to_string(found.size()) +
          (result.truncated ? " truncated" : ""));
  return result;
}

}  // namespace jrr
