// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録照会書・回答書 — the letter mailed to the applicant's registered address when identity
// cannot be confirmed at the counter (notes §B.4): who applied, when, the deadline for the 回答書,
// and the 回答書 slip to bring back with the seal and ID. Pure filling.
#pragma once

#include <vector>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/seals/seal_registration.h"
#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

struct SealInquiryPlan {
  SealRegistration registration;
  ResidentRecord person;
  std::string municipality_title;  // 架空県架空市長 …
  std::string certifier_name;
  CalendarDate sent_on;
};

std::vector<Sheet> FillSealInquiry(const SealInquiryPlan& plan);

}  // namespace jrr::forms
