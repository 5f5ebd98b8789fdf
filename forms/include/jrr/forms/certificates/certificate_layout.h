// SPDX-License-Identifier: Apache-2.0
//
// 帳票レイアウト — the certificates' layout as data: where every field sits on A4 portrait, in
// millimetres, with its label, font and size. Nothing here knows a resident; filling reads these
// tables (certificate_fill.cpp) and the renderer draws what filling produced. Changing a position
// is a change to this data only, and the golden dumps in tests/forms show it.
//
// The standard's own sample forms (第4章) are not among this repository's references; this
// layout follows the items and rules of JK-5.1–5.8 and is documented in docs/certificates.md.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "jrr/forms/core/sheet.h"

namespace jrr::forms {

// A labelled field of a member block, relative to the block's top-left corner.
struct FieldSpec {
  std::string_view name;   // member.name, member.birth …
  std::string_view label;  // printed in the label box; empty for none
  Box label_box;
  Box value_box;
  FontRole font = FontRole::kMincho;
  double size_pt = 9;
};

struct MemberBlockLayout {
  double height_mm = 0;
  std::span<const FieldSpec> fields;
  std::span<const Rule> rules;  // relative to the block's origin
};

struct PageLayout {
  Box title;
  Box official_mark;  // 「公用」 (JK-5.7)
  Box header_address_label, header_address;
  Box header_head_label, header_head;
  Box header_frame;
  double members_top_mm = 0;           // first member block
  int members_per_sheet = 4;           // 世帯連記式: four a sheet (個人票: one)
  int move_out_members_per_sheet = 3;  // 転出証明書: three, the fourth block holds their codes
  Box certification;                   // 認証文 (last sheet only)
  Box issue_date;                      // 交付年月日
  Box certifier_acting;      // 「…長職務代理者」 line when the acting official certifies
  Box certifier;             // title and name
  Box seal;                  // ≤ 25 mm square
  Box seal_note;             // この印は黒色です
  std::array<Box, 3> codes;  // 転出証明書: one QR code a mover, in the place of the fourth block
  Box codes_caption;
  Box number;     // 発行番号
  Box continued;  // 「次葉あり」 on every sheet but the last
};

// 世帯連記式 and 個人票 share the page; the member block differs by kind.
const PageLayout& CertificatePage();
const MemberBlockLayout& MemberBlock();         // 住民票の写し, 記載事項証明書, 除票
const MemberBlockLayout& MoveOutMemberBlock();  // 転出証明書: 転出先 and 転出予定年月日

// 個人票の履歴欄: the columns of the history table and its rows.
struct HistoryLayout {
  double top_first_sheet_mm = 0;  // below the member block on the first sheet
  double top_next_sheets_mm = 0;  // continuation sheets
  double bottom_mm = 0;
  double row_mm = 0;
  Box date, reason, notified, content;  // x and w per column; y and h ignored
  double size_pt = 8;
};
const HistoryLayout& History();

// 閲覧用一部の写し: a list, one person a row.
struct ListLayout {
  Box title;
  Box area;
  double top_mm = 0;
  double bottom_mm = 0;
  double row_mm = 0;
  Box name, birth, sex, address;  // x and w per column
  double size_pt = 9;
  Box number;  // 作成年月日 and page
};
const ListLayout& InspectionList();

// The smallest a value may shrink to, relative to its nominal size, and never below 5 pt.
inline constexpr double kShrinkFloor = 0.6;
inline constexpr double kMinimumPoints = 5.0;

}  // namespace jrr::forms
