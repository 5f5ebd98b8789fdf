// SPDX-License-Identifier: Apache-2.0
//
// jrr user: staff accounts (JK-10.3, 10.4) — the first administrator, users, permissions,
// passwords, the second factor, lock-outs — and `jrr user login` to try the login flow.
#include <Poco/RandomStream.h>

#include <ctime>
#include <iostream>
#include <ostream>
#include <sstream>

#include "cli.h"
#include "cli_support.h"
#include "japan_clock.h"
#include "jrr/domain/core/japanese_date.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/persistence/security/sqlite_staff_directory.h"
#include "jrr/web/security/staff_admin.h"
#include "jrr/web/security/totp.h"

namespace jrr::cli {
namespace {

LoginPlace PlaceOf(const Args& args) {
  return LoginPlace{args.Option("terminal", "CLI"), "CLI", app::TodayInJapan(),
                    static_cast<int64_t>(std::time(nullptr))};
}

// Grants and resets waiting for a second administrator (two-person rule).
int Requests(const Args& args, Database& db, Authenticator& auth, std::ostream& out,
             std::ostream& err) {
  auto viewer = ClerkViewer(args, db);
  if (!viewer) return PrintError(err, viewer.error());
  auto open = auth.OpenPermissionRequests(*viewer);
  if (!open) return PrintError(err, open.error());
  for (const PermissionRequest& r : *open) {
    out << "申請 " << r.request_id << "  " << r.user_id << "  " << StaffRequestKindNameJa(r.kind);
    if (r.kind == StaffRequestKind::kPermissions) out << "  追加 " << PermissionList(r.add);
    if (!r.remove.empty()) out << "  削除 " << PermissionList(r.remove);
    out << "  申請者 " << r.requested_by << "  " << r.requested_at << "\n";
  }
  out << "承認待ち " << open->size() << " 件\n";
  return kOk;
}

// Reads the password and the code (one per line) from standard input, as a screen would.
int Login(const Args& args, Authenticator& auth, const std::string& id, std::ostream& out,
          std::ostream& err) {
  Credentials c{id, "", ""};
  std::getline(std::cin, c.password);
  std::getline(std::cin, c.code);
  auto outcome = auth.Login(c, PlaceOf(args));
  if (!outcome) return PrintError(err, outcome.error());
  out << (outcome->next == LoginStep::kChangePassword
              ? "ログインしました。初期パスワードを変更してください。\n"
          : outcome->next == LoginStep::kEnrolSecondFactor
              ? "ログインしました。二要素認証を登録してください。\n"
              : "ログインしました。\n");
  return kOk;
}

// Without --code: issue a secret to scan; with --secret and --code: confirm it.
int Enrol(const Args& args, Authenticator& auth, const std::string& id, std::ostream& out,
          std::ostream& err) {
  if (!args.options.contains("code")) {
    const std::string secret = web::NewTotpSecret();
    out << "認証アプリに登録してください。\n秘密鍵: " << secret << "\n"
        << web::OtpauthUri("jrr", id, secret) << "\n"
        << "登録後、表示された6桁を jrr user enrol --id " << id << " --secret " << secret
        << " --code 123456 の形で入力してください。\n";
    return kOk;
  }
  if (auto ok =
          auth.EnrolSecondFactor(id, args.Option("secret"), args.Option("code"), PlaceOf(args));
      !ok) {
    return PrintError(err, ok.error());
  }
  out << "二要素認証を登録しました。\n";
  return kOk;
}

// A new account: the first administrator, or a user whose permissions a second administrator
// approves.
int Add(const Args& args, Database& db, Authenticator& auth, const std::string& id,
        std::ostream& out, std::ostream& err) {
  StaffUser user;
  user.user_id = id;
  user.name = args.Option("name");
  user.department = args.Option("department");
  auto from = DateOption(args, "from");
  if (!from) return PrintError(err, from.error());
  auto to = DateOption(args, "to");
  if (!to) return PrintError(err, to.error());
  user.valid_from = from->value_or(app::TodayInJapan());
  user.valid_to = *to;
  auto permissions = web::PermissionsFrom(args.Option("permissions"));
  if (!permissions) return PrintError(err, permissions.error());
  user.permissions = *permissions;
  const std::string password = web::NewInitialPassword();
  // The first administrator needs no one's permission; every later user needs an administrator.
  Result<StaffUser> added = StaffUser{};
  int64_t pending = 0;
  if (args.flags.contains("admin")) {
    added = auth.AddFirstAdministrator(user, password);
  } else {
    auto viewer = ClerkViewer(args, db);
    if (!viewer) return PrintError(err, viewer.error());
    added = auth.AddUser(*viewer, user, password, &pending);
  }
  if (!added) return PrintError(err, added.error());
  if (pending != 0) {
    // The approver hands out the password (it is made when the grant is approved).
    out << "利用者 " << id << " を登録しました。権限は、別の管理者の承認を待っています（申請 "
        << pending << "。jrr user approve --request " << pending
        << " --operator 承認する管理者）。初期パスワードは承認した管理者に表示されます。\n";
    return kOk;
  }
  out << "利用者 " << id << " を登録しました。初期パスワード: " << password
      << "\n（初回ログインで変更が必要です。二要素認証は jrr user enrol で登録します）\n";
  return kOk;
}

}  // namespace

int User(const Args& args, std::ostream& out, std::ostream& err) {
  const std::string& verb = args.positional[0];
  auto db = OpenRegister(args.Option("db"));
  if (!db) return PrintError(err, db.error());
  SqliteStaffDirectory staff(**db);
  Argon2PasswordHasher hasher;
  web::Totp codes;
  SqliteAuditLog log(**db);
  Authenticator auth(staff, hasher, codes, log);
  const std::string id = args.Option("id");
  if (verb == "list") {
    for (const StaffUser& u : staff.All()) {
      out << u.user_id << "  " << u.name << "  " << u.department << "  "
          << FormatWareki(u.valid_from) << "〜" << (u.valid_to ? FormatWareki(*u.valid_to) : "")
          << "  " << (u.disabled ? "無効" : "有効")
          << (u.totp_enrolled ? "  二要素登録済" : "  二要素未登録") << "  権限 "
          << PermissionList(u.permissions) << "\n";
    }
    return kOk;
  }
  if (verb == "requests") return Requests(args, **db, auth, out, err);
  if (verb == "approve" || verb == "reject") {
    auto viewer = ClerkViewer(args, **db);
    if (!viewer) return PrintError(err, viewer.error());
    auto done =
        web::ApplyStaffAction(auth, staff, *viewer, OptionParameters(args, {{"action", verb}}),
                              static_cast<int64_t>(std::time(nullptr)));
    if (!done) return PrintError(err, done.error());
    out << "申請 " << args.Option("request") << " を" << (verb == "approve" ? "承認" : "却下")
        << "しました。\n";
    if (!done->initial_password.empty()) {
      out << "初期パスワード: " << done->initial_password
          << "\n（本人に渡してください。初回ログインで変更が必要です）\n";
    }
    return kOk;
  }
  if (id.empty()) {
    err << "エラー: --id を指定してください。\n";
    return kUsage;
  }
  if (verb == "login") return Login(args, auth, id, out, err);
  if (verb == "passwd") {
    std::string old_password, new_password;
    std::getline(std::cin, old_password);
    std::getline(std::cin, new_password);
    if (auto ok = auth.ChangePassword(id, old_password, new_password, PlaceOf(args)); !ok) {
      return PrintError(err, ok.error());
    }
    out << "パスワードを変更しました。\n";
    return kOk;
  }
  if (verb == "enrol") return Enrol(args, auth, id, out, err);
  if (verb == "add") return Add(args, **db, auth, id, out, err);
  // Administration by the console's administrator.
  auto viewer = ClerkViewer(args, **db);
  if (!viewer) return PrintError(err, viewer.error());
  static const std::set<std::string> kActions = {
      "grant", "revoke", "permissions", "reset-password", "reset-2fa", "unlock", "disable"};
  if (!kActions.contains(verb)) {
    err << "エラー: add, list, grant, revoke, permissions, reset-password, reset-2fa, unlock, "
           "disable, requests, "
           "approve, reject, enrol, passwd, login のいずれかを指定してください。\n";
    return kUsage;
  }
  auto done =
      web::ApplyStaffAction(auth, staff, *viewer, OptionParameters(args, {{"action", verb}}),
                            static_cast<int64_t>(std::time(nullptr)));
  if (!done) return PrintError(err, done.error());
  if (!done->initial_password.empty())
    out << "新しい初期パスワード: " << done->initial_password << "\n";
  if (done->pending_request != 0) {
    out << "利用者 " << id << ": " << verb << " は別の管理者の承認を待っています（申請 "
        << done->pending_request << "。承認されるまで、これまでのものが有効です）。\n";
    return kOk;
  }
  out << "利用者 " << id << ": " << verb << " を行いました。\n";
  return kOk;
}

}  // namespace jrr::cli
