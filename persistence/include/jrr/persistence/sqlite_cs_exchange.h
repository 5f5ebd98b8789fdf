// SPDX-License-Identifier: Apache-2.0
//
// CS連携 on SQLite (schema 0025): the messages a 異動 sends to other municipalities, the messages
// received from them, and the 転入通知 recorded without a clerk (cs_message.h says what each is).
//
//   ApplyCsEffects    runs inside ResidentRepository::Append's transaction (and the bulk loader's):
//                     queues the 転出証明書情報 of a 特例転出 and the 転入通知 of a 国内転入 from
//                     another municipality, and takes up the 転出証明書情報 a 特例転入 names.
//   ReceiveCsMessage  records a received message once; a 転入通知 is recorded as a 転入通知の受理
//                     異動 in the same transaction (JK-4.1.3.1.2), or kept with the rule id that
//                     refused it for a clerk (転入通知情報取込エラー一覧).
//   CsOutbox, CsInbox the lists, newest first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/calendar_date.h"
#include "jrr/domain/change.h"
#include "jrr/domain/cs_message.h"
#include "jrr/domain/resident_access.h"
#include "jrr/domain/result.h"
#include "jrr/persistence/database.h"
#include "jrr/persistence/outbox.h"

namespace jrr {

// What ApplyCsEffects otherwise reads for every 異動 (this municipality, the outbox's next id),
// kept by a bulk loader across its 異動: while it is the register's only writer they cannot change.
// Filled at the first 異動.
struct CsWorkingSet {
  bool known = false;
  std::string code;      // this municipality's 団体コード; empty before `jrr init`
  std::string ours;      // its name as messages route it (OurMunicipalityName)
  int64_t next_row = 0;  // cs_outbox's next rowid, which the message id carries
};

// Errors: cs.move_out_information_unknown (kNotFound: not received, or not a 転出証明書情報 that
// could be read), cs.move_out_information_used (a 特例転入 took it up already).
Status ApplyCsEffects(Database& db, const ChangeOutcome& outcome, CsWorkingSet* working = nullptr);


// `today` and `now_epoch_seconds` date the 異動 a 転入通知 records (operator "cs-inbox", place "CS").
// Errors: cs.malformed (the envelope), cs.not_ours.
Result<CsReceipt> ReceiveCsMessage(Database& db, std::string_view body, CalendarDate today, int64_t now_epoch_seconds);
// The same for a person or an adapter acting as `viewer`: the 異動入力 permission. Errors: also
// access.permission_denied.
Result<CsReceipt> ReceiveCsMessageAs(Database& db, const Viewer& viewer, std::string_view body);

// The lists as a person sees them: the 異動入力 permission (the messages carry residents' items),
// and an アクセスログ entry. Errors: access.permission_denied.
Result<std::vector<CsEntry>> ListCsMessages(Database& db, AuditLog& log, const Viewer& viewer, bool outbox,
                                            bool waiting = false);

std::vector<CsEntry> CsOutbox(Database& db, int limit);
// `waiting`: only 転出証明書情報 no 特例転入 has taken up yet.
std::vector<CsEntry> CsInbox(Database& db, int limit, bool waiting = false);
std::optional<CsEntry> CsInboxMessage(Database& db, std::string_view notice_id);

}  // namespace jrr
