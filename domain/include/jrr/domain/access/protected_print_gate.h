// SPDX-License-Identifier: Apache-2.0
//
// 支援措置対象者の表示判定 — ShownOnPrint, ProtectedPrintGate: whether a print, or a line of a list,
// would show a person under a 支援措置 through someone or something else (JK-3.4).
//
// A 支援措置 target's address reaches paper not only on their own 住民票: a household member's copy
// prints the address they share, a co-mover's 除票 prints where they went, a 附票 member's lines
// print it, a 本籍 printed with its 筆頭者 names them. The gate reads the protected people once
// (ResidentRepository::ProtectedPeople) and compares what a print shows with them through keys, so
// that two writings of one name or address (異体字, widths, 1番地2 / １－２) are one.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jrr/domain/core/calendar_date.h"
#include "jrr/domain/records/resident_repository.h"

namespace jrr {

// What a print shows besides its own people, through which a protected person's name or
// address can reach it: the people it names beside them (a 世帯主), the addresses it prints (where
// people live now or went), the 本籍 and 筆頭者 it prints, and people known only by their facts
// (a 附票 member with no 宛名番号 here).
struct ShownOnPrint {
  std::vector<std::string> persons;    // 宛名番号
  std::vector<std::string> addresses;  // as Address::Printed() writes them
  struct Domicile {
    std::string place, head_of_family;
  };
  std::vector<Domicile> domiciles;
  struct Facts {
    std::string family_name, given_name;
    std::optional<CalendarDate> birth_date;
    std::optional<Sex> sex;
    std::string resident_record_code;
  };
  std::vector<Facts> people;
};

class ProtectedPrintGate {
 public:
  // Reads everyone an active 支援措置 protects as of `today`, once.
  ProtectedPrintGate(ResidentRepository& residents, CalendarDate today);

  // The protected people `shown` reveals through what it prints: living at or having moved to an
  // address it prints; the 筆頭者 of a 本籍 it prints; or whose 住民票コード, or 氏名 (any they
  // have had, with 生年月日 and 性別 not telling them apart), is that of someone it prints; or
  // who share the 生年月日 and either the 氏 or the 名 of someone it prints (a name or a 性別
  // changed on one side only — a marriage written on the 附票 first — must not hide them).
  // (shown.persons is not read: ResidentAccess checks named people by their own measures.)
  std::vector<std::string> ShownBy(const ShownOnPrint& shown) const;

  // Whether `printed_address` is where a protected person lives or went; with
  // `inspection_only`, only people whose measure covers 閲覧.
  bool Hides(const std::string& printed_address, bool inspection_only = false) const;

 private:
  struct Version {
    std::string name_key, family_key, given_key, resident_record_code, domicile_key;
    std::optional<CalendarDate> birth_date;
    Sex sex = Sex::kMale;
  };
  struct Person {
    std::string addressee_number;
    bool restricts_inspection = false;
    std::vector<std::string> place_keys;  // where they live, where they went
    std::vector<Version> versions;
  };
  std::vector<Person> people_;
};

}  // namespace jrr
