// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/move_out_certificate.h"

#include <algorithm>
#include <cassert>
#include <cstdint>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

std::pair<std::string, std::string> SplitName(const std::string& text) {
  const std::string space = "\u3000";
  const std::size_t at = text.find(space);
  if (at == std::string::npos) return {text, ""};
  return {text.substr(0, at), text.substr(at + space.size())};
}

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

// "i/n" with 1 <= i <= n <= 999 (a code a mover); {1, 1} for a code without a part line.
std::optional<std::pair<int, int>> PartOf(const std::string& value) {
  if (value.empty()) return std::pair{1, 1};
  const std::size_t slash = value.find('/');
  if (slash == std::string::npos || slash == 0 || slash > 3 || value.size() - slash - 1 == 0 ||
      value.size() - slash - 1 > 3)
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
  std::string set;                  // the digest of the whole certificate's text; empty alone
  std::string issued;               // as written, for the digest
  std::vector<std::string> people;  // each person's block as written
};

// The digest naming the codes of one certificate: FNV-1a (64 bits, hex) over the issuer, the day
// and every person's block in order. It tells certificates apart and proves a set complete; it is
// no signature (anyone can make one).
std::string CodeSetDigest(std::string_view from, std::string_view issued,
                          const std::vector<std::string>& people) {
  uint64_t hash = 14695981039346656037ull;
  auto add = [&hash](std::string_view part) {
    for (unsigned char c : part) {
      hash ^= c;
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;  // a separator no UTF-8 text holds
    hash *= 1099511628211ull;
  };
  add(from);
  add(issued);
  // A block's lines without the empty ones a reader may add between codes.
  for (const std::string& block : people) {
    std::string lines;
    for (std::size_t at = 0; at < block.size();) {
      const std::size_t end = std::min(block.find('\n', at), block.size());
      if (end > at) lines.append(block, at, end - at).push_back('\n');
      at = end + 1;
    }
    add(lines);
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<std::size_t>(i)] = kHex[hash & 0xf];
  return out;
}

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
  code.set = get(*header, "set");
  code.issued = get(*header, "issued");
  code.people.assign(blocks.begin() + 1, blocks.end());
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
  // A code a mover, up to 999 of them.
  if (!CheckText(text, {.max_bytes = 1024 * 1024, .allow_newlines = true}))
    return bad("not UTF-8 text, or over 1 MiB");
  std::vector<std::optional<CodePart>> parts;
  std::string from_code, set;
  CalendarDate issued;
  for (std::string_view code_text : CodeTexts(text)) {
    auto code = DecodeCode(code_text);
    if (!code) return code.error();
    if (parts.empty()) {
      parts.resize(static_cast<std::size_t>(code->of));
      from_code = code->certificate.from_code;
      issued = code->certificate.issued;
      set = code->set;
    }
    // Every code of one certificate names the same issuer, day, number of codes and set.
    if (static_cast<std::size_t>(code->of) != parts.size() ||
        code->certificate.from_code != from_code || code->certificate.issued != issued ||
        code->set != set) {
      return bad("part " + std::to_string(code->part) + " of another certificate");
    }
    std::optional<CodePart>& slot = parts[static_cast<std::size_t>(code->part - 1)];
    if (slot) return bad("part " + std::to_string(code->part) + " read twice");
    slot = std::move(*code);
  }
  if (parts.size() > 1 && set.empty()) return bad("parts without a set");
  MoveOutCertificate whole;
  std::vector<std::string> people;
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
    people.insert(people.end(), parts[i]->people.begin(), parts[i]->people.end());
  }
  if (parts.size() > 1 && CodeSetDigest(whole.from_code, parts[0]->issued, people) != set)
    return bad("parts that do not make up their certificate");
  return whole;
}

std::vector<std::string> SplitMoveOutData(std::string_view text, bool standalone) {
  const std::vector<std::string> blocks = SplitKeyValueBlocks(text);
  const std::size_t people = blocks.size() - 1;
  if (people <= 1) return {std::string(text)};
  std::vector<std::string> codes;
  std::string header = blocks[0];
  if (!standalone) {
    const auto fields = ParseKeyValueText(blocks[0], kHeader);
    assert(fields);  // a MoveOutData text
    auto get = [&fields](const char* key) {
      auto found = fields->find(key);
      return found == fields->end() ? std::string() : found->second;
    };
    AppendKeyValueLine(header, "set",
                       CodeSetDigest(get("from"), get("issued"),
                                     std::vector<std::string>(blocks.begin() + 1, blocks.end())));
  }
  for (std::size_t i = 1; i <= people; ++i) {
    std::string code = header;
    if (!standalone)
      AppendKeyValueLine(code, "part", std::to_string(i) + "/" + std::to_string(people));
    code += "--\n" + blocks[i];
    codes.push_back(std::move(code));
  }
  return codes;
}

}  // namespace jrr
