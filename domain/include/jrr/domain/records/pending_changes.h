// SPDX-License-Identifier: Apache-2.0
//
// 仮登録 — PendingChange: a 異動 entered but not yet approved (JK-4.0.8). It is not part of the
// register: every reader (screens of other departments, certificates, interfaces) keeps seeing
// the state before it, and no other 異動 may touch the people it involves until it is approved
// (本登録) or withdrawn. It is stored as its command, and approval runs the command again against
// the register as it then stands, so every rule is checked at the moment it takes effect.
//
// The standard forbids recording the approver's name and the approval date in the register
// (JK-4.0.8 【実装しない機能】); only the decision and the resulting 異動 are kept. Who did what is
// the access log's business (JK-10.2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/records/resident_changes.h"

namespace jrr {

struct PendingChange {
  int64_t pending_id = 0;
  std::string kind;                  // the command's JSON "type"
  std::string command_json;          // the command, exactly as entered
  std::vector<std::string> persons;  // 宛名番号 the 異動 reads or writes
  std::string summary;               // e.g. 転居 2名 (for the 仮登録 list)
  CalendarDate entered_on;           // 処理日 of the entry
  std::string operator_id;
  std::string place;
  std::string terminal;
};

// 仮登録一覧の一部 (JK-4.0.8): those entered at one 入力場所 (支所) and/or involving one person
// (異動者). An empty field selects everything.
struct PendingFilter {
  std::string place;
  std::string person;
};
std::vector<PendingChange> SelectPending(std::vector<PendingChange> open,
                                         const PendingFilter& filter);

// The ceiling on one 全部本登録 (JK-4.0.8 allows one): more ids in one request are refused with
// pending.too_many, so a slip of the hand cannot approve a whole day's work unseen.
inline constexpr std::size_t kBulkApprovalLimit = 100;

class PendingChangeRepository {
 public:
  virtual ~PendingChangeRepository() = default;
  // Stores a new 仮登録 and returns it with its id.
  virtual PendingChange Add(PendingChange pending) = 0;
  // The open (undecided) ones, oldest first.
  virtual std::vector<PendingChange> ListOpen() = 0;
  // An open one; error pending.not_open (kNotFound) when unknown or decided.
  virtual Result<PendingChange> GetOpen(int64_t pending_id) = 0;
  // Withdraws an open one (取消し before approval). Error pending.not_open.
  virtual Status Withdraw(int64_t pending_id, const ChangeContext& by) = 0;
};

// 入力確認 (JK-4.0.9): what `command` would record — every rule and アラート applied — without
// recording anything. Newcomers and new households keep placeholder numbers. `read`, when given,
// receives the 宛名番号 of everyone whose record the rules read, whether or not they passed.
Result<ChangeOutcome> PreviewChange(ResidentRepository& residents, const ChangeContext& context,
                                    const AnyChangeCommand& command,
                                    AddressDictionary* dictionary = nullptr,
                                    std::vector<std::string>* read = nullptr);

// Validates `command` exactly as ResidentChanges would record it — every rule and アラート — but
// stores it as a 仮登録 instead. Errors: those of the use case, and change.pending_exists when a
// person involved already has an open 仮登録.
Result<PendingChange> EnterProvisional(ResidentRepository& residents,
                                       PendingChangeRepository& pending,
                                       const ChangeContext& context,
                                       const AnyChangeCommand& command, std::string kind,
                                       std::string command_json,
                                       AddressDictionary* dictionary = nullptr);

}  // namespace jrr
