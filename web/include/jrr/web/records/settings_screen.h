// SPDX-License-Identifier: Apache-2.0
//
// 設定の画面 (JK-1.3.1, 1.3.9) — the /settings screen as template data, from what SettingsDesk
// showed. Pure presenter: no session, no desk, no socket
// (tests/web/records/settings_screen_test.cpp checks it alone); web/src/records/settings_pages.cpp
// asks the desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>

#include "jrr/domain/records/settings_desk.h"

namespace jrr::web {

// The 認証者 (市区町村長 or 職務代理者) with their periods in 和暦, the 入力場所, the 端末 and
// プリンタ, the 文字溢れ policy and the 印鑑登録 limits, each choice marked for its radio button.
void PresentSettings(kainjow::mustache::data& page, const SettingsView& view);
// A size in mm as a clerk writes it and as JSON takes it: 8, 8.5.
std::string MillimetreText(double value);

}  // namespace jrr::web
