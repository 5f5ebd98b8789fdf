// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/core/sqlite_municipality_repository.h"

#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/storage_error.h"

namespace jrr {

Result<Municipality> SqliteMunicipalityRepository::Get() {
  auto statement = db_.Prepare("SELECT code, name FROM municipality WHERE singleton = 1");
  if (!statement->Step()) {
    return MakeError(ErrorCode::kNotFound, "register.not_initialized", "no municipality row");
  }
  auto municipality = Municipality::Create(statement->ColumnText(0), statement->ColumnText(1));
  if (!municipality) {
    // The row was validated on the way in; a bad row means the file was edited outside jrr.
    throw StorageError("storage.failure",
                       "municipality row fails validation: " + municipality.error().rule_id);
  }
  return municipality;
}

Status SqliteMunicipalityRepository::Initialize(const Municipality& municipality) {
  Transaction transaction(db_);
  auto exists = db_.Prepare("SELECT 1 FROM municipality WHERE singleton = 1");
  if (exists->Step()) {
    return MakeError(ErrorCode::kConflict, "register.already_initialized", "municipality exists");
  }
  auto insert = db_.Prepare("INSERT INTO municipality(singleton, code, name) VALUES (1, ?1, ?2)");
  insert->Bind(1, municipality.code.digits()).Bind(2, municipality.name).Run();
  transaction.Commit();
  return {};
}

RoutedMunicipality RoutedMunicipalityOf(Database& db) {
  auto m = SqliteMunicipalityRepository(db).Get();
  if (!m) return {};
  const std::string code = m->code.digits();
  return {TitleWithPrefecture(m->name, code), code};
}

}  // namespace jrr
