// SPDX-License-Identifier: Apache-2.0
//
// The mapping between ResidentRecord / ChangeRecord and their table rows (schema 0002). Bind and
// Read walk the same column list in the same order; kResidentVersionColumns is that list.
#pragma once

#include <string>

#include "core/day_codec.h"
#include "jrr/domain/records/change.h"
#include "jrr/domain/records/resident_record.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/records/sqlite_resident_store.h"  // VersionNameKeys

namespace jrr::codec {

// "addressee_number, history_number, …" — every column of resident_version, in order.
extern const char* const kResidentVersionColumns;
// The number of columns in kResidentVersionColumns.
int ResidentVersionColumnCount();
// kResidentVersionColumns with each name qualified by `alias` ("v" → "v.addressee_number, …").
const std::string& QualifiedVersionColumns();

// Binds parameters 1..N of an INSERT listing kResidentVersionColumns. The record's own texts are
// bound without a copy, so the statement must run before `record` changes or goes.
// `keys`: the record's name keys if already computed (NameKeysOf; bound in place, so they too must
// outlive the statement's run), else they are computed here.
void BindVersion(Statement& statement, const ResidentRecord& record, int64_t change_id,
                 const VersionNameKeys* keys = nullptr);

// Reads a row selected with kResidentVersionColumns starting at column `first`.
// Throws StorageError when a stored value cannot be decoded (the file was edited outside jrr).
ResidentRecord ReadVersion(const Statement& statement, int first = 0);

extern const char* const kChangeColumns;
ChangeRecord ReadChange(const Statement& statement, int first);

// RecordedDate as stored: ISO for a calendar day, the canonical 和暦 text otherwise.
std::string EncodeDate(const RecordedDate& date);
RecordedDate DecodeDate(const std::string& text);
std::optional<std::string> EncodeDate(const std::optional<RecordedDate>& date);

}  // namespace jrr::codec
