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
#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/domain/certificates/notice_document.h"
#include "jrr/domain/core/municipality.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/records/address_dictionary.h"
#include "jrr/domain/records/pending_changes.h"
#include "jrr/domain/records/register_figures.h"
#include "jrr/domain/records/settings_desk.h"
#include "jrr/domain/records/statistics_desk.h"
#include "jrr/domain/seals/seal_desk.h"
#include "jrr/domain/security/api_token.h"
#include "jrr/domain/security/audit_desk.h"
#include "jrr/domain/security/staff.h"

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
  // 異動 through ChangeDesk (change_desk.h): check (入力確認) or record; 仮登録, its list, 本登録
  // and withdrawal.
  std::function<Result<ChangeOutcome>(const Viewer&, const AnyChangeCommand&, bool check_only)>
      change;
  std::function<Result<PendingChange>(const Viewer&, const AnyChangeCommand&,
                                      const std::string& kind, const std::string& command_json)>
      enter_provisional;
  std::function<Result<std::vector<PendingChange>>(const Viewer&)> pending;
  std::function<Result<ChangeOutcome>(const Viewer&, int64_t pending_id)> approve;
  std::function<Status(const Viewer&, int64_t pending_id)> withdraw;
  // 監査 through AuditDesk (audit_desk.h): the アクセスログ search and the JK-10.2 analysis lists.
  std::function<Result<std::vector<AuditEntry>>(const Viewer&, const AuditQuery&)> audit_search;
  std::function<Result<AuditReport>(const Viewer&, const std::string& kind, CalendarDate from,
                                    CalendarDate to, int64_t threshold)>
      audit_report;
  // 統計 through StatisticsDesk (statistics_desk.h).
  std::function<Result<RegisterStatistics>(const Viewer&, CalendarDate from, CalendarDate to)>
      statistics;
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
  // 抑止 and 支援措置 management: `use` runs with the viewer's ProtectionDesk on the register (the
  // desk checks the permissions and logs every action).
  std::function<void(const Viewer&, const std::function<void(ProtectionDesk&)>& use)>
      with_protection_desk;
  // The 支援措置 database entry, every version, latest first (ProtectionDesk::Details).
  std::function<Result<std::vector<SupportMeasure>>(const Viewer&, int64_t measure_id)>
      support_details;
  // 証明発行 through CertificateDesk (certificate_desk.h): the PDF with its 交付履歴 and 発行番号.
  std::function<Result<IssuedCertificate>(const Viewer&, const CertificateRequest&)>
      issue_certificate;
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
  // 戸籍の附票 through FuhyoDesk (fuhyo_desk.h): search, view, an inbound notice, 戸籍 events and
  // 職権修正, the outbox and inbox, and the 附票の写し as PDF.
  std::function<Result<std::vector<Fuhyo>>(const Viewer&, const std::string& text)> fuhyo_search;
  std::function<Result<Fuhyo>(const Viewer&, int64_t fuhyo_id)> fuhyo_get;
  std::function<Result<FuhyoReceipt>(const Viewer&, const std::string& notice_text)> fuhyo_receive;
  std::function<Result<Fuhyo>(const Viewer&, const FuhyoEvent&)> fuhyo_record;
  std::function<Result<std::vector<FuhyoNoticeEntry>>(const Viewer&, bool outbox)> fuhyo_notices;
  std::function<Result<IssuedFuhyoCopy>(const Viewer&, const FuhyoCopyRequest&)> fuhyo_copy;

  // The clock (the domain has none): seconds since the epoch, and today's date in Japan.
  // CS連携 through CsDesk (domain/cs/cs_desk.h): the messages sent or received; `waiting`: the
  // 転出証明書情報 no 特例転入 has taken up yet.
  std::function<Result<std::vector<CsEntry>>(const Viewer&, bool outbox, bool waiting)> cs_messages;
  // A message received from the CS (its JRR-CS/1 text), through CsDesk (domain/cs/cs_desk.h).
  std::function<Result<CsReceipt>(const Viewer&, const std::string& text)> cs_receive;
  // 通知書等 as PDF (notice_document.h).
  std::function<Result<std::string>(const Viewer&, const NoticeRequest&)> notice_pdf;
  std::function<int64_t()> now_epoch_seconds;
  std::function<CalendarDate()> today;

  std::shared_ptr<class SessionStore> sessions;
  // Served over HTTPS: the session cookie gets Secure (set by WebServer).
  bool tls = false;
};

}  // namespace jrr::web
