// SPDX-License-Identifier: Apache-2.0
//
// CS連携の画面 (JK-4.1.1.3, 4.1.3.1.2) — the /cs lists as template data, from what CsDesk answered.
// Pure presenter: no session, no desk, no socket (tests/web/cs/cs_screen_test.cpp checks it alone);
// web/src/cs/cs_pages.cpp asks the desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <vector>

#include "jrr/domain/cs/cs_message.h"

namespace jrr::web {

// The messages sent (`outbox`) or received, each with its kind and state in words, the failed
// attempts, the 異動 it belongs to, the people a 転出証明書情報 names (氏名 and 生年月日 as
// printed), `waiting` on one waiting for its 特例転入 (the list's button fills the 転入 form), and
// `attention` on what a clerk must act on (取込エラー; a message that could not be delivered).
kainjow::mustache::data PresentCsMessages(const std::vector<CsEntry>& entries, bool outbox);

}  // namespace jrr::web
