// SPDX-License-Identifier: Apache-2.0
//
// 附票の窓口 — FuhyoDesk: search and view the 附票 (照会 permission, every look logged) and receive a
// 附票記載事項通知 from another system (異動入力 permission), for the screens and the API.
#pragma once

#include "jrr/domain/fuhyo.h"
#include "jrr/domain/resident_access.h"

namespace jrr {

class FuhyoDesk {
 public:
  FuhyoDesk(FuhyoStore& store, AuditLog& log, Viewer viewer) : store_(store), log_(log), viewer_(std::move(viewer)) {}
  // Errors: access.permission_denied; search.no_key for fewer than two characters.
  Result<std::vector<Fuhyo>> Search(const std::string& text);
  // Errors: access.permission_denied, fuhyo.unknown_koseki.
  Result<Fuhyo> Get(int64_t fuhyo_id);
  Result<FuhyoReceipt> Receive(const std::string& notice_text);

 private:
  FuhyoStore& store_;
  AuditLog& log_;
  Viewer viewer_;
};

}  // namespace jrr
