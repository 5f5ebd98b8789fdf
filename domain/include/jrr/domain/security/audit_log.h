// SPDX-License-Identifier: Apache-2.0
//
// アクセスログ — AuditEvent / AuditEntry / AuditLog: who looked at or changed what, when, where
// and whether 個人番号 was touched (JK-10.2). The log is append-only and hash-chained: each entry
// carries the hash of the one before it, so an edited, deleted or reordered entry breaks the chain
// (persistence/ computes and verifies the hashes; `jrr audit verify`).
//
// Privacy: an entry names people only by 宛名番号 and never carries a name, an address or a
// 個人番号 itself — `detail` holds ids, counts and rule ids.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jrr {

// 取得対象 of JK-10.2, as stable lower-case names stored in the log.
enum class AuditAction {
  kView,               // 照会 (a record, a history, a search result opened)
  kSearch,             // 検索 (the conditions, never the names typed, are kept as a count)
  kChange,             // 異動入力（履歴追加・修正・削除）, 本登録 included
  kProvisionalChange,  // 仮登録 of a 異動
  kWithdrawal,         // 仮登録の取消し
  kIssue,              // 帳票発行 (certificates)
  kExport,             // データ抽出 (EUC, statistics, backup)
  kBatch,              // バッチ処理 (sample generation, bulk loads)
  kLogin,              // 認証ログ: success
  kLoginFailure,       // 認証ログ: failure
  kSettingsChange,     // 設定変更ログ
  kProtection,         // 支援措置・抑止 registered, changed or released
  kDenied,             // an access refused by 支援措置・抑止 or by a missing permission
};

std::string_view AuditActionName(AuditAction action);
std::optional<AuditAction> AuditActionFromName(std::string_view name);

// What the caller reports. The time, sequence and hashes are added when it is recorded.
struct AuditEvent {
  AuditAction action = AuditAction::kView;
  std::string operator_id;
  std::string terminal;
  std::string place;                 // 処理・交付場所
  std::string function;              // 機能名・画面名・処理名 (e.g. "show", "転居")
  std::vector<std::string> targets;  // 宛名番号 of the people concerned
  bool individual_number = false;    // 個人番号へのアクセス有無
  std::string outcome = "ok";        // "ok", or the rule id that refused it
  std::string detail;                // ids and counts only
  friend bool operator==(const AuditEvent&, const AuditEvent&) = default;
};

struct AuditEntry {
  int64_t sequence = 0;     // 1, 2, 3, … with no gap
  std::string occurred_at;  // UTC, ISO 8601 with milliseconds
  AuditEvent event;
  std::string previous_hash;  // hex SHA-256 of the entry before (64 zeros for the first)
  std::string hash;           // hex SHA-256 of this entry's canonical text and previous_hash
};

// The canonical text an entry's hash covers: every field, in a fixed order, separated by a byte
// that cannot occur in UTF-8 text (0x1F). Changing it invalidates every existing log, so it is
// written down here once and tested.
std::string AuditCanonicalText(const AuditEntry& entry);

struct AuditQuery {
  std::optional<std::string> addressee_number;  // entries that name this person
  std::optional<std::string> operator_id;
  std::optional<AuditAction> action;
  std::optional<std::string> from;  // occurred_at >= from (ISO date or date-time, UTC)
  std::optional<std::string> to;    // occurred_at < to
  std::size_t limit = 1000;         // newest first
};

class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // Appends one entry. Throws StorageError when it cannot be written: an action that cannot be
  // logged must not happen, so callers log inside the transaction of the action itself or before
  // showing anything.
  virtual void Record(const AuditEvent& event) = 0;
  virtual std::vector<AuditEntry> Search(const AuditQuery& query) = 0;
};

}  // namespace jrr
