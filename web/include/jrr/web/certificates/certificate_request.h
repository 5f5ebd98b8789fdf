// SPDX-License-Identifier: Apache-2.0
//
// 証明書の請求 as text: the one decoding of a CertificateRequest shared by the command line
// (`jrr certificate`), the issuance screen's form and POST /api/v1/certificates, so the three take
// the same names and give the same errors.
//
// Names: kind (juminhyo, kisai, johyo, johyo-kisai, tenshutsu, etsuran), person (宛名番号),
// household (flag), members (宛名番号,…), individual (flag: 個人票), history (flag), with (zokugara,
// honseki, jumin-code, kojin-bango, gaikoku, tsusho), requester (self, third-party, official,
// wide-area), purpose, omit-katagaki (flag), copies, area, random (seed), acknowledge (rule ids),
// certifier (mayor, acting), no-seal (flag: 公印省略).
// A flag is set by any non-empty value but "0" and "false".
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "jrr/domain/certificates/certificate.h"
#include "jrr/web/core/json_fields.h"

namespace jrr::web {

using CertificateParameter = FieldLookup;

// Errors: certificate.unknown_kind, certificate.unknown_requester, certificate.unknown_item,
// certificate.person_required (every kind but etsuran), certificate.copies_range,
// certificate.seed_invalid, certificate.unknown_certifier.
Result<CertificateRequest> DecodeCertificateRequest(const CertificateParameter& value);

// The API's JSON body ({"kind": "juminhyo", "person": "…", "with": ["zokugara"], "household": true,
// …}; omit_katagaki may be written with an underscore). Errors json.* and those above.
Result<CertificateRequest> DecodeCertificateJson(std::string_view json);

// CSV形式のデータの取込 (JK-10.8): the first row of a 証明書の交付申請書 as CSV (a heading row, then
// the request) as the certificate form's fields, for the clerk to check before issuing. Headings:
// 種類 (住民票の写し …), 宛名番号, 範囲 (世帯全員 / 本人), 世帯員, 請求者 (本人等, 第三者, 公用, 広域),
// 請求事由, 部数, 記載事項 (the optional items' names as the form shows them, separated by 、). Errors
// (kInvalidInput): csv.malformed, csv.no_rows, csv.unknown_column, csv.unknown_value.
Result<std::vector<std::pair<std::string, std::string>>> CertificateFieldsFromCsv(
    std::string_view csv);

}  // namespace jrr::web
