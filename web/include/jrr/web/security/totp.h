// SPDX-License-Identifier: Apache-2.0
//
// TOTP (RFC 6238) — the second factor of a staff login: HMAC-SHA1 over the 30-second step count,
// six digits, the shared secret in base32 (RFC 4648) as authenticator apps take it. The HMAC is
// Poco's; nothing cryptographic is written here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/security/staff.h"

namespace jrr::web {

// RFC 4648 base32 without padding; Decode accepts upper or lower case and ignores spaces and '='.
std::string Base32Encode(const std::vector<unsigned char>& bytes);
std::optional<std::vector<unsigned char>> Base32Decode(const std::string& text);

// The code for `secret` at step `counter` (= unix time / 30), `digits` long (6–8).
std::string TotpCode(const std::vector<unsigned char>& secret, uint64_t counter, int digits = 6);

// A new random 160-bit secret, base32.
std::string NewTotpSecret();

// The otpauth:// URI an authenticator app scans (issuer and account percent-encoded).
std::string OtpauthUri(const std::string& issuer, const std::string& account,
                       const std::string& base32_secret);

class Totp final : public OneTimeCodes {
 public:
  std::optional<int64_t> StepOf(const std::string& base32_secret, const std::string& code,
                                int64_t now) override;
};

}  // namespace jrr::web
