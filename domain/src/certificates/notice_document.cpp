// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/certificates/notice_document.h"

#include <algorithm>
#include <map>
#include <set>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/place_names.h"
#include "jrr/domain/records/change_reason.h"

namespace jrr {
namespace {

constexpr std::string_view kHidden = "（表示の権限がありません）";

std::string StateOf(const ResidentRecord& r) {
  if (r.status == ResidentStatus::kResident || !r.removal) return "住民";
  return "除票（" + std::string(InfoOf(r.removal->reason).name_ja) + "、" +
         FormatRecordedDate(r.removal->effective, DisplayCalendar::kWareki) + "）";
}

// The items a person's record is printed with, in the order of a 住民票.
std::vector<std::pair<std::string, std::string>> Items(const ResidentRecord& r, bool see_domicile) {
  std::vector<std::pair<std::string, std::string>> items = {
      {"氏名", r.DisplayName()},
      {"氏名の振り仮名",
       r.family_kana.empty() && r.given_kana.empty() ? "" : r.family_kana + "　" + r.given_kana},
      {"生年月日", BirthDateText(r)},
      {"性別", r.sex == Sex::kMale ? "男" : "女"},
      {"続柄", r.relationship.Text()},
      {"世帯番号", r.household_number},
      {"住所", r.address.Printed()},
      {"住所を定めた年月日",
       r.address_since ? FormatRecordedDate(*r.address_since, DisplayCalendar::kWareki) : ""},
      {"住民となった年月日",
       r.resident_since ? FormatRecordedDate(*r.resident_since, DisplayCalendar::kWareki) : ""},
      {"旧氏", r.former_surname},
      {"通称", r.common_name},
      {"状態", StateOf(r)},
  };
  if (r.kind == ResidentKind::kJapanese) {
    const bool recorded = r.domicile.state == Domicile::State::kRecorded;
    const std::string place = recorded                                     ? r.domicile.place
                              : r.domicile.state == Domicile::State::kNone ? "なし"
                                                                           : "不明";
    items.emplace_back("本籍", see_domicile ? place : std::string(kHidden));
    items.emplace_back("筆頭者", see_domicile ? r.domicile.head_of_family : std::string(kHidden));
  }
  return items;
}

// A letter to the 転入地's 市区町村長 about one person who moved out there (its office address is
// not in this register): the person as the 除票 knows them.
NoticeDocument LetterToDestination(const ResidentRecord& r, std::string title, CalendarDate today,
                                   const NoticeSender& sender) {
  const std::string destination = MunicipalityOfPlace(r.removal->planned_destination.text);
  NoticeDocument d;
  d.title = std::move(title);
  d.reference = "宛名番号 " + r.addressee_number;
  d.date = today;
  d.recipient_name =
      (destination.empty() ? r.removal->planned_destination.text : destination) + "長";
  d.sender = sender.title + "　" + sender.name;
  d.items = {{"氏名", r.DisplayName()},
             {"生年月日", BirthDateText(r)},
             {"性別", r.sex == Sex::kMale ? "男" : "女"},
             {"転出前の住所", r.address.Printed()},
             {"転出予定日", FormatRecordedDate(r.removal->effective, DisplayCalendar::kWareki)},
             {"転出先（予定）", r.removal->planned_destination.Printed()}};
  return d;
}

// The addresses a letter about `r` prints: where they lived and where they went.
ShownOnPrint LetterShows(const ResidentRecord& r) {
  ShownOnPrint shown;
  shown.addresses.push_back(r.address.Printed());
  if (r.removal) {
    shown.addresses.push_back(r.removal->planned_destination.Printed());
    shown.addresses.push_back(r.removal->confirmed_destination.Printed());
  }
  return shown;
}

}  // namespace

std::vector<ItemChange> ChangedItems(const ResidentRecord* before, const ResidentRecord& after,
                                     bool see_domicile) {
  std::vector<ItemChange> changes;
  const auto now = Items(after, see_domicile);
  std::map<std::string, std::string> then;
  if (before != nullptr) {
    for (auto& [item, value] : Items(*before, see_domicile)) then[item] = value;
  }
  for (const auto& [item, value] : now) {
    const auto old = then.find(item);
    const std::string was = old == then.end() ? std::string() : old->second;
    if (before != nullptr && was == value) continue;
    if (before == nullptr && value.empty()) continue;
    changes.push_back({item, was, value});
  }
  // The numbers never print; that they changed does.
  if (before != nullptr && before->individual_number != after.individual_number) {
    changes.push_back({"個人番号", "", "変更あり"});
  }
  if (before != nullptr && before->resident_record_code != after.resident_record_code) {
    changes.push_back({"住民票コード", "", "変更あり"});
  }
  return changes;
}

Result<NoticeDesk::ClearedChange> NoticeDesk::ChangeFor(
    int64_t change_id, const std::string& function,
    const std::function<Status(const ChangeRecord&)>& fits, const ShownOnPrint& also) {
  const auto change = residents_.Change(change_id);
  if (!change)
    return MakeError(ErrorCode::kNotFound, "notice.change_not_found", std::to_string(change_id));
  if (auto ok = fits(*change); !ok) return ok.error();
  ClearedChange cleared{*change, residents_.VersionsOfChange(change_id)};
  if (cleared.versions.empty())
    return MakeError(ErrorCode::kNotFound, "notice.change_not_found", std::to_string(change_id));
  std::vector<std::string> persons;
  ShownOnPrint shown = also;
  for (const ResidentRecord& v : cleared.versions) {
    persons.push_back(v.addressee_number);
    const ShownOnPrint letter = LetterShows(v);
    shown.addresses.insert(shown.addresses.end(), letter.addresses.begin(), letter.addresses.end());
    if (auto before = Before(v)) shown.addresses.push_back(before->address.Printed());
  }
  if (auto ok = Access().ClearForIssue(persons, function, false, {}, shown); !ok) return ok.error();
  return cleared;
}

std::optional<ResidentRecord> NoticeDesk::Before(const ResidentRecord& v) {
  if (v.history_number <= 1) return std::nullopt;
  return residents_.Version(v.addressee_number, v.history_number - 1);
}

namespace {

Status ExOfficio(const ChangeRecord& change) {
  if (change.ex_officio) return {};
  return MakeError(ErrorCode::kRuleViolation, "notice.not_ex_officio",
                   std::to_string(change.change_id));
}

// 住民異動届受理通知 (JK-4.1.0.3): for a 転入, 転居, 転出 or 世帯変更 made on a 届出.
Status Notified(const ChangeRecord& change) {
  static const std::set<ChangeReason> kNotified = {
      ChangeReason::kDomesticMoveIn,       ChangeReason::kMoveInFromAbroad,
      ChangeReason::kWithinMove,           ChangeReason::kDomesticMoveOut,
      ChangeReason::kMoveOutAbroad,        ChangeReason::kHouseholdSeparation,
      ChangeReason::kHouseholdMerger,      ChangeReason::kHouseholdChange,
      ChangeReason::kHeadOfHouseholdChange};
  if (!change.ex_officio && kNotified.contains(change.reason)) return {};
  return MakeError(ErrorCode::kRuleViolation, "notice.not_notified",
                   std::to_string(change.change_id));
}

}  // namespace

// IMP: JK-4.2.0.1, JK-4.2.0.4, JK-4.2.0.5
Result<NoticeDocument> NoticeDesk::ExOfficioRecord(int64_t change_id) {
  auto cleared = ChangeFor(change_id, "職権記録書", ExOfficio);
  if (!cleared) return cleared.error();
  const ChangeRecord* change = &cleared->change;
  const std::vector<ResidentRecord>& versions = cleared->versions;
  const bool see_domicile = viewer_.Has(Permission::kSeeDomicile);
  NoticeDocument d;
  d.title = "職権記録書";
  d.reference = "異動番号 " + std::to_string(change_id);
  d.date = viewer_.today;
  d.sender = sender_.title;
  d.paragraphs = {
      "住民基本台帳法第8条及び同法施行令第12条の規定により、職権で次のとおり住民票の記載等を行った"
      "。"};
  d.items = {{"異動事由", std::string(InfoOf(change->reason).name_ja) +
                              (change->on_request ? "（申出による）" : "")},
             {"異動日", FormatRecordedDate(change->event_date, DisplayCalendar::kWareki)},
             {"処理日", FormatWareki(change->processing_date)},
             {change->on_request ? "申出日" : "通知日等",
              change->notification_date ? FormatWareki(*change->notification_date) : ""},
             {"処理者", change->operator_id + "（" + change->place + "）"},
             {"理由・留意事項", change->note}};
  d.table.push_back({"宛名番号", "氏名", "項目", "記載等の前", "記載等の後"});
  for (const ResidentRecord& v : versions) {
    const std::optional<ResidentRecord> before = Before(v);
    for (const ItemChange& c : ChangedItems(before ? &*before : nullptr, v, see_domicile)) {
      d.table.push_back({v.addressee_number, v.DisplayName(), c.item, c.before, c.after});
    }
  }
  return d;
}

namespace {

// Why a 異動 was made 職権, as the letter tells the household: a 出生 or 死亡 is recorded on the
// 戸籍's 届出 (住基法第9条第2項, 施行令第12条), a 帰化 or 国籍喪失 on its 届出 or 通知, a
// correction because the record was wrong; only the rest because nobody filed the 届出 due.
std::string ExOfficioGround(ChangeReason reason) {
  switch (reason) {
    case ChangeReason::kBirth:
    case ChangeReason::kDeath:
      return "戸籍に関する届出に基づき";
    case ChangeReason::kEntryNaturalisation:
    case ChangeReason::kRemovalNaturalisation:
    case ChangeReason::kEntryLossOfNationality:
    case ChangeReason::kRemovalLossOfNationality:
      return "国籍の取得又は喪失に関する届出又は通知に基づき";
    case ChangeReason::kCorrectionExOfficio:
    case ChangeReason::kClericalErrorCorrection:
    case ChangeReason::kIndividualNumberCorrection:
      return "記載に誤り又は遺漏があったため";
    case ChangeReason::kMinorCorrection:
      return "住居表示の実施等により記載事項の表示に変更があったため";
    default:
      return "届出がなかったため";
  }
}

}  // namespace

Result<std::vector<NoticeDocument>> NoticeDesk::ExOfficioNotices(int64_t change_id) {
  // One letter per household, to its address as the 異動 left it, for the person the 異動 concerns
  // (施行令第12条第4項): its 世帯主 when the 異動 touched them, else its first member. A 出生 alone
  // is told to the household's 世帯主, not to the newborn; that 世帯主 is printed too, so is
  // cleared like the people of the 異動. Any other member's 異動 is never told to the 世帯主.
  std::map<std::string, ResidentRecord> heads;
  ShownOnPrint also;
  const auto recorded = residents_.Change(change_id);
  if (recorded && recorded->reason == ChangeReason::kBirth) {
    for (const ResidentRecord& v : residents_.VersionsOfChange(change_id)) {
      if (v.status != ResidentStatus::kResident || heads.contains(v.household_number)) continue;
      for (const ResidentRecord& m : residents_.HouseholdLatest(v.household_number)) {
        if (m.is_head() && m.status == ResidentStatus::kResident &&
            m.addressee_number != v.addressee_number) {
          heads.emplace(v.household_number, m);
          also.persons.push_back(m.addressee_number);
        }
      }
    }
  }
  auto cleared = ChangeFor(change_id, "職権記載等通知書", ExOfficio, also);
  if (!cleared) return cleared.error();
  const ChangeRecord* change = &cleared->change;
  const std::vector<ResidentRecord>& versions = cleared->versions;
  const bool see_domicile = viewer_.Has(Permission::kSeeDomicile);
  std::map<std::string, std::vector<const ResidentRecord*>> households;
  for (const ResidentRecord& v : versions) households[v.household_number].push_back(&v);
  std::vector<NoticeDocument> letters;
  for (const auto& [household, members] : households) {
    const ResidentRecord* addressee = members.front();
    bool head_in_change = false;
    for (const ResidentRecord* m : members) {
      if (m->is_head()) {
        addressee = m;
        head_in_change = true;
      }
    }
    if (auto head = heads.find(household); !head_in_change && head != heads.end())
      addressee = &head->second;
    NoticeDocument d;
    d.title = "職権記載等通知書";
    d.reference = "異動番号 " + std::to_string(change_id);
    d.date = viewer_.today;
    d.recipient_address = addressee->address.Printed();
    d.recipient_name = addressee->DisplayName();
    d.sender = sender_.title + "　" + sender_.name;
    const std::string what = change->reason == ChangeReason::kRemovalExOfficio     ? "消除"
                             : InfoOf(change->reason).group == ReasonGroup::kEntry ? "記載"
                                                                                   : "修正";
    d.paragraphs = {"あなた（あなたの世帯）の住民票について、" + ExOfficioGround(change->reason) +
                        "、住民基本台帳法第8条の規定により、",
                    "職権で次のとおり" + what + "しましたのでお知らせします。",
                    "内容に誤りがある場合や、ご不明な点は、窓口までお問い合わせください。"};
    d.items = {{"異動事由", std::string(InfoOf(change->reason).name_ja)},
               {"異動日", FormatRecordedDate(change->event_date, DisplayCalendar::kWareki)},
               {"処理日", FormatWareki(change->processing_date)}};
    d.table.push_back({"氏名", "項目", "変更前", "変更後"});
    for (const ResidentRecord* v : members) {
      const std::optional<ResidentRecord> before = Before(*v);
      for (const ItemChange& c : ChangedItems(before ? &*before : nullptr, *v, see_domicile)) {
        if (c.item == "世帯番号") continue;  // a register internal, not news to the person
        d.table.push_back({v->DisplayName(), c.item, c.before, c.after});
      }
    }
    letters.push_back(std::move(d));
  }
  return letters;
}

// IMP: JK-4.1.0.3
Result<NoticeDocument> NoticeDesk::ReceiptNotice(int64_t change_id,
                                                 const std::string& notifier_name,
                                                 const std::string& notifier_address) {
  // A typed 届出人 is printed too: a protected person named there, or their address, is refused
  // like one in the 異動.
  ShownOnPrint typed;
  if (!notifier_name.empty())
    typed.people.push_back({notifier_name, "", std::nullopt, std::nullopt, ""});
  if (!notifier_address.empty()) typed.addresses.push_back(notifier_address);
  auto cleared = ChangeFor(change_id, "住民異動届受理通知", Notified, typed);
  if (!cleared) return cleared.error();
  const ChangeRecord* change = &cleared->change;
  const std::vector<ResidentRecord>& versions = cleared->versions;
  const ResidentRecord* first = &versions.front();
  for (const ResidentRecord& v : versions) {
    if (v.is_head()) first = &v;
  }
  // The address before the 異動: the 転入前住所 of a 転入, else the version the 異動 replaced.
  std::string previous;
  if (change->reason == ChangeReason::kDomesticMoveIn) {
    previous = first->previous_address.Printed();
  } else if (change->reason != ChangeReason::kMoveInFromAbroad && first->history_number > 1) {
    if (auto before = residents_.Version(first->addressee_number, first->history_number - 1)) {
      previous = before->address.Printed();
    }
  }
  NoticeDocument d;
  d.title = "住民異動届受理通知";
  d.reference = "異動番号 " + std::to_string(change_id);
  d.date = viewer_.today;
  d.sender = sender_.title + "　" + sender_.name;
  const std::string notifier = notifier_name.empty() ? first->DisplayName() : notifier_name;
  if (previous.empty()) {
    // 国外からの転入 and the like: no 異動前住所 to write to — the 異動者 at the new address.
    d.recipient_address = first->address.Printed();
    d.recipient_name = first->DisplayName();
  } else {
    d.recipient_address = notifier_address.empty() ? previous : notifier_address;
    d.recipient_name = notifier;
  }
  d.paragraphs = {"次の住民異動届を受理しましたので、お知らせします。",
                  "お心当たりのない場合は、至急ご連絡ください。"};
  std::string movers;
  for (const ResidentRecord& v : versions) movers += (movers.empty() ? "" : "、") + v.DisplayName();
  d.items = {{"届出日", change->notification_date ? FormatWareki(*change->notification_date) : ""},
             {"異動事由", std::string(InfoOf(change->reason).name_ja)},
             {"届出人氏名", notifier},
             {"異動者氏名", movers}};
  return d;
}

// IMP: JK-4.1.3.1.4
Result<NoticeDocument> NoticeDesk::AwaitingMoveInNoticeList(int days_since_removal) {
  const CalendarDate by =
      FromDayNumber(ToDayNumber(viewer_.today) - std::max(0, days_since_removal));
  auto awaiting = residents_.AwaitingMoveInNotice(by, 10000);
  ProtectionRegister& protections = residents_.Protections();
  // A line prints where the person went: 支援措置 targets are left off, and so is anyone whose
  // line would show where a target lives or went (a co-mover). How many is not said. So are
  // people this operator may not see or print (照会抑止, 発行抑止): the list would otherwise fail
  // for them, and its failing would date their move.
  const ProtectedPrintGate gate(residents_, viewer_.today);
  ResidentAccess access = Access();
  std::vector<ResidentRecord> listed;
  for (ResidentRecord& r : awaiting) {
    bool shielded =
        !gate
             .ShownBy(ShownOnPrint{
                 {}, {r.address.Printed(), r.removal->planned_destination.Printed()}, {}, {}})
             .empty();
    shielded = shielded || !access.Cleared(r.addressee_number, GuardedOperation::kView, {}) ||
               !access.Cleared(r.addressee_number, GuardedOperation::kIssue, {});
    for (const SupportMeasure& m : protections.MeasuresFor(r.addressee_number)) {
      if (m.Active() && m.Protects(r.addressee_number)) shielded = true;
    }
    if (!shielded) listed.push_back(std::move(r));
  }
  std::vector<std::string> persons;
  for (const ResidentRecord& r : listed) persons.push_back(r.addressee_number);
  if (auto ok = Access().ClearForIssue(persons, "転入通知未着者一覧", false); !ok)
    return ok.error();
  NoticeDocument d;
  d.title = "転入通知未着者一覧";
  d.date = viewer_.today;
  d.sender = sender_.title;
  d.paragraphs = {
      FormatWareki(by) + "までに転出（職権消除を含む）により消除し、転入通知が届いていない者（" +
      std::to_string(listed.size()) + "人。支援措置により記載を制限している者を除く）。"};
  d.table.push_back({"宛名番号", "氏名", "生年月日", "消除事由", "消除日", "転出先（予定）"});
  for (const ResidentRecord& r : listed) {
    d.table.push_back({r.addressee_number, r.DisplayName(), BirthDateText(r),
                       std::string(InfoOf(r.removal->reason).name_ja),
                       FormatRecordedDate(r.removal->effective, DisplayCalendar::kWareki),
                       r.removal->planned_destination.Printed()});
  }
  return d;
}

// IMP: JK-4.1.3.1.4
Result<NoticeDocument> NoticeDesk::MoveInNoticeInquiry(const std::string& addressee_number) {
  const auto latest = residents_.Latest(addressee_number);
  if (!latest) return MakeError(ErrorCode::kNotFound, "change.person_not_found", addressee_number);
  // Why a letter cannot be made is a fact of the record: refused first for whom this viewer may not see.
  if (Status seen = Access().RefuseIfWithheld(addressee_number, "転入通知未着照会書"); !seen)
    return seen.error();
  if (latest->status != ResidentStatus::kRemoved || !latest->removal ||
      latest->removal->reason != ChangeReason::kDomesticMoveOut ||
      latest->removal->move_in_notice_date) {
    return MakeError(ErrorCode::kRuleViolation, "notice.not_awaiting", addressee_number);
  }
  if (auto ok = Access().ClearForIssue({addressee_number}, "転入通知未着照会書", false, {},
                                       LetterShows(*latest));
      !ok) {
    return ok.error();
  }
  NoticeDocument d = LetterToDestination(*latest, "転入通知未着照会書", viewer_.today, sender_);
  d.paragraphs = {"下記の者について、貴市区町村への転出の届出を受け、住民票を消除しましたが、",
                  "住民基本台帳法第9条第1項の転入通知が届いていません。",
                  "転入の届出の有無と、届出があった場合はその年月日と住所をお知らせください。"};
  return d;
}

// IMP: JK-9.4
Result<NoticeDocument> NoticeDesk::AdultWardMoveOutNotice(const std::string& addressee_number) {
  const auto latest = residents_.Latest(addressee_number);
  if (!latest) return MakeError(ErrorCode::kNotFound, "change.person_not_found", addressee_number);
  if (Status seen = Access().RefuseIfWithheld(addressee_number, "成年被後見人の転出通知書"); !seen)
    return seen.error();
  if (latest->status != ResidentStatus::kRemoved || !latest->removal ||
      latest->removal->reason != ChangeReason::kDomesticMoveOut) {
    return MakeError(ErrorCode::kRuleViolation, "notice.not_moved_out", addressee_number);
  }
  if (!latest->adult_ward)
    return MakeError(ErrorCode::kRuleViolation, "notice.not_adult_ward", addressee_number);
  if (auto ok = Access().ClearForIssue({addressee_number}, "成年被後見人の転出通知書", false, {},
                                       LetterShows(*latest));
      !ok) {
    return ok.error();
  }
  const ResidentRecord& r = *latest;
  const bool see_domicile = viewer_.Has(Permission::kSeeDomicile);
  NoticeDocument d =
      LetterToDestination(r, "成年被後見人の転出について（通知）", viewer_.today, sender_);
  d.paragraphs = {"下記の者は、成年被後見人として当市区町村の住民票に記載されていましたが、",
                  "貴市区町村へ転出する旨の届出がありましたので、お知らせします。"};
  if (r.kind == ResidentKind::kJapanese) {
    d.items.emplace_back("本籍", see_domicile ? r.domicile.place : std::string(kHidden));
    d.items.emplace_back("筆頭者", see_domicile ? r.domicile.head_of_family : std::string(kHidden));
  }
  return d;
}

}  // namespace jrr
