// SPDX-License-Identifier: Apache-2.0
//
// One page of 住民票の写し (世帯連記式, four members) end to end in a warm process (issue 6):
//   BM_CertificateReadFillRender  read the household from SQLite, plan, fill, render to PDF bytes
//   BM_CertificateIssue           the whole issuance: that, plus the 支援措置・抑止 clearance, the
//                                 layout check, the アクセスログ entries and the 交付履歴 row
//                                 (synchronous=FULL commits)
// The register is JRR_BENCH_CERT_DB (person JRR_BENCH_CERT_PERSON), as made by
// bench/certificate_vs_chromium.sh, or one built here with the same four people. Fonts are loaded
// once, before timing, as in a serving process.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/domain/records/resident_changes.h"
#include "jrr/forms/certificates/certificate_fill.h"
#include "jrr/forms/certificates/pdf_renderer.h"
#include "jrr/persistence/certificates/sqlite_issuance_log.h"
#include "jrr/persistence/core/database.h"
#include "jrr/persistence/core/sqlite_municipality_repository.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/records/sqlite_register_settings.h"
#include "jrr/persistence/register/migrations.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::bench {
namespace {

struct CertificateRegister {
  std::string path;
  std::string person;
  bool own = false;
  ~CertificateRegister() {
    if (own) std::filesystem::remove_all(std::filesystem::path(path).parent_path());
  }
};

NewPerson Member(const char* family, const char* given, const char* kana_family,
                 const char* kana_given, const char* birth, Sex sex, const char* relationship) {
  NewPerson p;
  p.family_name = family;
  p.given_name = given;
  p.family_kana = kana_family;
  p.given_kana = kana_given;
  p.birth_date = *ParseDate(birth, DatePolicy::kKosekiConsistent);
  p.sex = sex;
  p.relationship = *ParseRelationship(relationship);
  p.domicile = Domicile{Domicile::State::kRecorded, "架空県架空市桜町一丁目1番地", "架空　一郎"};
  return p;
}

const CertificateRegister& Register() {
  static const CertificateRegister kRegister = [] {
    CertificateRegister r;
    if (const char* db = std::getenv("JRR_BENCH_CERT_DB")) {
      r.path = db;
      r.person = std::getenv("JRR_BENCH_CERT_PERSON") != nullptr
                     ? std::getenv("JRR_BENCH_CERT_PERSON")
                     : "0000000019";
      return r;
    }
    char dir[] = "/tmp/jrr-cert-bench-XXXXXX";
    r.path = std::string(mkdtemp(dir)) + "/register.db";
    r.own = true;
    Database db(r.path);
    Migrate(db);
    SqliteMunicipalityRepository municipality(db);
    if (!InitializeRegister(municipality, "990001", "架空市")) std::abort();
    SqliteRegisterSettings settings(db);
    settings.AddCertifier(
        Certifier{CertifierRole::kMayor, "架空市長", "架空　太郎", CalendarDate{2020, 4, 1}, {}});
    SqliteResidentRepository residents(db);
    MoveInCommand move_in;
    move_in.input.event_date = *ParseDate("2026-10-01");
    move_in.input.notification_date = CalendarDate{2026, 10, 2};
    move_in.persons = {
        Member("架空", "一郎", "カクウ", "イチロウ", "昭和55年4月1日", Sex::kMale, "世帯主"),
        Member("架空", "花子", "カクウ", "ハナコ", "昭和57年6月15日", Sex::kFemale, "妻"),
        Member("架空", "次郎", "カクウ", "ジロウ", "平成22年1月8日", Sex::kMale, "子"),
        Member("架空", "𠮷子", "カクウ", "ヨシコ", "平成24年3月3日", Sex::kFemale, "子")};
    move_in.previous_address = Address{"", "東京都千代田区霞が関二丁目", "1番2号", "", "", false};
    move_in.new_address =
        Address{"99000100100", "架空県架空市桜町一丁目", "1番2号", "さくら荘101", "9990001", false};
    auto outcome =
        ResidentChanges(residents, ChangeContext{CalendarDate{2026, 10, 2}, "bench", "本庁", "T01"})
            .MoveIn(move_in);
    r.person = outcome->versions[0].addressee_number;
    return r;
  }();
  return kRegister;
}

CertificateRequest HouseholdCopy() {
  CertificateRequest request;
  request.person = Register().person;
  request.whole_household = true;
  request.items = {OptionalItem::kHeadAndRelationship, OptionalItem::kDomicile};
  return request;
}

CertificateSettings Settings(Database& db) {
  CertificateSettings s;
  s.municipality_code = "990001";
  s.municipality_name = "架空市";
  s.certifiers = SqliteRegisterSettings(db).Certifiers();
  s.terminal_name = "本庁1";
  s.printer_name = "プリンタ001";
  return s;
}

Viewer Clerk() {
  return Viewer{"bench", "本庁", "T01", AllPermissions(), CalendarDate{2026, 11, 27}, 0};
}

forms::PdfRenderer& Renderer() {
  static forms::PdfRenderer renderer;
  return renderer;
}

void BM_CertificateReadFillRender(benchmark::State& state) {
  Database db(Register().path);
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  SqliteIssuanceLog issuance(db);
  CertificateDesk desk(residents, log, issuance, Renderer(), Settings(db), Clerk());
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto plan = desk.Plan(HouseholdCopy());
    if (!plan || plan->people.size() != 4) {
      state.SkipWithError("the register has no four-person household");
      break;
    }
    const std::string pdf = Renderer().Render(*plan, {1});
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_CertificateReadFillRender)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_CertificateIssue(benchmark::State& state) {
  Database db(Register().path);
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  SqliteIssuanceLog issuance(db);
  CertificateDesk desk(residents, log, issuance, Renderer(), Settings(db), Clerk());
  for (auto _ : state) {
    auto issued = desk.Issue(HouseholdCopy());
    if (!issued) {
      state.SkipWithError(issued.error().rule_id.c_str());
      break;
    }
    benchmark::DoNotOptimize(issued->pdf.data());
  }
}
BENCHMARK(BM_CertificateIssue)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Filling alone (pure; no fonts): the share of the page that is layout data.
void BM_CertificateFill(benchmark::State& state) {
  Database db(Register().path);
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  SqliteIssuanceLog issuance(db);
  auto plan = CertificateDesk(residents, log, issuance, Renderer(), Settings(db), Clerk())
                  .Plan(HouseholdCopy());
  for (auto _ : state) benchmark::DoNotOptimize(forms::FillCertificate(*plan, 1));
}
BENCHMARK(BM_CertificateFill)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace jrr::bench
