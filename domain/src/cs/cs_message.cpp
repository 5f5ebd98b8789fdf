// SPDX-License-Identifier: Apache-2.0
#include "jrr/domain/cs/cs_message.h"

#include "jrr/domain/core/place_names.h"
#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"

namespace jrr {
namespace {

constexpr std::string_view kEnvelope = "JRR-CS/1";
constexpr std::string_view kMoveInNotice = "JRR-TENNYU/1";
constexpr std::string_view kSeparator = "\n==\n";

Error Malformed(std::string detail) {
  return MakeError(ErrorCode::kInvalidInput, "cs.malformed", std::move(detail));
}

std::string Get(const std::map<std::string, std::string, std::less<>>& fields,
                std::string_view key) {
  const auto found = fields.find(key);
  return found == fields.end() ? std::string() : found->second;
}

}  // namespace

std::string_view CsKindCode(CsKind kind) {
  return kind == CsKind::kMoveInNotice ? "move_in_notice" : "move_out_information";
}

std::string_view CsKindNameJa(CsKind kind) {
  return kind == CsKind::kMoveInNotice ? "転入通知" : "転出証明書情報";
}

std::string EncodeCsMessage(const CsMessage& message) {
  std::string out(kEnvelope);
  out += '\n';
  AppendKeyValueLine(out, "id", message.id);
  AppendKeyValueLine(out, "kind", CsKindCode(message.kind));
  AppendKeyValueLine(out, "from", message.from);
  AppendKeyValueLine(out, "to", message.to);
  out += "==\n";
  out += message.payload;
  return out;
}

Result<CsMessage> DecodeCsMessage(std::string_view text) {
  if (!CheckText(text, {.max_bytes = 256 * 1024, .allow_newlines = true}))
    return Malformed("not UTF-8 text");
  const std::size_t split = text.find(kSeparator);
  if (split == std::string_view::npos) return Malformed("no == line");
  auto head = ParseKeyValueText(text.substr(0, split + 1), kEnvelope);
  if (!head) return Malformed("header");
  CsMessage m;
  m.id = Get(*head, "id");
  m.from = Get(*head, "from");
  m.to = Get(*head, "to");
  const std::string kind = Get(*head, "kind");
  if (kind == CsKindCode(CsKind::kMoveInNotice)) {
    m.kind = CsKind::kMoveInNotice;
  } else if (kind == CsKindCode(CsKind::kMoveOutInformation)) {
    m.kind = CsKind::kMoveOutInformation;
  } else {
    return Malformed("kind " + kind);
  }
  if (m.id.empty() || m.from.empty() || m.to.empty()) return Malformed("id, from or to missing");
  m.payload = std::string(text.substr(split + kSeparator.size()));
  return m;
}

std::string EncodeMoveInNotice(const MoveInNoticeMessage& notice) {
  std::string out(kMoveInNotice);
  out += '\n';
  AppendKeyValueLine(out, "moved_in", ToIsoString(notice.moved_in));
  AppendKeyValueLine(out, "notified", ToIsoString(notice.notified));
  AppendKeyValueLine(out, "address", notice.address);
  AppendKeyValueLine(out, "address_code", notice.address_code);
  if (!notice.move_out_information.empty())
    AppendKeyValueLine(out, "move_out_information", notice.move_out_information);
  for (const MoveInNoticePerson& p : notice.persons) {
    out += "--\n";
    AppendKeyValueLine(out, "resident_record_code", p.resident_record_code);
    AppendKeyValueLine(out, "name", p.name);
    AppendKeyValueLine(out, "family_name", p.family_name);
    AppendKeyValueLine(out, "given_name", p.given_name);
    AppendKeyValueLine(out, "birth", p.birth_date ? ToIsoString(*p.birth_date) : std::string());
    AppendKeyValueLine(out, "sex", p.sex == Sex::kMale ? "1" : "2");
  }
  return out;
}

Result<MoveInNoticeMessage> DecodeMoveInNotice(std::string_view payload) {
  if (!CheckText(payload, {.max_bytes = 256 * 1024, .allow_newlines = true}))
    return Malformed("not UTF-8 text");
  const std::vector<std::string> blocks = SplitKeyValueBlocks(payload);
  auto head = ParseKeyValueText(blocks[0], kMoveInNotice);
  if (!head) return Malformed("header");
  MoveInNoticeMessage n;
  auto moved_in = ParseIsoDate(Get(*head, "moved_in"));
  auto notified = ParseIsoDate(Get(*head, "notified"));
  if (!moved_in || !notified) return Malformed("moved_in or notified");
  n.moved_in = *moved_in;
  n.notified = *notified;
  n.address = Get(*head, "address");
  n.address_code = Get(*head, "address_code");
  n.move_out_information = Get(*head, "move_out_information");
  if (n.address.empty()) return Malformed("address");
  for (std::size_t i = 1; i < blocks.size(); ++i) {
    auto fields = ParseKeyValueText("P\n" + blocks[i], "P");
    if (!fields) return Malformed("person " + std::to_string(i));
    MoveInNoticePerson p;
    p.resident_record_code = Get(*fields, "resident_record_code");
    p.name = Get(*fields, "name");
    p.family_name = Get(*fields, "family_name");
    p.given_name = Get(*fields, "given_name");
    if (p.name.empty()) return Malformed("name of person " + std::to_string(i));
    const std::string birth = Get(*fields, "birth");
    if (!birth.empty()) {
      p.birth_date = ParseIsoDate(birth);
      if (!p.birth_date) return Malformed("birth of person " + std::to_string(i));
    }
    p.sex = Get(*fields, "sex") == "2" ? Sex::kFemale : Sex::kMale;
    n.persons.push_back(std::move(p));
  }
  if (n.persons.empty()) return Malformed("nobody");
  return n;
}

// IMP: JK-7.1.1.1
std::optional<AddressedMoveInNotice> MoveInNoticeOf(const ChangeOutcome& outcome,
                                                    std::string_view ours) {
  const ChangeRecord& change = outcome.change;
  if (change.reason != ChangeReason::kDomesticMoveIn || outcome.versions.empty())
    return std::nullopt;
  const ResidentRecord& first = outcome.versions.front();
  if (first.previous_address.abroad) return std::nullopt;
  std::string to = MunicipalityOfPlace(first.previous_address.text);
  if (to.empty() || to == ours) return std::nullopt;  // not routable, or a move within (a 転居)
  const std::optional<CalendarDate> moved_in = change.event_date.InternalDate();
  if (!moved_in) return std::nullopt;
  AddressedMoveInNotice out{std::move(to), {}};
  MoveInNoticeMessage& n = out.notice;
  n.moved_in = *moved_in;
  n.notified = change.processing_date;
  n.address = first.address.Printed();
  n.address_code = first.address.address_code;
  n.move_out_information = change.move_out_information;
  for (const ResidentRecord& v : outcome.versions) {
    n.persons.push_back({v.resident_record_code, v.DisplayName(), v.family_name, v.given_name,
                         v.birth_date.InternalDate(), v.sex});
  }
  return out;
}

std::string CsInboxStateJa(const CsEntry& e) {
  if (e.state == kCsReceived) return "特例転入の処理待ち";
  if (e.state == kCsUsed) return "特例転入済み";
  if (e.state == kCsApplied) return "除票に反映済み";
  const RuleInfo* rule = FindRule(e.state);
  return "取込エラー " + e.state + "（" + (rule ? std::string(rule->message_ja) : std::string()) +
         "）";
}

}  // namespace jrr
