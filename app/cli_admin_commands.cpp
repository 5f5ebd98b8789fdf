// SPDX-License-Identifier: Apache-2.0
//
// jrr memo, remark, sample, codes, dictionary, settings: data around the register.
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
#include "cli_support.h"
#include "japan_clock.h"
#include "jrr/domain/core/explain.h"
#include "jrr/domain/core/name_keys.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/storage_error.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/records/banchi.h"
#include "jrr/domain/records/settings_desk.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_remark_repository.h"
#include "jrr/persistence/records/sqlite_statistics.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/sample/sample_register.h"
#include "jrr/web/records/settings_request.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "register_text.h"

namespace jrr::cli {

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
  // A memo write and its アクセスログ entry are one transaction: neither is kept without the other.
  const ChangeContext clerk{app::TodayInJapan(), operator_id, args.Option("place", "CLI"),
                            args.Option("terminal", "")};
  if (action == "add" && args.positional.size() == 3) {
    Transaction transaction(**db);
    auto memo = remarks.AddMemo(args.positional[1], args.positional[2], operator_id);
    if (!memo) return PrintError(err, memo.error());
    LogAccess(clerk, **db, AuditAction::kChange, "メモ記載", {args.positional[1]}, false,
              "memo_id=" + std::to_string(memo->memo_id));
    transaction.Commit();
    out << "メモ #" << memo->memo_id << " を記録しました。\n";
    return kOk;
  }
  if ((action == "edit" && args.positional.size() == 3) ||
      (action == "delete" && args.positional.size() == 2)) {
    auto id = memo_id();
    if (!id) return PrintError(err, id.error());
    Transaction transaction(**db);
    const auto history = remarks.MemoHistory(*id);
    if (history.empty())
      return PrintError(err, MakeError(ErrorCode::kNotFound, "memo.not_found", "no such memo"));
    if (action == "edit") {
      auto memo = remarks.EditMemo(*id, args.positional[2], operator_id);
      if (!memo) return PrintError(err, memo.error());
    } else if (auto ok = remarks.DeleteMemo(*id, operator_id); !ok) {
      return PrintError(err, ok.error());
    }
    LogAccess(clerk, **db, AuditAction::kChange, action == "edit" ? "メモ修正" : "メモ削除",
              {history.front().addressee_number}, false, "memo_id=" + std::to_string(*id));
    transaction.Commit();
    out << "メモ #" << *id
        << (action == "edit" ? " を修正しました。\n" : " を削除しました（履歴は残ります）。\n");
    return kOk;
  }
  if (action == "history" && args.positional.size() == 2) {
    auto id = memo_id();
    if (!id) return PrintError(err, id.error());
    const auto history = remarks.MemoHistory(*id);
    if (history.empty())
      return PrintError(err, MakeError(ErrorCode::kNotFound, "memo.not_found", "no such memo"));
    // A memo is part of the person's record: reading it is a 照会 through the gate.
    auto viewer = ClerkViewer(args, **db);
    if (!viewer) return PrintError(err, viewer.error());
    SqliteResidentRepository residents(**db);
    SqliteAuditLog log(**db);
    auto view = ResidentAccess(residents, log, *viewer)
                    .View(history.front().addressee_number, AsOfQuery{}, Acknowledged(args),
                          "memo history");
    if (!view) return PrintError(err, view.error());
    for (const Memo& m : history) {
      out << m.recorded_at << "  " << m.operator_id << "  " << (m.deleted ? "（削除）" : m.text)
          << "\n";
    }
    return kOk;
  }
  err << "エラー: 使い方: jrr memo add 宛名番号 本文 | edit 番号 本文 | delete 番号 | history "
         "番号\n";
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
  Transaction transaction(**db);  // the remark and its log entry together
  auto remark = remarks.AddRemark(args.positional[1], args.positional[2], app::TodayInJapan(),
                                  args.Option("operator", "cli"));
  if (!remark) return PrintError(err, remark.error());
  LogAccess(ChangeContext{app::TodayInJapan(), args.Option("operator", "cli"), "CLI", ""}, **db,
            AuditAction::kChange, "備考記載", {args.positional[1]}, false);
  transaction.Commit();
  out << "備考を記載しました。\n";
  return kOk;
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
  out << "住民票コード: 取込 " << status.total << " 件、未使用 " << status.free
      << " 件（警告の基準 " << status.low_water << " 件）\n";
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
    std::string tsv;
    if (int read = ReadInputFile(args.positional[1], 256u << 20, tsv, err); read != kOk)
      return read;
    SqliteMunicipalityRepository municipality(**db);
    auto self = municipality.Get();
    if (!self) return PrintError(err, self.error());
    auto imported = ImportAddressDictionary(**db, self->code.digits(), tsv);
    if (!imported) return PrintError(err, imported.error());
    out << "住所辞書を取り込みました: 町字 " << imported->areas << " 件、方書 "
        << imported->katagaki << " 件、番地 " << imported->banchi << " 件\n";
    return kOk;
  }
  if (action == "show") {
    if (args.positional.size() < 2) {
      out << (dictionary.Loaded() ? "住所辞書: 取込済み\n"
                                  : "住所辞書: 未取込（住所は入力のとおり記録します）\n");
      return kOk;
    }
    auto area = dictionary.Find(args.positional[1]);
    if (!area)
      return PrintError(
          err, MakeError(ErrorCode::kNotFound, "address.unknown_code", args.positional[1]));
    out << area->address_code << "  " << area->text << "  〒" << area->postal_code << "\n";
    if (args.positional.size() == 2) {
      // 番地マスタ (JK-1.3.2), in the order of the 番地's numeric code.
      for (const BanchiEntry& b : dictionary.Banchi(area->address_code)) {
        out << "  番地: " << b.banchi << "（" << BanchiKindNameJa(b.kind) << "、コード "
            << ParseBanchi(b.banchi).SortKey() << "）\n";
      }
    }
    if (args.positional.size() == 3) {
      for (const KatagakiEntry& k :
           dictionary.KatagakiFor(area->address_code, args.positional[2])) {
        out << "  方書: " << k.katagaki << "\n";
      }
    }
    return kOk;
  }
  err << "エラー: dictionary の操作は import か show です。\n";
  return kUsage;
}
int Settings(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& action = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteRegisterSettings settings(**db);
  if (action != "show") {
    // The console's administrator. The terminal is not checked here: registering the first
    // terminal is itself a settings change. A change and its 設定変更ログ entry are one transaction.
    Viewer admin{args.Option("operator", "cli"),
                 "CLI",
                 args.Option("terminal", ""),
                 AllPermissions(),
                 app::TodayInJapan(),
                 static_cast<int64_t>(std::time(nullptr))};
    SqliteAuditLog log(**db);
    SettingsDesk desk(settings, log, admin);
    Transaction change(**db);
    if (Status ok = web::ApplySettingsAction(desk, OptionParameters(args, {{"action", action}}));
        !ok) {
      return PrintError(err, ok.error());
    }
    change.Commit();
  }
  CalendarDate on = app::TodayInJapan();
  if (!args.Option("on").empty()) {
    auto parsed = ParseCalendarDate(args.Option("on"));
    if (!parsed) return PrintError(err, parsed.error());
    on = *parsed;
  }
  const auto all = settings.Certifiers();
  const auto current = CertifierOn(all, on);
  out << "認証者（" << FormatWareki(on)
      << "）: " << (current ? current->title + "　" + current->name : std::string("（未登録）"))
      << "\n";
  for (const Certifier& c : all) {
    out << "  " << (c.role == CertifierRole::kMayor ? "市区町村長" : "職務代理者") << "  "
        << c.title << "　" << c.name << "  " << FormatWareki(c.from) << "〜"
        << (c.to ? FormatWareki(*c.to) : "") << "\n";
  }
  for (const InputPlace& p : settings.Places())
    out << "入力場所 " << p.code << "  " << p.name << "\n";
  for (const Terminal& t : settings.Terminals())
    out << "端末 " << t.id << "  " << t.name << "（" << t.place_code << "）\n";
  for (const Printer& p : settings.Printers())
    out << "プリンタ " << p.id << "  " << p.name << "（" << p.place_code << "）\n";
  out << "文字溢れ: "
      << (settings.GetOverflowPolicy() == OverflowPolicy::kBlank ? "空白で印字" : "限界まで印字")
      << "\n";
  const SealSettings seal = settings.GetSealSettings();
  out << "印鑑登録: " << seal.minimum_age << "歳以上、印影は" << seal.too_small_mm
      << "mm角に収まらず" << seal.too_large_mm << "mm角に収まるもの、回答期限 " << seal.inquiry_days
      << "日、転出による廃止は" << (seal.end_on_planned_move_out ? "転出予定日" : "届出日")
      << "、証明書の性別 " << (seal.print_sex ? "印字する" : "印字しない") << "\n";
  return kOk;
}

namespace {

std::string Counts(const PeopleCount& c) {
  return std::to_string(c.japanese_male) + "\t" + std::to_string(c.japanese_female) + "\t" +
         std::to_string(c.japanese()) + "\t" + std::to_string(c.foreign_male) + "\t" +
         std::to_string(c.foreign_female) + "\t" + std::to_string(c.foreign()) + "\t" +
         std::to_string(c.total());
}

}  // namespace

// jrr stats: the 住民基本台帳関係年報 counts for a period (JK-6.1), tab-separated.
int Stats(const Args& args, std::ostream& out, std::ostream& err) {
  auto from = ParseCalendarDate(args.Option("from"));
  if (!from) return PrintError(err, from.error());
  auto to = ParseCalendarDate(args.Option("to"));
  if (!to) return PrintError(err, to.error());
  if (*to < *from) {
    return PrintError(
        err, MakeError(ErrorCode::kInvalidInput, "date.range_reversed", "--to before --from"));
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto clerk = ClerkContext(args, **db);
  if (!clerk) return PrintError(err, clerk.error());
  LogAccess(*clerk, **db, AuditAction::kExport, "stats", {}, false,
            ToIsoString(*from) + ".." + ToIsoString(*to));
  const RegisterStatistics s = SqliteStatistics(**db).Compute(*from, *to);
  out << "住民基本台帳関係年報の集計（" << FormatWareki(s.from) << "〜" << FormatWareki(s.to)
      << "、人口は" << FormatWareki(s.to) << "現在）\n"
      << "区分\t日本人男\t日本人女\t日本人計\t外国人男\t外国人女\t外国人計\t総数\n"
      << "人口\t" << Counts(s.population) << "\n"
      << "転入（国内）\t" << Counts(s.move_in_domestic) << "\n"
      << "転入（国外）\t" << Counts(s.move_in_abroad) << "\n"
      << "出生\t" << Counts(s.births) << "\n"
      << "その他の記載\t" << Counts(s.other_entries) << "\n"
      << "転出（国内）\t" << Counts(s.move_out_domestic) << "\n"
      << "転出（国外）\t" << Counts(s.move_out_abroad) << "\n"
      << "死亡\t" << Counts(s.deaths) << "\n"
      << "その他の消除\t" << Counts(s.other_removals) << "\n"
      << "世帯数\t日本人のみ " << s.households_japanese << "\t外国人のみ " << s.households_foreign
      << "\t混合 " << s.households_mixed << "\t計 "
      << s.households_japanese + s.households_foreign + s.households_mixed << "\n"
      << "町字別人口\n";
  for (const auto& area : s.by_area)
    out << area.address_text << "\t" << Counts(area.population) << "\n";
  out << "中長期在留者等（法第30条の45の区分別）\t現在数\t国外から転入（法第30条の46）\t転入\t転居"
         "\t転出\n";
  for (const auto& row : s.foreign_by_category) {
    out << ForeignCategoryNameJa(row.category) << "\t" << row.population << "\t" << row.from_abroad
        << "\t" << row.moved_in << "\t" << row.moved_within << "\t" << row.moved_out << "\n";
  }
  return kOk;
}

}  // namespace jrr::cli
