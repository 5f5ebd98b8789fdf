// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/move_out_certificate.h"

#include <algorithm>
#include <cassert>

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

namespace {

constexpr std::string_view kHeader = "JRR-TENSHUTSU/1";

// The texts of the codes in `text`: a new one starts at each header line after the first line.
std::vector<std::string_view> CodeTexts(std::string_view text) {
  std::vector<std::string_view> codes;
  std::size_t start = 0;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    std::string_view line = text.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == kHeader && at != start) {
      codes.push_back(text.substr(start, at - start));
      start = at;
    }
    at = end + 1;
  }
  codes.push_back(text.substr(start));
  return codes;
}

// "i/n" with 1 <= i <= n <= 99; {1, 1} for a code without a part line.
std::optional<std::pair<int, int>> PartOf(const std::string& value) {
  if (value.empty()) return std::pair{1, 1};
  const std::size_t slash = value.find('/');
  if (slash == std::string::npos || slash == 0 || slash > 2 || value.size() - slash - 1 == 0 ||
      value.size() - slash - 1 > 2)
    return std::nullopt;
  int part = 0, of = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (i == slash) continue;
    if (value[i] < '0' || value[i] > '9') return std::nullopt;
    int& n = i < slash ? part : of;
    n = n * 10 + (value[i] - '0');
  }
  if (part < 1 || part > of) return std::nullopt;
  return std::pair{part, of};
}

struct CodePart {
  MoveOutCertificate certificate;
  int part = 1, of = 1;
};

Result<CodePart> DecodeCode(std::string_view text) {
  auto bad = [](std::string detail) {
    return MakeError(ErrorCode::kInvalidInput, "moveout.malformed", std::move(detail));
  };
  // The people are separated by "--" lines: the header block, then one block a person.
  const std::vector<std::string> blocks = SplitKeyValueBlocks(text);
  auto header = ParseKeyValueText(blocks[0], kHeader);
  if (!header) return bad("header");
  CodePart code;
  MoveOutCertificate& c = code.certificate;
  auto get = [](const auto& fields, const char* key) {
    auto found = fields.find(key);
    return found == fields.end() ? std::string() : found->second;
  };
  const auto part = PartOf(get(*header, "part"));
  if (!part) return bad("part");
  std::tie(code.part, code.of) = *part;
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
  return code;
}

}  // namespace

Result<MoveOutCertificate> DecodeMoveOutData(std::string_view text) {
  auto bad = [](std::string detail) {
    return MakeError(ErrorCode::kInvalidInput, "moveout.malformed", std::move(detail));
  };
  if (!CheckText(text, {.max_bytes = 64 * 1024, .allow_newlines = true}))
    return bad("not UTF-8 text");
  std::vector<std::optional<CodePart>> parts;
  std::string from_code;
  CalendarDate issued;
  for (std::string_view code_text : CodeTexts(text)) {
    auto code = DecodeCode(code_text);
    if (!code) return code.error();
    if (parts.empty()) {
      parts.resize(static_cast<std::size_t>(code->of));
      from_code = code->certificate.from_code;
      issued = code->certificate.issued;
    }
    // Every code of one certificate names the same issuer, day and number of codes.
    if (static_cast<std::size_t>(code->of) != parts.size() ||
        code->certificate.from_code != from_code || code->certificate.issued != issued) {
      return bad("part " + std::to_string(code->part) + " of another certificate");
    }
    std::optional<CodePart>& slot = parts[static_cast<std::size_t>(code->part - 1)];
    if (slot) return bad("part " + std::to_string(code->part) + " read twice");
    slot = std::move(*code);
  }
  MoveOutCertificate whole;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (!parts[i]) {
      return bad("part " + std::to_string(i + 1) + " of " + std::to_string(parts.size()) +
                 " missing");
    }
    MoveOutCertificate& c = parts[i]->certificate;
    if (i == 0) {
      whole.from_code = c.from_code;
      whole.from_name = c.from_name;
      whole.issued = c.issued;
    }
    for (MoveOutPerson& p : c.persons) whole.persons.push_back(std::move(p));
  }
  return whole;
}

std::vector<std::string> SplitMoveOutData(std::string_view text,
                                          const std::vector<std::size_t>& people_per_code) {
  if (people_per_code.size() <= 1) return {std::string(text)};
  const std::vector<std::string> blocks = SplitKeyValueBlocks(text);
  std::vector<std::string> codes;
  std::size_t next = 1;
  const std::string of = std::to_string(people_per_code.size());
  for (std::size_t i = 0; i < people_per_code.size(); ++i) {
    std::string code = blocks[0];
    AppendKeyValueLine(code, "part", std::to_string(i + 1) + "/" + of);
    for (std::size_t n = 0; n < people_per_code[i]; ++n) {
      assert(next < blocks.size());
      code += "--\n" + blocks[next++];
    }
    codes.push_back(std::move(code));
  }
  assert(next == blocks.size());
  return codes;
}

}  // namespace jrr
