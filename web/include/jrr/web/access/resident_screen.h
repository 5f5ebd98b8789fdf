// SPDX-License-Identifier: Apache-2.0
//
// 住民票の照会の画面 (JK-2.2) — what the resident view shows, as template data, from what the gate
// answered (ResidentAccess::View) and what this viewer may see. Pure presenters: no session, no
// desk, no socket (tests/web/access/resident_screen_test.cpp checks them alone);
// web/src/access/resident_pages.cpp asks the gate and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/security/viewer.h"

namespace jrr::web {

// The person: the protection marker and alerts, the 除票 items, every item — those this viewer
// may not see marked so (JK-10.4) — the name's glyphs, the history, the 旧氏・通称 history and the
// 交付履歴, and the 統合記載欄.
kainjow::mustache::data PresentPerson(const PersonView& view, const Viewer& viewer);
// 世帯 (JK-2.2.1, 3.3): who lives in the household now and its members removed from it (転出, 死亡
// …) as 除票, marked so; a hit the gate returned withheld (SearchHit::withheld) shows only the
// marker (the gate may also leave someone out). `self` is the person viewed.
void PresentHouseholdMembers(kainjow::mustache::data& person, const std::vector<SearchHit>& members,
                             const std::string& self);
// 交付履歴 (JK-2.2.2, 1.3.8): the certificates that named this person.
void PresentIssuances(kainjow::mustache::data& person,
                      const std::vector<IssuanceRecord>& issuances);

// 統合記載欄 (JK-1.1.14): each line as 異動 (A), 留意事項 (B) or 備考 (C), in order.
void PresentRemarks(kainjow::mustache::data& person,
                    const std::vector<IntegratedRemarkLine>& remarks);

}  // namespace jrr::web
