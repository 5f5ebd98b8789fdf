// SPDX-License-Identifier: Apache-2.0
//
// WebContext — what endpoints may call. The composition root (app/) fills it with the concrete
// repositories; the web library itself never sees SQLite.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "jrr/domain/access/resident_access.h"
#include "jrr/domain/certificates/notice_document.h"
#include "jrr/domain/core/municipality.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/domain/records/address_dictionary.h"
#include "jrr/domain/records/register_figures.h"
#include "jrr/domain/records/settings_desk.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/domain/security/api_token.h"
#include "jrr/domain/security/staff.h"
#include "jrr/web/server/desks.h"

namespace jrr::web {

struct RegisterStatus {
  int schema_version = 0;
  int latest_schema_version = 0;
  std::optional<Municipality> municipality;  // empty before `jrr init`
  std::optional<RegisterFigures> figures;    // filled for the home page, not for /healthz
};

struct WebContext {
  // Reads the register's status; with `with_figures`, also its figures (which scan the register,
  // so /healthz does not ask for them). Throws StorageError when the database cannot be read.
  std::function<RegisterStatus(bool with_figures)> register_status;

  // Staff login and changing one's password (staff.h: Authenticator).
  std::function<Result<LoginOutcome>(const Credentials&, const LoginPlace&)> login;
  std::function<Status(const std::string& user_id, const std::string& old_password,
                       const std::string& new_password, const LoginPlace&)>
      change_password;
  std::function<Status(const std::string& user_id, const std::string& base32_secret,
                       const std::string& code, const LoginPlace&)>
      enrol_second_factor;
  // Every request of a logged-in session: the account as it stands now (Authenticator::Resume).
  std::function<Result<Viewer>(const std::string& user_id, int credential_version,
                               const LoginPlace&)>
      resume_session;
  // 照会 and 検索 through the gate (resident_access.h), as the session's viewer.
  std::function<Result<PersonView>(const Viewer&, const std::string& addressee_number,
                                   const AsOfQuery&, const std::vector<std::string>& acknowledged)>
      view_person;
  std::function<Result<SearchResult>(const Viewer&, const SearchQuery&)> search;
  // The address dictionary's areas (町字 and 住所コード; JK-1.3.2), for the 異動 screens' lists.
  std::function<std::vector<AddressArea>()> address_areas;
  // 入力場所 of a registered terminal (JK-1.3.1), by its ID; nullopt when none has that ID.
  std::function<std::optional<std::string>(const std::string& terminal_id)> place_of_terminal;
  // 方書入力補助 (JK-4.0.7): the 方書 registered for a 住所コード and 番地.
  std::function<std::vector<std::string>(const std::string& address_code,
                                         const std::string& banchi)>
      katagaki_for;
  // 設定: `use` runs with the viewer's SettingsDesk inside one transaction, committed when `use`
  // returns true (a change and its 設定変更ログ entry together).
  std::function<void(const Viewer&, const std::function<bool(SettingsDesk&)>& use)>
      with_settings_desk;
  // API tokens (api_token.h): `use` runs with the ApiTokenDesk on the register; with `writes`, inside
  // one transaction (an issue or revocation and its log entry together), else without taking the
  // writer (authenticating a request only reads).
  std::function<void(bool writes, const std::function<void(ApiTokenDesk&)>& use)> with_api_tokens;
  // 利用者管理: `use` runs with the Authenticator and the staff directory on the register, in one
  // transaction (each change with its log entry; the Authenticator checks 利用者管理 and logs).
  std::function<void(const std::function<void(Authenticator&, StaffDirectory&)>& use)>
      with_staff_admin;
  // 印鑑登録 through SealDesk (seal_desk.h): the 原票, an application, the steps (answer, withdraw
  // by 受付番号; lost, abolish by 登録番号), the 印鑑登録証明書 and the 照会書 as PDF.
  std::function<Result<std::vector<SealRegistration>>(const Viewer&, const std::string& person)>
      seal_entries;
  std::function<Result<SealRegistration>(const Viewer&, const SealUpload&)> seal_apply;
  std::function<Result<SealRegistration>(const Viewer&, const std::string& step,
                                         const std::string& key, const std::string& reason)>
      seal_step;
  std::function<Result<std::string>(const Viewer&, const std::string& card,
                                    const std::string& person,
                                    const std::vector<std::string>& acknowledged)>
      seal_certificate;
  std::function<Result<std::string>(const Viewer&, int64_t registration_id)> seal_inquiry;
  // The 附票の写し as PDF (fuhyo_desk.h: FuhyoDesk::ClearCopy, then the form).
  std::function<Result<IssuedFuhyoCopy>(const Viewer&, const FuhyoCopyRequest&)> fuhyo_copy;
  // 通知書等 as PDF (notice_document.h).
  std::function<Result<std::string>(const Viewer&, const NoticeRequest&)> notice_pdf;
  // The clock (the domain has none): seconds since the epoch, and today's date in Japan.
  std::function<int64_t()> now_epoch_seconds;
  std::function<CalendarDate()> today;

  // The desks endpoints call: ChangeDesk, AuditDesk, StatisticsDesk, CertificateDesk, FuhyoDesk,
  // CsDesk, ProtectionDesk (desks.h).
  std::shared_ptr<Desks> desks;
  std::shared_ptr<class SessionStore> sessions;
  // Served over HTTPS: the session cookie gets Secure (set by WebServer).
  bool tls = false;
};

}  // namespace jrr::web
