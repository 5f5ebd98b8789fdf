// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録の窓口 — SealDesk: every step of a seal's life (notes §B.4–B.5) as one use case each,
// for the CLI and the web alike. Registration steps need the 異動入力 permission, certificates the
// 証明発行 permission; every step is logged (JK-10.2), certificates pass ResidentAccess's gate
// (支援措置・抑止) like any other certificate.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/seals/seal_registration.h"

namespace jrr {

// The 印鑑登録原票, append-only: each Save() is a new version of an entry.
class SealRegister {
 public:
  virtual ~SealRegister() = default;
  virtual std::optional<SealRegistration> Get(int64_t registration_id) = 0;
  virtual std::optional<SealRegistration> ByNumber(std::string_view registration_number) = 0;
  // The latest version of every entry of a person, newest first.
  virtual std::vector<SealRegistration> ForPerson(std::string_view addressee_number) = 0;
  // True when an active registration has an impression with this digest.
  virtual bool ActiveDigest(std::string_view digest) = 0;
  // Stores the entry as its next version (a new entry when registration_id is 0, with the
  // impression's PNG). An entry becoming active without a 登録番号 gets the next one and a card
  // number; numbers are never reused. Returns the stored version. Throws StorageError.
  virtual SealRegistration Save(SealRegistration entry, const std::string& impression_png) = 0;
  virtual std::string ImpressionPng(int64_t registration_id) = 0;
};

struct SealApplication {
  std::string addressee_number;
  SealNameForm name_form = SealNameForm::kFullName;
  SealRoute route = SealRoute::kPhotoId;
  bool by_agent = false;
  bool guardian_present = false;
  std::string id_document;
  std::string guarantor_registration;
  bool material_attested = false;
  bool legibility_attested = false;
  ImpressionMeasure impression;
  std::string impression_png;  // lossless, as measured
};

// An application as a clerk enters it at the counter, the CLI or the API: the image as uploaded
// (PNG or JPEG bytes) with its resolution, and the choices as codes (`jrr seal apply`'s).
struct SealUpload {
  std::string person;
  std::string image;
  double dpi = 0;
  std::string name_form = "full";  // full, surname, given, former, common, katakana, alphabet
  std::string route = "photo-id";  // photo-id, guarantor, inquiry
  std::string id_document;
  std::string guarantor;
  bool agent = false;
  bool guardian = false;
  bool material_attested = false;
  bool legibility_attested = false;
};

// What a 印鑑登録証明書 prints, once cleared.
struct SealCertificateContent {
  SealRegistration registration;
  ResidentRecord person;
  std::string impression_png;
};

class SealDesk {
 public:
  SealDesk(ResidentRepository& residents, SealRegister& seals, AuditLog& log, SealSettings settings,
           Viewer viewer)
      : residents_(residents),
        seals_(seals),
        log_(log),
        settings_(settings),
        viewer_(std::move(viewer)) {}

  // 登録申請: checks eligibility, the name form and the impression; registers the same day (in
  // person with photo ID, or with a 保証書 whose guarantor holds an active registration here), or
  // records the application under 照会 (always for an agent) with its 回答 deadline.
  // Errors: those of CheckEligibility, CheckNameForm and CheckImpression; seal.id_required (photo
  // ID route without a document); seal.guarantor_invalid; change.person_not_found.
  Result<SealRegistration> Apply(const SealApplication& application);
  // Whether this viewer may apply at all (異動入力): asked before an uploaded image is decoded, so
  // nobody without the permission can make the server decode anything. A refusal is logged.
  Status MayApply(const std::string& addressee_number);
  // 回答書 received: registers, unless the deadline passed (seal.inquiry_expired; the application
  // is closed as 期限切れ) or the entry is not under 照会 (seal.not_in_inquiry).
  Result<SealRegistration> Answer(int64_t registration_id);
  // 申請の取下げ of an entry under 照会. Error seal.not_in_inquiry.
  Result<SealRegistration> Withdraw(int64_t registration_id, const std::string& reason);
  // 亡失届 and 廃止申請: the registration ends (a new one is a new 登録番号). Errors
  // seal.not_found, seal.not_active.
  Result<SealRegistration> ReportLost(const std::string& registration_number);
  Result<SealRegistration> Abolish(const std::string& registration_number);
  // 印鑑登録証明書: only with the card presented (its number), for an active registration; clears
  // the person through the gate. Errors seal.card_mismatch, seal.not_active, seal.not_found,
  // support.issue_blocked, protection.*.
  Result<SealCertificateContent> ClearCertificate(
      const std::string& card_number, const std::string& addressee_number,
      const std::vector<std::string>& acknowledged = {});
  // The 照会書 of an application under 照会: printed to the person's registered address, so it
  // passes the gate like any printed document. Errors seal.not_found, seal.not_in_inquiry,
  // support.issue_blocked, protection.*.
  Result<SealCertificateContent> ClearInquiryLetter(
      int64_t registration_id, const std::vector<std::string>& acknowledged = {});
  // The 原票 of a person, latest version of each entry: a logged view, refused under a 照会抑止
  // (access.permission_denied, protection.blocked, protection.alert).
  Result<std::vector<SealRegistration>> Entries(const std::string& addressee_number);

 private:
  Result<SealRegistration> End(const std::string& registration_number, const std::string& reason,
                               const std::string& function);
  void Log(AuditAction action, const std::string& function, const std::string& atena,
           const std::string& outcome, const std::string& detail);
  ResidentRepository& residents_;
  SealRegister& seals_;
  AuditLog& log_;
  SealSettings settings_;
  Viewer viewer_;
};

}  // namespace jrr
