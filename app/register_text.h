// SPDX-License-Identifier: Apache-2.0
//
// The text `jrr show` prints: a record as a clerk reads it (Japanese labels, 和暦 dates, 西暦 for a
// foreign resident's 生年月日 and 在留期間満了日 per JK-1.1.9), and its 異動 history.
#pragma once

#include <string>
#include <vector>

#include "jrr/domain/records/remarks.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr::app {

std::string RecordText(const ResidentRecord& record);
std::string HistoryText(const std::vector<ResidentRepository::HistoryEntry>& history);
// 統合記載欄 (A/B/C) and, marked as never printed, the current memos.
std::string RemarksText(const std::vector<IntegratedRemarkLine>& lines,
                        const std::vector<Memo>& memos);

}  // namespace jrr::app
