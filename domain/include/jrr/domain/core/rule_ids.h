// SPDX-License-Identifier: Apache-2.0
//
// The rule ids that code compares with, or hands on by name, apart from where an error is made:
// a refusal told apart from others (a login missing, an アラート to acknowledge), and the notices a
// 異動 gives. Each is in the catalog (rule_catalog.cpp) with its message; the catalog's
// completeness test reads this file, so a rule named here cannot be missing there.
#pragma once

#include <string_view>

namespace jrr::rules {

inline constexpr std::string_view kAccessPermissionDenied = "access.permission_denied";
inline constexpr std::string_view kAuthCsrf = "auth.csrf";
inline constexpr std::string_view kAuthSessionRequired = "auth.session_required";
inline constexpr std::string_view kCertificateMissingGlyph = "certificate.missing_glyph";
inline constexpr std::string_view kCertificateOverflow = "certificate.overflow";
inline constexpr std::string_view kChangeSameAddress = "change.same_address";
inline constexpr std::string_view kCsSent = "cs.sent";
inline constexpr std::string_view kFuhyoNoticed = "fuhyo.noticed";
inline constexpr std::string_view kProtectionAlert = "protection.alert";
inline constexpr std::string_view kProtectionBlocked = "protection.blocked";
inline constexpr std::string_view kSealDuplicate = "seal.duplicate";
inline constexpr std::string_view kSealEnded = "seal.ended";

}  // namespace jrr::rules
