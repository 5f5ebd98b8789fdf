// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/certificates/certificate_screen.h"

#include <string>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/rule_ids.h"

namespace jrr::web {

using kainjow::mustache::data;

namespace {

data KindOptions(const std::string& kind) {
  data kinds{data::type::list};
  for (CertificateKind k : {CertificateKind::kCopy, CertificateKind::kItemCertificate,
                            CertificateKind::kRemovedCopy, CertificateKind::kRemovedItemCertificate,
                            CertificateKind::kMoveOut, CertificateKind::kInspection}) {
    data option;
    option.set("code", std::string(CertificateKindCode(k)));
    option.set("name", std::string(CertificateKindNameJa(k)));
    option.set("selected", CertificateKindCode(k) == kind);
    kinds.push_back(option);
  }
  return kinds;
}

data RequesterOptions(const std::string& requester) {
  data requesters{data::type::list};
  for (Requester r :
       {Requester::kSelf, Requester::kThirdParty, Requester::kOfficial, Requester::kWideArea}) {
    data option;
    option.set("code", std::string(RequesterCode(r)));
    option.set("name", std::string(RequesterNameJa(r)));
    option.set("selected", RequesterCode(r) == requester);
    requesters.push_back(option);
  }
  return requesters;
}

}  // namespace

void PresentCertificateForm(data& page, const Request& request) {
  const bool posted = request.method == "POST";
  auto field = [&](std::string_view name) {
    return posted ? request.Form(name) : request.Query(name);
  };
  page.set("person", field("person").empty() ? field("atena") : field("person"));
  page.set("kinds", KindOptions(field("kind").empty() ? "juminhyo" : field("kind")));
  page.set("household", !posted ? field("household") != "0" : field("household") == "1");
  page.set("requesters",
           RequesterOptions(field("requester").empty() ? "self" : field("requester")));
  data items{data::type::list};
  for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
    data box;
    box.set("code", std::string(OptionalItemCode(item)));
    box.set("name", std::string(OptionalItemNameJa(item)));
    box.set("checked", field("item-" + std::string(OptionalItemCode(item))) == "1");
    items.push_back(box);
  }
  page.set("items", items);
  page.set("members", field("members"));
  page.set("purpose", field("purpose"));
  page.set("copies", field("copies").empty() ? "1" : field("copies"));
  page.set("area", field("area"));
  page.set("individual", field("individual") == "1");
  page.set("history", field("history") == "1");
  page.set("omit_katagaki", field("omit-katagaki") == "1");
  page.set("certifier_mayor", field("certifier") == "mayor");
  page.set("certifier_acting", field("certifier") == "acting");
  page.set("no_seal", field("no-seal") == "1");
}

bool CertificateRefusalShowsDetail(const Error& error) {
  return error.rule_id == rules::kCertificateOverflow ||
         error.rule_id == rules::kCertificateMissingGlyph;
}

}  // namespace jrr::web
