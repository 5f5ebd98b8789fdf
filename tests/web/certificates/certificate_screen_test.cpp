// SPDX-License-Identifier: Apache-2.0
//
// The /certificate form's presenter (web/certificates/certificate_screen.h): what the clerk sees
// asked afresh, filled from a CSV 申請書 and shown again after a refusal, checked without a server.
#include "jrr/web/certificates/certificate_screen.h"

#include <gtest/gtest.h>

#include <string>

#include "jrr/domain/core/rule_ids.h"
#include "support/template_data.h"

namespace jrr::web {
namespace {

using jrr::testing::TemplateFlag;
using jrr::testing::TemplateText;
using kainjow::mustache::data;

std::string Selected(const data& page, const std::string& list) {
  std::string chosen;
  for (const data& option : page.get(list)->list_value()) {
    if (TemplateFlag(option, "selected") || TemplateFlag(option, "checked"))
      chosen += (chosen.empty() ? "" : ",") + TemplateText(option, "code");
  }
  return chosen;
}

// REQ: JK-5.1
TEST(CertificateScreen, AFormAskedAfreshOffersTheDefaults) {
  Request request;
  request.method = "GET";
  request.query = {{"person", "0000000019"}};
  data page;
  PresentCertificateForm(page, request);
  EXPECT_EQ(TemplateText(page, "person"), "0000000019");
  EXPECT_EQ(Selected(page, "kinds"), "juminhyo");
  EXPECT_EQ(Selected(page, "requesters"), "self");
  EXPECT_EQ(Selected(page, "items"), "") << "no optional item is printed unless asked";
  EXPECT_TRUE(TemplateFlag(page, "household")) << "世帯全員 unless asked otherwise";
  EXPECT_EQ(TemplateText(page, "copies"), "1");
  EXPECT_EQ(page.get("kinds")->list_value().size(), 6u);
}

// REQ: JK-5.1, JK-10.8
TEST(CertificateScreen, AFormFilledFromARequestKeepsWhatWasAsked) {
  struct Case {
    const char* method;
    std::vector<std::pair<std::string, std::string>> fields;
    bool household;
  } cases[] = {
      {"GET", {{"atena", "0000000027"}, {"household", "0"}, {"kind", "johyo"}}, false},
      {"POST", {{"person", "0000000027"}, {"kind", "johyo"}}, false},
      {"POST", {{"person", "0000000027"}, {"household", "1"}, {"kind", "johyo"}}, true},
  };
  for (const Case& c : cases) {
    Request request;
    request.method = c.method;
    auto fields = c.fields;
    fields.emplace_back("requester", "third-party");
    fields.emplace_back("item-honseki", "1");
    fields.emplace_back("copies", "2");
    fields.emplace_back("certifier", "acting");
    if (std::string(c.method) == "POST") {
      request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
      for (const auto& [name, value] : fields)
        request.body += (request.body.empty() ? "" : "&") + name + "=" + value;
    } else {
      request.query = fields;
    }
    data page;
    PresentCertificateForm(page, request);
    EXPECT_EQ(TemplateText(page, "person"), "0000000027") << c.method;
    EXPECT_EQ(Selected(page, "kinds"), "johyo") << c.method;
    EXPECT_EQ(Selected(page, "requesters"), "third-party") << c.method;
    EXPECT_EQ(Selected(page, "items"), "honseki") << c.method;
    EXPECT_EQ(TemplateFlag(page, "household"), c.household) << c.method;
    EXPECT_EQ(TemplateText(page, "copies"), "2") << c.method;
    EXPECT_TRUE(TemplateFlag(page, "certifier_acting")) << c.method;
    EXPECT_FALSE(TemplateFlag(page, "certifier_mayor")) << c.method;
  }
}

// REQ: JK-5.1
TEST(CertificateScreen, OnlyTheOverflowListAndMissingGlyphsShowTheirDetail) {
  EXPECT_TRUE(CertificateRefusalShowsDetail(
      MakeError(ErrorCode::kRuleViolation, std::string(rules::kCertificateOverflow), "氏名")));
  EXPECT_TRUE(CertificateRefusalShowsDetail(
      MakeError(ErrorCode::kRuleViolation, std::string(rules::kCertificateMissingGlyph), "x")));
  EXPECT_FALSE(CertificateRefusalShowsDetail(
      MakeError(ErrorCode::kForbidden, "protection.blocked", "0000000019")));
}

}  // namespace
}  // namespace jrr::web
