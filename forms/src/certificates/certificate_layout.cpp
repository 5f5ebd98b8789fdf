// SPDX-License-Identifier: Apache-2.0
//
// The layout tables. Columns of a member block: label 15–36 mm, value 36–122 mm, second label
// 122–144 mm, second value 144–195 mm; rows 5 mm (氏名 7.5 mm), 47.5 mm a block, four blocks
// from 45 mm leave 237–297 mm for the 認証文, certifier, seal and 発行番号.
#include "jrr/forms/certificates/certificate_layout.h"

#include <array>

namespace jrr::forms {
namespace {

constexpr double kLeft = 15, kLabelEnd = 36, kMiddle = 122, kSecondValue = 144, kRight = 195;

constexpr Box L(double y, double h) { return {kLeft, y, kLabelEnd - kLeft, h}; }
constexpr Box V(double y, double h) { return {kLabelEnd, y, kMiddle - kLabelEnd, h}; }
constexpr Box L2(double y, double h) { return {kMiddle, y, kSecondValue - kMiddle, h}; }
constexpr Box V2(double y, double h) { return {kSecondValue, y, kRight - kSecondValue, h}; }
constexpr Box Wide(double y, double h) { return {kLabelEnd, y, kRight - kLabelEnd, h}; }

constexpr double kLabelPt = 6.5;

// Row tops within a block.
constexpr double r0 = 0, r1 = 5, r2 = 12.5, r3 = 17.5, r4 = 22.5, r5 = 27.5, r6 = 32.5, r7 = 37.5,
                 r8 = 42.5, kBlockHeight = 47.5;

#define JRR_COMMON_FIELDS                                                                      \
  FieldSpec{"member.kana", "氏名の振り仮名", L(r0, 5), V(r0, 5), FontRole::kMincho, 7.5},      \
      FieldSpec{"member.individual_number", "個人番号", L2(r0, 5), V2(r0, 5),                  \
                FontRole::kGothic,          8.5},                                              \
      FieldSpec{"member.name", "氏名", L(r1, 7.5), V(r1, 7.5), FontRole::kMincho, 13},         \
      FieldSpec{"member.resident_record_code",                                                 \
                "住民票コード",                                                                \
                L2(r1, 7.5),                                                                   \
                V2(r1, 7.5),                                                                   \
                FontRole::kGothic,                                                             \
                8.5},                                                                          \
      FieldSpec{"member.birth", "生年月日", L(r2, 5), V(r2, 5), FontRole::kMincho, 9},         \
      FieldSpec{"member.sex", "性別", L2(r2, 5), V2(r2, 5), FontRole::kMincho, 9},             \
      FieldSpec{"member.relationship", "続柄", L(r3, 5), V(r3, 5), FontRole::kMincho, 9},      \
      FieldSpec{"member.resident_since",                                                       \
                "住民となった年月日",                                                          \
                L2(r3, 5),                                                                     \
                V2(r3, 5),                                                                     \
                FontRole::kMincho,                                                             \
                9},                                                                            \
      FieldSpec{"member.former_name", "旧氏・通称", L(r4, 5), V(r4, 5), FontRole::kMincho, 9}, \
      FieldSpec{"member.address_since",                                                        \
                "住所を定めた年月日",                                                          \
                L2(r4, 5),                                                                     \
                V2(r4, 5),                                                                     \
                FontRole::kMincho,                                                             \
                9},                                                                            \
      FieldSpec{"member.domicile", "本籍", L(r5, 5), V(r5, 5), FontRole::kMincho, 9},          \
      FieldSpec{"member.notified", "届出日", L2(r5, 5), V2(r5, 5), FontRole::kMincho, 9},      \
      FieldSpec{"member.head_of_family", "筆頭者", L(r6, 5), V(r6, 5), FontRole::kMincho, 9},  \
      FieldSpec {                                                                              \
    "member.removal", "消除事由", L2(r6, 5), V2(r6, 5), FontRole::kMincho, 8                   \
  }

constexpr std::array kMemberFields{
    JRR_COMMON_FIELDS,
    FieldSpec{"member.previous_address", "転入前住所", L(r7, 5), Wide(r7, 5), FontRole::kMincho, 9},
    FieldSpec{"member.remarks", "備考", L(r8, 5), Wide(r8, 5), FontRole::kMincho, 8},
};

constexpr std::array kMoveOutFields{
    JRR_COMMON_FIELDS,
    FieldSpec{"member.destination", "転出先", L(r7, 5), Wide(r7, 5), FontRole::kMincho, 9},
    FieldSpec{"member.planned_date", "転出予定年月日", L(r8, 5), Wide(r8, 5), FontRole::kMincho, 9},
};
#undef JRR_COMMON_FIELDS

constexpr double kThin = 0.15, kBold = 0.4;
constexpr std::array kBlockRules{
    Rule{kLeft, r0, kRight, r0, kBold},
    Rule{kLeft, r1, kRight, r1, kThin},
    Rule{kLeft, r2, kRight, r2, kThin},
    Rule{kLeft, r3, kRight, r3, kThin},
    Rule{kLeft, r4, kRight, r4, kThin},
    Rule{kLeft, r5, kRight, r5, kThin},
    Rule{kLeft, r6, kRight, r6, kThin},
    Rule{kLeft, r7, kRight, r7, kThin},
    Rule{kLeft, r8, kRight, r8, kThin},
    Rule{kLeft, kBlockHeight, kRight, kBlockHeight, kBold},
    Rule{kLeft, r0, kLeft, kBlockHeight, kBold},
    Rule{kRight, r0, kRight, kBlockHeight, kBold},
    Rule{kLabelEnd, r0, kLabelEnd, kBlockHeight, kThin},
    Rule{kMiddle, r0, kMiddle, r7, kThin},
    Rule{kSecondValue, r0, kSecondValue, r7, kThin},
};

}  // namespace

const PageLayout& CertificatePage() {
  static const PageLayout kPage{
      .title = {kLeft, 12, 180, 10},
      .official_mark = {kLeft, 12.5, 18, 9},
      .header_address_label = {kLeft, 26, kLabelEnd - kLeft, 8},
      .header_address = {kLabelEnd, 26, kRight - kLabelEnd, 8},
      .header_head_label = {kLeft, 34, kLabelEnd - kLeft, 8},
      .header_head = {kLabelEnd, 34, kRight - kLabelEnd, 8},
      .header_frame = {kLeft, 26, kRight - kLeft, 16},
      .members_top_mm = 45,
      .members_per_sheet = 4,
      .move_out_members_per_sheet = 3,
      .certification = {kLeft, 239, 135, 7},
      .issue_date = {kLeft, 247, 80, 6},
      .certifier_acting = {kLeft, 255, 135, 6},
      .certifier = {kLeft, 262, 135, 8},
      .seal = {160, 238, 21, 21},
      .seal_note = {150, 260, 45, 5},
      .codes = {Box{kLeft, 45 + 3 * kBlockHeight + 2, 44, 44},
                Box{kLeft + 46, 45 + 3 * kBlockHeight + 2, 44, 44},
                Box{kLeft + 92, 45 + 3 * kBlockHeight + 2, 44, 44}},
      .codes_caption = {kLeft, 45 + 3 * kBlockHeight + 46.5, 136, 4.5},
      .number = {kLeft, 290.5, 180, 4.5},
      .continued = {kLeft, 283, 100, 5},
  };
  return kPage;
}

const MemberBlockLayout& MemberBlock() {
  static const MemberBlockLayout kBlock{kBlockHeight, kMemberFields, kBlockRules};
  return kBlock;
}

const MemberBlockLayout& MoveOutMemberBlock() {
  static const MemberBlockLayout kBlock{kBlockHeight, kMoveOutFields, kBlockRules};
  return kBlock;
}

const HistoryLayout& History() {
  static const HistoryLayout kHistory{
      .top_first_sheet_mm = 45 + kBlockHeight + 5,
      .top_next_sheets_mm = 45,
      .bottom_mm = 236,
      .row_mm = 5,
      .date = {kLeft, 0, 26, 0},
      .reason = {41, 0, 32, 0},
      .notified = {73, 0, 26, 0},
      .content = {99, 0, kRight - 99, 0},
      .size_pt = 8,
  };
  return kHistory;
}

const ListLayout& InspectionList() {
  static const ListLayout kList{
      .title = {kLeft, 12, 180, 10},
      .area = {kLeft, 23, 180, 6},
      .top_mm = 31,
      .bottom_mm = 284,
      .row_mm = 6,
      .name = {kLeft, 0, 55, 0},
      .birth = {70, 0, 32, 0},
      .sex = {102, 0, 12, 0},
      .address = {114, 0, kRight - 114, 0},
      .size_pt = 9,
      .number = {kLeft, 289, 180, 5},
  };
  return kList;
}

}  // namespace jrr::forms
