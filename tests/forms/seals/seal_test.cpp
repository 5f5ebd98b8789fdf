// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録: the impression's measurement from generated images at known resolutions, eligibility,
// the workflow (same day, 保証書, 照会書 and its deadline), numbers never reused, and the coupling
// to 住民記録 (a 転出 or 死亡 ends the registration in the 異動's own commit).
#include <gtest/gtest.h>

#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/forms/seals/seal_image.h"
#include "jrr/persistence/seals/sqlite_seal_register.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

// LAW: 印鑑条例 (8 mm / 25 mm squares)
TEST(SealImpression, MeasuredAtItsResolutionAndRotationAware) {
  struct Row {
    const char* name;
    std::string image;
    double dpi;
    double expected_mm;
  };
  const Row kRows[] = {
      {"round 15 mm at 600 dpi", forms::DrawSampleImpression(15, 600, "架空"), 600, 15.0},
      {"round 15 mm at 300 dpi", forms::DrawSampleImpression(15, 300, "架空"), 300, 15.0},
      {"the 300 dpi image read as 600 dpi is half the size",
       forms::DrawSampleImpression(15, 300, "架空"), 600, 7.5},
      {"square 12 mm", forms::DrawSampleSquare(12, 600, 0), 600, 12.0},
      // Tilted 45°: its upright bounding box is 17 mm, but the seal is 12 mm.
      {"square 12 mm tilted 45°", forms::DrawSampleSquare(12, 600, 45), 600, 12.0},
      {"square 7.5 mm tilted 30° (JPEG)", forms::DrawSampleSquare(7.5, 600, 30, true), 600, 7.5},
  };
  for (const Row& row : kRows) {
    auto measured = forms::MeasureImpression(row.image, row.dpi);
    ASSERT_TRUE(measured) << row.name << ": " << measured.error().rule_id;
    EXPECT_NEAR(measured->measure.smallest_square_mm, row.expected_mm, 0.25) << row.name;
    EXPECT_EQ(measured->measure.digest.size(), 64u);
    EXPECT_GT(measured->measure.width_mm, row.expected_mm);  // the crop keeps a 1 mm margin
  }
  // Same pixels, same digest; a different seal, another.
  EXPECT_EQ(forms::MeasureImpression(forms::DrawSampleSquare(12, 600, 0), 600)->measure.digest,
            forms::MeasureImpression(forms::DrawSampleSquare(12, 600, 0), 600)->measure.digest);
  EXPECT_NE(forms::MeasureImpression(forms::DrawSampleSquare(12, 600, 0), 600)->measure.digest,
            forms::MeasureImpression(forms::DrawSampleSquare(12, 600, 10), 600)->measure.digest);
  EXPECT_EQ(forms::MeasureImpression("GIF89a....", 600).error().rule_id, "seal.image_unreadable");
  EXPECT_EQ(forms::MeasureImpression(forms::DrawSampleSquare(12, 600, 0), 50).error().rule_id,
            "seal.image_resolution");
  EXPECT_EQ(
      forms::MeasureImpression(forms::DrawSampleImpression(0.01, 600, ""), 600).error().rule_id,
      "seal.no_ink");
}

class SealTest : public RegisterFixture {
 protected:
  void SetUp() override {
    RegisterFixture::SetUp();
    family_ = MoveInFamily();
    head_ = family_.versions[0].addressee_number;
    wife_ = family_.versions[1].addressee_number;
    child_ = family_.versions[2].addressee_number;  // born 平成22年1月8日
    log_ = std::make_unique<SqliteAuditLog>(*db_);
    seals_ = std::make_unique<SqliteSealRegister>(*db_);
  }
  SealDesk Desk(const char* today = "2026-11-27") {
    return SealDesk(*repository_, *seals_, *log_, SealSettings{},
                    Viewer{"clerk01", "本庁", "T01", AllPermissions(), CalDay(today), 0});
  }
  SealApplication Application(const std::string& person, double size_mm = 15, double degrees = 0) {
    auto measured = forms::MeasureImpression(forms::DrawSampleSquare(size_mm, 600, degrees), 600);
    SealApplication a;
    a.addressee_number = person;
    a.id_document = "運転免許証";
    a.material_attested = true;
    a.legibility_attested = true;
    a.impression = measured->measure;
    a.impression_png = measured->png;
    return a;
  }
  ChangeOutcome family_;
  std::string head_, wife_, child_;
  std::unique_ptr<SqliteAuditLog> log_;
  std::unique_ptr<SqliteSealRegister> seals_;
};

// LAW: 印鑑条例 (登録資格, 登録できない印鑑)
TEST_F(SealTest, EligibilityAndImpressionRules) {
  struct Row {
    const char* name;
    std::function<SealApplication()> application;
    const char* today;
    const char* rule;  // nullptr: registered
  };
  const Row kRows[] = {
      {"7 mm: fits the 8 mm square", [&] { return Application(head_, 7); }, "2026-11-27",
       "seal.too_small"},
      {"26 mm: not in the 25 mm square", [&] { return Application(head_, 26); }, "2026-11-27",
       "seal.too_large"},
      {"not attested",
       [&] {
         auto a = Application(head_);
         a.material_attested = false;
         return a;
       },
       "2026-11-27", "seal.not_attested"},
      {"no photo ID",
       [&] {
         auto a = Application(head_);
         a.id_document.clear();
         return a;
       },
       "2026-11-27", "seal.id_required"},
      {"旧氏 not recorded",
       [&] {
         auto a = Application(head_);
         a.name_form = SealNameForm::kFormerSurname;
         return a;
       },
       "2026-11-27", "seal.name_form_unavailable"},
      {"通称 for a Japanese resident",
       [&] {
         auto a = Application(head_);
         a.name_form = SealNameForm::kCommonName;
         return a;
       },
       "2026-11-27", "seal.name_form_unavailable"},
      {"child the day before turning 15", [&] { return Application(child_); }, "2025-01-07",
       "seal.under_age"},
      {"child on the 15th birthday", [&] { return Application(child_, 13); }, "2025-01-08",
       nullptr},
      {"unknown person", [&] { return Application("9999999999"); }, "2026-11-27",
       "change.person_not_found"},
      {"head, 15 mm", [&] { return Application(head_); }, "2026-11-27", nullptr},
      {"head again: one seal a person", [&] { return Application(head_, 16); }, "2026-11-27",
       "seal.already_registered"},
      {"wife with the head's impression", [&] { return Application(wife_); }, "2026-11-27",
       "seal.duplicate"},
      {"wife, the same seal tilted: other pixels", [&] { return Application(wife_, 15, 3); },
       "2026-11-27", nullptr},
  };
  for (const Row& row : kRows) {
    auto registered = Desk(row.today).Apply(row.application());
    if (row.rule == nullptr) {
      ASSERT_TRUE(registered) << row.name << ": " << registered.error().rule_id;
      EXPECT_TRUE(registered->Active()) << row.name;
    } else {
      ASSERT_FALSE(registered) << row.name;
      EXPECT_EQ(registered.error().rule_id, row.rule) << row.name;
    }
  }
  AuditQuery denied;
  denied.action = AuditAction::kDenied;
  EXPECT_GE(log_->Search(denied).size(), 9u);  // every refusal is logged
}

// LAW: 印鑑条例 (照会書, 保証書, 代理人)
TEST_F(SealTest, InquiryGuarantorAndAgentRoutes) {
  // An agent always goes through the 照会, photo ID or not.
  SealApplication agent = Application(wife_);
  agent.by_agent = true;
  auto inquiry = Desk("2026-11-01").Apply(agent);
  ASSERT_TRUE(inquiry) << inquiry.error().rule_id;
  EXPECT_EQ(inquiry->state, SealState::kInquiry);
  EXPECT_TRUE(inquiry->registration_number.empty());
  EXPECT_EQ(*inquiry->inquiry_deadline, CalDay("2026-12-01"));
  // Late: the application lapses and stays on record.
  EXPECT_EQ(Desk("2026-12-02").Answer(inquiry->registration_id).error().rule_id,
            "seal.inquiry_expired");
  EXPECT_EQ(seals_->Get(inquiry->registration_id)->state, SealState::kWithdrawn);
  EXPECT_EQ(Desk("2026-12-02").Answer(inquiry->registration_id).error().rule_id,
            "seal.not_in_inquiry");
  // Again, answered in time.
  auto again = Desk("2026-12-02").Apply(agent);
  ASSERT_TRUE(again) << again.error().rule_id;
  auto answered = Desk("2026-12-20").Answer(again->registration_id);
  ASSERT_TRUE(answered) << answered.error().rule_id;
  EXPECT_TRUE(answered->Active());
  EXPECT_EQ(answered->registration_number, "000001");
  // 保証書: the guarantor must hold an active registration here, and not be the applicant.
  SealApplication guaranteed = Application(head_, 18);
  guaranteed.route = SealRoute::kGuarantor;
  guaranteed.guarantor_registration = "999999";
  EXPECT_EQ(Desk().Apply(guaranteed).error().rule_id, "seal.guarantor_invalid");
  guaranteed.guarantor_registration = answered->registration_number;
  auto by_guarantor = Desk().Apply(guaranteed);
  ASSERT_TRUE(by_guarantor) << by_guarantor.error().rule_id;
  EXPECT_TRUE(by_guarantor->Active());
}

// 登録番号 are never reused; 亡失 and 廃止 close the entry, which stays (除印鑑簿).
// LAW: 印鑑条例 (亡失届, 廃止申請)
TEST_F(SealTest, NumbersAreNeverReused) {
  auto first = Desk().Apply(Application(head_));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->registration_number, "000001");
  EXPECT_EQ(first->card_number, "K000001");
  auto lost = Desk().ReportLost("000001");
  ASSERT_TRUE(lost);
  EXPECT_EQ(lost->state, SealState::kEnded);
  EXPECT_EQ(lost->end_reason, "亡失");
  EXPECT_EQ(Desk().Abolish("000001").error().rule_id, "seal.not_active");
  // The same seal may be registered again once the old registration ended: a new number.
  auto second = Desk().Apply(Application(head_));
  ASSERT_TRUE(second) << second.error().rule_id;
  EXPECT_EQ(second->registration_number, "000002");
  ASSERT_TRUE(Desk().Abolish("000002"));
  auto wife = Desk().Apply(Application(wife_, 14));
  ASSERT_TRUE(wife);
  EXPECT_EQ(wife->registration_number, "000003");
  EXPECT_EQ(seals_->ForPerson(head_).size(), 2u);
  EXPECT_EQ(db_->QueryInt("SELECT count(*) FROM seal_version WHERE registration_id = " +
                          std::to_string(first->registration_id)),
            2);  // registered, then ended: two versions, nothing overwritten
}

// A 転出 ends the registration in the 異動's own commit; a 転居 leaves it; 死亡 ends it; a name
// change lapses it; the certificate is refused afterwards.
// LAW: 印鑑条例 (職権抹消)
TEST_F(SealTest, ResidentChangesEndRegistrationsInTheSameCommit) {
  ASSERT_TRUE(Desk().Apply(Application(head_)));
  ASSERT_TRUE(Desk().Apply(Application(wife_, 14)));
  // 転居: nothing happens to the seal (the certificate reads the current address).
  WithinMoveCommand within;
  within.input = Input("2026-11-20", "2026-11-21");
  within.movers = {head_, wife_, child_};
  within.new_address = TownAddress("9番9号");
  ASSERT_TRUE(Changes("2026-11-21").WithinMove(within));
  EXPECT_TRUE(seals_->ForPerson(head_).front().Active());
  // 死亡 of the wife.
  DeathCommand death;
  death.input = Input("2026-11-25", "2026-11-26");
  death.addressee_number = wife_;
  auto died = Changes("2026-11-26").Death(death);
  ASSERT_TRUE(died);
  EXPECT_EQ(died->notices, (std::vector<std::string>{"seal.ended"}));  // the clerk is told
  EXPECT_EQ(seals_->ForPerson(wife_).front().state, SealState::kEnded);
  EXPECT_EQ(seals_->ForPerson(wife_).front().end_reason, "死亡");
  auto certificate = Desk().ClearCertificate(seals_->ForPerson(wife_).front().card_number, wife_);
  EXPECT_EQ(certificate.error().rule_id, "seal.not_active");
  // 転出 of the head (and child): ended on the 届出日, the 転出予定日 kept in the reason.
  MoveOutCommand move_out;
  move_out.input = Input("2026-12-15", "2026-11-27");
  move_out.movers = {head_, child_};
  move_out.destination = Address{"", "北海道札幌市中央区北一条西二丁目", "1番地", "", "", false};
  ASSERT_TRUE(Changes("2026-11-27").MoveOut(move_out));
  const SealRegistration ended = seals_->ForPerson(head_).front();
  EXPECT_EQ(ended.state, SealState::kEnded);
  EXPECT_EQ(*ended.ended_on, CalDay("2026-11-27"));
  EXPECT_EQ(ended.end_reason, "国内転出（転出予定日 2026-12-15）");
  AuditQuery changes;
  changes.addressee_number = head_;
  bool logged = false;
  for (const AuditEntry& e : log_->Search(changes))
    logged = logged || e.event.function == "印鑑登録の職権抹消";
  EXPECT_TRUE(logged);
}

// LAW: 印鑑条例 (証明書の交付)
TEST_F(SealTest, CertificateNeedsTheCardAndPassesTheGate) {
  auto registered = Desk().Apply(Application(head_));
  ASSERT_TRUE(registered);
  EXPECT_EQ(Desk().ClearCertificate("K999999", head_).error().rule_id, "seal.card_mismatch");
  auto cleared = Desk().ClearCertificate(registered->card_number, head_);
  ASSERT_TRUE(cleared) << cleared.error().rule_id;
  EXPECT_FALSE(cleared->impression_png.empty());
  EXPECT_EQ(cleared->person.addressee_number, head_);
  // 支援措置 applies to seal certificates too.
  SupportMeasure m;
  m.applicant = head_;
  m.state = SupportState::kInForce;
  m.perpetrator_name = "加害　太郎";
  ASSERT_TRUE(
      ProtectionDesk(repository_->Protections(), *log_,
                     Viewer{"clerk01", "本庁", "T01", AllPermissions(), CalDay("2026-11-27"), 0})
          .Register(m));
  EXPECT_EQ(Desk().ClearCertificate(registered->card_number, head_).error().rule_id,
            "support.issue_blocked");
}

}  // namespace
}  // namespace jrr::testing
