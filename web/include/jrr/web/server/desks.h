// SPDX-License-Identifier: Apache-2.0
//
// Desks — the domain use cases an endpoint calls, opened by the composition root (app/) over one
// pooled connection for the length of one call. An endpoint reads
//   context.desks->Changes(viewer, [&](ChangeDesk& desk) { return desk.Check(command); })
// so that "go to definition" on Check lands on the use case itself. Each method returns what the
// lambda returns; the desk does not outlive the call.
#pragma once

#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "jrr/domain/certificates/certificate_desk.h"
#include "jrr/domain/changes/change_desk.h"
#include "jrr/domain/cs/cs_desk.h"
#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/domain/protection/protection_desk.h"
#include "jrr/domain/records/statistics_desk.h"
#include "jrr/domain/security/audit_desk.h"

namespace jrr::web {

class Desks {
 public:
  virtual ~Desks() = default;

  // 異動 (入力確認, 異動入力, 仮登録, 本登録, 取消し; change_desk.h).
  template <typename Use>
  auto Changes(const Viewer& viewer, Use use) {
    return Run<ChangeDesk>(&Desks::OpenChanges, viewer, use);
  }
  // 監査: the アクセスログ search and the JK-10.2 lists (audit_desk.h).
  template <typename Use>
  auto Audit(const Viewer& viewer, Use use) {
    return Run<AuditDesk>(&Desks::OpenAudit, viewer, use);
  }
  // 統計 (statistics_desk.h).
  template <typename Use>
  auto Statistics(const Viewer& viewer, Use use) {
    return Run<StatisticsDesk>(&Desks::OpenStatistics, viewer, use);
  }
  // 証明発行 (certificate_desk.h): the PDF with its 交付履歴 and 発行番号.
  template <typename Use>
  auto Certificates(const Viewer& viewer, Use use) {
    return Run<CertificateDesk>(&Desks::OpenCertificates, viewer, use);
  }
  // 戸籍の附票 (fuhyo_desk.h): search, view, notices, 戸籍 events and 職権修正.
  template <typename Use>
  auto Fuhyo(const Viewer& viewer, Use use) {
    return Run<FuhyoDesk>(&Desks::OpenFuhyo, viewer, use);
  }
  // CS連携 (cs_desk.h): receive a message, list the boxes.
  template <typename Use>
  auto Cs(const Viewer& viewer, Use use) {
    return Run<CsDesk>(&Desks::OpenCs, viewer, use);
  }
  // 抑止 and 支援措置 (protection_desk.h): the desk checks the permissions and logs every action.
  template <typename Use>
  auto Protection(const Viewer& viewer, Use use) {
    return Run<ProtectionDesk>(&Desks::OpenProtection, viewer, use);
  }

 protected:
  // Each opens its desk for `viewer` and runs `use` with it. Throws StorageError.
  virtual void OpenChanges(const Viewer& viewer, const std::function<void(ChangeDesk&)>& use) = 0;
  virtual void OpenAudit(const Viewer& viewer, const std::function<void(AuditDesk&)>& use) = 0;
  virtual void OpenStatistics(const Viewer& viewer,
                              const std::function<void(StatisticsDesk&)>& use) = 0;
  virtual void OpenCertificates(const Viewer& viewer,
                                const std::function<void(CertificateDesk&)>& use) = 0;
  virtual void OpenFuhyo(const Viewer& viewer, const std::function<void(FuhyoDesk&)>& use) = 0;
  virtual void OpenCs(const Viewer& viewer, const std::function<void(CsDesk&)>& use) = 0;
  virtual void OpenProtection(const Viewer& viewer,
                              const std::function<void(ProtectionDesk&)>& use) = 0;

 private:
  template <typename Desk, typename Use>
  auto Run(void (Desks::*open)(const Viewer&, const std::function<void(Desk&)>&),
           const Viewer& viewer, Use& use) {
    using Answer = std::invoke_result_t<Use&, Desk&>;
    if constexpr (std::is_void_v<Answer>) {
      (this->*open)(viewer, [&](Desk& desk) { use(desk); });
    } else {
      std::optional<Answer> answer;
      (this->*open)(viewer, [&](Desk& desk) { answer.emplace(use(desk)); });
      return std::move(*answer);
    }
  }
};

}  // namespace jrr::web
