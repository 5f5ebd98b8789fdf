// SPDX-License-Identifier: Apache-2.0
//
// The 異動 JSON (`jrr apply`, POST /api/v1/changes) and the JSON objects the API decodes: any
// bytes give a value or an error, never a crash or a sanitizer report.
#include "fuzz_input.h"
#include "jrr/web/certificates/certificate_request.h"
#include "jrr/web/changes/change_json.h"
#include "jrr/web/core/json_fields.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = jrr::fuzz::Text(data, size);
  if (auto parts = jrr::web::SplitChangeDocument(text)) {
    for (const std::string& part : *parts) {
      if (auto command = jrr::web::DecodeChangeCommand(part)) (void)jrr::web::CommandType(*command);
    }
  }
  (void)jrr::web::DecodeChangeCommand(text);
  (void)jrr::web::DecodeCertificateJson(text);
  (void)jrr::web::DecodeStringFields(text);
  (void)jrr::web::DecodeOptionFields(text);
  return 0;
}
