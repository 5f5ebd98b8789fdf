// SPDX-License-Identifier: Apache-2.0
//
// 転出証明書情報 — MoveOutCertificate: the items of a 転出証明書 read back from its two-dimensional
// code (MoveOutData, "JRR-TENSHUTSU/1", certificate.h) at the 転入地, so the 転入 is entered from the
// certificate's data instead of retyped (JK-4.1.1.1; 特例転入, JK-4.1.1.3, takes the same items when
// they arrive over CS: cs/cs_message.h).
//
// Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/resident_record.h"

namespace jrr {

struct MoveOutPerson {
  ResidentKind kind = ResidentKind::kJapanese;
  std::string family_name, given_name;  // split at the full-width space of the printed 氏名
  std::string family_kana, given_kana;
  std::optional<CalendarDate> birth_date;
  std::string birth_text;  // as printed (和暦, or 不詳 parts)
  Sex sex = Sex::kMale;
  std::string relationship;      // 続柄 in the old household
  std::string previous_address;  // 転出前の住所 = the 転入's 前住所
  std::string domicile, head_of_family;
  std::string resident_record_code, individual_number;
  std::string destination;                   // 転出先 as the person declared it
  std::optional<CalendarDate> planned_date;  // 転出予定日
};

struct MoveOutCertificate {
  std::string from_code, from_name;  // the issuing municipality
  CalendarDate issued;
  std::vector<MoveOutPerson> persons;
};

// Reads a 転出証明書's codes back. `text` is one code's text, or the texts of the codes of one
// certificate (SplitMoveOutData) one after the other, in any order, as a reader gives them.
// Errors (kInvalidInput): moveout.malformed (not UTF-8, not JRR-TENSHUTSU/1, a line without '=',
// a missing name or birth date, nobody in it; a code missing, read twice or from another
// certificate — the detail names the part).
Result<MoveOutCertificate> DecodeMoveOutData(std::string_view text);

// Cuts a MoveOutData text into one code a mover, each with the header: a code holds one mover's
// items, well within what a QR code of the printed size holds. For the codes of one certificate
// (`standalone` false) each carries "part=i/n" and "set=" (a digest of the whole text), so that the
// 転入地 reads them in any order and refuses a set with one missing or from another certificate;
// with one mover the text comes back as it is, as a CS message carries it. `standalone` codes
// (each person's own 個人票 certificate) are each a whole text of one mover.
std::vector<std::string> SplitMoveOutData(std::string_view text, bool standalone = false);

}  // namespace jrr
