// SPDX-License-Identifier: Apache-2.0
//
// Defect (audit of issue 26, JK-2.1.2/16, a must-not): a name holding a company-form symbol —
// ㈱架空, ㈲架空, (株)架空 — was recorded as a person's 氏, and a search for （株） was run and
// found it. Such symbols are never part of a person's name.
#include <gtest/gtest.h>

#include <string>

#include "jrr/domain/core/text.h"
#include "support/fixtures/served_register.h"

namespace jrr::testing {
namespace {

std::string MoveInNamed(const std::string& family_name) {
  return R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町三丁目","banchi":"7番"},
  "persons":[{"family_name":")" +
         family_name + R"(","given_name":"商事","family_kana":"カクウ","given_kana":"ショウジ",
    "birth_date":"昭和50年5月5日","sex":"male","relationship":"世帯主",
    "domicile":{"state":"none"}}]})";
}

// REQ: JK-2.1.2
TEST(CompanyFormSymbol, IsFoundInEveryForm) {
  for (const char* text :
       {"㈱架空", "架空㈲", "(株)架空", "（有）架空", "㍿架空", "㊑架空", "（資）"})
    EXPECT_TRUE(HasCompanyFormSymbol(text)) << text;
  for (const char* text : {"架空", "株田", "有村", "（架空）", "髙橋", "株"})
    EXPECT_FALSE(HasCompanyFormSymbol(text)) << text;
}

class CompanyFormName : public ServedRegister {};

// REQ: JK-2.1.2
TEST_F(CompanyFormName, IsNeitherRecordedNorSearched) {
  for (const char* name : {"㈱架空", "㈲架空", "(株)架空"}) {
    auto refused = Apply(MoveInNamed(name));
    EXPECT_NE(refused.status, 0) << name;
    EXPECT_NE((refused.out + refused.err).find("record.company_form_symbol"), std::string::npos)
        << name << ": " << refused.out << refused.err;
  }
  ASSERT_EQ(Apply(MoveInNamed("架空")).status, 0);
  auto search = Cli({"search", "--name", "（株）"});
  EXPECT_NE(search.status, 0) << search.out;
  EXPECT_NE((search.out + search.err).find("search.company_form_symbol"), std::string::npos)
      << search.out << search.err;
}

}  // namespace
}  // namespace jrr::testing
