// SPDX-License-Identifier: Apache-2.0
#include "records/resident_version_codec.h"

#include "jrr/domain/core/storage_error.h"

namespace jrr::codec {

const char* const kResidentVersionColumns =
    "addressee_number, history_number, change_id, household_number, kind, status, "
    "family_name, given_name, family_kana, given_kana, kana_confirmed, former_surname, "
    "former_surname_kana, common_name, common_name_kana, birth_date, birth_date_sort, sex, "
    "relationship, domicile_state, domicile_place, domicile_head, resident_since, "
    "address_code, address_text, address_banchi, address_katagaki, address_postal_code, "
    "address_abroad, address_since, notification_date, previous_address_code, "
    "previous_address_text, previous_address_banchi, previous_address_katagaki, "
    "previous_address_postal_code, previous_address_abroad, individual_number, "
    "resident_record_code, on_electoral_roll, national_health_covered, national_health_acquired, "
    "national_health_lost, late_elderly_covered, late_elderly_acquired, late_elderly_lost, "
    "long_term_care_covered, long_term_care_acquired, long_term_care_lost, pension_covered, "
    "pension_number, pension_type, pension_type_changed, pension_acquired, pension_lost, "
    "child_allowance_start, child_allowance_end, adult_ward, foreign_alphabet_name, "
    "foreign_nationality, foreign_resident_since, foreign_registered_former_law, "
    "foreign_category, foreign_status_of_residence, foreign_period_of_stay, "
    "foreign_period_expiry, foreign_residence_card_number, foreign_special_permanent_number, "
    "foreign_landing_period, foreign_provisional_stay_period, removal_reason, removal_effective, "
    "removal_planned_code, removal_planned_text, removal_planned_banchi, "
    "removal_planned_katagaki, removal_planned_postal_code, removal_planned_abroad, "
    "removal_confirmed_code, removal_confirmed_text, removal_confirmed_banchi, "
    "removal_confirmed_katagaki, removal_confirmed_postal_code, removal_confirmed_abroad, "
    "removal_move_in_notice_date, removal_confirmed_move_out_date, kana_key, kanji_key, "
    "last_registered_address";

int ResidentVersionColumnCount() { return 89; }

const std::string& QualifiedVersionColumns() {
  static const std::string qualified = [] {
    std::string out = "v.";
    for (const char* c = kResidentVersionColumns; *c != 0; ++c) {
      out += *c;
      if (*c == ' ' && c[-1] == ',') out += "v.";
    }
    return out;
  }();
  return qualified;
}

const char* const kChangeColumns =
    "change_id, reason, event_date, notification_date, processing_date, ex_officio, "
    "operator_id, place, terminal, note, alerts, supersedes_change_id, on_request, special, "
    "move_out_information";

std::string EncodeDate(const RecordedDate& date) {
  if (date.state == DateState::kExact) return ToIsoString(*date.ExactDate());
  return FormatRecordedDate(date, DisplayCalendar::kWareki);
}

RecordedDate DecodeDate(const std::string& text) {
  if (auto day = ParseIsoDate(text)) {
    RecordedDate date;
    const EraYear era = EraTable::Default().ToEraYear(*day);
    date.state = DateState::kExact;
    date.year = day->year;
    date.month = day->month;
    date.day = day->day;
    date.era = era.era;
    date.era_year = era.year;
    return date;
  }
  auto parsed = ParseDate(text, DatePolicy::kKosekiConsistent);
  if (!parsed) throw StorageError("storage.failure", "undecodable stored date");
  return *parsed;
}

std::optional<std::string> EncodeDate(const std::optional<RecordedDate>& date) {
  if (!date) return std::nullopt;
  return EncodeDate(*date);
}

namespace {

class Binder {
 public:
  explicit Binder(Statement& statement) : statement_(statement) {}
  // A member of the record: bound in place (BindVersion's contract), one copy fewer per column.
  Binder& Text(const std::string& value) {
    statement_.BindUnowned(++index_, value);
    return *this;
  }
  // A value computed for the row: gone before the statement runs, so SQLite copies it.
  Binder& Text(std::string&& value) {
    statement_.Bind(++index_, std::string_view(value));
    return *this;
  }
  Binder& OptionalText(const std::optional<std::string>& value) {
    statement_.Bind(++index_, value);
    return *this;
  }
  Binder& Int(int64_t value) {
    statement_.Bind(++index_, value);
    return *this;
  }
  Binder& Null() {
    statement_.BindNull(++index_);
    return *this;
  }
  Binder& Addr(const Address& a) {
    return Text(a.address_code)
        .Text(a.text)
        .Text(a.banchi)
        .Text(a.katagaki)
        .Text(a.postal_code)
        .Int(a.abroad ? 1 : 0);
  }
  Binder& Insurance(const InsuranceStatus& i) {
    return Int(i.covered ? 1 : 0)
        .OptionalText(EncodeDay(i.acquired))
        .OptionalText(EncodeDay(i.lost));
  }
  int index() const { return index_; }

 private:
  Statement& statement_;
  int index_ = 0;
};

class Reader {
 public:
  Reader(const Statement& statement, int first) : statement_(statement), column_(first) {}
  std::string Text() { return statement_.ColumnText(column_++); }
  int64_t Int() { return statement_.ColumnInt(column_++); }
  bool Bool() { return Int() != 0; }
  bool IsNull() const { return statement_.ColumnIsNull(column_); }
  std::optional<CalendarDate> Day() { return DecodeDay(statement_, column_++); }
  std::optional<RecordedDate> OptionalDate() {
    if (IsNull()) {
      ++column_;
      return std::nullopt;
    }
    return DecodeDate(Text());
  }
  Address Addr() {
    Address a;
    a.address_code = Text();
    a.text = Text();
    a.banchi = Text();
    a.katagaki = Text();
    a.postal_code = Text();
    a.abroad = Bool();
    return a;
  }
  InsuranceStatus Insurance() {
    InsuranceStatus i;
    i.covered = Bool();
    i.acquired = Day();
    i.lost = Day();
    return i;
  }
  void Skip() { ++column_; }

 private:
  const Statement& statement_;
  int column_;
};

}  // namespace

// IMP: JK-1.1.1, JK-1.1.17, JK-1.1.18
void BindVersion(Statement& statement, const ResidentRecord& r, int64_t change_id,
                 const VersionNameKeys* keys) {
  Binder b(statement);
  b.Text(r.addressee_number)
      .Int(r.history_number)
      .Int(change_id)
      .Text(r.household_number)
      .Int(static_cast<int>(r.kind))
      .Int(static_cast<int>(r.status))
      .Text(r.family_name)
      .Text(r.given_name)
      .Text(r.family_kana)
      .Text(r.given_kana)
      .Int(r.kana_confirmed ? 1 : 0)
      .Text(r.former_surname)
      .Text(r.former_surname_kana)
      .Text(r.common_name)
      .Text(r.common_name_kana)
      .Text(EncodeDate(r.birth_date))
      .OptionalText(EncodeDay(r.birth_date.InternalDate()))
      .Int(static_cast<int>(r.sex))
      .Text(r.relationship.Text())
      .Int(static_cast<int>(r.domicile.state))
      .Text(r.domicile.place)
      .Text(r.domicile.head_of_family)
      .OptionalText(EncodeDate(r.resident_since))
      .Addr(r.address)
      .OptionalText(EncodeDate(r.address_since))
      .OptionalText(EncodeDay(r.notification_date))
      .Addr(r.previous_address)
      .Text(r.individual_number)
      .Text(r.resident_record_code)
      .Int(r.on_electoral_roll ? 1 : 0)
      .Insurance(r.national_health)
      .Insurance(r.late_elderly)
      .Insurance(r.long_term_care)
      .Int(r.pension.covered ? 1 : 0)
      .Text(r.pension.basic_pension_number)
      .Text(r.pension.type)
      .OptionalText(EncodeDay(r.pension.type_changed))
      .OptionalText(EncodeDay(r.pension.acquired))
      .OptionalText(EncodeDay(r.pension.lost))
      .Text(r.child_allowance_start)
      .Text(r.child_allowance_end)
      .Int(r.adult_ward ? 1 : 0)
      .Text(r.foreign.alphabet_name)
      .Text(r.foreign.nationality)
      .OptionalText(EncodeDate(r.foreign.foreign_resident_since))
      .OptionalText(EncodeDate(r.foreign.registered_under_former_law))
      .Int(static_cast<int>(r.foreign.category))
      .Text(r.foreign.status_of_residence)
      .Text(r.foreign.period_of_stay)
      .OptionalText(EncodeDay(r.foreign.period_expiry))
      .Text(r.foreign.residence_card_number)
      .Text(r.foreign.special_permanent_certificate_number)
      .Text(r.foreign.landing_period)
      .Text(r.foreign.provisional_stay_period);
  if (r.removal) {
    b.Int(static_cast<int>(r.removal->reason))
        .Text(EncodeDate(r.removal->effective))
        .Addr(r.removal->planned_destination)
        .Addr(r.removal->confirmed_destination)
        .OptionalText(EncodeDay(r.removal->move_in_notice_date))
        .OptionalText(EncodeDay(r.removal->confirmed_move_out_date));
  } else {
    static const Address kNone;  // bound in place, so it must outlive the statement's run
    b.Null().Null().Addr(kNone).Addr(kNone).Null().Null();
  }
  if (keys) {
    b.Text(keys->kana).Text(keys->kanji);  // the caller's: bound in place, like the record's texts
  } else {
    VersionNameKeys computed = NameKeysOf(r);  // gone before the statement runs: copied
    b.Text(std::move(computed.kana)).Text(std::move(computed.kanji));
  }
  b.Text(r.last_registered_address);
}

ResidentRecord ReadVersion(const Statement& statement, int first) {
  Reader in(statement, first);
  ResidentRecord r;
  r.addressee_number = in.Text();
  r.history_number = static_cast<int>(in.Int());
  in.Skip();  // change_id
  r.household_number = in.Text();
  r.kind = static_cast<ResidentKind>(in.Int());
  r.status = static_cast<ResidentStatus>(in.Int());
  r.family_name = in.Text();
  r.given_name = in.Text();
  r.family_kana = in.Text();
  r.given_kana = in.Text();
  r.kana_confirmed = in.Bool();
  r.former_surname = in.Text();
  r.former_surname_kana = in.Text();
  r.common_name = in.Text();
  r.common_name_kana = in.Text();
  r.birth_date = DecodeDate(in.Text());
  in.Skip();  // birth_date_sort
  r.sex = static_cast<Sex>(in.Int());
  auto relationship = ParseRelationship(in.Text());
  if (!relationship) throw StorageError("storage.failure", "undecodable stored 続柄");
  r.relationship = *relationship;
  r.relationship.alert_rule.reset();
  r.domicile.state = static_cast<Domicile::State>(in.Int());
  r.domicile.place = in.Text();
  r.domicile.head_of_family = in.Text();
  r.resident_since = in.OptionalDate();
  r.address = in.Addr();
  r.address_since = in.OptionalDate();
  r.notification_date = in.Day();
  r.previous_address = in.Addr();
  r.individual_number = in.Text();
  r.resident_record_code = in.Text();
  r.on_electoral_roll = in.Bool();
  r.national_health = in.Insurance();
  r.late_elderly = in.Insurance();
  r.long_term_care = in.Insurance();
  r.pension.covered = in.Bool();
  r.pension.basic_pension_number = in.Text();
  r.pension.type = in.Text();
  r.pension.type_changed = in.Day();
  r.pension.acquired = in.Day();
  r.pension.lost = in.Day();
  r.child_allowance_start = in.Text();
  r.child_allowance_end = in.Text();
  r.adult_ward = in.Bool();
  r.foreign.alphabet_name = in.Text();
  r.foreign.nationality = in.Text();
  r.foreign.foreign_resident_since = in.OptionalDate();
  r.foreign.registered_under_former_law = in.OptionalDate();
  r.foreign.category = static_cast<ForeignCategory>(in.Int());
  r.foreign.status_of_residence = in.Text();
  r.foreign.period_of_stay = in.Text();
  r.foreign.period_expiry = in.Day();
  r.foreign.residence_card_number = in.Text();
  r.foreign.special_permanent_certificate_number = in.Text();
  r.foreign.landing_period = in.Text();
  r.foreign.provisional_stay_period = in.Text();
  if (!in.IsNull()) {
    RemovalItems removal;
    auto reason = ChangeReasonFromCode(static_cast<int>(in.Int()));
    if (!reason) throw StorageError("storage.failure", "undecodable stored 消除事由");
    removal.reason = *reason;
    removal.effective = DecodeDate(in.Text());
    removal.planned_destination = in.Addr();
    removal.confirmed_destination = in.Addr();
    removal.move_in_notice_date = in.Day();
    removal.confirmed_move_out_date = in.Day();
    r.removal = removal;
  }
  // After the keys, by position: the removal columns above are not read for a record without one.
  r.last_registered_address = statement.ColumnText(first + 88);
  return r;
}

ChangeRecord ReadChange(const Statement& statement, int first) {
  Reader in(statement, first);
  ChangeRecord c;
  c.change_id = in.Int();
  auto reason = ChangeReasonFromCode(static_cast<int>(in.Int()));
  if (!reason) throw StorageError("storage.failure", "undecodable stored 異動事由");
  c.reason = *reason;
  c.event_date = DecodeDate(in.Text());
  c.notification_date = in.Day();
  c.processing_date = *in.Day();
  c.ex_officio = in.Bool();
  c.operator_id = in.Text();
  c.place = in.Text();
  c.terminal = in.Text();
  c.note = in.Text();
  const std::string alerts = in.Text();
  for (std::size_t start = 0; start < alerts.size();) {
    const std::size_t comma = alerts.find(',', start);
    c.alerts.push_back(alerts.substr(start, comma == std::string::npos ? comma : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (!in.IsNull())
    c.supersedes_change_id = in.Int();
  else
    in.Skip();
  c.on_request = in.Bool();
  c.special = in.Bool();
  c.move_out_information = in.Text();
  return c;
}

}  // namespace jrr::codec
