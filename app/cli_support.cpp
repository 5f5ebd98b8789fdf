// SPDX-License-Identifier: Apache-2.0
//
// Shared helpers of the jrr commands (cli_support.h).
#include "cli_support.h"

#include <Poco/Exception.h>
#include <Poco/Util/ServerApplication.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "cli.h"
#include "japan_clock.h"
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_remark_repository.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/sample/sample_register.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "register_text.h"

namespace jrr::cli {

int PrintError(std::ostream& err, const Error& error) {
  err << "エラー: " << MessageJa(error) << " [" << error.rule_id << "]\n";
  if (!error.detail.empty()) err << "  詳細: " << error.detail << "\n";
  return kRuleError;
}
int ReadInputFile(const std::string& path, std::size_t max_bytes, std::string& contents,
                  std::ostream& err) {
  std::error_code ec;
  if (path != "-" && (path.empty() || std::filesystem::is_directory(path, ec))) {
    err << "エラー: 読み込むファイルを指定してください"
        << (path.empty() ? "" : "（ディレクトリです: " + path + "）") << "。\n";
    return kUsage;
  }
  std::ifstream file;
  if (path != "-") {
    file.open(path, std::ios::binary);
    if (!file) {
      err << "エラー: ファイルを開けません: " << path << "\n";
      return kUsage;
    }
  }
  std::istream& in = path == "-" ? std::cin : file;
  contents.clear();
  char buffer[64 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    contents.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (contents.size() > max_bytes) {
      return PrintError(err, MakeError(ErrorCode::kInvalidInput, "text.too_long",
                                       "more than " + std::to_string(max_bytes) + " bytes"));
    }
  }
  if (in.bad()) {
    err << "エラー: ファイルを読めません: " << path << "\n";
    return kUsage;
  }
  contents = std::string(WithoutBom(contents));
  return kOk;
}

void PrintNotices(std::ostream& err, const std::vector<std::string>& notices) {
  for (const std::string& rule : notices) {
    err << "注意: " << MessageJa(MakeError(ErrorCode::kRuleViolation, rule)) << " [" << rule
        << "]\n";
  }
}
// Opens an existing register and brings its schema up to date. Error register.not_initialized
// when there is no file (nothing is created).
Result<std::unique_ptr<Database>> OpenRegister(const std::string& path) {
  if (path.empty() || !std::filesystem::exists(path)) {
    return MakeError(ErrorCode::kNotFound, "register.not_initialized", "no file at " + path);
  }
  auto db = std::make_unique<Database>(path, DatabaseOptions{.create_if_missing = false});
  Migrate(*db);
  return db;
}
Result<std::optional<CalendarDate>> DateOption(const Args& args, const std::string& name) {
  if (!args.options.contains(name)) return std::optional<CalendarDate>();
  auto parsed = ParseCalendarDate(args.Option(name));
  if (!parsed) return parsed.error();
  return std::optional<CalendarDate>(*parsed);
}
namespace {

std::string HostName() {
  char name[256] = {0};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}
}  // namespace

// The context of a 異動 entered from the command line. Once terminals are registered
// (JK-1.3.1), --terminal must name one, and its place is the input place.
Result<ChangeContext> ClerkContext(const Args& args, Database& db) {
  ChangeContext context{app::TodayInJapan(), args.Option("operator", "cli"),
                        args.Option("place", "CLI"), args.Option("terminal", HostName())};
  context.now_epoch_seconds = static_cast<int64_t>(std::time(nullptr));
  SqliteRegisterSettings settings(db);
  if (!settings.Terminals().empty()) {
    auto place = PlaceOfTerminal(settings, context.terminal);
    if (!place)
      return MakeError(ErrorCode::kInvalidInput, "settings.unknown_terminal", context.terminal);
    context.place = *place;
  }
  return context;
}

Result<Viewer> ClerkViewer(const Args& args, Database& db) {
  auto clerk = ClerkContext(args, db);
  if (!clerk) return clerk.error();
  return Viewer{clerk->operator_id, clerk->place, clerk->terminal,
                AllPermissions(),   clerk->today, clerk->now_epoch_seconds};
}

web::CertificateParameter OptionParameters(const Args& args,
                                           std::map<std::string, std::string> fixed) {
  return [&args, fixed = std::move(fixed)](std::string_view name) -> std::optional<std::string> {
    const std::string key(name);
    if (auto f = fixed.find(key); f != fixed.end()) return f->second;
    if (args.flags.contains(key)) return std::string("1");
    auto found = args.options.find(key);
    if (found == args.options.end()) return std::nullopt;
    return found->second;
  };
}

std::vector<std::string> Acknowledged(const Args& args) {
  std::vector<std::string> rules;
  std::istringstream in(args.Option("acknowledge"));
  for (std::string rule; std::getline(in, rule, ',');) {
    if (!rule.empty()) rules.push_back(rule);
  }
  return rules;
}

void LogAccess(const ChangeContext& clerk, Database& db, AuditAction action, std::string function,
               std::vector<std::string> targets, bool individual_number, std::string detail) {
  AuditEvent event;
  event.action = action;
  event.function = std::move(function);
  event.targets = std::move(targets);
  event.individual_number = individual_number;
  event.detail = std::move(detail);
  event.operator_id = clerk.operator_id;
  event.place = clerk.place;
  event.terminal = clerk.terminal;
  SqliteAuditLog(db).Record(event);
}

bool DropMessage(const std::filesystem::path& dir, const std::string& to, const std::string& id,
                 const std::string& extension, const std::string& body, std::string& detail) {
  // The destination names a folder under the share and the id a file in it: both must be plain
  // names, and the file must resolve inside the share (no "..", no link out of it).
  const bool plain_id = !id.empty() && id.size() <= 64 &&
                        id.find_first_of("/\\") == std::string::npos && id[0] != '.';
  if (!IsMunicipalityName(to) || !plain_id) {
    detail = "delivery.bad_destination";
    return false;
  }
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(dir, ec);
  const auto folder = std::filesystem::weakly_canonical(dir / to, ec);
  const auto relative = folder.lexically_relative(root);
  if (ec || relative.empty() || relative.native().starts_with("..") || relative.has_parent_path()) {
    detail = "delivery.bad_destination";
    return false;
  }
  std::filesystem::create_directories(folder, ec);
  const auto final_path = folder / (id + extension);
  const auto temporary = folder / ("." + id + ".tmp");
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    file << body;
    if (!file) {
      detail = "cannot write " + temporary.string();
      return false;
    }
  }
  std::filesystem::rename(temporary, final_path, ec);
  if (ec) detail = ec.message();
  return !ec;
}

std::vector<DroppedMessage> DroppedMessages(const std::filesystem::path& folder,
                                            const std::string& extension) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.path().extension() == extension) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<DroppedMessage> messages;
  for (auto& path : files) {
    // A message is a few KiB; a larger file is handed on as its first 64 KiB + 1, which its
    // decoder refuses as too long, rather than read whole.
    constexpr std::size_t kMessageBytes = 64 * 1024;
    std::ifstream file(path, std::ios::binary);
    std::string body(kMessageBytes + 1, '\0');
    file.read(body.data(), static_cast<std::streamsize>(body.size()));
    body.resize(static_cast<std::size_t>(file.gcount()));
    messages.push_back({std::move(path), std::move(body)});
  }
  return messages;
}

void MessageHandled(const DroppedMessage& message) {
  std::error_code ec;
  const auto done = message.path.parent_path() / "done";
  std::filesystem::create_directories(done, ec);
  std::filesystem::rename(message.path, done / message.path.filename(), ec);
}

int DeliverToFolder(const Args& args, Database& db, OutboxFamily family,
                    const std::string& extension, const std::string& sent, std::ostream& out,
                    std::ostream& err) {
  const std::filesystem::path dir = args.Option("to");
  if (dir.empty()) {
    err << "エラー: --to 共有フォルダ を指定してください。\n";
    return kUsage;
  }
  const auto report = DeliverOutbox(
      db, family,
      [&](const std::string& to, const std::string& id, const std::string& body,
          std::string& detail) { return DropMessage(dir, to, id, extension, body, detail); });
  out << sent << " " << report.delivered << " 件、失敗 " << report.failed << " 件";
  if (!report.dead_letters.empty())
    out << "、" << sent << "不能 " << report.dead_letters.size() << " 件（outbox で確認）";
  out << "\n";
  return report.failed > 0 ? kStorage : kOk;
}

}  // namespace jrr::cli
