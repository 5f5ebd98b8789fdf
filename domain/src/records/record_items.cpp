// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/records/record_items.h"

namespace jrr {
namespace {

using R = ResidentRecord;

template <auto... Members>
constexpr RecordItem Group(std::string_view name_ja) {
  return {name_ja, [](const R& a, const R& b) { return ((a.*Members == b.*Members) && ...); },
          [](R& to, const R& from) { ((to.*Members = from.*Members), ...); }};
}

constexpr RecordItem kItems[] = {
    Group<&R::household_number, &R::relationship, &R::address, &R::address_since,
          &R::previous_address, &R::last_registered_address>("住所・世帯"),
    Group<&R::status, &R::removal>("住民状態・消除"),
    Group<&R::kind, &R::foreign>("外国人住民の記載事項"),
    Group<&R::family_name, &R::given_name, &R::family_kana, &R::given_kana, &R::kana_confirmed>(
        "氏名"),
    Group<&R::former_surname, &R::former_surname_kana, &R::common_name, &R::common_name_kana>(
        "旧氏・通称"),
    Group<&R::birth_date>("生年月日"),
    Group<&R::sex>("性別"),
    Group<&R::domicile>("本籍・筆頭者"),
    Group<&R::resident_since, &R::notification_date>("住民となった年月日・届出日"),
    Group<&R::individual_number>("個人番号"),
    Group<&R::resident_record_code>("住民票コード"),
    Group<&R::on_electoral_roll>("選挙人名簿"),
    Group<&R::national_health, &R::late_elderly, &R::long_term_care, &R::pension,
          &R::child_allowance_start, &R::child_allowance_end>("保険・年金・児童手当"),
    Group<&R::adult_ward>("成年被後見人"),
};

}  // namespace

std::span<const RecordItem> RecordItems() { return kItems; }

}  // namespace jrr
