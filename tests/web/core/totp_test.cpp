// SPDX-License-Identifier: Apache-2.0
//
// TOTP (RFC 6238) and base32 (RFC 4648): the second factor of a staff login (JK-10.3).
#include "jrr/web/security/totp.h"

#include <gtest/gtest.h>

namespace jrr::web {
namespace {

std::vector<unsigned char> Bytes(const std::string& s) { return {s.begin(), s.end()}; }

// RFC 6238 Appendix B, the SHA1 rows (8 digits there; the last six are what a 6-digit app shows).
// REQ: JK-10.3
TEST(TotpTest, MatchesTheRfc6238TestVectors) {
  const auto secret = Bytes("12345678901234567890");
  struct Row {
    int64_t time;
    const char* code;
  };
  for (const Row& row : std::vector<Row>{{59, "94287082"},
                                         {1111111109, "07081804"},
                                         {1111111111, "14050471"},
                                         {1234567890, "89005924"},
                                         {2000000000, "69279037"},
                                         {20000000000, "65353130"}}) {
    EXPECT_EQ(TotpCode(secret, static_cast<uint64_t>(row.time / 30), 8), row.code) << row.time;
    EXPECT_EQ(TotpCode(secret, static_cast<uint64_t>(row.time / 30)),
              std::string(row.code).substr(2))
        << row.time;
  }
}

// REQ: JK-10.3
TEST(TotpTest, VerifiesWithOneStepOfDriftOnly) {
  const std::string secret = Base32Encode(Bytes("12345678901234567890"));
  EXPECT_EQ(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  Totp totp;
  EXPECT_TRUE(totp.Verify(secret, "050471", 1111111111));
  EXPECT_TRUE(totp.Verify(secret, "050471", 1111111111 + 30));  // the next step still accepts it
  EXPECT_TRUE(totp.Verify(secret, "050471", 1111111111 - 30));
  EXPECT_FALSE(totp.Verify(secret, "050471", 1111111111 + 90));
  EXPECT_FALSE(totp.Verify(secret, "050472", 1111111111));
  EXPECT_FALSE(totp.Verify(secret, "05047", 1111111111));
  EXPECT_FALSE(totp.Verify("not base32!", "050471", 1111111111));
  EXPECT_FALSE(totp.Verify("", "050471", 1111111111));
}

// REQ: JK-10.3
TEST(TotpTest, Base32AndEnrolment) {
  // RFC 4648 §10 (without padding).
  for (const auto& [plain, encoded] :
       std::vector<std::pair<std::string, std::string>>{{"", ""},
                                                        {"f", "MY"},
                                                        {"fo", "MZXQ"},
                                                        {"foo", "MZXW6"},
                                                        {"foob", "MZXW6YQ"},
                                                        {"fooba", "MZXW6YTB"},
                                                        {"foobar", "MZXW6YTBOI"}}) {
    EXPECT_EQ(Base32Encode(Bytes(plain)), encoded);
    EXPECT_EQ(Base32Decode(encoded), Bytes(plain));
  }
  EXPECT_EQ(Base32Decode("mzxw 6ytb oi=="), Bytes("foobar"));
  EXPECT_FALSE(Base32Decode("MZXW1"));  // 1 is not in the alphabet
  const std::string a = NewTotpSecret(), b = NewTotpSecret();
  EXPECT_EQ(a.size(), 32u);
  EXPECT_NE(a, b);
  EXPECT_EQ(
      OtpauthUri("jrr", "clerk 01", "ABC"),
      "otpauth://totp/jrr%3Aclerk%2001?secret=ABC&issuer=jrr&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace jrr::web
