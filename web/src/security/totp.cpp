// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/totp.h"

#include <Poco/HMACEngine.h>
#include <Poco/RandomStream.h>
#include <Poco/SHA1Engine.h>
#include <Poco/URI.h>

#include <array>

namespace jrr::web {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int64_t kStepSeconds = 30;

}  // namespace

std::string Base32Encode(const std::vector<unsigned char>& bytes) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::vector<unsigned char>> Base32Decode(const std::string& text) {
  std::vector<unsigned char> out;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == ' ' || c == '=' || c == '-') continue;
    int value = -1;
    if (c >= 'A' && c <= 'Z')
      value = c - 'A';
    else if (c >= 'a' && c <= 'z')
      value = c - 'a';
    else if (c >= '2' && c <= '7')
      value = c - '2' + 26;
    if (value < 0) return std::nullopt;
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      out.push_back(static_cast<unsigned char>((buffer >> (bits - 8)) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

std::string TotpCode(const std::vector<unsigned char>& secret, uint64_t counter, int digits) {
  Poco::HMACEngine<Poco::SHA1Engine> hmac(reinterpret_cast<const char*>(secret.data()),
                                          secret.size());
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  hmac.update(message.data(), message.size());
  const Poco::DigestEngine::Digest& digest = hmac.digest();
  // Dynamic truncation (RFC 4226 §5.3).
  const std::size_t offset = digest.back() & 0x0F;
  const uint32_t binary = (static_cast<uint32_t>(digest[offset] & 0x7F) << 24) |
                          (static_cast<uint32_t>(digest[offset + 1]) << 16) |
                          (static_cast<uint32_t>(digest[offset + 2]) << 8) |
                          static_cast<uint32_t>(digest[offset + 3]);
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string NewTotpSecret() {
  Poco::RandomInputStream random;
  std::vector<unsigned char> bytes(20);
  random.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  return Base32Encode(bytes);
}

std::string OtpauthUri(const std::string& issuer, const std::string& account,
                       const std::string& base32_secret) {
  std::string label, issuer_param;
  Poco::URI::encode(issuer + ":" + account, ":/?#[]@!$&'()*+,;= ", label);
  Poco::URI::encode(issuer, ":/?#[]@!$&'()*+,;= ", issuer_param);
  return "otpauth://totp/" + label + "?secret=" + base32_secret + "&issuer=" + issuer_param +
         "&algorithm=SHA1&digits=6&period=30";
}

std::optional<int64_t> Totp::StepOf(const std::string& base32_secret, const std::string& code,
                                    int64_t now) {
  auto secret = Base32Decode(base32_secret);
  if (!secret || secret->empty() || code.size() != 6 || now < kStepSeconds) return std::nullopt;
  const int64_t step = now / kStepSeconds;
  for (const int64_t counter : {step, step - 1, step + 1}) {
    if (TotpCode(*secret, static_cast<uint64_t>(counter)) == code) return counter;
  }
  return std::nullopt;
}

}  // namespace jrr::web
