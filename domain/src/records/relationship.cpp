// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/relationship.h"

#include <array>

#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

struct TermText {
  KinTerm term;
  std::string_view text;
};

constexpr std::array<TermText, 13> kTerms = {{
    {KinTerm::kHusband, "夫"},
    {KinTerm::kWife, "妻"},
    {KinTerm::kHusbandUnregistered, "夫（未届）"},
    {KinTerm::kWifeUnregistered, "妻（未届）"},
    {KinTerm::kChild, "子"},
    {KinTerm::kChildHusband, "子（子の夫）"},
    {KinTerm::kChildWife, "子（子の妻）"},
    {KinTerm::kFather, "父"},
    {KinTerm::kMother, "母"},
    {KinTerm::kElderBrother, "兄"},
    {KinTerm::kElderSister, "姉"},
    {KinTerm::kYoungerBrother, "弟"},
    {KinTerm::kYoungerSister, "妹"},
}};

// Terms people write that the standard does not allow (JK-1.1.11 【実装しない機能】 and the usual
// alternatives). Refused with their own rule, so the message can say to write a chain instead.
constexpr std::string_view kProhibited[] = {
    "祖父", "祖母", "孫",   "おじ",       "おば",     "叔父",     "伯父",   "叔母",
    "伯母", "甥",   "姪",   "家事使用人", "準世帯主", "義父",     "義母",   "養子",
    "長男", "長女", "次男", "次女",       "内縁の夫", "内縁の妻", "従業員", "同居者"};

std::string Normalized(std::string_view text) {
  std::string out(TrimSpaces(text));
  // Half-width parentheses are common at the counter; the printed form uses full-width ones.
  for (std::size_t at = out.find('('); at != std::string::npos; at = out.find('(', at)) {
    out.replace(at, 1, "（");
  }
  for (std::size_t at = out.find(')'); at != std::string::npos; at = out.find(')', at)) {
    out.replace(at, 1, "）");
  }
  return out;
}

}  // namespace

std::string RelationshipToHead::Text() const {
  switch (kind) {
    case RelationshipKind::kHead:
      return "世帯主";
    case RelationshipKind::kRelated:
      return "縁故者";
    case RelationshipKind::kCohabitant:
      return "同居人";
    case RelationshipKind::kKin:
      break;
  }
  std::string out;
  for (std::size_t i = 0; i < chain.size(); ++i) {
    if (i > 0) out += "の";
    for (const TermText& t : kTerms) {
      if (t.term == chain[i]) out += t.text;
    }
  }
  return out;
}

// IMP: JK-1.1.11
Result<RelationshipToHead> ParseRelationship(std::string_view text) {
  if (auto checked = CheckText(text, {.max_bytes = 200}); !checked) return checked.error();
  const std::string s = Normalized(text);
  for (std::string_view banned : kProhibited) {
    if (s == banned) {
      return MakeError(ErrorCode::kRuleViolation, "relationship.prohibited_term",
                       "term not allowed by JK-1.1.11");
    }
  }
  if (s == "世帯主") return RelationshipToHead{RelationshipKind::kHead, {}, std::nullopt};
  if (s == "縁故者") return RelationshipToHead{RelationshipKind::kRelated, {}, std::nullopt};
  if (s == "同居人") return RelationshipToHead{RelationshipKind::kCohabitant, {}, std::nullopt};

  RelationshipToHead result{RelationshipKind::kKin, {}, std::nullopt};
  std::string_view rest = s;
  static constexpr std::string_view kNo = "の";
  while (true) {
    // The longest term at the start: 子（子の妻） holds a 「の」 of its own, so the chain cannot
    // simply be split at every 「の」.
    const TermText* found = nullptr;
    for (const TermText& t : kTerms) {
      if (rest.starts_with(t.text) && (!found || t.text.size() > found->text.size()) &&
          (rest.size() == t.text.size() || rest.substr(t.text.size()).starts_with(kNo))) {
        found = &t;
      }
    }
    if (!found) {
      const std::string_view part = rest.substr(0, rest.find(kNo));
      if (part.empty()) {
        return MakeError(ErrorCode::kInvalidInput, "relationship.empty_term",
                         "empty term between の");
      }
      for (std::string_view banned : kProhibited) {
        if (part == banned) {
          return MakeError(ErrorCode::kRuleViolation, "relationship.prohibited_term",
                           "term not allowed by JK-1.1.11");
        }
      }
      return MakeError(ErrorCode::kInvalidInput, "relationship.unknown_term",
                       "term " + std::to_string(result.chain.size() + 1) + " is not a kin term");
    }
    result.chain.push_back(found->term);
    rest.remove_prefix(found->text.size());
    if (rest.empty()) break;
    rest.remove_prefix(kNo.size());
    if (rest.empty()) {
      return MakeError(ErrorCode::kInvalidInput, "relationship.empty_term",
                       "empty term after the last の");
    }
  }
  if (result.chain.size() > kMaxRelationshipTerms) {
    // JK-1.1.11: five or more generations are recorded as 縁故者.
    return RelationshipToHead{
        RelationshipKind::kRelated, {}, std::string("relationship.folded_to_related")};
  }
  return result;
}

}  // namespace jrr
