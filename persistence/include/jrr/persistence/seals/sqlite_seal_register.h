// SPDX-License-Identifier: Apache-2.0
//
// 印鑑登録原票 on SQLite (schema 0017), and the coupling to 住民記録: SaveSealEndedByChange writes,
// inside the transaction of every 異動 SqliteResidentRepository records, the ending the domain's
// plan decides (coupling/change_effects.h), so a 転出, 死亡 or 職権消除 ends the person's
// registration in the same commit (印鑑登録証明事務処理要領: 職権抹消).
#pragma once

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteSealRegister final : public SealRegister {
 public:
  explicit SqliteSealRegister(Database& db) : db_(db) {}
  std::optional<SealRegistration> Get(int64_t registration_id) override;
  std::optional<SealRegistration> ByNumber(std::string_view registration_number) override;
  std::vector<SealRegistration> ForPerson(std::string_view addressee_number) override;
  bool ActiveDigest(std::string_view digest) override;
  SealRegistration Save(SealRegistration entry, const std::string& impression_png) override;
  std::string ImpressionPng(int64_t registration_id) override;

 private:
  Database& db_;
};

// Saves a registration a 異動 ended (coupling/change_effects.h plans it: `ended` as it is to be
// kept) as a new version, with an アクセスログ entry naming `change`. Inside the 異動's transaction.
void SaveSealEndedByChange(Database& db, const SealRegistration& ended, const ChangeRecord& change);

// Records one 印鑑登録証明書 issuance (交付履歴 and its 印刷ログ entry, one transaction) with the
// next serial of the day and terminal; returns the number with its serial.
IssueNumber RecordSealIssuance(Database& db, const SealRegistration& registration,
                               const Viewer& viewer, IssueNumber number);

}  // namespace jrr
