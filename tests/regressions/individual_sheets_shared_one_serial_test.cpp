// SPDX-License-Identifier: Apache-2.0
//
// Defect (outside audit of issue 26, JK-5.5/3 with JK-5.1/4): 個人票 of several people, each
// certified on its own sheets as a certificate of its own, shared one 発行番号 numbered as the pages
// of one certificate (…005 1/3, 2/3, 3/3). Each 個人票 now takes its own serial, its sheets
// numbered among themselves, and the 交付履歴 counts one 通 a person.
#include <gtest/gtest.h>

#include <string>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class IndividualSerials : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    auto applied = Apply(kTwoHouseholds);
    ASSERT_EQ(applied.status, 0) << applied.err;
    Serve();
    ReadyUser("madoguchi", "view,change,issue");
    clerk_ = LogIn("madoguchi");
  }
  Login clerk_;
};

// REQ: JK-5.5, JK-5.1
TEST_F(IndividualSerials, EachIndividualSheetIsACertificateWithItsOwnNumber) {
  struct Row {
    const char* request;
    // The serial and page/total of each sheet, in order, as the percent-encoded
    // X-Jrr-Issue-Numbers header lists them.
    std::vector<std::string> numbers;
  };
  const Row kRows[] = {
      {R"({"kind":"juminhyo","person":"0000000019","household":true})", {"001%201/1"}},
      {R"({"kind":"juminhyo","person":"0000000019","household":true,"individual":true})",
       {"002%201/1", "003%201/1", "004%201/1"}},
      {R"({"kind":"juminhyo","person":"0000000019","members":"0000000019,0000000027","individual":true,"copies":2})",
       {"005%201/1", "006%201/1", "007%201/1", "008%201/1"}},
      {R"({"kind":"juminhyo","person":"0000000019","household":true})", {"009%201/1"}},
  };
  for (const Row& row : kRows) {
    auto issued = Post("/api/v1/certificates", row.request, clerk_);
    ASSERT_EQ(issued.status, 201) << issued.body.substr(0, 300);
    const std::string numbers = issued.Header("X-Jrr-Issue-Numbers");
    std::size_t at = 0;
    for (const std::string& n : row.numbers) {
      const std::size_t found = numbers.find(n, at);
      EXPECT_NE(found, std::string::npos) << row.request << ": " << n << " in " << numbers;
      if (found != std::string::npos) at = found + n.size();
    }
    EXPECT_EQ(numbers.find("1/3"), std::string::npos) << numbers;
    EXPECT_EQ(numbers.find("1/2"), std::string::npos) << numbers;
  }
}

}  // namespace
}  // namespace jrr::testing
