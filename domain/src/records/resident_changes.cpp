// SPDX-License-Identifier: Apache-2.0
//
// ResidentChanges: address resolution and the dispatch of any 異動 command; the use cases are in
// resident_changes_entry.cpp, resident_changes_household.cpp and
// resident_changes_correction.cpp.
#include "jrr/domain/records/resident_changes.h"

#include <algorithm>
#include <set>

#include "records/change_engine.h"

namespace jrr {

using namespace change_engine;  // NOLINT: the engine is this file's vocabulary

Result<Address> ResidentChanges::Resolve(const Address& address) {
  if (dictionary_ == nullptr) return address;
  return ResolveAddress(*dictionary_, address);
}

// IMP: JK-4.1.0.1
Result<ChangeOutcome> ResidentChanges::Apply(const AnyChangeCommand& command) {
  struct Visitor {
    ResidentChanges& changes;
    Result<ChangeOutcome> operator()(const MoveInCommand& c) { return changes.MoveIn(c); }
    Result<ChangeOutcome> operator()(const BirthCommand& c) { return changes.Birth(c); }
    Result<ChangeOutcome> operator()(const WithinMoveCommand& c) { return changes.WithinMove(c); }
    Result<ChangeOutcome> operator()(const MoveOutCommand& c) { return changes.MoveOut(c); }
    Result<ChangeOutcome> operator()(const AddressRenamingCommand& c) {
      return changes.AddressRenaming(c);
    }
    Result<ChangeOutcome> operator()(const DomicileRenamingCommand& c) {
      return changes.DomicileRenaming(c);
    }
    Result<ChangeOutcome> operator()(const DeathCommand& c) { return changes.Death(c); }
    Result<ChangeOutcome> operator()(const HeadOfHouseholdChangeCommand& c) {
      return changes.HeadOfHouseholdChange(c);
    }
    Result<ChangeOutcome> operator()(const HouseholdSeparationCommand& c) {
      return changes.HouseholdSeparation(c);
    }
    Result<ChangeOutcome> operator()(const CorrectionCommand& c) { return changes.Correction(c); }
    Result<ChangeOutcome> operator()(const MoveInNoticeCommand& c) {
      return changes.MoveInNotice(c);
    }
    Result<ChangeOutcome> operator()(const HouseholdJoinCommand& c) {
      return changes.HouseholdJoin(c);
    }
    Result<ChangeOutcome> operator()(const ExOfficioRemovalCommand& c) {
      return changes.ExOfficioRemoval(c);
    }
    Result<ChangeOutcome> operator()(const NationalityChangeCommand& c) {
      return changes.NationalityChange(c);
    }
    Result<ChangeOutcome> operator()(const NameItemCommand& c) { return changes.NameItem(c); }
    Result<ChangeOutcome> operator()(const CancellationCommand& c) {
      return changes.Cancellation(c);
    }
    Result<ChangeOutcome> operator()(const MoveOutAmendmentCommand& c) {
      return changes.MoveOutAmendment(c);
    }
    Result<ChangeOutcome> operator()(const RemakingCommand& c) { return changes.Remaking(c); }
  };
  return std::visit(Visitor{*this}, command);
}

}  // namespace jrr
