// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/seals/seal_desk.h"

#include <algorithm>

namespace jrr {
namespace {

// The seal steps have no acknowledgement of their own (the 印鑑登録原票 screen asks for it): an
// アラート-level 照会抑止 is taken as seen, an エラー one stops them.
const std::vector<std::string> kAlertSeen = {"protection.alert"};

}  // namespace

void SealDesk::Log(AuditAction action, const std::string& function, const std::string& atena,
                   const std::string& outcome, const std::string& detail) {
  AuditEvent event = EventBy(viewer_, action, function);
  if (!atena.empty()) event.targets = {atena};
  event.outcome = outcome;
  event.detail = detail;
  log_.Record(event);
}

Status SealDesk::MayApply(const std::string& addressee_number) {
  Status ok = Authorize(viewer_, Permission::kChange);
  if (!ok) Log(AuditAction::kDenied, "印鑑登録申請", addressee_number, ok.error().rule_id, {});
  return ok;
}

Result<SealRegistration> SealDesk::Apply(const SealApplication& a) {
  const std::string function = "印鑑登録申請";
  auto refuse = [&](Error e) -> Result<SealRegistration> {
    Log(AuditAction::kDenied, function, a.addressee_number, e.rule_id, {});
    return e;
  };
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return refuse(ok.error());
  const auto person = residents_.Latest(a.addressee_number);
  if (!person)
    return refuse(MakeError(ErrorCode::kNotFound, "change.person_not_found", a.addressee_number));
  // Why she could not register (age, a 転出) is a fact of her record.
  if (Status ok = ResidentAccess(residents_, log_, viewer_)
                      .RefuseIfWithheld(a.addressee_number, function, kAlertSeen);
      !ok)
    return ok.error();
  const auto entries = seals_.ForPerson(a.addressee_number);
  const bool open = std::any_of(entries.begin(), entries.end(), [](const SealRegistration& r) {
    return r.state == SealState::kActive || r.state == SealState::kInquiry;
  });
  if (Status ok = CheckEligibility(*person, viewer_.today, settings_, a.guardian_present, open);
      !ok) {
    return refuse(ok.error());
  }
  if (Status ok = CheckNameForm(*person, a.name_form); !ok) return refuse(ok.error());
  SealRegistration entry;
  entry.addressee_number = a.addressee_number;
  entry.name_form = a.name_form;
  entry.registered_name = NameForForm(*person, a.name_form);
  entry.route =
      a.by_agent ? SealRoute::kInquiry : a.route;  // an agent always goes through the 照会
  entry.by_agent = a.by_agent;
  entry.guardian_present = a.guardian_present;
  entry.id_document = a.id_document;
  entry.guarantor_registration = a.guarantor_registration;
  entry.material_attested = a.material_attested;
  entry.legibility_attested = a.legibility_attested;
  entry.impression = a.impression;
  entry.applied_on = viewer_.today;
  entry.operator_id = viewer_.operator_id;
  if (Status ok = CheckImpression(entry, settings_, seals_.ActiveDigest(a.impression.digest));
      !ok) {
    return refuse(ok.error());
  }
  switch (entry.route) {
    case SealRoute::kPhotoId:
      if (entry.id_document.empty())
        return refuse(MakeError(ErrorCode::kRuleViolation, "seal.id_required"));
      break;
    case SealRoute::kGuarantor: {
      const auto guarantor = seals_.ByNumber(entry.guarantor_registration);
      if (!guarantor || !guarantor->Active() ||
          guarantor->addressee_number == entry.addressee_number) {
        return refuse(MakeError(ErrorCode::kRuleViolation, "seal.guarantor_invalid",
                                entry.guarantor_registration));
      }
      break;
    }
    case SealRoute::kInquiry:
      break;
  }
  if (entry.route == SealRoute::kInquiry) {
    entry.state = SealState::kInquiry;
    entry.inquiry_sent_on = viewer_.today;
    entry.inquiry_deadline = FromDayNumber(ToDayNumber(viewer_.today) + settings_.inquiry_days);
  } else {
    entry.state = SealState::kActive;
    entry.registered_on = viewer_.today;
  }
  SealRegistration saved = seals_.Save(entry, a.impression_png);
  Log(AuditAction::kChange, function, a.addressee_number, "ok",
      "registration=" + std::to_string(saved.registration_id) +
          (saved.Active() ? " number=" + saved.registration_number : " inquiry"));
  return saved;
}

Result<SealRegistration> SealDesk::Answer(int64_t registration_id) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  auto entry = seals_.Get(registration_id);
  if (!entry)
    return MakeError(ErrorCode::kNotFound, "seal.not_found", std::to_string(registration_id));
  // Acting on an entry by its number tells its state and answers with it: the person's 照会抑止 holds.
  if (Status ok = ResidentAccess(residents_, log_, viewer_)
                      .RefuseIfWithheld(entry->addressee_number, "印鑑登録回答", kAlertSeen);
      !ok)
    return ok.error();
  if (entry->state != SealState::kInquiry) {
    return MakeError(ErrorCode::kRuleViolation, "seal.not_in_inquiry",
                     std::to_string(registration_id));
  }
  entry->operator_id = viewer_.operator_id;
  if (entry->inquiry_deadline && viewer_.today > *entry->inquiry_deadline) {
    // The application lapses: recorded as closed, never registered.
    entry->state = SealState::kWithdrawn;
    entry->ended_on = viewer_.today;
    entry->end_reason = "回答期限切れ";
    seals_.Save(*entry, {});
    Log(AuditAction::kChange, "印鑑登録回答", entry->addressee_number, "seal.inquiry_expired", {});
    return MakeError(ErrorCode::kRuleViolation, "seal.inquiry_expired",
                     ToIsoString(*entry->inquiry_deadline));
  }
  // The person must still be able to register (a 転出 or death since the 照会 ends it).
  const auto person = residents_.Latest(entry->addressee_number);
  if (!person)
    return MakeError(ErrorCode::kNotFound, "change.person_not_found", entry->addressee_number);
  if (Status ok =
          CheckEligibility(*person, viewer_.today, settings_, entry->guardian_present, false);
      !ok) {
    return ok.error();
  }
  entry->state = SealState::kActive;
  entry->registered_on = viewer_.today;
  SealRegistration saved = seals_.Save(*entry, {});
  Log(AuditAction::kChange, "印鑑登録回答", saved.addressee_number, "ok",
      "number=" + saved.registration_number);
  return saved;
}

Result<SealRegistration> SealDesk::Withdraw(int64_t registration_id, const std::string& reason) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  auto entry = seals_.Get(registration_id);
  if (!entry)
    return MakeError(ErrorCode::kNotFound, "seal.not_found", std::to_string(registration_id));
  if (Status ok =
          ResidentAccess(residents_, log_, viewer_)
              .RefuseIfWithheld(entry->addressee_number, "印鑑登録申請の取下げ", kAlertSeen);
      !ok)
    return ok.error();
  if (entry->state != SealState::kInquiry) {
    return MakeError(ErrorCode::kRuleViolation, "seal.not_in_inquiry",
                     std::to_string(registration_id));
  }
  entry->state = SealState::kWithdrawn;
  entry->ended_on = viewer_.today;
  entry->end_reason = reason.empty() ? "申請の取下げ" : reason;
  entry->operator_id = viewer_.operator_id;
  SealRegistration saved = seals_.Save(*entry, {});
  Log(AuditAction::kChange, "印鑑登録申請の取下げ", saved.addressee_number, "ok", {});
  return saved;
}

Result<SealRegistration> SealDesk::End(const std::string& number, const std::string& reason,
                                       const std::string& function) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  auto entry = seals_.ByNumber(number);
  if (!entry) return MakeError(ErrorCode::kNotFound, "seal.not_found", number);
  if (Status ok = ResidentAccess(residents_, log_, viewer_)
                      .RefuseIfWithheld(entry->addressee_number, function, kAlertSeen);
      !ok)
    return ok.error();
  if (!entry->Active()) return MakeError(ErrorCode::kRuleViolation, "seal.not_active", number);
  entry->state = SealState::kEnded;
  entry->ended_on = viewer_.today;
  entry->end_reason = reason;
  entry->operator_id = viewer_.operator_id;
  SealRegistration saved = seals_.Save(*entry, {});
  Log(AuditAction::kChange, function, saved.addressee_number, "ok", "number=" + number);
  return saved;
}

Result<SealRegistration> SealDesk::ReportLost(const std::string& number) {
  return End(number, "亡失", "印鑑登録証亡失届");
}

Result<SealRegistration> SealDesk::Abolish(const std::string& number) {
  return End(number, "廃止申請", "印鑑登録廃止申請");
}

Result<SealCertificateContent> SealDesk::ClearCertificate(
    const std::string& card_number, const std::string& addressee_number,
    const std::vector<std::string>& acknowledged) {
  const std::string function = "印鑑登録証明書";
  if (Status ok = Authorize(viewer_, Permission::kIssue); !ok) {
    Log(AuditAction::kDenied, function, addressee_number, ok.error().rule_id, {});
    return ok.error();
  }
  // Whether she has a registration, and which card, are facts of hers: her 照会抑止 first.
  if (Status ok = ResidentAccess(residents_, log_, viewer_)
                      .RefuseIfWithheld(addressee_number, function, acknowledged);
      !ok) {
    return ok.error();
  }
  // The card is what proves the request: its number must name this person's active registration.
  const auto entries = seals_.ForPerson(addressee_number);
  const auto active = std::find_if(entries.begin(), entries.end(),
                                   [](const SealRegistration& r) { return r.Active(); });
  if (active == entries.end()) {
    Log(AuditAction::kDenied, function, addressee_number, "seal.not_active", {});
    return MakeError(ErrorCode::kRuleViolation, "seal.not_active", addressee_number);
  }
  if (active->card_number != card_number) {
    Log(AuditAction::kDenied, function, addressee_number, "seal.card_mismatch", {});
    return MakeError(ErrorCode::kRuleViolation, "seal.card_mismatch");
  }
  // The certificate prints the person's address: whoever else lives there is shown too.
  ShownOnPrint shown;
  if (auto person = residents_.Latest(addressee_number))
    shown.addresses.push_back(person->address.Printed());
  if (Status cleared = ResidentAccess(residents_, log_, viewer_)
                           .ClearForIssue({addressee_number}, function, false, acknowledged, shown);
      !cleared) {
    return cleared.error();
  }
  SealCertificateContent content;
  content.registration = *active;
  content.person = *residents_.Latest(addressee_number);
  content.impression_png = seals_.ImpressionPng(active->registration_id);
  // Never printed without the impression.
  if (content.impression_png.empty())
    return MakeError(ErrorCode::kInternal, "seal.impression_missing");
  return content;
}

Result<SealCertificateContent> SealDesk::ClearInquiryLetter(
    int64_t registration_id, const std::vector<std::string>& acknowledged) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  auto entry = seals_.Get(registration_id);
  if (!entry)
    return MakeError(ErrorCode::kNotFound, "seal.not_found", std::to_string(registration_id));
  if (entry->state != SealState::kInquiry) {
    return MakeError(ErrorCode::kRuleViolation, "seal.not_in_inquiry",
                     std::to_string(registration_id));
  }
  if (Status cleared =
          ResidentAccess(residents_, log_, viewer_)
              .ClearForIssue({entry->addressee_number}, "印鑑登録照会書", false, acknowledged);
      !cleared) {
    return cleared.error();
  }
  SealCertificateContent content;
  content.registration = *entry;
  content.person = *residents_.Latest(entry->addressee_number);
  return content;
}

Result<std::vector<SealRegistration>> SealDesk::Entries(const std::string& addressee_number) {
  // The 原票 shows the person (氏名, the card, the impression): a view like 照会, 照会抑止 included.
  if (Status ok = ResidentAccess(residents_, log_, viewer_)
                      .ClearForView({addressee_number}, "印鑑登録原票");
      !ok) {
    return ok.error();
  }
  return seals_.ForPerson(addressee_number);
}

}  // namespace jrr
