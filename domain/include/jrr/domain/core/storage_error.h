// SPDX-License-Identifier: Apache-2.0
//
// Declared in the domain because the repository ports promise it: a port method returns a
// Result for an expected failure and throws StorageError for an infrastructure one.
//
// StorageError — an infrastructure failure of the database (I/O error, corruption, a schema from
// a newer jrr, a busy timeout). It is thrown, not returned: nothing useful can be done halfway
// through a transaction, which is rolled back as the exception unwinds. Delivery layers catch it
// at their one boundary and report `rule_id` (storage.*) with its catalogued message.
#pragma once

#include <stdexcept>
#include <string>

namespace jrr {

class StorageError : public std::runtime_error {
 public:
  StorageError(std::string rule_id, const std::string& what)
      : std::runtime_error(what), rule_id_(std::move(rule_id)) {}
  const std::string& rule_id() const { return rule_id_; }

 private:
  std::string rule_id_;
};

// A UNIQUE, CHECK, NOT NULL or FOREIGN KEY constraint refused a write. Repositories that can
// foresee one translate it into an Error with ErrorCode::kConflict.
class ConstraintViolation : public StorageError {
 public:
  explicit ConstraintViolation(const std::string& what) : StorageError("storage.failure", what) {}
};

}  // namespace jrr
