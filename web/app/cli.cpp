// SPDX-License-Identifier: Apache-2.0
#include "cli.h"

#include <Poco/Exception.h>
#include <Poco/Util/ServerApplication.h>
#include <unicode/uversion.h>

#include <filesystem>
#include <functional>
#include <map>
#include <ostream>
#include <set>

#include "jrr/domain/explain.h"
#include "jrr/domain/name_keys.h"
#include "jrr/domain/rule_catalog.h"
#include "jrr/domain/storage_error.h"
#include "jrr/domain/text.h"
#include "jrr/persistence/database.h"
#include "jrr/persistence/migrations.h"
#include "jrr/persistence/resident_record_code_pool.h"
#include "jrr/persistence/sqlite_address_dictionary.h"
#include "jrr/persistence/sqlite_municipality_repository.h"
#include "jrr/persistence/sqlite_register_settings.h"
#include "jrr/persistence/sqlite_remark_repository.h"
#include "jrr/persistence/sqlite_pending_change_repository.h"
#include "jrr/persistence/sqlite_resident_repository.h"
#include "jrr/web/change_json.h"
#include "jrr/web/web_server.h"
#include "japan_clock.h"
#include "register_services.h"
#include "register_text.h"
#include "sample_command.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <unistd.h>

namespace jrr::cli {
namespace {

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::set<std::string> flags;
  std::string Option(const std::string& name, const std::string& fallback = "") const {
    auto found = options.find(name);
    return found == options.end() ? fallback : found->second;
  }
};

struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;  // shown by --help and on bad use
  std::set<std::string> value_options;
  std::set<std::string> flag_options;
  std::size_t min_positional;
  std::size_t max_positional;
  std::function<int(const Args&, std::ostream&, std::ostream&)> run;
};

int PrintError(std::ostream& err, const Error& error) {
  err << "エラー: " << MessageJa(error) << " [" << error.rule_id << "]\n";
  if (!error.detail.empty()) err << "  詳細: " << error.detail << "\n";
  return kRuleError;
}

int Version(const Args&, std::ostream& out, std::ostream&) {
  out << "jrr " << JRR_VERSION << "\n"
      << "データベースの版: " << LatestSchemaVersion() << "\n"
      << "ICU: " << U_ICU_VERSION << "\n";
  return kOk;
}

int Init(const Args& args, std::ostream& out, std::ostream& err) {
  const std::filesystem::path path(args.Option("db"));
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  auto municipality =
      app::InitializeRegisterFile(path.string(), args.Option("municipality-code"), args.Option("name"));
  if (!municipality) return PrintError(err, municipality.error());
  out << "台帳を作成しました: " << municipality->name << "（地方公共団体コード "
      << municipality->code.digits() << "） " << path.string() << "\n";
  return kOk;
}

class ServeApplication final : public Poco::Util::ServerApplication {
 public:
  ServeApplication(web::WebContext context, web::ServerOptions options, std::ostream& out)
      : context_(std::move(context)), options_(std::move(options)), out_(out) {}

 protected:
  int main(const std::vector<std::string>&) override {
    web::WebServer server(context_, options_);
    server.Start();
    out_ << "jrr: http://" << options_.host << ":" << server.port()
         << "/ で待ち受けています（Ctrl+C で停止）" << std::endl;
    waitForTerminationRequest();
    server.Stop();
    return EXIT_OK;
  }

 private:
  web::WebContext context_;
  web::ServerOptions options_;
  std::ostream& out_;
};

int Serve(const Args& args, std::ostream& out, std::ostream& err) {
  web::ServerOptions options;
  options.host = args.Option("host", "127.0.0.1");
  const std::string port = args.Option("port", "8080");
  const std::string threads = args.Option("threads", "8");
  try {
    const unsigned long parsed_port = std::stoul(port);
    const unsigned long parsed_threads = std::stoul(threads);
    if (parsed_port > 65535 || parsed_threads < 1 || parsed_threads > 64) throw std::out_of_range("");
    options.port = static_cast<uint16_t>(parsed_port);
    options.max_threads = static_cast<int>(parsed_threads);
  } catch (const std::logic_error&) {
    err << "エラー: --port は 0〜65535、--threads は 1〜64 の数で指定してください。\n";
    return kUsage;
  }
  auto served = app::OpenForServing(args.Option("db"), static_cast<std::size_t>(options.max_threads));
  if (!served) return PrintError(err, served.error());
  ServeApplication application(app::MakeWebContext(*served), options, out);
  return application.run(std::vector<std::string>{"jrr-serve"});
}

int Date(const Args& args, std::ostream& out, std::ostream& err) {
  const DatePolicy policy =
      args.flags.contains("koseki") ? DatePolicy::kKosekiConsistent : DatePolicy::kCalendarOnly;
  auto explained = ExplainDate(args.positional[0], policy);
  if (!explained) return PrintError(err, explained.error());
  out << "状態: " << explained->state_ja;
  if (explained->date.state == DateState::kUncertain) {
    out << "（" << UncertainFormCode(explained->date.form) << "）";
  }
  out << "\n"
      << "ISO: " << explained->iso.value_or("（暦日なし）") << "\n"
      << "和暦: " << explained->wareki << "\n"
      << "西暦: " << explained->seireki << "\n"
      << "内部日付: " << explained->internal_iso.value_or("（なし）") << "\n";
  return kOk;
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

int Show(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto as_of = DateOption(args, "as-of");
  if (!as_of) return PrintError(err, as_of.error());
  auto known_at = DateOption(args, "known-at");
  if (!known_at) return PrintError(err, known_at.error());
  SqliteResidentRepository residents(**db);
  const std::string& atena = args.positional[0];
  auto record = residents.AsOf(atena, AsOfQuery{*as_of, *known_at});
  if (!record) {
    return PrintError(err, MakeError(ErrorCode::kNotFound, "change.person_not_found",
                                     "宛名番号 " + atena + (*as_of || *known_at ? " at that date" : "")));
  }
  if (args.flags.contains("json")) {
    out << web::EncodeRecord(*record) << "\n";
    return kOk;
  }
  const auto history = residents.History(atena);
  SqliteRemarkRepository remarks(**db);
  out << app::RecordText(*record) << app::HistoryText(history)
      << app::RemarksText(IntegratedRemarks(history, remarks.Remarks(atena)), remarks.Memos(atena));
  return kOk;
}

// jrr memo add ATENA TEXT | edit ID TEXT | delete ID | history ID;  jrr remark add ATENA TEXT
int Memos(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteRemarkRepository remarks(**db);
  const std::string operator_id = args.Option("operator", "cli");
  auto memo_id = [&]() -> Result<int64_t> {
    try {
      return static_cast<int64_t>(std::stoll(args.positional.at(1)));
    } catch (const std::exception&) {
      return MakeError(ErrorCode::kNotFound, "memo.not_found", "not a memo number");
    }
  };
  if (action == "add" && args.positional.size() == 3) {
    auto memo = remarks.AddMemo(args.positional[1], args.positional[2], operator_id);
    if (!memo) return PrintError(err, memo.error());
    out << "メモ #" << memo->memo_id << " を記録しました。\n";
    return kOk;
  }
  if ((action == "edit" && args.positional.size() == 3) ||
      (action == "delete" && args.positional.size() == 2)) {
    auto id = memo_id();
    if (!id) return PrintError(err, id.error());
    if (action == "edit") {
      auto memo = remarks.EditMemo(*id, args.positional[2], operator_id);
      if (!memo) return PrintError(err, memo.error());
    } else if (auto ok = remarks.DeleteMemo(*id, operator_id); !ok) {
      return PrintError(err, ok.error());
    }
    out << "メモ #" << *id << (action == "edit" ? " を修正しました。\n" : " を削除しました（履歴は残ります）。\n");
    return kOk;
  }
  if (action == "history" && args.positional.size() == 2) {
    auto id = memo_id();
    if (!id) return PrintError(err, id.error());
    for (const Memo& m : remarks.MemoHistory(*id)) {
      out << m.recorded_at << "  " << m.operator_id << "  " << (m.deleted ? "（削除）" : m.text) << "\n";
    }
    return kOk;
  }
  err << "エラー: 使い方: jrr memo add 宛名番号 本文 | edit 番号 本文 | delete 番号 | history 番号\n";
  return kUsage;
}

int Remarks(const Args& args, std::ostream& out, std::ostream& err) {
  if (args.positional.size() != 3 || args.positional[0] != "add") {
    err << "エラー: 使い方: jrr remark add 宛名番号 本文\n";
    return kUsage;
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteRemarkRepository remarks(**db);
  auto remark = remarks.AddRemark(args.positional[1], args.positional[2], app::TodayInJapan(),
                                  args.Option("operator", "cli"));
  if (!remark) return PrintError(err, remark.error());
  out << "備考を記載しました。\n";
  return kOk;
}

std::string HostName() {
  char name[256] = {0};
  if (gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

void PrintNotices(std::ostream& err, const std::vector<std::string>& notices) {
  for (const std::string& rule : notices) {
    err << "注意: " << MessageJa(MakeError(ErrorCode::kRuleViolation, rule)) << " [" << rule << "]\n";
  }
}

int Sample(const Args& args, std::ostream& out, std::ostream& err) {
  int residents = 10000;
  uint64_t seed = 1;
  try {
    if (!args.Option("residents").empty()) residents = std::stoi(args.Option("residents"));
    if (!args.Option("seed").empty()) seed = std::stoull(args.Option("seed"));
    if (residents < 1 || residents > 5000000) throw std::out_of_range("residents");
  } catch (const std::logic_error&) {
    err << "エラー: --residents は 1〜5000000、--seed は 0 以上の整数で指定してください。\n";
    return kUsage;
  }
  const app::SamplePath how =
      args.flags.contains("bulk") ? app::SamplePath::kBulk : app::SamplePath::kRegister;
  auto summary = app::CreateSampleRegister(args.Option("db"), residents, seed, err, how);
  if (!summary) return PrintError(err, summary.error());
  out << "架空市（990001）の台帳を作成しました: " << args.Option("db") << "\n"
      << "  住民 " << summary->residents << " 人、除票 " << summary->removed << " 人、異動 "
      << summary->changes << " 件、履歴 " << summary->versions << " 行（" << summary->seconds
      << " 秒、seed " << seed << "）\n"
      << "  登場する人物はすべて架空です。\n";
  return kOk;
}

int Codes(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  if (action != "import" && action != "status") {
    err << "エラー: codes の操作は import か status です。\n";
    return kUsage;
  }
  if (action == "import" && args.positional.size() != 2) {
    err << "エラー: 取り込むファイルを指定してください。\n";
    return kUsage;
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  if (action == "import") {
    std::ifstream file(args.positional[1]);
    if (!file) {
      err << "エラー: ファイルを開けません: " << args.positional[1] << "\n";
      return kUsage;
    }
    std::vector<std::string> codes;
    for (std::string line; std::getline(file, line);) {
      const std::string_view trimmed = TrimSpaces(line);
      if (!trimmed.empty() && trimmed.front() != '#') codes.emplace_back(trimmed);
    }
    auto added = ImportResidentRecordCodes(**db, codes);
    if (!added) return PrintError(err, added.error());
    out << "住民票コードを " << *added << " 件取り込みました。\n";
  }
  const CodePoolStatus status = ResidentRecordCodePoolStatus(**db);
  out << "住民票コード: 取込 " << status.total << " 件、未使用 " << status.free << " 件（警告の基準 "
      << status.low_water << " 件）\n";
  return kOk;
}

int Dictionary(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteAddressDictionary dictionary(**db);
  if (action == "import") {
    if (args.positional.size() != 2) {
      err << "エラー: 取り込むファイルを指定してください。\n";
      return kUsage;
    }
    std::ifstream file(args.positional[1], std::ios::binary);
    if (!file) {
      err << "エラー: ファイルを開けません: " << args.positional[1] << "\n";
      return kUsage;
    }
    const std::string tsv((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    SqliteMunicipalityRepository municipality(**db);
    auto self = municipality.Get();
    if (!self) return PrintError(err, self.error());
    auto imported = ImportAddressDictionary(**db, self->code.digits(), tsv);
    if (!imported) return PrintError(err, imported.error());
    out << "住所辞書を取り込みました: 町字 " << imported->areas << " 件、方書 " << imported->katagaki
        << " 件\n";
    return kOk;
  }
  if (action == "show") {
    if (args.positional.size() < 2) {
      out << (dictionary.Loaded() ? "住所辞書: 取込済み\n" : "住所辞書: 未取込（住所は入力のとおり記録します）\n");
      return kOk;
    }
    auto area = dictionary.Find(args.positional[1]);
    if (!area) return PrintError(err, MakeError(ErrorCode::kNotFound, "address.unknown_code", args.positional[1]));
    out << area->address_code << "  " << area->text << "  〒" << area->postal_code << "\n";
    if (args.positional.size() == 3) {
      for (const KatagakiEntry& k : dictionary.KatagakiFor(area->address_code, args.positional[2])) {
        out << "  方書: " << k.katagaki << "\n";
      }
    }
    return kOk;
  }
  err << "エラー: dictionary の操作は import か show です。\n";
  return kUsage;
}

// The context of a 異動 entered from the command line. Once terminals are registered
// (JK-1.3.1), --terminal must name one, and its place is the input place.
Result<ChangeContext> ClerkContext(const Args& args, Database& db) {
  ChangeContext context{app::TodayInJapan(), args.Option("operator", "cli"),
                        args.Option("place", "CLI"), args.Option("terminal", HostName())};
  context.now_epoch_seconds = static_cast<int64_t>(std::time(nullptr));
  SqliteRegisterSettings settings(db);
  const auto terminals = settings.Terminals();
  if (!terminals.empty()) {
    const auto found = std::find_if(terminals.begin(), terminals.end(),
                                    [&](const Terminal& t) { return t.id == context.terminal; });
    if (found == terminals.end()) {
      return MakeError(ErrorCode::kInvalidInput, "settings.unknown_terminal", context.terminal);
    }
    for (const InputPlace& place : settings.Places()) {
      if (place.code == found->place_code) context.place = place.name;
    }
  }
  return context;
}

int Settings(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteRegisterSettings settings(**db);
  auto need = [&](std::initializer_list<const char*> names) {
    for (const char* name : names) {
      if (args.Option(name).empty()) {
        err << "エラー: --" << name << " を指定してください。\n";
        return false;
      }
    }
    return true;
  };
  if (action == "add-certifier") {
    if (!need({"role", "title", "name", "from"})) return kUsage;
    Certifier c;
    const std::string role = args.Option("role");
    if (role != "mayor" && role != "acting") {
      err << "エラー: --role は mayor（市区町村長）か acting（職務代理者）です。\n";
      return kUsage;
    }
    c.role = role == "mayor" ? CertifierRole::kMayor : CertifierRole::kActing;
    c.title = args.Option("title");
    c.name = args.Option("name");
    auto from = ParseCalendarDate(args.Option("from"));
    if (!from) return PrintError(err, from.error());
    c.from = *from;
    if (!args.Option("to").empty()) {
      auto to = ParseCalendarDate(args.Option("to"));
      if (!to) return PrintError(err, to.error());
      c.to = *to;
    }
    if (auto ok = ValidateCertifier(c); !ok) return PrintError(err, ok.error());
    settings.AddCertifier(c);
  } else if (action == "add-place") {
    if (!need({"code", "name"})) return kUsage;
    settings.AddPlace({args.Option("code"), args.Option("name")});
  } else if (action == "add-terminal" || action == "add-printer") {
    if (!need({"id", "place", "name"})) return kUsage;
    const Status added = action == "add-terminal"
                             ? settings.AddTerminal({args.Option("id"), args.Option("place"), args.Option("name")})
                             : settings.AddPrinter({args.Option("id"), args.Option("place"), args.Option("name")});
    if (!added) return PrintError(err, added.error());
  } else if (action != "show") {
    err << "エラー: settings の操作は show, add-certifier, add-place, add-terminal, add-printer です。\n";
    return kUsage;
  }
  CalendarDate on = app::TodayInJapan();
  if (!args.Option("on").empty()) {
    auto parsed = ParseCalendarDate(args.Option("on"));
    if (!parsed) return PrintError(err, parsed.error());
    on = *parsed;
  }
  const auto all = settings.Certifiers();
  const auto current = CertifierOn(all, on);
  out << "認証者（" << FormatWareki(on) << "）: "
      << (current ? current->title + "　" + current->name : std::string("（未登録）")) << "\n";
  for (const Certifier& c : all) {
    out << "  " << (c.role == CertifierRole::kMayor ? "市区町村長" : "職務代理者") << "  " << c.title
        << "　" << c.name << "  " << FormatWareki(c.from) << "〜" << (c.to ? FormatWareki(*c.to) : "") << "\n";
  }
  for (const InputPlace& p : settings.Places()) out << "入力場所 " << p.code << "  " << p.name << "\n";
  for (const Terminal& t : settings.Terminals()) out << "端末 " << t.id << "  " << t.name << "（" << t.place_code << "）\n";
  for (const Printer& p : settings.Printers()) out << "プリンタ " << p.id << "  " << p.name << "（" << p.place_code << "）\n";
  return kOk;
}

int Apply(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& source = args.positional[0];
  std::string document;
  if (source == "-") {
    document.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream file(source, std::ios::binary);
    if (!file) {
      err << "エラー: ファイルを開けません: " << source << "\n";
      return kUsage;
    }
    document.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
  }
  auto parts = web::SplitChangeDocument(document);
  if (!parts) return PrintError(err, parts.error());
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteResidentRepository residents(**db);
  auto clerk = ClerkContext(args, **db);
  if (!clerk) return PrintError(err, clerk.error());
  const ChangeContext context = *clerk;
  SqliteAddressDictionary dictionary(**db);
  ResidentChanges changes(residents, context, &dictionary);
  SqlitePendingChangeRepository pending(**db);
  const bool provisional = args.flags.contains("provisional");
  const bool check_only = args.flags.contains("check");
  for (std::size_t i = 0; i < parts->size(); ++i) {
    auto command = web::DecodeChangeCommand((*parts)[i]);
    if (!command) {
      err << "異動 " << i + 1 << "/" << parts->size() << " を読み取れません。\n";
      return PrintError(err, command.error());
    }
    if (check_only) {
      auto preview = PreviewChange(residents, context, *command, &dictionary);
      if (!preview) {
        err << "異動 " << i + 1 << "/" << parts->size() << " は記録できません。\n";
        return PrintError(err, preview.error());
      }
      out << "【入力確認】異動 " << i + 1 << "/" << parts->size() << "  "
          << InfoOf(preview->change.reason).name_ja << "  異動日 "
          << FormatRecordedDate(preview->change.event_date, DisplayCalendar::kWareki)
          << "（記録されていません）\n";
      for (const ResidentRecord& v : preview->versions) out << app::RecordText(v) << "\n";
      continue;
    }
    if (provisional) {
      auto entered = EnterProvisional(residents, pending, context, *command,
                                      std::string(web::CommandType(*command)), (*parts)[i],
                                      &dictionary);
      if (!entered) {
        err << "異動 " << i + 1 << "/" << parts->size() << " は仮登録されませんでした。\n";
        out << web::EncodeError(entered.error()) << std::endl;
        return PrintError(err, entered.error());
      }
      out << web::EncodePending(*entered) << std::endl;
      continue;
    }
    auto outcome = changes.Apply(*command);
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

Result<int64_t> PendingId(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long id = std::stoll(text, &used);
    if (used == text.size() && id > 0) return static_cast<int64_t>(id);
  } catch (const std::logic_error&) {
  }
  return MakeError(ErrorCode::kNotFound, "pending.not_open", "not a 仮登録 number: " + text);
}

// 本登録: runs each 仮登録 again against the register as it stands now, each in one transaction
// with its decision; stops at the first refusal.
int Approve(const Args& args, std::ostream& out, std::ostream& err) {
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteResidentRepository residents(**db);
  SqlitePendingChangeRepository pending(**db);
  for (const std::string& text : args.positional) {
    auto id = PendingId(text);
    if (!id) return PrintError(err, id.error());
    auto entry = pending.GetOpen(*id);
    if (!entry) return PrintError(err, entry.error());
    auto command = web::DecodeChangeCommand(entry->command_json);
    if (!command) return PrintError(err, command.error());
    auto clerk = ClerkContext(args, **db);
    if (!clerk) return PrintError(err, clerk.error());
    ChangeContext context = *clerk;
    context.approving_pending_id = *id;
    SqliteAddressDictionary dictionary(**db);
    auto outcome = ResidentChanges(residents, context, &dictionary).Apply(*command);
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
  if (auto ok = pending.Withdraw(*id); !ok) return PrintError(err, ok.error());
  out << "仮登録 " << *id << " を取り消しました。\n";
  return kOk;
}

int KanaKey(const Args& args, std::ostream& out, std::ostream& err) {
  auto key = BuildKanaKey(args.positional[0]);
  if (!key) return PrintError(err, key.error());
  out << *key << "\n";
  return kOk;
}

int KanjiKey(const Args& args, std::ostream& out, std::ostream& err) {
  auto key = BuildKanjiKey(args.positional[0]);
  if (!key) return PrintError(err, key.error());
  out << *key << "\n";
  return kOk;
}

int CheckDigit(const Args& args, std::ostream& out, std::ostream& err) {
  auto scheme = ParseCheckDigitKind(args.positional[0]);
  if (!scheme) return PrintError(err, scheme.error());
  const bool verify = args.flags.contains("verify");
  auto explained = ExplainCheckDigit(*scheme, args.positional[1], verify);
  if (!explained) return PrintError(err, explained.error());
  if (verify) out << "正しい番号です。\n";
  out << "検査数字: " << explained->check_digit << "\n" << "番号: " << explained->number << "\n";
  return kOk;
}

const std::vector<Command>& Commands() {
  static const std::vector<Command> kCommands = {
      {"init", "台帳を作成する / create a register",
       "jrr init --db PATH --municipality-code CODE --name NAME\n"
       "  新しい台帳ファイルを作り、市区町村を記録します。CODE は検査数字付き6桁の地方公共団体コード\n"
       "  （架空の団体は 99 で始まるコード。例: 990001）。\n",
       {"db", "municipality-code", "name"}, {}, 0, 0, Init},
      {"serve", "窓口画面と API を提供する / serve the UI and API",
       "jrr serve --db PATH [--host 127.0.0.1] [--port 8080] [--threads 8]\n"
       "  台帳を開き、HTTP で待ち受けます。既定ではこの端末（127.0.0.1）からのみ接続できます。\n",
       {"db", "host", "port", "threads"}, {}, 0, 0, Serve},
      {"version", "版を表示する / print versions", "jrr version\n", {}, {}, 0, 0, Version},
      {"show", "住民票を表示する / show a resident record",
       "jrr show --db PATH [--as-of DATE] [--known-at DATE] [--json] 宛名番号\n"
       "  現在の住民票と異動履歴を表示します。--as-of: その日（異動日基準）の内容、--known-at: その日に\n"
       "  台帳が把握していた内容（処理日基準）。両方を指定できます。--json: API と同じ JSON。\n",
       {"db", "as-of", "known-at"}, {"json"}, 1, 1, Show},
      {"apply", "異動を記録する / record 異動 from JSON",
       "jrr apply --db PATH [--check|--provisional] [--operator ID] [--place 本庁] [--terminal NAME] FILE|-\n"
       "  JSON の異動（1件のオブジェクト、又はその配列）を順に、1件ずつ一つのトランザクションで記録し、\n"
       "  結果を1行ずつ出力します。最初に拒否された異動で止まります。形式は docs/api.md を参照。\n"
       "  --provisional: 記録せずに全規則で検査し、仮登録として保存します（JK-4.0.8）。\n"
       "  --check: 入力確認。記録される内容を表示するだけで、何も保存しません（JK-4.0.9）。\n",
       {"db", "operator", "place", "terminal"}, {"provisional", "check"}, 1, 1, Apply},
      {"sample", "架空の町の台帳を作る / build the fictional sample town",
       "jrr sample --db PATH [--residents 10000] [--seed 1] [--bulk]\n"
       "  架空市（990001）の新しい台帳を作り、約10年分の異動（転入・出生・死亡・転居・転出・世帯分離・\n"
       "  修正）を実際の異動処理で記録します。同じ seed と人数からは同じ台帳ができます。\n"
       "  --bulk: 同じ異動処理をメモリ上で検査し、同じ行を書き込みます（メモリを多く使います）。\n",
       {"db", "residents", "seed"}, {"bulk"}, 0, 0, Sample},
      {"codes", "住民票コードの取込・残数 / load and count 住民票コード",
       "jrr codes import --db PATH FILE   (1行に1コード、検査数字付き11桁)\n"
       "jrr codes status --db PATH\n"
       "  新規付番用の住民票コードを蓄積します。異動では未使用のコードから無作為に付番します（JK-4.3.1）。\n",
       {"db"}, {}, 1, 2, Codes},
      {"dictionary", "住所辞書の取込・照会 / load and look up the address dictionary",
       "jrr dictionary import --db PATH FILE.tsv\n"
       "jrr dictionary show --db PATH [住所コード [番地]]\n"
       "  行の形式: area<TAB>住所コード<TAB>町字までの住所<TAB>郵便番号 / katagaki<TAB>住所コード<TAB>番地<TAB>方書\n"
       "  取り込むと、本市区町村内の住所は住所コードで指定します（JK-1.3.3）。\n",
       {"db"}, {}, 1, 3, Dictionary},
      {"settings", "認証者・入力場所・端末・プリンタ / certifiers, places, terminals, printers",
       "jrr settings show --db PATH [--on DATE]\n"
       "jrr settings add-certifier --db PATH --role mayor|acting --title 職名 --name 氏名 --from DATE [--to DATE]\n"
       "jrr settings add-place --db PATH --code CODE --name 名称\n"
       "jrr settings add-terminal|add-printer --db PATH --id ID --place CODE --name 名称\n"
       "  職務代理者の期間中は自動で職務代理者が認証者になります（JK-1.3.9）。端末を登録すると、\n"
       "  異動の --terminal は登録済みの端末に限られます（JK-1.3.1）。\n",
       {"db", "role", "title", "name", "from", "to", "code", "id", "place", "on"}, {}, 1, 1, Settings},
      {"memo", "メモ（証明書に記載しない） / staff memos",
       "jrr memo --db PATH [--operator ID] add 宛名番号 本文 | edit 番号 本文 | delete 番号 | history 番号\n"
       "  記載者と日時を記録し、修正・削除も履歴として残します。証明書には記載されません（JK-1.1.15）。\n",
       {"db", "operator"}, {}, 2, 3, Memos},
      {"remark", "備考（統合記載欄C） / remarks",
       "jrr remark --db PATH [--operator ID] add 宛名番号 本文\n", {"db", "operator"}, {}, 3, 3, Remarks},
      {"pending", "仮登録の一覧 / list 仮登録", "jrr pending --db PATH [--json]\n",
       {"db"}, {"json"}, 0, 0, Pending},
      {"approve", "仮登録を本登録する / approve 仮登録",
       "jrr approve --db PATH [--operator ID] [--place 本庁] [--terminal NAME] 仮登録番号...\n"
       "  仮登録を、その時点の台帳に対して全規則で再検査し、1件ずつ本登録します。\n",
       {"db", "operator", "place", "terminal"}, {}, 1, 1000, Approve},
      {"withdraw", "仮登録を取り消す / withdraw a 仮登録", "jrr withdraw --db PATH 仮登録番号\n",
       {"db"}, {}, 1, 1, Withdraw},
      {"date", "年月日の解釈を説明する / explain a date",
       "jrr date [--koseki] TEXT\n"
       "  例: jrr date 令和元年5月1日 / jrr date R7.11.27 / jrr date --koseki 令和3年5月上旬\n"
       "  --koseki: 生年月日など戸籍と整合させる項目として解釈し、不詳日と暦上日以外の日を許します"
       "（JK-1.1.8）。\n",
       {}, {"koseki"}, 1, 1, Date},
      {"kana-key", "カナ検索キーを作る / build the kana search key",
       "jrr kana-key TEXT\n  例: jrr kana-key 'ｻﾄｳ ｼﾞｮｳｼﾞ'  → サトオシヨオシ（JK-2.1.2 のあいまい検索規則）\n",
       {}, {}, 1, 1, KanaKey},
      {"kanji-key", "漢字検索キーを作る / build the kanji search key",
       "jrr kanji-key TEXT\n  例: jrr kanji-key 髙橋  → 高橋（異体字を正字に寄せます）\n", {}, {}, 1, 1,
       KanjiKey},
      {"check-digit", "検査数字を計算・検証する / compute or verify a check digit",
       "jrr check-digit [--verify] atena|setai|jumin-code|kojin|dantai DIGITS\n"
       "  既定では DIGITS（検査数字を除く部分）から検査数字を計算します。--verify では検査数字を含む\n"
       "  番号を検証します。atena/setai: M11W2-7（JK-1.1.13）、kojin: 番号法施行令第8条。\n",
       {}, {"verify"}, 2, 2, CheckDigit},
  };
  return kCommands;
}

void PrintOverview(std::ostream& out) {
  out << "jrr — 住民基本台帳システムの参照実装\n\n使い方: jrr <コマンド> [引数]   (jrr <コマンド> --help で詳細)\n\n";
  for (const Command& command : Commands()) {
    out << "  " << command.name << std::string(14 - command.name.size(), ' ') << command.summary << "\n";
  }
  out << "\n終了コード: 0 成功 / 1 規則に反する入力 / 2 使い方の誤り / 3 データベース・環境の障害 / 4 内部エラー\n";
}

// Parses `--name value`, `--name=value` and flags. Returns an error text, or "" on success.
std::string ParseArgs(const Command& command, const std::vector<std::string>& raw, Args& args) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const std::string& word = raw[i];
    if (word.size() > 2 && word.starts_with("--")) {
      std::string name = word.substr(2);
      std::optional<std::string> value;
      if (auto eq = name.find('='); eq != std::string::npos) {
        value = name.substr(eq + 1);
        name.resize(eq);
      }
      if (command.flag_options.contains(name) && !value) {
        args.flags.insert(name);
      } else if (command.value_options.contains(name)) {
        if (!value) {
          if (i + 1 >= raw.size()) return "--" + name + " には値が必要です。";
          value = raw[++i];
        }
        args.options[name] = *value;
      } else {
        return "知らないオプションです: --" + name;
      }
    } else {
      args.positional.push_back(word);
    }
  }
  // Every command needs --db except the explain commands; init also needs the municipality.
  std::set<std::string> required;
  if (command.value_options.contains("db")) required.insert("db");
  if (command.name == "init") required.insert({"municipality-code", "name"});
  for (const std::string& name : required) {
    if (!args.options.contains(name)) return "--" + name + " を指定してください。";
  }
  if (args.positional.size() < command.min_positional ||
      args.positional.size() > command.max_positional) {
    return "引数の数が正しくありません。";
  }
  return "";
}

}  // namespace

int Run(const std::vector<std::string>& raw, std::ostream& out, std::ostream& err) {
  if (raw.empty() || raw[0] == "help" || raw[0] == "--help" || raw[0] == "-h") {
    PrintOverview(raw.empty() ? err : out);
    return raw.empty() ? kUsage : kOk;
  }
  const Command* command = nullptr;
  for (const Command& candidate : Commands()) {
    if (candidate.name == raw[0]) command = &candidate;
  }
  if (command == nullptr) {
    err << "エラー: 知らないコマンドです: " << raw[0] << "\n\n";
    PrintOverview(err);
    return kUsage;
  }
  const std::vector<std::string> rest(raw.begin() + 1, raw.end());
  for (const std::string& word : rest) {
    if (word == "--help" || word == "-h") {
      out << "使い方: " << command->usage;
      return kOk;
    }
  }
  Args args;
  if (std::string problem = ParseArgs(*command, rest, args); !problem.empty()) {
    err << "エラー: " << problem << "\n使い方: " << command->usage;
    return kUsage;
  }
  try {
    return command->run(args, out, err);
  } catch (const StorageError& e) {
    err << "エラー: " << MessageJa(MakeError(ErrorCode::kUnavailable, e.rule_id())) << " ["
        << e.rule_id() << "]\n  詳細: " << e.what() << "\n";
    return kStorage;
  } catch (const Poco::Exception& e) {
    err << "エラー: 環境の障害です（ネットワーク・ファイル）。\n  詳細: " << e.displayText() << "\n";
    return kStorage;
  } catch (const std::filesystem::filesystem_error& e) {
    err << "エラー: ファイルを作成できません。\n  詳細: " << e.what() << "\n";
    return kStorage;
  } catch (const std::exception& e) {
    err << "エラー: 内部エラーです。\n  詳細: " << e.what() << "\n";
    return kInternal;
  }
}

}  // namespace jrr::cli
