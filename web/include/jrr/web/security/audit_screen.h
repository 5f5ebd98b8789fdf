// SPDX-License-Identifier: Apache-2.0
//
// 監査ログの画面 (JK-10.2) — what the /audit screen shows, as template data, from what AuditDesk
// answered. Pure presenters: no session, no desk, no socket (tests/web/security/audit_screen_test.cpp
// checks them alone); web/src/security/audit_pages.cpp asks the desk and renders.
#pragma once

#include <kainjow/mustache.hpp>
#include <vector>

#include "jrr/domain/security/audit_desk.h"
#include "jrr/web/core/http.h"

namespace jrr::web {

// One log entry as a row: a search names the first five people it found, then how many more.
kainjow::mustache::data AuditEntryRow(const AuditEntry& entry);
// The form as asked: the fields echoed back, and the kinds and the reports offered, the chosen
// ones selected.
void PresentAuditForm(kainjow::mustache::data& page, const Request& request);
// A search's entries (`result`, `entries`, `shown`).
void PresentAuditEntries(kainjow::mustache::data& page, const std::vector<AuditEntry>& entries);
// An analysis list: its entries, and its counts per operator and day (with the hits of a
// 大量検索).
void PresentAuditReport(kainjow::mustache::data& page, const AuditReport& report);

}  // namespace jrr::web
