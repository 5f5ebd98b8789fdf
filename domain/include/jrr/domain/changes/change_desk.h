// SPDX-License-Identifier: Apache-2.0
//
// 異動入力の窓口 — ChangeDesk: the one place delivery code enters a 異動, with the permissions of
// JK-10.3: 異動入力 (kChange) to check, record, enter or withdraw a 仮登録; 本登録 (kApprove) to
// approve one (JK-4.0.8); 照会 (kView) to list them. A 修正 or 国籍等の変更 that writes an item the
// clerk may not see (個人番号, 住民票コード, 本籍, 在留資格等: JK-10.4) is refused too, so a form
// showing that item blank can never write the blank over it. A refusal for a missing permission
// is logged; the 異動 themselves are logged by the register in their own transaction.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/coupling/change_effects.h"
#include "jrr/domain/records/pending_changes.h"
#include "jrr/domain/security/audit_log.h"

namespace jrr {

class ChangeDesk {
 public:
  // `effects` reads what the 異動's people hold elsewhere (印鑑登録, 支援措置, 附票, CS), so the
  // 入力確認 shows and refuses what recording will do.
  ChangeDesk(ResidentRepository& residents, PendingChangeRepository& pending,
             AddressDictionary* dictionary, AuditLog& log, Viewer viewer,
             ChangeEffectFactsSource& effects)
      : residents_(residents),
        pending_(pending),
        dictionary_(dictionary),
        log_(log),
        viewer_(std::move(viewer)),
        effects_(effects) {}

  // 入力確認 (JK-4.0.9): what would be recorded, with its notices — what it ends, notices or sends
  // elsewhere (coupling/change_effects.h: seal.ended, fuhyo.noticed, cs.sent) — and the same
  // refusals (a used 転出証明書情報); nothing is written.
  Result<ChangeOutcome> Check(const AnyChangeCommand& command);
  // Records the 異動 (one transaction).
  Result<ChangeOutcome> Record(const AnyChangeCommand& command);
  // 仮登録: validated now, recorded only when approved. `kind` and `command_json` are kept to
  // run it again at approval.
  Result<PendingChange> Enter(const AnyChangeCommand& command, std::string kind,
                              std::string command_json);
  // 本登録 of an open 仮登録, `command` being its stored command decoded again.
  Result<ChangeOutcome> Approve(int64_t pending_id, const AnyChangeCommand& command);
  Status Withdraw(int64_t pending_id);
  Result<std::vector<PendingChange>> Pending();
  Result<PendingChange> PendingOne(int64_t pending_id);

 private:
  Status Require(Permission permission, const std::string& function);
  // kChange, and the see-permission of each hidden item the command writes.
  Status RequireChange(const AnyChangeCommand& command, const std::string& function);
  ChangeContext Context() const;
  // A 異動 that fails says why, and the reason can be a fact of someone's record (a date, a
  // household): when anyone in `read` is under a 照会抑止 this operator is not released from (an
  // アラート one not among `acknowledged`), the answer is the one 照会 would give — protection.blocked
  // in the same words for every person, or protection.alert — logged naming them (and the rule it
  // stands `instead_of`, if any); nullopt when no one is withheld.
  std::optional<Error> Withheld(const std::vector<std::string>& read, const std::string& function,
                                const std::vector<std::string>& acknowledged,
                                const std::string& instead_of);
  // The 異動 run over a preview of the register: its outcome, its plan (as recording will plan it),
  // and whom it reads — its people, and the people of every member of a 附票 it writes (as
  // FuhyoDesk asks of a typed 附票 event: whether a member is matched, made anew or refused would
  // tell her facts).
  struct Previewed {
    Result<ChangeOutcome> outcome;
    std::optional<Result<ChangeEffects>> effects;  // when the outcome is one
    std::vector<std::string> read;
    std::vector<int64_t> protected_members;  // written members under the 附票's own 支援措置
  };
  Previewed Preview(const AnyChangeCommand& command);
  // A 異動 reads its people (Preview says whom): one this operator may not see refuses it before
  // anything is written, whether or not it would pass — passing would tell a fact of them too.
  // A 附票 member under the 附票's own 支援措置 is written only by one with the 支援措置 permission.
  // Returns the preview.
  Result<Previewed> ClearReaders(const AnyChangeCommand& command, const std::string& function);
  // ClearReaders, and then what the preview's plan refuses (a used 転出証明書情報, a 附票 member
  // that is another's): what the 入力確認 refuses, 仮登録, 異動入力 and 本登録 refuse too (a preview
  // cannot know a code still to be drawn, so it is the stricter).
  Status ClearPlan(const AnyChangeCommand& command, const std::string& function);
  ResidentRepository& residents_;
  PendingChangeRepository& pending_;
  AddressDictionary* dictionary_;
  AuditLog& log_;
  Viewer viewer_;
  ChangeEffectFactsSource& effects_;
};

}  // namespace jrr
