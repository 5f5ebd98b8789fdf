// SPDX-License-Identifier: Apache-2.0
//
// 記載事項のまとまり — RecordItem: the items of a 住民票 in the groups a 異動 changes together, for
// the 異動の取消し of a 異動 that is not a person's latest (JK-4.6.0.1): what that 異動 changed is
// put back, what later 異動 changed stays. Every member of ResidentRecord except the keys
// (宛名番号, 履歴番号) belongs to exactly one group; a test copies every group and compares whole
// records, so a member added to ResidentRecord and forgotten here fails it.
#pragma once

#include <span>
#include <string_view>

#include "jrr/domain/records/resident_record.h"

namespace jrr {

struct RecordItem {
  std::string_view name_ja;  // for the refusal: 住所・世帯, 氏名 …
  bool (*same)(const ResidentRecord&, const ResidentRecord&);
  void (*copy)(ResidentRecord& to, const ResidentRecord& from);
};

// The groups, 住所・世帯 first (household_number, 続柄, 住所 and its dates move together).
std::span<const RecordItem> RecordItems();

}  // namespace jrr
