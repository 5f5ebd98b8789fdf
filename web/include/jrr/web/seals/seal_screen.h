// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録の画面 — what the /seal screen shows, as template data, from what SealDesk answered.
// Pure presenters: no session, no desk, no socket (tests/web/seals/seal_screen_test.cpp checks them
// alone); web/src/seals/seal_pages.cpp asks the desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "jrr/domain/seals/seal_registration.h"

namespace jrr::web {

// A person's 原票 (`entries`, `count`, `has_entries`): each entry's state, 登録番号, 登録証, what
// the seal shows, its size, how far it went (申請, 回答期限 while 照会中, 登録, the end and its
// reason) and which steps it offers (照会中: 回答・取下げ; 登録: 亡失・廃止・証明書). Each row
// carries the form's `csrf` and `person`.
void PresentSealEntries(kainjow::mustache::data& page, const std::vector<SealRegistration>& entries,
                        const std::string& csrf, const std::string& person);
// What the clerk is told after an application: the numbers to hand over, or that a 照会書 is due.
std::string SealAppliedMessage(const SealRegistration& applied);
// What the clerk is told after a step (回答, 取下げ, 亡失, 廃止): the entry and its new state.
std::string SealStepMessage(const SealRegistration& done);

}  // namespace jrr::web
