// SPDX-License-Identifier: Apache-2.0
//
// The CSV and TSV a clerk brings in: the CSV reader, a certificate request and a 転入 from a card
// reader's CSV, the 住所一括変更 file, and an era table.
#include "fuzz_input.h"
#include "jrr/domain/changes/address_bulk_change.h"
#include "jrr/domain/core/era_table.h"
#include "jrr/domain/core/text.h"
#include "jrr/web/certificates/certificate_request.h"
#include "jrr/web/changes/change_form.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = jrr::fuzz::Text(data, size);
  if (auto table = jrr::ParseCsv(text)) {
    // What CsvField writes as a field of a row, ParseCsv reads back as the same value.
    for (const auto& row : *table) {
      for (const std::string& value : row) {
        // (Second in its row: a byte order mark at the very start of a file is not data.)
        auto again = jrr::ParseCsv("x," + jrr::CsvField(value) + ",x\n");
        jrr::fuzz::Require(
            again && again->size() == 1 && again->front().size() == 3 && again->front()[1] == value,
            "CsvField round trip");
      }
    }
  }
  (void)jrr::web::CertificateFieldsFromCsv(text);
  (void)jrr::web::MoveInFieldsFromCsv(text);
  (void)jrr::ParseBulkRenaming(text, jrr::ChangeInput{}, "住居表示の実施");
  (void)jrr::EraTable::FromTsv(text);
  return 0;
}
