// SPDX-License-Identifier: Apache-2.0
#include "jrr/web/change_form.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

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
  return !segment.empty() && segment.size() < 4 && segment.find_first_not_of("0123456789") == std::string::npos;
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
      if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos) {
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
  static Poco::Dynamic::Var Get(const Object::Ptr& object, const Array::Ptr& array, const std::string& key) {
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

Result<std::string> ChangeJsonFromForm(const std::vector<std::pair<std::string, std::string>>& fields) {
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

}  // namespace jrr::web
