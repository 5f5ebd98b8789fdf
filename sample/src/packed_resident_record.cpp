// SPDX-License-Identifier: Apache-2.0
#include "jrr/sample/packed_resident_record.h"

#include <cassert>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace jrr {
namespace {

// A field added to ResidentRecord (or to a struct inside it) must be added to Items below too, or
// it is lost whenever the in-memory register holds the record. The size catches most additions on
// the one toolchain the project builds with; when it fails, add the field, then the new size.
#if defined(__GLIBCXX__) && defined(__x86_64__)
static_assert(sizeof(ResidentRecord) == 2184,
              "ResidentRecord changed: pack the new item in Items()");
#endif

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

// Appends: integers and enumerations as zig-zag variable-length integers (most take one byte),
// strings as their length then their bytes, an optional as a presence byte then its value.
class Packer {
 public:
  explicit Packer(std::string& out) : out_(out) {}
  template <class T>
  void Scalar(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      Number(value.size());
      out_.append(value);
    } else {
      const auto n = static_cast<int64_t>(value);
      Number((static_cast<uint64_t>(n) << 1) ^ static_cast<uint64_t>(n >> 63));
    }
  }
  template <class T, class Visit>
  void Optional(const std::optional<T>& value, Visit visit) {
    out_.push_back(value ? '\1' : '\0');
    if (value) visit(*value);
  }
  template <class T, class Visit>
  void Sequence(const std::vector<T>& values, Visit visit) {
    Number(values.size());
    for (const T& v : values) visit(v);
  }

 private:
  void Number(uint64_t n) {
    while (n >= 0x80) {
      out_.push_back(static_cast<char>(n | 0x80));
      n >>= 7;
    }
    out_.push_back(static_cast<char>(n));
  }
  std::string& out_;
};

// Reads back what Packer appended, in the same order.
class Unpacker {
 public:
  explicit Unpacker(std::string_view in) : in_(in) {}
  template <class T>
  void Scalar(T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
      const std::size_t size = Number();
      assert(size <= in_.size() - at_);
      value.assign(in_.substr(at_, size));
      at_ += size;
    } else {
      const uint64_t z = Number();
      const auto n = static_cast<int64_t>((z >> 1) ^ (~(z & 1) + 1));
      if constexpr (std::is_same_v<T, bool>) {
        value = n != 0;
      } else {
        value = static_cast<T>(n);
      }
    }
  }
  template <class T, class Visit>
  void Optional(std::optional<T>& value, Visit visit) {
    assert(at_ < in_.size());
    if (in_[at_++] == '\0') {
      value.reset();
      return;
    }
    visit(value.emplace());
  }
  template <class T, class Visit>
  void Sequence(std::vector<T>& values, Visit visit) {
    values.resize(Number());
    for (T& v : values) visit(v);
  }
  bool AtEnd() const { return at_ == in_.size(); }

 private:
  uint64_t Number() {
    uint64_t n = 0;
    for (int shift = 0;; shift += 7) {
      assert(at_ < in_.size());
      const auto byte = static_cast<unsigned char>(in_[at_++]);
      n |= static_cast<uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return n;
    }
  }
  std::string_view in_;
  std::size_t at_ = 0;
};

// Every item of a ResidentRecord, in one order, for both directions: `T` is the record's type or a
// part of it, const when packing.
template <class A, class T>
void Items(A& a, T& x) {
  using U = std::remove_const_t<T>;
  auto item = [&a](auto& part) { Items(a, part); };
  if constexpr (std::is_same_v<U, std::string> || std::is_arithmetic_v<U> || std::is_enum_v<U>) {
    a.Scalar(x);
  } else if constexpr (IsOptional<U>::value) {
    a.Optional(x, item);
  } else if constexpr (std::is_same_v<U, std::vector<KinTerm>>) {
    a.Sequence(x, item);
  } else if constexpr (std::is_same_v<U, CalendarDate>) {
    item(x.year);
    item(x.month);
    item(x.day);
  } else if constexpr (std::is_same_v<U, RecordedDate>) {
    item(x.state);
    item(x.form);
    item(x.era);
    item(x.era_year);
    item(x.year);
    item(x.month);
    item(x.day);
    item(x.month2);
    item(x.day2);
    item(x.season);
    item(x.ten_days);
  } else if constexpr (std::is_same_v<U, Address>) {
    item(x.address_code);
    item(x.text);
    item(x.banchi);
    item(x.katagaki);
    item(x.postal_code);
    item(x.abroad);
  } else if constexpr (std::is_same_v<U, Domicile>) {
    item(x.state);
    item(x.place);
    item(x.head_of_family);
  } else if constexpr (std::is_same_v<U, InsuranceStatus>) {
    item(x.covered);
    item(x.acquired);
    item(x.lost);
  } else if constexpr (std::is_same_v<U, NationalPension>) {
    item(x.covered);
    item(x.basic_pension_number);
    item(x.type);
    item(x.type_changed);
    item(x.acquired);
    item(x.lost);
  } else if constexpr (std::is_same_v<U, RelationshipToHead>) {
    item(x.kind);
    item(x.chain);
    item(x.alert_rule);
  } else if constexpr (std::is_same_v<U, ForeignResidentItems>) {
    item(x.alphabet_name);
    item(x.nationality);
    item(x.foreign_resident_since);
    item(x.registered_under_former_law);
    item(x.category);
    item(x.status_of_residence);
    item(x.period_of_stay);
    item(x.period_expiry);
    item(x.residence_card_number);
    item(x.special_permanent_certificate_number);
    item(x.landing_period);
    item(x.provisional_stay_period);
  } else if constexpr (std::is_same_v<U, RemovalItems>) {
    item(x.reason);
    item(x.effective);
    item(x.planned_destination);
    item(x.confirmed_destination);
    item(x.move_in_notice_date);
    item(x.confirmed_move_out_date);
  } else if constexpr (std::is_same_v<U, ResidentRecord>) {
    item(x.addressee_number);
    item(x.history_number);
    item(x.household_number);
    item(x.kind);
    item(x.status);
    item(x.family_name);
    item(x.given_name);
    item(x.family_kana);
    item(x.given_kana);
    item(x.kana_confirmed);
    item(x.former_surname);
    item(x.former_surname_kana);
    item(x.common_name);
    item(x.common_name_kana);
    item(x.birth_date);
    item(x.sex);
    item(x.relationship);
    item(x.domicile);
    item(x.resident_since);
    item(x.address);
    item(x.address_since);
    item(x.notification_date);
    item(x.previous_address);
    item(x.last_registered_address);
    item(x.individual_number);
    item(x.resident_record_code);
    item(x.on_electoral_roll);
    item(x.national_health);
    item(x.late_elderly);
    item(x.long_term_care);
    item(x.pension);
    item(x.child_allowance_start);
    item(x.child_allowance_end);
    item(x.adult_ward);
    item(x.foreign);
    item(x.removal);
  } else {
    static_assert(!std::is_same_v<U, U>, "no packing for this type");
  }
}

}  // namespace

std::string PackResidentRecord(const ResidentRecord& record) {
  // Packed into a buffer kept for the next record, then copied at its exact size: the copy is what
  // the caller holds, so it should carry no spare capacity.
  thread_local std::string buffer;
  buffer.clear();
  Packer packer(buffer);
  Items(packer, record);
  return std::string(buffer);
}

ResidentRecord UnpackResidentRecord(std::string_view packed) {
  ResidentRecord record;
  Unpacker unpacker(packed);
  Items(unpacker, record);
  assert(unpacker.AtEnd());
  return record;
}

}  // namespace jrr
