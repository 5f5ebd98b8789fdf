// SPDX-License-Identifier: Apache-2.0
//
// `jrr certificate` as a clerk uses it: issue to a file, refusals with a message and exit 1,
// usage errors with exit 2, the layout dump, the 交付履歴 and the 処分.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <tuple>

#include "support/cli_runner.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

const char* kFamily =
    R"({"type":"move_in","event_date":"2026-10-01","notification_date":"2026-10-02",
  "persons":[{"family_name":"架空","given_name":"一郎","family_kana":"カクウ","given_kana":"イチロウ",
              "birth_date":"昭和55年4月1日","sex":"male","relationship":"世帯主",
              "domicile":{"place":"架空県架空市桜町一丁目1番地","head_of_family":"架空　一郎"}},
             {"family_name":"架空","given_name":"花子","family_kana":"カクウ","given_kana":"ハナコ",
              "birth_date":"昭和57年6月15日","sex":"female","relationship":"妻","domicile":{"state":"不明"}}],
  "previous_address":{"text":"東京都千代田区霞が関二丁目","banchi":"1番2号"},
  "new_address":{"text":"架空県架空市桜町一丁目","banchi":"1番2号","katagaki":"さくら荘101"}})";

class CertificateCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_.File("r.db");
    ASSERT_EQ(
        RunCli({"init", "--db", db_, "--municipality-code", "990001", "--name", "架空市"}).status,
        0);
    std::ofstream(dir_.File("f.json")) << kFamily;
    ASSERT_EQ(RunCli({"apply", "--db", db_, dir_.File("f.json")}).status, 0);
  }
  CliOutcome Certificate(std::vector<std::string> more) {
    std::vector<std::string> args = {"certificate", "--db", db_};
    args.insert(args.end(), more.begin(), more.end());
    return RunCli(args);
  }
  void AddMayor() {
    ASSERT_EQ(RunCli({"settings", "--db", db_, "add-certifier", "--role", "mayor", "--title",
                      "架空市長", "--name", "架空　太郎", "--from", "2020-04-01"})
                  .status,
              0);
  }
  TempDir dir_;
  std::string db_;
};

// REQ: JK-5.1, JK-1.3.8, JK-1.3.9, JK-5.2, JK-5.8
TEST_F(CertificateCliTest, IssueLayoutHistoryAndDisposal) {
  const std::string out = dir_.File("c.pdf");
  // No certifier registered yet: refused, nothing written.
  auto no_mayor = Certificate({"--person", "0000000019", "--household", "--out", out});
  EXPECT_EQ(no_mayor.status, 1);
  EXPECT_NE(no_mayor.err.find("[certificate.no_certifier]"), std::string::npos) << no_mayor.err;
  AddMayor();
  auto issued = Certificate(
      {"--person", "0000000019", "--household", "--with", "zokugara,honseki", "--out", out});
  ASSERT_EQ(issued.status, 0) << issued.err;
  EXPECT_NE(issued.out.find("住民票の写し を発行しました"), std::string::npos);
  std::ifstream file(out, std::ios::binary);
  std::string head(5, '\0');
  file.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");
  // The layout dump shows what would print, without issuing.
  auto layout = Certificate({"layout", "--person", "0000000019", "--household"});
  ASSERT_EQ(layout.status, 0) << layout.err;
  EXPECT_NE(layout.out.find("member.name 0000000027"), std::string::npos);
  EXPECT_NE(layout.out.find("header.address - 36.0 26.0"), std::string::npos);
  EXPECT_NE(layout.out.find("さくら荘101"), std::string::npos);  // 方書 always printed (JK-5.4)
  // 交付履歴 and 処分.
  auto history = Certificate({"history", "--person", "0000000027"});
  EXPECT_EQ(history.status, 0);
  EXPECT_NE(history.out.find("住民票の写し"), std::string::npos);
  EXPECT_NE(history.out.find("発行番号 "), std::string::npos);
  EXPECT_NE(history.out.find("交付履歴 1 件"), std::string::npos);
  EXPECT_EQ(Certificate({"dispose", "1", "--reason", "印字かすれ"}).status, 0);
  auto twice = Certificate({"dispose", "1", "--reason", "again"});
  EXPECT_EQ(twice.status, 1);
  EXPECT_NE(twice.err.find("[issuance.already_disposed]"), std::string::npos);
  EXPECT_NE(Certificate({"history"}).out.find("【処分"), std::string::npos);
  // 世帯員の並び順 (JK-5.2): set, kept, used on the copy; a wrong list is refused.
  EXPECT_EQ(Certificate({"order", "0000000019", "--members", "0000000027"}).status, 1);
  auto ordered = Certificate({"order", "0000000019", "--members", "0000000027,0000000019"});
  ASSERT_EQ(ordered.status, 0) << ordered.err;
  EXPECT_LT(ordered.out.find("0000000027"), ordered.out.find("0000000019  "));
  auto relaid = Certificate({"layout", "--person", "0000000019", "--household"});
  EXPECT_LT(relaid.out.find("member.name 0000000027"), relaid.out.find("member.name 0000000019"));
  // The 文字溢れ setting (JK-5.8), logged as a settings change.
  auto sideways = RunCli({"settings", "--db", db_, "set-overflow", "--policy", "sideways"});
  EXPECT_EQ(sideways.status, 1);
  EXPECT_NE(sideways.err.find("[settings.bad_value]"), std::string::npos) << sideways.err;
  ASSERT_EQ(RunCli({"settings", "--db", db_, "set-overflow", "--policy", "blank"}).status, 0);
  EXPECT_NE(RunCli({"settings", "--db", db_, "show"}).out.find("文字溢れ: 空白で印字"),
            std::string::npos);
}

// REQ: JK-5.1, JK-5.4
// LAW: 住基法第12条の3
TEST_F(CertificateCliTest, RefusalsAndUsageErrors) {
  AddMayor();
  const std::string out = dir_.File("x.pdf");
  struct Row {
    std::vector<std::string> args;
    int status;
    const char* expect;  // in stderr
  };
  const Row kRows[] = {
      {{"--person", "0000000019", "--requester", "third-party", "--purpose", "相続", "--with",
        "kojin-bango", "--out", out},
       1,
       "[certificate.item_not_allowed]"},
      {{"--person", "0000000019", "--requester", "third-party", "--out", out},
       1,
       "[certificate.purpose_required]"},
      {{"--person", "0000000019", "--with", "zodiac", "--out", out},
       1,
       "[certificate.unknown_item]"},
      {{"--person", "0000000019", "--kind", "koseki", "--out", out},
       1,
       "[certificate.unknown_kind]"},
      {{"--person", "0000000019", "--omit-katagaki", "--out", out},
       1,
       "[certificate.katagaki_not_omissible]"},
      {{"--person", "0000000019", "--copies", "0", "--out", out}, 1, "[certificate.copies_range]"},
      {{"--person", "9999999999", "--out", out}, 1, "[change.person_not_found]"},
      {{"--person", "0000000019", "--kind", "johyo", "--out", out}, 1, "[certificate.not_removed]"},
      {{"--person", "0000000019", "--kind", "tenshutsu", "--out", out},
       1,
       "[certificate.not_moving_out]"},
      {{"--out", out}, 1, "[certificate.person_required]"},
      {{"--person", "0000000019", "--requester", "neighbour", "--out", out},
       1,
       "[certificate.unknown_requester]"},
      {{"--person", "0000000019", "--certifier", "boss", "--out", out},
       1,
       "[certificate.unknown_certifier]"},
      {{"--kind", "etsuran", "--random", "abc", "--out", out}, 1, "[certificate.seed_invalid]"},
      {{"--kind", "etsuran", "--area", "北海道", "--out", out}, 1, "[certificate.nobody]"},
      {{"--person", "0000000019"}, 2, "--out"},
      {{"frobnicate", "--person", "0000000019"}, 2, "知らない操作"},
  };
  for (const Row& row : kRows) {
    auto outcome = Certificate(row.args);
    EXPECT_EQ(outcome.status, row.status) << row.expect << "\n" << outcome.err;
    EXPECT_NE(outcome.err.find(row.expect), std::string::npos) << outcome.err;
  }
  std::ifstream none(out);
  EXPECT_FALSE(none.good()) << "a refused request wrote a file";
  // 記載事項証明書 may omit the 方書.
  auto kisai =
      Certificate({"layout", "--person", "0000000019", "--kind", "kisai", "--omit-katagaki"});
  EXPECT_EQ(kisai.status, 0) << kisai.err;
  EXPECT_EQ(kisai.out.find("さくら荘101"), std::string::npos);
}

// 印鑑登録 from the command line: a sample impression, same-day registration, the certificate with
// the impression at its actual size (pdfimages: pixels and ppi), the 照会書, and 廃止.
// LAW: 印鑑条例 (登録, 証明書の交付, 廃止)
TEST_F(CertificateCliTest, SealFromApplicationToCertificateAndAbolition) {
  AddMayor();
  const std::string image = dir_.File("seal.png");
  ASSERT_EQ(RunCli({"seal", "sample-image", "--out", image, "--diameter", "15", "--dpi", "600",
                    "--text", "架空"})
                .status,
            0);
  for (const auto& [option, value, rule] :
       {std::tuple{"--route", "post", "[seal.unknown_route]"},
        std::tuple{"--name-form", "nickname", "[seal.unknown_name_form]"}}) {
    auto wrong = RunCli({"seal", "--db", db_, "apply", "--person", "0000000019", "--image", image,
                         "--dpi", "600", "--attest", "material,legibility", "--id-document",
                         "運転免許証", option, value});
    EXPECT_EQ(wrong.status, 1);
    EXPECT_NE(wrong.err.find(rule), std::string::npos) << wrong.err;
  }
  auto small =
      RunCli({"seal", "--db", db_, "apply", "--person", "0000000019", "--image", image, "--dpi",
              "1200", "--attest", "material,legibility", "--id-document", "運転免許証"});
  EXPECT_EQ(small.status, 1);  // read at 1200 dpi the same pixels are 7.5 mm: too small
  EXPECT_NE(small.err.find("[seal.too_small]"), std::string::npos) << small.err;
  auto applied =
      RunCli({"seal", "--db", db_, "apply", "--person", "0000000019", "--image", image, "--dpi",
              "600", "--attest", "material,legibility", "--id-document", "運転免許証"});
  ASSERT_EQ(applied.status, 0) << applied.err;
  EXPECT_NE(applied.out.find("登録番号 000001  登録証 K000001"), std::string::npos) << applied.out;
  const std::string pdf = dir_.File("inkan.pdf");
  auto wrong_card = RunCli({"seal", "--db", db_, "certificate", "--person", "0000000019", "--card",
                            "K000002", "--out", pdf});
  EXPECT_EQ(wrong_card.status, 1);
  EXPECT_NE(wrong_card.err.find("[seal.card_mismatch]"), std::string::npos);
  auto issued = RunCli({"seal", "--db", db_, "certificate", "--person", "0000000019", "--card",
                        "K000001", "--out", pdf});
  ASSERT_EQ(issued.status, 0) << issued.err;
  auto shell = [](const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[4096];
    while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
    pclose(pipe);
    return out;
  };
  const std::string text = shell("pdftotext -layout " + pdf + " -");
  EXPECT_NE(text.find("印鑑登録証明書"), std::string::npos);
  EXPECT_NE(text.find("登録されている印影と相違ないことを証明する"), std::string::npos);
  EXPECT_NE(text.find("昭和55年4月1日"), std::string::npos);
  EXPECT_NE(text.find("架空県架空市桜町一丁目1番2号"), std::string::npos);
  // The impression is in the PDF at 600 ppi: its pixels over its resolution are its true size,
  // 15 mm of seal and a 1 mm margin each side.
  std::istringstream images(shell("pdfimages -list " + pdf));
  std::string line;
  std::getline(images, line);
  std::getline(images, line);
  ASSERT_TRUE(std::getline(images, line));
  std::istringstream row(line);
  std::string page, num, type, width, height, color, comp, bpc, enc, interp, object, generation,
      ppi;
  row >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >>
      object >> generation >> ppi;
  EXPECT_NEAR(std::stod(width) / std::stod(ppi) * 25.4, 17.0, 0.2) << line;
  // 照会書 for an application under 照会, then 廃止 ends certificates.
  const std::string second = dir_.File("seal2.png");
  ASSERT_EQ(
      RunCli({"seal", "sample-image", "--out", second, "--diameter", "12", "--text", "花"}).status,
      0);
  auto agent = RunCli({"seal", "--db", db_, "apply", "--person", "0000000027", "--image", second,
                       "--dpi", "600", "--attest", "material,legibility", "--agent"});
  ASSERT_EQ(agent.status, 0) << agent.err;
  EXPECT_NE(agent.out.find("照会中"), std::string::npos);
  const std::string letter = dir_.File("inquiry.pdf");
  ASSERT_EQ(RunCli({"seal", "--db", db_, "inquiry", "2", "--out", letter}).status, 0);
  EXPECT_NE(shell("pdftotext " + letter + " -").find("印鑑登録回答書"), std::string::npos);
  ASSERT_EQ(RunCli({"seal", "--db", db_, "abolish", "000001"}).status, 0);
  auto after = RunCli({"seal", "--db", db_, "certificate", "--person", "0000000019", "--card",
                       "K000001", "--out", pdf});
  EXPECT_EQ(after.status, 1);
  EXPECT_NE(after.err.find("[seal.not_active]"), std::string::npos);
  auto shown = RunCli({"seal", "--db", db_, "show", "--person", "0000000019"});
  EXPECT_NE(shown.out.find("廃止申請"), std::string::npos);
  // The municipality's own limits (Kobe-style 6 mm floor): the 7.5 mm reading now registers.
  ASSERT_EQ(
      RunCli({"settings", "--db", db_, "set-seal", "--too-small-mm", "6", "--minimum-age", "14"})
          .status,
      0);
  EXPECT_NE(RunCli({"settings", "--db", db_, "show"}).out.find("印鑑登録: 14歳以上、印影は6mm角"),
            std::string::npos);
  auto kobe =
      RunCli({"seal", "--db", db_, "apply", "--person", "0000000019", "--image", image, "--dpi",
              "1200", "--attest", "material,legibility", "--id-document", "運転免許証"});
  EXPECT_EQ(kobe.status, 0) << kobe.err;
}

}  // namespace
}  // namespace jrr::testing
