// SPDX-License-Identifier: Apache-2.0
//
// Defect (certificate review, issue 27): 住民票の写し printed as separate 個人票 for two members were
// bound as one certificate: only the last sheet carried the 認証文, the certifier and the seal, and
// the first said 「（次葉あり）」. Handed out apart, as 個人票 are, the first person's copy was
// uncertified. Each 個人票 now ends with its own 認証文.
#include <gtest/gtest.h>

#include <fstream>

#include "support/fixtures/served_register.h"
#include "support/register_file.h"

namespace jrr::testing {
namespace {

class IndividualSheets : public ServedRegister {
 protected:
  void SetUp() override {
    ServedRegister::SetUp();
    auto applied = Apply(kTwoHouseholds);
    ASSERT_EQ(applied.status, 0) << applied.err;
    Serve();
    ReadyUser("madoguchi", "view,change,issue");
    clerk_ = LogIn("madoguchi");
  }

  // The text of one page of `pdf`.
  std::string Page(const std::string& pdf, int page) {
    const std::string n = std::to_string(page);
    return Spaced(
        ShellOutput("pdftotext -layout -f " + n + " -l " + n + " '" + pdf + "' - 2>/dev/null"));
  }

  Login clerk_;
};

// REQ: JK-5.1, JK-5.5
TEST_F(IndividualSheets, EachPersonsSheetIsCertified) {
  struct Row {
    const char* request;
    int pages;
  };
  const Row kRows[] = {
      {R"({"kind":"juminhyo","person":"0000000019","members":"0000000019,0000000027","individual":true})",
       2},
      {R"({"kind":"juminhyo","person":"0000000019","household":true,"individual":true,"history":true})",
       3},
  };
  for (const Row& row : kRows) {
    auto issued = Post("/api/v1/certificates", row.request, clerk_);
    ASSERT_EQ(issued.status, 201) << issued.body.substr(0, 300);
    const std::string pdf = dir_.File("individual.pdf");
    std::ofstream(pdf, std::ios::binary) << issued.body;
    for (int page = 1; page <= row.pages; ++page) {
      const std::string text = Page(pdf, page);
      EXPECT_NE(text.find("この写しは、住民票の原本と相違ないことを証明する。"), std::string::npos)
          << row.request << " page " << page << "\n"
          << text;
      EXPECT_NE(text.find("架空県架空市長 架空 太郎"), std::string::npos) << page << "\n" << text;
      EXPECT_EQ(text.find("次葉あり"), std::string::npos) << page << "\n" << text;
    }
    EXPECT_EQ(Page(pdf, row.pages + 1), "") << row.request;
  }
}

}  // namespace
}  // namespace jrr::testing
