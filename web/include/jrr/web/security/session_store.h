// SPDX-License-Identifier: Apache-2.0
//
// SessionStore — the server's logged-in sessions, in memory (a restart logs everyone out, which is
// the safe direction). A session id is 256 random bits, new at every login (no fixation); each
// session has its own CSRF token, required on every state-changing request; a session idle for
// kIdleSeconds, or older than kAbsoluteSeconds however busy, is gone. What the account may do is
// not kept here for good: every request resumes the session through Authenticator::Resume, so a
// disable, a reset or a revoked permission takes effect on the next request. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "jrr/domain/security/staff.h"

namespace jrr::web {

inline constexpr int64_t kIdleSeconds = 15 * 60;
// A working day at the counter: a session never outlives it, however busy.
inline constexpr int64_t kAbsoluteSeconds = 9 * 60 * 60;
inline constexpr const char* kSessionCookie = "jrr_session";

struct Session {
  std::string id;
  std::string csrf_token;
  Viewer viewer;  // the staff user's permissions (none until `next` is done)
  LoginStep next = LoginStep::kDone;
  int64_t last_seen = 0;
  std::string pending_secret;  // the TOTP secret shown on the enrolment screen, until confirmed
  int64_t created_at = 0;
  int credential_version = 0;  // the account's when the session began (Authenticator::Resume)
};

class SessionStore {
 public:
  Session Create(Viewer viewer, LoginStep next, int64_t now, int credential_version = 0);
  // The session, touched; nullopt when unknown, idle too long or past kAbsoluteSeconds (then it
  // is removed).
  std::optional<Session> Find(const std::string& id, int64_t now);
  void Remove(const std::string& id);
  // Keeps the secret the enrolment screen showed, so the code entered is checked against it.
  void SetPendingSecret(const std::string& id, const std::string& secret);

 private:
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

// 32 random bytes, hex.
std::string RandomToken();

}  // namespace jrr::web
