// SPDX-License-Identifier: Apache-2.0
//
// jrr version, date, kana-key, kanji-key, check-digit: the explain commands.
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
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/resident_record_code_pool.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_remark_repository.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/sample/sample_register.h"
#include "jrr/web/server/web_server.h"
#include "register_services.h"
#include "register_text.h"

namespace jrr::cli {

int Version(const Args&, std::ostream& out, std::ostream&) {
  out << "jrr " << JRR_VERSION << "\n"
      << "データベースの版: " << LatestSchemaVersion() << "\n"
      << "ICU: " << U_ICU_VERSION << "\n";
  return kOk;
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
int Banchi(const Args& args, std::ostream& out, std::ostream&) {
  // Every text has a code (what is not a number is kept as the rest): nothing to refuse.
  const BanchiCode code = ParseBanchi(args.positional[0]);
  static const char* const kLot[] = {"番地", "枝番", "小枝番", "部屋番号"};
  static const char* const kIndication[] = {"街区符号", "住居番号", "部屋番号等", "番号"};
  out << "種類: " << (code.residence_indication ? "住居表示（…番…号）" : "地番（…番地）") << "\n";
  for (std::size_t i = 0; i < code.numbers.size(); ++i) {
    out << (i < 4 ? (code.residence_indication ? kIndication[i] : kLot[i]) : "番号") << ": "
        << code.numbers[i] << "\n";
  }
  if (!code.rest.empty()) out << "数字以外: " << code.rest << "\n";
  out << "並び順のキー: " << code.SortKey() << "\n";
  return kOk;
}
int CheckDigit(const Args& args, std::ostream& out, std::ostream& err) {
  auto scheme = ParseCheckDigitKind(args.positional[0]);
  if (!scheme) return PrintError(err, scheme.error());
  const bool verify = args.flags.contains("verify");
  auto explained = ExplainCheckDigit(*scheme, args.positional[1], verify);
  if (!explained) return PrintError(err, explained.error());
  if (verify) out << "正しい番号です。\n";
  out << "検査数字: " << explained->check_digit << "\n"
      << "番号: " << explained->number << "\n";
  return kOk;
}

}  // namespace jrr::cli
