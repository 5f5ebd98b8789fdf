// SPDX-License-Identifier: Apache-2.0
//
// 設定 as text: one reading of a settings change shared by `jrr settings`, the /settings screen and
// /api/v1/settings. Names: action (add-certifier: role mayor|acting, title, name, from, to;
// add-place: code, name; add-terminal / add-printer: id, place, name; set-overflow: policy
// limit|blank; set-seal: minimum-age, too-small-mm, too-large-mm, inquiry-days, end-on
// planned|notified, print-sex yes|no — only what is given changes).
#pragma once

#include "jrr/domain/records/settings_desk.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {

// Errors: settings.unknown_action, settings.bad_value, date.*, and those of SettingsDesk.
Status ApplySettingsAction(SettingsDesk& desk, const FieldLookup& value);

}  // namespace jrr::web
