// SPDX-License-Identifier: Apache-2.0
//
// IssuanceLog on SQLite (schema 0015): 交付履歴 (JK-1.3.8) with its 印刷ログ entry in the
// アクセスログ (JK-10.2), recorded together in one transaction with the serials they take.
#pragma once

#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/records/issuance_log.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {

// The next 発行番号 serial of a day and terminal, over every kind of certificate (住民記録 and
// 印鑑登録). Call inside the transaction that records the issuance.
int NextIssueSerial(Database& db, CalendarDate day, const std::string& terminal);

class SqliteIssuanceLog final : public IssuanceLog {
 public:
  explicit SqliteIssuanceLog(Database& db, SqliteAuditLog::Clock clock = UtcTimestampNow)
      : db_(db), clock_(std::move(clock)) {}
  IssuanceRecord Record(IssuanceRecord record, AuditEvent print_log, const Print& print) override;
  std::optional<IssuanceRecord> Get(int64_t issuance_id) override;
  std::vector<IssuanceRecord> Recent(std::optional<std::string> addressee_number,
                                     std::size_t limit) override;
  Status Dispose(int64_t issuance_id, const std::string& operator_id,
                 const std::string& reason) override;

 private:
  Database& db_;
  SqliteAuditLog::Clock clock_;
};

// 世帯員の並び順の設定 (JK-5.2) on SQLite (schema 0016).
class SqliteHouseholdOrder final : public HouseholdOrderRepository {
 public:
  explicit SqliteHouseholdOrder(Database& db) : db_(db) {}
  std::optional<std::vector<std::string>> Get(std::string_view household_number) override;
  void Set(std::string_view household_number, const std::vector<std::string>& order,
           const std::string& operator_id) override;

 private:
  Database& db_;
};

}  // namespace jrr
