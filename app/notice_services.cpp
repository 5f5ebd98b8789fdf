// SPDX-License-Identifier: Apache-2.0
#include "notice_services.h"

#include "certificate_services.h"
#include "jrr/domain/certificates/certificate.h"
#include "jrr/domain/records/register_settings.h"
#include "jrr/forms/certificates/notice_letter.h"
#include "jrr/persistence/coupling/sqlite_resident_repository.h"
#include "jrr/persistence/security/sqlite_audit_log.h"

namespace jrr::app {

Result<std::string> NoticePdf(Database& db, const Viewer& viewer, const NoticeRequest& request) {
  const CertificateSettings settings = LoadCertificateSettings(db, viewer, "");
  const auto certifier = CertifierOn(settings.certifiers, viewer.today);
  if (!certifier)
    return MakeError(ErrorCode::kRuleViolation, "certificate.no_certifier",
                     ToIsoString(viewer.today));
  SqliteResidentRepository residents(db);
  SqliteAuditLog log(db);
  NoticeDesk desk(residents, log, viewer,
                  NoticeSender{TitleWithPrefecture(certifier->title, settings.municipality_code),
                               certifier->name});
  std::vector<NoticeDocument> documents;
  auto take = [&](Result<NoticeDocument> one) -> Status {
    if (!one) return one.error();
    documents.push_back(std::move(*one));
    return {};
  };
  Status made;
  if (request.kind == "ex-officio-record") {
    made = take(desk.ExOfficioRecord(request.change_id));
  } else if (request.kind == "ex-officio-notice") {
    auto letters = desk.ExOfficioNotices(request.change_id);
    if (!letters) return letters.error();
    documents = std::move(*letters);
  } else if (request.kind == "receipt") {
    made = take(
        desk.ReceiptNotice(request.change_id, request.notifier_name, request.notifier_address));
  } else if (request.kind == "awaiting") {
    made = take(desk.AwaitingMoveInNoticeList(request.days));
  } else if (request.kind == "inquiry") {
    made = take(desk.MoveInNoticeInquiry(request.person));
  } else if (request.kind == "adult-ward") {
    made = take(desk.AdultWardMoveOutNotice(request.person));
  } else {
    return MakeError(ErrorCode::kInvalidInput, "notice.unknown_kind", request.kind);
  }
  if (!made) return made.error();
  std::vector<forms::Sheet> sheets;
  for (const NoticeDocument& d : documents) {
    for (forms::Sheet& s : forms::FillNotice(d)) sheets.push_back(std::move(s));
  }
  return SharedPdfRenderer().RenderSheets(sheets, OverflowPolicy::kToLimit,
                                          documents.front().title);
}

}  // namespace jrr::app
