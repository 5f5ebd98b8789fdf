// SPDX-License-Identifier: Apache-2.0
//
// StatisticsRepository on SQLite: set-based reads of the history (one pass for the population on
// the reference date, one for the period's 異動).
#pragma once

#include "jrr/domain/records/register_statistics.h"
#include "jrr/persistence/core/database.h"

namespace jrr {

class SqliteStatistics final : public StatisticsRepository {
 public:
  explicit SqliteStatistics(Database& db) : db_(db) {}
  RegisterStatistics Compute(CalendarDate from, CalendarDate to) override;

 private:
  Database& db_;
};

}  // namespace jrr
