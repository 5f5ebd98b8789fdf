// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/move_out_certificate.h"

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

std::pair<std::string, std::string> SplitName(const std::string& text) {
  const std::string space = "\u3000";
  const std::size_t at = text.find(space);
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at), text.substr(at + space.size())};
}

}  // namespace

Result<MoveOutCertificate> DecodeMoveOutData(std::string_view text) {
  auto bad = [](std::string detail) {
    return MakeError(ErrorCode::kInvalidInput, "moveout.malformed", std::move(detail));
  };
  if (!CheckText(text, {.max_bytes = 64 * 1024, .allow_newlines = true}))
    return bad("not UTF-8 text");
  // The people are separated by "--" lines: the header block, then one block a person.
  const std::vector<std::string> blocks = SplitKeyValueBlocks(text);
  auto header = ParseKeyValueText(blocks[0], "JRR-TENSHUTSU/1");
  if (!header) return bad("header");
  MoveOutCertificate c;
  auto get = [](const auto& fields, const char* key) {
    auto found = fields.find(key);
    return found == fields.end() ? std::string() : found->second;
  };
  c.from_code = get(*header, "from");
  c.from_name = get(*header, "from_name");
  auto issued = ParseIsoDate(get(*header, "issued"));
  if (!issued) return bad("issued");
  c.issued = *issued;
  for (std::size_t i = 1; i < blocks.size(); ++i) {
    auto fields = ParseKeyValueText("P\n" + blocks[i], "P");
    if (!fields) return bad("person " + std::to_string(i));
    MoveOutPerson p;
    p.kind = get(*fields, "kind") == "foreign" ? ResidentKind::kForeign : ResidentKind::kJapanese;
    std::tie(p.family_name, p.given_name) = SplitName(get(*fields, "name"));
    std::tie(p.family_kana, p.given_kana) = SplitName(get(*fields, "kana"));
    if (p.family_name.empty() && p.given_name.empty())
      return bad("name of person " + std::to_string(i));
    if (auto birth = ParseIsoDate(get(*fields, "birth"))) p.birth_date = *birth;
    p.birth_text = get(*fields, "birth_text");
    if (!p.birth_date && p.birth_text.empty()) return bad("birth of person " + std::to_string(i));
    p.sex = get(*fields, "sex") == "2" ? Sex::kFemale : Sex::kMale;
    p.relationship = get(*fields, "relationship");
    p.previous_address = get(*fields, "address");
    p.domicile = get(*fields, "domicile");
    p.head_of_family = get(*fields, "head_of_family");
    p.resident_record_code = get(*fields, "resident_record_code");
    p.individual_number = get(*fields, "individual_number");
    p.destination = get(*fields, "destination");
    if (auto planned = ParseIsoDate(get(*fields, "planned_date"))) p.planned_date = *planned;
    c.persons.push_back(std::move(p));
  }
  if (c.persons.empty()) return bad("nobody");
  return c;
}

}  // namespace jrr
