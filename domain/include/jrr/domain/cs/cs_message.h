// SPDX-License-Identifier: Apache-2.0
//
// CS連携 — CsMessage: what this register exchanges with other municipalities over the 住基ネット
// CS (JK-7.1.1). The network is not available here; a shared folder stands in for it (`jrr cs
// deliver` / `jrr cs import`), and the messages are what a CS adapter would carry:
//
//   転出証明書情報 (move_out_information): a 特例転出 (住基法第24条の2, JK-4.1.3.0.4) sends the
//     movers' items to the 転出先 instead of printing a 転出証明書; the 転入地 enters the 特例転入
//     from it and may correct what it received (JK-4.1.1.3). Payload: MoveOutData (JRR-TENSHUTSU/1).
//   転入通知 (move_in_notice): after a 国内転入 the 転入地 tells the 転出地 who moved in, when and
//     where (住基法第9条第1項); the 転出地 records it on the 除票 without a clerk (JK-4.1.3.1.2).
//     Payload: MoveInNoticeMessage (JRR-TENNYU/1).
//
// Municipalities are named as MunicipalityOfPlace names them (都道府県 + 市区町村), the same
// routing the 附票 notices use. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"
#include "jrr/domain/records/change.h"

namespace jrr {

enum class CsKind { kMoveOutInformation, kMoveInNotice };

std::string_view CsKindCode(CsKind kind);    // move_out_information, move_in_notice
std::string_view CsKindNameJa(CsKind kind);  // 転出証明書情報, 転入通知

struct CsMessage {
  std::string id;  // unique among registers: the sender's name, "-CS-", a number
  CsKind kind = CsKind::kMoveOutInformation;
  std::string from, to;
  std::string payload;
};

// "JRR-CS/1", the id, kind, from and to as key=value lines, a line "==", then the payload.
std::string EncodeCsMessage(const CsMessage& message);
// Errors (kInvalidInput): cs.malformed (not UTF-8, another header, a missing key, no "==").
Result<CsMessage> DecodeCsMessage(std::string_view text);

// 転入通知: one per 国内転入 異動, naming its people as the 転出地 knows them.
struct MoveInNoticePerson {
  std::string resident_record_code;  // 住民票コード: the nationwide key
  std::string name;                  // 氏名 as printed (the alphabet name of a foreign resident)
  std::string family_name, given_name;  // 氏・名 (漢字併記 of a foreign resident; may be empty)
  std::optional<CalendarDate> birth_date;  // none for 年月日不詳
  Sex sex = Sex::kMale;
};

struct MoveInNoticeMessage {
  CalendarDate moved_in;     // 転入した日 = the 転出地's 転出年月日（確定）
  CalendarDate notified;     // the day the 転入地 recorded the 転入 (転入通知年月日)
  std::string address;       // the new address as printed: the 転出先住所（確定）
  std::string address_code;  // its 住所コード, when the 転入地 has one
  std::string move_out_information;  // for a 特例転入: the 転出証明書情報 it was entered from
  std::vector<MoveInNoticePerson> persons;
};

std::string EncodeMoveInNotice(const MoveInNoticeMessage& notice);
// Errors (kInvalidInput): cs.malformed (header, a date, a person without name, nobody).
Result<MoveInNoticeMessage> DecodeMoveInNotice(std::string_view payload);

// The outcome a received message is kept with.
inline constexpr std::string_view kCsReceived =
    "received";  // a 転出証明書情報, waiting for its 特例転入
inline constexpr std::string_view kCsApplied = "applied";  // a 転入通知, recorded on the 除票
inline constexpr std::string_view kCsUsed = "used";  // a 転出証明書情報 a 特例転入 took up

// What became of a received message.
struct CsReceipt {
  std::string notice_id;
  CsKind kind = CsKind::kMoveOutInformation;
  bool duplicate = false;            // received before: nothing done
  std::string outcome;               // kCsReceived, kCsApplied, or the refusing rule id
  std::optional<int64_t> change_id;  // the 転入通知の受理 異動
};

// A message sent or received, as the lists show it.
struct CsEntry {
  std::string notice_id;
  CsKind kind = CsKind::kMoveOutInformation;
  std::string counterpart;  // the other municipality
  std::string recorded_at;  // UTC timestamp queued / received
  // outbox: 未送付, 送付済み, 送付不能; inbox: kCsReceived, kCsUsed, kCsApplied, or the refusing rule id.
  std::string state;
  int failures = 0;                  // outbox: failed attempts
  std::optional<int64_t> change_id;  // the 異動 that queued it / that it recorded / that took it up
  std::string body;                  // the payload (inbox only)
};

// What a received message's state means to a clerk: 特例転入の処理待ち, 特例転入済み, 除票に反映済み,
// or 取込エラー with the refusing rule's message.
std::string CsInboxStateJa(const CsEntry& entry);

// The 転入通知 a recorded 異動 owes the 転出地: for a 国内転入 whose 転入前住所 names another
// municipality than `ours` (nullopt otherwise), its `to` set to that municipality.
struct AddressedMoveInNotice {
  std::string to;
  MoveInNoticeMessage notice;
};
std::optional<AddressedMoveInNotice> MoveInNoticeOf(const ChangeOutcome& outcome,
                                                    std::string_view ours);

}  // namespace jrr
