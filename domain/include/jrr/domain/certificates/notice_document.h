// SPDX-License-Identifier: Apache-2.0
//
// 通知書等 — NoticeDocument: what a 異動 may need printed besides certificates, each made by
// NoticeDesk from the register and cleared through the same gate as a certificate:
//
//   職権記録書 (JK-4.2.0.1)            the municipality's own record of a 職権 異動: who, what changed
//                                      from what to what, on what grounds (the 留意事項).
//   職権記載等通知書 (JK-4.2.0.1)       a letter to each household a 職権 異動 touched, saying what
//                                      was entered, removed or corrected without their 届出.
//   住民異動届受理通知 (JK-4.1.0.3)     a letter that a 届出 was accepted: 届出日, 異動事由, 届出人,
//                                      異動者. To the notifier at the 異動前住所, or — 出生, 国外からの
//                                      転入 — to the 異動者 at the new address. Printable any day later.
//   成年被後見人の転出通知書 (JK-9.4)  tells the 転入地 that a person who moved out there is a
//                                      成年被後見人 (the item does not travel on the 転出証明書).
//   転入通知未着者一覧 / 転入通知未着照会書 (JK-4.1.3.1.4)
//                                      the people removed by 転出 (or 職権消除) whose 転入通知 has not
//                                      come, and a letter asking the 転入地 about one of them.
//
// Pure: no I/O. forms/certificates/notice_letter.h lays a document out.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_repository.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

struct NoticeDocument {
  std::string title;
  std::string reference;          // 異動番号 …, printed top right
  CalendarDate date;              // 作成日
  std::string recipient_address;  // empty for an internal record or list
  std::string recipient_name;
  std::string sender;  // 架空県架空市長　架空　太郎
  std::vector<std::string> paragraphs;
  std::vector<std::pair<std::string, std::string>> items;  // label, value
  std::vector<std::vector<std::string>> table;             // a list: the first row is the heading
};

// One item of a person's record as a 異動 changed it, for the 職権記録書.
struct ItemChange {
  std::string item;    // 氏名, 住所, 本籍 …
  std::string before;  // empty when the 異動 entered the person
  std::string after;
};

// The items that differ between two versions of a person (`before` null: every item of `after`).
// 本籍・筆頭者 read 「（表示の権限がありません）」 unless `see_domicile`; the numbers (個人番号,
// 住民票コード) never appear, only that they changed.
std::vector<ItemChange> ChangedItems(const ResidentRecord* before, const ResidentRecord& after,
                                     bool see_domicile);

// Who signs the letters: the 市区町村長 (or 職務代理者) in office today, with the prefecture.
struct NoticeSender {
  std::string title;  // 架空県架空市長
  std::string name;
};

// Which document, for whom: as the CLI, the screen and the API ask for one.
struct NoticeRequest {
  // ex-officio-record (職権記録書), ex-officio-notice (職権記載等通知書, one letter a household),
  // receipt (住民異動届受理通知), awaiting (転入通知未着者一覧), inquiry (転入通知未着照会書),
  // adult-ward (成年被後見人の転出通知書)
  std::string kind;
  int64_t change_id = 0;      // ex-officio-*, receipt
  std::string person;         // inquiry, adult-ward: the 宛名番号
  std::string notifier_name;  // receipt: 届出人, when not the 異動者 themselves
  std::string notifier_address;
  int days = 30;  // awaiting: removed at least this many days ago
};

class NoticeDesk {
 public:
  NoticeDesk(ResidentRepository& residents, AuditLog& log, Viewer viewer, NoticeSender sender)
      : residents_(residents), log_(log), viewer_(std::move(viewer)), sender_(std::move(sender)) {}

  // Every document needs 証明発行 and passes ResidentAccess::ClearForIssue for everyone it names
  // (支援措置 and 発行抑止 apply; logged as an issue naming them). Errors besides those:
  //   notice.change_not_found (kNotFound), notice.not_ex_officio (a 職権 document for a 届出),
  //   notice.not_notified (a 受理通知 for a 職権 異動, or one that is not a 転入・転居・転出・世帯変更).
  Result<NoticeDocument> ExOfficioRecord(int64_t change_id);
  Result<std::vector<NoticeDocument>> ExOfficioNotices(int64_t change_id);  // one per household
  // `notifier_name` empty: the 異動者 themselves notified (the 世帯主 or first of them).
  Result<NoticeDocument> ReceiptNotice(int64_t change_id, const std::string& notifier_name,
                                       const std::string& notifier_address);
  // 支援措置 targets are left off the list (the count says how many), as on the 閲覧 list.
  Result<NoticeDocument> AwaitingMoveInNoticeList(int days_since_removal);
  // Error notice.not_awaiting when the person's 転入通知 has come or they did not move out.
  Result<NoticeDocument> MoveInNoticeInquiry(const std::string& addressee_number);
  // Errors: notice.not_moved_out (no 国内転出), notice.not_adult_ward.
  Result<NoticeDocument> AdultWardMoveOutNotice(const std::string& addressee_number);

 private:
  ResidentAccess Access() { return ResidentAccess(residents_, log_, viewer_); }
  struct ClearedChange {
    ChangeRecord change;
    std::vector<ResidentRecord> versions;
  };
  // A 異動 that `fits` (the document's kind of 異動) and its versions, everyone in it cleared for
  // `function` with the addresses the letter prints and whatever else it shows (`also`: a typed
  // 届出人). Error notice.change_not_found, or what `fits` returns.
  Result<ClearedChange> ChangeFor(int64_t change_id, const std::string& function,
                                  const std::function<Status(const ChangeRecord&)>& fits,
                                  const ShownOnPrint& also = {});
  // The version before `v` (nullopt for a person the 異動 entered).
  std::optional<ResidentRecord> Before(const ResidentRecord& v);

  ResidentRepository& residents_;
  AuditLog& log_;
  Viewer viewer_;
  NoticeSender sender_;
};

}  // namespace jrr
