// SPDX-License-Identifier: Apache-2.0
//
// The municipality's settings that certificates and the history rely on:
//   認証者 — Certifier (JK-1.3.9): the 市区町村長 and the 職務代理者, each with a period; on any day
//     the acting official whose period covers it certifies, otherwise the mayor in office. The
//     switch is automatic, by date.
//   入力場所 / 入力端末 — InputPlace, Terminal (JK-1.3.1): where 異動 and certificates are entered,
//     recorded with every 異動 and every issuance.
//   プリンタ — Printer (JK-10.7): printers a certificate can be sent to, by place.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/core/result.h"

namespace jrr {

// 印鑑登録の設定 (印鑑登録証明事務処理要領 §B): the municipality's limits for a registration; the
// seals module (seals/seal_registration.h) applies them.
struct SealSettings {
  int minimum_age = 15;        // 15歳未満は登録できない
  double too_small_mm = 8.0;   // ink that fits inside this square is refused
  double too_large_mm = 25.0;  // ink that does not fit inside this square is refused
  int inquiry_days = 30;       // 回答書 accepted within this many days after the 照会書
  // 転出: the registration ends on the 届出日 (the 異動's processing day) or on the 転出予定日.
  bool end_on_planned_move_out = false;
  bool print_sex = true;  // 性別 on the certificate
};

enum class CertifierRole { kMayor = 1, kActing = 2 };  // 市区町村長 / 職務代理者

struct Certifier {
  CertifierRole role = CertifierRole::kMayor;
  std::string title;  // 職名 as printed, e.g. 架空市長, 架空市副市長
  std::string name;   // 氏名
  CalendarDate from;
  std::optional<CalendarDate> to;  // inclusive; open when unset
};

struct InputPlace {
  std::string code;  // short id, e.g. HONCHO
  std::string name;  // 本庁, 北支所, 駅前出張所
};

struct Terminal {
  std::string id;
  std::string place_code;
  std::string name;
};

struct Printer {
  std::string id;
  std::string place_code;
  std::string name;
};

// 文字溢れ (JK-5.8): what a certificate value that does not fit even at the smallest size prints
// as — the part that fits (限界まで) or nothing (空白). Either way the clerk gets the alert and
// the 文字超過リスト.
enum class OverflowPolicy { kToLimit = 1, kBlank = 2 };

// Errors: settings.text_required, settings.period_reversed (kInvalidInput).
Status ValidateCertifier(const Certifier& certifier);

// The certifier on `date` among `all`: an acting official whose period covers it, else the mayor
// whose period covers it (the latest-starting one when periods overlap). nullopt when nobody does.
std::optional<Certifier> CertifierOn(const std::vector<Certifier>& all, CalendarDate date);

class RegisterSettingsRepository;

// 入力場所 of the registered terminal `terminal_id` (JK-1.3.1): its place's name; nullopt when no
// terminal has that id, or its place is not registered.
std::optional<std::string> PlaceOfTerminal(RegisterSettingsRepository& settings,
                                           std::string_view terminal_id);

class RegisterSettingsRepository {
 public:
  virtual ~RegisterSettingsRepository() = default;
  virtual void AddCertifier(const Certifier& certifier) = 0;
  virtual std::vector<Certifier> Certifiers() = 0;
  // A later entry with the same code / id replaces an earlier one (the earlier stays as history).
  virtual void AddPlace(const InputPlace& place) = 0;
  virtual std::vector<InputPlace> Places() = 0;
  // Errors: settings.unknown_place when place_code is not registered.
  virtual Status AddTerminal(const Terminal& terminal) = 0;
  virtual std::vector<Terminal> Terminals() = 0;
  virtual Status AddPrinter(const Printer& printer) = 0;
  virtual std::vector<Printer> Printers() = 0;
  virtual void SetOverflowPolicy(OverflowPolicy policy) = 0;
  virtual OverflowPolicy GetOverflowPolicy() = 0;  // 限界まで until set
  // 印鑑登録 limits (印鑑条例): the defaults until set.
  virtual void SetSealSettings(const SealSettings& settings) = 0;
  virtual SealSettings GetSealSettings() = 0;
};

}  // namespace jrr
