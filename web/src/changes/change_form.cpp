// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/changes/change_form.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "jrr/domain/core/text.h"

namespace jrr::web {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::vector<std::string> Split(const std::string& name, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(name);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

bool IsIndex(const std::string& segment) {
  return !segment.empty() && segment.size() < 4 &&
         segment.find_first_not_of("0123456789") == std::string::npos;
}

struct BadName {
  std::string name;
};

// A container (object or array) and the slot in it that `segment` names, created on the way.
class Builder {
 public:
  Object::Ptr root = new Object;

  void Put(const std::string& name, const std::string& value) {
    std::string path = name;
    std::string kind;
    if (const std::size_t colon = name.rfind(':'); colon != std::string::npos) {
      path = name.substr(0, colon);
      kind = name.substr(colon + 1);
    }
    const std::vector<std::string> segments = Split(path, '.');
    if (segments.empty()) throw BadName{name};
    for (const std::string& s : segments) {
      if (s.empty()) throw BadName{name};
    }
    Poco::Dynamic::Var leaf;
    if (kind == "bool") {
      leaf = value == "1" || value == "true" || value == "on";
    } else if (kind == "int") {
      if (value.empty() || value.size() > 18 ||
          value.find_first_not_of("0123456789") != std::string::npos) {
        throw BadName{name};
      }
      leaf = static_cast<Poco::Int64>(std::stoll(value));
    } else if (kind == "list") {
      leaf = value;  // appended below
    } else if (kind.empty()) {
      leaf = value;
    } else {
      throw BadName{name};
    }
    Object::Ptr object = root;
    Array::Ptr array;
    for (std::size_t i = 0; i + 1 < segments.size(); ++i) {
      const bool next_is_index = IsIndex(segments[i + 1]);
      Poco::Dynamic::Var child = Get(object, array, segments[i]);
      Object::Ptr child_object;
      Array::Ptr child_array;
      if (child.isEmpty()) {
        if (next_is_index) {
          child_array = new Array;
          Set(object, array, segments[i], child_array);
        } else {
          child_object = new Object;
          Set(object, array, segments[i], child_object);
        }
      } else if (child.type() == typeid(Object::Ptr)) {
        child_object = child.extract<Object::Ptr>();
      } else if (child.type() == typeid(Array::Ptr)) {
        child_array = child.extract<Array::Ptr>();
      } else {
        throw BadName{name};
      }
      object = child_object;
      array = child_array;
      if ((next_is_index && !array) || (!next_is_index && !object)) throw BadName{name};
    }
    const std::string& last = segments.back();
    if (kind == "list") {
      Poco::Dynamic::Var existing = Get(object, array, last);
      Array::Ptr list;
      if (existing.isEmpty()) {
        list = new Array;
        Set(object, array, last, list);
      } else if (existing.type() == typeid(Array::Ptr)) {
        list = existing.extract<Array::Ptr>();
      } else {
        throw BadName{name};
      }
      for (const std::string& item : Split(value, ',')) {
        if (!item.empty()) list->add(item);
      }
      return;
    }
    Set(object, array, last, leaf);
  }

 private:
  static Poco::Dynamic::Var Get(const Object::Ptr& object, const Array::Ptr& array,
                                const std::string& key) {
    if (object) return object->has(key) ? object->get(key) : Poco::Dynamic::Var();
    const std::size_t i = std::stoul(key);
    return i < array->size() ? array->get(static_cast<unsigned>(i)) : Poco::Dynamic::Var();
  }
  static void Set(Object::Ptr object, Array::Ptr array, const std::string& key,
                  const Poco::Dynamic::Var& value) {
    if (object) {
      object->set(key, value);
      return;
    }
    const std::size_t i = std::stoul(key);
    // Indexes arrive in order on a form; a gap is filled with an empty object.
    while (array->size() < i) array->add(Object::Ptr(new Object));
    array->set(static_cast<unsigned>(i), value);
  }
};

}  // namespace

Result<std::string> ChangeJsonFromForm(
    const std::vector<std::pair<std::string, std::string>>& fields) {
  Builder builder;
  try {
    for (const auto& [name, value] : fields) {
      if (name == "csrf" || name == "mode" || name == "step") continue;
      // A checkbox list sends nothing when none is ticked; other empty fields are "not given".
      if (value.empty() && !name.ends_with(":list")) continue;
      builder.Put(name, value);
    }
  } catch (const BadName& bad) {
    return MakeError(ErrorCode::kInvalidInput, "change_form.bad_name", bad.name);
  }
  std::ostringstream out;
  builder.root->stringify(out);
  return out.str();
}

namespace {

// A heading → the form field; a person's fields go under persons.N.
struct CsvColumn {
  std::string_view heading;
  std::string_view field;  // "*name" / "*kana": split at the first space into 氏 and 名
  bool person;
};
constexpr CsvColumn kCsvColumns[] = {
    {"氏", "family_name", true},
    {"名", "given_name", true},
    {"氏名", "*name", true},
    {"氏の振り仮名", "family_kana", true},
    {"氏フリガナ", "family_kana", true},
    {"名の振り仮名", "given_kana", true},
    {"名フリガナ", "given_kana", true},
    {"氏名の振り仮名", "*kana", true},
    {"フリガナ", "*kana", true},
    {"生年月日", "birth_date", true},
    {"性別", "sex", true},
    {"続柄", "relationship", true},
    {"本籍", "domicile.place", true},
    {"筆頭者", "domicile.head_of_family", true},
    {"住民票コード", "resident_record_code", true},
    {"個人番号", "individual_number", true},
    {"旧氏", "former_surname", true},
    {"異動日", "event_date", false},
    {"届出日", "notification_date", false},
    {"転入前住所", "previous_address.text", false},
    {"前住所", "previous_address.text", false},
    {"住所", "previous_address.text", false},
    {"転入前番地", "previous_address.banchi", false},
    {"新住所", "new_address.text", false},
    {"新住所の番地", "new_address.banchi", false},
    {"方書", "new_address.katagaki", false},
    {"世帯番号", "join_household", false},
    {"留意事項", "note", false},
};
// The JSON names taken as they are.
constexpr std::string_view kPersonNames[] = {"family_name",
                                             "given_name",
                                             "family_kana",
                                             "given_kana",
                                             "birth_date",
                                             "sex",
                                             "relationship",
                                             "domicile.place",
                                             "domicile.head_of_family",
                                             "resident_record_code",
                                             "individual_number",
                                             "former_surname",
                                             "kind"};
constexpr std::string_view kCommonNames[] = {"event_date",
                                             "notification_date",
                                             "previous_address.text",
                                             "previous_address.banchi",
                                             "new_address.text",
                                             "new_address.banchi",
                                             "new_address.katagaki",
                                             "new_address.code",
                                             "join_household",
                                             "note"};

std::pair<std::string, std::string> SplitAtSpace(const std::string& text) {
  for (std::string_view space : {std::string_view("\u3000"), std::string_view(" ")}) {
    const std::size_t at = text.find(space);
    if (at != std::string::npos) return {text.substr(0, at), text.substr(at + space.size())};
  }
  return {text, ""};
}

}  // namespace

// IMP: JK-10.8
Result<std::vector<std::pair<std::string, std::string>>> MoveInFieldsFromCsv(std::string_view csv) {
  csv = WithoutBom(csv);
  if (auto ok = CheckText(csv, {.max_bytes = 1024 * 1024, .allow_newlines = true}); !ok)
    return ok.error();
  auto table = ParseCsv(csv);
  if (!table) return table.error();
  if (table->size() < 2)
    return MakeError(ErrorCode::kInvalidInput, "csv.no_rows", "a heading and one row at least");
  struct Target {
    std::string field;
    bool person;
  };
  std::vector<Target> targets;
  for (const std::string& heading : table->front()) {
    Target t{"", false};
    for (const CsvColumn& c : kCsvColumns) {
      if (heading == c.heading) t = {std::string(c.field), c.person};
    }
    for (std::string_view name : kPersonNames) {
      if (heading == name) t = {heading, true};
    }
    for (std::string_view name : kCommonNames) {
      if (heading == name) t = {heading, false};
    }
    if (t.field.empty()) return MakeError(ErrorCode::kInvalidInput, "csv.unknown_column", heading);
    targets.push_back(std::move(t));
  }
  std::vector<std::pair<std::string, std::string>> fields{{"type", "move_in"}};
  for (std::size_t row = 1; row < table->size(); ++row) {
    const std::vector<std::string>& cells = (*table)[row];
    const std::string at = "persons." + std::to_string(row - 1) + ".";
    for (std::size_t i = 0; i < targets.size() && i < cells.size(); ++i) {
      const Target& t = targets[i];
      std::string value = cells[i];
      if (value.empty()) continue;
      if (!t.person) {
        if (row == 1) fields.emplace_back(t.field, value);
        continue;
      }
      if (t.field == "*name" || t.field == "*kana") {
        auto [family, given] = SplitAtSpace(value);
        const bool name = t.field == "*name";
        fields.emplace_back(at + (name ? "family_name" : "family_kana"), family);
        fields.emplace_back(at + (name ? "given_name" : "given_kana"), given);
        continue;
      }
      if (t.field == "sex") value = value == "1" ? "男" : value == "2" ? "女" : value;
      fields.emplace_back(at + t.field, value);
    }
  }
  return fields;
}

}  // namespace jrr::web
