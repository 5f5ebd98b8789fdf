// SPDX-License-Identifier: Apache-2.0
//
// 交付履歴 — IssuanceRecord and IssuanceLog: what was issued, to whom, when, where and with which
// 発行番号 (JK-1.3.8), with its 印刷ログ (JK-10.2). CertificateDesk writes it; the resident view
// (ResidentAccess::View) and `jrr certificate history` read it. persistence/ implements it.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/records/certificate_kind.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

// 交付履歴 (JK-1.3.8) and 印刷ログ (JK-10.2) of one issuance: every copy, every sheet number.
struct IssuanceRecord {
  int64_t issuance_id = 0;  // assigned when recorded
  std::string issued_at;    // 交付年月日時, UTC ISO 8601, set when recorded
  CalendarDate issue_date;  // 交付年月日 (the municipality's day)
  std::string place;        // 交付場所
  std::string terminal;
  std::string printer;
  std::string operator_id;  // ユーザID
  CertificateKind kind = CertificateKind::kCopy;
  Requester requester = Requester::kSelf;
  std::string purpose;
  std::vector<std::string> targets;  // 交付対象者 (宛名番号)
  std::set<OptionalItem> items;      // 記載事項 printed on request
  int copies = 1;                    // 通数: certificates issued, each with its own serial
  int sheets = 1;                    // per copy
  // Sheets of each certificate of one copy when they differ (個人票 of several people): the
  // numbers' page and total are each certificate's own. Empty: every certificate has `sheets`.
  std::vector<int> certificate_sheets;
  bool seal = true;                  // 公印出力の有無
  bool individual_number = false;    // 個人番号出力の有無
  std::string output = "pdf";        // 出力形式
  IssueNumber number;                // base parts; serial of the first copy once recorded
  std::vector<std::string> numbers;  // every sheet's 発行番号, copy by copy
  // 処分情報: a certificate issued in error and destroyed.
  std::optional<std::string> disposed_at;
  std::string disposal_reason;
  std::string disposed_by;
};

class IssuanceLog {
 public:
  virtual ~IssuanceLog() = default;
  // What is printed under the numbers of an IssuanceRecord; throws when it cannot print.
  using Print = std::function<void(const IssuanceRecord&)>;

  // In one transaction: takes the next `copies` serials for (issue date, terminal), one a
  // certificate, fills the numbers of every sheet, stores the record, writes `print_log` (with the
  // issuance id added to its detail) to the アクセスログ and calls `print` with the record as
  // stored; commits only when
  // `print` returns. When it throws, nothing is recorded and the exception propagates: no 交付履歴
  // of a certificate that did not print. Returns the stored record. Throws StorageError.
  virtual IssuanceRecord Record(IssuanceRecord record, AuditEvent print_log,
                                const Print& print) = 0;
  virtual std::optional<IssuanceRecord> Get(int64_t issuance_id) = 0;
  // Newest first; a person's when `addressee_number` is set.
  virtual std::vector<IssuanceRecord> Recent(std::optional<std::string> addressee_number,
                                             std::size_t limit) = 0;
  // Appends the 処分 of an issuance. Errors: issuance.not_found, issuance.already_disposed.
  virtual Status Dispose(int64_t issuance_id, const std::string& operator_id,
                         const std::string& reason) = 0;
};

}  // namespace jrr
