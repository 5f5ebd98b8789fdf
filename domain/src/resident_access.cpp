// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/resident_access.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "jrr/domain/name_keys.h"
#include "name_table.h"

namespace jrr {
namespace {

constexpr std::array<std::pair<Permission, std::string_view>, 14> kPermissions{{
    {Permission::kView, "view"},
    {Permission::kChange, "change"},
    {Permission::kApprove, "approve"},
    {Permission::kIssue, "issue"},
    {Permission::kSupportMeasure, "support_measure"},
    {Permission::kBlock, "block"},
    {Permission::kRelease, "release"},
    {Permission::kAudit, "audit"},
    {Permission::kUserAdmin, "user_admin"},
    {Permission::kSettings, "settings"},
    {Permission::kCodeAssignment, "code_assignment"},
    {Permission::kSeeIndividualNumber, "see_individual_number"},
    {Permission::kSeeResidentRecordCode, "see_resident_record_code"},
    {Permission::kSeeDomicile, "see_domicile"},
}};

std::string_view SupportKindJa(SupportKind kind) {
  switch (kind) {
    case SupportKind::kDomesticViolence: return "DV";
    case SupportKind::kStalking: return "ストーカー";
    case SupportKind::kChildAbuse: return "児童虐待";
    case SupportKind::kOther: return "その他";
  }
  return "";
}

bool Acknowledged(const std::vector<std::string>& acknowledged, std::string_view rule) {
  return std::find(acknowledged.begin(), acknowledged.end(), rule) != acknowledged.end();
}

constexpr int kMaxReleaseMinutes = 480;

}  // namespace

std::string_view PermissionName(Permission permission) {
  return name_table::NameOf(kPermissions, permission);
}

std::optional<Permission> PermissionFromName(std::string_view name) {
  return name_table::ValueOf<Permission>(kPermissions, name);
}

std::set<Permission> AllPermissions() {
  std::set<Permission> all;
  for (const auto& [p, name] : kPermissions) all.insert(p);
  return all;
}

Status Authorize(const Viewer& viewer, Permission permission) {
  if (viewer.Has(permission)) return {};
  return MakeError(ErrorCode::kRuleViolation, "access.permission_denied",
                   std::string("needs ") + std::string(PermissionName(permission)));
}

ProtectionNotice NoticeFor(const Viewer& viewer, const std::vector<SupportMeasure>& measures,
                           const std::vector<Block>& blocks) {
  ProtectionNotice notice;
  const bool may_see = viewer.Has(Permission::kSupportMeasure);
  std::string kinds;
  for (const SupportMeasure& m : measures) {
    if (!m.Active()) continue;
    notice.support_target = true;
    notice.provisional = notice.provisional || m.state != SupportState::kInForce;
    for (const std::string& alert : SupportAlerts(m, viewer.today)) notice.alerts.push_back(alert);
    if (may_see) {
      notice.measure_ids.push_back(m.measure_id);
      if (!kinds.empty()) kinds += "・";
      kinds += SupportKindJa(m.kind);
      if (m.state != SupportState::kInForce) kinds += "・仮";
    }
  }
  for (const Block& b : blocks) {
    if (BlockApplies(b, viewer.today) &&
        std::find(notice.blocked.begin(), notice.blocked.end(), b.operation) == notice.blocked.end()) {
      notice.blocked.push_back(b.operation);
    }
  }
  if (notice.support_target) {
    notice.marker = may_see ? "支援措置対象者（" + kinds + "）" : std::string(kMaskedMarker);
  } else if (!notice.blocked.empty()) {
    notice.marker = "抑止対象";
  }
  return notice;
}

Status CheckBlocks(const std::vector<Block>& blocks, const std::vector<TemporaryRelease>& releases,
                   GuardedOperation operation, CalendarDate today,
                   const std::vector<std::string>& acknowledged) {
  bool alert = false;
  for (const Block& b : blocks) {
    if (b.operation != operation || !BlockApplies(b, today)) continue;
    const bool released = std::any_of(releases.begin(), releases.end(), [&](const TemporaryRelease& r) {
      return r.block_id && *r.block_id == b.block_id;
    });
    if (released) continue;
    if (b.level == BlockLevel::kError) {
      return MakeError(ErrorCode::kRuleViolation, "protection.blocked",
                       "block " + std::to_string(b.block_id) + " on " +
                           std::string(GuardedOperationName(operation)));
    }
    alert = true;
  }
  if (alert && !Acknowledged(acknowledged, "protection.alert")) {
    return MakeError(ErrorCode::kRuleViolation, "protection.alert",
                     "アラート: acknowledge protection.alert to proceed");
  }
  return {};
}

void ResidentAccess::Log(AuditAction action, const std::string& function,
                         std::vector<std::string> targets, bool individual_number,
                         const std::string& outcome, const std::string& detail) {
  AuditEvent event;
  event.action = action;
  event.operator_id = viewer_.operator_id;
  event.terminal = viewer_.terminal;
  event.place = viewer_.place;
  event.function = function;
  event.targets = std::move(targets);
  event.individual_number = individual_number;
  event.outcome = outcome;
  event.detail = detail;
  log_.Record(event);
}

Result<PersonView> ResidentAccess::View(const std::string& addressee_number, const AsOfQuery& query,
                                        const std::vector<std::string>& acknowledged,
                                        const std::string& function) {
  const bool numbers = viewer_.Has(Permission::kSeeIndividualNumber);
  if (auto ok = Authorize(viewer_, Permission::kView); !ok) {
    Log(AuditAction::kDenied, function, {addressee_number}, false, ok.error().rule_id);
    return ok.error();
  }
  auto latest = residents_.Latest(addressee_number);
  if (!latest) {
    return MakeError(ErrorCode::kNotFound, "change.person_not_found", "宛名番号 " + addressee_number);
  }
  ProtectionRegister& protections = residents_.Protections();
  const auto blocks = protections.BlocksFor(addressee_number, latest->household_number);
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  if (auto ok = CheckBlocks(blocks, releases, GuardedOperation::kView, viewer_.today, acknowledged);
      !ok) {
    Log(AuditAction::kDenied, function, {addressee_number}, false, ok.error().rule_id);
    return ok.error();
  }
  auto record = residents_.AsOf(addressee_number, query);
  if (!record) {
    return MakeError(ErrorCode::kNotFound, "change.person_not_found",
                     "宛名番号 " + addressee_number + " at that date");
  }
  // Logged before anything is returned: nothing is shown that was not logged.
  Log(AuditAction::kView, function, {addressee_number}, numbers && !record->individual_number.empty(),
      "ok", std::string(query.effective_on ? "as_of " : "") + (query.known_at ? "known_at" : ""));
  PersonView view{*record, residents_.History(addressee_number),
                  NoticeFor(viewer_, protections.MeasuresFor(addressee_number), blocks)};
  Blank(view.record);
  for (auto& entry : view.history) Blank(entry.version);
  return view;
}

void ResidentAccess::Blank(ResidentRecord& r) const {
  if (!viewer_.Has(Permission::kSeeIndividualNumber)) r.individual_number.clear();
  if (!viewer_.Has(Permission::kSeeResidentRecordCode)) r.resident_record_code.clear();
  if (!viewer_.Has(Permission::kSeeDomicile)) r.domicile = Domicile{};
}

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
      case MatchMode::kExact: return k.value == c.value;
      case MatchMode::kPrefix: return k.value.starts_with(c.value);
      case MatchMode::kContains: return k.value.find(c.value) != std::string::npos;
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
    if (at != std::string::npos) return std::make_pair(text.substr(0, at), text.substr(at + space.size()));
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
  name(q.kana, SearchKeyKind::kKanaName, SearchKeyKind::kKanaFamily, SearchKeyKind::kKanaGiven, BuildKanaKey);
  typed.push_back({SearchKeyKind::kKanaGiven, q.kana_given, BuildKanaKey, q.mode});
  name(q.name, SearchKeyKind::kKanjiName, SearchKeyKind::kKanjiFamily, SearchKeyKind::kKanjiGiven, BuildKanjiKey);
  typed.push_back({SearchKeyKind::kKanjiGiven, q.given_name, BuildKanjiKey, q.mode});
  typed.push_back({SearchKeyKind::kAddress, q.address, BuildKanjiKey, q.mode});
  typed.push_back({SearchKeyKind::kKatagaki, q.katagaki, BuildKanjiKey, q.mode});
  std::vector<Condition> out;
  for (const Typed& t : typed) {
    if (t.text.empty()) continue;
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
  if (q.removal_reason) raw(SearchKeyKind::kRemovalReason, std::to_string(static_cast<int>(*q.removal_reason)));
  if (out.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "search.no_key",
                     "性別・続柄 only narrow a search; give a name, number, date or address");
  }
  for (const Condition& c : out) {
    if (c.mode == MatchMode::kContains && CodePoints(c.value) < 3) {
      return MakeError(ErrorCode::kInvalidInput, "search.pattern_too_short", "部分一致 needs 3 characters");
    }
  }
  return out;
}

}  // namespace

Result<SearchResult> ResidentAccess::Search(const SearchQuery& query, SearchIndex& index,
                                            SearchHistory& history) {
  auto refuse = [&](const Error& error) {
    Log(AuditAction::kDenied, "search", {}, false, error.rule_id, "conditions=" + query.ConditionNames());
    return error;
  };
  if (auto ok = Authorize(viewer_, Permission::kView); !ok) return refuse(ok.error());
  if (!query.individual_number.empty()) {
    if (auto ok = Authorize(viewer_, Permission::kSeeIndividualNumber); !ok) return refuse(ok.error());
  }
  auto conditions = ConditionsOf(query);
  if (!conditions) return conditions.error();
  SearchResult result;
  // Each indexed condition names a set of people; a person is found when every set names them.
  std::vector<std::string> candidates;
  bool first = true;
  // One condition and nothing to narrow by: the first limit+1 people it names are the answer
  // (and say whether there are more). Otherwise the sets must be intersected in full.
  const bool narrowing = query.residents_only || query.sex || !query.relationship.empty() ||
                         query.removal_reason;
  const std::size_t fetch = conditions->size() == 1 && !narrowing ? query.limit + 1 : kCandidateCap;
  std::vector<SearchKeyKind> kinds;
  for (const Condition& c : *conditions) kinds.push_back(c.kind);
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
    if (query.removal_reason &&
        (r.status != ResidentStatus::kRemoved || !r.removal || r.removal->reason != *query.removal_reason)) {
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
    hit.record = r;
    Blank(hit.record);
    result.hits.push_back(std::move(hit));
  }
  std::vector<std::string> found;
  for (const SearchHit& h : result.hits) found.push_back(h.record.addressee_number);
  // Logged before anything is returned.
  Log(AuditAction::kSearch, "search", found, !query.individual_number.empty(), "ok",
      "conditions=" + query.ConditionNames() + " hits=" + std::to_string(found.size()) +
          (result.truncated ? " truncated" : ""));
  history.Record(SearchHistoryEntry{0, viewer_.operator_id, "", query.ToText(),
                                    static_cast<int64_t>(found.size())});
  return result;
}

Status ResidentAccess::ClearForIssue(const std::vector<std::string>& persons,
                                     const std::string& function, bool individual_number,
                                     const std::vector<std::string>& acknowledged) {
  auto refuse = [&](const Error& error) {
    Log(AuditAction::kDenied, function, persons, false, error.rule_id);
    return error;
  };
  if (auto ok = Authorize(viewer_, Permission::kIssue); !ok) return refuse(ok.error());
  if (individual_number) {
    if (auto ok = Authorize(viewer_, Permission::kSeeIndividualNumber); !ok) return refuse(ok.error());
  }
  ProtectionRegister& protections = residents_.Protections();
  const auto releases = protections.ReleasesFor(viewer_.operator_id, viewer_.now_epoch_seconds);
  for (const std::string& atena : persons) {
    auto latest = residents_.Latest(atena);
    if (!latest) {
      return refuse(MakeError(ErrorCode::kNotFound, "change.person_not_found", "宛名番号 " + atena));
    }
    for (const SupportMeasure& m : protections.MeasuresFor(atena)) {
      if (!m.Active() || !m.Protects(atena)) continue;
      const bool released = std::any_of(releases.begin(), releases.end(), [&](const TemporaryRelease& r) {
        return r.measure_id && *r.measure_id == m.measure_id;
      });
      if (!released) {
        return refuse(MakeError(ErrorCode::kRuleViolation, "support.issue_blocked",
                                "a 支援措置 covers " + atena));
      }
    }
    const auto blocks = protections.BlocksFor(atena, latest->household_number);
    if (auto ok = CheckBlocks(blocks, releases, GuardedOperation::kIssue, viewer_.today, acknowledged);
        !ok) {
      return refuse(ok.error());
    }
  }
  Log(AuditAction::kIssue, function, persons, individual_number, "ok");
  return {};
}

ProtectionNotice ResidentAccess::Notice(const ResidentRecord& record) {
  ProtectionRegister& protections = residents_.Protections();
  return NoticeFor(viewer_, protections.MeasuresFor(record.addressee_number),
                   protections.BlocksFor(record.addressee_number, record.household_number));
}

void ProtectionDesk::Log(const std::string& function, std::vector<std::string> targets,
                         const std::string& outcome, const std::string& detail) {
  AuditEvent event;
  event.action = outcome == "ok" ? AuditAction::kProtection : AuditAction::kDenied;
  event.operator_id = viewer_.operator_id;
  event.terminal = viewer_.terminal;
  event.place = viewer_.place;
  event.function = function;
  event.targets = std::move(targets);
  event.outcome = outcome;
  event.detail = detail;
  log_.Record(event);
}

Result<TemporaryRelease> ProtectionDesk::Grant(TemporaryRelease release, const std::string& grantee,
                                               int minutes, const std::string& reason) {
  if (minutes < 1 || minutes > kMaxReleaseMinutes) {
    return MakeError(ErrorCode::kInvalidInput, "protection.release_minutes", std::to_string(minutes));
  }
  release.granted_to = grantee.empty() ? viewer_.operator_id : grantee;
  release.granted_by = viewer_.operator_id;
  release.until_epoch_seconds = viewer_.now_epoch_seconds + int64_t{60} * minutes;
  release.reason = reason;
  return protections_.AddRelease(release);
}

Result<Block> ProtectionDesk::AddBlock(Block block) {
  std::vector<std::string> targets;
  if (!block.addressee_number.empty()) targets.push_back(block.addressee_number);
  if (auto ok = Authorize(viewer_, Permission::kBlock); !ok) {
    Log("抑止設定", targets, ok.error().rule_id, "");
    return ok.error();
  }
  if (block.addressee_number.empty() == block.household_number.empty()) {
    return MakeError(ErrorCode::kInvalidInput, "protection.target_required",
                     "name exactly one person or household");
  }
  if (block.end && *block.end < block.start) {
    return MakeError(ErrorCode::kRuleViolation, "protection.invalid_period", "end before start");
  }
  block.operator_id = viewer_.operator_id;
  block.ended_on.reset();
  Block added = protections_.AddBlock(std::move(block));
  Log("抑止設定", targets, "ok",
      "block_id=" + std::to_string(added.block_id) + " op=" +
          std::string(GuardedOperationName(added.operation)) +
          (added.household_number.empty() ? "" : " household=" + added.household_number));
  return added;
}

Status ProtectionDesk::EndBlock(int64_t block_id) {
  if (auto ok = Authorize(viewer_, Permission::kBlock); !ok) {
    Log("抑止解除", {}, ok.error().rule_id, "block_id=" + std::to_string(block_id));
    return ok.error();
  }
  auto block = protections_.GetBlock(block_id);
  if (!block) return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  if (auto ok = protections_.EndBlock(block_id, viewer_.today, viewer_.operator_id); !ok) return ok;
  Log("抑止解除", block->addressee_number.empty() ? std::vector<std::string>{}
                                               : std::vector<std::string>{block->addressee_number},
      "ok", "block_id=" + std::to_string(block_id));
  return {};
}

Result<TemporaryRelease> ProtectionDesk::ReleaseBlock(int64_t block_id, const std::string& grantee,
                                                      int minutes, const std::string& reason) {
  if (auto ok = Authorize(viewer_, Permission::kRelease); !ok) {
    Log("抑止一時解除", {}, ok.error().rule_id, "block_id=" + std::to_string(block_id));
    return ok.error();
  }
  auto block = protections_.GetBlock(block_id);
  if (!block || block->ended_on) {
    return MakeError(ErrorCode::kNotFound, "protection.not_found", std::to_string(block_id));
  }
  TemporaryRelease grant;
  grant.block_id = block_id;
  auto release = Grant(std::move(grant), grantee, minutes, reason);
  if (!release) return release.error();
  Log("抑止一時解除",
      block->addressee_number.empty() ? std::vector<std::string>{} : std::vector<std::string>{block->addressee_number},
      "ok", "block_id=" + std::to_string(block_id) + " to=" + release->granted_to +
                " minutes=" + std::to_string(minutes));
  return release;
}

std::vector<Block> ProtectionDesk::BlocksFor(const std::string& addressee_number,
                                             const std::string& household_number) {
  return protections_.BlocksFor(addressee_number, household_number);
}

namespace {
std::vector<std::string> PeopleOf(const SupportMeasure& m) {
  std::vector<std::string> people{m.applicant};
  for (const auto& c : m.co_protected) people.push_back(c.addressee_number);
  return people;
}
}  // namespace

Result<SupportMeasure> ProtectionDesk::Save(Result<SupportMeasure> next, const std::string& function) {
  if (!next) return next.error();
  next->operator_id = viewer_.operator_id;
  auto saved = protections_.SaveMeasure(std::move(next).value());
  if (!saved) return saved.error();
  Log(function, PeopleOf(*saved), "ok",
      "measure_id=" + std::to_string(saved->measure_id) + " version=" + std::to_string(saved->version));
  return saved;
}

Result<SupportMeasure> ProtectionDesk::Register(SupportMeasure measure) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log("支援措置登録", PeopleOf(measure), ok.error().rule_id, "");
    return ok.error();
  }
  return Save(NewSupportMeasure(std::move(measure), viewer_.today), "支援措置登録");
}

Result<SupportMeasure> ProtectionDesk::Load(int64_t measure_id, const std::string& function) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log(function, {}, ok.error().rule_id, "measure_id=" + std::to_string(measure_id));
    return ok.error();
  }
  auto current = protections_.GetMeasure(measure_id);
  if (!current) return MakeError(ErrorCode::kNotFound, "support.not_found", std::to_string(measure_id));
  return *current;
}

Result<SupportMeasure> ProtectionDesk::Start(int64_t measure_id, CalendarDate start,
                                             std::optional<CalendarDate> end) {
  auto current = Load(measure_id, "支援措置開始");
  if (!current) return current.error();
  return Save(StartSupportMeasure(*current, start, end), "支援措置開始");
}

Result<SupportMeasure> ProtectionDesk::Extend(int64_t measure_id) {
  auto current = Load(measure_id, "支援措置延長");
  if (!current) return current.error();
  return Save(ExtendSupportMeasure(*current, viewer_.today), "支援措置延長");
}

Result<SupportMeasure> ProtectionDesk::End(int64_t measure_id, const std::string& reason) {
  auto current = Load(measure_id, "支援措置終了");
  if (!current) return current.error();
  return Save(EndSupportMeasure(*current, viewer_.today, reason), "支援措置終了");
}

Result<TemporaryRelease> ProtectionDesk::ReleaseForIssue(int64_t measure_id,
                                                         const std::string& grantee, int minutes,
                                                         const std::string& reason) {
  auto current = Load(measure_id, "支援措置交付解除");
  if (!current) return current.error();
  if (!current->Active()) return MakeError(ErrorCode::kRuleViolation, "support.not_active", "ended");
  TemporaryRelease grant;
  grant.measure_id = measure_id;
  auto release = Grant(std::move(grant), grantee, minutes, reason);
  if (!release) return release.error();
  Log("支援措置交付解除", PeopleOf(*current), "ok",
      "measure_id=" + std::to_string(measure_id) + " to=" + release->granted_to +
          " minutes=" + std::to_string(minutes));
  return release;
}

Result<std::vector<SupportMeasure>> ProtectionDesk::Details(int64_t measure_id) {
  auto current = Load(measure_id, "支援措置照会");
  if (!current) return current.error();
  auto history = protections_.MeasureHistory(measure_id);
  std::reverse(history.begin(), history.end());
  Log("支援措置照会", PeopleOf(*current), "ok", "measure_id=" + std::to_string(measure_id));
  return history;
}

Result<std::vector<SupportMeasure>> ProtectionDesk::MeasuresFor(const std::string& addressee_number) {
  if (auto ok = Authorize(viewer_, Permission::kSupportMeasure); !ok) {
    Log("支援措置照会", {addressee_number}, ok.error().rule_id, "");
    return ok.error();
  }
  auto measures = protections_.MeasuresFor(addressee_number);
  Log("支援措置照会", {addressee_number}, "ok", "measures=" + std::to_string(measures.size()));
  return measures;
}

}  // namespace jrr
