// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/certificate_kind.h"

#include <array>
#include <cstdio>

namespace jrr {
namespace {

template <typename T>
struct Named {
  T value;
  std::string_view code;
  std::string_view name_ja;
};

constexpr std::array<Named<CertificateKind>, 6> kKinds{{
    {CertificateKind::kCopy, "juminhyo", "住民票の写し"},
    {CertificateKind::kItemCertificate, "kisai", "住民票記載事項証明書"},
    {CertificateKind::kRemovedCopy, "johyo", "住民票の除票の写し"},
    {CertificateKind::kRemovedItemCertificate, "johyo-kisai", "住民票除票記載事項証明書"},
    {CertificateKind::kMoveOut, "tenshutsu", "転出証明書"},
    {CertificateKind::kInspection, "etsuran", "住民基本台帳の一部の写し（閲覧用）"},
}};

constexpr std::array<Named<Requester>, 4> kRequesters{{
    {Requester::kSelf, "self", "本人等"},
    {Requester::kThirdParty, "third-party", "第三者"},
    {Requester::kOfficial, "official", "公用"},
    {Requester::kWideArea, "wide-area", "広域交付"},
}};

constexpr std::array<Named<OptionalItem>, 6> kItems{{
    {OptionalItem::kHeadAndRelationship, "zokugara", "世帯主・続柄"},
    {OptionalItem::kDomicile, "honseki", "本籍・筆頭者"},
    {OptionalItem::kResidentRecordCode, "jumin-code", "住民票コード"},
    {OptionalItem::kIndividualNumber, "kojin-bango", "個人番号"},
    {OptionalItem::kForeignItems, "gaikoku", "国籍・地域、在留資格等"},
    {OptionalItem::kCommonName, "tsusho", "通称の記載・削除の事項"},
}};

template <typename T, std::size_t N>
std::string_view CodeOf(const std::array<Named<T>, N>& table, T value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.code;
  }
  return {};
}
template <typename T, std::size_t N>
std::string_view NameOf(const std::array<Named<T>, N>& table, T value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name_ja;
  }
  return {};
}
template <typename T, std::size_t N>
std::optional<T> FromCode(const std::array<Named<T>, N>& table, std::string_view code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.value;
  }
  return std::nullopt;
}

}  // namespace

std::string_view CertificateKindCode(CertificateKind kind) { return CodeOf(kKinds, kind); }
std::optional<CertificateKind> CertificateKindFromCode(std::string_view code) {
  return FromCode(kKinds, code);
}
std::string_view CertificateKindNameJa(CertificateKind kind) { return NameOf(kKinds, kind); }
std::string_view RequesterCode(Requester requester) { return CodeOf(kRequesters, requester); }
std::optional<Requester> RequesterFromCode(std::string_view code) {
  return FromCode(kRequesters, code);
}
std::string_view RequesterNameJa(Requester requester) { return NameOf(kRequesters, requester); }
std::string_view OptionalItemCode(OptionalItem item) { return CodeOf(kItems, item); }
std::optional<OptionalItem> OptionalItemFromCode(std::string_view code) {
  return FromCode(kItems, code);
}
std::string_view OptionalItemNameJa(OptionalItem item) { return NameOf(kItems, item); }

std::string IssueNumber::Text(int page, int pages) const {
  char serial_text[16];
  std::snprintf(serial_text, sizeof serial_text, "%03d", serial);
  char date_text[16];
  std::snprintf(date_text, sizeof date_text, "%04d%02d%02d", date.year, date.month, date.day);
  std::string text = date_text;
  for (const std::string* part : {&municipality, &terminal, &printer}) {
    text += ' ';
    text += *part;
  }
  text += ' ';
  text += serial_text;
  text += ' ';
  text += std::to_string(page);
  text += '/';
  text += std::to_string(pages);
  return text;
}

}  // namespace jrr
