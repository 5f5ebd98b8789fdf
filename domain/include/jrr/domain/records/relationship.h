// SPDX-License-Identifier: Apache-2.0
//
// 続柄 — RelationshipToHead: how a member is related to the 世帯主 (JK-1.1.11).
//
// Allowed: 世帯主; the kin terms 夫 妻 夫（未届） 妻（未届） 子 子（子の夫） 子（子の妻） 父 母 兄 姉 弟 妹
// (子（子の夫）/子（子の妻）: a child's spouse who is also the head's child by adoption); chains of those terms
// joined by 「の」 up to four terms (子の子の子の子, 妻の父, 子の妻); 縁故者; 同居人. A chain of five or
// more terms is recorded as 縁故者, with an アラート so the clerk sees the change. Terms outside the
// list (祖父, 祖母, 孫, おじ, おば, 甥, 姪, 家事使用人, 準世帯主 …) are refused: the standard forbids
// managing them, and each has a correct chain (孫 is 子の子).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"

namespace jrr {

enum class KinTerm {
  kHusband,
  kWife,
  kHusbandUnregistered,
  kWifeUnregistered,
  kChild,
  kFather,
  kMother,
  kElderBrother,
  kElderSister,
  kYoungerBrother,
  kYoungerSister,
  kChildHusband,  // 子（子の夫）
  kChildWife,     // 子（子の妻）
};

// 子, 子（子の夫） or 子（子の妻）: the head's child, for the order of members (JK-5.2).
inline bool IsChildTerm(KinTerm t) {
  return t == KinTerm::kChild || t == KinTerm::kChildHusband || t == KinTerm::kChildWife;
}

enum class RelationshipKind {
  kHead,        // 世帯主
  kKin,         // a chain of kin terms
  kRelated,     // 縁故者
  kCohabitant,  // 同居人
};

inline constexpr std::size_t kMaxRelationshipTerms = 4;

struct RelationshipToHead {
  RelationshipKind kind = RelationshipKind::kHead;
  std::vector<KinTerm> chain;  // non-empty iff kind == kKin
  // Set when the input was a chain of five or more terms recorded as 縁故者: the アラート
  // relationship.folded_to_related must be acknowledged.
  std::optional<std::string> alert_rule;

  // The text as printed: 世帯主, 子の妻, 夫（未届）, 縁故者 … (full-width parentheses).
  std::string Text() const;
  friend bool operator==(const RelationshipToHead&, const RelationshipToHead&) = default;
};

// Parses a 続柄 as typed: surrounding spaces are ignored and half-width parentheses accepted.
// Errors: text.*, relationship.prohibited_term (祖父, 孫, …), relationship.unknown_term,
// relationship.empty_term (子のの子, a trailing の).
Result<RelationshipToHead> ParseRelationship(std::string_view text);

}  // namespace jrr
