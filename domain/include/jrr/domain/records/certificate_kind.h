// SPDX-License-Identifier: Apache-2.0
//
// 証明書の種別・請求者・発行番号 — CertificateKind, Requester, OptionalItem, IssueNumber: the words
// of a 交付 that the 交付履歴 (issuance_log.h) records and a person's 照会 shows. The rules of
// issuing (who may have which item, what prints) are the certificates module's
// (certificates/certificate.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/core/calendar_date.h"

namespace jrr {

// 証明書の種別 (JK-1.3.8's list; 転出証明書に準ずる証明書 and the コード通知票 are not built).
enum class CertificateKind {
  kCopy = 1,                    // 住民票の写し
  kItemCertificate = 2,         // 住民票記載事項証明書
  kRemovedCopy = 3,             // 住民票の除票の写し
  kRemovedItemCertificate = 4,  // 住民票除票記載事項証明書
  kMoveOut = 5,                 // 転出証明書
  kInspection = 6,              // 住民基本台帳の一部の写し（閲覧用）
};

// The CLI's names: juminhyo, kisai, johyo, johyo-kisai, tenshutsu, etsuran.
std::string_view CertificateKindCode(CertificateKind kind);
std::optional<CertificateKind> CertificateKindFromCode(std::string_view code);
std::string_view CertificateKindNameJa(CertificateKind kind);

// 請求者の種別.
enum class Requester {
  kSelf = 1,        // 本人等: the person or a member of the same household (法第12条)
  kThirdParty = 2,  // 第三者 (法第12条の3)
  kOfficial = 3,    // 公用: 国又は地方公共団体の機関 (法第12条の2)
  kWideArea = 4,    // 広域交付: at another municipality's counter (法第12条の4)
};
std::string_view RequesterCode(Requester requester);  // self, third-party, official, wide-area
std::optional<Requester> RequesterFromCode(std::string_view code);
std::string_view RequesterNameJa(Requester requester);

// Items that print only when specially requested (JK-5.1 省略の指定). Everything else of the
// 基礎証明事項 (氏名, 生年月日, 男女の別, 住民となった年月日, 住所, 住所を定めた年月日, 届出の年月日,
// 転入前住所) always prints.
enum class OptionalItem {
  kHeadAndRelationship = 1,  // 世帯主の氏名・続柄
  kDomicile = 2,             // 本籍・筆頭者
  kResidentRecordCode = 3,   // 住民票コード
  kIndividualNumber = 4,     // 個人番号
  kForeignItems =
      5,  // 国籍・地域, 法第30条の45の区分, 在留資格, 在留期間等, 満了日, 在留カード等番号
  kCommonName = 6,  // 通称の記載及び削除に関する事項 (the 通称 itself is always printed)
};
std::string_view OptionalItemCode(
    OptionalItem item);  // zokugara, honseki, jumin-code, kojin-bango, gaikoku, tsusho
std::optional<OptionalItem> OptionalItemFromCode(std::string_view code);
std::string_view OptionalItemNameJa(OptionalItem item);

// 発行番号 (JK-5.5): 発行年月日 市区町村名 端末名 プリンタ名 連番 ページ／総ページ, e.g.
// "20261127 架空市 本庁1 プリンタ001 011 1/2". Parts that cannot be known print as blanks.
struct IssueNumber {
  CalendarDate date;
  std::string municipality;
  std::string terminal;
  std::string printer;
  int serial = 0;  // per 発行年月日 and terminal, 1, 2, 3 …; one per copy
  std::string Text(int page, int pages) const;
};

}  // namespace jrr
