// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/resident_record.h"

#include <algorithm>

#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/numbers.h"
#include "jrr/domain/core/text.h"

namespace jrr {

std::string Address::Printed() const {
  std::string out = text + banchi;
  if (!katagaki.empty()) out += "\u3000" + katagaki;
  return out;
}

std::string_view ForeignCategoryNameJa(ForeignCategory category) {
  switch (category) {
    case ForeignCategory::kNone:
      return {};
    case ForeignCategory::kMidToLongTerm:
      return "中長期在留者";
    case ForeignCategory::kSpecialPermanent:
      return "特別永住者";
    case ForeignCategory::kTemporaryRefuge:
      return "一時庇護許可者";
    case ForeignCategory::kProvisionalStay:
      return "仮滞在許可者";
    case ForeignCategory::kTransitional:
      return "出生・国籍喪失による経過滞在者";
  }
  return {};
}

std::string ResidentRecord::DisplayName() const {
  if (kind == ResidentKind::kForeign && !foreign.alphabet_name.empty())
    return foreign.alphabet_name;
  if (given_name.empty()) return family_name;
  return family_name + "\u3000" + given_name;
}

// IMP: JK-1.1.12
std::string DomicilePlaceText(const Domicile& domicile) {
  switch (domicile.state) {
    case Domicile::State::kRecorded:
      return domicile.place;
    case Domicile::State::kNone:
      return "本籍なし";
    case Domicile::State::kUnknown:
      return "本籍不明";
  }
  return domicile.place;
}

// IMP: JK-1.1.9
std::string BirthDateText(const ResidentRecord& record) {
  return FormatRecordedDate(record.birth_date, record.kind == ResidentKind::kForeign
                                                   ? DisplayCalendar::kSeireki
                                                   : DisplayCalendar::kWareki);
}

namespace {

Error RuleError(const char* rule, const char* detail) {
  return MakeError(ErrorCode::kRuleViolation, rule, detail);
}

// The parts of a foreign name's reading, run together: spaces and 「・」 removed.
std::string WithoutNameSeparators(std::string_view kana) {
  std::string out;
  for (std::size_t i = 0; i < kana.size();) {
    if (kana[i] == ' ') {
      ++i;
    } else if (kana.substr(i, 3) == "\u3000" || kana.substr(i, 3) == "\u30FB") {
      i += 3;
    } else {
      out += kana[i++];
    }
  }
  return out;
}

// JK-1.1.6: a foreign resident's 外国人住民となった年月日, and the number or period that goes with
// their 30条の45 category, may not be blank — the 在留カード's number only while they live here
// (a 除票 may lack it). Categories with nothing beside the category itself ask for nothing more.
Status CheckCategoryItems(const ResidentRecord& r) {
  if (!r.foreign.foreign_resident_since) {
    return RuleError("record.foreign_resident_since_required", "外国人住民となった年月日 is blank");
  }
  const ForeignResidentItems& f = r.foreign;
  switch (f.category) {
    case ForeignCategory::kMidToLongTerm:
      if (f.residence_card_number.empty() && r.status != ResidentStatus::kRemoved)
        return RuleError("record.residence_card_required", "在留カードの番号 is blank");
      break;
    case ForeignCategory::kSpecialPermanent:
      if (f.special_permanent_certificate_number.empty())
        return RuleError("record.special_permanent_certificate_required",
                         "特別永住者証明書の番号 is blank");
      break;
    case ForeignCategory::kTemporaryRefuge:
      if (f.landing_period.empty())
        return RuleError("record.landing_period_required", "上陸期間 is blank");
      break;
    case ForeignCategory::kProvisionalStay:
      if (f.provisional_stay_period.empty())
        return RuleError("record.provisional_stay_period_required", "仮滞在期間 is blank");
      break;
    case ForeignCategory::kTransitional:
    case ForeignCategory::kNone:
      break;
  }
  return {};
}

}  // namespace

// IMP: JK-1.1.6
Status ValidateRecord(const ResidentRecord& r) {
  const bool foreign = r.kind == ResidentKind::kForeign;
  if (foreign ? r.foreign.alphabet_name.empty() : r.family_name.empty()) {
    return RuleError("record.name_required", "name is blank");
  }
  for (const std::string* name : {&r.family_name, &r.given_name, &r.former_surname, &r.common_name,
                                  &r.foreign.alphabet_name}) {
    if (HasCompanyFormSymbol(*name)) {
      return RuleError("record.company_form_symbol", "㈱ or the like in a name (JK-2.1.2)");
    }
  }
  if ((r.status == ResidentStatus::kRemoved) != r.removal.has_value()) {
    return MakeError(ErrorCode::kInternal, "record.removal_items", "status and removal disagree");
  }
  if (r.status == ResidentStatus::kResident) {
    if (r.address.empty()) return RuleError("record.address_required", "address is blank");
    if (!r.resident_since) {
      return RuleError("record.resident_since_required", "住民となった年月日 is blank");
    }
  }
  if (!foreign) {
    if (r.domicile.state == Domicile::State::kRecorded && r.domicile.place.empty()) {
      return RuleError("record.domicile_required", "本籍 blank without なし/不明");
    }
    if (!(r.foreign == ForeignResidentItems{})) {
      return RuleError("record.foreign_items_not_allowed", "foreign items on a Japanese record");
    }
    if (!r.common_name.empty()) {
      return RuleError("record.common_name_japanese", "通称 is for foreign residents");
    }
    for (const std::string* kana : {&r.family_kana, &r.given_kana, &r.former_surname_kana}) {
      if (!kana->empty()) {
        if (auto ok = CheckStatutoryFurigana(*kana); !ok) return ok.error();
      }
    }
  } else {
    if (r.foreign.nationality.empty() || r.foreign.category == ForeignCategory::kNone) {
      return RuleError("record.foreign_items_required", "国籍 and 30条の45 category are required");
    }
    if (auto ok = CheckCategoryItems(r); !ok) return ok;
    // A foreign resident has no statutory 氏名の振り仮名 (the 在留カード carries none): their
    // reading is a search aid only and is never marked as the confirmed, printed one.
    if (r.kana_confirmed) {
      return RuleError("record.foreign_furigana", "a foreign resident's reading marked confirmed");
    }
    // A foreign resident's readings, the 通称's included, are katakana too: none is ever printed
    // in hiragana (JK-5.3). They may hold the spaces and 「・」 that part a foreign name.
    for (const std::string* kana : {&r.family_kana, &r.given_kana, &r.common_name_kana}) {
      const std::string letters = WithoutNameSeparators(*kana);
      if (letters.empty()) continue;
      if (auto ok = CheckStatutoryFurigana(letters); !ok) return ok.error();
    }
  }
  if (!r.individual_number.empty()) {
    if (auto ok = IndividualNumber::Parse(r.individual_number); !ok) return ok.error();
  }
  if (!r.resident_record_code.empty() && r.resident_record_code != kDrawResidentRecordCode) {
    if (auto ok = ResidentRecordCode::Parse(r.resident_record_code); !ok) return ok.error();
  }
  return {};
}

bool MoveOutPending(const ResidentRecord& r, CalendarDate today) {
  if (r.status != ResidentStatus::kRemoved || !r.removal) return false;
  if (r.removal->reason != ChangeReason::kDomesticMoveOut &&
      r.removal->reason != ChangeReason::kMoveOutAbroad)
    return false;
  const auto planned = r.removal->effective.InternalDate();
  return planned && *planned > today;
}

bool AwaitsMoveInNotice(const ResidentRecord& r, CalendarDate removed_by) {
  if (r.status != ResidentStatus::kRemoved || !r.removal || r.removal->move_in_notice_date)
    return false;
  if (r.removal->reason != ChangeReason::kDomesticMoveOut &&
      r.removal->reason != ChangeReason::kRemovalExOfficio) {
    return false;
  }
  const auto effective = r.removal->effective.InternalDate();
  return effective && *effective <= removed_by;
}

void SortByRemoval(std::vector<ResidentRecord>& records) {
  auto day = [](const ResidentRecord& r) {
    const auto d = r.removal ? r.removal->effective.InternalDate() : std::nullopt;
    return d ? ToDayNumber(*d) : int64_t{0};
  };
  std::sort(records.begin(), records.end(), [&](const ResidentRecord& a, const ResidentRecord& b) {
    return std::pair(day(a), a.addressee_number) < std::pair(day(b), b.addressee_number);
  });
}

}  // namespace jrr
