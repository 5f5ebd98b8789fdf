// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/cs/cs_desk.h"

#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/domain/records/resident_changes.h"

namespace jrr {
namespace {

// The 除票 a 転入通知 names: by 住民票コード, else by 氏名・性別・生年月日; a 転出 awaiting its notice.
Result<std::string> FindMover(ResidentRepository& residents, const MoveInNoticePerson& p) {
  auto awaiting = [](const ResidentRecord& r) {
    return r.status == ResidentStatus::kRemoved && r.removal && !r.removal->move_in_notice_date &&
           r.removal->reason == ChangeReason::kDomesticMoveOut;
  };
  std::vector<ResidentRecord> found;
  if (!p.resident_record_code.empty()) {
    for (ResidentRecord& r : residents.FindByNumber(p.resident_record_code)) {
      if (r.resident_record_code == p.resident_record_code && awaiting(r))
        found.push_back(std::move(r));
    }
  }
  if (found.empty() && p.birth_date && !p.family_name.empty()) {
    for (ResidentRecord& r :
         residents.FindRemovedByBasicFacts(p.family_name, p.given_name, p.sex, *p.birth_date)) {
      if (awaiting(r)) found.push_back(std::move(r));
    }
  }
  if (found.empty())
    return MakeError(ErrorCode::kRuleViolation, "cs.person_not_found", p.resident_record_code);
  if (found.size() > 1)
    return MakeError(ErrorCode::kRuleViolation, "cs.person_ambiguous", p.resident_record_code);
  return found.front().addressee_number;
}

// 転入通知の受理 (JK-4.1.3.1.2) of one notice, as a 異動 by the CS inbox. Returns the 異動 or the
// rule id that refused it.
Result<ChangeOutcome> RecordMoveInNotice(ResidentRepository& residents, const CsMessage& message,
                                         CalendarDate today, int64_t now_epoch_seconds) {
  auto notice = DecodeMoveInNotice(message.payload);
  if (!notice) return notice.error();
  MoveInNoticeCommand command;
  command.input.event_date = ExactRecordedDate(notice->moved_in);
  command.input.notification_date = notice->notified;
  command.input.note = "CS から受信した転入通知（" + message.id + "）";
  command.confirmed_destination.text = notice->address;
  command.confirmed_destination.address_code = notice->address_code;
  for (const MoveInNoticePerson& p : notice->persons) {
    auto atena = FindMover(residents, p);
    if (!atena) return atena.error();
    command.persons.push_back(*atena);
  }
  ResidentChanges changes(residents, ChangeContext{today, std::string(kCsInboxOperator), "CS", "CS",
                                                   now_epoch_seconds});
  return changes.MoveInNotice(command);
}

}  // namespace

Status CsDesk::Require(const std::string& function) {
  auto ok = Authorize(viewer_, Permission::kChange);
  if (!ok) {
    AuditEvent event = EventBy(viewer_, AuditAction::kDenied, function);
    event.outcome = ok.error().rule_id;
    log_.Record(event);
  }
  return ok;
}

// IMP: JK-4.1.3.1.2
Result<CsReceipt> CsDesk::Receive(std::string_view text) {
  if (auto ok = Require("CS連携（受信）"); !ok) return ok.error();
  auto message = DecodeCsMessage(text);
  if (!message) return message.error();
  if (message->to != store_.OurMunicipality())
    return MakeError(ErrorCode::kRuleViolation, "cs.not_ours", message->to);
  CsReceipt receipt = store_.ReceiveOnce(*message, [&] {
    CsReceipt kept{message->id, message->kind, false, {}, std::nullopt};
    if (message->kind == CsKind::kMoveOutInformation) {
      auto readable = DecodeMoveOutData(message->payload);
      kept.outcome = readable ? std::string(kCsReceived) : readable.error().rule_id;
      return kept;
    }
    auto recorded =
        RecordMoveInNotice(residents_, *message, viewer_.today, viewer_.now_epoch_seconds);
    if (recorded) {
      kept.outcome = kCsApplied;
      kept.change_id = recorded->change.change_id;
    } else {
      kept.outcome = recorded.error().rule_id;
    }
    return kept;
  });
  // The message is recorded by the CS inbox; who handed it in is logged beside it.
  AuditEvent event = EventBy(viewer_, AuditAction::kChange, "CS連携（受信）");
  event.detail = "notice=" + receipt.notice_id + (receipt.duplicate ? " duplicate" : "");
  event.outcome =
      receipt.outcome == kCsReceived || receipt.outcome == kCsApplied || receipt.duplicate
          ? "ok"
          : receipt.outcome;
  log_.Record(event);
  return receipt;
}

// IMP: JK-7.1.1.1
Result<std::vector<CsEntry>> CsDesk::Messages(bool outbox, bool waiting, int limit) {
  const std::string function = outbox ? "CS連携（送信）" : "CS連携（受信）";
  if (auto ok = Require(function); !ok) return ok.error();
  auto entries = outbox ? store_.Outbox(limit) : store_.Inbox(limit, waiting);
  AuditEvent event = EventBy(viewer_, AuditAction::kView, function);
  event.detail = "rows=" + std::to_string(entries.size());
  log_.Record(event);
  return entries;
}

}  // namespace jrr
