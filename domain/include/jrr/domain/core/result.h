// SPDX-License-Identifier: Apache-2.0
//
// Result<T> — how jrr reports an *expected* failure: a rule violated by user input or by the
// state of the register. Infrastructure failures (disk, SQLite, fonts) throw instead, and are
// caught at one boundary per delivery mechanism (docs/architecture.md, "Errors").
//
// The API mirrors std::expected (C++23) so that moving to it later is a rename:
// has_value(), value(), error(), explicit operator bool.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace jrr {

// The closed, short list of failure kinds. The detail lives in Error::rule_id. Adding a kind is a
// build break in every exhaustive switch (HttpStatusFor, the CLI exit code), which is intended.
enum class ErrorCode {
  kInvalidInput,     // the input cannot be read as what it claims to be (a date, a number, UTF-8)
  kNotFound,         // the thing named does not exist
  kConflict,         // someone else changed it first, or it already exists
  kRuleViolation,    // readable input that a rule of the standard or the statute refuses
  kUnauthenticated,  // no one known is asking: no session, a failed or ended login, a bad token
  kForbidden,  // the one asking may not do this: a permission, 抑止 or 支援措置, a missing step
  kUnavailable,  // a temporary condition; trying again later may succeed
  kInternal,     // a broken invariant surfaced as a value (should not happen)
};

// Stable lower-case name of a code, as it appears in the JSON API ("invalid_input").
std::string_view ErrorCodeName(ErrorCode code);

// A refused operation. `rule_id` names the rule (see rule_catalog.h for its Japanese message and
// the section of the standard it comes from); `detail` is English, for developers and logs, and
// must never carry personal data.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string rule_id;
  std::string detail;
};

inline Error MakeError(ErrorCode code, std::string rule_id, std::string detail = {}) {
  return Error{code, std::move(rule_id), std::move(detail)};
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return state_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // Precondition: has_value().
  T& value() & {
    assert(has_value());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !has_value().
  const Error& error() const {
    assert(!has_value());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, Error> state_;
};

// Result<void>: success carries nothing.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design

  bool has_value() const { return !error_.has_value(); }
  explicit operator bool() const { return has_value(); }
  const Error& error() const {
    assert(error_.has_value());
    return *error_;
  }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;

}  // namespace jrr
