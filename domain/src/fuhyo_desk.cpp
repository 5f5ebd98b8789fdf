// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/fuhyo_desk.h"

#include "jrr/domain/text.h"

namespace jrr {

Result<std::vector<Fuhyo>> FuhyoDesk::Search(const std::string& text) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  if (DecodeUtf8(text).size() < 2) return MakeError(ErrorCode::kInvalidInput, "search.no_key", "2 characters or more");
  auto found = store_.Search(text);
  AuditEvent event = EventBy(viewer_, AuditAction::kSearch, "附票の検索");
  event.detail = "hits=" + std::to_string(found.size());  // never the text typed
  log_.Record(event);
  return found;
}

Result<Fuhyo> FuhyoDesk::Get(int64_t fuhyo_id) {
  if (Status ok = Authorize(viewer_, Permission::kView); !ok) return ok.error();
  auto found = store_.Get(fuhyo_id);
  if (!found) return MakeError(ErrorCode::kNotFound, "fuhyo.unknown_koseki", std::to_string(fuhyo_id));
  AuditEvent event = EventBy(viewer_, AuditAction::kView, "附票の照会");
  event.detail = "fuhyo=" + std::to_string(fuhyo_id);
  log_.Record(event);
  return *found;
}

Result<FuhyoReceipt> FuhyoDesk::Receive(const std::string& notice_text) {
  if (Status ok = Authorize(viewer_, Permission::kChange); !ok) return ok.error();
  return store_.Receive(notice_text);  // logged with the notice id where it is recorded
}

}  // namespace jrr
