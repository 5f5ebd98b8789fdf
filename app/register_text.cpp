// SPDX-License-Identifier: Apache-2.0
#include "register_text.h"

namespace jrr::app {
namespace {

std::string Date(const std::optional<RecordedDate>& date) {
  return date ? FormatRecordedDate(*date, DisplayCalendar::kWareki) : "（なし）";
}

std::string Day(const std::optional<CalendarDate>& date) {
  return date ? FormatWareki(*date) : "（なし）";
}

std::string Line(const char* label, const std::string& value) {
  return std::string(label) + "：" + value + "\n";
}

// A number a 異動 has not been recorded with yet (入力確認) shows as such, not as a placeholder.
std::string Number(const std::string& number) {
  if (number.starts_with(kNewPersonPrefix) || number.starts_with(kNewHouseholdPrefix)) {
    return "（新規：記録時に付番）";
  }
  return number;
}

}  // namespace

std::string RecordText(const ResidentRecord& r) {
  const bool foreign = r.kind == ResidentKind::kForeign;
  std::string out;
  out += Line("宛名番号",
              Number(r.addressee_number) + "（履歴番号 " + std::to_string(r.history_number) + "）");
  out += Line("世帯番号", Number(r.household_number));
  out += Line("状態", std::string(r.status == ResidentStatus::kResident ? "住民" : "除票") +
                          (foreign ? "（外国人住民）" : "（日本人住民）"));
  out += Line("氏名", r.DisplayName());
  if (foreign && !r.family_name.empty())
    out += Line("漢字氏名", r.family_name + "\u3000" + r.given_name);
  if (!r.family_kana.empty() || !r.given_kana.empty()) {
    out += Line("フリガナ", r.family_kana + "\u3000" + r.given_kana +
                                (r.kana_confirmed ? "（確認済）" : "（未確認）"));
  }
  if (!r.former_surname.empty()) out += Line("旧氏", r.former_surname);
  if (!r.common_name.empty()) out += Line("通称", r.common_name);
  out += Line("生年月日", BirthDateText(r));
  out += Line("性別", r.sex == Sex::kMale ? "男" : "女");
  out += Line("続柄", r.relationship.Text());
  if (!foreign) {
    switch (r.domicile.state) {
      case Domicile::State::kRecorded:
        out += Line("本籍", r.domicile.place);
        out += Line("筆頭者", r.domicile.head_of_family);
        break;
      case Domicile::State::kNone:
        out += Line("本籍", "なし");
        break;
      case Domicile::State::kUnknown:
        out += Line("本籍", "不明");
        break;
    }
  } else {
    out += Line("国籍・地域", r.foreign.nationality);
    out += Line("在留資格", r.foreign.status_of_residence);
    if (r.foreign.period_expiry)
      out += Line("在留期間満了日", FormatSeireki(*r.foreign.period_expiry));
  }
  out += Line("住民となった年月日", Date(r.resident_since));
  out += Line("住所", r.address.Printed());
  out += Line("住所を定めた年月日", Date(r.address_since));
  out += Line("届出の年月日", Day(r.notification_date));
  if (!r.previous_address.empty()) out += Line("転入前住所", r.previous_address.Printed());
  if (r.removal) {
    out += Line("消除事由", std::string(InfoOf(r.removal->reason).name_ja));
    out += Line("事由の生じた年月日",
                FormatRecordedDate(r.removal->effective, DisplayCalendar::kWareki));
    if (!r.removal->planned_destination.empty()) {
      out += Line("転出先住所（予定）", r.removal->planned_destination.Printed());
    }
  }
  return out;
}

std::string HistoryText(const std::vector<ResidentRepository::HistoryEntry>& history) {
  std::string out = "異動履歴：\n";
  for (const auto& entry : history) {
    const ChangeRecord& c = entry.change;
    out += "  " + std::to_string(entry.version.history_number) + "  " +
           std::string(InfoOf(c.reason).name_ja) + "  異動日 " +
           FormatRecordedDate(c.event_date, DisplayCalendar::kWareki) + "  届出日 " +
           Day(c.notification_date) + "  処理日 " + FormatWareki(c.processing_date) +
           (c.ex_officio ? "  職権" : "") + (c.on_request ? "（申出）" : "") + "  " +
           c.operator_id + "（" + c.place + "／" + c.terminal + "）\n";
  }
  return out;
}

std::string RemarksText(const std::vector<IntegratedRemarkLine>& lines,
                        const std::vector<Memo>& memos) {
  std::string out = "統合記載欄：\n";
  for (const IntegratedRemarkLine& line : lines) {
    out += std::string("  ") + line.kind + "  " + line.text + "\n";
  }
  if (!memos.empty()) {
    out += "メモ（証明書には記載されません）：\n";
    for (const Memo& memo : memos) {
      out += "  #" + std::to_string(memo.memo_id) + "  " + memo.text + "（" + memo.operator_id +
             " " + memo.recorded_at + "）\n";
    }
  }
  return out;
}

}  // namespace jrr::app
