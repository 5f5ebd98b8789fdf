// SPDX-License-Identifier: Apache-2.0
//
// ResidentsOfUndatedMember: a 附票 member recorded before 生年月日 was an item (no 出生の年月日, no
// 住民票コード, written by no 異動 of this register, as a migration leaves it) is the resident who
// had its 氏名 under the 附票's 本籍・筆頭者 — current, 除票, or under a former 氏名.
#include <gtest/gtest.h>

#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "support/register_fixture.h"

namespace jrr::testing {
namespace {

FuhyoMember Undated(const char* family, const char* given) {
  FuhyoMember m;
  m.member_id = 987654;  // no version: no 異動 wrote it
  m.family_name = family;
  m.given_name = given;
  return m;
}

const KosekiKey kKoseki{"架空県架空市桜町一丁目1番地", "架空　一郎"};

class UndatedMember : public RegisterFixture {};

// LAW: 住基法第19条
TEST_F(UndatedMember, IsTheResidentOfItsNameUnderItsKoseki) {
  const ChangeOutcome family = MoveInFamily();
  ASSERT_EQ(family.versions.size(), 3u);
  const std::string hanako = family.versions[1].addressee_number;
  struct Case {
    const char* what;
    KosekiKey koseki;
    FuhyoMember member;
    std::vector<std::string> people;
  };
  const std::vector<Case> cases = {
      {"her 氏名 under her 本籍・筆頭者", kKoseki, Undated("架空", "花子"), {hanako}},
      {"another 本籍", {"架空県架空市桜町一丁目2番地", "架空　一郎"}, Undated("架空", "花子"), {}},
      {"another 筆頭者", {kKoseki.domicile, "架空　二郎"}, Undated("架空", "花子"), {}},
      {"another 名", kKoseki, Undated("架空", "花江"), {}},
      {"another 氏", kKoseki, Undated("仮想", "花子"), {}},
      // The search key leaves out what it folds (here a space); the 氏名 compares as written.
      {"a name that differs where the key folds", kKoseki, Undated("架空", "花子 "), {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ResidentsOfUndatedMember(*db_, c.koseki, c.member), c.people) << c.what;
  }
}

// LAW: 住基法第19条
TEST_F(UndatedMember, IsFoundAfterTheResidentLeftAndByAFormerName) {
  const ChangeOutcome family = MoveInFamily();
  const std::string hanako = family.versions[1].addressee_number;
  const std::string jiro = family.versions[2].addressee_number;
  CorrectionCommand renamed;
  renamed.input = Input("2026-11-01");
  renamed.reason = ChangeReason::kClericalErrorCorrection;
  renamed.addressee_number = hanako;
  renamed.given_name = "華子";
  ASSERT_TRUE(Changes().Correction(renamed));
  DeathCommand death;
  death.input = Input("2026-11-01", "2026-11-02");
  death.addressee_number = jiro;
  ASSERT_TRUE(Changes().Death(death));
  EXPECT_EQ(ResidentsOfUndatedMember(*db_, kKoseki, Undated("架空", "花子")),
            std::vector<std::string>{hanako});
  EXPECT_EQ(ResidentsOfUndatedMember(*db_, kKoseki, Undated("架空", "華子")),
            std::vector<std::string>{hanako});
  EXPECT_EQ(ResidentsOfUndatedMember(*db_, kKoseki, Undated("架空", "次郎")),
            std::vector<std::string>{jiro});
}

}  // namespace
}  // namespace jrr::testing
