// SPDX-License-Identifier: Apache-2.0
//
// jrr init, serve, show, apply, pending, approve, withdraw: the register and its 異動.
#include <Poco/Exception.h>
#include <Poco/Logger.h>
#include <Poco/Util/ServerApplication.h>
#include <unicode/uversion.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "cli.h"
#include "cli_support.h"
#include "japan_clock.h"
#include "jrr/domain/changes/change_desk.h"
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/core/text.h"
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
#include "jrr/web/changes/change_json.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/records/record_json.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "register_text.h"

namespace jrr::cli {

int Init(const Args& args, std::ostream& out, std::ostream& err) {
  const std::filesystem::path path(args.Option("db"));
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  auto municipality = app::InitializeRegisterFile(path.string(), args.Option("municipality-code"),
                                                  args.Option("name"));
  if (!municipality) return PrintError(err, municipality.error());
  out << "台帳を作成しました: " << municipality->name << "（地方公共団体コード "
      << municipality->code.digits() << "） " << path.string() << "\n";
  return kOk;
}
namespace {

class ServeApplication final : public Poco::Util::ServerApplication {
 public:
  ServeApplication(web::WebContext context, web::ServerOptions options, std::string register_path,
                   std::ostream& out)
      : context_(std::move(context)),
        options_(std::move(options)),
        register_path_(std::move(register_path)),
        out_(out) {}

 protected:
  int main(const std::vector<std::string>&) override {
    web::WebServer server(context_, options_);
    server.Start();
    out_ << "jrr: http://" << options_.host << ":" << server.port()
         << "/ で待ち受けています（Ctrl+C で停止）" << std::endl;
    // The log's head, signed, outside the register: at start, every few minutes, and at stop.
    std::mutex mutex;
    std::condition_variable stop;
    bool stopping = false;
    std::thread heads([&] {
      std::unique_lock lock(mutex);
      do {
        try {
          app::RecordAuditHead(register_path_);
        } catch (const std::exception& e) {
          Poco::Logger::get("jrr.audit")
              .error("audit head not recorded: %s", std::string(e.what()));
        }
      } while (!stop.wait_for(lock, std::chrono::minutes(app::kAuditHeadMinutes),
                              [&] { return stopping; }));
    });
    waitForTerminationRequest();
    server.Stop();
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    stop.notify_all();
    heads.join();
    app::RecordAuditHead(register_path_);
    return EXIT_OK;
  }

 private:
  web::WebContext context_;
  web::ServerOptions options_;
  std::string register_path_;
  std::ostream& out_;
};

}  // namespace

int Serve(const Args& args, std::ostream& out, std::ostream& err) {
  web::ServerOptions options;
  options.host = args.Option("host", "127.0.0.1");
  const std::string port = args.Option("port", "8080");
  const std::string threads = args.Option("threads", "8");
  const std::string per_client = args.Option("max-connections-per-client", "0");
  try {
    const unsigned long parsed_port = std::stoul(port);
    const unsigned long parsed_threads = std::stoul(threads);
    const unsigned long parsed_per_client = std::stoul(per_client);
    if (parsed_port > 65535 || parsed_threads < 1 || parsed_threads > 64 ||
        parsed_per_client > 1024) {
      throw std::out_of_range("");
    }
    options.port = static_cast<uint16_t>(parsed_port);
    options.max_threads = static_cast<int>(parsed_threads);
    options.max_connections_per_client = static_cast<int>(parsed_per_client);
  } catch (const std::logic_error&) {
    err << "エラー: --port は 0〜65535、--threads は 1〜64、--max-connections-per-client は "
           "0〜1024 の数で指定してください。\n";
    return kUsage;
  }
  options.tls_certificate = args.Option("tls-certificate");
  options.tls_private_key = args.Option("tls-key");
  if (Status ok = web::CheckListening(options); !ok) return PrintError(err, ok.error());
  auto served =
      app::OpenForServing(args.Option("db"), static_cast<std::size_t>(options.max_threads));
  if (!served) return PrintError(err, served.error());
  ServeApplication application(app::MakeWebContext(*served), options, args.Option("db"), out);
  return application.run(std::vector<std::string>{"jrr-serve"});
}
int Show(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto as_of = DateOption(args, "as-of");
  if (!as_of) return PrintError(err, as_of.error());
  auto known_at = DateOption(args, "known-at");
  if (!known_at) return PrintError(err, known_at.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteResidentRepository residents(**db);
  SqliteAuditLog log(**db);
  const std::string& atena = args.positional[0];
  // 照会 through the one gate: permissions, 照会抑止, the log, and the protection notice.
  auto view = ResidentAccess(residents, log, *viewer)
                  .View(atena, AsOfQuery{*as_of, *known_at}, Acknowledged(args),
                        args.flags.contains("json") ? "show --json" : "show");
  if (!view) return PrintError(err, view.error());
  for (const std::string& alert : view->protection.alerts) PrintNotices(err, {alert});
  if (args.flags.contains("json")) {
    out << web::EncodeRecord(view->record) << "\n";
    return kOk;
  }
  if (!view->protection.marker.empty()) out << "【" << view->protection.marker << "】\n";
  SqliteRemarkRepository remarks(**db);
  out << app::RecordText(view->record) << app::HistoryText(view->history)
      << app::RemarksText(IntegratedRemarks(view->history, remarks.Remarks(atena)),
                          remarks.Memos(atena));
  return kOk;
}
int Apply(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& source = args.positional[0];
  // A 異動 file holds what a clerk types in a day at the most; 16 MiB is far past that.
  std::string document;
  if (int read = ReadInputFile(source, 16u << 20, document, err); read != kOk) return read;
  auto parts = web::SplitChangeDocument(document);
  if (!parts) return PrintError(err, parts.error());
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteResidentRepository residents(**db);
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteAddressDictionary dictionary(**db);
  SqlitePendingChangeRepository pending(**db);
  SqliteAuditLog log(**db);
  SqliteChangeEffectFacts effects(**db);
  ChangeDesk desk(residents, pending, &dictionary, log, *viewer, effects);
  const bool provisional = args.flags.contains("provisional");
  const bool check_only = args.flags.contains("check");
  for (std::size_t i = 0; i < parts->size(); ++i) {
    auto command = web::DecodeChangeCommand((*parts)[i]);
    if (!command) {
      err << "異動 " << i + 1 << "/" << parts->size() << " を読み取れません。\n";
      return PrintError(err, command.error());
    }
    if (check_only) {
      auto preview = desk.Check(*command);
      if (!preview) {
        err << "異動 " << i + 1 << "/" << parts->size() << " は記録できません。\n";
        return PrintError(err, preview.error());
      }
      out << "【入力確認】異動 " << i + 1 << "/" << parts->size() << "  "
          << InfoOf(preview->change.reason).name_ja << "  異動日 "
          << FormatRecordedDate(preview->change.event_date, DisplayCalendar::kWareki)
          << "（記録されていません）\n";
      for (const ResidentRecord& v : preview->versions) out << app::RecordText(v) << "\n";
      // What recording would cause elsewhere (印鑑登録 ended, 附票, CS), as the screen shows it.
      PrintNotices(err, preview->notices);
      continue;
    }
    if (provisional) {
      auto entered = desk.Enter(*command, std::string(web::CommandType(*command)), (*parts)[i]);
      if (!entered) {
        err << "異動 " << i + 1 << "/" << parts->size() << " は仮登録されませんでした。\n";
        out << web::EncodeError(entered.error()) << std::endl;
        return PrintError(err, entered.error());
      }
      out << web::EncodePending(*entered) << std::endl;
      continue;
    }
    auto outcome = desk.Record(*command);
    if (!outcome) {
      err << "異動 " << i + 1 << "/" << parts->size() << " は記録されませんでした。\n";
      out << web::EncodeError(outcome.error()) << std::endl;
      return PrintError(err, outcome.error());
    }
    // One line per recorded 異動, flushed: when this line is out, the 異動 is on disk.
    out << web::EncodeOutcome(*outcome) << std::endl;
    PrintNotices(err, outcome->notices);
  }
  return kOk;
}
int Pending(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqlitePendingChangeRepository pending(**db);
  const auto open = pending.ListOpen();
  for (const PendingChange& p : open) {
    if (args.flags.contains("json")) {
      out << web::EncodePending(p) << "\n";
      continue;
    }
    std::string persons;
    for (const std::string& atena : p.persons) persons += (persons.empty() ? "" : " ") + atena;
    out << p.pending_id << "  " << p.summary << "  入力 " << FormatWareki(p.entered_on) << " "
        << p.operator_id << "（" << p.place << "／" << p.terminal << "）  対象 " << persons << "\n";
  }
  if (!args.flags.contains("json")) out << "仮登録 " << open.size() << " 件\n";
  return kOk;
}
namespace {

Result<int64_t> PendingId(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<int64_t>(id);
  } catch (const std::logic_error&) {
  }
  return MakeError(ErrorCode::kNotFound, "pending.not_open", "not a 仮登録 number: " + text);
}
}  // namespace

// 本登録: runs each 仮登録 again against the register as it stands now, each in one transaction
// with its decision; stops at the first refusal.
int Approve(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteResidentRepository residents(**db);
  SqlitePendingChangeRepository pending(**db);
  SqliteAddressDictionary dictionary(**db);
  SqliteAuditLog log(**db);
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteChangeEffectFacts effects(**db);
  ChangeDesk desk(residents, pending, &dictionary, log, *viewer, effects);
  for (const std::string& text : args.positional) {
    auto id = PendingId(text);
    if (!id) return PrintError(err, id.error());
    auto outcome = web::ApproveStored(desk, *id);
    if (!outcome) {
      err << "仮登録 " << *id << " は本登録できませんでした。\n";
      out << web::EncodeError(outcome.error()) << std::endl;
      return PrintError(err, outcome.error());
    }
    out << web::EncodeOutcome(*outcome) << std::endl;
  }
  return kOk;
}
int Withdraw(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqlitePendingChangeRepository pending(**db);
  auto id = PendingId(args.positional[0]);
  if (!id) return PrintError(err, id.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  SqliteResidentRepository residents(**db);
  SqliteAuditLog log(**db);
  SqliteChangeEffectFacts effects(**db);
  if (auto ok = ChangeDesk(residents, pending, nullptr, log, *viewer, effects).Withdraw(*id); !ok) {
    return PrintError(err, ok.error());
  }
  out << "仮登録 " << *id << " を取り消しました。\n";
  return kOk;
}

}  // namespace jrr::cli
