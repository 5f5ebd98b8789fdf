// SPDX-License-Identifier: Apache-2.0
//
// 証明発行 — CertificateDesk: the one use case that issues a certificate, for the CLI and the web
// alike (JK-5.1–5.8, 1.3.8, 9.5, 10.2). It reads the people, checks the request against the
// requester's legal ceiling and the viewer's permissions, clears everyone through ResidentAccess
// (支援措置・抑止, logged), lays the plan out once to find missing glyphs and overflow, records the
// 交付履歴 with fresh 発行番号, then renders. Nothing prints that was not recorded, and nothing is
// recorded that then fails to print for a reason the desk could have known.
//
// The layout and the PDF are forms/'s; the desk sees them through CertificateRenderer.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/certificate.h"
#include "jrr/domain/resident_access.h"

namespace jrr {

// 文字超過リスト (JK-5.8): one value that did not fit its box, or that has a character no font has.
struct OverflowEntry {
  std::string addressee_number;
  std::string field;   // the layout field's name, e.g. address, name, domicile
  std::string text;    // the value (stays in memory and in the clerk's own output; never logged)
  bool missing_glyph = false;
};

// What laying out a plan found, before any PDF exists.
struct LayoutCheck {
  int sheets = 0;  // sheets of one copy
  std::vector<OverflowEntry> problems;
};

// forms/ implements this with cairo and pango. Infrastructure failures (no font, cairo error) throw.
class CertificateRenderer {
 public:
  virtual ~CertificateRenderer() = default;
  virtual LayoutCheck Check(const CertificatePlan& plan) = 0;
  // One PDF holding every copy, copy i numbered with serials[i].
  virtual std::string Render(const CertificatePlan& plan, const std::vector<int>& serials) = 0;
};

// 交付履歴 (JK-1.3.8) and 印刷ログ (JK-10.2) of one issuance: every copy, every sheet number.
struct IssuanceRecord {
  int64_t issuance_id = 0;     // assigned when recorded
  std::string issued_at;       // 交付年月日時, UTC ISO 8601, set when recorded
  CalendarDate issue_date;     // 交付年月日 (the municipality's day)
  std::string place;           // 交付場所
  std::string terminal;
  std::string printer;
  std::string operator_id;     // ユーザID
  CertificateKind kind = CertificateKind::kCopy;
  Requester requester = Requester::kSelf;
  std::string purpose;
  std::vector<std::string> targets;  // 交付対象者 (宛名番号)
  std::set<OptionalItem> items;      // 記載事項 printed on request
  int copies = 1;
  int sheets = 1;                    // per copy
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
  // In one transaction: takes the next `copies` serials for (issue date, terminal), fills the
  // numbers of every sheet, stores the record and writes `print_log` (with the issuance id added
  // to its detail) to the アクセスログ. Returns the stored record. Throws StorageError.
  virtual IssuanceRecord Record(IssuanceRecord record, AuditEvent print_log) = 0;
  virtual std::optional<IssuanceRecord> Get(int64_t issuance_id) = 0;
  // Newest first; a person's when `addressee_number` is set.
  virtual std::vector<IssuanceRecord> Recent(std::optional<std::string> addressee_number, std::size_t limit) = 0;
  // Appends the 処分 of an issuance. Errors: issuance.not_found, issuance.already_disposed.
  virtual Status Dispose(int64_t issuance_id, const std::string& operator_id, const std::string& reason) = 0;
};

// What the desk needs beyond the resident register.
struct CertificateSettings {
  std::string municipality_code;
  std::string municipality_name;
  std::vector<Certifier> certifiers;
  std::string terminal_name;  // as printed in the 発行番号; empty when the terminal is unknown
  std::string printer_name;
  OverflowPolicy overflow = OverflowPolicy::kToLimit;
};

struct IssuedCertificate {
  std::string pdf;
  IssuanceRecord record;
  std::vector<OverflowEntry> overflow;  // acknowledged overflow (文字超過リスト)
  std::vector<std::string> people;      // 宛名番号 in print order
};

class CertificateDesk {
 public:
  // `orders`, when given, holds the member orders clerks set (JK-5.2); without it the rank order.
  CertificateDesk(ResidentRepository& residents, AuditLog& log, IssuanceLog& issuance,
                  CertificateRenderer& renderer, CertificateSettings settings, Viewer viewer,
                  HouseholdOrderRepository* orders = nullptr)
      : residents_(residents), log_(log), issuance_(issuance), renderer_(renderer),
        settings_(std::move(settings)), viewer_(std::move(viewer)), orders_(orders) {}

  // Issues the certificate. Errors, besides those of CheckRequest() and ClearForIssue():
  //   access.permission_denied         no 証明発行 permission, or an item the viewer may not see
  //                                    (個人番号, 住民票コード, 本籍) requested
  //   change.person_not_found          an unknown 宛名番号
  //   certificate.not_resident         a 住民票 certificate for someone whose record is a 除票
  //   certificate.not_removed          a 除票 certificate for a resident
  //   certificate.not_moving_out       a 転出証明書 for someone without a 転出
  //   certificate.member_not_in_household  a member outside the person's household
  //   certificate.no_certifier         no 市区町村長 or 職務代理者 registered for the day
  //   certificate.missing_glyph        a character no font has (never printed as a blank box)
  //   certificate.overflow (アラート)   a value that does not fit; detail lists the fields
  //   certificate.nobody               an 閲覧 list with nobody in the area
  Result<IssuedCertificate> Issue(const CertificateRequest& request);

  // Only the plan (no clearance, nothing logged or recorded): what Issue() would lay out. For
  // tests and the layout dump. Same errors as Issue() before clearance.
  Result<CertificatePlan> Plan(const CertificateRequest& request);

 private:
  Result<std::vector<PrintedPerson>> People(const CertificateRequest& request);
  Result<std::vector<PrintedPerson>> InspectionPeople(const CertificateRequest& request);
  PrintedPerson AsIssuedOn(const ResidentRecord& latest, bool with_history);
  ResidentRepository& residents_;
  AuditLog& log_;
  IssuanceLog& issuance_;
  CertificateRenderer& renderer_;
  CertificateSettings settings_;
  Viewer viewer_;
  HouseholdOrderRepository* orders_;
};

}  // namespace jrr
