// SPDX-License-Identifier: Apache-2.0
//
// Defect: the sample town gave a child the given name of a parent in the same 戸籍, and gave two
// unrelated families whose heads share a name the same 本籍 — one 戸籍 and one 附票 for both. A 附票
// notice about such a person then matched two members (fuhyo.member_ambiguous), and the
// 1,000,000-resident town could not be built at all. Within one 戸籍 (本籍 and 筆頭者) no two
// living residents may share a full name.
#include <gtest/gtest.h>

#include <sstream>

#include "jrr/persistence/core/database.h"
#include "jrr/sample/sample_register.h"
#include "support/temp_dir.h"

namespace jrr::testing {
namespace {

// LAW: 住基法第17条
TEST(SampleTownNames, NoTwoPeopleOfOneKosekiShareAName) {
  TempDir dir;
  std::ostringstream quiet;
  auto made = app::CreateSampleRegister(dir.File("t.db"), 4000, 1, quiet);
  ASSERT_TRUE(made) << made.error().rule_id << " " << made.error().detail;
  Database db(dir.File("t.db"));
  const int64_t alike = db.QueryInt(
      "SELECT count(*) FROM (SELECT 1 FROM resident_version v WHERE status = 1 AND domicile_state "
      "= 1 "
      "AND history_number = (SELECT max(history_number) FROM resident_version w "
      "WHERE w.addressee_number = v.addressee_number) "
      "GROUP BY domicile_place, domicile_head, family_name, given_name HAVING count(*) > 1)");
  EXPECT_EQ(alike, 0);
  // And each 戸籍 the town made belongs to one family: its people came in with one 異動.
  const int64_t shared = db.QueryInt(
      "SELECT count(*) FROM (SELECT 1 FROM resident_version v WHERE history_number = 1 AND "
      "domicile_state = 1 AND relationship = '世帯主' GROUP BY domicile_place, domicile_head "
      "HAVING count(DISTINCT change_id) > 1)");
  EXPECT_EQ(shared, 0);
}

}  // namespace
}  // namespace jrr::testing
