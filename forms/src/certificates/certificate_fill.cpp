// SPDX-License-Identifier: Apache-2.0
#include "jrr/forms/certificates/certificate_fill.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/records/change_reason.h"
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/forms/certificates/certificate_layout.h"

namespace jrr::forms {
namespace {

const std::string kMark(kOmittedMark);

std::string Wareki(const RecordedDate& date) {
  return FormatRecordedDate(date, DisplayCalendar::kWareki);
}
std::string Wareki(const std::optional<RecordedDate>& date) {
  return date ? Wareki(*date) : std::string();
}
std::string Wareki(const std::optional<CalendarDate>& date) {
  return date ? FormatWareki(*date) : std::string();
}

std::string Joined(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += "\u3000";
    out += p;
  }
  return out;
}

std::string Bracketed(const std::string& kana) {
  return kana.empty() ? std::string() : "（" + kana + "）";
}

// Each field's text for one person, by the layout's field names.
std::map<std::string, std::string, std::less<>> MemberValues(const CertificatePlan& plan,
                                                             const PrintedPerson& p) {
  const ResidentRecord& r = p.record;
  const bool foreign = r.kind == ResidentKind::kForeign;
  auto printed = [&](OptionalItem item, std::string value) {
    return plan.items.contains(item) ? value : kMark;
  };
  auto address = [&](const Address& a) { return plan.katagaki ? a.Printed() : a.text + a.banchi; };
  std::map<std::string, std::string, std::less<>> v;

  // 氏名の振り仮名 (住基法第7条, from 2025-05-26): the reading the 戸籍 confirmed, for a Japanese
  // resident only. A reading not yet confirmed is a search aid, not a 記載事項, and a foreign
  // resident has none (the 在留カード carries none): both leave the cell blank.
  if (!foreign && r.kana_confirmed) v["member.kana"] = Joined({r.family_kana, r.given_kana});
  std::string name = r.DisplayName();
  if (foreign && !r.foreign.alphabet_name.empty() && !r.family_name.empty()) {
    name += "\u3000" + Joined({r.family_name, r.given_name});  // 漢字併記
  }
  v["member.name"] = name;
  v["member.individual_number"] = printed(OptionalItem::kIndividualNumber, r.individual_number);
  v["member.resident_record_code"] =
      printed(OptionalItem::kResidentRecordCode, r.resident_record_code);
  v["member.birth"] = BirthDateText(r);
  v["member.sex"] = r.sex == Sex::kMale ? "男" : "女";
  v["member.relationship"] = printed(OptionalItem::kHeadAndRelationship, r.relationship.Text());
  v["member.resident_since"] = Wareki(r.resident_since);
  if (foreign) {
    // A foreign resident's item is 外国人住民となった年月日 (JK-1.1.2, 5.1), under its own label.
    v["member.resident_since.label"] = "外国人住民となった年月日";
    v["member.resident_since"] = Wareki(r.foreign.foreign_resident_since);
    // The 通称 is a 記載事項 printed on every copy; what a requester may leave out is only the
    // 通称の記載及び削除に関する事項 (JK-5.1), so no mark hints that a 通称 exists or not.
    if (!r.common_name.empty()) {
      v["member.former_name"] =
          "通称 " + r.common_name + (plan.furigana ? Bracketed(r.common_name_kana) : std::string());
    }
  } else if (!r.former_surname.empty()) {
    v["member.former_name"] = "旧氏 " + r.former_surname + Bracketed(r.former_surname_kana);
  }
  v["member.address_since"] = Wareki(r.address_since);
  if (!foreign) {
    const bool recorded = r.domicile.state == Domicile::State::kRecorded;
    v["member.domicile"] = printed(OptionalItem::kDomicile, DomicilePlaceText(r.domicile));
    v["member.head_of_family"] =
        printed(OptionalItem::kDomicile, recorded ? r.domicile.head_of_family : std::string());
  }
  v["member.notified"] = Wareki(r.notification_date);
  v["member.previous_address"] = address(r.previous_address);

  std::string remarks;
  if (foreign) {
    const ForeignResidentItems& f = r.foreign;
    std::string expiry = f.period_expiry ? FormatSeireki(*f.period_expiry) : std::string();
    // Each period under its own name: 在留期間 (with its 満了の日), 上陸期間 of a 一時庇護許可者,
    // 仮滞在期間 of a 仮滞在許可者 (法第30条の45).
    std::string period;
    if (!f.period_of_stay.empty()) {
      period = "在留期間 " + f.period_of_stay + (expiry.empty() ? "" : "（満了日 " + expiry + "）");
    } else if (!f.landing_period.empty()) {
      period = "上陸期間 " + f.landing_period;
    } else if (!f.provisional_stay_period.empty()) {
      period = "仮滞在期間 " + f.provisional_stay_period;
    } else if (!expiry.empty()) {
      period = "在留期間の満了の日 " + expiry;
    }
    // A 特別永住者 has no 在留資格 and holds a 特別永住者証明書, not a 在留カード (JK-1.1.2).
    const bool special = f.category == ForeignCategory::kSpecialPermanent;
    std::string card;
    if (special && !f.special_permanent_certificate_number.empty()) {
      card = "特別永住者証明書番号 " + f.special_permanent_certificate_number;
    } else if (!f.residence_card_number.empty()) {
      card = "在留カード番号 " + f.residence_card_number;
    }
    const std::string status = special || f.status_of_residence.empty()
                                   ? std::string()
                                   : "在留資格 " + f.status_of_residence;
    remarks =
        printed(OptionalItem::kForeignItems,
                Joined({"国籍・地域 " + f.nationality,
                        std::string(ForeignCategoryNameJa(f.category)), status, period, card}));
  }
  if (r.removal && !p.move_out_pending) {
    const RemovalItems& removal = *r.removal;
    v["member.removal"] =
        std::string(InfoOf(removal.reason).name_ja) + " " + Wareki(removal.effective);
    // The 転出先 as declared (予定) until the 転入通知 confirms it (確定) (JK-1.1.5).
    const bool confirmed = !removal.confirmed_destination.empty();
    const Address& to = confirmed ? removal.confirmed_destination : removal.planned_destination;
    if (!to.empty()) {
      remarks = Joined(
          {remarks, std::string(confirmed ? "転出先（確定） " : "転出先（予定） ") + address(to)});
    }
    v["member.destination"] = address(removal.planned_destination);
    v["member.planned_date"] = Wareki(removal.effective);
  }
  v["member.remarks"] = remarks;
  return v;
}

PlacedText Text(std::string field, std::string atena, Box box, FontRole font, double size,
                std::string text, Align align = Align::kLeft) {
  return TextAt(std::move(field), std::move(atena), box, font, size, std::move(text), align);
}

void AddMemberBlock(Sheet& sheet, const CertificatePlan& plan, const PrintedPerson& person,
                    double top) {
  const MemberBlockLayout& block =
      plan.kind == CertificateKind::kMoveOut ? MoveOutMemberBlock() : MemberBlock();
  const auto values = MemberValues(plan, person);
  const std::string& atena = person.record.addressee_number;
  auto shift = [top](Box b) { return Box{b.x, b.y + top, b.w, b.h}; };
  // 消除事由 belongs to the 除票 only: elsewhere the cell stays empty, label and all.
  const bool removed_kind = plan.kind == CertificateKind::kRemovedCopy ||
                            plan.kind == CertificateKind::kRemovedItemCertificate;
  for (const FieldSpec& f : block.fields) {
    const bool shown = f.name != "member.removal" || removed_kind;
    auto found = values.find(f.name);
    std::string value = found == values.end() || !shown ? std::string() : found->second;
    // A person's own label where the item differs by kind of resident (外国人住民となった年月日).
    auto relabel = values.find(std::string(f.name) + ".label");
    std::string label = relabel == values.end() ? std::string(f.label) : relabel->second;
    sheet.texts.push_back(Text(std::string(f.name) + ".label", atena, shift(f.label_box),
                               FontRole::kGothic, 6.5, shown ? label : std::string(),
                               Align::kCenter));
    sheet.texts.push_back(
        Text(std::string(f.name), atena, shift(f.value_box), f.font, f.size_pt, value));
  }
  for (const Rule& r : block.rules)
    sheet.rules.push_back({r.x1, r.y1 + top, r.x2, r.y2 + top, r.width_mm});
}

void AddPageHeader(Sheet& sheet, const CertificatePlan& plan, const PageLayout& page) {
  sheet.texts.push_back(
      Text("title", "", page.title, FontRole::kGothic, 16, plan.title, Align::kCenter));
  if (plan.official_mark) {
    PlacedText mark = Text("official_mark", "", page.official_mark, FontRole::kGothic, 14, "公用",
                           Align::kCenter);
    mark.framed = true;
    sheet.texts.push_back(mark);
  }
  sheet.texts.push_back(Text("header.address.label", "", page.header_address_label,
                             FontRole::kGothic, 8, "住所", Align::kCenter));
  sheet.texts.push_back(Text("header.address", "", page.header_address, FontRole::kMincho, 11,
                             plan.household_address));
  sheet.texts.push_back(Text("header.head.label", "", page.header_head_label, FontRole::kGothic, 8,
                             "世帯主", Align::kCenter));
  sheet.texts.push_back(
      Text("header.head", "", page.header_head, FontRole::kMincho, 11,
           plan.items.contains(OptionalItem::kHeadAndRelationship) ? plan.head_name : kMark));
  const Box& f = page.header_frame;
  const double kFrame = 0.4;
  sheet.rules.push_back({f.x, f.y, f.x + f.w, f.y, kFrame});
  sheet.rules.push_back({f.x, f.y + f.h / 2, f.x + f.w, f.y + f.h / 2, 0.15});
  sheet.rules.push_back({f.x, f.y + f.h, f.x + f.w, f.y + f.h, kFrame});
  sheet.rules.push_back({f.x, f.y, f.x, f.y + f.h, kFrame});
  sheet.rules.push_back({f.x + f.w, f.y, f.x + f.w, f.y + f.h, kFrame});
  sheet.rules.push_back({page.header_address.x, f.y, page.header_address.x, f.y + f.h, 0.15});
}

void AddFooter(Sheet& sheet, const CertificatePlan& plan, const PageLayout& page) {
  sheet.texts.push_back(Text("footer.certification", "", page.certification, FontRole::kMincho,
                             10.5, plan.certification_text));
  sheet.texts.push_back(Text("footer.issue_date", "", page.issue_date, FontRole::kMincho, 10.5,
                             FormatWareki(plan.issue_date)));
  if (plan.acting) {
    // The 職務代理者 certifies in the mayor's stead: say whose stead (JK-5.6).
    sheet.texts.push_back(Text("footer.certifier_acting", "", page.certifier_acting,
                               FontRole::kMincho, 10.5, plan.acting_for));
  }
  sheet.texts.push_back(Text("footer.certifier", "", page.certifier, FontRole::kMincho, 12,
                             Joined({plan.certifier_title, plan.certifier_name})));
  if (plan.seal) {
    sheet.seal = page.seal;
    sheet.seal_text = plan.seal_text;
  }
  if (plan.kind != CertificateKind::kInspection) {
    sheet.texts.push_back(Text("footer.seal_note", "", page.seal_note, FontRole::kGothic,
                               plan.seal ? 7 : 10, plan.seal_note, Align::kCenter));
  }
}

// 転出証明書: a QR code a mover, under the movers' blocks on their sheet, so that any household
// fits and each code stays small enough to scan. The codes of a 世帯連記式 certificate make one
// set (part i of n; the 転入地 reads them all); each 個人票 is a certificate of its own with its
// own code.
void AddMoveOutCodes(std::vector<Sheet>& sheets, const CertificatePlan& plan,
                     const std::vector<std::size_t>& people_on_sheet) {
  if (plan.move_out_data.empty()) return;
  const PageLayout& page = CertificatePage();
  const std::vector<std::string> codes = SplitMoveOutData(plan.move_out_data, !plan.household_form);
  const bool one_set = plan.household_form && codes.size() > 1;
  std::size_t next = 0;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (people_on_sheet[i] == 0) continue;
    Sheet& sheet = sheets[i];
    const std::size_t first = next;
    for (std::size_t k = 0; k < people_on_sheet[i] && next < codes.size(); ++k)
      sheet.codes.push_back({page.codes[k], codes[next++]});
    std::string which;
    if (one_set) {
      which = "・" + std::to_string(first + 1) +
              (next - first > 1 ? "〜" + std::to_string(next) : std::string()) + "（全" +
              std::to_string(codes.size()) + "個。すべて読み取る）";
    }
    sheet.texts.push_back(Text("footer.codes_caption", "", page.codes_caption, FontRole::kGothic, 7,
                               std::string(plan.special_move_out ? "特例による転出処理済　" : "") +
                                   "転出証明書情報（二次元コード" + which +
                                   "・形式 JRR-TENSHUTSU/1）"));
  }
}

std::vector<Sheet> FillList(const CertificatePlan& plan, int serial) {
  const ListLayout& list = InspectionList();
  const int rows = static_cast<int>((list.bottom_mm - list.top_mm) / list.row_mm) -
                   1;  // one for the column heads
  std::vector<Sheet> sheets;
  for (std::size_t start = 0; start < plan.people.size(); start += rows) {
    Sheet sheet;
    sheet.texts.push_back(
        Text("title", "", list.title, FontRole::kGothic, 15, plan.title, Align::kCenter));
    sheet.texts.push_back(
        Text("list.area", "", list.area, FontRole::kGothic, 8, plan.list_condition));
    double y = list.top_mm;
    const std::pair<const Box*, const char*> kHeads[] = {{&list.name, "氏名"},
                                                         {&list.birth, "生年月日"},
                                                         {&list.sex, "性別"},
                                                         {&list.address, "住所"}};
    for (const auto& [box, label] : kHeads) {
      sheet.texts.push_back(Text("list.head", "", {box->x, y, box->w, list.row_mm},
                                 FontRole::kGothic, 8, label, Align::kCenter));
    }
    sheet.rules.push_back(
        {list.name.x, y + list.row_mm, list.address.x + list.address.w, y + list.row_mm, 0.4});
    y += list.row_mm;
    for (std::size_t i = start; i < std::min(plan.people.size(), start + rows); ++i) {
      const ResidentRecord& r = plan.people[i].record;
      auto row = [&](const char* field, const Box& column, FontRole font, std::string text,
                     Align align) {
        sheet.texts.push_back(Text(field, r.addressee_number, {column.x, y, column.w, list.row_mm},
                                   font, list.size_pt, std::move(text), align));
      };
      row("list.name", list.name, FontRole::kMincho, r.DisplayName(), Align::kLeft);
      row("list.birth", list.birth, FontRole::kMincho, BirthDateText(r), Align::kLeft);
      row("list.sex", list.sex, FontRole::kMincho, r.sex == Sex::kMale ? "男" : "女",
          Align::kCenter);
      row("list.address", list.address, FontRole::kMincho, r.address.Printed(), Align::kLeft);
      y += list.row_mm;
      sheet.rules.push_back({list.name.x, y, list.address.x + list.address.w, y, 0.1});
    }
    sheets.push_back(std::move(sheet));
  }
  const int total = static_cast<int>(sheets.size());
  for (int i = 0; i < total; ++i) {
    IssueNumber number = plan.number;
    number.serial = serial;
    sheets[i].texts.push_back(Text("number", "", list.number, FontRole::kGothic, 7.5,
                                   number.Text(i + 1, total), Align::kRight));
  }
  return sheets;
}

void AddHistoryHead(Sheet& sheet, double y) {
  const HistoryLayout& h = History();
  const std::pair<const Box*, const char*> kHeads[] = {{&h.date, "異動日"},
                                                       {&h.reason, "異動事由"},
                                                       {&h.notified, "届出日"},
                                                       {&h.content, "記載内容（異動後）"}};
  for (const auto& [box, label] : kHeads) {
    sheet.texts.push_back(Text("history.head", "", {box->x, y, box->w, h.row_mm}, FontRole::kGothic,
                               7, label, Align::kCenter));
  }
  sheet.rules.push_back({h.date.x, y, h.content.x + h.content.w, y, 0.4});
  sheet.rules.push_back({h.date.x, y + h.row_mm, h.content.x + h.content.w, y + h.row_mm, 0.2});
}

// One person's sheets on the 個人票: the member block, then the history rows, continued.
void AddIndividual(std::vector<Sheet>& sheets, const CertificatePlan& plan,
                   const PrintedPerson& person) {
  const PageLayout& page = CertificatePage();
  const HistoryLayout& h = History();
  Sheet sheet;
  AddPageHeader(sheet, plan, page);
  AddMemberBlock(sheet, plan, person, page.members_top_mm);
  if (!plan.with_history) {
    sheets.push_back(std::move(sheet));
    return;
  }
  double y = h.top_first_sheet_mm;
  AddHistoryHead(sheet, y);
  y += h.row_mm;
  const std::string& atena = person.record.addressee_number;
  // The 通称の記載及び削除に関する事項 are printed only when asked for (JK-5.1): without them no
  // row tells that a 通称 was ever recorded or removed.
  const bool common_name_history = plan.items.contains(OptionalItem::kCommonName);
  for (const auto& entry : person.history) {
    const ChangeReason reason = entry.change.reason;
    if (!common_name_history &&
        (reason == ChangeReason::kCommonNameEntry || reason == ChangeReason::kCommonNameDeletion))
      continue;
    if (y + h.row_mm > h.bottom_mm) {
      sheets.push_back(std::move(sheet));
      sheet = Sheet{};
      sheet.texts.push_back(Text("title", "", page.title, FontRole::kGothic, 16,
                                 plan.title + "（続き）", Align::kCenter));
      y = h.top_next_sheets_mm;
      AddHistoryHead(sheet, y);
      y += h.row_mm;
    }
    const ResidentRecord& v = entry.version;
    auto cell = [&](const char* field, const Box& column, std::string text) {
      sheet.texts.push_back(Text(field, atena, {column.x, y, column.w, h.row_mm}, FontRole::kMincho,
                                 h.size_pt, std::move(text)));
    };
    cell("history.date", h.date, Wareki(entry.change.event_date));
    cell("history.reason", h.reason, std::string(InfoOf(entry.change.reason).name_ja));
    cell("history.notified", h.notified, Wareki(entry.change.notification_date));
    cell("history.content", h.content,
         Joined({v.DisplayName(),
                 plan.katagaki ? v.address.Printed() : v.address.text + v.address.banchi}));
    y += h.row_mm;
    sheet.rules.push_back({h.date.x, y, h.content.x + h.content.w, y, 0.1});
  }
  sheets.push_back(std::move(sheet));
}

}  // namespace

// IMP: JK-1.1.3
std::vector<Sheet> FillCertificate(const CertificatePlan& plan, const std::vector<int>& serials) {
  const int first_serial = serials.empty() ? 0 : serials.front();
  if (plan.kind == CertificateKind::kInspection) return FillList(plan, first_serial);
  const PageLayout& page = CertificatePage();
  std::vector<Sheet> sheets;
  std::vector<std::size_t> people_on_sheet;  // member blocks per sheet
  // The sheets that end what one 認証文 certifies: the last of a 世帯連記式 copy, and the last of
  // each person's 個人票, so that a 個人票 handed out apart from the others is certified too.
  std::vector<bool> certified;
  if (plan.household_form) {
    const std::size_t per_sheet = static_cast<std::size_t>(plan.kind == CertificateKind::kMoveOut
                                                               ? page.move_out_members_per_sheet
                                                               : page.members_per_sheet);
    for (std::size_t start = 0; start < plan.people.size(); start += per_sheet) {
      Sheet sheet;
      AddPageHeader(sheet, plan, page);
      double top = page.members_top_mm;
      for (std::size_t i = start; i < std::min(plan.people.size(), start + per_sheet); ++i) {
        AddMemberBlock(sheet, plan, plan.people[i], top);
        top += MemberBlock().height_mm;
      }
      sheets.push_back(std::move(sheet));
      people_on_sheet.push_back(std::min(plan.people.size() - start, per_sheet));
    }
  } else {
    for (const PrintedPerson& person : plan.people) {
      const std::size_t first = sheets.size();
      AddIndividual(sheets, plan, person);
      people_on_sheet.resize(sheets.size(), 0);
      people_on_sheet[first] = 1;
      certified.resize(sheets.size(), false);
      certified.back() = true;
    }
  }
  certified.resize(sheets.size(), false);
  certified.back() = true;
  AddMoveOutCodes(sheets, plan, people_on_sheet);
  // A certificate ends with its certified sheet; its sheets are numbered among themselves.
  std::vector<int> sheets_of;  // per certificate
  std::vector<int> page_of;    // per sheet, within its certificate
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (sheets_of.empty() || certified[i - 1]) sheets_of.push_back(0);
    sheets[i].certificate = static_cast<int>(sheets_of.size()) - 1;
    page_of.push_back(++sheets_of.back());
  }
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    if (certified[i]) {
      AddFooter(sheets[i], plan, page);
    } else {
      sheets[i].texts.push_back(
          Text("continued", "", page.continued, FontRole::kGothic, 8, "（次葉あり）"));
    }
    const auto k = static_cast<std::size_t>(sheets[i].certificate);
    IssueNumber number = plan.number;
    number.serial = serials.empty() ? 0 : serials[std::min(k, serials.size() - 1)];
    sheets[i].texts.push_back(Text("number", "", page.number, FontRole::kGothic, 7.5,
                                   "発行番号 " + number.Text(page_of[i], sheets_of[k]),
                                   Align::kRight));
  }
  return sheets;
}

PlacedText TextAt(std::string field, std::string atena, Box box, FontRole font, double size_pt,
                  std::string text, Align align) {
  PlacedText t;
  t.field = std::move(field);
  t.atena = std::move(atena);
  t.box = box;
  t.font = font;
  t.size_pt = size_pt;
  t.min_size_pt = std::max(kMinimumPoints, size_pt * kShrinkFloor);
  t.align = align;
  t.text = std::move(text);
  return t;
}

std::string DumpSheets(const std::vector<Sheet>& sheets) {
  std::string out;
  char line[160];
  auto box = [&](int page, const std::string& what, const std::string& atena, const Box& b,
                 double size) {
    std::snprintf(line, sizeof line, "%d %s %s %.1f %.1f %.1f %.1f %.1f ", page, what.c_str(),
                  atena.empty() ? "-" : atena.c_str(), b.x, b.y, b.w, b.h, size);
    out += line;
  };
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    const int page = static_cast<int>(i + 1);
    for (const PlacedText& t : sheets[i].texts) {
      box(page, t.field, t.atena, t.box, t.size_pt);
      out += t.text + "\n";
    }
    if (sheets[i].seal) {
      box(page, "seal", "", *sheets[i].seal, 0);
      out += sheets[i].seal_text + "\n";
    }
    for (const PlacedCode& code : sheets[i].codes) {
      box(page, "qr", "", code.box, 0);
      out += std::to_string(code.data.size()) + " bytes\n";
    }
    if (sheets[i].image) {
      box(page, "image", "", *sheets[i].image, 0);
      out += "png\n";
    }
    std::snprintf(line, sizeof line, "%d rules %zu\n", page, sheets[i].rules.size());
    out += line;
  }
  return out;
}

}  // namespace jrr::forms
