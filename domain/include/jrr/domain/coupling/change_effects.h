// SPDX-License-Identifier: Apache-2.0
//
// 異動の波及 — ChangeEffects: everything a recorded 異動 causes outside the 住民記録 itself, planned
// in one pure function so that a reader of one place sees all of it:
//   印鑑登録   a 転出, 国外転出, 死亡 or 職権消除 ends an active registration; a change of the name
//              it shows lapses it (印鑑条例; seals/seal_registration.h: SealEffectsOf)
//   支援措置   a 申出者 who moves out keeps protection as a 仮支援措置 of the former-address
//              municipality (JK-3.4)
//   戸籍の附票 a change of a 附票 item updates this municipality's 附票 now, or is noticed to the
//              本籍地 (住基法第18条, 第19条第1項; fuhyo/fuhyo.h: NoticeFor)
//   CS         a 特例転出 sends its 転出証明書情報, a 転入 from elsewhere owes the 転出地 a 転入通知,
//              and a 特例転入 takes up a received 転出証明書情報 exactly once (住基法第24条の2,
//              第9条第1項; cs/cs_message.h)
// The facts the plan needs are read by the caller (persistence, inside the 異動's transaction;
// the 入力確認 and the 仮登録 read the same facts before anything is written), so they show and
// refuse what recording would do with the register as it stands then. persistence/coupling
// applies a plan in the 異動's transaction, and ChangeDesk refuses a plan that writes a 附票
// holding a member withheld from the clerk (read from the same facts).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jrr/domain/core/result.h"
#include "jrr/domain/cs/cs_message.h"
#include "jrr/domain/fuhyo/fuhyo.h"
#include "jrr/domain/protection/protection.h"
#include "jrr/domain/records/change.h"
#include "jrr/domain/records/register_settings.h"
#include "jrr/domain/seals/seal_registration.h"

namespace jrr {

// The 附票 notice a version causes, when its 本籍 is in `municipality` (架空県架空市): the 附票 a
// 異動 writes directly, whose facts (ChangeEffectFacts::our_fuhyo) the reader gathers.
std::optional<FuhyoNotice> OurFuhyoNoticeFor(const std::optional<ResidentRecord>& before,
                                             const ResidentRecord& after, CalendarDate event_day,
                                             std::string_view municipality);

// What the register holds that the plan depends on, for the people of one 異動.
struct ChangeEffectFacts {
  // This municipality as notices route it (架空県架空市) and its code; empty before `jrr init`, when
  // nothing is noticed or sent.
  std::string municipality;
  std::string municipality_code;
  // 印鑑登録: the active registrations of the 異動's people, and the municipality's settings.
  std::vector<SealRegistration> active_seals;
  SealSettings seal_settings;
  // 支援措置: the latest version of every measure naming one of the 異動's people.
  std::vector<SupportMeasure> measures;
  // 戸籍の附票: for each of the outcome's versions, the version it replaced (nullopt for a person
  // new to the register). Same length as ChangeOutcome::versions.
  std::vector<std::optional<ResidentRecord>> before;
  // 戸籍の附票 of this municipality that the 異動 writes: for each 戸籍 (本籍・筆頭者) of a version
  // whose 附票 items change and whose 本籍 is here, its current 附票 (nullopt: none yet, made by
  // the 異動) and, for a member of a version's 氏名 written by an earlier 異動 of ours before
  // 生年月日 was an item, the person (宛名番号) that 異動 wrote it for.
  // `people`: for every member, the residents of this register (current or 除票) the member is —
  // by 住民票コード; else by 氏名, 生年月日 and 性別; else, for a member recording neither, by 氏名
  // and this 本籍・筆頭者, and by the 異動 that wrote it — not counting the people this 異動 makes.
  // A bulk loader, writing only the people it generates, leaves it empty.
  struct OurFuhyo {
    KosekiKey koseki;
    std::optional<Fuhyo> current;
    std::map<int64_t, std::string> written_for;          // member_id → 宛名番号
    std::map<int64_t, std::vector<std::string>> people;  // member_id → 宛名番号
  };
  std::vector<OurFuhyo> our_fuhyo;
  // CS: the 転出証明書情報 the 異動 names (ChangeRecord::move_out_information), as received.
  enum class Information { kNotNamed, kUnknown, kReceived, kUsed };
  Information move_out_information = Information::kNotNamed;
  int64_t information_used_by = 0;  // the 異動 that took it up, for kUsed
};

// A 附票 change: applied to this municipality's 附票 now (`ours`), or noticed to the 本籍地.
struct FuhyoEffect {
  FuhyoNotice notice;  // from and to set; notice_id assigned when queued
  bool ours = false;
  std::string addressee_number;  // the person it is about
  // Ours: the member of the 戸籍's current 附票 the change writes; 0 for a new member (and a new
  // 附票 when the 戸籍 has none yet).
  int64_t member_id = 0;
};

// A CS message to send.
struct CsEffect {
  CsKind kind = CsKind::kMoveInNotice;
  std::string from;  // this municipality
  std::string to;    // the receiving municipality
  std::string payload;
};

struct ChangeEffects {
  std::vector<SealRegistration> seals_ended;  // each as it will be saved: ended, why, on
  std::vector<SupportMeasure> measures_switched;  // each as it will be saved (仮支援措置, 前住所地)
  std::vector<FuhyoEffect> fuhyo;
  std::vector<CsEffect> cs;
  bool takes_move_out_information = false;  // marks ChangeRecord::move_out_information used
  // What the clerk is told (rule ids of severity アラート), at 入力確認 and after recording:
  // seal.ended, fuhyo.noticed, cs.sent. A 支援措置 is never named here: the 入力確認 is seen by
  // clerks who may not learn of one.
  std::vector<std::string> notices;
};

// The plan of `outcome` (recorded, or previewed at 入力確認) given `facts`. Errors:
// cs.move_out_information_unknown (not received, or not a 転出証明書情報), cs.move_out_information_used,
// fuhyo.member_ambiguous (two members of our 附票 could be the person, or two people of the 異動
// one member), fuhyo.member_of_another (the member the person's facts find is another resident).
Result<ChangeEffects> PlanChangeEffects(const ChangeOutcome& outcome,
                                        const ChangeEffectFacts& facts);

// The facts of one 異動's people, as the register holds them now (a port; persistence reads them
// inside the 異動's transaction, the 入力確認 before it).
class ChangeEffectFactsSource {
 public:
  virtual ~ChangeEffectFactsSource() = default;
  // Throws StorageError.
  virtual ChangeEffectFacts FactsFor(const ChangeOutcome& outcome) = 0;
};

}  // namespace jrr
