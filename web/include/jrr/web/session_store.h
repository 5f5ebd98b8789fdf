// SPDX-License-Identifier: Apache-2.0
//
// SessionStore — the server's logged-in sessions, in memory (a restart logs everyone out, which is
// the safe direction). A session id is 256 random bits, new at every login (no fixation); each
// session has its own CSRF token, required on every state-changing request; a session idle for
// kIdleSeconds is gone. Thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "jrr/domain/staff.h"

namespace jrr::web {

inline constexpr int64_t kIdleSeconds = 15 * 60;
inline constexpr const char* kSessionCookie = "jrr_session";

struct Session {
  std::string id;
  std::string csrf_token;
  Viewer viewer;             // the staff user's permissions (none until `next` is done)
  LoginStep next = LoginStep::kDone;
  int64_t last_seen = 0;
  std::string pending_secret;  // the TOTP secret shown on the enrolment screen, until confirmed
};

class SessionStore {
 public:
  Session Create(Viewer viewer, LoginStep next, int64_t now);
  // The session, touched; nullopt when unknown or idle too long (then it is removed).
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
