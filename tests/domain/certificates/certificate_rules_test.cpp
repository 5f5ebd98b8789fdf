// SPDX-License-Identifier: Apache-2.0
//
// What a certificate may print and in which order, decided before any layout: the requesters'
// legal ceilings, the request checks, the member order of JK-5.2, the 発行番号 and the title.
#include <gtest/gtest.h>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/core/japanese_date.h"

namespace jrr {
namespace {

// LAW: 住基法第12条の3
// REQ: JK-5.1
TEST(CertificateRules, CeilingPerRequester) {
  struct Row {
    Requester requester;
    OptionalItem item;
    bool allowed;
  };
  const Row kRows[] = {
      {Requester::kSelf, OptionalItem::kIndividualNumber, true},
      {Requester::kSelf, OptionalItem::kResidentRecordCode, true},
      {Requester::kSelf, OptionalItem::kDomicile, true},
      {Requester::kThirdParty, OptionalItem::kIndividualNumber, false},
      {Requester::kThirdParty, OptionalItem::kResidentRecordCode, false},
      {Requester::kThirdParty, OptionalItem::kDomicile, true},
      {Requester::kThirdParty, OptionalItem::kHeadAndRelationship, true},
      {Requester::kOfficial, OptionalItem::kIndividualNumber, false},
      {Requester::kOfficial, OptionalItem::kResidentRecordCode, false},
      {Requester::kOfficial, OptionalItem::kForeignItems, true},
      {Requester::kWideArea, OptionalItem::kDomicile, false},
      {Requester::kWideArea, OptionalItem::kIndividualNumber, true},
  };
  for (const Row& row : kRows) {
    CertificateRequest request;
    request.requester = row.requester;
    request.purpose = "相続手続";
    request.items = {row.item};
    auto checked = CheckRequest(request);
    EXPECT_EQ(checked.has_value(), row.allowed)
        << RequesterCode(row.requester) << " " << OptionalItemCode(row.item);
    if (!row.allowed) {
      EXPECT_EQ(checked.error().rule_id, "certificate.item_not_allowed");
    }
  }
}

// REQ: JK-5.1, JK-5.4
// LAW: 住基法第12条の4
TEST(CertificateRules, RequestChecks) {
  struct Row {
    const char* name;
    CertificateRequest request;
    const char* rule;  // nullptr: accepted
  };
  auto make = [](auto change) {
    CertificateRequest r;
    change(r);
    return r;
  };
  const Row kRows[] = {
      {"plain", make([](CertificateRequest&) {}), nullptr},
      {"third party without purpose",
       make([](CertificateRequest& r) { r.requester = Requester::kThirdParty; }),
       "certificate.purpose_required"},
      {"wide area 除票", make([](CertificateRequest& r) {
         r.requester = Requester::kWideArea;
         r.kind = CertificateKind::kRemovedCopy;
       }),
       "certificate.kind_not_allowed"},
      {"方書 omitted on a copy", make([](CertificateRequest& r) { r.omit_katagaki = true; }),
       "certificate.katagaki_not_omissible"},
      {"方書 omitted on 記載事項証明書", make([](CertificateRequest& r) {
         r.kind = CertificateKind::kItemCertificate;
         r.omit_katagaki = true;
       }),
       nullptr},
      {"history on 世帯連記式", make([](CertificateRequest& r) { r.with_history = true; }),
       "certificate.history_household"},
      {"history on 個人票", make([](CertificateRequest& r) {
         r.with_history = true;
         r.individual_sheet = true;
       }),
       nullptr},
      {"no copies", make([](CertificateRequest& r) { r.copies = 0; }), "certificate.copies_range"},
      {"21 copies", make([](CertificateRequest& r) { r.copies = 21; }), "certificate.copies_range"},
  };
  for (const Row& row : kRows) {
    auto checked = CheckRequest(row.request);
    if (row.rule == nullptr) {
      EXPECT_TRUE(checked) << row.name << ": " << (checked ? "" : checked.error().rule_id);
    } else {
      ASSERT_FALSE(checked) << row.name;
      EXPECT_EQ(checked.error().rule_id, row.rule) << row.name;
    }
  }
}

// The 転出証明書 carries every item whatever was asked; the 閲覧用 list none of the optional ones.
// REQ: JK-9.5
// LAW: 住基法第24条
TEST(CertificateRules, MoveOutAndInspectionItems) {
  CertificateRequest move_out;
  move_out.kind = CertificateKind::kMoveOut;
  EXPECT_EQ(*CheckRequest(move_out), ItemCeiling(Requester::kSelf));
  // Only the one who filed the 転出 gets the certificate (法第22条): never a third party or 公用.
  for (Requester other : {Requester::kThirdParty, Requester::kOfficial}) {
    move_out.requester = other;
    move_out.purpose = "相続";
    EXPECT_EQ(CheckRequest(move_out).error().rule_id, "certificate.requester_not_allowed");
  }
  CertificateRequest list;
  list.kind = CertificateKind::kInspection;
  list.items = {OptionalItem::kDomicile};
  // 閲覧 is of an area (法第11条の2).
  EXPECT_EQ(CheckRequest(list).error().rule_id, "certificate.area_required");
  list.area = "99000100100";
  EXPECT_TRUE(CheckRequest(list)->empty());
}

ResidentRecord Member(const char* atena, const char* relationship, const char* birth,
                      const char* domicile_head = "架空　一郎", const char* name = nullptr) {
  ResidentRecord r;
  r.addressee_number = atena;
  r.family_name = "架空";
  r.given_name = name != nullptr ? name : atena;
  r.relationship = *ParseRelationship(relationship);
  r.birth_date = *ParseDate(birth);
  r.domicile = Domicile{Domicile::State::kRecorded, "架空県架空市桜町一丁目1番地", domicile_head};
  return r;
}

// REQ: JK-5.2
TEST(CertificateRules, HouseholdOrderFollowsTheFourRanks) {
  // A household with every rank, listed in the wrong order on purpose.
  std::vector<ResidentRecord> members = {
      Member("13", "同居人", "1990-01-01"),
      Member("12", "縁故者", "1991-01-01"),
      Member("11", "妻の父", "1950-01-01"),
      Member("10", "父の母", "1925-01-01"),
      Member("09", "弟", "1972-01-01"),
      Member("08", "兄", "1968-01-01"),
      Member("07", "母", "1943-01-01", "架空　父"),        // older, not the 筆頭者
      Member("06", "父", "1944-01-01", "架空　父", "父"),  // 筆頭者 of the parents' 戸籍
      Member("05", "子の子", "2020-01-01", "架空　長男"),
      Member("04", "子の妻", "1996-01-01", "架空　長男"),
      Member("03", "子", "2002-01-01"),                // younger child, no family
      Member("02", "子", "1995-01-01", "架空　長男"),  // elder child, own family
      Member("01", "妻", "1971-01-01"),
      Member("00", "世帯主", "1970-01-01"),
  };
  std::vector<std::string> order;
  for (const ResidentRecord& r : OrderHouseholdMembers(members))
    order.push_back(r.addressee_number);
  // 1: head, wife, the child without family; 2: the elder child's family; 3: parents (the 筆頭者
  // first), siblings by birth, grandparents; 4: other kin, 縁故者, 同居人.
  EXPECT_EQ(order, (std::vector<std::string>{"00", "01", "03", "02", "04", "05", "06", "07", "08",
                                             "09", "10", "11", "12", "13"}));
}

// Same birth date: the 宛名番号 decides (JK-5.2's twins example).
// REQ: JK-5.2
TEST(CertificateRules, HouseholdOrderTwinsByAddresseeNumber) {
  std::vector<ResidentRecord> members = {Member("24", "子", "2010-05-05"),
                                         Member("23", "子", "2010-05-05"),
                                         Member("20", "世帯主", "1980-01-01")};
  auto ordered = OrderHouseholdMembers(members);
  EXPECT_EQ(ordered[1].addressee_number, "23");
  EXPECT_EQ(ordered[2].addressee_number, "24");
}

// A stored order is kept; who joined later follows at the end (JK-5.2's 末尾に順次記載).
// REQ: JK-5.2
TEST(CertificateRules, StoredOrderWinsAndNewcomersFollow) {
  std::vector<ResidentRecord> members = {
      Member("30", "世帯主", "1980-01-01"), Member("31", "妻", "1981-01-01"),
      Member("32", "子", "2010-01-01"), Member("33", "子", "2012-01-01")};
  EXPECT_TRUE(CheckHouseholdOrder(members, {"33", "32", "31", "30"}));
  EXPECT_EQ(CheckHouseholdOrder(members, {"33", "32", "31"}).error().rule_id,
            "certificate.order_mismatch");
  EXPECT_EQ(CheckHouseholdOrder(members, {"33", "32", "31", "30", "99"}).error().rule_id,
            "certificate.order_mismatch");
  EXPECT_EQ(CheckHouseholdOrder(members, {"33", "33", "31", "30"}).error().rule_id,
            "certificate.order_mismatch");
  members.push_back(Member("35", "子", "2020-01-01"));
  members.push_back(Member("34", "母", "1950-01-01"));
  std::vector<std::string> order;
  for (const auto& r : OrderWithStored(members, std::vector<std::string>{"32", "30", "33", "31"})) {
    order.push_back(r.addressee_number);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"32", "30", "33", "31", "35", "34"}));
  order.clear();
  for (const auto& r : OrderWithStored(members, std::nullopt)) order.push_back(r.addressee_number);
  EXPECT_EQ(order, (std::vector<std::string>{"30", "31", "32", "33", "35", "34"}));
}

// REQ: JK-5.5
TEST(CertificateRules, IssueNumberPattern) {
  IssueNumber number{CalendarDate{2020, 5, 2}, "架空市", "本庁1", "プリンタ001", 11};
  EXPECT_EQ(number.Text(1, 2), "20200502 架空市 本庁1 プリンタ001 011 1/2");
  number.terminal.clear();
  number.printer.clear();
  EXPECT_EQ(number.Text(2, 2), "20200502 架空市   011 2/2");  // unknown devices stay blank
}

// REQ: JK-5.6
TEST(CertificateRules, TitleCarriesThePrefecture) {
  EXPECT_EQ(TitleWithPrefecture("架空市長", "990001"), "架空県架空市長");
  EXPECT_EQ(TitleWithPrefecture("札幌市長", "011002"), "北海道札幌市長");
  EXPECT_EQ(TitleWithPrefecture("大阪府大阪市長", "271004"), "大阪府大阪市長");  // already there
  EXPECT_EQ(TitleWithPrefecture("那覇市長", "472018"), "沖縄県那覇市長");
  EXPECT_EQ(PrefectureName("48"), "");
}

// REQ: JK-5.1
TEST(CertificateRules, CertificationTextPerKind) {
  EXPECT_NE(CertificationText(CertificateKind::kCopy, true).find("世帯全員"), std::string::npos);
  EXPECT_EQ(CertificationText(CertificateKind::kCopy, false).find("世帯全員"), std::string::npos);
  EXPECT_NE(CertificationText(CertificateKind::kRemovedCopy, false).find("除票"),
            std::string::npos);
  EXPECT_TRUE(CertificationText(CertificateKind::kInspection, false).empty());
}

}  // namespace
}  // namespace jrr
