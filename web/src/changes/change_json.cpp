// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/changes/change_json.h"

#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <map>
#include <set>
#include <sstream>

#include "jrr/domain/core/rule_catalog.h"
#include "jrr/domain/core/text.h"
#include "jrr/web/core/json_fields.h"
#include "jrr/web/core/json_writer.h"
#include "jrr/web/records/record_json.h"

namespace jrr::web {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Thrown inside this file only, and turned into a Result at its two entry points: decoding a
// nested document is clearer with an early exit than with a Result after every field.
struct DecodeFailure {
  Error error;
};

[[noreturn]] void Fail(const char* rule, const std::string& detail) {
  throw DecodeFailure{MakeError(ErrorCode::kInvalidInput, rule, detail)};
}

template <typename T>
T Check(Result<T> result, const std::string& path) {
  if (!result) {
    Error error = result.error();
    error.detail = path + ": " + error.detail;
    throw DecodeFailure{error};
  }
  return std::move(result).value();
}

class Fields {
 public:
  Fields(Object::Ptr object, std::string path, std::set<std::string> allowed)
      : object_(std::move(object)), path_(std::move(path)) {
    std::vector<std::string> names;
    object_->getNames(names);
    for (const std::string& name : names) {
      if (!allowed.contains(name)) Fail("json.unknown_field", Path(name));
    }
  }

  bool Has(const std::string& key) const { return object_->has(key) && !object_->isNull(key); }
  std::string Path(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

  std::string Str(const std::string& key, bool required = false) const {
    if (!Has(key)) {
      if (required) Fail("json.missing_field", Path(key));
      return {};
    }
    const Poco::Dynamic::Var value = object_->get(key);
    if (!value.isString()) Fail("json.wrong_type", Path(key) + " must be a string");
    std::string text = value.convert<std::string>();
    Check(CheckText(text, {.max_bytes = 1024, .allow_empty = true}), Path(key));
    return text;
  }

  bool Bool(const std::string& key) const {
    if (!Has(key)) return false;
    const Poco::Dynamic::Var value = object_->get(key);
    if (!value.isBoolean()) Fail("json.wrong_type", Path(key) + " must be true or false");
    return value.convert<bool>();
  }

  Fields Child(const std::string& key, std::set<std::string> allowed) const {
    if (!Has(key)) Fail("json.missing_field", Path(key));
    Object::Ptr child = object_->getObject(key);
    if (!child) Fail("json.wrong_type", Path(key) + " must be an object");
    return Fields(child, Path(key), std::move(allowed));
  }

  Array::Ptr List(const std::string& key) const {
    if (!Has(key)) Fail("json.missing_field", Path(key));
    Array::Ptr array = object_->getArray(key);
    if (!array) Fail("json.wrong_type", Path(key) + " must be an array");
    return array;
  }

  std::vector<std::string> StrList(const std::string& key) const {
    std::vector<std::string> out;
    if (!Has(key)) return out;
    Array::Ptr array = List(key);
    for (std::size_t i = 0; i < array->size(); ++i) {
      const Poco::Dynamic::Var value = array->get(static_cast<unsigned>(i));
      if (!value.isString()) Fail("json.wrong_type", Path(key) + " must hold strings");
      out.push_back(value.convert<std::string>());
    }
    return out;
  }

  Object::Ptr object() const { return object_; }

 private:
  Object::Ptr object_;
  std::string path_;
};

const std::set<std::string> kAddressFields = {"code",     "text",        "banchi",
                                              "katagaki", "postal_code", "abroad"};

Address DecodeAddress(const Fields& parent, const std::string& key) {
  if (!parent.Has(key)) return {};
  const Fields f = parent.Child(key, kAddressFields);
  return Address{f.Str("code"),     f.Str("text"),        f.Str("banchi"),
                 f.Str("katagaki"), f.Str("postal_code"), f.Bool("abroad")};
}

RecordedDate DecodeDate(const Fields& f, const std::string& key, DatePolicy policy) {
  return Check(ParseDate(f.Str(key, true), policy), f.Path(key));
}

std::optional<RecordedDate> DecodeOptionalDate(const Fields& f, const std::string& key,
                                               DatePolicy policy) {
  if (!f.Has(key)) return std::nullopt;
  return DecodeDate(f, key, policy);
}

std::optional<CalendarDate> DecodeDay(const Fields& f, const std::string& key) {
  if (!f.Has(key)) return std::nullopt;
  return Check(ParseCalendarDate(f.Str(key)), f.Path(key));
}

RelationshipToHead DecodeRelationship(const std::string& text, const std::string& path) {
  return Check(ParseRelationship(text), path);
}

const std::set<std::string> kPersonFields = {"kind",
                                             "family_name",
                                             "given_name",
                                             "family_kana",
                                             "given_kana",
                                             "kana_confirmed",
                                             "former_surname",
                                             "former_surname_kana",
                                             "common_name",
                                             "common_name_kana",
                                             "birth_date",
                                             "sex",
                                             "relationship",
                                             "domicile",
                                             "individual_number",
                                             "resident_record_code",
                                             "on_electoral_roll",
                                             "adult_ward",
                                             "foreign",
                                             "returning_addressee_number",
                                             "last_registered_address",
                                             "national_health",
                                             "late_elderly",
                                             "long_term_care",
                                             "pension",
                                             "child_allowance_start",
                                             "child_allowance_end"};

Sex DecodeSex(const Fields& f) {
  const std::string sex = f.Str("sex", true);
  if (sex == "male" || sex == "男") return Sex::kMale;
  if (sex == "female" || sex == "女") return Sex::kFemale;
  Fail("json.wrong_type", f.Path("sex") + " must be male or female");
}

Domicile DecodeDomicile(const Fields& parent) {
  if (!parent.Has("domicile")) return Domicile{Domicile::State::kNone, "", ""};
  const Fields f = parent.Child("domicile", {"state", "place", "head_of_family"});
  const std::string state = f.Str("state");
  Domicile d{Domicile::State::kRecorded, f.Str("place"), f.Str("head_of_family")};
  if (state == "none" || state == "なし")
    d.state = Domicile::State::kNone;
  else if (state == "unknown" || state == "不明")
    d.state = Domicile::State::kUnknown;
  else if (!state.empty() && state != "recorded")
    Fail("json.wrong_type", f.Path("state"));
  return d;
}

ForeignCategory DecodeCategory(const std::string& text, const std::string& path) {
  if (auto category = ForeignCategoryFromKey(text)) return *category;
  Fail("json.wrong_type", path + " must be one of the 法第30条の45 categories");
}

const std::set<std::string> kForeignFields = {"alphabet_name",
                                              "nationality",
                                              "foreign_resident_since",
                                              "registered_under_former_law",
                                              "category",
                                              "status_of_residence",
                                              "period_of_stay",
                                              "period_expiry",
                                              "residence_card_number",
                                              "special_permanent_certificate_number",
                                              "landing_period",
                                              "provisional_stay_period"};

ForeignResidentItems DecodeForeign(const Fields& g) {
  ForeignResidentItems items;
  items.alphabet_name = g.Str("alphabet_name", true);
  items.nationality = g.Str("nationality", true);
  items.foreign_resident_since =
      DecodeOptionalDate(g, "foreign_resident_since", DatePolicy::kKosekiConsistent);
  items.registered_under_former_law =
      DecodeOptionalDate(g, "registered_under_former_law", DatePolicy::kKosekiConsistent);
  items.category = DecodeCategory(g.Str("category", true), g.Path("category"));
  items.status_of_residence = g.Str("status_of_residence");
  items.period_of_stay = g.Str("period_of_stay");
  items.period_expiry = DecodeDay(g, "period_expiry");
  items.residence_card_number = g.Str("residence_card_number");
  items.special_permanent_certificate_number = g.Str("special_permanent_certificate_number");
  items.landing_period = g.Str("landing_period");
  items.provisional_stay_period = g.Str("provisional_stay_period");
  return items;
}

InsuranceStatus DecodeInsurance(const Fields& parent, const std::string& key) {
  const Fields f = parent.Child(key, {"covered", "acquired", "lost"});
  return InsuranceStatus{f.Bool("covered"), DecodeDay(f, "acquired"), DecodeDay(f, "lost")};
}

NationalPension DecodePension(const Fields& parent) {
  const Fields p = parent.Child(
      "pension", {"covered", "basic_pension_number", "type", "type_changed", "acquired", "lost"});
  return NationalPension{p.Bool("covered"),
                         p.Str("basic_pension_number"),
                         p.Str("type"),
                         DecodeDay(p, "type_changed"),
                         DecodeDay(p, "acquired"),
                         DecodeDay(p, "lost")};
}

// 他業務 items (JK-1.1.1) a 転入 or a correction may carry, as the other systems report them.
void DecodeOtherBusinessItems(const Fields& f, NewPerson& p) {
  if (f.Has("national_health")) p.national_health = DecodeInsurance(f, "national_health");
  if (f.Has("late_elderly")) p.late_elderly = DecodeInsurance(f, "late_elderly");
  if (f.Has("long_term_care")) p.long_term_care = DecodeInsurance(f, "long_term_care");
  if (f.Has("pension")) p.pension = DecodePension(f);
  p.child_allowance_start = f.Str("child_allowance_start");
  p.child_allowance_end = f.Str("child_allowance_end");
}

NewPerson DecodePerson(const Fields& f) {
  NewPerson p;
  const std::string kind = f.Str("kind");
  if (kind == "foreign")
    p.kind = ResidentKind::kForeign;
  else if (!kind.empty() && kind != "japanese")
    Fail("json.wrong_type", f.Path("kind"));
  p.family_name = f.Str("family_name");
  p.given_name = f.Str("given_name");
  p.family_kana = f.Str("family_kana");
  p.given_kana = f.Str("given_kana");
  p.kana_confirmed = f.Bool("kana_confirmed");
  p.former_surname = f.Str("former_surname");
  p.former_surname_kana = f.Str("former_surname_kana");
  p.common_name = f.Str("common_name");
  p.common_name_kana = f.Str("common_name_kana");
  p.birth_date = DecodeDate(f, "birth_date", DatePolicy::kKosekiConsistent);
  p.sex = DecodeSex(f);
  p.relationship = DecodeRelationship(f.Str("relationship", true), f.Path("relationship"));
  p.domicile = DecodeDomicile(f);
  p.individual_number = f.Str("individual_number");
  p.resident_record_code = f.Str("resident_record_code");
  p.on_electoral_roll = f.Bool("on_electoral_roll");
  p.adult_ward = f.Bool("adult_ward");
  p.last_registered_address = f.Str("last_registered_address");
  DecodeOtherBusinessItems(f, p);
  if (p.kind == ResidentKind::kForeign) {
    p.domicile = Domicile{Domicile::State::kNone, "", ""};  // foreign residents have no 本籍
    p.foreign = DecodeForeign(f.Child("foreign", kForeignFields));
  } else if (f.Has("foreign")) {
    Fail("json.unknown_field", f.Path("foreign") + " is only for kind foreign");
  }
  return p;
}

std::map<std::string, RelationshipToHead> DecodeRelationships(const Fields& f) {
  std::map<std::string, RelationshipToHead> out;
  if (!f.Has("relationships")) return out;
  Object::Ptr object = f.object()->getObject("relationships");
  if (!object) Fail("json.wrong_type", f.Path("relationships") + " must be an object");
  std::vector<std::string> names;
  object->getNames(names);
  for (const std::string& atena : names) {
    const Poco::Dynamic::Var value = object->get(atena);
    if (!value.isString()) Fail("json.wrong_type", f.Path("relationships." + atena));
    out[atena] = DecodeRelationship(value.convert<std::string>(), f.Path("relationships." + atena));
  }
  return out;
}

ChangeInput DecodeInput(const Fields& f, DatePolicy policy) {
  ChangeInput input;
  input.event_date = DecodeDate(f, "event_date", policy);
  input.notification_date = DecodeDay(f, "notification_date");
  input.note = f.Str("note");
  input.on_request = f.Bool("on_request");
  input.ex_officio = f.Bool("ex_officio");
  input.acknowledged_alerts = f.StrList("acknowledged_alerts");
  return input;
}

std::set<std::string> With(std::set<std::string> specific) {
  for (const char* common : {"type", "event_date", "notification_date", "note", "on_request",
                             "ex_officio", "acknowledged_alerts"}) {
    specific.insert(common);
  }
  return specific;
}

AnyChangeCommand DecodeMoveIn(Object::Ptr object) {
  Fields f(object, "",
           With({"from_abroad", "ex_officio_entry", "unreported", "persons", "previous_address",
                 "new_address", "join_household", "move_out_information"}));
  MoveInCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.from_abroad = f.Bool("from_abroad");
  c.ex_officio_entry = f.Bool("ex_officio_entry");
  c.unreported = f.Bool("unreported");
  c.move_out_information = f.Str("move_out_information");
  Array::Ptr persons = f.List("persons");
  for (std::size_t i = 0; i < persons->size(); ++i) {
    Object::Ptr person = persons->getObject(static_cast<unsigned>(i));
    if (!person) Fail("json.wrong_type", "persons must hold objects");
    const Fields fields(person, "persons[" + std::to_string(i) + "]", kPersonFields);
    c.persons.push_back(DecodePerson(fields));
    if (fields.Has("returning_addressee_number")) {
      c.returning[i] = fields.Str("returning_addressee_number");
    }
  }
  c.previous_address = DecodeAddress(f, "previous_address");
  if (f.Has("new_address")) c.new_address = DecodeAddress(f, "new_address");
  if (f.Has("join_household")) c.join_household = f.Str("join_household");
  return c;
}

AnyChangeCommand DecodeBirth(Object::Ptr object) {
  Fields f(object, "", With({"household_number", "child"}));
  BirthCommand c;
  c.input = DecodeInput(f, DatePolicy::kKosekiConsistent);
  c.household_number = f.Str("household_number", true);
  std::set<std::string> child_fields = kPersonFields;
  child_fields.erase("returning_addressee_number");
  c.child = DecodePerson(f.Child("child", child_fields));
  return c;
}

AnyChangeCommand DecodeWithinMove(Object::Ptr object) {
  Fields f(object, "", With({"movers", "new_address", "join_household", "relationships"}));
  WithinMoveCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.movers = f.StrList("movers");
  c.new_address = DecodeAddress(f, "new_address");
  if (f.Has("join_household")) c.join_household = f.Str("join_household");
  c.relationships = DecodeRelationships(f);
  return c;
}

AnyChangeCommand DecodeMoveOut(Object::Ptr object) {
  Fields f(object, "", With({"movers", "destination", "special"}));
  MoveOutCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.movers = f.StrList("movers");
  c.destination = DecodeAddress(f, "destination");
  c.special = f.Bool("special");
  return c;
}

AnyChangeCommand DecodeDeath(Object::Ptr object) {
  Fields f(object, "", With({"addressee_number"}));
  DeathCommand c;
  c.input = DecodeInput(f, DatePolicy::kKosekiConsistent);
  c.addressee_number = f.Str("addressee_number", true);
  return c;
}

AnyChangeCommand DecodeHeadChange(Object::Ptr object) {
  Fields f(object, "", With({"household_number", "new_head", "relationships"}));
  HeadOfHouseholdChangeCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.household_number = f.Str("household_number", true);
  c.new_head = f.Str("new_head", true);
  c.relationships = DecodeRelationships(f);
  return c;
}

AnyChangeCommand DecodeSeparation(Object::Ptr object) {
  Fields f(object, "", With({"movers", "relationships"}));
  HouseholdSeparationCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.movers = f.StrList("movers");
  c.relationships = DecodeRelationships(f);
  return c;
}

AnyChangeCommand DecodeCorrection(Object::Ptr object) {
  Fields f(object, "", With({"reason", "addressee_number", "fields"}));
  CorrectionCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  const std::string reason = f.Str("reason", true);
  auto parsed_reason = ChangeReasonFromKey(reason);
  if (!parsed_reason) Fail("json.wrong_type", "reason: unknown 異動事由 key " + reason);
  c.reason = *parsed_reason;
  c.addressee_number = f.Str("addressee_number", true);
  const Fields g =
      f.Child("fields", {"family_name", "given_name", "family_kana", "given_kana", "kana_confirmed",
                         "birth_date", "sex", "domicile", "individual_number",
                         "resident_record_code", "on_electoral_roll", "adult_ward",
                         "national_health", "late_elderly", "long_term_care", "pension",
                         "child_allowance_start", "child_allowance_end", "foreign"});
  if (g.Has("family_name")) c.family_name = g.Str("family_name");
  if (g.Has("given_name")) c.given_name = g.Str("given_name");
  if (g.Has("family_kana")) c.family_kana = g.Str("family_kana");
  if (g.Has("given_kana")) c.given_kana = g.Str("given_kana");
  if (g.Has("kana_confirmed")) c.kana_confirmed = g.Bool("kana_confirmed");
  if (g.Has("birth_date"))
    c.birth_date = DecodeDate(g, "birth_date", DatePolicy::kKosekiConsistent);
  if (g.Has("sex")) c.sex = DecodeSex(g);
  if (g.Has("domicile")) c.domicile = DecodeDomicile(g);
  if (g.Has("individual_number")) c.individual_number = g.Str("individual_number");
  if (g.Has("resident_record_code")) c.resident_record_code = g.Str("resident_record_code");
  if (g.Has("on_electoral_roll")) c.on_electoral_roll = g.Bool("on_electoral_roll");
  if (g.Has("adult_ward")) c.adult_ward = g.Bool("adult_ward");
  if (g.Has("national_health")) c.national_health = DecodeInsurance(g, "national_health");
  if (g.Has("late_elderly")) c.late_elderly = DecodeInsurance(g, "late_elderly");
  if (g.Has("long_term_care")) c.long_term_care = DecodeInsurance(g, "long_term_care");
  if (g.Has("pension")) c.pension = DecodePension(g);
  if (g.Has("child_allowance_start")) c.child_allowance_start = g.Str("child_allowance_start");
  if (g.Has("child_allowance_end")) c.child_allowance_end = g.Str("child_allowance_end");
  if (g.Has("foreign")) c.foreign = DecodeForeign(g.Child("foreign", kForeignFields));
  return c;
}

AnyChangeCommand DecodeMoveInNotice(Object::Ptr object) {
  Fields f(object, "", With({"persons", "confirmed_destination"}));
  MoveInNoticeCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.persons = f.StrList("persons");
  c.confirmed_destination = DecodeAddress(f, "confirmed_destination");
  return c;
}

AnyChangeCommand DecodeHouseholdJoin(Object::Ptr object) {
  Fields f(object, "", With({"movers", "join_household", "relationships"}));
  HouseholdJoinCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.movers = f.StrList("movers");
  c.join_household = f.Str("join_household", true);
  c.relationships = DecodeRelationships(f);
  return c;
}

AnyChangeCommand DecodeExOfficioRemoval(Object::Ptr object) {
  Fields f(object, "", With({"persons"}));
  ExOfficioRemovalCommand c;
  c.input = DecodeInput(f, DatePolicy::kKosekiConsistent);  // 失踪 dates follow the 戸籍
  c.persons = f.StrList("persons");
  return c;
}

AnyChangeCommand DecodeNationalityChange(Object::Ptr object) {
  Fields f(object, "",
           With({"kind", "addressee_number", "family_name", "given_name", "family_kana",
                 "given_kana", "domicile", "foreign"}));
  NationalityChangeCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  const std::string kind = f.Str("kind", true);
  if (kind == "naturalisation")
    c.kind = NationalityChangeCommand::Kind::kNaturalisation;
  else if (kind == "acquisition")
    c.kind = NationalityChangeCommand::Kind::kAcquisition;
  else if (kind == "loss")
    c.kind = NationalityChangeCommand::Kind::kLoss;
  else
    Fail("json.wrong_type", "kind must be naturalisation, acquisition or loss");
  c.addressee_number = f.Str("addressee_number", true);
  c.family_name = f.Str("family_name");
  c.given_name = f.Str("given_name");
  c.family_kana = f.Str("family_kana");
  c.given_kana = f.Str("given_kana");
  c.domicile = DecodeDomicile(f);
  if (f.Has("foreign")) c.foreign = DecodeForeign(f.Child("foreign", kForeignFields));
  return c;
}

AnyChangeCommand DecodeNameItem(Object::Ptr object) {
  Fields f(object, "", With({"kind", "addressee_number", "name", "kana"}));
  NameItemCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  static const std::pair<const char*, NameItemCommand::Kind> kKinds[] = {
      {"former_surname_entry", NameItemCommand::Kind::kFormerSurnameEntry},
      {"former_surname_change", NameItemCommand::Kind::kFormerSurnameChange},
      {"former_surname_deletion", NameItemCommand::Kind::kFormerSurnameDeletion},
      {"common_name_entry", NameItemCommand::Kind::kCommonNameEntry},
      {"common_name_deletion", NameItemCommand::Kind::kCommonNameDeletion}};
  const std::string kind = f.Str("kind", true);
  bool known = false;
  for (const auto& [name, value] : kKinds) {
    if (kind == name) {
      c.kind = value;
      known = true;
    }
  }
  if (!known) Fail("json.wrong_type", "kind: unknown name item " + kind);
  c.addressee_number = f.Str("addressee_number", true);
  c.name = f.Str("name");
  c.kana = f.Str("kana");
  return c;
}

AnyChangeCommand DecodeCancellation(Object::Ptr object) {
  Fields f(object, "", With({"change_id", "persons", "relationships"}));
  CancellationCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  if (!f.Has("change_id") || !f.object()->get("change_id").isInteger()) {
    Fail("json.wrong_type", "change_id must be a number");
  }
  c.change_id = f.object()->get("change_id").convert<int64_t>();
  c.persons = f.StrList("persons");
  c.relationships = DecodeRelationships(f);
  return c;
}

AnyChangeCommand DecodeRemaking(Object::Ptr object) {
  Fields f(object, "", With({"persons"}));
  RemakingCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.persons = f.StrList("persons");
  return c;
}

AnyChangeCommand DecodeAddressRenaming(Object::Ptr object) {
  Fields f(object, "", With({"household_number", "before", "after", "cause"}));
  AddressRenamingCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.household_number = f.Str("household_number", true);
  if (!f.Has("before")) Fail("json.missing_field", f.Path("before"));
  if (!f.Has("after")) Fail("json.missing_field", f.Path("after"));
  c.before = DecodeAddress(f, "before");
  c.after = DecodeAddress(f, "after");
  c.cause = f.Str("cause");
  return c;
}

AnyChangeCommand DecodeDomicileRenaming(Object::Ptr object) {
  Fields f(object, "", With({"addressee_number", "before", "after", "cause"}));
  DomicileRenamingCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.addressee_number = f.Str("addressee_number", true);
  c.before = f.Str("before", true);
  c.after = f.Str("after", true);
  c.cause = f.Str("cause");
  return c;
}

AnyChangeCommand DecodeMoveOutAmendment(Object::Ptr object) {
  Fields f(object, "", With({"persons", "destination"}));
  MoveOutAmendmentCommand c;
  c.input = DecodeInput(f, DatePolicy::kCalendarOnly);
  c.persons = f.StrList("persons");
  if (f.Has("destination")) c.destination = DecodeAddress(f, "destination");
  return c;
}

// Each 異動 type's decoder, by its "type".
using Decoder = AnyChangeCommand (*)(Object::Ptr object);
const std::map<std::string_view, Decoder>& Decoders() {
  static const std::map<std::string_view, Decoder> decoders = {
      {"move_in", DecodeMoveIn},
      {"birth", DecodeBirth},
      {"within_move", DecodeWithinMove},
      {"move_out", DecodeMoveOut},
      {"death", DecodeDeath},
      {"head_change", DecodeHeadChange},
      {"separation", DecodeSeparation},
      {"correction", DecodeCorrection},
      {"move_in_notice", DecodeMoveInNotice},
      {"household_join", DecodeHouseholdJoin},
      {"ex_officio_removal", DecodeExOfficioRemoval},
      {"nationality_change", DecodeNationalityChange},
      {"name_item", DecodeNameItem},
      {"cancellation", DecodeCancellation},
      {"remaking", DecodeRemaking},
      {"address_renaming", DecodeAddressRenaming},
      {"domicile_renaming", DecodeDomicileRenaming},
      {"move_out_amendment", DecodeMoveOutAmendment},
  };
  return decoders;
}

AnyChangeCommand DecodeObject(Object::Ptr object) {
  if (!object->has("type")) Fail("json.missing_field", "type");
  const Poco::Dynamic::Var type_value = object->get("type");
  if (!type_value.isString()) Fail("json.wrong_type", "type must be a string");
  const std::string type = type_value.convert<std::string>();
  const auto decoder = Decoders().find(type);
  if (decoder == Decoders().end()) Fail("json.unknown_type", "type " + type);
  return decoder->second(object);
}

Poco::Dynamic::Var Parse(std::string_view json) {
  auto root = ParseJson(json);
  if (!root) throw DecodeFailure{root.error()};
  return *root;
}

}  // namespace

Result<AnyChangeCommand> DecodeChangeCommand(std::string_view json) {
  try {
    const Poco::Dynamic::Var root = Parse(json);
    if (root.type() != typeid(Object::Ptr)) Fail("json.not_object", "expected one object");
    return DecodeObject(root.extract<Object::Ptr>());
  } catch (const DecodeFailure& failure) {
    return failure.error;
  }
}

Result<std::vector<std::string>> SplitChangeDocument(std::string_view json) {
  try {
    const Poco::Dynamic::Var root = Parse(json);
    std::vector<std::string> parts;
    if (root.type() == typeid(Object::Ptr)) {
      parts.emplace_back(json);
    } else if (root.type() == typeid(Array::Ptr)) {
      Array::Ptr array = root.extract<Array::Ptr>();
      for (std::size_t i = 0; i < array->size(); ++i) {
        std::ostringstream out;
        Poco::JSON::Stringifier::stringify(array->get(static_cast<unsigned>(i)), out);
        parts.push_back(out.str());
      }
    } else {
      Fail("json.not_object", "expected an object or an array of objects");
    }
    return parts;
  } catch (const DecodeFailure& failure) {
    return failure.error;
  }
}

std::string EncodeOutcome(const ChangeOutcome& outcome) {
  std::string versions = "[";
  for (std::size_t i = 0; i < outcome.versions.size(); ++i) {
    const ResidentRecord& v = outcome.versions[i];
    if (i > 0) versions += ",";
    versions += JsonObject()
                    .Add("addressee_number", v.addressee_number)
                    .Add("history_number", v.history_number)
                    .Add("household_number", v.household_number)
                    .Add("status", v.status == ResidentStatus::kResident ? "resident" : "removed")
                    .str();
  }
  versions += "]";
  const ChangeReasonInfo& reason = InfoOf(outcome.change.reason);
  return JsonObject()
      .Add("change_id", outcome.change.change_id)
      .Add("reason", reason.key)
      .Add("reason_ja", reason.name_ja)
      .Add("ex_officio", outcome.change.ex_officio)
      .Add("special", outcome.change.special)
      .AddRaw("alerts", JsonStringArray(outcome.change.alerts))
      .AddRaw("notices", JsonStringArray(outcome.notices))
      .AddRaw("versions", versions)
      .str();
}

std::string_view CommandType(const AnyChangeCommand& command) {
  static constexpr std::string_view kTypes[] = {"move_in",
                                                "birth",
                                                "within_move",
                                                "move_out",
                                                "death",
                                                "head_change",
                                                "separation",
                                                "correction",
                                                "move_in_notice",
                                                "household_join",
                                                "ex_officio_removal",
                                                "nationality_change",
                                                "name_item",
                                                "cancellation",
                                                "move_out_amendment",
                                                "remaking",
                                                "address_renaming",
                                                "domicile_renaming"};
  static_assert(std::size(kTypes) == std::variant_size_v<AnyChangeCommand>);
  return kTypes[command.index()];
}

std::string EncodePending(const PendingChange& pending) {
  return JsonObject()
      .Add("pending_id", pending.pending_id)
      .Add("type", pending.kind)
      .Add("summary", pending.summary)
      .AddRaw("persons", JsonStringArray(pending.persons))
      .Add("entered_on", ToIsoString(pending.entered_on))
      .Add("operator_id", pending.operator_id)
      .Add("place", pending.place)
      .Add("terminal", pending.terminal)
      .str();
}

Result<ChangeOutcome> ApproveStored(ChangeDesk& desk, int64_t pending_id) {
  auto entry = desk.PendingOne(pending_id);
  if (!entry) return entry.error();
  auto command = DecodeChangeCommand(entry->command_json);
  if (!command) return command.error();
  return desk.Approve(pending_id, *command);
}

}  // namespace jrr::web
