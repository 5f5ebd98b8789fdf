// SPDX-License-Identifier: Apache-2.0
//
// A person's record as JSON: every item of a version, with dates as {"text": as displayed
// (JK-1.1.9), "iso": the internal date}; foreign residents' 生年月日 and 在留期間満了日 display in
// 西暦. And what a screen shows about a person's protection. docs/api.md describes the fields.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/protection/protection_check.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr::web {

std::string EncodeRecord(const ResidentRecord& record);
// The API's name of a 法第30条の45 category (mid_to_long_term …), as `foreign.category` takes it:
// empty for kNone; nullopt for a name that is none.
std::string_view ForeignCategoryKey(ForeignCategory category);
std::optional<ForeignCategory> ForeignCategoryFromKey(std::string_view key);
// {restricted, support_target, provisional, blocked, marker, alerts}
std::string EncodeProtection(const ProtectionNotice& notice);

}  // namespace jrr::web
