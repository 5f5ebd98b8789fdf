// SPDX-License-Identifier: Apache-2.0
//
// 証明書の発行の画面 (JK-5.1) — the issuance form as template data: the kinds, the requesters and
// the optional items offered, each filled with what was asked (a GET, a CSV 申請書 turned into a
// query, or a POST shown again with its refusal) or the defaults. Pure presenters: no session, no
// desk, no socket (tests/web/certificates/certificate_screen_test.cpp checks them alone);
// web/src/certificates/certificate_pages.cpp issues and renders.
#pragma once

#include <kainjow/mustache.hpp>

#include "jrr/domain/core/result.h"
#include "jrr/web/core/http.h"

namespace jrr::web {

// The form's fields from `request` (its form when POST, else its query): 住民票の写し, 世帯全員
// and 本人 by default; a form asked for afresh shows 世帯全員, one filled from a request may say
// 本人; 1 通 unless asked otherwise.
void PresentCertificateForm(kainjow::mustache::data& page, const Request& request);
// Whether a refusal's detail is shown to the clerk: the 文字超過リスト and the missing glyphs name
// fields and 宛名番号 only, and the clerk needs them to decide; other details stay in the log.
bool CertificateRefusalShowsDetail(const Error& error);

}  // namespace jrr::web
