// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/certificates/certificate.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <tuple>

#include "jrr/domain/core/japanese_date.h"
#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

// ---- 世帯員の並び順 (JK-5.2) ----

bool IsSpouseTerm(KinTerm t) {
  return t == KinTerm::kHusband || t == KinTerm::kWife || t == KinTerm::kHusbandUnregistered ||
         t == KinTerm::kWifeUnregistered;
}
bool IsParentTerm(KinTerm t) { return t == KinTerm::kFather || t == KinTerm::kMother; }
bool IsSiblingTerm(KinTerm t) {
  return t == KinTerm::kElderBrother || t == KinTerm::kElderSister ||
         t == KinTerm::kYoungerBrother || t == KinTerm::kYoungerSister;
}

// Where a member stands: 順位, the family within 第2順位, the place within the group.
struct OrderKey {
  int rank = 4;
  int group = 0;  // 第2順位: the family's index (children by birth); others 0
  int place = 0;  // 1-1, 1-2, … as the standard numbers them
  bool head_of_family_first = false;  // 父母・祖父母: the 筆頭者 first
  std::optional<CalendarDate> birth;
  std::string atena;
};

bool IsChildLine(const RelationshipToHead& r) {
  return r.kind == RelationshipKind::kKin && !r.chain.empty() && IsChildTerm(r.chain.front());
}

bool SameKoseki(const ResidentRecord& a, const ResidentRecord& b) {
  return a.domicile.state == Domicile::State::kRecorded &&
         b.domicile.state == Domicile::State::kRecorded && !a.domicile.place.empty() &&
         a.domicile.place == b.domicile.place &&
         a.domicile.head_of_family == b.domicile.head_of_family;
}

bool IsHeadOfFamily(const ResidentRecord& r) {
  return r.domicile.state == Domicile::State::kRecorded && !r.domicile.head_of_family.empty() &&
         r.domicile.head_of_family == r.DisplayName();
}

// Earlier birth first; an unknown birth date last; then 宛名番号.
bool BirthThenAtena(const std::optional<CalendarDate>& ba, const std::string& a,
                    const std::optional<CalendarDate>& bb, const std::string& b) {
  if (ba.has_value() != bb.has_value()) return ba.has_value();
  if (ba && *ba != *bb) return *ba < *bb;
  return a < b;
}

}  // namespace

std::set<OptionalItem> ItemCeiling(Requester requester) {
  switch (requester) {
    case Requester::kSelf:
      return {OptionalItem::kHeadAndRelationship, OptionalItem::kDomicile,
              OptionalItem::kResidentRecordCode,  OptionalItem::kIndividualNumber,
              OptionalItem::kForeignItems,        OptionalItem::kCommonName};
    case Requester::kThirdParty:
    case Requester::kOfficial:
      return {OptionalItem::kHeadAndRelationship, OptionalItem::kDomicile,
              OptionalItem::kForeignItems, OptionalItem::kCommonName};
    case Requester::kWideArea:
      return {OptionalItem::kHeadAndRelationship, OptionalItem::kResidentRecordCode,
              OptionalItem::kIndividualNumber, OptionalItem::kForeignItems,
              OptionalItem::kCommonName};
  }
  return {};
}

Result<std::set<OptionalItem>> CheckRequest(const CertificateRequest& request) {
  if (request.copies < 1 || request.copies > 20) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.copies_range",
                     std::to_string(request.copies));
  }
  if (request.requester == Requester::kWideArea && request.kind != CertificateKind::kCopy) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.kind_not_allowed",
                     std::string(CertificateKindNameJa(request.kind)));
  }
  // 転出証明書 (住基法第22条, 施行令第23条): given to the one who filed the 転出 — the person or their
  // household — to hand to the 転入地; it carries 個人番号, 住民票コード and the code, so nobody
  // else may ask for it.
  if (request.kind == CertificateKind::kMoveOut && request.requester != Requester::kSelf) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.requester_not_allowed",
                     std::string(RequesterNameJa(request.requester)));
  }
  // 閲覧 (住基法第11条の2) is of an area; the whole register is never one list.
  if (request.kind == CertificateKind::kInspection && request.area.empty()) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.area_required");
  }
  if (request.requester == Requester::kThirdParty && request.purpose.empty()) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.purpose_required");
  }
  const bool item_certificate = request.kind == CertificateKind::kItemCertificate ||
                                request.kind == CertificateKind::kRemovedItemCertificate;
  // A 除票 is copied one person at a time (JK-5.1): a household or members asked for with it are
  // refused, not silently dropped.
  if ((request.kind == CertificateKind::kRemovedCopy ||
       request.kind == CertificateKind::kRemovedItemCertificate) &&
      (request.whole_household || !request.members.empty())) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.removed_one_person");
  }
  if (request.omit_katagaki && !item_certificate) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.katagaki_not_omissible");
  }
  if (request.with_history && !request.individual_sheet &&
      (request.kind == CertificateKind::kCopy ||
       request.kind == CertificateKind::kItemCertificate)) {
    return MakeError(ErrorCode::kRuleViolation, "certificate.history_household");
  }
  const std::set<OptionalItem> ceiling = ItemCeiling(request.requester);
  for (OptionalItem item : request.items) {
    if (!ceiling.contains(item)) {
      std::string detail(OptionalItemNameJa(item));
      detail += "（";
      detail += RequesterNameJa(request.requester);
      detail += "）";
      return MakeError(ErrorCode::kRuleViolation, "certificate.item_not_allowed", detail);
    }
  }
  std::set<OptionalItem> printed = request.items;
  // The 転出証明書 carries what the 転入地 needs (施行令第23条): every item, whatever was asked.
  if (request.kind == CertificateKind::kMoveOut) printed = ItemCeiling(Requester::kSelf);
  // The 閲覧用 list shows 氏名, 生年月日, 男女の別 and 住所 only (法第11条の2).
  if (request.kind == CertificateKind::kInspection) printed.clear();
  return printed;
}

std::vector<ResidentRecord> OrderHouseholdMembers(std::vector<ResidentRecord> members) {
  // Children of the head, by birth: each may head a 第2順位 family.
  std::vector<const ResidentRecord*> children;
  for (const ResidentRecord& m : members) {
    if (m.relationship.kind == RelationshipKind::kKin && m.relationship.chain.size() == 1 &&
        IsChildTerm(m.relationship.chain.front())) {
      children.push_back(&m);
    }
  }
  std::sort(children.begin(), children.end(), [](const ResidentRecord* a, const ResidentRecord* b) {
    return BirthThenAtena(a->birth_date.InternalDate(), a->addressee_number,
                          b->birth_date.InternalDate(), b->addressee_number);
  });
  // The family a 子の… member belongs to: the one child who shares their 戸籍.
  auto family_of = [&](const ResidentRecord& m) -> int {
    int found = -1;
    for (std::size_t i = 0; i < children.size(); ++i) {
      if (!SameKoseki(*children[i], m)) continue;
      if (found >= 0) return -1;  // two children in that 戸籍: cannot tell
      found = static_cast<int>(i);
    }
    return found;
  };
  const int kUnplaced = 1000;
  std::map<std::string, OrderKey> keys;
  std::set<int> families;  // children (by index) who have family in the household
  for (const ResidentRecord& m : members) {
    OrderKey key;
    key.birth = m.birth_date.InternalDate();
    key.atena = m.addressee_number;
    const RelationshipToHead& r = m.relationship;
    const auto& c = r.chain;
    if (r.kind == RelationshipKind::kHead) {
      key.rank = 1, key.place = 1;
    } else if (r.kind == RelationshipKind::kRelated) {
      key.rank = 4, key.place = 2;
    } else if (r.kind == RelationshipKind::kCohabitant) {
      key.rank = 4, key.place = 3;
    } else if (c.size() == 1 && IsSpouseTerm(c[0])) {
      key.rank = 1, key.place = 2;
    } else if (c.size() == 1 && IsChildTerm(c[0])) {
      key.rank = 1, key.place = 3;
    } else if (IsChildLine(r)) {
      // 子の妻, 子の子, 子の子の子 …: the family of a child (第2順位).
      key.rank = 2;
      key.place = (c.size() == 2 && IsSpouseTerm(c[1])) ? 2 : 3;
      const int family = family_of(m);
      key.group = family >= 0 ? family : kUnplaced;
      if (family >= 0) families.insert(family);
    } else if (c.size() == 1 && IsParentTerm(c[0])) {
      key.rank = 3, key.place = 1, key.head_of_family_first = true;
    } else if (c.size() == 1 && IsSiblingTerm(c[0])) {
      key.rank = 3, key.place = 2;
    } else if (c.size() == 2 && IsParentTerm(c[0]) && IsParentTerm(c[1])) {
      key.rank = 3, key.place = 3, key.head_of_family_first = true;
    } else {
      key.rank = 4, key.place = 1;  // other kin, the spouse's side included
    }
    keys[m.addressee_number] = key;
  }
  // A child with a family moves to 第2順位 and heads it.
  for (int family : families) {
    OrderKey& key = keys[children[family]->addressee_number];
    key.rank = 2, key.group = family, key.place = 1;
  }
  std::stable_sort(
      members.begin(), members.end(), [&](const ResidentRecord& a, const ResidentRecord& b) {
        const OrderKey& ka = keys[a.addressee_number];
        const OrderKey& kb = keys[b.addressee_number];
        if (std::tie(ka.rank, ka.group, ka.place) != std::tie(kb.rank, kb.group, kb.place)) {
          return std::tie(ka.rank, ka.group, ka.place) < std::tie(kb.rank, kb.group, kb.place);
        }
        if (ka.head_of_family_first) {
          const bool ha = IsHeadOfFamily(a), hb = IsHeadOfFamily(b);
          if (ha != hb) return ha;
        }
        return BirthThenAtena(ka.birth, ka.atena, kb.birth, kb.atena);
      });
  return members;
}

std::vector<ResidentRecord> OrderWithStored(std::vector<ResidentRecord> members,
                                            const std::optional<std::vector<std::string>>& stored) {
  if (!stored) return OrderHouseholdMembers(std::move(members));
  std::vector<ResidentRecord> ordered, later;
  for (const std::string& atena : *stored) {
    auto it = std::find_if(members.begin(), members.end(),
                           [&](const ResidentRecord& r) { return r.addressee_number == atena; });
    if (it != members.end()) ordered.push_back(*it);
  }
  for (const ResidentRecord& r : members) {
    if (std::find(stored->begin(), stored->end(), r.addressee_number) == stored->end())
      later.push_back(r);
  }
  for (ResidentRecord& r : OrderHouseholdMembers(std::move(later))) ordered.push_back(std::move(r));
  return ordered;
}

Status CheckHouseholdOrder(const std::vector<ResidentRecord>& members,
                           const std::vector<std::string>& order) {
  for (const ResidentRecord& r : members) {
    if (std::count(order.begin(), order.end(), r.addressee_number) != 1) {
      return MakeError(ErrorCode::kRuleViolation, "certificate.order_mismatch", r.addressee_number);
    }
  }
  for (const std::string& atena : order) {
    if (std::none_of(members.begin(), members.end(),
                     [&](const ResidentRecord& r) { return r.addressee_number == atena; })) {
      return MakeError(ErrorCode::kRuleViolation, "certificate.order_mismatch", atena);
    }
  }
  return {};
}

std::string CertificateTitle(CertificateKind kind, bool whole_household, bool household_form) {
  switch (kind) {
    case CertificateKind::kCopy:
      if (!household_form) return "住民票の写し（個人票）";
      return whole_household ? "住民票の写し（世帯全員）" : "住民票の写し（世帯一部）";
    case CertificateKind::kItemCertificate:
      return "住民票記載事項証明書";
    case CertificateKind::kRemovedCopy:
      return "住民票の除票の写し";
    case CertificateKind::kRemovedItemCertificate:
      return "住民票除票記載事項証明書";
    case CertificateKind::kMoveOut:
      return "転出証明書";
    case CertificateKind::kInspection:
      return "住民基本台帳の一部の写し（閲覧用）";
  }
  return {};
}

// Our own wording of the customary statements; the standard's 第4章 text is not in this
// repository's references (docs/certificates.md).
std::string CertificationText(CertificateKind kind, bool whole_household) {
  switch (kind) {
    case CertificateKind::kCopy:
      return whole_household ? "この写しは、世帯全員の住民票の原本と相違ないことを証明する。"
                             : "この写しは、住民票の原本と相違ないことを証明する。";
    case CertificateKind::kItemCertificate:
      return "上記の事項は、住民票に記載されている事項と相違ないことを証明する。";
    case CertificateKind::kRemovedCopy:
      return "この写しは、住民票の除票の原本と相違ないことを証明する。";
    case CertificateKind::kRemovedItemCertificate:
      return "上記の事項は、住民票の除票に記載されている事項と相違ないことを証明する。";
    case CertificateKind::kMoveOut:
      return "上記の者は、転出の届出をしたことを証明する。";
    case CertificateKind::kInspection:
      return {};
  }
  return {};
}

// IMP: JK-4.1.3.0.3
std::string MoveOutData(const std::vector<ResidentRecord>& movers,
                        std::string_view municipality_code, std::string_view municipality_name,
                        CalendarDate issue_date) {
  // One "key=value" per line, people separated by a line "--". Values never hold a newline
  // (ValidateRecord refuses control characters), so no escaping is needed.
  std::string out = "JRR-TENSHUTSU/1\n";
  auto line = [&out](std::string_view key, std::string_view value) {
    AppendKeyValueLine(out, key, value);
  };
  line("from", municipality_code);
  line("from_name", municipality_name);
  line("issued", ToIsoString(issue_date));
  for (const ResidentRecord& r : movers) {
    out += "--\n";
    line("atena", r.addressee_number);
    line("kind", r.kind == ResidentKind::kJapanese ? "japanese" : "foreign");
    line("name", r.DisplayName());
    line("kana", r.family_kana + "　" + r.given_kana);
    if (!r.former_surname.empty()) line("former_surname", r.former_surname);
    if (!r.common_name.empty()) line("common_name", r.common_name);
    if (auto birth = r.birth_date.InternalDate()) line("birth", ToIsoString(*birth));
    line("birth_text", FormatRecordedDate(r.birth_date, DisplayCalendar::kWareki));
    line("sex", r.sex == Sex::kMale ? "1" : "2");
    line("relationship", r.relationship.Text());
    line("household", r.household_number);
    line("address", r.address.Printed());
    line("address_code", r.address.address_code);
    if (r.address_since)
      line("address_since", FormatRecordedDate(*r.address_since, DisplayCalendar::kWareki));
    if (r.kind == ResidentKind::kJapanese) {
      line("domicile", r.domicile.place);
      line("head_of_family", r.domicile.head_of_family);
    } else {
      // The items of 法第30条の45 by category: a 特別永住者 has no 在留資格 and holds a
      // 特別永住者証明書, not a 在留カード.
      const ForeignResidentItems& f = r.foreign;
      line("nationality", f.nationality);
      line("category", ForeignCategoryNameJa(f.category));
      if (f.category == ForeignCategory::kSpecialPermanent) {
        line("special_permanent_certificate_number", f.special_permanent_certificate_number);
      } else {
        line("status_of_residence", f.status_of_residence);
        if (!f.period_of_stay.empty()) line("period_of_stay", f.period_of_stay);
        if (!f.landing_period.empty()) line("landing_period", f.landing_period);
        if (!f.provisional_stay_period.empty())
          line("provisional_stay_period", f.provisional_stay_period);
        if (f.period_expiry) line("period_expiry", ToIsoString(*f.period_expiry));
        line("card_number", f.residence_card_number);
      }
    }
    line("resident_record_code", r.resident_record_code);
    line("individual_number", r.individual_number);
    if (r.removal) {
      line("destination", r.removal->planned_destination.Printed());
      if (auto planned = r.removal->effective.InternalDate())
        line("planned_date", ToIsoString(*planned));
    }
    line("national_health", r.national_health.covered ? "1" : "0");
    line("late_elderly", r.late_elderly.covered ? "1" : "0");
    line("long_term_care", r.long_term_care.covered ? "1" : "0");
    line("pension", r.pension.covered ? r.pension.type : "");
    line("child_allowance", r.child_allowance_start);
  }
  return out;
}

int CertificatesPerCopy(const CertificatePlan& plan) {
  if (plan.household_form || plan.kind == CertificateKind::kInspection || plan.people.empty())
    return 1;
  return static_cast<int>(plan.people.size());
}

}  // namespace jrr
