// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/fuhyo/fuhyo_desk.h"

#include <algorithm>

#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

// JK-10.4: a member's 住民票コード only to a user allowed to see it. (The 本籍 is the 附票's own
// key, which every 附票 screen needs; its see-permission governs printing it.)
Fuhyo Visible(Fuhyo f, const Viewer& viewer) {
  if (!viewer.Has(Permission::kSeeResidentRecordCode)) {
    for (FuhyoMember& m : f.members) m.resident_record_code.clear();
  }
  return f;
}

std::string KanjiKeyOr(const std::string& name) {
  auto key = BuildKanjiKey(name);
  return key ? *key : name;
}

bool Masked(const FuhyoMember& m) {
  return m.family_name == kRestrictedMarker && m.given_name.empty();
}

// Whether `text` (or its kana key) finds `f` through what the viewer is shown of it: a 附票 found
// only through a member under a 照会抑止 must not be listed, or the hit would confirm her name.
bool FoundThroughShown(const Fuhyo& f, const std::string& text, const std::string& kana_key) {
  auto has = [&text](const std::string& s) { return s.find(text) != std::string::npos; };
  if (has(f.koseki.domicile) ||
      (f.koseki.head_of_family != kRestrictedMarker && has(f.koseki.head_of_family))) {
    return true;
  }
  return std::any_of(f.members.begin(), f.members.end(), [&](const FuhyoMember& m) {
    if (Masked(m)) return false;
    if (has(m.family_name + "　" + m.given_name)) return true;
    if (kana_key.empty()) return false;
    auto key = BuildKanaKey(m.family_kana + m.given_kana);
    return key && key->starts_with(kana_key);
  });
}

}  // namespace

std::string MemberTarget(int64_t member_id) { return "fuhyo-member:" + std::to_string(member_id); }

Error FuhyoDesk::Deny(Error error, const std::string& function) {
  AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
  event.outcome = error.rule_id;
  log_.Record(event);
  return error;
}

std::vector<std::string> PeopleOfMember(ResidentRepository& residents, const FuhyoMember& m) {
  std::vector<std::string> atenas;
  auto add = [&](const std::vector<ResidentRecord>& found) {
    for (const ResidentRecord& r : found) {
      if (std::find(atenas.begin(), atenas.end(), r.addressee_number) == atenas.end())
        atenas.push_back(r.addressee_number);
    }
  };
  if (!m.resident_record_code.empty()) add(residents.FindByNumber(m.resident_record_code));
  if (atenas.empty() && m.birth_date && m.sex)
    add(residents.FindByBasicFacts(m.family_name, m.given_name, *m.sex, *m.birth_date));
  return atenas;
}

std::vector<std::string> FuhyoDesk::PeopleOf(const Fuhyo& fuhyo, const FuhyoMember& m) {
  std::vector<std::string> people = PeopleOfMember(residents_, m);
  if (!m.birth_date) {
    for (std::string& atena : store_.ResidentsOfUndatedMember(fuhyo, m)) {
      if (std::find(people.begin(), people.end(), atena) == people.end())
        people.push_back(std::move(atena));
    }
  }
  return people;
}

Fuhyo FuhyoDesk::Shown(Fuhyo f, std::vector<std::string>& targets) {
  ResidentAccess access(residents_, log_, viewer_);
  for (FuhyoMember& m : f.members) {
    const std::vector<std::string> people = PeopleOf(f, m);
    for (const std::string& atena : people) targets.push_back(atena);
    if (people.empty()) targets.push_back(MemberTarget(m.member_id));
    // A member who lives here under a 照会抑止 is shown as blocked and nothing more (JK-3.1); the
    // 筆頭者 printed as the 附票's key is masked too when it is her name.
    if (std::any_of(people.begin(), people.end(),
                    [&](const std::string& a) { return access.ViewWithheld(a); })) {
      if (KanjiKeyOr(f.koseki.head_of_family) == KanjiKeyOr(m.family_name + m.given_name)) {
        f.koseki.head_of_family = std::string(kRestrictedMarker);
      }
      FuhyoMember masked;
      masked.member_id = m.member_id;
      masked.version = m.version;
      masked.family_name = std::string(kRestrictedMarker);
      masked.removed = m.removed;
      m = std::move(masked);
    }
  }
  return Visible(std::move(f), viewer_);
}

Result<std::vector<Fuhyo>> FuhyoDesk::Search(const std::string& text) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return Deny(ok.error(), "附票の検索");
  if (!CheckText(text, {}) || DecodeUtf8(text).size() < 2) {
    return MakeError(ErrorCode::kInvalidInput, "search.no_key", "2 characters or more");
  }
  // Typed kana also finds a 振り仮名 written another way (ヂ/ジ, small kana …): the same key.
  std::string kana_key;
  if (auto key = BuildKanaKey(text); key && !key->empty()) kana_key = *key;
  std::vector<Fuhyo> found;
  std::vector<std::string> targets;
  for (Fuhyo& f : store_.Search(text, kana_key)) {
    std::vector<std::string> its_targets;
    Fuhyo shown = Shown(std::move(f), its_targets);
    if (!FoundThroughShown(shown, text, kana_key)) {
      const bool any_masked = std::any_of(shown.members.begin(), shown.members.end(), Masked);
      if (any_masked)
        continue;  // found only through a withheld member (or a former name beside one)
    }
    targets.insert(targets.end(), its_targets.begin(), its_targets.end());
    found.push_back(std::move(shown));
  }
  AuditEvent event = EventBy(viewer_, AuditAction::kSearch, "附票の検索");
  event.detail = "hits=" + std::to_string(found.size());  // never the text typed
  event.targets = std::move(targets);
  log_.Record(event);
  return found;
}

Result<Fuhyo> FuhyoDesk::Get(int64_t fuhyo_id) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return Deny(ok.error(), "附票の照会");
  auto found = store_.Get(fuhyo_id);
  if (!found)
    return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(fuhyo_id));
  std::vector<std::string> targets;
  Fuhyo shown = Shown(*found, targets);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, "附票の照会");
  event.detail = "fuhyo=" + std::to_string(fuhyo_id);
  event.targets = std::move(targets);
  log_.Record(event);
  return shown;
}

Result<Fuhyo> FuhyoDesk::Record(const FuhyoEvent& e) {
  const std::string function = "戸籍の異動（附票）: " + std::string(FuhyoEventNameJa(e.kind));
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  // The 附票's own 支援措置 is a protection decision like any other (JK-3.1): not a clerk's to set or end.
  if (e.kind == FuhyoEventKind::kProtect || e.kind == FuhyoEventKind::kProtectEnd) {
    if (Status ok = Authorize(viewer_, Permission::kSupportMeasure); !ok)
      return Deny(ok.error(), function);
  }
  if (!e.resident_record_code.empty()) {
    // Who may not see the 住民票コード may not write one either.
    if (Status ok = Authorize(viewer_, Permission::kSeeResidentRecordCode); !ok)
      return Deny(ok.error(), function);
  }
  std::optional<Fuhyo> current;
  if (e.kind != FuhyoEventKind::kCreate) current = store_.Get(e.fuhyo_id);
  // A member this operator may not see is not theirs to rewrite either: a 職権修正 of her 性別 or
  // 生年月日 would break the match that masks her, and the answer would show her in full. (The
  // 附票's own 支援措置 stays the 支援措置 officer's to set.)
  // Nor may they add or rewrite any member of a 附票 that holds her: whether a new member with
  // her name and 生年月日 is refused as already there, or a rewritten one turns 抑止対象, would
  // confirm a guess at her facts.
  const bool writes_members = e.member_id != 0 || e.kind == FuhyoEventKind::kEnter;
  if (current && writes_members && e.kind != FuhyoEventKind::kProtect &&
      e.kind != FuhyoEventKind::kProtectEnd) {
    ResidentAccess access(residents_, log_, viewer_);
    for (const FuhyoMember& m : current->members) {
      for (const std::string& atena : PeopleOf(*current, m)) {
        if (Status ok = access.RefuseIfWithheld(atena, function); !ok) return ok.error();
      }
    }
  }
  bool target_exists = false;
  if (!e.koseki.domicile.empty()) target_exists = store_.Current(e.koseki).has_value();
  auto plan = PlanFuhyoEvent(current, target_exists, e, store_.OurMunicipality(), viewer_.today);
  if (!plan) return plan.error();
  AuditEvent event = EventBy(viewer_, AuditAction::kChange, function);
  event.detail =
      "kind=" + std::string(FuhyoEventCode(e.kind)) + " fuhyo=" + std::to_string(e.fuhyo_id);
  if (e.member_id != 0) {
    event.detail += " member=" + std::to_string(e.member_id);
    // Whom the event touched, as the audit trail names people: the residents the member is.
    for (const FuhyoMember& m : current ? current->members : std::vector<FuhyoMember>{}) {
      if (m.member_id != e.member_id) continue;
      event.targets = PeopleOf(*current, m);
      if (event.targets.empty()) event.targets.push_back(MemberTarget(m.member_id));
    }
  }
  const int64_t now_current = store_.Write(e, *plan, event);
  // The 附票 as it now stands is shown the way 照会 shows it, and logged as such.
  std::vector<std::string> targets;
  Fuhyo shown = Shown(*store_.Get(now_current), targets);
  AuditEvent view = EventBy(viewer_, AuditAction::kView, "附票の照会");
  view.detail = "fuhyo=" + std::to_string(now_current);
  view.targets = std::move(targets);
  log_.Record(view);
  return shown;
}

Result<FuhyoReceipt> FuhyoDesk::Receive(const std::string& notice_text) {
  const std::string function = "附票記載事項通知の受信";
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  // Whether a typed notice applies or is refused as not matching would confirm the facts of a
  // member this clerk may not see: a notice for a 附票 holding one is refused before it is read.
  if (!IsFuhyoReply(notice_text)) {
    if (auto notice = DecodeFuhyoNotice(notice_text)) {
      if (auto f = store_.Current(notice->koseki)) {
        ResidentAccess access(residents_, log_, viewer_);
        std::vector<std::string> withheld;
        for (const FuhyoMember& m : f->members) {
          for (const std::string& atena : PeopleOf(*f, m)) {
            if (access.ViewWithheld(atena)) withheld.push_back(atena);
          }
        }
        if (!withheld.empty()) {
          AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
          event.targets = std::move(withheld);
          event.outcome = "protection.blocked";
          log_.Record(event);
          return MakeError(ErrorCode::kForbidden, "protection.blocked",
                           BlockedDetail(GuardedOperation::kView));
        }
      }
    }
  }
  return store_.Receive(notice_text,
                        viewer_.today);  // logged with the notice id where it is recorded
}

Result<std::vector<FuhyoNoticeEntry>> FuhyoDesk::Notices(bool outbox, int limit) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  auto entries = outbox ? store_.Outbox(limit) : store_.Inbox(limit);
  AuditEvent event = EventBy(viewer_, AuditAction::kView,
                             outbox ? "附票記載事項通知（送付）" : "附票記載事項通知（受信）");
  event.detail = "rows=" + std::to_string(entries.size());
  log_.Record(event);
  return entries;
}

Result<FuhyoCopyContent> FuhyoDesk::ClearCopy(const FuhyoCopyRequest& r) {
  const std::string function = "戸籍の附票の写し";
  if (Status ok = Authorize(viewer_, Permission::kIssue); !ok) return ok.error();
  if (r.print_koseki) {
    if (Status ok = Authorize(viewer_, Permission::kSeeDomicile); !ok) return ok.error();
  }
  if (r.print_code) {
    if (Status ok = Authorize(viewer_, Permission::kSeeResidentRecordCode); !ok) return ok.error();
  }
  auto requester = FuhyoRequesterFromCode(r.requester);
  if (!requester) return Deny(requester.error(), function);
  if (Status ok = CheckFuhyoCopyRequest(*requester, r.purpose, r.print_code); !ok)
    return Deny(ok.error(), function);
  auto f = store_.Get(r.fuhyo_id);
  if (!f)
    return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(r.fuhyo_id));
  FuhyoCopyContent content;
  content.fuhyo = *f;
  if (!r.members.empty()) {
    content.fuhyo.members.clear();
    for (int64_t id : r.members) {
      auto m = std::find_if(f->members.begin(), f->members.end(),
                            [&](const FuhyoMember& x) { return x.member_id == id; });
      if (m == f->members.end())
        return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found", std::to_string(id));
      content.fuhyo.members.push_back(*m);
    }
  }
  // A 支援措置 the 住所地 passed on: the 本籍地 cannot tell the applicant from the 加害者, so the
  // copy is refused while it runs; the other members can still be issued.
  for (const FuhyoMember& m : content.fuhyo.members) {
    if (m.ProtectedOn(viewer_.today)) {
      return Deny(MakeError(ErrorCode::kRuleViolation, "fuhyo.member_protected",
                            std::to_string(m.member_id)),
                  function);
    }
  }
  // Members who live here pass the same gate as any certificate (支援措置・発行抑止); and whatever
  // the copy prints — a member's facts, every address line — is checked against the people under
  // a 支援措置, so a member with no 住民票コード, or who shares a target's address, is refused too.
  ShownOnPrint shown;
  for (const FuhyoMember& m : content.fuhyo.members) {
    const std::vector<std::string> people = PeopleOf(content.fuhyo, m);
    for (const std::string& atena : people) {
      if (std::find(content.residents.begin(), content.residents.end(), atena) ==
          content.residents.end()) {
        content.residents.push_back(atena);
      }
    }
    if (people.empty()) content.unmatched.push_back(MemberTarget(m.member_id));
    shown.people.push_back(ShownOnPrint::Facts{m.family_name, m.given_name, m.birth_date, m.sex,
                                               m.resident_record_code});
    for (const FuhyoAddress& a : m.addresses) {
      if (!a.abroad) shown.addresses.push_back(a.address);
    }
  }
  if (r.print_koseki)
    shown.domiciles.push_back({content.fuhyo.koseki.domicile, content.fuhyo.koseki.head_of_family});
  ResidentAccess access(residents_, log_, viewer_);
  if (Status cleared =
          access.ClearForIssue(content.residents, function, false, r.acknowledged, shown);
      !cleared) {
    return cleared.error();
  }
  for (const std::string& atena : access.ProtectedShownBy(shown)) {
    if (std::find(content.residents.begin(), content.residents.end(), atena) ==
        content.residents.end()) {
      content.residents.push_back(
          atena);  // released for this operator: printed, so logged with the print
    }
  }
  return content;
}

}  // namespace jrr
