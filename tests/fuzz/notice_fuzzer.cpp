// SPDX-License-Identifier: Apache-2.0
//
// The files other municipalities' systems send: 附票記載事項通知, its 第19条第2項 reply, the CS
// messages (転出証明書情報, 転入通知), and a 転出証明書's two-dimensional codes as a reader gives
// them. A notice read is written back as text that reads the same.
#include "fuzz_input.h"
#include "jrr/domain/core/text.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/records/move_out_certificate.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  const std::string_view text = jrr::fuzz::Text(data, size);
  if (auto notice = jrr::DecodeFuhyoNotice(text)) {
    auto again = jrr::DecodeFuhyoNotice(jrr::EncodeFuhyoNotice(*notice));
    jrr::fuzz::Require(again.has_value(), "an encoded notice decodes");
    jrr::fuzz::Require(
        again->notice_id == notice->notice_id && again->family_name == notice->family_name &&
            again->address == notice->address && again->birth_date == notice->birth_date &&
            again->former_given_name == notice->former_given_name,
        "a notice survives encoding");
  }
  if (auto reply = jrr::DecodeFuhyoReply(text)) {
    auto again = jrr::DecodeFuhyoReply(jrr::EncodeFuhyoReply(*reply));
    jrr::fuzz::Require(again && again->message == reply->message, "a reply survives encoding");
  }
  (void)jrr::IsFuhyoReply(text);
  if (auto message = jrr::DecodeCsMessage(text)) (void)jrr::DecodeMoveInNotice(message->payload);
  (void)jrr::DecodeMoveInNotice(text);
  // A 転出証明書's codes, as a reader gives them: one that reads, cut into a code a mover as a
  // certificate prints it, reads back with the same people.
  if (auto certificate = jrr::DecodeMoveOutData(text);
      certificate && certificate->persons.size() >= 2 &&
      text.find("JRR-TENSHUTSU/1", 1) == std::string_view::npos) {
    const std::size_t n = certificate->persons.size();
    std::string all;
    for (const std::string& code : jrr::SplitMoveOutData(text)) all += code;
    auto again = jrr::DecodeMoveOutData(all);
    jrr::fuzz::Require(again && again->persons.size() == n, "a certificate's codes read as one");
  }
  (void)jrr::ParseKeyValueText(text, "FUHYO-NOTICE/1");
  (void)jrr::MunicipalityOfPlace(text);
  return 0;
}
