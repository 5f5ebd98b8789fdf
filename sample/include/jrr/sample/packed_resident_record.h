// SPDX-License-Identifier: Apache-2.0
//
// 住民票の圧縮表現 — PackResidentRecord / UnpackResidentRecord: one ResidentRecord as a short byte
// string, for holding a whole register in memory (InMemoryResidentRepository, which the sample
// town builds a million residents through).
//
// Why: a ResidentRecord is a struct of some sixty strings, dates and flags, 2 KB and more even when
// most items are empty; packed, a typical resident takes a few hundred bytes (the items that are
// set, lengths and small numbers as variable-length integers). On a machine where every first
// touch of memory costs, a million records held whole cost seconds before any work is done.
//
// Contract: UnpackResidentRecord(PackResidentRecord(r)) == r for every record (operator== compares
// every item). The bytes are an in-process representation only: never stored, never sent, and
// free to change between builds. Unpacking bytes that PackResidentRecord did not produce is a
// programmer error (asserted in debug builds).
#pragma once

#include <string>
#include <string_view>

#include "jrr/domain/records/resident_record.h"

namespace jrr {

std::string PackResidentRecord(const ResidentRecord& record);
ResidentRecord UnpackResidentRecord(std::string_view packed);

}  // namespace jrr
