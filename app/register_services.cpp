// SPDX-License-Identifier: Apache-2.0
#include "register_services.h"

#include <ctime>
#include <filesystem>
#include <type_traits>

#include "certificate_services.h"
#include "fuhyo_services.h"
#include "japan_clock.h"
#include "jrr/domain/changes/change_desk.h"
#include "jrr/domain/core/municipality_repository.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/core/connection_pool.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/core/write_queue.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/cs/sqlite_cs_exchange.h"
#include "jrr/persistence/fuhyo/sqlite_fuhyo.h"
#include "jrr/persistence/protection/sqlite_protection_register.h"
#include "jrr/persistence/records/queued_search_history.h"
#include "jrr/persistence/records/sqlite_address_dictionary.h"
#include "jrr/persistence/records/sqlite_pending_change_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/records/sqlite_remark_repository.h"
#include "jrr/persistence/records/sqlite_search_index.h"
#include "jrr/persistence/records/sqlite_statistics.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/security/audit_head_journal.h"
#include "jrr/persistence/security/queued_audit_log.h"
#include "jrr/persistence/security/sqlite_api_tokens.h"
#include "jrr/persistence/security/sqlite_audit_log.h"
#include "jrr/persistence/security/sqlite_staff_directory.h"
#include "jrr/web/changes/change_json.h"
#include "jrr/web/security/session_store.h"
#include "jrr/web/security/totp.h"
#include "notice_services.h"
#include "seal_services.h"

namespace jrr::app {

struct ServingRegister {
  explicit ServingRegister(const std::string& path, std::size_t connections)
      : pool(path, connections, DatabaseOptions{.create_if_missing = false}), writes(path) {}
  ConnectionPool pool;
  // Group commit of the log entries and search-history rows of concurrent requests.
  WriteQueue writes;
};

void RecordAuditHead(const std::string& register_path) {
  Database db(register_path, DatabaseOptions{.create_if_missing = false});
  AuditHeadJournal(register_path).Record(db);
}

Result<Municipality> InitializeRegisterFile(const std::string& path, std::string_view code,
                                            std::string_view name) {
  // Validate before creating anything, so a typo leaves no empty file behind.
  if (auto valid = Municipality::Create(code, name); !valid) return valid.error();
  Database db(path);
  Migrate(db);
  SqliteMunicipalityRepository repository(db);
  return InitializeRegister(repository, code, name);
}

Result<std::shared_ptr<ServingRegister>> OpenForServing(const std::string& path,
                                                        std::size_t connections) {
  if (!std::filesystem::exists(path)) {
    return MakeError(ErrorCode::kNotFound, "register.not_initialized", "no file at " + path);
  }
  {
    Database db(path, DatabaseOptions{.create_if_missing = false});
    Migrate(db);
    SqliteMunicipalityRepository repository(db);
    if (auto municipality = repository.Get(); !municipality) return municipality.error();
  }
  return std::make_shared<ServingRegister>(path, connections);
}

namespace {

// Runs `use` with an Authenticator over one pooled connection (and, when it takes them, the staff
// directory and the connection).
template <typename Use>
auto WithAuthenticator(const std::shared_ptr<ServingRegister>& served, Use use) {
  auto db = served->pool.Acquire();
  SqliteStaffDirectory staff(*db);
  Argon2PasswordHasher hasher;
  web::Totp codes;
  SqliteAuditLog log(*db);
  Authenticator authenticator(staff, hasher, codes, log);
  if constexpr (std::is_invocable_v<Use, Authenticator&, StaffDirectory&, Database&>) {
    return use(authenticator, staff, *db);
  } else {
    return use(authenticator);
  }
}

// Runs `use` with the ChangeDesk of `viewer` over one pooled connection.
template <typename Use>
auto WithChangeDesk(const std::shared_ptr<ServingRegister>& served, const Viewer& viewer, Use use) {
  auto db = served->pool.Acquire();
  SqliteResidentRepository residents(*db);
  SqlitePendingChangeRepository pending(*db);
  SqliteAddressDictionary dictionary(*db);
  SqliteAuditLog log(*db);
  SqliteChangeEffectFacts effects(*db);
  ChangeDesk desk(residents, pending, &dictionary, log, viewer, effects);
  return use(desk);
}

// The desks the web layer calls, each opened over one pooled connection for one call.
class ServedDesks final : public web::Desks {
 public:
  explicit ServedDesks(std::shared_ptr<ServingRegister> served) : served_(std::move(served)) {}

 protected:
  void OpenChanges(const Viewer& viewer, const std::function<void(ChangeDesk&)>& use) override {
    WithChangeDesk(served_, viewer, use);
  }
  void OpenAudit(const Viewer& viewer, const std::function<void(AuditDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    SqliteAuditLog log(*db);
    AuditDesk desk(log, viewer);
    use(desk);
  }
  void OpenStatistics(const Viewer& viewer,
                      const std::function<void(StatisticsDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    SqliteStatistics statistics(*db);
    SqliteAuditLog log(*db);
    StatisticsDesk desk(statistics, log, viewer);
    use(desk);
  }
  void OpenCertificates(const Viewer& viewer,
                        const std::function<void(CertificateDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    SqliteResidentRepository residents(*db);
    SqliteAuditLog log(*db);
    SqliteIssuanceLog issuance(*db);
    SqliteHouseholdOrder orders(*db);
    CertificateDesk desk(residents, log, issuance, SharedPdfRenderer(),
                         LoadCertificateSettings(*db, viewer, ""), viewer, &orders);
    use(desk);
  }
  void OpenFuhyo(const Viewer& viewer, const std::function<void(FuhyoDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    WithFuhyoDesk(*db, viewer, use);
  }
  void OpenCs(const Viewer& viewer, const std::function<void(CsDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    QueuedAuditLog log(served_->writes, *db);
    SqliteCsStore store(*db);
    SqliteResidentRepository residents(*db);
    CsDesk desk(store, residents, log, viewer);
    use(desk);
  }
  void OpenProtection(const Viewer& viewer,
                      const std::function<void(ProtectionDesk&)>& use) override {
    auto db = served_->pool.Acquire();
    SqliteProtectionRegister protections(*db);
    SqliteAuditLog log(*db);
    SqliteStaffDirectory staff(*db);
    ProtectionDesk desk(protections, log, viewer, &staff);
    use(desk);
  }

 private:
  std::shared_ptr<ServingRegister> served_;
};

}  // namespace

web::WebContext MakeWebContext(const std::shared_ptr<ServingRegister>& served) {
  web::WebContext context;
  context.register_status = [served](bool with_figures) {
    auto db = served->pool.Acquire();
    web::RegisterStatus status;
    status.schema_version = SchemaVersion(*db);
    status.latest_schema_version = LatestSchemaVersion();
    SqliteMunicipalityRepository repository(*db);
    if (auto municipality = repository.Get()) status.municipality = std::move(municipality).value();
    if (with_figures) status.figures = CountRegister(*db);
    return status;
  };
  // Each call borrows a connection from the pool for the length of one use case.
  context.login = [served](const Credentials& credentials, const LoginPlace& where) {
    return WithAuthenticator(served,
                             [&](Authenticator& auth) { return auth.Login(credentials, where); });
  };
  context.change_password = [served](const std::string& user_id, const std::string& old_password,
                                     const std::string& new_password, const LoginPlace& where) {
    return WithAuthenticator(served, [&](Authenticator& auth) {
      return auth.ChangePassword(user_id, old_password, new_password, where);
    });
  };
  context.enrol_second_factor = [served](const std::string& user_id, const std::string& secret,
                                         const std::string& code, const LoginPlace& where) {
    return WithAuthenticator(served, [&](Authenticator& auth) {
      return auth.EnrolSecondFactor(user_id, secret, code, where);
    });
  };
  context.resume_session = [served](const std::string& user_id, int credential_version,
                                    const LoginPlace& where) {
    return WithAuthenticator(served, [&](Authenticator& auth) {
      return auth.Resume(user_id, credential_version, where);
    });
  };
  context.view_person = [served](const Viewer& viewer, const std::string& atena,
                                 const AsOfQuery& query,
                                 const std::vector<std::string>& acknowledged) {
    auto db = served->pool.Acquire();
    SqliteResidentRepository residents(*db);
    QueuedAuditLog log(served->writes, *db);
    SqliteIssuanceLog issuances(*db);
    SqliteRemarkRepository remarks(*db);
    return ResidentAccess(residents, log, viewer)
        .WithIssuances(issuances)
        .WithRemarks(remarks)
        .View(atena, query, acknowledged, "api resident");
  };
  context.search = [served](const Viewer& viewer, const SearchQuery& query) {
    auto db = served->pool.Acquire();
    SqliteResidentRepository residents(*db);
    QueuedAuditLog log(served->writes, *db);
    SqliteSearchIndex index(*db);
    QueuedSearchHistory history(served->writes, *db);
    auto result = ResidentAccess(residents, log, viewer).Search(query, index, history);
    served->writes.Settle();  // a history row deferred and not yet carried by a log entry's commit
    return result;
  };
  context.with_settings_desk = [served](const Viewer& viewer,
                                        const std::function<bool(SettingsDesk&)>& use) {
    auto db = served->pool.Acquire();
    SqliteRegisterSettings settings(*db);
    SqliteAuditLog log(*db);
    SettingsDesk desk(settings, log, viewer);
    Transaction change(*db);
    if (use(desk)) change.Commit();
  };
  context.with_api_tokens = [served](bool writes, const std::function<void(ApiTokenDesk&)>& use) {
    auto db = served->pool.Acquire();
    SqliteStaffDirectory staff(*db);
    SqliteApiTokens tokens(*db);
    SqliteAuditLog log(*db);
    ApiTokenDesk desk(staff, tokens, log);
    if (!writes) return use(desk);
    Transaction change(*db);
    use(desk);
    change.Commit();
  };
  context.with_staff_admin =
      [served](const std::function<void(Authenticator&, StaffDirectory&)>& use) {
        WithAuthenticator(served,
                          [&](Authenticator& authenticator, StaffDirectory& staff, Database& db) {
                            // Refusals are logged too, so the transaction commits whatever the outcome.
                            Transaction change(db);
                            use(authenticator, staff);
                            change.Commit();
                          });
      };
  context.seal_entries = [served](const Viewer& viewer, const std::string& person) {
    auto db = served->pool.Acquire();
    return SealEntries(*db, viewer, person);
  };
  context.seal_apply = [served](const Viewer& viewer, const SealUpload& upload) {
    auto db = served->pool.Acquire();
    return ApplyForSeal(*db, viewer, upload);
  };
  context.seal_step = [served](const Viewer& viewer, const std::string& step,
                               const std::string& key, const std::string& reason) {
    auto db = served->pool.Acquire();
    return SealStep(*db, viewer, step, key, reason);
  };
  context.seal_certificate = [served](const Viewer& viewer, const std::string& card,
                                      const std::string& person,
                                      const std::vector<std::string>& acknowledged) {
    auto db = served->pool.Acquire();
    return SealCertificatePdf(*db, viewer, card, person, "", acknowledged);
  };
  context.seal_inquiry = [served](const Viewer& viewer, int64_t registration_id) {
    auto db = served->pool.Acquire();
    return SealInquiryPdf(*db, viewer, registration_id, {});
  };
  context.address_areas = [served] {
    auto db = served->pool.Acquire();
    return SqliteAddressDictionary(*db).Areas();
  };
  context.place_of_terminal =
      [served](const std::string& terminal_id) -> std::optional<std::string> {
    auto db = served->pool.Acquire();
    SqliteRegisterSettings settings(*db);
    return PlaceOfTerminal(settings, terminal_id);
  };
  context.katagaki_for = [served](const std::string& address_code, const std::string& banchi) {
    auto db = served->pool.Acquire();
    std::vector<std::string> katagaki;
    for (const KatagakiEntry& e : SqliteAddressDictionary(*db).KatagakiFor(address_code, banchi)) {
      katagaki.push_back(e.katagaki);
    }
    return katagaki;
  };
  context.fuhyo_copy = [served](const Viewer& viewer, const FuhyoCopyRequest& request) {
    auto db = served->pool.Acquire();
    return FuhyoCopyPdf(*db, viewer, request, "");
  };
  context.notice_pdf = [served](const Viewer& viewer, const NoticeRequest& request) {
    auto db = served->pool.Acquire();
    return NoticePdf(*db, viewer, request);
  };
  context.now_epoch_seconds = [] { return static_cast<int64_t>(std::time(nullptr)); };
  context.today = [] { return TodayInJapan(); };
  context.desks = std::make_shared<ServedDesks>(served);
  context.sessions = std::make_shared<web::SessionStore>();
  return context;
}

}  // namespace jrr::app
