// SPDX-License-Identifier: Apache-2.0
//
// Certificates end to end: a real register file, the desk, the cairo/pango renderer, and the PDF
// read back through poppler's pdftotext and pdffonts (and zbarimg for the 転出証明書's QR code).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/records/move_out_certificate.h"
#include "jrr/forms/certificates/certificate_fill.h"
#include "jrr/forms/certificates/certificate_layout.h"
#include "jrr/forms/certificates/pdf_renderer.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

forms::PdfRenderer& Renderer() {
  static forms::PdfRenderer renderer;  // fonts loaded once, as in a serving process
  return renderer;
}

std::string Shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer;
  while (std::size_t n = fread(buffer.data(), 1, buffer.size(), pipe)) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class CertificateTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    settings_db_ = std::make_unique<SqliteRegisterSettings>(*db_);
    settings_db_->AddCertifier(
        Certifier{CertifierRole::kMayor, "架空市長", "架空　太郎", CalDay("2020-04-01"), {}});
    settings_db_->AddCertifier(Certifier{CertifierRole::kActing, "架空市副市長", "代理　五郎",
                                         CalDay("2026-12-01"), CalDay("2026-12-10")});
    settings_db_->AddPlace({"HONCHO", "本庁"});
    ASSERT_TRUE(settings_db_->AddTerminal({"T01", "HONCHO", "本庁1"}));
    ASSERT_TRUE(settings_db_->AddPrinter({"P01", "HONCHO", "プリンタ001"}));
    log_ = std::make_unique<SqliteAuditLog>(*db_);
    issuance_ = std::make_unique<SqliteIssuanceLog>(*db_);
  }

  Viewer Clerk(const char* today = "2026-11-27",
               std::set<Permission> permissions = AllPermissions()) {
    return Viewer{"clerk01", "本庁", "T01", std::move(permissions), CalDay(today), 1795000000};
  }

  CertificateDesk Desk(Viewer viewer, CertificateRenderer& renderer = Renderer()) {
    CertificateSettings s;
    s.municipality_code = "990001";
    s.municipality_name = "架空市";
    s.certifiers = settings_db_->Certifiers();
    s.terminal_name = "本庁1";
    s.printer_name = "プリンタ001";
    s.overflow = settings_db_->GetOverflowPolicy();
    return CertificateDesk(*repository_, *log_, *issuance_, renderer, s, std::move(viewer));
  }

  Result<IssuedCertificate> Issue(const CertificateRequest& request,
                                  const char* today = "2026-11-27") {
    return Desk(Clerk(today)).Issue(request);
  }

  static CertificateRequest Household(const std::string& person) {
    CertificateRequest r;
    r.person = person;
    r.whole_household = true;
    r.items = {OptionalItem::kHeadAndRelationship};
    return r;
  }

  // The text of pages first..last, through pdftotext.
  std::string PdfText(const std::string& pdf, int first = 1, int last = 0) {
    const std::string path = dir_.File("out.pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    std::string command = "pdftotext -layout -f " + std::to_string(first);
    if (last > 0) command += " -l " + std::to_string(last);
    return Shell(command + " " + path + " - 2>/dev/null");
  }
  int Pages(const std::string& pdf) {
    const std::string path = dir_.File("pages.pdf");
    std::ofstream(path, std::ios::binary) << pdf;
    const std::string info = Shell("pdfinfo " + path + " 2>/dev/null");
    const auto at = info.find("Pages:");
    return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
  }

  ChangeOutcome MoveInFive() {
    MoveInCommand command;
    command.input = Input("2026-10-01", "2026-10-05");
    command.persons = {
        Person("架空", "一郎", "カクウ", "イチロウ", "昭和55年4月1日", Sex::kMale, "世帯主"),
        Person("架空", "花子", "カクウ", "ハナコ", "昭和57年6月15日", Sex::kFemale, "妻"),
        Person("架空", "次郎", "カクウ", "ジロウ", "平成22年1月8日", Sex::kMale, "子"),
        Person("架空", "三郎", "カクウ", "サブロウ", "平成24年3月3日", Sex::kMale, "子"),
        Person("架空", "松子", "カクウ", "マツコ", "昭和25年2月2日", Sex::kFemale, "母"),
    };
    command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
    command.new_address = TownAddress("3番4号");
    auto outcome = Changes("2026-10-05").MoveIn(command);
    EXPECT_TRUE(outcome) << (outcome ? "" : outcome.error().rule_id);
    return *outcome;
  }

  // A 転出 of `movers` to 札幌 on 2026-12-15, notified on 2026-11-27.
  void MoveOutToSapporo(std::vector<std::string> movers) {
    MoveOutCommand move_out;
    move_out.input = Input("2026-12-15", "2026-11-27");
    move_out.movers = std::move(movers);
    move_out.destination = Address{"", "北海道札幌市中央区北一条西二丁目", "1番地", "", "", false};
    auto moved = Changes("2026-11-27").MoveOut(move_out);
    ASSERT_TRUE(moved) << moved.error().rule_id;
  }

  // The 転出証明書 of `person`'s 転出, everyone the 転出 moved.
  static CertificateRequest MoveOutCertificate(const std::string& person) {
    CertificateRequest request;
    request.kind = CertificateKind::kMoveOut;
    request.person = person;
    request.whole_household = true;
    return request;
  }

  std::unique_ptr<SqliteRegisterSettings> settings_db_;
  std::unique_ptr<SqliteAuditLog> log_;
  std::unique_ptr<SqliteIssuanceLog> issuance_;
};

// Layout-level golden dump: every field, position, size and text of a household copy. Set
// JRR_UPDATE_GOLDEN=1 to rewrite the file after an intended layout change, and review the diff.
// REQ: JK-1.1.3, JK-5.1, JK-5.2
TEST_F(CertificateTest, HouseholdCopyLayoutMatchesGolden) {
  const ChangeOutcome family = MoveInFamily();
  CertificateRequest request = Household(family.versions[0].addressee_number);
  request.items.insert(OptionalItem::kDomicile);
  auto plan = Desk(Clerk()).Plan(request);
  ASSERT_TRUE(plan) << plan.error().rule_id;
  const std::string dump = forms::DumpSheets(forms::FillCertificate(*plan, 7));
  const std::string golden_path =
      std::string(JRR_SOURCE_DIR) + "/tests/forms/golden/household_copy.txt";
  if (std::getenv("JRR_UPDATE_GOLDEN") != nullptr) std::ofstream(golden_path) << dump;
  std::ifstream golden(golden_path);
  std::stringstream expected;
  expected << golden.rdbuf();
  EXPECT_EQ(dump, expected.str());
}

// Four members a sheet; the fifth goes to a second sheet, and only that one carries the 認証文,
// the certifier and the seal. Page n/total in every 発行番号.
// REQ: JK-5.1, JK-5.5
TEST_F(CertificateTest, FiveMembersTakeTwoSheetsWithTheCertificationOnTheLast) {
  const ChangeOutcome family = MoveInFive();
  auto issued = Issue(Household(family.versions[0].addressee_number));
  ASSERT_TRUE(issued) << issued.error().rule_id;
  EXPECT_EQ(Pages(issued->pdf), 2);
  EXPECT_EQ(issued->record.sheets, 2);
  const std::string first = PdfText(issued->pdf, 1, 1);
  const std::string second = PdfText(issued->pdf, 2, 2);
  EXPECT_FALSE(Contains(first, "相違ないことを証明する"));
  EXPECT_TRUE(Contains(first, "次葉あり"));
  EXPECT_TRUE(Contains(first, "20261127 架空市 本庁1 プリンタ001 001 1/2"));
  EXPECT_TRUE(Contains(second, "この写しは、世帯全員の住民票の原本と相違ないことを証明する。"));
  EXPECT_TRUE(Contains(second, "架空県架空市長"));
  EXPECT_TRUE(Contains(second, "20261127 架空市 本庁1 プリンタ001 001 2/2"));
  // JK-5.2: 世帯主, 妻, 子 (by birth) on the first sheet, 母 (第3順位) on the second.
  EXPECT_LT(first.find("一郎"), first.find("花子"));
  EXPECT_LT(first.find("次郎"), first.find("三郎"));
  EXPECT_TRUE(Contains(second, "松子"));
  // Not requested: 本籍 prints as asterisks.
  EXPECT_TRUE(Contains(first, "＊＊＊＊＊＊"));
  EXPECT_FALSE(Contains(first, "桜町一丁目1番地"));
}

// REQ: JK-5.8
TEST_F(CertificateTest, FontsAreEmbeddedSubsets) {
  const ChangeOutcome family = MoveInFamily();
  auto issued = Issue(Household(family.versions[0].addressee_number));
  ASSERT_TRUE(issued);
  const std::string path = dir_.File("fonts.pdf");
  std::ofstream(path, std::ios::binary) << issued->pdf;
  const std::string fonts = Shell("pdffonts " + path);
  EXPECT_TRUE(Contains(fonts, "IPAmjMincho")) << fonts;
  EXPECT_TRUE(Contains(fonts, "IPAexGothic")) << fonts;
  std::istringstream lines(fonts);
  int rows = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!Contains(line, "+IPA")) continue;
    ++rows;
    EXPECT_TRUE(Contains(line, " yes yes ")) << "not an embedded subset: " << line;
  }
  EXPECT_GE(rows, 2);
}

// 𠮷 (outside the BMP) and 葛 with a Moji_Joho IVS render from IPAmj明朝, no glyph missing.
// REQ: JK-5.8
TEST_F(CertificateTest, NonBmpAndIvsNamesRender) {
  MoveInCommand command;
  command.input = Input("2026-10-01", "2026-10-05");
  command.persons = {Person("𠮷田", "葛\U000E0102子", "ヨシダ", "カツコ", "昭和60年1月1日",
                            Sex::kFemale, "世帯主")};
  command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
  command.new_address = TownAddress("5番6号");
  auto moved = Changes("2026-10-05").MoveIn(command);
  ASSERT_TRUE(moved) << moved.error().rule_id;
  CertificateRequest request;
  request.person = moved->versions[0].addressee_number;
  auto issued = Issue(request);
  ASSERT_TRUE(issued) << issued.error().rule_id << " " << issued.error().detail;
  EXPECT_TRUE(issued->overflow.empty());
  const std::string text = PdfText(issued->pdf);
  EXPECT_TRUE(Contains(text, "𠮷田")) << text;
  EXPECT_TRUE(Contains(text, "葛\U000E0102子")) << "the IVS sequence is kept in the text layer";
}

// A character no font has is refused before anything is recorded; never a blank box.
// REQ: JK-5.8
TEST_F(CertificateTest, MissingGlyphIsAnError) {
  forms::PlacedText t;
  t.box = {0, 0, 100, 6};
  t.text = "架空\U000F0000";  // a private-use character: no font draws it
  EXPECT_GT(Renderer().Fit(t).unknown_glyphs, 0);
  t.text = "𠮷野";
  EXPECT_EQ(Renderer().Fit(t).unknown_glyphs, 0);
}

// LAW: 住基法第12条の3
// REQ: JK-5.1
TEST_F(CertificateTest, ThirdPartyCannotObtainIndividualNumber) {
  const ChangeOutcome family = MoveInFamily();
  CertificateRequest request;
  request.person = family.versions[0].addressee_number;
  request.requester = Requester::kThirdParty;
  request.purpose = "債権回収";
  request.items = {OptionalItem::kIndividualNumber};
  auto refused = Issue(request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "certificate.item_not_allowed");
  EXPECT_EQ(Count("issuance"), 0);
  AuditQuery denied;
  denied.action = AuditAction::kDenied;
  ASSERT_EQ(log_->Search(denied).size(), 1u);
  EXPECT_EQ(log_->Search(denied)[0].event.outcome, "certificate.item_not_allowed");
  // The same request without the number goes through, with the 請求事由 kept.
  request.items = {OptionalItem::kDomicile};
  auto issued = Issue(request);
  ASSERT_TRUE(issued) << issued.error().rule_id;
  EXPECT_EQ(issuance_->Get(issued->record.issuance_id)->purpose, "債権回収");
}

// A clerk without the 個人番号 permission cannot print it either (JK-10.4).
// REQ: JK-10.4
TEST_F(CertificateTest, PrintingAnItemNeedsThePermissionToSeeIt) {
  const ChangeOutcome family = MoveInFamily();
  CertificateRequest request;
  request.person = family.versions[0].addressee_number;
  request.items = {OptionalItem::kIndividualNumber};
  std::set<Permission> permissions = AllPermissions();
  permissions.erase(Permission::kSeeIndividualNumber);
  auto refused = Desk(Clerk("2026-11-27", permissions)).Issue(request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "access.permission_denied");
}

// A 支援措置 target blocks issuance, for the whole household too, and nothing is recorded.
// REQ: JK-3.4, JK-5.1
TEST_F(CertificateTest, SupportMeasureTargetBlocksIssuance) {
  const ChangeOutcome family = MoveInFamily();
  SupportMeasure m;
  m.applicant = family.versions[1].addressee_number;
  m.state = SupportState::kInForce;
  m.perpetrator_name = "加害　太郎";
  ASSERT_TRUE(ProtectionDesk(repository_->Protections(), *log_, Clerk()).Register(m));
  auto refused = Issue(Household(family.versions[0].addressee_number));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "support.issue_blocked");
  EXPECT_EQ(Count("issuance"), 0);
  // The head is not a target, but his copy prints the address she lives at: refused as well,
  // naming her in the log.
  CertificateRequest head;
  head.person = family.versions[0].addressee_number;
  auto head_copy = Issue(head);
  ASSERT_FALSE(head_copy);
  EXPECT_EQ(head_copy.error().rule_id, "support.issue_blocked");
  EXPECT_EQ(
      db_->QueryInt(
          "SELECT count(*) FROM audit_target t JOIN audit_entry e ON e.sequence = t.sequence WHERE "
          "e.action = 'denied' AND t.addressee_number = '" +
          m.applicant + "'"),
      2);
  // The 閲覧用 list leaves the target and everyone at her address out instead of refusing
  // (JK-9.5); a neighbour in the area is listed.
  MoveInCommand neighbour;
  neighbour.input = Input("2026-10-01", "2026-10-05");
  neighbour.persons = {
      Person("隣野", "太郎", "トナリノ", "タロウ", "昭和50年2月3日", Sex::kMale, "世帯主")};
  neighbour.previous_address = Address{"", "東京都千代田区霞が関二丁目", "3番4号", "", "", false};
  neighbour.new_address = TownAddress("5番6号");
  ASSERT_TRUE(Changes("2026-10-05").MoveIn(neighbour));
  CertificateRequest list;
  list.kind = CertificateKind::kInspection;
  list.area = "99000100100";
  auto listed = Issue(list);
  ASSERT_TRUE(listed) << listed.error().rule_id;
  const std::string text = PdfText(listed->pdf);
  EXPECT_TRUE(Contains(text, "太郎")) << text;  // pdftotext spreads the full-width space
  EXPECT_FALSE(Contains(text, "一郎")) << text;
  EXPECT_FALSE(Contains(text, "花子"));
  EXPECT_EQ(listed->people.size(), 1u);
}

// Each copy has its own 発行番号, also when printed together; serials run on per day and terminal.
// REQ: JK-5.5, JK-1.3.8
// LAW: 住基法第12条
TEST_F(CertificateTest, EveryCopyGetsItsOwnNumberAndTheHistoryRecordsIt) {
  const ChangeOutcome family = MoveInFamily();
  CertificateRequest request = Household(family.versions[0].addressee_number);
  request.copies = 2;
  auto issued = Issue(request);
  ASSERT_TRUE(issued) << issued.error().rule_id;
  EXPECT_EQ(Pages(issued->pdf), 2);
  EXPECT_EQ(issued->record.numbers,
            (std::vector<std::string>{"20261127 架空市 本庁1 プリンタ001 001 1/1",
                                      "20261127 架空市 本庁1 プリンタ001 002 1/1"}));
  EXPECT_TRUE(Contains(PdfText(issued->pdf, 2, 2), "002 1/1"));
  auto next = Issue(Household(family.versions[0].addressee_number));
  ASSERT_TRUE(next);
  EXPECT_EQ(next->record.numbers.front(), "20261127 架空市 本庁1 プリンタ001 003 1/1");
  auto tomorrow = Issue(Household(family.versions[0].addressee_number), "2026-11-30");
  ASSERT_TRUE(tomorrow);
  EXPECT_EQ(tomorrow->record.numbers.front(), "20261130 架空市 本庁1 プリンタ001 001 1/1");
  // 交付履歴 (JK-1.3.8): time, place, people, kind, items, sheets, numbers, terminal, user.
  const IssuanceRecord stored = *issuance_->Get(issued->record.issuance_id);
  EXPECT_FALSE(stored.issued_at.empty());
  EXPECT_EQ(stored.place, "本庁");
  EXPECT_EQ(stored.terminal, "T01");
  EXPECT_EQ(stored.operator_id, "clerk01");
  EXPECT_EQ(stored.targets.size(), 3u);
  EXPECT_EQ(stored.items, (std::set<OptionalItem>{OptionalItem::kHeadAndRelationship}));
  EXPECT_EQ(stored.copies, 2);
  EXPECT_TRUE(stored.seal);
  EXPECT_FALSE(stored.individual_number);
  EXPECT_EQ(issuance_->Recent(family.versions[2].addressee_number, 10).size(), 3u);
  // 印刷ログ (JK-10.2) in the tamper-evident アクセスログ.
  AuditQuery printed;
  printed.action = AuditAction::kIssue;
  bool found = false;
  for (const AuditEntry& e : log_->Search(printed)) {
    if (Contains(e.event.detail, "issuance=" + std::to_string(stored.issuance_id) + " ")) {
      found = true;
      EXPECT_TRUE(Contains(e.event.detail, "seal=1"));
      EXPECT_TRUE(Contains(e.event.detail, "copies=2"));
    }
  }
  EXPECT_TRUE(found);
  // 処分: recorded once, never twice; the record stays.
  EXPECT_TRUE(issuance_->Dispose(stored.issuance_id, "clerk01", "印字かすれ"));
  EXPECT_EQ(issuance_->Dispose(stored.issuance_id, "clerk01", "again").error().rule_id,
            "issuance.already_disposed");
  EXPECT_TRUE(issuance_->Get(stored.issuance_id)->disposed_at.has_value());
}

// Before the 転出予定日 the 転出 is left out and the person is still on the household's copy;
// after it, the record is a 除票 and only the 除票の写し can be issued.
// REQ: JK-5.1
TEST_F(CertificateTest, PlannedMoveOutIsLeftOutUntilItsDate) {
  const ChangeOutcome family = MoveInFamily();
  std::vector<std::string> movers;
  for (const auto& v : family.versions) movers.push_back(v.addressee_number);
  MoveOutToSapporo(movers);
  auto before = Issue(Household(family.versions[0].addressee_number));
  ASSERT_TRUE(before) << before.error().rule_id;
  const std::string text = PdfText(before->pdf);
  EXPECT_EQ(before->people.size(), 3u);
  EXPECT_FALSE(Contains(text, "札幌")) << text;
  EXPECT_FALSE(Contains(text, "国内転出"));
  auto after = Issue(Household(family.versions[0].addressee_number), "2026-12-16");
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().rule_id, "certificate.not_resident");
  CertificateRequest johyo;
  johyo.kind = CertificateKind::kRemovedCopy;
  johyo.person = family.versions[0].addressee_number;
  auto removed = Issue(johyo, "2026-12-16");
  ASSERT_TRUE(removed) << removed.error().rule_id;
  const std::string removed_text = PdfText(removed->pdf);
  EXPECT_TRUE(Contains(removed_text, "住民票の除票の原本と相違ない"));
  EXPECT_TRUE(Contains(removed_text, "札幌"));
}

// The 転出証明書's QR code holds its data and is readable by a scanner.
// REQ: JK-5.1
// LAW: 住基法第24条
TEST_F(CertificateTest, MoveOutCertificateQrCodeDecodes) {
  const ChangeOutcome family = MoveInFamily();
  MoveOutToSapporo({family.versions[1].addressee_number, family.versions[2].addressee_number});
  const CertificateRequest request = MoveOutCertificate(family.versions[1].addressee_number);
  auto issued = Issue(request);
  ASSERT_TRUE(issued) << issued.error().rule_id;
  EXPECT_EQ(issued->people.size(), 2u);  // the two who moved, not the head who stays
  const std::string pdf_path = dir_.File("tenshutsu.pdf");
  std::ofstream(pdf_path, std::ios::binary) << issued->pdf;
  Shell("pdftoppm -r 400 -png -singlefile " + pdf_path + " " + dir_.File("tenshutsu"));
  const std::string decoded =
      Shell("zbarimg --quiet --raw " + dir_.File("tenshutsu.png") + " 2>/dev/null");
  EXPECT_TRUE(decoded.starts_with("JRR-TENSHUTSU/1\n")) << decoded;
  EXPECT_TRUE(Contains(decoded, "planned_date=2026-12-15"));
  EXPECT_TRUE(Contains(decoded, "name=架空　花子"));
  EXPECT_TRUE(Contains(decoded, "name=架空　次郎"));
  EXPECT_TRUE(Contains(decoded, "destination=北海道札幌市中央区北一条西二丁目1番地"));
  EXPECT_FALSE(Contains(decoded, "name=架空　一郎"));
  EXPECT_TRUE(issued->record.individual_number);  // the 転出証明書 carries the 個人番号
}

// A renderer that lays out as the real one does and then fails to print, as a font or cairo
// failure would.
class RendererThatFails : public CertificateRenderer {
 public:
  LayoutCheck Check(const CertificatePlan& plan) override { return Renderer().Check(plan); }
  std::string Render(const CertificatePlan&, const std::vector<int>&) override {
    throw std::runtime_error("cairo: out of memory");
  }
};

// The 印刷ログ entries (the clearance before them is an access of its own, logged either way).
std::size_t PrintLogEntries(AuditLog& log) {
  std::size_t n = 0;
  for (const AuditEntry& e : log.Search(AuditQuery{})) n += e.event.function.ends_with("・印刷");
  return n;
}

// Nothing is recorded that did not print: a render that fails leaves no 交付履歴 and no 印刷ログ,
// and the next certificate gets the 発行番号 the failed one had taken.
// REQ: JK-1.3.8, JK-10.2
TEST_F(CertificateTest, ACertificateThatFailsToPrintIsNotRecorded) {
  const ChangeOutcome family = MoveInFive();
  RendererThatFails failing;
  EXPECT_THROW((void)Desk(Clerk(), failing).Issue(Household(family.versions[0].addressee_number)),
               std::runtime_error);
  EXPECT_TRUE(issuance_->Recent(std::nullopt, 10).empty());
  EXPECT_EQ(PrintLogEntries(*log_), 0u);
  auto issued = Issue(Household(family.versions[0].addressee_number));
  ASSERT_TRUE(issued) << issued.error().rule_id;
  EXPECT_EQ(issued->record.number.serial, 1);
  EXPECT_EQ(issuance_->Recent(std::nullopt, 10).size(), 1u);
  EXPECT_EQ(PrintLogEntries(*log_), 1u);
}

// A 転出証明書 carries a QR code a mover, under the movers' blocks of each sheet; the codes of one
// certificate make one set. As 個人票, each person's certificate has its own code, read alone.
// REQ: JK-4.1.3.0.3
// LAW: 住基法第24条
TEST_F(CertificateTest, AMoveOutCarriesACodeAMover) {
  const ChangeOutcome family = MoveInFive();
  std::vector<std::string> movers;
  for (const ResidentRecord& r : family.versions) movers.push_back(r.addressee_number);
  MoveOutToSapporo(movers);
  CertificateRequest request = MoveOutCertificate(family.versions[0].addressee_number);
  auto plan = Desk(Clerk()).Plan(request);
  ASSERT_TRUE(plan) << plan.error().rule_id;
  std::vector<forms::Sheet> sheets = forms::FillCertificate(*plan, 1);
  ASSERT_EQ(sheets.size(), 2u);
  ASSERT_EQ(sheets[0].codes.size(), 3u);
  ASSERT_EQ(sheets[1].codes.size(), 2u);
  std::string all;
  for (const forms::Sheet& sheet : sheets) {
    for (const forms::PlacedCode& code : sheet.codes) {
      EXPECT_FALSE(DecodeMoveOutData(code.data)) << "one code of a set does not read alone";
      all += code.data;
    }
  }
  auto read = DecodeMoveOutData(all);
  ASSERT_TRUE(read) << read.error().detail;
  EXPECT_EQ(read->persons.size(), 5u);
  EXPECT_EQ(Renderer().Check(*plan).codes_too_large, 0);

  request.individual_sheet = true;
  plan = Desk(Clerk()).Plan(request);
  ASSERT_TRUE(plan) << plan.error().rule_id;
  sheets = forms::FillCertificate(*plan, 1);
  ASSERT_EQ(sheets.size(), 5u);
  for (const forms::Sheet& sheet : sheets) {
    ASSERT_EQ(sheet.codes.size(), 1u);
    auto alone = DecodeMoveOutData(sheet.codes[0].data);
    ASSERT_TRUE(alone) << alone.error().detail;
    EXPECT_EQ(alone->persons.size(), 1u);
  }
}

// A mover whose items no code holds (a 方書 of 700 characters) is refused before anything is
// recorded, not recorded and then failed.
// REQ: JK-4.1.3.0.3
TEST_F(CertificateTest, AMoveOutCodeTooLargeIsRefusedBeforeRecording) {
  MoveInCommand command;
  command.input = Input("2026-10-01", "2026-10-05");
  command.persons = {
      Person("長方", "太郎", "ナガカタ", "タロウ", "昭和60年1月1日", Sex::kMale, "世帯主")};
  command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
  std::string katagaki;
  for (int i = 0; i < 70; ++i) katagaki += "架空第一号棟の十号室";
  command.new_address = TownAddress("7番8号", katagaki.c_str());
  auto moved = Changes("2026-10-05").MoveIn(command);
  ASSERT_TRUE(moved) << moved.error().rule_id;
  MoveOutToSapporo({moved->versions[0].addressee_number});
  CertificateRequest request = MoveOutCertificate(moved->versions[0].addressee_number);
  request.acknowledged = {"certificate.overflow"};
  auto refused = Issue(request);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().rule_id, "certificate.code_too_large");
  EXPECT_TRUE(issuance_->Recent(std::nullopt, 10).empty());
}

// A value too long for its box shrinks; what still overflows is an alert with the 文字超過リスト,
// printed to the limit or left blank as the municipality set.
// REQ: JK-5.8
TEST_F(CertificateTest, OverflowAlertsAndFollowsThePolicy) {
  MoveInCommand command;
  command.input = Input("2026-10-01", "2026-10-05");
  command.persons = {
      Person("長名", "太郎", "チョウナ", "タロウ", "昭和60年1月1日", Sex::kMale, "世帯主")};
  command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
  std::string katagaki = "超長方書";
  for (int i = 0; i < 12; ++i) katagaki += "グランドメゾン架空第";
  command.new_address = TownAddress("7番8号", katagaki.c_str());
  auto moved = Changes("2026-10-05").MoveIn(command);
  ASSERT_TRUE(moved) << moved.error().rule_id;
  CertificateRequest request;
  request.person = moved->versions[0].addressee_number;
  auto alert = Issue(request);
  ASSERT_FALSE(alert);
  EXPECT_EQ(alert.error().rule_id, "certificate.overflow");
  EXPECT_TRUE(Contains(alert.error().detail, "header.address"));
  EXPECT_EQ(Count("issuance"), 0);
  request.acknowledged = {"certificate.overflow"};
  auto limit = Issue(request);
  ASSERT_TRUE(limit) << limit.error().rule_id;
  ASSERT_FALSE(limit->overflow.empty());
  EXPECT_TRUE(Contains(PdfText(limit->pdf), "超長方書"));
  settings_db_->SetOverflowPolicy(OverflowPolicy::kBlank);
  auto blank = Issue(request);
  ASSERT_TRUE(blank);
  EXPECT_FALSE(Contains(PdfText(blank->pdf), "超長方書"));
  // A value that only needs to shrink is no alert.
  forms::PlacedText t;
  t.box = {0, 0, 40, 5};
  t.size_pt = 9;
  t.min_size_pt = 5.4;
  t.text = "架空県架空市桜町一丁目1番2号";
  const forms::FittedText fitted = Renderer().Fit(t);
  EXPECT_LT(fitted.size_pt, 9);
  EXPECT_FALSE(fitted.overflow);
  EXPECT_LE(fitted.width_mm, 40);
}

// The acting official certifies during their period, by date alone (JK-1.3.9); the title carries
// the prefecture (JK-5.6); the seal is at most 25 mm (JK-5.6); 公用 is marked (JK-5.7).
// REQ: JK-1.3.9, JK-5.6, JK-5.7
TEST_F(CertificateTest, CertifierSealAndOfficialMark) {
  const ChangeOutcome family = MoveInFamily();
  CertificateRequest request;
  request.person = family.versions[0].addressee_number;
  const std::string mayor = PdfText(Issue(request)->pdf);
  EXPECT_TRUE(Contains(mayor, "架空県架空市長")) << mayor;
  EXPECT_TRUE(Contains(mayor, "太郎"));
  EXPECT_TRUE(Contains(mayor, "この印は黒色です"));
  EXPECT_FALSE(Contains(mayor, "公用"));
  const std::string acting = PdfText(Issue(request, "2026-12-05")->pdf);
  EXPECT_TRUE(Contains(acting, "架空県架空市長職務代理者")) << acting;
  EXPECT_TRUE(Contains(acting, "五郎"));
  EXPECT_FALSE(Contains(PdfText(Issue(request, "2026-12-11")->pdf), "五郎"));
  // Per certificate (JK-5.6): the mayor during the acting period, and 公印省略.
  request.certifier = CertifierRole::kMayor;
  request.seal = false;
  auto chosen = Issue(request, "2026-12-05");
  ASSERT_TRUE(chosen) << chosen.error().rule_id;
  const std::string chosen_text = PdfText(chosen->pdf);
  EXPECT_TRUE(Contains(chosen_text, "太郎"));
  EXPECT_FALSE(Contains(chosen_text, "職務代理者"));
  EXPECT_TRUE(Contains(chosen_text, "公印省略"));
  EXPECT_FALSE(issuance_->Get(chosen->record.issuance_id)->seal);
  request.certifier = CertifierRole::kActing;  // none registered for this day
  EXPECT_EQ(Issue(request, "2026-11-27").error().rule_id, "certificate.no_certifier");
  request.certifier.reset();
  request.seal = true;
  request.requester = Requester::kOfficial;
  EXPECT_TRUE(Contains(PdfText(Issue(request)->pdf), "公用"));
  const forms::Box seal = forms::CertificatePage().seal;
  EXPECT_LE(seal.w, 25.0);
  EXPECT_LE(seal.h, 25.0);
}

// A foreign resident: 生年月日 in 西暦; the 在留 items only on request.
// REQ: JK-1.1.9, JK-5.1
TEST_F(CertificateTest, ForeignResidentDatesAndItems) {
  MoveInCommand command;
  command.input = Input("2026-10-01", "2026-10-05");
  NewPerson p = Person("", "", "", "", "1990-07-14", Sex::kFemale, "世帯主");
  p.kind = ResidentKind::kForeign;
  p.domicile = Domicile{};
  p.foreign.alphabet_name = "ZHANG YULIN";
  p.foreign.nationality = "中国";
  p.foreign.category = ForeignCategory::kMidToLongTerm;
  p.foreign.status_of_residence = "技術・人文知識・国際業務";
  p.foreign.period_of_stay = "3年";
  p.foreign.period_expiry = CalDay("2028-03-31");
  p.foreign.residence_card_number = "AB12345678CD";
  command.persons = {p};
  command.from_abroad = true;
  command.previous_address = Address{"", "中国", "", "", "", true};
  command.new_address = TownAddress("9番9号");
  auto moved = Changes("2026-10-05").MoveIn(command);
  ASSERT_TRUE(moved) << moved.error().rule_id << " " << moved.error().detail;
  CertificateRequest request;
  request.person = moved->versions[0].addressee_number;
  std::string text = PdfText(Issue(request)->pdf);
  EXPECT_TRUE(Contains(text, "ZHANG YULIN"));
  EXPECT_TRUE(Contains(text, "1990年7月14日")) << text;
  EXPECT_FALSE(Contains(text, "技術・人文知識・国際業務"));
  request.items = {OptionalItem::kForeignItems};
  text = PdfText(Issue(request)->pdf);
  EXPECT_TRUE(Contains(text, "技術・人文知識・国際業務"));
  EXPECT_TRUE(Contains(text, "2028年3月31日"));
}

// 改製 (JK-1.1.4): on the municipality's decision, a person's 住民票 is made anew; every item
// carries over, the history before stays in the register (改製原住民票), and a 住民票の写し with
// its history prints from the 改製 on. Nothing is remade automatically.
// REQ: JK-1.1.4, JK-5.1
TEST_F(CertificateTest, AfterRemakingTheCopyWithHistoryStartsAtTheRemaking) {
  const ChangeOutcome family = MoveInFive();
  const std::string ichiro = family.versions[0].addressee_number;
  CorrectionCommand fix;
  fix.input = Input("2026-10-10", "2026-10-10");
  fix.reason = ChangeReason::kClericalErrorCorrection;
  fix.addressee_number = ichiro;
  fix.given_name = "一朗";
  ASSERT_TRUE(Changes("2026-10-10").Correction(fix));
  RemakingCommand remake;
  remake.input = Input("2026-10-20", "2026-10-20");
  remake.persons = {ichiro};
  auto remade = Changes("2026-10-20").Remaking(remake);
  ASSERT_TRUE(remade) << remade.error().rule_id;
  EXPECT_EQ(remade->change.reason, ChangeReason::kEntryRemaking);
  EXPECT_TRUE(remade->change.ex_officio);
  const auto history = repository_->History(ichiro);
  ASSERT_EQ(history.size(), 3u) << "the 改製原住民票's versions stay";
  EXPECT_EQ(history.back().version.given_name, "一朗") << "every item carries over";
  EXPECT_EQ(history.back().version.address, history[1].version.address);
  CertificateRequest request;
  request.person = ichiro;
  request.individual_sheet = true;
  request.with_history = true;
  auto plan = Desk(Clerk()).Plan(request);
  ASSERT_TRUE(plan) << plan.error().rule_id;
  ASSERT_EQ(plan->people.size(), 1u);
  ASSERT_EQ(plan->people[0].history.size(), 1u) << "printed from the 改製 on";
  EXPECT_EQ(plan->people[0].history[0].change.reason, ChangeReason::kEntryRemaking);
  // Someone not remade still prints their whole history.
  request.person = family.versions[1].addressee_number;
  auto whole = Desk(Clerk()).Plan(request);
  ASSERT_TRUE(whole);
  EXPECT_EQ(whole->people[0].history.size(), 1u);
  EXPECT_EQ(whole->people[0].history[0].change.reason, ChangeReason::kDomesticMoveIn);
  // Refused like any 異動 on people of two households or none.
  remake.persons = {};
  EXPECT_EQ(Changes("2026-10-20").Remaking(remake).error().rule_id, "change.no_movers");
}

}  // namespace
}  // namespace jrr::testing
