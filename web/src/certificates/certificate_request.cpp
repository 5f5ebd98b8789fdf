// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/certificates/certificate_request.h"

#include <map>
#include <sstream>

#include "jrr/domain/core/text.h"
#include "jrr/web/core/json_fields.h"

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
  if (text.empty() || text.size() > 19 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return std::stoull(text);
}

}  // namespace

Result<CertificateRequest> DecodeCertificateRequest(const CertificateParameter& value) {
  auto text = [&](std::string_view name, std::string fallback = {}) {
    return value(name).value_or(fallback);
  };
  auto flag = [&](std::string_view name) {
    const std::string v = text(name);
    return !v.empty() && v != "0" && v != "false";
  };
  CertificateRequest request;
  const auto kind = CertificateKindFromCode(text("kind", "juminhyo"));
  if (!kind) return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_kind", text("kind"));
  request.kind = *kind;
  const auto requester = RequesterFromCode(text("requester", "self"));
  if (!requester)
    return MakeError(ErrorCode::kInvalidInput, "certificate.unknown_requester", text("requester"));
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
    if (auto found = fields->find(underscored); found != fields->end())
      (*fields)[name] = found->second;
  }
  return DecodeCertificateRequest([&](std::string_view name) -> std::optional<std::string> {
    auto found = fields->find(std::string(name));
    if (found == fields->end()) return std::nullopt;
    return found->second;
  });
}

// IMP: JK-10.8
Result<std::vector<std::pair<std::string, std::string>>> CertificateFieldsFromCsv(
    std::string_view csv) {
  csv = WithoutBom(csv);
  if (auto ok = CheckText(csv, {.max_bytes = 64 * 1024, .allow_newlines = true}); !ok)
    return ok.error();
  auto table = ParseCsv(csv);
  if (!table) return table.error();
  if (table->size() < 2)
    return MakeError(ErrorCode::kInvalidInput, "csv.no_rows", "a heading and one row");
  const std::vector<std::string>& headings = table->front();
  const std::vector<std::string>& row = (*table)[1];
  auto unknown = [](const std::string& what) {
    return MakeError(ErrorCode::kInvalidInput, "csv.unknown_value", what);
  };
  std::vector<std::pair<std::string, std::string>> fields;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    const std::string& heading = headings[i];
    const std::string value = i < row.size() ? row[i] : std::string();
    if (heading == "種類") {
      std::string code;
      for (CertificateKind k :
           {CertificateKind::kCopy, CertificateKind::kItemCertificate,
            CertificateKind::kRemovedCopy, CertificateKind::kRemovedItemCertificate,
            CertificateKind::kMoveOut}) {
        if (value == CertificateKindNameJa(k)) code = CertificateKindCode(k);
      }
      if (code.empty()) return unknown("種類: " + value);
      fields.emplace_back("kind", code);
    } else if (heading == "宛名番号") {
      fields.emplace_back("person", value);
    } else if (heading == "範囲") {
      if (value != "世帯全員" && value != "本人") return unknown("範囲: " + value);
      fields.emplace_back("household", value == "世帯全員" ? "1" : "0");
    } else if (heading == "世帯員") {
      fields.emplace_back("members", value);
    } else if (heading == "請求者") {
      std::string code;
      for (Requester r :
           {Requester::kSelf, Requester::kThirdParty, Requester::kOfficial, Requester::kWideArea}) {
        if (value == RequesterNameJa(r) || value == RequesterCode(r)) code = RequesterCode(r);
      }
      if (code.empty()) return unknown("請求者: " + value);
      fields.emplace_back("requester", code);
    } else if (heading == "請求事由") {
      fields.emplace_back("purpose", value);
    } else if (heading == "部数") {
      fields.emplace_back("copies", value);
    } else if (heading == "記載事項") {
      // The optional items' names as the form shows them, one after another, separated by 、 or a
      // comma (a name may itself hold ・ or 、: 国籍・地域、在留資格等 — so names are matched whole).
      std::string_view rest = value;
      while (!rest.empty()) {
        bool skipped = false;
        for (std::string_view separator : {"、", ",", "，", " ", "\u3000"}) {
          if (rest.starts_with(separator)) {
            rest.remove_prefix(separator.size());
            skipped = true;
          }
        }
        if (skipped) continue;
        std::string code;
        std::size_t length = 0;
        for (OptionalItem item : ItemCeiling(Requester::kSelf)) {
          const std::string_view name = OptionalItemNameJa(item);
          if (rest.starts_with(name) && name.size() > length) {
            code = OptionalItemCode(item);
            length = name.size();
          }
        }
        if (code.empty()) return unknown("記載事項: " + std::string(rest));
        fields.emplace_back("item-" + code, "1");
        rest.remove_prefix(length);
      }
    } else {
      return MakeError(ErrorCode::kInvalidInput, "csv.unknown_column", heading);
    }
  }
  return fields;
}

}  // namespace jrr::web
