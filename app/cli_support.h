// SPDX-License-Identifier: Apache-2.0
//
// What the `jrr` commands share: parsed arguments, error printing, opening a register, the
// context of a clerk's 異動. Each command is a function from Args to an exit status (cli.h).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/change.h"
#include "jrr/domain/security/audit_log.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/outbox.h"
#include "jrr/web/certificates/certificate_request.h"

namespace jrr::cli {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;
  std::string Option(const std::string& name, const std::string& fallback = "") const {
    auto found = options.find(name);
    return found == options.end() ? fallback : found->second;
  }
};

// The options as the shared text decoders (certificate_request.h, fuhyo_request.h,
// protection_request.h) read them: a flag reads "1"; `fixed` adds values taken from elsewhere
// (the 附票番号 given as a word).
web::CertificateParameter OptionParameters(const Args& args,
                                           std::map<std::string, std::string> fixed = {});

// Prints `エラー: message [rule]` and the detail; returns kRuleError.
int PrintError(std::ostream& err, const Error& error);

// Reads an input file ("-": standard input) of at most `max_bytes`, for a command to parse. A
// missing path, a directory or an unreadable file is bad usage (a message, kUsage); a longer one
// stops at the limit with text.too_long (kRuleError) — /dev/zero or an endless pipe never fills
// memory. A UTF-8 byte order mark, which Windows editors write, is dropped. kOk otherwise.
int ReadInputFile(const std::string& path, std::size_t max_bytes, std::string& contents,
                  std::ostream& err);

// Prints each notice (an アラート that did not stop a 異動) with its message.
void PrintNotices(std::ostream& err, const std::vector<std::string>& notices);

// Opens an existing register and brings its schema up to date. Error register.not_initialized
// when there is no file (nothing is created).
Result<std::unique_ptr<Database>> OpenRegister(const std::string& path);

// The value of a date option, parsed; nullopt when the option is absent.
Result<std::optional<CalendarDate>> DateOption(const Args& args, const std::string& name);

// The context of a 異動 entered from the command line. Once terminals are registered
// (JK-1.3.1), --terminal must name one, and its place is the input place.
Result<ChangeContext> ClerkContext(const Args& args, Database& db);

// The viewer behind a command: the clerk of ClerkContext with every permission. Until staff
// accounts exist, the command line is the register administrator's console; it has no bypass
// either — 抑止 and 支援措置 apply to it exactly as to anyone (resident_access.h).
Result<Viewer> ClerkViewer(const Args& args, Database& db);

// The rule ids listed in --acknowledge (comma-separated).
std::vector<std::string> Acknowledged(const Args& args);

// The file-drop adapter of `jrr fuhyo` and `jrr cs`: a folder shared by the municipalities'
// systems stands in for the network. A message for a municipality is the file
// DIR/<municipality>/<id><extension>, written under a temporary name and renamed, so a reader never
// sees half a file. True when written; `detail` says why not.
bool DropMessage(const std::filesystem::path& dir, const std::string& to, const std::string& id,
                 const std::string& extension, const std::string& body, std::string& detail);

// The messages waiting in `folder` (DIR/<our municipality>) with `extension`, in name order, each
// with its content. A handled one is moved to folder/done/ by MessageHandled; one left in place
// waits for a person.
struct DroppedMessage {
  std::filesystem::path path;
  std::string body;
};
std::vector<DroppedMessage> DroppedMessages(const std::filesystem::path& folder,
                                            const std::string& extension);
void MessageHandled(const DroppedMessage& message);

// `jrr fuhyo deliver` and `jrr cs deliver`: every undelivered notice of the outbox dropped into
// --to (files with `extension`); prints the counts (`sent` is 送付 or 送信). Exit status kStorage
// when any failed.
int DeliverToFolder(const Args& args, Database& db, OutboxFamily family,
                    const std::string& extension, const std::string& sent, std::ostream& out,
                    std::ostream& err);

// Records an アクセスログ entry (JK-10.2) for a command that reads or exports, with the operator,
// place and terminal of ClerkContext. Throws StorageError when it cannot be written: nothing is
// shown that was not logged.
void LogAccess(const ChangeContext& clerk, Database& db, AuditAction action, std::string function,
               std::vector<std::string> targets = {}, bool individual_number = false,
               std::string detail = {});

// The commands (cli_*_commands.cpp).
int Version(const Args&, std::ostream&, std::ostream&);
int Date(const Args&, std::ostream&, std::ostream&);
int KanaKey(const Args&, std::ostream&, std::ostream&);
int KanjiKey(const Args&, std::ostream&, std::ostream&);
int CheckDigit(const Args&, std::ostream&, std::ostream&);
int Banchi(const Args&, std::ostream&, std::ostream&);
int Init(const Args&, std::ostream&, std::ostream&);
int Serve(const Args&, std::ostream&, std::ostream&);
int Show(const Args&, std::ostream&, std::ostream&);
int Apply(const Args&, std::ostream&, std::ostream&);
int Pending(const Args&, std::ostream&, std::ostream&);
int Approve(const Args&, std::ostream&, std::ostream&);
int Withdraw(const Args&, std::ostream&, std::ostream&);
int Memos(const Args&, std::ostream&, std::ostream&);
int Remarks(const Args&, std::ostream&, std::ostream&);
int Sample(const Args&, std::ostream&, std::ostream&);
int Codes(const Args&, std::ostream&, std::ostream&);
int Dictionary(const Args&, std::ostream&, std::ostream&);
int Settings(const Args&, std::ostream&, std::ostream&);
int Stats(const Args&, std::ostream&, std::ostream&);
int Audit(const Args&, std::ostream&, std::ostream&);
int Backup(const Args&, std::ostream&, std::ostream&);
int Restore(const Args&, std::ostream&, std::ostream&);
int BlockCommand(const Args&, std::ostream&, std::ostream&);
int Search(const Args&, std::ostream&, std::ostream&);
int User(const Args&, std::ostream&, std::ostream&);
int SupportCommand(const Args&, std::ostream&, std::ostream&);
int CertificateCommand(const Args&, std::ostream&, std::ostream&);
int SealCommand(const Args&, std::ostream&, std::ostream&);
int FuhyoCommand(const Args&, std::ostream&, std::ostream&);
int CsCommand(const Args&, std::ostream&, std::ostream&);
int BulkRename(const Args&, std::ostream&, std::ostream&);
int NoticeCommand(const Args&, std::ostream&, std::ostream&);

}  // namespace jrr::cli
