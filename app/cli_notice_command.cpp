// SPDX-License-Identifier: Apache-2.0
//
// jrr notice: 通知書等 as PDF — 職権記録書, 職権記載等通知書, 住民異動届受理通知, 転入通知未着者一覧
// and 転入通知未着照会書 (notice_services.h).
#include <fstream>
#include <ostream>

#include "cli.h"
#include "cli_support.h"
#include "notice_services.h"

namespace jrr::cli {

int NoticeCommand(const Args& args, std::ostream& out, std::ostream& err) {
  NoticeRequest request;
  request.kind = args.positional[0];
  const std::string key = args.positional.size() > 1 ? args.positional[1] : std::string();
  try {
    if (request.kind == "inquiry" || request.kind == "adult-ward") {
      request.person = key;
    } else if (request.kind != "awaiting") {
      request.change_id = std::stoll(key);
    }
    if (!args.Option("days").empty()) request.days = std::stoi(args.Option("days"));
  } catch (const std::logic_error&) {
    err << "エラー: 異動番号・日数は数字で指定してください。\n";
    return kUsage;
  }
  request.notifier_name = args.Option("notifier");
  request.notifier_address = args.Option("notifier-address");
  if (args.Option("out").empty()) {
    err << "エラー: --out FILE.pdf を指定してください。\n";
    return kUsage;
  }
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  auto pdf = app::NoticePdf(**db, *viewer, request);
  if (!pdf) return PrintError(err, pdf.error());
  std::ofstream file(args.Option("out"), std::ios::binary | std::ios::trunc);
  file.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
  if (!file) return kStorage;
  out << "作成しました: " << args.Option("out") << "\n";
  return kOk;
}

}  // namespace jrr::cli
