// SPDX-License-Identifier: Apache-2.0
//
// 異動の入力画面 (JK-4) — the parts of the 異動 form that are data only: field names as template
// keys, the 転入's blocks of newcomers, the form filled from the person it was opened for, the
// household's people to tick as 異動者, and the 本籍・筆頭者 candidates (JK-4.0.6). Pure presenters
// (tests/web/changes/change_screen_test.cpp checks them alone); web/src/changes/change_pages.cpp
// asks the gate and the desks, and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "jrr/domain/access/resident_access.h"

namespace jrr::web {

// The fields of a form as posted, in order (a name may repeat: `movers:list`).
using Fields = std::vector<std::pair<std::string, std::string>>;

// A form field's value key for the template ("v_" and the name, dots and colons made '_': they
// are not mustache names).
std::string ValueKey(std::string name);
// 転入: one block of fields a person (persons.N.…) as entered, numbered from 1; one empty block
// when none was.
void PresentNewcomers(kainjow::mustache::data& page, const Fields& fields);
// The form opened from a person: their record as it stands in every field a 異動 type starts
// from (住所・本籍の変更前, 修正, 出生's 氏 and 本籍, 帰化, 在留資格等 in 西暦, 転出先).
void PresentRecordPrefill(kainjow::mustache::data& page, const ResidentRecord& record);
// The household's people to tick as 異動者: ticked as `movers` says, with the 異動後の続柄 entered;
// a hit the gate returned withheld (SearchHit::withheld) shows only the marker.
kainjow::mustache::data PresentMovers(const std::vector<SearchHit>& hits,
                                      const std::set<std::string>& movers,
                                      const std::map<std::string, std::string>& relationships);
// 本籍入力補助 (JK-4.0.6): the 本籍 and 筆頭者 offered.
void PresentCandidates(kainjow::mustache::data& page, const std::vector<std::string>& places,
                       const std::vector<std::string>& heads);

}  // namespace jrr::web
