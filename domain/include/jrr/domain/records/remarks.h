// SPDX-License-Identifier: Apache-2.0
//
// 統合記載欄 — IntegratedRemarks (JK-1.1.14) and メモ — Memo (JK-1.1.15).
//
// The 統合記載欄 of a record has three kinds of entry: A, the 異動 history, generated from the
// change records; B, the 留意事項 written with a 異動 (ChangeRecord::note); C, 備考 that belong to
// no 異動 (Remark). A memo is free text kept for staff: who wrote it and when is recorded, every
// edit and deletion is kept as history, and it is never printed on a certificate.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

// 備考 (C類型).
struct Remark {
  int64_t remark_id = 0;
  std::string addressee_number;
  std::string text;
  CalendarDate recorded_on;
  std::string operator_id;
};

struct IntegratedRemarkLine {
  char kind;         // 'A', 'B' or 'C'
  std::string text;  // as printed
};

// The 統合記載欄 in order: for each 異動 its A line (date, reason, 届出日) and B line (its 留意事項,
// if any), then the C 備考.
std::vector<IntegratedRemarkLine> IntegratedRemarks(
    const std::vector<ResidentRepository::HistoryEntry>& history,
    const std::vector<Remark>& remarks);

struct Memo {
  int64_t memo_id = 0;
  std::string addressee_number;
  std::string text;
  std::string operator_id;  // who wrote this revision
  std::string recorded_at;  // when (ISO 8601, UTC)
  bool deleted = false;
};

class RemarkRepository {
 public:
  virtual ~RemarkRepository() = default;
  // Errors: text.* (1–1000 bytes, newlines allowed), change.person_not_found.
  virtual Result<Remark> AddRemark(std::string_view addressee_number, std::string_view text,
                                   CalendarDate today, std::string_view operator_id) = 0;
  virtual std::vector<Remark> Remarks(std::string_view addressee_number) = 0;

  // Memos. Add and Edit: errors text.* (1–4000 bytes, newlines allowed), change.person_not_found,
  // memo.not_found. Delete appends a deleted revision.
  virtual Result<Memo> AddMemo(std::string_view addressee_number, std::string_view text,
                               std::string_view operator_id) = 0;
  virtual Result<Memo> EditMemo(int64_t memo_id, std::string_view text,
                                std::string_view operator_id) = 0;
  virtual Status DeleteMemo(int64_t memo_id, std::string_view operator_id) = 0;
  // The current (not deleted) memos of a person, newest last.
  virtual std::vector<Memo> Memos(std::string_view addressee_number) = 0;
  // Every revision of one memo, oldest first.
  virtual std::vector<Memo> MemoHistory(int64_t memo_id) = 0;
};

}  // namespace jrr
