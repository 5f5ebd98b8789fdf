// SPDX-License-Identifier: Apache-2.0
//
// 証明発行 — CertificateDesk: the one use case that issues a certificate, for the CLI and the web
// alike (JK-5.1–5.8, 1.3.8, 9.5, 10.2). It reads the people, checks the request against the
// requester's legal ceiling and the viewer's permissions, clears everyone through ResidentAccess
// (支援措置・抑止, logged), lays the plan out once to find missing glyphs, overflow and codes too
// large, then takes fresh 発行番号 and renders inside the transaction that records the 交付履歴.
// Nothing prints that was not recorded, and nothing is recorded that did not print: a render that
// fails rolls the record back.
//
// The layout and the PDF are forms/'s; the desk sees them through CertificateRenderer.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/records/issuance_log.h"

namespace jrr {

// 文字超過リスト (JK-5.8): one value that did not fit its box, or that has a character no font has.
struct OverflowEntry {
  std::string addressee_number;
  std::string field;  // the layout field's name, e.g. address, name, domicile
  std::string text;   // the value (stays in memory and in the clerk's own output; never logged)
  bool missing_glyph = false;
};

// What laying out a plan found, before any PDF exists.
struct LayoutCheck {
  int sheets = 0;                       // sheets of one copy
  std::vector<int> certificate_sheets;  // sheets of each certificate of one copy, in order
  std::vector<OverflowEntry> problems;
  int codes_too_large = 0;  // two-dimensional codes whose data no code of the printed size holds
};

// forms/ implements this with cairo and pango. Infrastructure failures (no font, cairo error) throw.
class CertificateRenderer {
 public:
  virtual ~CertificateRenderer() = default;
  virtual LayoutCheck Check(const CertificatePlan& plan) = 0;
  // One PDF holding every copy: serials holds one serial a certificate, copy by copy
  // (CertificatesPerCopy of them a copy). Throws when it cannot print.
  virtual std::string Render(const CertificatePlan& plan, const std::vector<int>& serials) = 0;
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

// What a planned certificate shows beyond its own people (ResidentAccess::ClearForIssue): the
// 世帯主 when printed, every address it prints (the history's too), and the 本籍・筆頭者 when
// printed.
ShownOnPrint ShownBy(const CertificatePlan& plan);

// The most people one 閲覧 list holds (certificate.area_too_large beyond it).
inline constexpr std::size_t kMaxInspectionList = 5000;

class CertificateDesk {
 public:
  // `orders`, when given, holds the member orders clerks set (JK-5.2); without it the rank order.
  CertificateDesk(ResidentRepository& residents, AuditLog& log, IssuanceLog& issuance,
                  CertificateRenderer& renderer, CertificateSettings settings, Viewer viewer,
                  HouseholdOrderRepository* orders = nullptr)
      : residents_(residents),
        log_(log),
        issuance_(issuance),
        renderer_(renderer),
        settings_(std::move(settings)),
        viewer_(std::move(viewer)),
        orders_(orders) {}

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
  //   certificate.code_too_large       a sheet's 転出証明書情報 too large for its code
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
  // The order of JK-5.2 when members came into the household later, by 転入 or 世帯変更: the
  // others by rank, then those in the order they came. nullopt when nobody came later.
  std::optional<std::vector<std::string>> ArrivalOrder(const std::vector<ResidentRecord>& members);
  ResidentRepository& residents_;
  AuditLog& log_;
  IssuanceLog& issuance_;
  CertificateRenderer& renderer_;
  CertificateSettings settings_;
  Viewer viewer_;
  HouseholdOrderRepository* orders_;
};

}  // namespace jrr
