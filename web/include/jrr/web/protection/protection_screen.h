// SPDX-License-Identifier: Apache-2.0
//
// 抑止・支援措置の画面 (JK-3.1, 3.4, 1.1.16, 2.2.4) — the /protection list and the /support details
// as template data, from what ProtectionDesk answered (the desk decides who may see them). Pure
// presenters: no session, no desk, no socket (tests/web/protection/protection_screen_test.cpp checks
// them alone); web/src/protection/protection_pages.cpp and support_pages.cpp ask and render.
#pragma once

#include <kainjow/mustache.hpp>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/protection/protection.h"

namespace jrr::web {

// A 抑止 as a row: 住民 or 世帯, the operation, エラー or アラート, the period, and its state on
// `today` (有効, 開始前, 解除 with the day); `open` while it can still be ended or released.
kainjow::mustache::data PresentBlock(const Block& block, CalendarDate today);
// A 支援措置 as a row: state, kind, 申出者, the period (仮 from its start while provisional), the
// アラート of `today` (expiring, expired) with their messages, and `provisional` / `open` for the
// steps it offers.
kainjow::mustache::data PresentMeasure(const SupportMeasure& measure, CalendarDate today);
// 支援措置の詳細: every version, newest first (`latest` on the first), with the persons protected
// with the 申出者, the affairs restricted, the contact and the 加害者 as recorded.
kainjow::mustache::data PresentMeasureVersions(const std::vector<SupportMeasure>& versions);

}  // namespace jrr::web
