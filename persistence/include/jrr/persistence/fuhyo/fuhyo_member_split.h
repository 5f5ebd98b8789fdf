// SPDX-License-Identifier: Apache-2.0
//
// 附票記載者の同一性 — each 附票 member is one person (住基法第17条). An older jrr matched a notice to
// a member on 氏 *or* 名, so a member could hold several people (twins, siblings, a parent and a
// child before 2022-01-11). This file reads a member's history as a sequence of people and:
//
//   VerifyFuhyoMembers        lists the members whose versions name more than one person
//                             (`jrr fuhyo verify`);
//   SplitMergedFuhyoMembers   gives each extra person a member of their own, with their versions
//                             and address lines written anew, and marks the rows they leave in
//                             fuhyo_member_moved (schema 0029); nothing is deleted. Migration 29
//                             runs it once; it is idempotent.
//
// Who a version is: a version written by this municipality's 異動 ("異動 N") is the resident of
// that 異動 with its 氏名 and 生年月日 (the 住民記録 knows their 宛名番号); otherwise SamePerson()
// (domain/fuhyo/fuhyo.h) decides from the 住民票コード, 生年月日, 性別 and 氏名. An address line written by
// a 異動 belongs to the people of this member that 異動 moved (a household moving together shares
// a line: each keeps a copy); any other line stays with the person it cannot be told from, the
// member's first, and is counted as uncertain in the report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "jrr/persistence/core/database.h"

namespace jrr {

struct FuhyoMemberProblem {
  int64_t fuhyo_id = 0;
  int64_t member_id = 0;
  int people = 0;     // how many people its versions name
  std::string names;  // their 氏名, for the clerk: 「双子　一郎、双子　二郎」
};

// Every member whose current (not moved) versions name more than one person.
std::vector<FuhyoMemberProblem> VerifyFuhyoMembers(Database& db);

struct FuhyoSplitReport {
  int members_split = 0;    // members that held more than one person
  int members_added = 0;    // new members, one per extra person
  int lines_uncertain = 0;  // address lines left with the first person for want of a source
};

// Inside the caller's transaction. Logs one アクセスログ entry (附票記載者の分離) when it splits any.
FuhyoSplitReport SplitMergedFuhyoMembers(Database& db);

// The 宛名番号 of the resident this municipality's 異動 last wrote the member for (by that 異動's
// version with the member's 氏名 and 生年月日), or empty when no 異動 of ours wrote it or it cannot
// be told. How a notice of our own 住民記録 tells a member written before 生年月日 was an item
// (2022-01-11) from someone of the same name.
std::string ResidentOfMember(Database& db, int64_t member_id);

}  // namespace jrr
