// SPDX-License-Identifier: Apache-2.0
//
// RegisterFixture — a fresh, migrated register file per test, with builders for the fictional
// people and addresses the 異動 tests use. Everyone here is fictional (架空市, code 990001).
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "jrr/domain/records/resident_changes.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/register/migrations.h"
#include "support/temp_dir.h"

namespace jrr::testing {

inline RecordedDate Day(const char* text) {
  auto parsed = ParseDate(text, DatePolicy::kKosekiConsistent);
  EXPECT_TRUE(parsed) << text;
  return parsed ? *parsed : RecordedDate{};
}

inline CalendarDate CalDay(const char* text) { return *ParseIsoDate(text); }

inline RelationshipToHead Rel(const char* text) {
  auto parsed = ParseRelationship(text);
  EXPECT_TRUE(parsed) << text;
  return parsed ? *parsed : RelationshipToHead{};
}

inline Address TownAddress(const char* banchi, const char* katagaki = "") {
  return Address{"99000100100", "架空県架空市桜町一丁目", banchi, katagaki, "9990001", false};
}

inline NewPerson Person(const char* family, const char* given, const char* family_kana,
                        const char* given_kana, const char* birth, Sex sex,
                        const char* relationship) {
  NewPerson p;
  p.kind = ResidentKind::kJapanese;
  p.family_name = family;
  p.given_name = given;
  p.family_kana = family_kana;
  p.given_kana = given_kana;
  p.birth_date = Day(birth);
  p.sex = sex;
  p.relationship = Rel(relationship);
  p.domicile = Domicile{Domicile::State::kRecorded, "架空県架空市桜町一丁目1番地", "架空　一郎"};
  return p;
}

inline ChangeInput Input(const char* event, const char* notified = nullptr) {
  ChangeInput input;
  input.event_date = Day(event);
  if (notified != nullptr) input.notification_date = CalDay(notified);
  return input;
}

class RegisterFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("register.db");
    db_ = std::make_unique<Database>(path_);
    Migrate(*db_);
    SqliteMunicipalityRepository municipality(*db_);
    ASSERT_TRUE(InitializeRegister(municipality, "990001", "架空市"));
    repository_ = std::make_unique<SqliteResidentRepository>(*db_);
  }

  ResidentChanges Changes(const char* today = "2026-11-27") {
    return ResidentChanges(*repository_, ChangeContext{CalDay(today), "clerk01", "本庁", "T01"});
  }

  // A household of three moved in on 2026-10-01: 世帯主, 妻, 子.
  ChangeOutcome MoveInFamily() {
    MoveInCommand command;
    command.input = Input("2026-10-01", "2026-10-05");
    command.persons = {
        Person("架空", "一郎", "カクウ", "イチロウ", "昭和55年4月1日", Sex::kMale, "世帯主"),
        Person("架空", "花子", "カクウ", "ハナコ", "昭和57年6月15日", Sex::kFemale, "妻"),
        Person("架空", "次郎", "カクウ", "ジロウ", "平成22年1月8日", Sex::kMale, "子"),
    };
    command.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
    command.new_address = TownAddress("1番2号", "さくら荘101");
    auto outcome = Changes("2026-10-05").MoveIn(command);  // processed on the day notified
    EXPECT_TRUE(outcome) << (outcome ? "" : outcome.error().rule_id);
    return outcome ? *outcome : ChangeOutcome{};
  }

  int64_t Count(const char* table) {
    return db_->QueryInt(std::string("SELECT count(*) FROM ") + table);
  }

  TempDir dir_;
  std::string path_;
  std::unique_ptr<Database> db_;
  std::unique_ptr<SqliteResidentRepository> repository_;
};

}  // namespace jrr::testing
