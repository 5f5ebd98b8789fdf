// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/fuhyo_desk.h"

#include <algorithm>

#include "jrr/domain/name_keys.h"
#include "jrr/domain/text.h"

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

}  // namespace

Error FuhyoDesk::Deny(Error error, const std::string& function) {
  AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
  event.outcome = error.rule_id;
  log_.Record(event);
  return error;
}

Result<std::vector<Fuhyo>> FuhyoDesk::Search(const std::string& text) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  if (!CheckText(text, {}) || DecodeUtf8(text).size() < 2) {
    return MakeError(ErrorCode::kInvalidInput, "search.no_key", "2 characters or more");
  }
  // Typed kana also finds a 振り仮名 written another way (ヂ/ジ, small kana …): the same key.
  std::string kana_key;
  if (auto key = BuildKanaKey(text); key && !key->empty()) kana_key = *key;
  auto found = store_.Search(text, kana_key);
  AuditEvent event = EventBy(viewer_, AuditAction::kSearch, "附票の検索");
  event.detail = "hits=" + std::to_string(found.size());  // never the text typed
  log_.Record(event);
  for (Fuhyo& f : found) f = Visible(std::move(f), viewer_);
  return found;
}

Result<Fuhyo> FuhyoDesk::Get(int64_t fuhyo_id) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  auto found = store_.Get(fuhyo_id);
  if (!found) return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(fuhyo_id));
  AuditEvent event = EventBy(viewer_, AuditAction::kView, "附票の照会");
  event.detail = "fuhyo=" + std::to_string(fuhyo_id);
  log_.Record(event);
  return Visible(*found, viewer_);
}

Result<Fuhyo> FuhyoDesk::Record(const FuhyoEvent& e) {
  const std::string function = "戸籍の異動（附票）: " + std::string(FuhyoEventNameJa(e.kind));
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  if (!e.resident_record_code.empty()) {
    // Who may not see the 住民票コード may not write one either.
    if (Status ok = Authorize(viewer_, Permission::kSeeResidentRecordCode); !ok) return Deny(ok.error(), function);
  }
  std::optional<Fuhyo> current;
  if (e.kind != FuhyoEventKind::kCreate) current = store_.Get(e.fuhyo_id);
  bool target_exists = false;
  if (!e.koseki.domicile.empty()) target_exists = store_.Current(e.koseki).has_value();
  auto plan = PlanFuhyoEvent(current, target_exists, e, store_.OurMunicipality(), viewer_.today);
  if (!plan) return plan.error();
  AuditEvent event = EventBy(viewer_, AuditAction::kChange, function);
  event.detail = "kind=" + std::string(FuhyoEventCode(e.kind)) + " fuhyo=" + std::to_string(e.fuhyo_id);
  if (e.member_id != 0) event.detail += " member=" + std::to_string(e.member_id);
  const int64_t now_current = store_.Write(e, *plan, event);
  return Visible(*store_.Get(now_current), viewer_);
}

Result<FuhyoReceipt> FuhyoDesk::Receive(const std::string& notice_text) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  return store_.Receive(notice_text, viewer_.today);  // logged with the notice id where it is recorded
}

Result<std::vector<FuhyoNoticeEntry>> FuhyoDesk::Notices(bool outbox, int limit) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  auto entries = outbox ? store_.Outbox(limit) : store_.Inbox(limit);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, outbox ? "附票記載事項通知（送付）" : "附票記載事項通知（受信）");
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
  if (Status ok = CheckFuhyoCopyRequest(*requester, r.purpose, r.print_code); !ok) return Deny(ok.error(), function);
  auto f = store_.Get(r.fuhyo_id);
  if (!f) return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(r.fuhyo_id));
  FuhyoCopyContent content;
  content.fuhyo = *f;
  if (!r.members.empty()) {
    content.fuhyo.members.clear();
    for (int64_t id : r.members) {
      auto m = std::find_if(f->members.begin(), f->members.end(), [&](const FuhyoMember& x) { return x.member_id == id; });
      if (m == f->members.end()) return MakeError(ErrorCode::kNotFound, "fuhyo.member_not_found", std::to_string(id));
      content.fuhyo.members.push_back(*m);
    }
  }
  // A 支援措置 the 住所地 passed on: the 本籍地 cannot tell the applicant from the 加害者, so the
  // copy is refused while it runs; the other members can still be issued.
  for (const FuhyoMember& m : content.fuhyo.members) {
    if (m.ProtectedOn(viewer_.today)) {
      return Deny(MakeError(ErrorCode::kRuleViolation, "fuhyo.member_protected", std::to_string(m.member_id)), function);
    }
  }
  // Members who live here pass the same gate as any certificate (支援措置・発行抑止).
  for (const FuhyoMember& m : content.fuhyo.members) {
    if (m.resident_record_code.empty()) continue;
    for (const ResidentRecord& person : residents_.FindByNumber(m.resident_record_code)) {
      if (std::find(content.residents.begin(), content.residents.end(), person.addressee_number) == content.residents.end()) {
        content.residents.push_back(person.addressee_number);
      }
    }
  }
  if (Status cleared = ResidentAccess(residents_, log_, viewer_).ClearForIssue(content.residents, function, false, r.acknowledged);
      !cleared) {
    return cleared.error();
  }
  return content;
}

}  // namespace jrr
