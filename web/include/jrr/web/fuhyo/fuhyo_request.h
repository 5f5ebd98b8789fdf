// SPDX-License-Identifier: Apache-2.0
//
// 附票の入力 as text: the one decoding of a FuhyoEvent and of a FuhyoCopyRequest shared by
// `jrr fuhyo`, the 附票 screen's forms and the API (/api/v1/fuhyo/events, /api/v1/fuhyo/copies),
// so the three take the same names and give the same errors.
//
// Event names: kind (hensei, nyuseki, joseki, shibou, tenseki, kaisei, shusei, shien, shien-end),
// id (附票番号), member (記載者番号), domicile, head (本籍・筆頭者: 編製 and 転籍), family, given,
// family-kana, given-kana, birth, sex (male, female), jumin-code, zaigai (在外選挙人名簿の登録市区町村,
// なし to clear), address, abroad (flag), since,
// until, on, reason. Dates in 和暦 or 西暦.
// Copy names: id, members (記載者番号,…), requester (self, spouse, lineal, agent, official,
// third-party), purpose, with (honseki, jumin-code, zaigai), acknowledge (rule ids).
#pragma once

#include "jrr/domain/fuhyo/fuhyo_desk.h"
#include "jrr/domain/fuhyo/fuhyo_event.h"
#include "jrr/web/certificates/certificate_request.h"

namespace jrr::web {

// Errors: fuhyo.unknown_event, fuhyo.bad_number (an id that is not a number), date.*, and
// fuhyo.bad_sex.
Result<FuhyoEvent> DecodeFuhyoEvent(const CertificateParameter& value);
// Errors: fuhyo.bad_number, fuhyo.unknown_item.
Result<FuhyoCopyRequest> DecodeFuhyoCopyRequest(const CertificateParameter& value);

// The same from a JSON body (flat object; arrays of strings for members, with, acknowledge).
// Errors json.* and those above.
Result<FuhyoEvent> DecodeFuhyoEventJson(std::string_view json);
Result<FuhyoCopyRequest> DecodeFuhyoCopyJson(std::string_view json);

}  // namespace jrr::web
