// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/certificate_request.h"

#include <map>
#include <sstream>

#include "jrr/web/change_json.h"

namespace jrr::web {
namespace {

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> parts;
  std::istringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

// A whole non-negative decimal number, or nullopt.
std::optional<unsigned long long> Number(const std::string& text) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoull(text);
}

}  // namespace

Result<CertificateRequest> DecodeCertificateRequest(const CertificateParameter& value) {
  auto text = [&](std::string_view name, std::string fallback = {}) { return value(name).value_or(fallback); };
  auto flag = [&](std::string_view name) {
    const std::string v = text(name);
    return !v.empty() && v != "0" && v != "false";
  };
  CertificateRequest request;
  const auto kind = CertificateKindFromCode(text("kind", "juminhyo"));
  if (!kind) return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_kind", text("kind"));
  request.kind = *kind;
  const auto requester = RequesterFromCode(text("requester", "self"));
  if (!requester) return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_requester", text("requester"));
  request.requester = *requester;
  request.person = text("person");
  if (request.person.empty() && request.kind != CertificateKind::kInspection) {
    return MakeError(ErrorCode::kInvalidInput, "certificate.person_required");
  }
  request.whole_household = flag("household");
  request.members = SplitCommas(text("members"));
  request.individual_sheet = flag("individual");
  request.with_history = flag("history");
  for (const std::string& code : SplitCommas(text("with"))) {
    const auto item = OptionalItemFromCode(code);
    if (!item) return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_item", code);
    request.items.insert(*item);
  }
  request.omit_katagaki = flag("omit-katagaki");
  request.purpose = text("purpose");
  request.area = text("area");
  if (const std::string seed = text("random"); !seed.empty()) {
    const auto parsed = Number(seed);
    if (!parsed) return MakeError(ErrorCode::kInvalidInput, "certificate.seed_invalid", seed);
    request.shuffle_seed = *parsed;
  }
  const auto copies = Number(text("copies", "1"));
  if (!copies || *copies < 1 || *copies > 20) {
    return MakeError(ErrorCode::kInvalidInput, "certificate.copies_range", text("copies"));
  }
  request.copies = static_cast<int>(*copies);
  request.acknowledged = SplitCommas(text("acknowledge"));
  if (const std::string role = text("certifier"); !role.empty()) {
    if (role != "mayor" && role != "acting") {
      return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_certifier", role);
    }
    request.certifier = role == "mayor" ? CertifierRole::kMayor : CertifierRole::kActing;
  }
  request.seal = !flag("no-seal");
  return request;
}

Result<CertificateRequest> DecodeCertificateJson(std::string_view json) {
  auto fields = DecodeOptionFields(json);
  if (!fields) return fields.error();
  for (const char* name : {"omit-katagaki", "no-seal"}) {
    std::string underscored(name);
    underscored[underscored.find('-')] = '_';
    if (auto found = fields->find(underscored); found != fields->end()) (*fields)[name] = found->second;
  }
  return DecodeCertificateRequest([&](std::string_view name) -> std::optional<std::string> {
    auto found = fields->find(std::string(name));
    if (found == fields->end()) return std::nullopt;
    return found->second;
  });
}

}  // namespace jrr::web
