// SPDX-License-Identifier: Apache-2.0
//
// 仮登録一覧の画面 (JK-4.0.8) — the open 仮登録 as template data, all or 一部 (by 入力場所 and by
// 異動者), and what the approver is told of each 本登録 or 取消. Pure presenters: no session, no
// desk, no socket (tests/web/changes/pending_screen_test.cpp checks them alone);
// web/src/changes/pending_pages.cpp asks the desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "jrr/domain/records/pending_changes.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr::web {

// The list: the 入力場所 offered (those with an entry, the chosen one selected), the filter echoed,
// the 仮登録 it selects (each with its summary, 入力日 in 和暦, 入力者, place and persons), how many
// of how many, and whether 本登録 of all shown is offered (no more than kBulkApprovalLimit).
void PresentPendingList(kainjow::mustache::data& page, const std::vector<PendingChange>& open,
                        const PendingFilter& filter);
// One 本登録's outcome in a sentence: the 異動 it recorded, or why it was not recorded (the
// message and its rule id).
std::string ApprovalNotice(int64_t pending_id, const Result<ChangeOutcome>& outcome);

}  // namespace jrr::web
