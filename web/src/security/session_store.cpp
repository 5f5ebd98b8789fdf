// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/security/session_store.h"

#include <Poco/RandomStream.h>

#include <array>

namespace jrr::web {

std::string RandomToken() {
  Poco::RandomInputStream random;
  std::array<unsigned char, 32> bytes{};
  random.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string token;
  for (unsigned char b : bytes) {
    token += kHex[b >> 4];
    token += kHex[b & 15];
  }
  return token;
}

namespace {

bool Ended(const Session& s, int64_t now) {
  return now - s.last_seen > kIdleSeconds || now - s.created_at > kAbsoluteSeconds;
}

}  // namespace

Session SessionStore::Create(Viewer viewer, LoginStep next, int64_t now, int credential_version) {
  Session session{RandomToken(), RandomToken(),     std::move(viewer), next, now, "",
                  now,           credential_version};
  std::lock_guard lock(mutex_);
  // Forget the sessions that have ended, so the map does not grow.
  for (auto it = sessions_.begin(); it != sessions_.end();) {
    it = Ended(it->second, now) ? sessions_.erase(it) : std::next(it);
  }
  sessions_[session.id] = session;
  return session;
}

std::optional<Session> SessionStore::Find(const std::string& id, int64_t now) {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(id);
  if (found == sessions_.end()) return std::nullopt;
  if (Ended(found->second, now)) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_seen = now;
  found->second.viewer.now_epoch_seconds = now;
  return found->second;
}

void SessionStore::Remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(id);
}

void SessionStore::SetPendingSecret(const std::string& id, const std::string& secret) {
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(id);
  if (found != sessions_.end()) found->second.pending_secret = secret;
}

}  // namespace jrr::web
