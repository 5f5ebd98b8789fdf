// SPDX-License-Identifier: Apache-2.0
#include "jrr/persistence/security/audit_head_journal.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "jrr/domain/core/storage_error.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr {
namespace {

std::string Hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < size; ++i) {
    out += kHex[bytes[i] >> 4];
    out += kHex[bytes[i] & 15];
  }
  return out;
}

std::optional<std::string> FromHex(const std::string& text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
  }
  return out;
}

std::string Mac(const std::string& key, const std::string& text) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         reinterpret_cast<const unsigned char*>(key.data()));
  return Hex(mac, sizeof mac);
}

bool MacMatches(const std::string& key, const std::string& text, const std::string& mac_hex) {
  auto mac = FromHex(mac_hex);
  if (!mac || mac->size() != crypto_auth_hmacsha256_BYTES) return false;
  return crypto_auth_hmacsha256_verify(reinterpret_cast<const unsigned char*>(mac->data()),
                                       reinterpret_cast<const unsigned char*>(text.data()),
                                       text.size(),
                                       reinterpret_cast<const unsigned char*>(key.data())) == 0;
}

Error SignatureError(int line) {
  return MakeError(ErrorCode::kRuleViolation, "audit.head_signature",
                   "journal line " + std::to_string(line));
}

}  // namespace

AuditHeadJournal::AuditHeadJournal(const std::string& register_path)
    : journal_(register_path + ".audit-heads"), key_(register_path + ".audit-key") {
  if (sodium_init() < 0) throw StorageError("storage.failure", "libsodium could not start");
}

std::string AuditHeadJournal::Key(bool create) const {
  std::ifstream in(key_);
  std::string hex;
  if (in >> hex) {
    auto key = FromHex(hex);
    if (!key || key->size() != crypto_auth_hmacsha256_KEYBYTES) {
      throw StorageError("storage.failure", "undecodable audit head key " + key_);
    }
    return *key;
  }
  if (!create) return {};
  unsigned char key[crypto_auth_hmacsha256_KEYBYTES];
  crypto_auth_hmacsha256_keygen(key);
  // Readable by the register's own account only; never overwritten once made.
  const int fd = ::open(key_.c_str(), O_WRONLY | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
  if (fd < 0) {
    if (errno == EEXIST) return Key(false);
    throw StorageError("storage.failure", "cannot create " + key_);
  }
  const std::string text = Hex(key, sizeof key) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw StorageError("storage.failure", "cannot write " + key_);
  return std::string(reinterpret_cast<const char*>(key), sizeof key);
}

int64_t AuditHeadJournal::Record(Database& db) {
  auto head = db.Prepare("SELECT sequence, hash FROM audit_entry ORDER BY sequence DESC LIMIT 1");
  if (!head->Step()) return 0;
  const int64_t sequence = head->ColumnInt(0);
  const std::string text =
      std::to_string(sequence) + "\t" + head->ColumnText(1) + "\t" + UtcTimestampNow();
  const std::string line = text + "\t" + Mac(Key(true), text) + "\n";
  const int fd =
      ::open(journal_.c_str(), O_WRONLY | O_CREAT | O_APPEND, S_IRUSR | S_IWUSR | S_IRGRP);
  if (fd < 0) throw StorageError("storage.failure", "cannot open " + journal_);
  const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written) throw StorageError("storage.failure", "cannot write " + journal_);
  return sequence;
}

Result<std::optional<AuditHead>> AuditHeadJournal::Newest() const {
  std::ifstream in(journal_);
  if (!in) return std::optional<AuditHead>();
  const std::string key = Key(false);
  std::optional<AuditHead> newest;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty()) continue;
    const auto last_tab = line.rfind('\t');
    if (key.empty() || last_tab == std::string::npos) return SignatureError(number);
    const std::string text = line.substr(0, last_tab);
    if (!MacMatches(key, text, line.substr(last_tab + 1))) return SignatureError(number);
    std::istringstream fields(text);
    AuditHead head;
    std::string sequence;
    if (!std::getline(fields, sequence, '\t') || !std::getline(fields, head.hash, '\t') ||
        !std::getline(fields, head.recorded_at, '\t')) {
      return SignatureError(number);
    }
    try {
      head.sequence = std::stoll(sequence);
    } catch (const std::logic_error&) {
      return SignatureError(number);
    }
    if (!newest || head.sequence >= newest->sequence) newest = head;
  }
  return newest;
}

Result<std::optional<AuditHead>> AuditHeadJournal::Check(Database& db) const {
  auto newest = Newest();
  if (!newest || !*newest) return newest;
  const AuditHead& head = **newest;
  auto row = db.Prepare("SELECT hash FROM audit_entry WHERE sequence = ?1");
  row->Bind(1, head.sequence);
  if (!row->Step() || row->ColumnText(0) != head.hash) {
    return MakeError(ErrorCode::kRuleViolation, "audit.head_missing",
                     "entry " + std::to_string(head.sequence) + " recorded at " + head.recorded_at);
  }
  return newest;
}

void AuditHeadJournal::CopyTo(const std::string& copy_path, int64_t up_to_sequence) const {
  (void)Key(true);
  const AuditHeadJournal copy(copy_path);
  std::error_code ec;
  std::filesystem::remove(copy.key_, ec);
  std::filesystem::copy_file(key_, copy.key_, ec);
  if (ec) throw StorageError("storage.failure", "cannot copy " + key_);
  std::filesystem::permissions(
      copy.key_, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  std::ifstream in(journal_);
  std::ofstream out(copy.journal_, std::ios::trunc);
  for (std::string line; std::getline(in, line);) {
    const auto tab = line.find('\t');
    int64_t sequence = 0;
    try {
      sequence = std::stoll(line.substr(0, tab));
    } catch (const std::logic_error&) {
      continue;  // not a line of ours: left behind
    }
    if (sequence <= up_to_sequence) out << line << '\n';
  }
  out.flush();
  if (!out) throw StorageError("storage.failure", "cannot write " + copy.journal_);
}

}  // namespace jrr
