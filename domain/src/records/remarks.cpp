// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/remarks.h"

namespace jrr {

std::vector<IntegratedRemarkLine> IntegratedRemarks(
    const std::vector<ResidentRepository::HistoryEntry>& history,
    const std::vector<Remark>& remarks) {
  std::vector<IntegratedRemarkLine> lines;
  int64_t last_change = 0;
  for (const auto& entry : history) {
    const ChangeRecord& c = entry.change;
    if (c.change_id == last_change) continue;  // one 異動 writing two versions (帰化) is one line
    last_change = c.change_id;
    std::string a = FormatRecordedDate(c.event_date, DisplayCalendar::kWareki) + "　" +
                    std::string(InfoOf(c.reason).name_ja);
    if (c.on_request)
      a += "（" + (c.notification_date ? FormatWareki(*c.notification_date) : std::string()) +
           "申出）";
    else if (c.notification_date)
      a += "（" + FormatWareki(*c.notification_date) + "届出）";
    if (c.ex_officio && !c.notification_date) a += "（職権）";
    lines.push_back({'A', a});
    if (!c.note.empty()) lines.push_back({'B', c.note});
  }
  for (const Remark& r : remarks) lines.push_back({'C', r.text});
  return lines;
}

}  // namespace jrr
