// SPDX-License-Identifier: Apache-2.0
//
// 戸籍の附票の画面 (住基法第16条〜第20条) — what the /fuhyo and /fuhyo/notices screens show, as
// template data, from what FuhyoDesk answered. Pure presenters: no session, no desk, no socket
// (tests/web/fuhyo/fuhyo_screen_test.cpp checks them alone); web/src/fuhyo/fuhyo_pages.cpp asks the
// desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/fuhyo/fuhyo.h"

namespace jrr::web {

// A search's 附票 (`hits`, `count`, `searched`): state, 本籍, 筆頭者 and the number of members.
void PresentFuhyoHits(kainjow::mustache::data& page, const std::vector<Fuhyo>& found);
// One 附票 with its members: 氏名 and 振り仮名, 生年月日 in 和暦 and 男女の別, 在外選挙人名簿, the
// 消除 reason, every 住所 since when and by what (国外 as 国外転出者), and a 支援措置 that runs on
// `today` (one that has ended is not shown as running).
kainjow::mustache::data PresentFuhyo(const Fuhyo& f, CalendarDate today);
// 附票記載事項通知 sent (`outbox`) or received: each with its state in words, the failed attempts,
// and `attention` on what a clerk must act on (a notice that could not be delivered; one received
// and refused).
kainjow::mustache::data PresentFuhyoNotices(const std::vector<FuhyoNoticeEntry>& entries,
                                            bool outbox);

}  // namespace jrr::web
