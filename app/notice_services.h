// SPDX-License-Identifier: Apache-2.0
//
// 通知書等 (notice_document.h) for the CLI and the web alike: the NoticeDesk of a viewer on a
// register, signed by the 認証者 in office today, laid out (forms/certificates/notice_letter.h) and rendered.
#pragma once

#include <cstdint>
#include <string>

#include "jrr/domain/certificates/notice_document.h"
#include "jrr/persistence/core/database.h"

namespace jrr::app {

// Errors: notice.unknown_kind, certificate.no_certifier, and those of NoticeDesk.
Result<std::string> NoticePdf(Database& db, const Viewer& viewer, const NoticeRequest& request);

}  // namespace jrr::app
